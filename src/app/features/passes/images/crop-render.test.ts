import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { pixelsToSlotPng } from './crop-render';
import { sniffImage, sourceProblem } from './source-check';
import { type CropSlot, cropTarget } from './slot-crop';

/** Reads back what encodePng wrote: size, colour type and the unfiltered RGBA pixels. */
function decodePng(bytes: Uint8Array) {
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const view = new DataView(bytes.buffer, bytes.byteOffset);
  let offset = 8;
  let width = 0;
  let height = 0;
  let colourType = 0;
  const idat: Uint8Array[] = [];
  while (offset < bytes.length) {
    const length = view.getUint32(offset);
    const type = String.fromCharCode(...bytes.subarray(offset + 4, offset + 8));
    const data = bytes.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = view.getUint32(offset + 8);
      height = view.getUint32(offset + 12);
      colourType = data[9]!;
    }
    if (type === 'IDAT') idat.push(data);
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * 4;
  const pixels = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    for (let x = 0; x < stride; x++) {
      const value = raw[y * (stride + 1) + 1 + x]!;
      const a = x >= 4 ? pixels[y * stride + x - 4]! : 0;
      const b = y > 0 ? pixels[(y - 1) * stride + x]! : 0;
      const c = x >= 4 && y > 0 ? pixels[(y - 1) * stride + x - 4]! : 0;
      const p = a + b - c;
      const predictor =
        filter === 4
          ? Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c)
            ? a
            : Math.abs(p - b) <= Math.abs(p - c)
              ? b
              : c
          : 0;
      pixels[y * stride + x] = (value + predictor) & 0xff;
    }
  }
  return { width, height, colourType, pixels };
}

/** A photo-like source: a gradient with a dark square in the middle. */
function photo(width: number, height: number) {
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const at = (y * width + x) * 4;
      const inside = Math.abs(x - width / 2) < width / 8 && Math.abs(y - height / 2) < height / 8;
      rgba[at] = inside ? 20 : (x * 255) / width;
      rgba[at + 1] = inside ? 20 : (y * 255) / height;
      rgba[at + 2] = inside ? 30 : 128;
      rgba[at + 3] = 255;
    }
  return rgba;
}

describe('pixelsToSlotPng', () => {
  it.each([
    ['strip', { width: 2400, height: 1200 }, { width: 1125, height: 432 }],
    ['icon', { width: 300, height: 300 }, { width: 114, height: 114 }],
    ['footer', { width: 1000, height: 80 }, { width: 858, height: 45 }],
    ['logo', { width: 1600, height: 400 }, { width: 480, height: 150 }],
    ['logo', { width: 400, height: 200 }, { width: 300, height: 150 }],
  ] as const)('writes the %s as an RGBA PNG of its exact size', async (slot, source, expected) => {
    const target = cropTarget(slot as CropSlot, source);
    expect(target).toEqual(expected);
    const png = await pixelsToSlotPng(photo(source.width, source.height), source.width, source.height, target);
    const decoded = decodePng(png.bytes);
    expect(decoded).toMatchObject({ ...expected, colourType: 6 });
    expect(Buffer.from(decoded.pixels).equals(Buffer.from(png.rgba.buffer))).toBe(true);
    // The dark square stays dark in the middle, the gradient runs left to right.
    const mid = ((expected.height >> 1) * expected.width + (expected.width >> 1)) * 4;
    expect(decoded.pixels[mid]).toBeLessThan(40);
    expect(decoded.pixels[4]).toBeLessThan(decoded.pixels[(expected.width - 2) * 4]!);
  });

  it('writes a square logo at 660 px, the size Google asks for', async () => {
    const target = cropTarget('logo', { width: 500, height: 500 }, 'square');
    expect(target).toEqual({ width: 660, height: 660 });
    const png = await pixelsToSlotPng(photo(500, 500), 500, 500, target);
    expect(decodePng(png.bytes)).toMatchObject({ width: 660, height: 660 });
  });

  it('keeps a logo’s transparency, with no dark fringe around the artwork', async () => {
    const width = 960;
    const height = 300;
    const rgba = new Uint8ClampedArray(width * height * 4); // transparent black
    for (let y = 100; y < 200; y++) for (let x = 301; x < 660; x++) rgba.set([255, 200, 0, 255], (y * width + x) * 4);
    const png = await pixelsToSlotPng(rgba, width, height, cropTarget('logo', { width, height }));
    const { pixels, width: w } = decodePng(png.bytes);
    expect(w).toBe(480);
    expect(pixels[3]).toBe(0); // the corner stays transparent
    const centre = (75 * 480 + 240) * 4;
    expect([...pixels.subarray(centre, centre + 4)]).toEqual([255, 200, 0, 255]);
    // The edge pixel of the artwork is half covered: half transparent, but still yellow.
    const edge = (75 * 480 + 150) * 4;
    expect(pixels[edge + 3]).toBeGreaterThan(0);
    expect(pixels[edge + 3]).toBeLessThan(255);
    expect([pixels[edge], pixels[edge + 1], pixels[edge + 2]]).toEqual([255, 200, 0]);
  });

  it('enlarges a small crop smoothly to the exact size', async () => {
    const png = await pixelsToSlotPng(photo(375, 144), 375, 144, cropTarget('strip', { width: 375, height: 144 }));
    expect(decodePng(png.bytes)).toMatchObject({ width: 1125, height: 432 });
  });
});

describe('checking the original', () => {
  const file = (bytes: number[], name: string, size = bytes.length) => {
    const data = new Uint8Array(size);
    data.set(bytes);
    return new File([data], name);
  };

  it('recognises PNG, JPEG and WebP by their bytes, not their names', async () => {
    expect(await sniffImage(file([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'a.jpg'))).toBe('png');
    expect(await sniffImage(file([0xff, 0xd8, 0xff, 0xe0], 'a.png'))).toBe('jpeg');
    const webp = [...'RIFF']
      .map((c) => c.charCodeAt(0))
      .concat(
        [0, 0, 0, 0],
        [...'WEBP'].map((c) => c.charCodeAt(0)),
      );
    expect(await sniffImage(file(webp, 'a.webp'))).toBe('webp');
    expect(await sniffImage(file([0x3c, 0x73, 0x76, 0x67], 'logo.png'))).toBeNull();
  });

  it('refuses what is not an image or is too large, naming the file', async () => {
    expect(await sourceProblem(file([0x3c, 0x73, 0x76, 0x67], 'logo.svg'))).toBe(
      'logo.svg is not a PNG, JPEG or WebP image.',
    );
    expect(await sourceProblem(file([0xff, 0xd8, 0xff], 'huge.jpg', 20 * 1024 * 1024 + 1))).toBe(
      'huge.jpg is larger than 20 MB. Use a smaller image.',
    );
    expect(await sourceProblem(file([0xff, 0xd8, 0xff], 'fine.jpg', 1000))).toBeNull();
  });
});
