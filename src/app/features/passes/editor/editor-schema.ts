/**
 * The editor's validation: the contract's strict request schemas for everything the API checks,
 * plus the rules of the editor itself (required images, at most 10 locations).
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
const requiredImage = (name: string, use: string) =>
  z.custom<unknown>((value) => value !== null && value !== undefined, `Add ${name}: ${use}`);

export const PassFormSchema = z.looseObject({
  passName: CreatePassRequestSchema.shape.passName,
  notificationHeader: UpdatePassRequestSchema.shape.notificationHeader,
  passLinkSlug: UpdatePassRequestSchema.shape.passLinkSlug,
  passMetadata: PassMetadataInputSchema,
  locations: z
    .array(UpdateLocationRequestSchema)
    .check(z.maxLength(MAX_LOCATIONS, `At most ${MAX_LOCATIONS} locations: Apple Wallet uses no more than 10`)),
  images: z.looseObject({
    logo: z.pipe(requiredImage('logo.png', 'the logo at the top of the pass'), image),
    icon: z.pipe(requiredImage('icon.png', 'Apple Wallet will not install a pass without an icon'), image),
    strip: z.pipe(requiredImage('strip.png', 'the banner image of the pass'), image),
    footer: image,
  }),
});
