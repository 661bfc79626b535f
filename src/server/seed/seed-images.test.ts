import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { PASS_IMAGE_NAMES, REQUIRED_PASS_IMAGES } from '../../contract/rules';
import { appleImageSize, imageSlotOf } from '../../contract/wallet-rules';
import { checkPngPixelData, readPngInfo } from '../png';
import { buildSeed } from './seed-data';
import { seedImages, seedImagesDir } from './seed-images';

const dir = seedImagesDir();
const brands = readdirSync(dir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
const files = brands.flatMap((brand) =>
  readdirSync(join(dir, brand)).map((fileName) => ({
    brand,
    fileName,
    bytes: new Uint8Array(readFileSync(join(dir, brand, fileName))),
  })),
);

/** The chunks of a PNG by type (the file is checked whole by `readPngInfo` first). */
function chunk(bytes: Uint8Array, type: string): Uint8Array | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let offset = 8; offset + 8 <= bytes.length;) {
    const length = view.getUint32(offset);
    if (String.fromCharCode(...bytes.subarray(offset + 4, offset + 8)) === type) {
      return bytes.subarray(offset + 8, offset + 8 + length);
    }
    offset += 12 + length;
  }
  return undefined;
}

/**
 * Alpha of the top-left pixel. Whatever the scanline's filter, the first pixel of the first row
 * is stored as is (its left and upper neighbours count as zero), so no unfiltering is needed.
 */
function topLeftAlpha(bytes: Uint8Array): number {
  const info = readPngInfo(bytes);
  if (!info.ok || info.bitDepth !== 8) throw new Error('expected an 8-bit PNG');
  const row = inflateSync(Buffer.concat(info.idat));
  if (info.colorType === 3) return chunk(bytes, 'tRNS')?.[row[1]!] ?? 255;
  if (info.colorType === 6) return row[4]!;
  if (info.colorType === 4) return row[2]!;
  return 255;
}

function hasAlpha(bytes: Uint8Array): boolean {
  const info = readPngInfo(bytes);
  return info.ok && (info.colorType === 4 || info.colorType === 6 || chunk(bytes, 'tRNS') !== undefined);
}

describe('seed images', () => {
  it('holds logo, icon and strip for every brand, and only pass image names', () => {
    expect(brands.length).toBeGreaterThanOrEqual(10);
    for (const brand of brands) {
      const names = readdirSync(join(dir, brand));
      for (const required of REQUIRED_PASS_IMAGES) expect(names, brand).toContain(required);
      for (const name of names) expect(PASS_IMAGE_NAMES, `${brand}/${name}`).toContain(name);
    }
  });

  it('are valid 8-bit PNGs the sandbox accepts as uploads, at Apple’s @3x slot sizes', async () => {
    for (const { brand, fileName, bytes } of files) {
      const label = `${brand}/${fileName}`;
      const info = readPngInfo(bytes);
      expect(info.ok, label).toBe(true);
      if (!info.ok) continue;
      expect(await checkPngPixelData(info), label).toEqual({ ok: true });
      expect(info.bitDepth, label).toBe(8);
      const wanted = appleImageSize(imageSlotOf(fileName as (typeof PASS_IMAGE_NAMES)[number]));
      expect({ width: info.width, height: info.height }, label).toEqual({ width: wanted.width, height: wanted.height });
    }
  });

  it('draws logos on a transparent background, icons and strips opaque', () => {
    for (const { brand, fileName, bytes } of files) {
      const label = `${brand}/${fileName}`;
      if (fileName === 'logo.png') expect(topLeftAlpha(bytes), label).toBe(0);
      if (fileName === 'icon.png' || fileName === 'strip.png') expect(hasAlpha(bytes), label).toBe(false);
    }
  });

  it('stay small: at most 90 KB for the largest strip and 700 KB in all', () => {
    const sizes = files.map((f) => f.bytes.byteLength);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(90 * 1024);
    expect(sizes.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(700 * 1024);
  });

  it('are all used by the seed, each brand by one pass', () => {
    const seeded = buildSeed().workspaces.flatMap((w) => w.passes);
    const logos = seeded.map((p) => Buffer.from(p.images.find((i) => i.fileName === 'logo.png')!.png));
    for (const brand of brands) {
      const logo = Buffer.from(seedImages(brand)[0]!.png);
      expect(logos.filter((l) => l.equals(logo)).length, brand).toBe(1);
    }
    expect(seeded).toHaveLength(brands.length);
  });
});
