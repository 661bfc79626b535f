/**
 * The crop step's pixels: reads a dropped image, cuts the chosen rectangle out and writes a PNG
 * of the slot's exact size. Large originals are first halved on a canvas with high-quality
 * smoothing (a photo of 8000 px never has to sit in memory as raw pixels); the last step to the
 * exact size and the PNG encoding run in plain TypeScript, the same code the unit tests run.
 */
import { encodePng } from '../../../lib/png-encode';
import { resampleRgba } from '../../../lib/resample';
import { type CropRect, type Size, roundCrop } from './slot-crop';
import { MAX_SOURCE_SIDE, type SourceKind, sniffImage } from './source-check';

export interface DecodedSource extends Size {
  bitmap: ImageBitmap;
  kind: SourceKind;
}

export async function decodeSource(file: File): Promise<DecodedSource> {
  const kind = await sniffImage(file);
  if (!kind) throw new Error(`${file.name} is not a PNG, JPEG or WebP image.`);
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    throw new Error(`${file.name} could not be read as an image; it may be damaged.`);
  }
  if (bitmap.width > MAX_SOURCE_SIDE || bitmap.height > MAX_SOURCE_SIDE) {
    const size = `${bitmap.width}×${bitmap.height} px`;
    bitmap.close();
    throw new Error(`${file.name} is ${size}; use an image of at most ${MAX_SOURCE_SIDE} px on each side.`);
  }
  return { bitmap, kind, width: bitmap.width, height: bitmap.height };
}

function canvas(size: Size) {
  const surface = document.createElement('canvas');
  surface.width = size.width;
  surface.height = size.height;
  const context = surface.getContext('2d', { willReadFrequently: true });
  if (!context) throw new Error('This browser cannot crop images (no canvas).');
  context.imageSmoothingEnabled = true;
  context.imageSmoothingQuality = 'high';
  return { surface, context };
}

/**
 * The crop's pixels at no more than twice the target size: halved step by step on a canvas,
 * so every step averages neighbouring pixels instead of skipping them.
 */
export function readCropPixels(source: CanvasImageSource & Size, crop: CropRect, target: Size) {
  const rect = roundCrop(crop, source);
  let size: Size = { width: rect.width, height: rect.height };
  const halve = (s: Size) => s.width / 2 >= target.width * 2 && s.height / 2 >= target.height * 2;
  let next: Size = halve(size) ? { width: Math.round(size.width / 2), height: Math.round(size.height / 2) } : size;
  let step = canvas(next);
  step.context.drawImage(source, rect.x, rect.y, rect.width, rect.height, 0, 0, next.width, next.height);
  size = next;
  while (halve(size)) {
    next = { width: Math.round(size.width / 2), height: Math.round(size.height / 2) };
    const smaller = canvas(next);
    smaller.context.drawImage(step.surface, 0, 0, size.width, size.height, 0, 0, next.width, next.height);
    step = smaller;
    size = next;
  }
  return { rgba: step.context.getImageData(0, 0, size.width, size.height).data, ...size };
}

export interface SlotPng extends Size {
  bytes: Uint8Array<ArrayBuffer>;
  /** The output's pixels, for colour suggestions and Google's logo check. */
  rgba: Uint8ClampedArray<ArrayBuffer>;
}

/** Pixels of the crop (any size) → a PNG of exactly the target size, transparency kept. */
export async function pixelsToSlotPng(
  rgba: Uint8ClampedArray | Uint8Array,
  width: number,
  height: number,
  target: Size,
): Promise<SlotPng> {
  const exact = resampleRgba(rgba, width, height, target.width, target.height);
  return { bytes: await encodePng(exact, target.width, target.height), rgba: exact, ...target };
}

/** The whole step in the browser: decoded original + crop → PNG file of the slot's size. */
export async function renderCrop(source: DecodedSource, crop: CropRect, target: Size, fileName: string) {
  const pixels = readCropPixels(source.bitmap as CanvasImageSource & Size, crop, target);
  const png = await pixelsToSlotPng(pixels.rgba, pixels.width, pixels.height, target);
  return { ...png, file: new File([png.bytes], fileName, { type: 'image/png' }) };
}
