/** Colour arithmetic shared by the editor, the pass checks and the previews. */
import { HEX_COLOR } from '../../contract/rules';

export interface Rgb {
  r: number;
  g: number;
  b: number;
}

/**
 * Reads `#RRGGBB` (the `#` optional, case-insensitive, surrounding space ignored); anything else
 * is null. Short `#RGB` is refused on purpose: while someone types `#3B2A20`, the preview should
 * keep the default colour rather than flash `#33BB22`.
 */
export function parseHex(value: string | null | undefined): Rgb | null {
  if (typeof value !== 'string') return null;
  const match = /^#?([0-9a-f]{6})$/i.exec(value.trim());
  if (!match?.[1]) return null;
  const n = Number.parseInt(match[1], 16);
  return { r: (n >> 16) & 255, g: (n >> 8) & 255, b: n & 255 };
}

const toRgb = (color: Rgb | string | null | undefined): Rgb | null =>
  typeof color === 'string' || color == null ? parseHex(color) : color;

/** WCAG 2 relative luminance (0 for black, 1 for white); NaN when the colour cannot be read. */
export function relativeLuminance(color: Rgb | string): number {
  const rgb = toRgb(color);
  if (!rgb) return Number.NaN;
  const channel = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(rgb.r) + 0.7152 * channel(rgb.g) + 0.0722 * channel(rgb.b);
}

/** WCAG 2 contrast ratio, 1 to 21; NaN when either colour cannot be read. */
export function contrastRatio(a: Rgb | string, b: Rgb | string): number {
  const la = relativeLuminance(a);
  const lb = relativeLuminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/**
 * Contrast of text on background as the pass stores them: only colours written exactly as the
 * contract wants (`#RRGGBB`) count; otherwise null (the field shows its own error).
 */
export function textContrast(background: string | null | undefined, text: string | null | undefined): number | null {
  if (!background || !text || !HEX_COLOR.test(background) || !HEX_COLOR.test(text)) return null;
  return contrastRatio(background, text);
}

export const MIN_TEXT_CONTRAST = 4.5;
