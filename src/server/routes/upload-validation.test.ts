/**
 * What `POST /v1/uploads` accepts: PNGs judged by their bytes (signature, a readable IHDR with a
 * sane size, chunks that all fit, image data that inflates to exactly the declared size), never
 * by name or declared type. Everything else is 400 INVALID_INPUT, over 5 MB is 413, and the
 * stored name is always the server's own random key. Files are served as inert PNGs.
 */
import { deflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiErrorBodySchema, UploadResponseSchema } from '../../contract/schemas';
import { seedImages } from '../seed/seed-images';
import { PNG_FILE_SIGNATURE, makePng, pngChunk, pngForm, pngHeaderOnly, startSandbox } from '../server.test-utils';
import type { TestSandbox } from '../server.test-utils';

let sandbox: TestSandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(async () => {
  await sandbox.stop();
});

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

interface PngSpec {
  width: number;
  height: number;
  bitDepth?: number;
  colorType?: number;
  interlace?: number;
  /** Bytes of filtered scanlines (zeros) to deflate; by default what a non-interlaced image needs. */
  rawBytes?: number;
  /** Replaces the IDAT payload (already compressed). */
  idat?: Uint8Array;
  /** Chunks placed before the IDAT. */
  before?: Buffer[];
  withIend?: boolean;
}

function header(spec: PngSpec): Buffer {
  const data = Buffer.alloc(13);
  data.writeUInt32BE(spec.width, 0);
  data.writeUInt32BE(spec.height, 4);
  data[8] = spec.bitDepth ?? 8;
  data[9] = spec.colorType ?? 6;
  data[12] = spec.interlace ?? 0;
  return pngChunk('IHDR', data);
}

function buildPng(spec: PngSpec): Uint8Array {
  const channels = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 }[spec.colorType ?? 6] ?? 4;
  const rowBytes = 1 + Math.ceil((spec.width * channels * (spec.bitDepth ?? 8)) / 8);
  const raw = new Uint8Array(spec.rawBytes ?? spec.height * rowBytes);
  return Buffer.concat([
    PNG_FILE_SIGNATURE,
    header(spec),
    ...(spec.before ?? []),
    pngChunk('IDAT', spec.idat ?? deflateSync(raw)),
    ...(spec.withIend === false ? [] : [pngChunk('IEND', new Uint8Array())]),
  ]);
}

async function upload(bytes: Uint8Array, name = 'logo.png', type = 'image/png'): Promise<Response> {
  return sandbox.api('POST', '/v1/uploads', { body: pngForm(bytes, name, type) });
}

async function expectRefused(bytes: Uint8Array, what: string, name = 'logo.png', type = 'image/png') {
  const res = await upload(bytes, name, type);
  const text = await res.text();
  expect(res.status, `${what}: ${text}`).toBe(400);
  const body = ApiErrorBodySchema.parse(JSON.parse(text));
  expect(body.errorCode, what).toBe('INVALID_INPUT');
  expect(Object.keys(body.context ?? {}), what).toEqual(['file']);
  return body;
}

async function expectAccepted(bytes: Uint8Array, what: string, name = 'logo.png', type = 'image/png') {
  const res = await upload(bytes, name, type);
  const text = await res.text();
  expect(res.status, `${what}: ${text}`).toBe(200);
  return UploadResponseSchema.parse(JSON.parse(text));
}

describe('uploads accept real PNGs', () => {
  it('accepts RGBA, grey, 1-bit, palette and interlaced PNGs, and what the seed encoder writes', async () => {
    await expectAccepted(makePng(1, 1), '1×1 RGBA');
    await expectAccepted(buildPng({ width: 9, height: 7, colorType: 0, bitDepth: 1 }), '1-bit grey');
    await expectAccepted(buildPng({ width: 5, height: 5, colorType: 2, bitDepth: 8 }), '8-bit RGB');
    const palette = pngChunk('PLTE', Uint8Array.of(0, 0, 0, 255, 255, 255));
    await expectAccepted(
      buildPng({ width: 10, height: 3, colorType: 3, bitDepth: 4, before: [palette] }),
      '4-bit palette',
    );
    // 3×3 RGBA, Adam7: passes 1, 4, 5, 6 and 7 hold 1, 1, 2×1, 1×2 and 3×1 pixels → 42 bytes.
    await expectAccepted(buildPng({ width: 3, height: 3, interlace: 1, rawBytes: 42 }), 'interlaced');
    // Ancillary chunks (text, gamma) are fine.
    const text = pngChunk('tEXt', new TextEncoder().encode('Comment\0hello'));
    await expectAccepted(buildPng({ width: 2, height: 2, before: [text] }), 'with tEXt');
    // The seed's own artwork (palette images with transparency, adaptive filters).
    for (const image of seedImages('copperline')) await expectAccepted(image.png, `seed ${image.fileName}`);
    // The largest side allowed.
    await expectAccepted(makePng(4096, 1), '4096×1');
  });

  it('ignores the declared type: a real PNG sent as text/html is stored and served as image/png', async () => {
    const { url } = await expectAccepted(makePng(2, 2), 'png as text/html', 'page.html', 'text/html');
    const file = await fetch(url);
    expect(file.headers.get('content-type')).toBe('image/png');
  });
});

