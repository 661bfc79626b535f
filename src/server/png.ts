/**
 * Just enough PNG reading to accept an upload, in two steps:
 * - `readPngInfo` (synchronous): the 8-byte signature, a well-formed IHDR (length 13, valid CRC,
 *   sane bit depth / colour type / methods), declared size within limits, then a walk over every
 *   chunk: each fits inside the file, critical chunks have valid CRCs, there is at least one IDAT,
 *   the IDATs are consecutive, the data starts with a zlib header, and the file ends with IEND.
 *   A truncated file fails the walk.
 * - `checkPngPixelData` (asynchronous): inflates the IDAT stream, counting bytes and keeping none,
 *   and requires exactly the number of bytes the declared size needs; it stops as soon as the
 *   stream runs past that number, so a small file claiming huge output cannot blow up.
 * - `purePng`: the file as stored, rebuilt from the chunks an image needs: text chunks (tEXt,
 *   zTXt, iTXt, which can carry markup), other metadata and anything after IEND are dropped.
 * The file name and declared content type are never trusted, and the declared size is checked
 * before anything is inflated. Wallets show images of a few hundred pixels, so the limits are
 * 4096 pixels a side and 8 bits per channel: a 4096×4096 RGBA image inflates to 64 MB at most,
 * which is only counted, never held.
 */
import { createInflate, crc32 } from 'node:zlib';
import { PNG_SIGNATURE, hasPngSignature } from '../contract/wallet-rules';


/** Largest side we accept: far above what a wallet shows, and bigger sizes are bombs in waiting. */
export const MAX_PNG_SIDE = 4096;
/** Bits per channel: wallets show 8-bit colour; 16-bit only doubles what has to be inflated. */
export const MAX_PNG_BIT_DEPTH = 8;

/** Chunks a stored image keeps: the critical ones and those that change how its colours show. */
const KEPT_CHUNKS = new Set(['IHDR', 'PLTE', 'IDAT', 'IEND', 'tRNS', 'gAMA', 'cHRM', 'sRGB', 'iCCP', 'sBIT', 'bKGD']);

interface ChunkSpan {
  type: string;
  /** Offset of the chunk's length field and of the byte after its CRC. */
  start: number;
  end: number;
}

export interface PngHeader {
  width: number;
  height: number;
  bitDepth: number;
  colorType: number;
  interlaced: boolean;
}

export type PngInfo =
  | ({ ok: true } & PngHeader & { idat: Uint8Array[]; kept: ChunkSpan[] })
  | { ok: false; reason: string };

// Allowed bit depths per colour type (PNG spec, table 11.1).
const BIT_DEPTHS: Record<number, readonly number[]> = {
  0: [1, 2, 4, 8, 16],
  2: [8, 16],
  3: [1, 2, 4, 8],
  4: [8, 16],
  6: [8, 16],
};
const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };
const CRITICAL = new Set(['IHDR', 'PLTE', 'IDAT', 'IEND']);

export function readPngInfo(bytes: Uint8Array): PngInfo {
  const notPng = { ok: false, reason: 'The file must be a PNG image' } as const;
  if (bytes.length < 33) return notPng;
  if (!hasPngSignature(bytes)) return notPng;

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
  const compression = bytes[26] ?? 0;
  const filter = bytes[27] ?? 0;
  const interlace = bytes[28] ?? 0;
  if (
    width === 0 ||
    height === 0 ||
    !BIT_DEPTHS[colorType]?.includes(bitDepth) ||
    compression !== 0 ||
    filter !== 0 ||
    interlace > 1
  ) {
    return { ok: false, reason: 'The PNG header is invalid' };
  }
  if (width > MAX_PNG_SIDE || height > MAX_PNG_SIDE) {
    return { ok: false, reason: `Images may be at most ${MAX_PNG_SIDE} pixels on a side` };
  }
  if (bitDepth > MAX_PNG_BIT_DEPTH) {
    return { ok: false, reason: `Images may use at most ${MAX_PNG_BIT_DEPTH} bits per channel (this one uses ${bitDepth})` };
  }

  // The chunks after IHDR, up to IEND.
  const truncated = { ok: false, reason: 'The PNG is truncated or corrupt' } as const;
  const idat: Uint8Array[] = [];
  const kept: ChunkSpan[] = [{ type: 'IHDR', start: 8, end: 33 }];
  let idatEnded = false;
  let hasPalette = false;
  let offset = 33;
  for (;;) {
    if (offset + 12 > bytes.length) return truncated;
    const chunkLength = view.getUint32(offset);
    const chunkType = String.fromCharCode(...bytes.subarray(offset + 4, offset + 8));
    const dataEnd = offset + 8 + chunkLength;
    if (!/^[A-Za-z]{4}$/.test(chunkType) || chunkLength > 0x7fffffff || dataEnd + 4 > bytes.length) return truncated;
    const crcOk = crc32(bytes.subarray(offset + 4, dataEnd)) === view.getUint32(dataEnd);
    if (CRITICAL.has(chunkType) && !crcOk) return truncated;
    // An ancillary chunk with a bad CRC is one a decoder would skip: it is not kept either.
    if (KEPT_CHUNKS.has(chunkType) && crcOk) kept.push({ type: chunkType, start: offset, end: dataEnd + 4 });
    if (chunkType === 'IHDR') return truncated;
    if (chunkType === 'PLTE') hasPalette = true;
    if (chunkType === 'IDAT') {
      // Image data is one stream: its chunks must follow each other.
      if (idatEnded) return truncated;
      if (chunkLength > 0) idat.push(bytes.subarray(offset + 8, dataEnd));
    } else if (idat.length > 0) {
      idatEnded = true;
    }
    offset = dataEnd + 4;
    if (chunkType === 'IEND') break;
  }
  if (idat.length === 0) return { ok: false, reason: 'The PNG has no image data' };
  if (colorType === 3 && !hasPalette) return { ok: false, reason: 'The PNG has no palette' };
  // The stream starts with a zlib header: deflate (method 8), window ≤ 32K, valid check bits.
  const cmf = idat[0]?.[0] ?? 0;
  const flg = idat[0]?.[1] ?? idat[1]?.[0] ?? 0;
  if ((cmf & 0x0f) !== 8 || cmf >> 4 > 7 || (cmf * 256 + flg) % 31 !== 0) {
    return { ok: false, reason: 'The PNG image data is corrupt' };
  }
  return { ok: true, width, height, bitDepth, colorType, interlaced: interlace === 1, idat, kept };
}

