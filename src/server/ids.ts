/**
 * Identifiers the sandbox hands out. Passport ids are time-ordered UUID-like strings, so ours are
 * UUIDv7 (48-bit millisecond timestamp, then randomness): sortable like the real ones, never a
 * guessable sequence.
 */
import { randomBytes, randomFillSync, randomUUID } from 'node:crypto';

let lastMs = 0;
let sequence = 0;

// Every request gets a txId, so random bytes come from a pool refilled in bulk rather than one
// crypto call (or two) per id.
const POOL_SIZE = 4096;
const pool = Buffer.alloc(POOL_SIZE);
let poolOffset = POOL_SIZE;

function randomChunk(size: number): Buffer {
  if (poolOffset + size > POOL_SIZE) {
    randomFillSync(pool);
    poolOffset = 0;
  }
  const chunk = pool.subarray(poolOffset, poolOffset + size);
  poolOffset += size;
  return chunk;
}

/**
 * A UUIDv7. Within one millisecond the 12-bit `rand_a` field counts up from a random start, so ids
 * made by this process sort in creation order (the list's `created_time, id` tie-break relies on it).
 */
export function newId(now: number = Date.now()): string {
  let ms = Math.max(now, lastMs);
  if (ms === lastMs) {
    sequence += 1;
    if (sequence > 0xfff) {
      ms += 1;
      sequence = randomChunk(2).readUInt16BE(0) & 0x7ff;
    }
  } else {
    // Leave headroom below 0xfff so many ids in one millisecond rarely spill into the next.
    sequence = randomChunk(2).readUInt16BE(0) & 0x7ff;
  }
  lastMs = ms;

  // A copy: the pool's bytes are overwritten on the next refill.
  const bytes = Buffer.from(randomChunk(16));
  bytes.writeUIntBE(ms, 0, 6);
  bytes[6] = 0x70 | (sequence >> 8);
  bytes[7] = sequence & 0xff;
  bytes[8] = 0x80 | ((bytes[8] ?? 0) & 0x3f);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Upload keys are served without authentication, so they carry 122 random bits and no time. */
export function newUploadKey(): string {
  return randomUUID();
}

/** A lowercase slug suffix: enough randomness that a generated pass link cannot be guessed. */
export function randomSlug(): string {
  // Base32-like alphabet of lowercase letters and digits keeps it within the slug rules.
  const alphabet = 'abcdefghijkmnpqrstuvwxyz23456789';
  const bytes = randomBytes(12);
  let out = '';
  for (const b of bytes) out += alphabet[b % alphabet.length];
  return out;
}

/** Google's save links carry a signed JWT; ours looks the same but signs nothing. */
export function fakeGoogleSaveToken(passId: string): string {
  const header = Buffer.from(JSON.stringify({ alg: 'RS256', typ: 'JWT' })).toString('base64url');
  const payload = Buffer.from(
    JSON.stringify({
      iss: 'sandbox@pass-studio.iam.gserviceaccount.com',
      aud: 'google',
      typ: 'savetowallet',
      origins: [],
      payload: { genericObjects: [{ id: passId }] },
    }),
  ).toString('base64url');
  return `${header}.${payload}.${randomBytes(64).toString('base64url')}`;
}
