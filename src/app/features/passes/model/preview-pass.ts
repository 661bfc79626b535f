import type { PreviewPass } from '../preview/preview-input';
import { IMAGE_SLOTS, type PassFormValues, slotFileName } from './form-model';

/** Form values → the pass-shaped value the pure preview components and the pass checks take. */
export function toPreviewPass(values: Partial<PassFormValues>): PreviewPass {
  const images: PreviewPass['images'] = {};
  for (const slot of IMAGE_SLOTS) images[slotFileName(slot)] = values.images?.[slot]?.url ?? null;
  return {
    passName: values.passName ?? null,
    notificationHeader: values.notificationHeader ?? null,
    passMetadata: { ...values.passMetadata, locations: values.locations ?? [] },
    images,
  };
}
