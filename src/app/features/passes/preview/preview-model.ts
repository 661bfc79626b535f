/**
 * Pure mapping from a (possibly half-filled) pass draft to what Apple Wallet and Google Wallet
 * would draw. No React here: the preview components only lay out these models, and the rules
 * (field limits, forced colours, safe links) are unit-tested on their own.
 *
 * Every input value may be missing, null or empty; nothing here throws on a draft.
 */
import { isAllowedLink } from '../../../../contract/rules';
import {
  APPLE_MAX_SECONDARY,
  GOOGLE_MAX_ROWS,
  GOOGLE_ROW_SIZE,
  MAX_GOOGLE_DISPLAY_TEXT,
} from '../../../../contract/wallet-rules';
import { type Rgb, contrastRatio, parseHex } from '../../../lib/color';
import { type PreviewMetadata, type PreviewPass, hasText, previewPaths, str, url } from './preview-input';

// ---------------------------------------------------------------------------------------------
// Colours

export const WHITE = '#FFFFFF';
export const BLACK = '#000000';

/**
 * Google Wallet sets the text colour itself: light or dark, whichever reads better on the
 * background. An unreadable background counts as white (so dark text).
 */
export function googleTextColor(background: string | null | undefined): typeof WHITE | typeof BLACK {
  const bg = parseHex(background) ?? { r: 255, g: 255, b: 255 };
  return contrastRatio(bg, WHITE) > contrastRatio(bg, BLACK) ? WHITE : BLACK;
}

/** `#3B2A20` → `rgb(59, 42, 32)`, the only colour syntax Apple reliably accepts; else null. */
export function hexToRgbString(value: string | null | undefined): string | null {
  const rgb = parseHex(value);
  return rgb ? `rgb(${rgb.r}, ${rgb.g}, ${rgb.b})` : null;
}

export interface PreviewFieldModel {
  /** Form path of the field's value, for `onSelectField`. */
  path: string;
  label: string;
  value: string;
}

interface PreviewLinkModel {
  path: string;
  text: string;
  href: string;
  /** Only https:, http:, mailto: and tel: links are drawn as links; anything else is plain text. */
  safe: boolean;
}

export interface PreviewBackFieldModel {
  path: string;
  label: string;
  links: PreviewLinkModel[];
}

function topFieldOf(meta: PreviewMetadata): PreviewFieldModel | null {
  const field = meta.topField;
  if (!field || (!hasText(field.label) && !hasText(field.value))) return null;
  return {
    path: previewPaths.topFieldValue,
    label: str(field.label),
    value: str(field.value),
  };
}

/**
 * Rows read once per list: the live editor hands over the same list until one of its rows changes,
 * so the Apple and Google models share the rows (and React skips rows it has drawn).
 */
function memoOnList<L extends object, R>(compute: (list: L) => R): (list: L | null | undefined, empty: R) => R {
  const cache = new WeakMap<L, R>();
  return (list, empty) => {
    if (!list) return empty;
    let rows = cache.get(list);
    if (rows === undefined) {
      rows = compute(list);
      cache.set(list, rows);
    }
    return rows;
  };
}

type Rows<T> = NonNullable<T>;

const secondaryRows = memoOnList((list: Rows<PreviewMetadata['secondaryFields']>) => {
  const out: PreviewFieldModel[] = [];
  list.forEach((field, i) => {
    if (!field) return;
    out.push({
      path: previewPaths.secondaryValue(i),
      label: str(field.label),
      value: str(field.value),
    });
  });
  return out;
});

/** Secondary fields as drawn, keeping each one's index in the form (empty slots still count). */
const secondaryFieldsOf = (meta: PreviewMetadata): PreviewFieldModel[] => secondaryRows(meta.secondaryFields, []);

const backRows = memoOnList((list: Rows<PreviewMetadata['backFields']>) => {
  const out: PreviewBackFieldModel[] = [];
  list.forEach((field, i) => {
    if (!field) return;
    const links: PreviewLinkModel[] = [];
    (field.value ?? []).forEach((link, j) => {
      if (!link || (!hasText(link.text) && !hasText(link.link))) return;
      const href = str(link.link);
      links.push({
        path: previewPaths.backLink(i, j),
        text: hasText(link.text) ? link.text : href,
        href,
        safe: isAllowedLink(href),
      });
    });
    if (!hasText(field.label) && links.length === 0) return;
    out.push({
      path: previewPaths.backLabel(i),
      label: str(field.label),
      links,
    });
  });
  return out;
});

const backFieldsOf = (meta: PreviewMetadata): PreviewBackFieldModel[] => backRows(meta.backFields, []);

function qrOf(meta: PreviewMetadata) {
  return { message: str(meta.qrUrl), altText: str(meta.qrText) };
}

// ---------------------------------------------------------------------------------------------
// Apple Wallet (store card)

const APPLE_DEFAULT_BACKGROUND = 'rgb(255, 255, 255)';

export interface ApplePreviewModel {
  /** CSS `rgb(...)` colours, as the pass.json would carry them. */
  backgroundColor: string;
  foregroundColor: string;
  labelColor: string;
  logoUrl: string | null;
  iconUrl: string | null;
  /** `logoText`: drawn beside the logo. */
  organizationName: string;
  /** The top field is Apple's header field, top right: the only value seen when passes are stacked. */
  headerField: PreviewFieldModel | null;
  stripUrl: string | null;
  secondaryFields: PreviewFieldModel[];
  /** Secondary fields Wallet will not draw (beyond the first 4). */
  overflowCount: number;
  qrMessage: string;
  altText: string;
  description: string;
  backFields: PreviewBackFieldModel[];
  /** `footer.png` is drawn on boarding passes only; a store card ignores it. */
  footerIgnored: boolean;
}

