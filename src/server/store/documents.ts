/**
 * What of a request body is stored as a pass's or location's JSON `doc`: everything the client
 * sent except server-set keys and keys kept in columns, so unknown keys survive round trips.
 */

import { READ_ONLY_ENTITY_KEYS, READ_ONLY_PASS_KEYS as READ_ONLY_PASS_KEY_LIST } from '../../contract/schemas';

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
