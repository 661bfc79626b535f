/**
 * Facts read from an image on screen: its dominant colour (for colour suggestions) and, for a
 * logo, how much artwork falls outside Google's safe circle. Read from a copy at most 256 px
 * across, which is plenty for both and cheap on every image change.
 */
import type { Rgb } from '../../../lib/color';
import { dominantColor } from '../../../lib/dominant-color';
import { artworkOutsideSafeCircle } from './google-logo-circle';

export interface ImageArtwork {
  dominant: Rgb | null;
  outsideSafeCircle: number;
}

const SAMPLE_SIDE = 256;

/** Null where the browser gives no canvas to read (or the image is not readable). */
export function analyzeImage(image: HTMLImageElement): ImageArtwork | null {
  const { naturalWidth: width, naturalHeight: height } = image;
  if (!width || !height || typeof navigator === 'undefined' || /jsdom/i.test(navigator.userAgent)) return null;
  const scale = Math.min(1, SAMPLE_SIDE / Math.max(width, height));
  const w = Math.max(1, Math.round(width * scale));
  const h = Math.max(1, Math.round(height * scale));
  return analyzePixels(image, w, h);
}

function analyzePixels(image: CanvasImageSource, w: number, h: number): ImageArtwork | null {
  const canvas = document.createElement('canvas');
  canvas.width = w;
  canvas.height = h;
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) return null;
  context.imageSmoothingQuality = 'high';
  try {
    context.drawImage(image, 0, 0, w, h);
    const { data } = context.getImageData(0, 0, w, h);
    return { dominant: dominantColor(data, w, h), outsideSafeCircle: artworkOutsideSafeCircle(data, w, h) };
  } catch {
    // A cross-origin image without CORS taints the canvas: nothing to suggest from it.
    return null;
  }
}
