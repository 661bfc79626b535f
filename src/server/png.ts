/**
 * Just enough PNG reading to accept an upload: the 8-byte signature and a well-formed IHDR chunk
 * (length 13, valid CRC, sane bit depth / colour type). The file name and declared content type
 * are never trusted, and the declared size is checked before anything would decode the pixels.
 */
import { crc32 } from 'node:zlib';

export const PNG_SIGNATURE = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);

/** Largest side and pixel count we accept: bigger declared sizes are decompression bombs in waiting. */
export const MAX_PNG_SIDE = 8192;
export const MAX_PNG_PIXELS = 40_000_000;

export type PngInfo = { ok: true; width: number; height: number } | { ok: false; reason: string };

// Allowed bit depths per colour type (PNG spec, table 11.1).
const BIT_DEPTHS: Record<number, readonly number[]> = {
  0: [1, 2, 4, 8, 16],
  2: [8, 16],
  3: [1, 2, 4, 8],
  4: [8, 16],
  6: [8, 16],
};

export function readPngInfo(bytes: Uint8Array): PngInfo {
  const notPng = { ok: false, reason: 'The file must be a PNG image' } as const;
  if (bytes.length < 33) return notPng;
  for (let i = 0; i < PNG_SIGNATURE.length; i++) if (bytes[i] !== PNG_SIGNATURE[i]) return notPng;

  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const length = view.getUint32(8);
  const type = String.fromCharCode(...bytes.subarray(12, 16));
  if (length !== 13 || type !== 'IHDR') return { ok: false, reason: 'The PNG has no readable IHDR header' };
  const storedCrc = view.getUint32(29);
  if (crc32(bytes.subarray(12, 29)) !== storedCrc) return { ok: false, reason: 'The PNG header is corrupt' };

  const width = view.getUint32(16);
  const height = view.getUint32(20);
  const bitDepth = bytes[24] ?? 0;
  const colorType = bytes[25] ?? 0;
  if (width === 0 || height === 0 || !BIT_DEPTHS[colorType]?.includes(bitDepth)) {
    return { ok: false, reason: 'The PNG header is invalid' };
  }
  if (width > MAX_PNG_SIDE || height > MAX_PNG_SIDE) {
    return { ok: false, reason: `Images may be at most ${MAX_PNG_SIDE} pixels on a side` };
  }
  if (width * height > MAX_PNG_PIXELS) {
    return { ok: false, reason: `Images may have at most ${MAX_PNG_PIXELS / 1_000_000} megapixels` };
  }
  return { ok: true, width, height };
}