export function toApplePreview(pass: PreviewPass | null | undefined): ApplePreviewModel {
  const meta = pass?.passMetadata ?? {};
  const images = pass?.images ?? {};
  const backgroundColor = hexToRgbString(meta.backgroundColor) ?? APPLE_DEFAULT_BACKGROUND;
  // Passport has one text colour for values and labels. When it is missing Wallet picks one;
  // we pick whichever of black and white reads better, as Wallet does in practice.
  const foregroundColor =
    hexToRgbString(meta.displayTextColor) ?? hexToRgbString(googleTextColor(meta.backgroundColor)) ?? 'rgb(0, 0, 0)';
  const secondary = secondaryFieldsOf(meta);
  const { message, altText } = qrOf(meta);
  // Passport has no primary field, so the strip's "primary forced white" rule never applies:
  // the strip is drawn bare and the key value sits in the header band.
  return {
    backgroundColor,
    foregroundColor,
    labelColor: foregroundColor,
    logoUrl: url(images['logo.png']),
    iconUrl: url(images['icon.png']),
    organizationName: str(meta.organizationName),
    headerField: topFieldOf(meta),
    stripUrl: url(images['strip.png']),
    secondaryFields: secondary.slice(0, APPLE_MAX_SECONDARY),
    overflowCount: Math.max(0, secondary.length - APPLE_MAX_SECONDARY),
    qrMessage: message,
    altText,
    description: str(meta.description),
    backFields: backFieldsOf(meta),
    footerIgnored: url(images['footer.png']) !== null,
  };
}

const toHex = ({ r, g, b }: Rgb) => [r, g, b].map((c) => c.toString(16).padStart(2, '0')).join('');

// ---------------------------------------------------------------------------------------------
// Google Wallet (generic pass)

const GOOGLE_DEFAULT_BACKGROUND = '#FFFFFF';

export interface GoogleLinkModel extends PreviewLinkModel {
  /** The back field's label, shown as the link module's group heading. */
  group: string;
}

interface GoogleAppLinkModel {
  path: string;
  /** What the button says, cut to Google's 30 characters. */
  text: string;
  fullText: string;
  truncated: boolean;
}

export interface GooglePreviewModel {
  /** `#RRGGBB`. */
  backgroundColor: string;
  /** No background set: Google would take the logo's dominant colour instead. */
  backgroundIsDefault: boolean;
  textColor: typeof WHITE | typeof BLACK;
  logoUrl: string | null;
  cardTitle: string;
  /** Big title (top field value) with its label as the small subheader above it. */
  header: string;
  subheader: string;
  rows: PreviewFieldModel[][];
  overflowCount: number;
  barcodeValue: string;
  alternateText: string;
  /** The strip image becomes Google's hero image, full width at the bottom (3:1). */
  heroUrl: string | null;
  description: string;
  links: GoogleLinkModel[];
  appLink: GoogleAppLinkModel | null;
}

export function toGooglePreview(pass: PreviewPass | null | undefined): GooglePreviewModel {
  const meta = pass?.passMetadata ?? {};
  const images = pass?.images ?? {};
  const parsed = parseHex(meta.backgroundColor);
  const backgroundColor = parsed ? `#${toHex(parsed).toUpperCase()}` : GOOGLE_DEFAULT_BACKGROUND;
  const secondary = secondaryFieldsOf(meta);
  const shown = secondary.slice(0, GOOGLE_ROW_SIZE * GOOGLE_MAX_ROWS);
  const rows: PreviewFieldModel[][] = [];
  for (let i = 0; i < shown.length; i += GOOGLE_ROW_SIZE) rows.push(shown.slice(i, i + GOOGLE_ROW_SIZE));
  const top = meta.topField;
  const { message, altText } = qrOf(meta);
  return {
    backgroundColor,
    backgroundIsDefault: parsed === null,
    textColor: googleTextColor(backgroundColor),
    logoUrl: url(images['logo.png']),
    cardTitle: str(meta.organizationName),
    header: str(top?.value),
    subheader: str(top?.label),
    rows,
    overflowCount: secondary.length - shown.length,
    barcodeValue: message,
    alternateText: altText,
    heroUrl: url(images['strip.png']),
    description: str(meta.description),
    links: googleLinks(meta.backFields, []),
    appLink: appLinkOf(meta),
  };
}

const googleLinks = memoOnList((list: Rows<PreviewMetadata['backFields']>) =>
  backRows(list, []).flatMap((field) => field.links.map((link) => ({ ...link, group: field.label }))),
);

function appLinkOf(meta: PreviewMetadata): GoogleAppLinkModel | null {
  const data = meta.appDeepLinks?.googleDeepLinkData;
  if (!data) return null;
  const fullText = str(data.displayText).trim();
  if (!fullText && !hasText(data.androidPackageName) && !hasText(data.webAppUrl)) return null;
  const label = fullText || 'Open app';
  const chars = [...label];
  const truncated = chars.length > MAX_GOOGLE_DISPLAY_TEXT;
  return {
    path: previewPaths.googleDisplayText,
    text: truncated ? `${chars.slice(0, MAX_GOOGLE_DISPLAY_TEXT - 1).join('')}…` : label,
    fullText: label,
    truncated,
  };
}