describe('uploads refuse everything else with 400 INVALID_INPUT', () => {
  it('refuses other formats, whatever the name and declared type', async () => {
    const jpeg = Uint8Array.from([
      0xff,
      0xd8,
      0xff,
      0xe0,
      0x00,
      0x10,
      0x4a,
      0x46,
      0x49,
      0x46,
      0x00,
      0x01,
      0x01,
      0x00,
      0x00,
      0x01,
      0x00,
      0x01,
      0x00,
      0x00,
      ...new Array<number>(200).fill(0),
      0xff,
      0xd9,
    ]);
    await expectRefused(jpeg, 'JPEG');
    const gif = new TextEncoder().encode(`GIF89a\u0001\u0000\u0001\u0000\u0080\u0000\u0000${'\0'.repeat(100)};`);
    await expectRefused(gif, 'GIF');
    const svg = new TextEncoder().encode(
      '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(document.cookie)</script></svg>',
    );
    await expectRefused(svg, 'SVG named .png', 'logo.png', 'image/png');
    await expectRefused(svg, 'SVG as image/svg+xml', 'logo.svg', 'image/svg+xml');
    const html = new TextEncoder().encode('<!doctype html><html><body><script>alert(1)</script></body></html>');
    await expectRefused(html, 'HTML named .png');
    // HTML hiding behind a PNG signature is no PNG either.
    await expectRefused(Buffer.concat([PNG_FILE_SIGNATURE, Buffer.from(html)]), 'signature + HTML');
    await expectRefused(new Uint8Array(), 'empty file');
    await expectRefused(PNG_FILE_SIGNATURE, 'signature only');
  });

  it('refuses truncated and corrupt PNGs', async () => {
    const good = makePng(6, 5);
    const iendAt = good.length - 12;
    const idatAt = 33;
    await expectRefused(good.subarray(0, iendAt), 'no IEND (cut before it)');
    await expectRefused(good.subarray(0, good.length - 3), 'cut inside IEND');
    await expectRefused(good.subarray(0, idatAt + 20), 'cut inside IDAT');
    await expectRefused(good.subarray(0, 40), 'cut after IHDR');
    await expectRefused(pngHeaderOnly(4, 4), 'no IDAT at all');

    const badCrc = Uint8Array.from(good);
    badCrc[iendAt - 1] = (badCrc[iendAt - 1] ?? 0) ^ 0xff; // last CRC byte of the IDAT
    await expectRefused(badCrc, 'IDAT CRC wrong');

    // Chunk framing intact, but the compressed stream itself is cut short.
    const raw = new Uint8Array(5 * (1 + 6 * 4));
    const stream = deflateSync(raw);
    await expectRefused(buildPng({ width: 6, height: 5, idat: stream.subarray(0, stream.length - 6) }), 'cut stream');
    await expectRefused(
      buildPng({ width: 6, height: 5, idat: new TextEncoder().encode('not zlib at all') }),
      'not zlib',
    );
    // A complete stream with fewer (or more) scanline bytes than the header declares.
    await expectRefused(buildPng({ width: 6, height: 5, rawBytes: raw.length - 1 }), 'one byte short');
    await expectRefused(buildPng({ width: 6, height: 5, rawBytes: raw.length + 25 }), 'one row too many');
    // A palette image without its palette.
    await expectRefused(buildPng({ width: 4, height: 4, colorType: 3, bitDepth: 8 }), 'palette image without PLTE');
    // Nonsense header fields.
    await expectRefused(buildPng({ width: 4, height: 4, bitDepth: 3 }), 'bit depth 3');
    await expectRefused(buildPng({ width: 4, height: 4, interlace: 2 }), 'interlace method 2');
    await expectRefused(buildPng({ width: 0, height: 4 }), 'zero width');
  });

  it('refuses decompression bombs: huge declared sizes, and data inflating past the declared size', async () => {
    for (const [width, height] of [
      [100_000, 100_000],
      [0x7fffffff, 1],
      [4097, 1],
      [6324, 6324],
    ] as const) {
      const started = Date.now();
      const small = buildPng({ width, height, rawBytes: 100 });
      expect(small.length).toBeLessThan(1000);
      const error = await expectRefused(small, `${width}×${height}`);
      expect(error.context?.file).toMatch(/pixels|megapixels/);
      expect(Date.now() - started).toBeLessThan(1000);
    }
    // Allowed dimensions (4096×4096) with a tiny stream: refused for the data, quickly.
    const started = Date.now();
    await expectRefused(buildPng({ width: 4096, height: 4096, rawBytes: 100 }), 'large image, little data');
    // A 16×16 image whose 60 KB stream inflates to 64 MB: inflation stops at the declared size.
    const bomb = deflateSync(new Uint8Array(64 * 1024 * 1024), { level: 9 });
    expect(bomb.length).toBeLessThan(100_000);
    await expectRefused(buildPng({ width: 16, height: 16, idat: bomb }), 'zlib bomb');
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('answers 413 PAYLOAD_TOO_LARGE over 5 MB, before looking at the bytes', async () => {
    const big = new Uint8Array(5 * 1024 * 1024 + 1);
    big.set(makePng());
    const res = await upload(big);
    expect(res.status).toBe(413);
    expect(ApiErrorBodySchema.parse(await res.json()).errorCode).toBe('PAYLOAD_TOO_LARGE');
    // The server still serves after refusing an oversized body.
    expect((await upload(makePng())).status).toBe(200);
  });
});

describe('uploads cost what a wallet image needs', () => {
  it('refuses more than 8 bits per channel and more than 4096 pixels a side, by the header alone, fast', async () => {
    // The case: 304 KB declaring 6324×6324 at 16-bit RGBA would inflate to 320 MB.
    for (const spec of [
      { width: 6324, height: 6324, bitDepth: 16, rawBytes: 300_000 },
      { width: 5, height: 5, colorType: 2, bitDepth: 16 },
      { width: 5, height: 5, colorType: 0, bitDepth: 16 },
      { width: 5, height: 5, colorType: 4, bitDepth: 16 },
      { width: 4097, height: 1 },
    ]) {
      const started = Date.now();
      const error = await expectRefused(buildPng(spec), JSON.stringify(spec));
      expect(String(error.context?.file)).toMatch(/bits per channel|4096 pixels/);
      expect(Date.now() - started).toBeLessThan(1000);
    }
  });

  it('stores pure PNG: text chunks, unknown chunks and bytes after IEND are dropped, the image kept', async () => {
    const markup = '<script>alert(1)</script><svg onload=alert(2)>';
    const text = pngChunk('tEXt', new TextEncoder().encode(`Comment\0${markup}`));
    const ztxt = pngChunk('zTXt', Buffer.concat([Buffer.from('Title\0\0'), deflateSync(markup)]));
    const itxt = pngChunk('iTXt', new TextEncoder().encode(`Description\0\0\0\0\0${markup}`));
    const gamma = pngChunk('gAMA', Uint8Array.of(0, 0, 0xb1, 0x8f));
    const privateChunk = pngChunk('prVt', new TextEncoder().encode(markup));
    const image = buildPng({ width: 3, height: 2, before: [text, ztxt, itxt, gamma, privateChunk] });
    const trailer = new TextEncoder().encode(`<html>${markup}</html>`);
    const { url } = await expectAccepted(Buffer.concat([image, trailer]), 'png with text and a trailer');

    const stored = new Uint8Array(await (await fetch(url)).arrayBuffer());
    const served = Buffer.from(stored).toString('latin1');
    expect(served).not.toContain('script');
    expect(served).not.toContain('alert');
    for (const type of ['tEXt', 'zTXt', 'iTXt', 'prVt']) expect(served).not.toContain(type);
    // What is left: the signature, IHDR, gAMA, IDAT and IEND, ending exactly at IEND's CRC.
    expect(served).toContain('gAMA');
    expect(Buffer.from(stored.subarray(-12, -4)).toString('latin1')).toBe('\0\0\0\0IEND');
    const clean = buildPng({ width: 3, height: 2, before: [gamma] });
    expect(Buffer.from(stored).equals(Buffer.from(clean))).toBe(true);
  });
});

describe('stored names are the server’s own', () => {
  it('never uses the client file name: the key is a random UUID and the URL carries nothing else', async () => {
    const keys = new Set<string>();
    for (const name of [
      '../../etc/passwd.png',
      '..\\..\\windows\\win.ini.png',
      '<script>alert(1)</script>.png',
      "logo.png\"; filename*=UTF-8''evil.html",
      '\u202egnp.exe',
      'blob',
      'a'.repeat(300),
    ]) {
      const { key, url } = await expectAccepted(makePng(), `name ${JSON.stringify(name)}`, name);
      expect(key).toMatch(UUID_V4);
      expect(url).toBe(`${sandbox.url}/files/${key}.png`);
      for (const fragment of ['passwd', 'etc', 'script', '..', 'evil', 'exe', 'win']) {
        expect(url.slice(sandbox.url.length)).not.toContain(fragment);
      }
      keys.add(key);
    }
    expect(keys.size).toBe(7);
  });

  it('serves an upload as an inert PNG: image/png, nosniff, inline, strict CSP; HEAD too', async () => {
    const png = makePng(3, 3);
    const { key, url } = await expectAccepted(png, 'served', '<b>x</b>.png', 'text/html');
    for (const method of ['GET', 'HEAD']) {
      const res = await fetch(url, { method });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('image/png');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('content-disposition')).toBe(`inline; filename="${key}.png"`);
      expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
      if (method === 'GET') expect(Buffer.from(await res.arrayBuffer()).equals(Buffer.from(png))).toBe(true);
    }
    // Only `<key>.png` names a file: no other extension, no path tricks.
    for (const path of [`${key}.html`, `${key}`, `${key}.png.html`, `..%2F${key}.png`, `${key}%00.png`]) {
      expect((await fetch(`${sandbox.url}/files/${path}`)).status, path).toBe(404);
    }
  });
});
