import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, tempDir } from './server.test-utils';
import type { TestSandbox } from './server.test-utils';

let staticDir: string;
let sandbox: TestSandbox;

beforeAll(async () => {
  staticDir = tempDir('pass-studio-static-');
  mkdirSync(join(staticDir, 'assets'));
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Pass Studio</title><div id="root"></div>');
  writeFileSync(join(staticDir, 'assets', 'index-abc123.js'), 'console.log("app")');
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
