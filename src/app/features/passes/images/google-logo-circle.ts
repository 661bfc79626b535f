/**
 * Google Wallet's logo circle: where it masks a logo and how much of the artwork falls outside
 * its safe area. Apart from the crop geometry because the editor reads it for every logo on
 * screen, while the crop step loads only when an image is picked.
 */
import { GOOGLE_LOGO_SAFE_MARGIN } from '../../../../contract/wallet-rules';
import type { Size } from './slot-crop';

/**
 * Google masks the logo to a circle inside the centred square of the image; the safe circle
 * keeps a 15 % margin. Sizes are fractions of the image's width and height.
 */
function googleLogoCircle(size: Size) {
  const side = Math.min(size.width, size.height);
  return {
    square: { x: (size.width - side) / 2, y: (size.height - side) / 2, side },
    safeRadius: side * (0.5 - GOOGLE_LOGO_SAFE_MARGIN),
  };
}

/**
 * The share of the logo's visible artwork (not transparent, not the background colour of its
 * border) that falls outside Google's safe circle, 0 to 1. Pixels outside the centred square are
 * cut by Google altogether and count as outside.
 */
export function artworkOutsideSafeCircle(rgba: Uint8ClampedArray | Uint8Array, width: number, height: number): number {
  if (width < 1 || height < 1) return 0;
  // The border's average opaque colour stands for the background of an opaque logo.
  let br = 0, bg = 0, bb = 0, bn = 0, transparentBorder = 0; // prettier-ignore
  const borderPixel = (x: number, y: number) => {
    const at = (y * width + x) * 4;
    if (rgba[at + 3]! < 128) {
      transparentBorder++;
      return;
    }
    br += rgba[at]!;
    bg += rgba[at + 1]!;
    bb += rgba[at + 2]!;
    bn++;
  };
  for (let x = 0; x < width; x++) {
    borderPixel(x, 0);
    borderPixel(x, height - 1);
  }
  for (let y = 1; y < height - 1; y++) {
    borderPixel(0, y);
    borderPixel(width - 1, y);
  }
  const opaqueBackground = bn > transparentBorder;
  const background = bn > 0 ? [br / bn, bg / bn, bb / bn] : [0, 0, 0];
  const { square, safeRadius } = googleLogoCircle({ width, height });
  const cx = square.x + square.side / 2;
  const cy = square.y + square.side / 2;
  let artwork = 0;
  let outside = 0;
  // Every other pixel is plenty for a share, and halves the work on large logos.
  const step = width * height > 250_000 ? 2 : 1;
  for (let y = 0; y < height; y += step) {
    for (let x = 0; x < width; x += step) {
      const at = (y * width + x) * 4;
      const alpha = rgba[at + 3]!;
      if (alpha < 32) continue;
      if (opaqueBackground) {
        const d =
          Math.abs(rgba[at]! - background[0]!) +
          Math.abs(rgba[at + 1]! - background[1]!) +
          Math.abs(rgba[at + 2]! - background[2]!);
        if (d < 48) continue;
      }
      artwork++;
      if (Math.hypot(x + 0.5 - cx, y + 0.5 - cy) > safeRadius) outside++;
    }
  }
  return artwork === 0 ? 0 : outside / artwork;
}
