/**
 * Rules the Passport docs leave open, decided once here for both the dashboard and the sandbox.
 * Pure functions and constants only: no schema library, so the list route can use them cheaply.
 */

import { ALLOWED_LINK_SCHEMES } from './wallet-rules';

/**
 * Parses a link the way a browser would and accepts it only with an allowed scheme.
 * Leading/trailing whitespace and control characters are refused outright rather than trimmed,
 * because browsers strip them and `java\tscript:` would otherwise slip past a naive prefix check.
 */
export function isAllowedLink(value: string): boolean {
  // The editor asks about every link of a pass on each change (schema, checks, both previews):
  // each distinct link is parsed once, and the answer kept for as long as it is asked about.
  const known = linkVerdicts.get(value);
  if (known !== undefined) return known;
  const verdict = parseAllowedLink(value);
  if (linkVerdicts.size >= MAX_LINK_VERDICTS) linkVerdicts.clear();
  linkVerdicts.set(value, verdict);
  return verdict;
}

const MAX_LINK_VERDICTS = 5_000;
const linkVerdicts = new Map<string, boolean>();

function parseAllowedLink(value: string): boolean {
  if (value.length === 0 || value.length > 2048) return false;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0020\u007f-\u009f\u202a-\u202e\u2066-\u2069]/.test(value)) return false;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (!(ALLOWED_LINK_SCHEMES as readonly string[]).includes(url.protocol)) return false;
  if (url.protocol === 'http:' || url.protocol === 'https:') return url.hostname.length > 0;
  return url.pathname.length > 0;
}

export function isHttpsUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.hostname.length > 0;
  } catch {
    return false;
  }
}

export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.length > 0;
  } catch {
    return false;
  }
}

/** Colours are written as `#RRGGBB`; case is not significant (the editor normalises to upper case). */
export const HEX_COLOR = /^#[0-9a-fA-F]{6}$/;

export function normalizeHexColor(value: string): string | null {
  const trimmed = value.trim();
  const withHash = trimmed.startsWith('#') ? trimmed : `#${trimmed}`;
  return HEX_COLOR.test(withHash) ? withHash.toUpperCase() : null;
}

export const LATITUDE_RANGE = { min: -90, max: 90 } as const;
export const LONGITUDE_RANGE = { min: -180, max: 180 } as const;

/** Path identifiers and workspace ids as the docs constrain them. */
export const ID_PATTERN = /^[a-zA-Z0-9_-]+$/;

/** Lowercase letters, digits and single dashes between them. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A Java package name as Android requires: at least two segments, each starting with a letter. */
export const ANDROID_PACKAGE_PATTERN = /^[a-zA-Z][a-zA-Z0-9_]*(?:\.[a-zA-Z][a-zA-Z0-9_]*)+$/;

export const APP_STORE_ID_PATTERN = /^[0-9]+$/;

export const PASS_IMAGE_NAMES = ['logo.png', 'icon.png', 'strip.png', 'footer.png'] as const;
export type PassImageName = (typeof PASS_IMAGE_NAMES)[number];
export const REQUIRED_PASS_IMAGES: readonly PassImageName[] = ['logo.png', 'icon.png', 'strip.png'];

export const PASS_STATUSES = ['Draft', 'Published'] as const;
export type PassStatus = (typeof PASS_STATUSES)[number];

export const USER_DEEP_LINK_APP_TYPES = [
  'Website',
  'Mobile App',
  'Tiktok',
  'Instagram',
  'X',
  'Youtube',
  'Spotify',
] as const;

export const PAGE_LIMIT = { min: 1, max: 20, default: 20 } as const;
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