/** Bytes of filtered scanlines the declared size needs (every Adam7 pass for interlaced images). */
export function expectedDataBytes(header: PngHeader): number {
  const bitsPerPixel = (CHANNELS[header.colorType] ?? 1) * header.bitDepth;
  const rowBytes = (w: number) => 1 + Math.ceil((w * bitsPerPixel) / 8);
  if (!header.interlaced) return header.height * rowBytes(header.width);
  // Adam7: [x start, y start, x step, y step] per pass.
  const passes = [
    [0, 0, 8, 8],
    [4, 0, 8, 8],
    [0, 4, 4, 8],
    [2, 0, 4, 4],
    [0, 2, 2, 4],
    [1, 0, 2, 2],
    [0, 1, 1, 2],
  ] as const;
  let total = 0;
  for (const [x0, y0, dx, dy] of passes) {
    const w = Math.ceil((header.width - x0) / dx);
    const h = Math.ceil((header.height - y0) / dy);
    if (w > 0 && h > 0) total += h * rowBytes(w);
  }
  return total;
}

/**
 * Inflates the image data of a PNG `readPngInfo` accepted and checks it holds exactly the
 * scanlines the header declares: a broken or cut stream, or one that inflates past the declared
 * size, is refused. Nothing is kept; memory stays at zlib's window whatever the file claims.
 */
export function checkPngPixelData(
  info: Extract<PngInfo, { ok: true }>,
): Promise<{ ok: true } | { ok: false; reason: string }> {
  const expected = expectedDataBytes(info);
  return new Promise((resolve) => {
    const inflate = createInflate();
    let produced = 0;
    let settled = false;
    const finish = (result: { ok: true } | { ok: false; reason: string }) => {
      if (settled) return;
      settled = true;
      inflate.destroy();
      resolve(result);
    };
    const corrupt = { ok: false, reason: 'The PNG image data is corrupt or does not match its size' } as const;
    inflate.on('data', (chunk: Buffer) => {
      produced += chunk.length;
      if (produced > expected) finish(corrupt);
    });
    inflate.on('error', () => finish(corrupt));
    inflate.on('end', () => finish(produced === expected ? { ok: true } : corrupt));
    for (const part of info.idat) inflate.write(part);
    inflate.end();
  });
}

/**
 * The PNG as it is stored and served: the signature and the kept chunks in their order. Text
 * chunks, other metadata and bytes after IEND are gone, so what a URL serves is an image only.
 * Written into `into` when given and long enough (a view of it is returned).
 */
export function purePng(bytes: Uint8Array, info: Extract<PngInfo, { ok: true }>, into?: Uint8Array): Uint8Array {
  const size = info.kept.reduce((sum, chunk) => sum + chunk.end - chunk.start, PNG_SIGNATURE.length);
  // Never longer than the file it comes from, so a buffer the file fitted in fits it too.
  const out = into && into.byteLength >= size ? into.subarray(0, size) : new Uint8Array(size);
  out.set(PNG_SIGNATURE);
  let offset = PNG_SIGNATURE.length;
  for (const chunk of info.kept) {
    out.set(bytes.subarray(chunk.start, chunk.end), offset);
    offset += chunk.end - chunk.start;
  }
  return out;
}
