import type { PreviewPass } from '../preview/preview-input';
import { IMAGE_SLOTS, type PassFormValues, slotFileName } from './form-model';

/** The form's images (by slot) → image URLs by file name, as the previews and checks read them. */
export function previewImagesOf(images: Partial<PassFormValues['images']> | null | undefined): PreviewPass['images'] {
  const urls: PreviewPass['images'] = {};
  for (const slot of IMAGE_SLOTS) urls[slotFileName(slot)] = images?.[slot]?.url ?? null;
  return urls;
}

/** Form values → the pass-shaped value the pure preview components and the pass checks take. */
export function toPreviewPass(values: Partial<PassFormValues>): PreviewPass {
  return {
    passName: values.passName ?? null,
    notificationHeader: values.notificationHeader ?? null,
    passMetadata: { ...values.passMetadata, locations: values.locations ?? [] },
    images: previewImagesOf(values.images),
  };
}
