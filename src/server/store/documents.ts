/**
 * What of a request body is stored as a pass's or location's JSON `doc`: everything the client
 * sent except server-set keys and keys kept in columns, so unknown keys survive round trips.
 */

import { REQUIRED_PASS_IMAGES } from '../../contract/rules';
import {
  READ_ONLY_ENTITY_KEYS,
  READ_ONLY_PASS_KEYS as READ_ONLY_PASS_KEY_LIST,
  uploadKeyOf,
} from '../../contract/schemas';
import { invalidInput } from '../errors';

export type JsonObject = Record<string, unknown>;

/** Keys the server sets; ignored wherever a client sends them. */
const READ_ONLY_PASS_KEYS = new Set<string>(READ_ONLY_PASS_KEY_LIST);
/** Keys kept in their own columns rather than in `doc`. */
const COLUMN_PASS_KEYS = new Set(['passName', 'status', 'passLinkSlug']);
const READ_ONLY_LOCATION_KEYS = new Set<string>([
  ...READ_ONLY_ENTITY_KEYS,
  'accountId',
  'walletPass',
  'passSerialNumber',
]);

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Copies own keys into a fresh object (`Object.fromEntries`, so a `__proto__` key stays data). */
function pick(source: JsonObject, keep: (key: string) => boolean): JsonObject {
  return Object.fromEntries(Object.entries(source).filter(([k, v]) => v !== undefined && keep(k)));
}

/**
 * Keys the vendor's spec types as an array, a string or an object, for which the sandbox takes
 * `null` as "none": dropped on write (a PATCH's null clears the key), so reads never echo a null
 * the spec does not allow (`uploadInfoList` then reads as `[]`, the others are left out).
 */
export const NULL_DROPPED_PASS_KEYS = ['uploadInfoList', 'notificationHeader', 'account'] as const;
const NULL_DROPPED_META_KEYS = new Set(['topField']);

/** The `doc` part of a pass body: without server keys and column keys, locations or image urls. */
export function passDocOf(body: JsonObject): JsonObject {
  const dropped = new Set<string>(NULL_DROPPED_PASS_KEYS);
  const doc = pick(
    body,
    (k) => !READ_ONLY_PASS_KEYS.has(k) && !COLUMN_PASS_KEYS.has(k) && !(dropped.has(k) && body[k] === null),
  );
  const meta = doc.passMetadata;
  // Locations live in their own table; whatever a client echoes back here is dropped.
  if (isObject(meta)) {
    doc.passMetadata = pick(meta, (k) => k !== 'locations' && !(NULL_DROPPED_META_KEYS.has(k) && meta[k] === null));
  }
  const images = doc.uploadInfoList;
  if (Array.isArray(images))
    doc.uploadInfoList = images.map((i: unknown) => (isObject(i) ? pick(i, (k) => k !== 'url') : i));
  return doc;
}

export function locationDocOf(body: JsonObject): JsonObject {
  const doc = pick(body, (k) => !READ_ONLY_LOCATION_KEYS.has(k));
  // Enabled defaults to true (passport-api.md §5), also on a full replace that leaves it out.
  doc.enabled = typeof body.enabled === 'boolean' ? body.enabled : true;
  return doc;
}

/** Each key of the PATCH replaces the stored one; a null for a key the spec types clears it. */
export function patchDoc(existing: JsonObject, changes: JsonObject, body: JsonObject): JsonObject {
  const doc = { ...existing, ...changes };
  for (const key of NULL_DROPPED_PASS_KEYS) if (body[key] === null) delete doc[key];
  return doc;
}

/**
 * Wallets cannot build a pass without its required images, so a pass is published only with
 * logo.png, icon.png and strip.png in `uploadInfoList` (drafts may lack them while being designed).
 */
export function assertPublishable(status: string, uploadInfoList: unknown): void {
  if (status !== 'Published') return;
  const names = new Set(
    (Array.isArray(uploadInfoList) ? uploadInfoList : [])
      .filter((item: unknown): item is Record<string, unknown> => isObject(item) && Boolean(uploadKeyOf(item)))
      .map((item) => item.fileName),
  );
  const missing = REQUIRED_PASS_IMAGES.filter((name) => !names.has(name));
  if (missing.length > 0) {
    throw invalidInput({ uploadInfoList: `A published pass needs ${missing.join(', ')}: add the missing image first` });
  }
}
