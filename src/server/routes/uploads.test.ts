import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiErrorBodySchema, UploadResponseSchema } from '../../contract/schemas';
import { KEY_B, WS_B, makePng, passBody, pngForm, pngHeaderOnly, startSandbox } from '../server.test-utils';
import type { TestSandbox } from '../server.test-utils';

let sandbox: TestSandbox;

beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(async () => {
  await sandbox.stop();
});

async function expectError(res: Response, status: number, errorCode: string) {
  expect(res.status).toBe(status);
  const body = ApiErrorBodySchema.parse(await res.json());
  expect(body.errorCode).toBe(errorCode);
  return body;
}

describe('POST /v1/uploads and GET /files/{key}.png', () => {
  it('stores a PNG under a server-made key and serves it without auth', async () => {
    const png = makePng(6, 5);
    const res = await sandbox.api('POST', '/v1/uploads', { body: pngForm(png, '../../etc/passwd.png') });
    expect(res.status).toBe(200);
    const { key, url } = UploadResponseSchema.parse(await res.json());
    expect(key).toMatch(/^[0-9a-f-]{36}$/);
    expect(url).toBe(`${sandbox.url}/files/${key}.png`);

    const file = await fetch(url);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('image/png');
    expect(file.headers.get('x-content-type-options')).toBe('nosniff');
    expect(file.headers.get('cache-control')).toContain('immutable');
    expect(Buffer.from(await file.arrayBuffer()).equals(Buffer.from(png))).toBe(true);
  });

  it('answers 404 for an unknown file', async () => {
    await expectError(await fetch(`${sandbox.url}/files/00000000-0000-4000-8000-000000000000.png`), 404, 'NOT_FOUND');
    await expectError(await fetch(`${sandbox.url}/files/nothing.gif`), 404, 'NOT_FOUND');
  });

  it('judges the bytes, not the name or type: a non-PNG named .png is refused', async () => {
    const gif = new TextEncoder().encode(
      'GIF89a\u0001\u0000\u0001\u0000 pretending to be a png file, long enough to pass length checks',
    );
    const error = await expectError(
      await sandbox.api('POST', '/v1/uploads', { body: pngForm(gif) }),
      400,
      'INVALID_INPUT',
    );
    expect(Object.keys(error.context ?? {})).toEqual(['file']);
    const corrupt = makePng();
    corrupt[20] = (corrupt[20] ?? 0) ^ 0xff; // inside IHDR: the CRC no longer matches
    await expectError(await sandbox.api('POST', '/v1/uploads', { body: pngForm(corrupt) }), 400, 'INVALID_INPUT');
  });

  it('refuses a missing file field and a non-multipart body with 400', async () => {
    const form = new FormData();
    form.append('other', 'x');
    const missing = await expectError(await sandbox.api('POST', '/v1/uploads', { body: form }), 400, 'INVALID_INPUT');
    expect(Object.keys(missing.context ?? {})).toEqual(['file']);
    await expectError(await sandbox.api('POST', '/v1/uploads', { json: { file: 'x' } }), 400, 'INVALID_INPUT');
  });

  it('refuses declared dimensions over 4096 a side (decompression bombs)', async () => {
    for (const [w, h] of [
      [4097, 10],
      [10, 9000],
      [6324, 6324],
    ] as const) {
      const error = await expectError(
        await sandbox.api('POST', '/v1/uploads', { body: pngForm(pngHeaderOnly(w, h)) }),
        400,
        'INVALID_INPUT',
      );
      expect(Object.keys(error.context ?? {})).toEqual(['file']);
    }
    // The limit itself is allowed (a header alone is not: a PNG needs its image data).
    expect((await sandbox.api('POST', '/v1/uploads', { body: pngForm(makePng(4096, 2)) })).status).toBe(200);
    expect((await sandbox.api('POST', '/v1/uploads', { body: pngForm(makePng(2, 4096)) })).status).toBe(200);
  });

  it('answers 413 PAYLOAD_TOO_LARGE for a file over 5 MB', async () => {
    const big = new Uint8Array(5 * 1024 * 1024 + 10);
    big.set(makePng());
    const error = await expectError(
      await sandbox.api('POST', '/v1/uploads', { body: pngForm(big) }),
      413,
      'PAYLOAD_TOO_LARGE',
    );
    expect(Object.keys(error.context ?? {})).toEqual(['file']);
  });

  it('keeps uploads in the workspace of the request', async () => {
    const res = await sandbox.api('POST', '/v1/uploads', { key: KEY_B, body: pngForm(makePng()) });
    const { key } = UploadResponseSchema.parse(await res.json());
    const inA = await sandbox.api('POST', '/v1/wallet-pass', {
      json: passBody({ uploadInfoList: [{ fileName: 'icon.png', uploadKey: key }] }),
    });
    expect(inA.status).toBe(400);
    const inB = await sandbox.api('POST', '/v1/wallet-pass', {
      workspace: WS_B,
      json: passBody({ uploadInfoList: [{ fileName: 'icon.png', fileKey: key }] }),
    });
    expect(inB.status).toBe(201);
  });

  it('requires an API key', async () => {
    await expectError(
      await sandbox.api('POST', '/v1/uploads', { key: null, body: pngForm(makePng()) }),
      401,
      'UNAUTHORIZED',
    );
  });
});
