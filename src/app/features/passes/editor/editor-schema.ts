/**
 * The editor's validation: the contract's strict request schemas for everything the API checks,
 * plus the rules of the editor itself (uploads finished, at most 10 locations).
 */
import * as z from 'zod/mini';
import { MAX_LOCATIONS } from '../../../../contract/rules';
import {
  CreatePassRequestSchema,
  PassMetadataInputSchema,
  UpdateLocationRequestSchema,
  UpdatePassRequestSchema,
} from '../../../../contract/schemas';

const image = z.nullish(
  z
    .looseObject({ fileName: z.string(), url: z.nullish(z.string()), pending: z.optional(z.boolean()) })
    .check(z.refine((v) => !v.pending, 'Wait until the upload has finished')),
);

export const PassFormSchema = z.looseObject({
  passName: CreatePassRequestSchema.shape.passName,
  notificationHeader: UpdatePassRequestSchema.shape.notificationHeader,
  passLinkSlug: UpdatePassRequestSchema.shape.passLinkSlug,
  passMetadata: PassMetadataInputSchema,
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
