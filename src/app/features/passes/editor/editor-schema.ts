/**
 * The editor's validation: the contract's strict request schemas for everything the API checks,
 * plus the rules of the editor itself (uploads finished, at most 10 locations).
 */
import * as z from 'zod/mini';
import { MAX_LOCATIONS } from '../../../../contract/wallet-rules';
import type { ImageValue, PassFormValues } from '../model/form-model';
import {
  CreatePassRequestSchema,
  PassMetadataInputSchema,
  UpdateLocationRequestSchema,
  UpdatePassRequestSchema,
} from '../../../../contract/input-schemas';

/** An image slot's value as the form holds it (an upload, or a file still uploading). */
type FormImage = ImageValue & { pending?: boolean };
const isFormImage = (value: unknown): boolean => {
  if (typeof value !== 'object' || value === null) return false;
  const { fileName, url } = value as { fileName?: unknown; url?: unknown };
  return typeof fileName === 'string' && (url === undefined || url === null || typeof url === 'string');
};

const image = z.nullable(
  z.custom<FormImage>(isFormImage).check(z.refine((v) => !v.pending, 'Wait until the upload has finished')),
);

/**
 * A pass may have no top field. The form always shows its inputs, so a top field whose inputs are
 * all empty (and that carries nothing else) reads as "none" rather than as a field missing a key.
 */
function withoutEmptyTopField(metadata: PassFormValues['passMetadata']): unknown {
  if (!metadata || typeof metadata !== 'object') return metadata;
  const topField: unknown = metadata.topField;
  if (!topField || typeof topField !== 'object') return metadata;
  const empty = Object.values(topField).every((v) => v === undefined || v === null || v === '');
  return empty ? { ...metadata, topField: null } : metadata;
}

export const PassFormSchema = z.looseObject({
  passName: CreatePassRequestSchema.shape.passName,
  notificationHeader: UpdatePassRequestSchema.shape.notificationHeader,
  passLinkSlug: UpdatePassRequestSchema.shape.passLinkSlug,
  passMetadata: z.pipe(z.transform(withoutEmptyTopField), PassMetadataInputSchema),
  locations: z
    .array(UpdateLocationRequestSchema)
    .check(z.maxLength(MAX_LOCATIONS, `At most ${MAX_LOCATIONS} locations: Apple Wallet uses no more than 10`)),
  images: z.looseObject({
    // Required images do not block a save: a draft may be designed before its images exist. The
    // pass checks flag them as errors and the API refuses to publish without them.
    logo: image,
    icon: image,
    strip: image,
    footer: image,
  }),
});
