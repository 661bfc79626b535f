/**
 * What Apple Wallet and Google Wallet accept and draw, written once for the editor, the pass
 * checks, the previews, the sandbox, the seed, the tests and the bench (see
 * shared/guides/wallet-preview.md for the sources). Plain constants and functions, no schema
 * library, so the list route can import them cheaply.
 */

/** The eight bytes every PNG file starts with. */
export const PNG_SIGNATURE: readonly number[] = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export function hasPngSignature(bytes: ArrayLike<number>): boolean {
  if (bytes.length < PNG_SIGNATURE.length) return false;
  return PNG_SIGNATURE.every((byte, i) => bytes[i] === byte);
}

/** Image slots a store card uses. */
export type WalletImageSlot = 'logo' | 'icon' | 'strip' | 'footer';
type ImageScale = 1 | 2 | 3;

/**
 * Apple's image slots in points (the @1x size in pixels). `within`: the image may be smaller on
 * one side (a logo is usually narrower than its slot); `exact`: it fills the slot.
 */
export const APPLE_IMAGE_POINTS: Record<WalletImageSlot, { width: number; height: number; fit: 'within' | 'exact' }> = {
  logo: { width: 160, height: 50, fit: 'within' },
  icon: { width: 29, height: 29, fit: 'exact' },
  // Store cards: 375 × 144 pt, the size Apple's pass-builder declares for strips (1125 × 432 at @3x).
  strip: { width: 375, height: 144, fit: 'exact' },
  footer: { width: 286, height: 15, fit: 'exact' },
};

/** The scale of the sharpest iPhone screens: an image this large stays sharp everywhere. */
const APPLE_SHARP_SCALE: ImageScale = 3;

/** `strip.png` → `strip`. */
export function imageSlotOf(fileName: `${WalletImageSlot}.png`): WalletImageSlot {
  return fileName.slice(0, -'.png'.length) as WalletImageSlot;
}

/** A slot's size in pixels at @1x, @2x or @3x. */
export function appleImageSize(slot: WalletImageSlot, scale: ImageScale = APPLE_SHARP_SCALE) {
  const points = APPLE_IMAGE_POINTS[slot];
  return { width: points.width * scale, height: points.height * scale, fit: points.fit };
}

/** Store cards show at most this many secondary fields on Apple Wallet. */
export const APPLE_MAX_SECONDARY = 4;
/** Google Wallet's card template: up to 3 rows of up to 3 fields. */
export const GOOGLE_ROW_SIZE = 3;
export const GOOGLE_MAX_ROWS = 3;

/** Apple Wallet uses at most this many locations of one pass. */
export const MAX_LOCATIONS = 10;

/** Text limits the Passport API applies (and the wallets can show). */
export const MAX_TEXT = 255;
export const MAX_LINK_TEXT = 100;
/** Google's app-link button text. */
export const MAX_GOOGLE_DISPLAY_TEXT = 30;

/** Schemes a back-field link may use. Anything else (javascript:, data:, file:, …) is refused. */
export const ALLOWED_LINK_SCHEMES = ['https:', 'http:', 'mailto:', 'tel:'] as const;

/** Apple: the icon is 29 pt (87 px at @3x); the pass-builder (2026) asks 38 pt, 114 px at @3x. */
export const APPLE_ICON_RECOMMENDED_PX = 114;
/** Apple: at most 3 header fields; only they stay visible when passes are stacked. */
export const APPLE_MAX_HEADER_FIELDS = 3;

/** Google: the logo is masked to a circle; at least 660 px square, keep a 15 % margin on each side. */
export const GOOGLE_LOGO_MIN_PX = 660;
export const GOOGLE_LOGO_SAFE_MARGIN = 0.15;
/** Google: the hero image is 3:1 or wider (1032 × 336 px recommended), full width at the bottom. */
export const GOOGLE_HERO_MIN_RATIO = 3;
/** Google: the details show at most 10 text modules and 10 links. */
export const GOOGLE_MAX_TEXT_MODULES = 10;
export const GOOGLE_MAX_LINKS = 10;
/** Google's recommended maximum lengths (characters). */
export const GOOGLE_TEXT_LIMITS = { moduleHeader: 35, moduleBody: 500, linkDescription: 20, issuerName: 20 } as const;
/** Google: module ids may hold only letters, digits, `_` and `-` (no dots: they split fieldPaths). */
export const GOOGLE_MODULE_ID = /^[A-Za-z0-9_-]+$/;
