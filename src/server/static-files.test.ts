import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawGet, startSandbox, tempDir } from './server.test-utils';
import type { TestSandbox } from './server.test-utils';

let staticDir: string;
let sandbox: TestSandbox;

/** A script as a build writes it: the file, its brotli and gzip forms, and its source map. */
const SCRIPT = `export const app = ${JSON.stringify('pass studio '.repeat(400))};\n`;

beforeAll(async () => {
  staticDir = tempDir('pass-studio-static-');
  mkdirSync(join(staticDir, 'assets'));
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Pass Studio</title><div id="root"></div>');
  writeFileSync(join(staticDir, 'assets', 'index-abc123.js'), 'console.log("app")');
  writeFileSync(join(staticDir, 'assets', 'main-def456.js'), SCRIPT);
  writeFileSync(join(staticDir, 'assets', 'main-def456.js.br'), brotliCompressSync(SCRIPT));
  writeFileSync(join(staticDir, 'assets', 'main-def456.js.gz'), gzipSync(SCRIPT));
  writeFileSync(join(staticDir, 'assets', 'main-def456.js.map'), '{"version":3,"sources":["src/main.ts"]}');
  writeFileSync(join(staticDir, 'robots.txt'), 'User-agent: *');
  sandbox = await startSandbox({ app: { staticDir } });
});
afterAll(async () => {
  await sandbox.stop();
  rmSync(staticDir, { recursive: true, force: true });
});

describe('static files', () => {
  it('serves index.html at / without caching', async () => {
    const res = await fetch(`${sandbox.url}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(await res.text()).toContain('Pass Studio');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
  });

  it('serves hashed assets with immutable caching', async () => {
    const res = await fetch(`${sandbox.url}/assets/index-abc123.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('javascript');
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await fetch(`${sandbox.url}/robots.txt`)).status).toBe(200);
  });

  it('falls back to index.html for client routes, never for API paths', async () => {
    const route = await fetch(`${sandbox.url}/passes/123/edit`);
    expect(route.status).toBe(200);
    expect(route.headers.get('cache-control')).toBe('no-cache');
    expect(await route.text()).toContain('<div id="root">');
    const api = await fetch(`${sandbox.url}/v1/nothing`, { headers: { 'api-key': 'ub_test_all' } });
    expect(api.status).toBe(404);
    expect(api.headers.get('content-type')).toContain('application/json');
    expect((await fetch(`${sandbox.url}/studio/unknown`)).status).toBe(404);
    expect((await fetch(`${sandbox.url}/files/unknown.png`)).status).toBe(404);
    expect((await fetch(`${sandbox.url}/passes`, { method: 'POST' })).status).toBe(404);
  });

  it('answers a built asset in brotli when asked, gzip when only gzip is accepted, and plain otherwise', async () => {
    const url = `${sandbox.url}/assets/main-def456.js`;
    const br = await rawGet(url, { 'accept-encoding': 'gzip, deflate, br, zstd' });
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toBe('Accept-Encoding');
    expect(br.headers['content-type']).toContain('javascript');
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(Number(br.headers['content-length'])).toBe(br.body.byteLength);
    expect(br.body.byteLength).toBeLessThan(SCRIPT.length / 4);
    expect(brotliDecompressSync(br.body).toString()).toBe(SCRIPT);

    const gzip = await rawGet(url, { 'accept-encoding': 'gzip, deflate' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gzip.headers.vary).toBe('Accept-Encoding');
    expect(gunzipSync(gzip.body).toString()).toBe(SCRIPT);
    // Refused brotli (q=0) falls back to gzip.
    expect((await rawGet(url, { 'accept-encoding': 'br;q=0, gzip' })).headers['content-encoding']).toBe('gzip');

    for (const accept of [undefined, 'identity', 'deflate', 'br;q=0, gzip;q=0']) {
      const plain = await rawGet(url, accept ? { 'accept-encoding': accept } : {});
      expect(plain.headers['content-encoding'], accept).toBeUndefined();
      expect(plain.headers.vary, accept).toBe('Accept-Encoding');
      expect(plain.body.toString(), accept).toBe(SCRIPT);
    }
    // The compressed forms are never answered under their own names.
    expect((await rawGet(`${url}.br`)).status).toBe(404);
    expect((await rawGet(`${url}.gz`)).status).toBe(404);
  });

  it('revalidates index.html with an ETag', async () => {
    const first = await rawGet(`${sandbox.url}/`);
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^W\/".+"$/);
    const again = await rawGet(`${sandbox.url}/`, { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.body.byteLength).toBe(0);
  });

  it('answers 404 for an unknown asset instead of the app', async () => {
    const res = await fetch(`${sandbox.url}/assets/index-gone000.js`);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).not.toContain('text/html');
    expect(await res.text()).not.toContain('<div id="root">');
    expect((await fetch(`${sandbox.url}/assets/`)).status).toBe(404);
  });

  it('does not serve source maps unless asked to', async () => {
    const res = await fetch(`${sandbox.url}/assets/main-def456.js.map`);
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('src/main.ts');
    const serving = await startSandbox({ app: { staticDir, serveSourceMaps: true } });
    try {
      const map = await fetch(`${serving.url}/assets/main-def456.js.map`);
      expect(map.status).toBe(200);
      expect(await map.text()).toContain('src/main.ts');
    } finally {
      await serving.stop();
    }
  });

  it('refuses path traversal', async () => {
    const res = await fetch(`${sandbox.url}/..%2f..%2fetc%2fpasswd`);
    expect(await res.text()).not.toContain('root:');
  });

  it('says to run the build when there is no index.html', async () => {
    const empty = tempDir('pass-studio-empty-');
    const bare = await startSandbox({ app: { staticDir: empty } });
    try {
      const res = await fetch(`${bare.url}/`);
      expect(res.status).toBe(503);
      expect(await res.text()).toContain('npm run build');
    } finally {
      await bare.stop();
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
