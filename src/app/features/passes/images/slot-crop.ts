/**
 * Geometry of the crop step: what size each image slot is written at, where the crop frame
 * starts, how arrows and zoom move it, and what Google Wallet will cut from the same image.
 * Pure, so every rule is unit-tested; the dialog only draws these numbers.
 */
import {
  APPLE_ICON_RECOMMENDED_PX,
  GOOGLE_HERO_MIN_RATIO,
  GOOGLE_LOGO_MIN_PX,
  type WalletImageSlot,
  appleImageSize,
} from '../../../../contract/wallet-rules';

export type CropSlot = WalletImageSlot;
/** A logo is wide for Apple (up to 480 × 150) or square, which suits Google's circle as well. */
export type LogoShape = 'wide' | 'square';

export interface Size {
  width: number;
  height: number;
}
/** A rectangle of the source image, in source pixels. */
export interface CropRect extends Size {
  x: number;
  y: number;
}

const LOGO_BOX = appleImageSize('logo');
const LOGO_MAX_RATIO = LOGO_BOX.width / LOGO_BOX.height;

/** The output size of a slot: a PNG of exactly this many pixels is uploaded. */
export function cropTarget(slot: CropSlot, source: Size, logoShape: LogoShape = 'wide'): Size {
  switch (slot) {
    case 'strip':
    case 'footer': {
      const { width, height } = appleImageSize(slot);
      return { width, height };
    }
    case 'icon':
      return { width: APPLE_ICON_RECOMMENDED_PX, height: APPLE_ICON_RECOMMENDED_PX };
    case 'logo': {
      if (logoShape === 'square') return { width: GOOGLE_LOGO_MIN_PX, height: GOOGLE_LOGO_MIN_PX };
      // Keep the artwork's own proportions between square and Apple's 3.2:1 box: Wallet draws the
      // logo at its width, so a narrower logo leaves room for the organisation name.
      const ratio = Math.min(LOGO_MAX_RATIO, Math.max(1, source.width / Math.max(1, source.height)));
      return ratio >= LOGO_MAX_RATIO
        ? { width: LOGO_BOX.width, height: LOGO_BOX.height }
        : { width: Math.round(LOGO_BOX.height * ratio), height: LOGO_BOX.height };
    }
  }
}

/** A logo of about square proportions starts as a square, which fits both wallets. */
export const defaultLogoShape = (source: Size): LogoShape => (source.width / source.height <= 1.25 ? 'square' : 'wide');

/** The largest rectangle of the target's proportions, centred: what "zoom 1" shows. */
export function initialCrop(source: Size, target: Size): CropRect {
  const ratio = target.width / target.height;
  const width = Math.min(source.width, source.height * ratio);
  const height = width / ratio;
  return { x: (source.width - width) / 2, y: (source.height - height) / 2, width, height };
}

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

function clampCrop(crop: CropRect, source: Size): CropRect {
  return {
    ...crop,
    x: clamp(crop.x, 0, Math.max(0, source.width - crop.width)),
    y: clamp(crop.y, 0, Math.max(0, source.height - crop.height)),
  };
}

/** The frame never shrinks below this many source pixels across (or 8× zoom). */
const MIN_CROP_PX = 16;
export const MAX_ZOOM = 8;

/** The zoom of a crop: 1 for the largest frame, up to MAX_ZOOM. */
export const zoomOf = (crop: CropRect, source: Size, target: Size) => initialCrop(source, target).width / crop.width;

/** Zooms by `factor` (above 1 zooms in) around the frame's centre, kept inside the image. */
export function zoomCrop(crop: CropRect, source: Size, target: Size, factor: number): CropRect {
  const full = initialCrop(source, target);
  const minWidth = Math.min(full.width, Math.max(full.width / MAX_ZOOM, MIN_CROP_PX));
  const width = clamp(crop.width / factor, minWidth, full.width);
  const height = (width * full.height) / full.width;
  const cx = crop.x + crop.width / 2;
  const cy = crop.y + crop.height / 2;
  return clampCrop({ x: cx - width / 2, y: cy - height / 2, width, height }, source);
}

/** Moves the frame by a fraction of its own size (arrow keys move 5 %, with Shift 25 %). */
export function moveCrop(crop: CropRect, source: Size, dx: number, dy: number): CropRect {
  return clampCrop({ ...crop, x: crop.x + dx * crop.width, y: crop.y + dy * crop.height }, source);
}

/** Whole pixels for drawing, still inside the image. */
export function roundCrop(crop: CropRect, source: Size): CropRect {
  const width = clamp(Math.round(crop.width), 1, source.width);
  const height = clamp(Math.round(crop.height), 1, source.height);
  return {
    x: clamp(Math.round(crop.x), 0, source.width - width),
    y: clamp(Math.round(crop.y), 0, source.height - height),
    width,
    height,
  };
}

const SLOT_NAMES: Record<CropSlot, string> = { logo: 'logo', icon: 'icon', strip: 'strip', footer: 'footer image' };

/**
 * A crop taken from fewer source pixels than the output has is enlarged and looks soft. Says how
 * large the original should be (at the current zoom), or null when it is sharp.
 */
export function tooSmallWarning(slot: CropSlot, source: Size, crop: CropRect, target: Size): string | null {
  if (crop.width >= target.width - 0.5 && crop.height >= target.height - 0.5) return null;
  const zoom = zoomOf(crop, source, target);
  const scale = Math.max(target.width / crop.width, target.height / crop.height);
  const needed = { width: Math.ceil(source.width * scale), height: Math.ceil(source.height * scale) };
  const used = `${Math.round(crop.width)}×${Math.round(crop.height)} px`;
  const advice =
    zoom > 1.01
      ? 'Zoom out, or use a larger original'
      : `Use an original of at least ${needed.width}×${needed.height} px`;
  return `This crop uses ${used} of the original, but a sharp ${SLOT_NAMES[slot]} is ${target.width}×${target.height} px: it will look soft. ${advice}.`;
}

// ---------------------------------------------------------------------------------------------
// What Google Wallet does with the same images

/**
 * Google shows the strip as its hero image at 3:1, full width: a taller image loses rows at the
 * top and bottom (centred). Answers the visible band as fractions of the height.
 */
export function googleHeroBand(size: Size): { top: number; height: number; cutPercent: number } {
  const visible = Math.min(1, size.width / GOOGLE_HERO_MIN_RATIO / size.height);
  return { top: (1 - visible) / 2, height: visible, cutPercent: Math.round((1 - visible) * 100) };
}

/**
 * A PNG already at the slot's exact output size has nothing to crop: it is uploaded as it is
 * (a logo may be any width from square to Apple's 480 at 150 px high, or Google's 660 square;
 * an icon Apple's 87 or the pass-builder's 114 px).
 */
export function fitsSlotAsIs(slot: CropSlot, size: Size): boolean {
  const { width, height } = size;
  switch (slot) {
    case 'logo':
      return (
        (height === LOGO_BOX.height && width >= height && width <= LOGO_BOX.width) ||
        (width === GOOGLE_LOGO_MIN_PX && height === GOOGLE_LOGO_MIN_PX)
      );
    case 'icon':
      return width === height && (width === appleImageSize('icon').width || width === APPLE_ICON_RECOMMENDED_PX);
    default: {
      const target = cropTarget(slot, size);
      return width === target.width && height === target.height;
    }
  }
}
