/**
 * Real, decodable PNG files for tests, e2e fixtures and the bench: 8-bit RGBA, unfiltered
 * scanlines, one zlib stream, CRCs from node:zlib.
 */
import { crc32, deflateSync } from 'node:zlib';
import { PNG_SIGNATURE } from '../contract/wallet-rules';

function chunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  out.set(data, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/**
 * A PNG of `width × height` pixels from `rgba` (4 bytes a pixel, rows top to bottom). `sub`
 * stores each byte as its difference from the pixel on its left (PNG filter 1), which makes
 * smooth drawn artwork (gradients) several times smaller.
 */
export function encodeRgbaPng(
  width: number,
  height: number,
  rgba: Uint8Array,
  filter: 'none' | 'sub' = 'none',
): Buffer {
  if (rgba.length !== width * height * 4) throw new Error('rgba must hold 4 bytes per pixel');
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  // Each scanline starts with its filter type: 0, none, or 1, sub.
  const raw = Buffer.alloc(height * (1 + width * 4));
  for (let y = 0; y < height; y++) {
    const row = rgba.subarray(y * width * 4, (y + 1) * width * 4);
    const at = y * (1 + width * 4);
    if (filter === 'none') {
      raw.set(row, at + 1);
      continue;
    }
    raw[at] = 1;
    for (let i = 0; i < row.length; i++) raw[at + 1 + i] = (row[i]! - (i >= 4 ? row[i - 4]! : 0)) & 0xff;
  }
  return Buffer.concat([
    Buffer.from(PNG_SIGNATURE),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', new Uint8Array()),
  ]);
}

/** A PNG of the given size in one opaque colour (`#RRGGBB`). */
export function solidPng(width: number, height: number, color = '#2A4BCB'): Buffer {
  const n = Number.parseInt(color.slice(1), 16);
  const pixel = [(n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff, 255];
  const rgba = new Uint8Array(width * height * 4);
  for (let i = 0; i < rgba.length; i++) rgba[i] = pixel[i % 4]!;
  return encodeRgbaPng(width, height, rgba);
}

/** A PNG of random pixels: it barely compresses, so its upload takes measurable time. */
export function noisePng(width: number, height: number): Buffer {
  const rgba = new Uint8Array(width * height * 4);
  for (let i = 0; i < rgba.length; i++) rgba[i] = Math.floor(Math.random() * 256);
  return encodeRgbaPng(width, height, rgba);
}
