/**
 * Image and text facts of Apple Wallet and Google Wallet that the crop step, the previews and the
 * pass checks share (sources: shared/guides/wallet-preview.md, which cites Apple's developer
 * documentation, Apple's pass-builder and the Google Wallet REST reference).
 */

/** Apple, store cards: the strip is 375 × 144 pt (1125 × 432 px at @3x), the pass-builder's size. */
export const APPLE_STORE_STRIP_POINTS = { width: 375, height: 144 } as const;
/** Apple: the icon is 29 pt (87 px at @3x); the pass-builder (2026) asks 38 pt, 114 px at @3x. */
export const APPLE_ICON_RECOMMENDED_PX = 114;
/** Apple: at most 3 header fields, and on store cards secondary + auxiliary fields ≤ 4 together. */
export const APPLE_MAX_HEADER_FIELDS = 3;
export const APPLE_STORE_MAX_SECONDARY_AUXILIARY = 4;

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
