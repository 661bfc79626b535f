/**
 * Colours taken from artwork: the dominant colour of an image's visible pixels, and a text
 * colour that reads on it at 4.5:1 or better (WCAG AA for body text).
 */
import { type Rgb, contrastRatio } from './color';

const hex = ({ r, g, b }: Rgb) =>
  `#${[r, g, b]
    .map((c) => Math.round(c).toString(16).padStart(2, '0'))
    .join('')
    .toUpperCase()}`;

/**
 * The most common colour among the opaque pixels, by 4096 buckets (4 bits a channel), answered as
 * the mean of its bucket so it is a colour the artwork really has. Null for a fully transparent image.
 */
export function dominantColor(rgba: Uint8ClampedArray | Uint8Array, width: number, height: number): Rgb | null {
  const counts = new Uint32Array(4096);
  const sums = new Float64Array(4096 * 3);
  const step = width * height > 250_000 ? 3 : 1;
  for (let i = 0; i < width * height; i += step) {
    const at = i * 4;
    if (rgba[at + 3]! < 128) continue;
    const r = rgba[at]!;
    const g = rgba[at + 1]!;
    const b = rgba[at + 2]!;
    const bucket = ((r >> 4) << 8) | ((g >> 4) << 4) | (b >> 4);
    counts[bucket]!++;
    sums[bucket * 3] = sums[bucket * 3]! + r;
    sums[bucket * 3 + 1] = sums[bucket * 3 + 1]! + g;
    sums[bucket * 3 + 2] = sums[bucket * 3 + 2]! + b;
  }
  let best = -1;
  for (let bucket = 0; bucket < counts.length; bucket++) if (best < 0 || counts[bucket]! > counts[best]!) best = bucket;
  const n = counts[best]!;
  if (!n) return null;
  return {
    r: Math.round(sums[best * 3]! / n),
    g: Math.round(sums[best * 3 + 1]! / n),
    b: Math.round(sums[best * 3 + 2]! / n),
  };
}

const WHITE: Rgb = { r: 255, g: 255, b: 255 };
const BLACK: Rgb = { r: 0, g: 0, b: 0 };

export interface ColorSuggestion {
  /** `#RRGGBB` */
  background: string;
  /** `#RRGGBB`: white or black, whichever reads better. */
  text: string;
  contrast: number;
}

/**
 * Background = the dominant colour; text = white or black, whichever reads better. One of the two
 * always reaches 4.5:1 (at worst about 4.6:1, on a background of luminance 0.18), so the artwork's
 * own colour is never altered.
 */
export function suggestColors(dominant: Rgb): ColorSuggestion {
  const text = contrastRatio(dominant, WHITE) >= contrastRatio(dominant, BLACK) ? WHITE : BLACK;
  return { background: hex(dominant), text: hex(text), contrast: contrastRatio(dominant, text) };
}
