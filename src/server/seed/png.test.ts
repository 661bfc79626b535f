import { inflateSync, constants as zlibConstants } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  PNG_SIGNATURE,
  crc32,
  createCanvas,
  decodePng,
  encodePng,
  hexColor,
  linearGradient,
  readPngSize,
  sdCircle,
  sdPolygon,
  sdRoundedRect,
} from './png';

/** The chunks of a PNG as [type, body], checked against their CRCs. */
function chunks(bytes: Uint8Array): [string, Uint8Array][] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out: [string, Uint8Array][] = [];
  for (let at = 8; at < bytes.length;) {
    const length = view.getUint32(at);
    const type = Buffer.from(bytes.subarray(at + 4, at + 8)).toString('latin1');
    expect(crc32(bytes, at + 4, at + 8 + length)).toBe(view.getUint32(at + 8 + length));
    out.push([type, bytes.subarray(at + 8, at + 8 + length)]);
    at += 12 + length;
  }
  return out;
}

/** Unfilters data written with filter type 0 only, independently of `decodePng`. */
function unfilterType0(raw: Uint8Array, width: number, height: number): Uint8Array {
  const stride = width * 4;
  const out = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    expect(raw[y * (stride + 1)]).toBe(0);
    out.set(raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1)), y * stride);
  }
  return out;
}

function sampleCanvas() {
  const canvas = createCanvas(37, 23);
  canvas.fill(
    linearGradient(0, 0, 37, 23, [
      { offset: 0, color: hexColor('#102030') },
      { offset: 1, color: hexColor('#F0A040', 0.5) },
    ]),
  );
  canvas.fillCircle(12, 11, 7.5, hexColor('#FFFFFF'));
  canvas.fillRoundedRect(20, 3, 14, 10, 4, hexColor('#33CC99', 0.8));
  return canvas;
}

describe('crc32', () => {
  it('matches the well-known check value', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    // The IEND chunk's CRC is the same in every PNG.
    expect(crc32(new TextEncoder().encode('IEND'))).toBe(0xae426082);
  });
});

describe('encodePng', () => {
  it('writes the signature, an IHDR with the size and RGBA 8-bit, IDAT and IEND', () => {
    const png = encodePng(createCanvas(300, 7));
    expect([...png.subarray(0, 8)]).toEqual([...PNG_SIGNATURE]);
    const list = chunks(png);
    expect(list.map(([t]) => t)).toEqual(['IHDR', 'IDAT', 'IEND']);
    const ihdr = list[0]![1];
    const view = new DataView(ihdr.buffer, ihdr.byteOffset, ihdr.byteLength);
    expect(view.getUint32(0)).toBe(300);
    expect(view.getUint32(4)).toBe(7);
    expect([...ihdr.subarray(8)]).toEqual([8, 6, 0, 0, 0]);
    expect(readPngSize(png)).toEqual({ width: 300, height: 7 });
  });

  it('compresses rows that node’s zlib inflates back to the right length', () => {
    for (const filter of ['none', 'adaptive'] as const) {
      const png = encodePng(sampleCanvas(), { filter });
      const idat = chunks(png).find(([t]) => t === 'IDAT')![1];
      expect(inflateSync(idat).length).toBe((37 * 4 + 1) * 23);
    }
  });

  it('round-trips pixel values with filter type 0', () => {
    const canvas = sampleCanvas();
    const png = encodePng(canvas, { filter: 'none' });
    const idat = chunks(png).find(([t]) => t === 'IDAT')![1];
    expect(unfilterType0(inflateSync(idat), 37, 23)).toEqual(new Uint8Array(canvas.data));
  });

  it('round-trips pixel values with adaptive filters through decodePng', () => {
    const canvas = sampleCanvas();
    const decoded = decodePng(encodePng(canvas));
    expect(decoded.width).toBe(37);
    expect(decoded.height).toBe(23);
    expect(decoded.data).toEqual(new Uint8Array(canvas.data));
  });

  it('makes gradients smaller with adaptive filtering under run-length deflate', () => {
    const canvas = createCanvas(200, 100);
    canvas.fill(
      linearGradient(0, 0, 200, 100, [
        { offset: 0, color: hexColor('#123456') },
        { offset: 1, color: hexColor('#FEDCBA') },
      ]),
    );
    const zlib = { strategy: zlibConstants.Z_RLE };
    const adaptive = encodePng(canvas, { zlib });
    expect(adaptive.length * 2).toBeLessThan(encodePng(canvas, { filter: 'none', zlib }).length);
    expect(decodePng(adaptive).data).toEqual(new Uint8Array(canvas.data));
  });
});

describe('readPngSize', () => {
  it('refuses bytes that are not a PNG', () => {
    expect(readPngSize(new Uint8Array(40))).toBeNull();
    expect(readPngSize(new TextEncoder().encode('GIF89a, not a png at all, really'))).toBeNull();
    expect(readPngSize(PNG_SIGNATURE)).toBeNull();
  });
});

describe('canvas', () => {
  it('fills rectangles exactly and blends source-over', () => {
    const canvas = createCanvas(4, 4);
    canvas.fillRect(1, 1, 2, 2, hexColor('#FF0000'));
    expect(canvas.getPixel(0, 0)).toEqual([0, 0, 0, 0]);
    expect(canvas.getPixel(1, 1)).toEqual([255, 0, 0, 255]);
    canvas.fillRect(0, 0, 4, 4, hexColor('#0000FF', 0.5));
    expect(canvas.getPixel(0, 0)).toEqual([0, 0, 255, 128]);
    expect(canvas.getPixel(2, 2)).toEqual([128, 0, 128, 255]);
  });

  it('anti-aliases circle edges and fills the inside solid', () => {
    const canvas = createCanvas(40, 40);
    canvas.fillCircle(20, 20, 12, hexColor('#FFFFFF'));
    expect(canvas.getPixel(20, 20)[3]).toBe(255);
    expect(canvas.getPixel(2, 2)[3]).toBe(0);
    const edgeAlphas = Array.from({ length: 40 }, (_, x) => canvas.getPixel(x, 20)[3]);
    expect(edgeAlphas.some((a) => a > 0 && a < 255)).toBe(true);
  });

  it('draws linear gradients from the first to the last stop', () => {
    const canvas = createCanvas(100, 1);
    canvas.fill(
      linearGradient(0, 0, 100, 0, [
        { offset: 0, color: hexColor('#000000') },
        { offset: 1, color: hexColor('#FFFFFF') },
      ]),
    );
    expect(canvas.getPixel(0, 0)[0]).toBeLessThan(5);
    expect(canvas.getPixel(50, 0)[0]).toBeGreaterThan(120);
    expect(canvas.getPixel(50, 0)[0]).toBeLessThan(136);
    expect(canvas.getPixel(99, 0)[0]).toBeGreaterThan(250);
  });

  it('has signed distances that are negative inside', () => {
    expect(sdCircle(0, 0, 5)(0, 0)).toBe(-5);
    expect(sdRoundedRect(0, 0, 10, 10, 2)(5, 5)).toBeLessThan(0);
    expect(sdRoundedRect(0, 0, 10, 10, 2)(20, 5)).toBeCloseTo(10);
    const triangle = sdPolygon([
      [0, 0],
      [10, 0],
      [0, 10],
    ]);
    expect(triangle(2, 2)).toBeLessThan(0);
    expect(triangle(9, 9)).toBeGreaterThan(0);
  });
});
