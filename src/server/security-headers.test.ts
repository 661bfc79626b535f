/**
 * Every kind of response carries the security headers: the SPA's HTML and assets, API JSON,
 * uploaded PNGs, the pass page, every error (4xx, 5xx, 413 before the body is read, 429), HEAD
 * and unknown methods, and proxy mode's streamed upstream answers and gateway errors.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './app';
import type { AppEnv } from './app-env';
import { KEY_ALL, KEY_B, listen, makePng, passBody, pngForm, startSandbox, tempDir } from './server.test-utils';
import type { Listening, TestSandbox } from './server.test-utils';

let staticDir: string;
let sandbox: TestSandbox;
let limited: TestSandbox;
let proxy: Listening;
let deadProxy: Listening;
let unbuilt: TestSandbox;

beforeAll(async () => {
  staticDir = tempDir('pass-studio-static-');
  mkdirSync(join(staticDir, 'assets'));
  writeFileSync(
    join(staticDir, 'index.html'),
    '<!doctype html><title>Pass Studio</title><div id="root"></div><script type="module" src="/assets/index-abc.js"></script>',
  );
  writeFileSync(join(staticDir, 'assets', 'index-abc.js'), 'console.log("app")');
  writeFileSync(join(staticDir, 'assets', 'index-abc.css'), 'body{}');
  sandbox = await startSandbox({ app: { staticDir } });
  limited = await startSandbox({ app: { rateLimit: 1 } });
  unbuilt = await startSandbox({ app: { staticDir: join(staticDir, 'missing') } });
  proxy = await listen(
    createApp({ mode: 'proxy', upstreamUrl: `${sandbox.url}/v1`, timeoutMs: 2000, workspaces: [], staticDir }),
  );
  const gone = await listen(new Hono<AppEnv>());
  await gone.close();
  deadProxy = await listen(
    createApp({ mode: 'proxy', upstreamUrl: `${gone.url}/v1`, timeoutMs: 2000, workspaces: [] }),
  );
});
afterAll(async () => {
  await deadProxy.close();
  await proxy.close();
  await unbuilt.stop();
  await limited.stop();
  await sandbox.stop();
  rmSync(staticDir, { recursive: true, force: true });
});

function directives(csp: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of csp.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) map.set(name.toLowerCase(), values);
  }
  return map;
}

function expectSecurityHeaders(res: Response, where: string): void {
  const csp = res.headers.get('content-security-policy');
  expect(csp, `${where}: CSP`).toBeTruthy();
  const policy = directives(csp ?? '');
  // Scripts: from our origin only; nothing inline, no eval (script-src, or default-src if absent).
  const scripts = policy.get('script-src') ?? policy.get('default-src') ?? [];
  expect(scripts, `${where}: script-src`).toEqual(["'self'"]);
  for (const bad of ["'unsafe-inline'", "'unsafe-eval'", '*', 'data:', 'http:', 'https:']) {
    expect(policy.get('script-src') ?? [], where).not.toContain(bad);
    expect(policy.get('default-src') ?? [], where).not.toContain(bad);
  }
  expect(policy.get('default-src'), `${where}: default-src`).toEqual(["'self'"]);
  expect(policy.get('frame-ancestors'), `${where}: frame-ancestors`).toEqual(["'none'"]);
  expect(policy.get('object-src'), `${where}: object-src`).toEqual(["'none'"]);
  expect(policy.get('base-uri'), `${where}: base-uri`).toEqual(["'none'"]);
  expect(policy.get('style-src') ?? [], `${where}: style-src`).not.toContain("'unsafe-inline'");
  expect(res.headers.get('x-content-type-options'), `${where}: nosniff`).toBe('nosniff');
  expect(res.headers.get('referrer-policy'), `${where}: Referrer-Policy`).toBe('no-referrer');
  expect(res.headers.get('x-frame-options'), `${where}: X-Frame-Options`).toBe('DENY');
}

interface Case {
  name: string;
  request: () => Promise<Response>;
  status: number;
  type?: string;
}

const api = (path: string, init: RequestInit = {}, base = () => sandbox.url) =>
  fetch(`${base()}${path}`, { ...init, headers: { 'api-key': KEY_ALL, ...init.headers } });

describe('security headers on every kind of response', () => {
  it('sandbox mode with the built SPA: HTML, assets, JSON, PNG, pass page, errors', async () => {
    const created = await sandbox.api('POST', '/v1/wallet-pass', {
      json: passBody({ status: 'Published', uploadInfoList: await sandbox.images() }),
    });
    const pass = (await created.json()) as { id: string; passLink: string; uploadInfoList: { url: string }[] };
    const pngUrl = pass.uploadInfoList[0]?.url ?? '';

    const cases: Case[] = [
      { name: 'SPA index', request: () => fetch(`${sandbox.url}/`), status: 200, type: 'text/html' },
      {
        name: 'SPA client route',
        request: () => fetch(`${sandbox.url}/passes/123/edit`),
        status: 200,
        type: 'text/html',
      },
      { name: 'SPA HEAD', request: () => fetch(`${sandbox.url}/`, { method: 'HEAD' }), status: 200 },
      {
        name: 'asset JS',
        request: () => fetch(`${sandbox.url}/assets/index-abc.js`),
        status: 200,
        type: 'javascript',
      },
      { name: 'asset CSS', request: () => fetch(`${sandbox.url}/assets/index-abc.css`), status: 200, type: 'text/css' },
      { name: 'API list', request: () => api('/v1/wallet-pass'), status: 200, type: 'application/json' },
      { name: 'API detail', request: () => api(`/v1/wallet-pass/${pass.id}`), status: 200, type: 'application/json' },
      { name: 'API create', request: () => Promise.resolve(created), status: 201, type: 'application/json' },
      {
        name: 'API delete (204)',
        request: async () => {
          const other = await sandbox.api('POST', '/v1/wallet-pass', { json: passBody() });
          const { id } = (await other.json()) as { id: string };
          return api(`/v1/wallet-pass/${id}`, { method: 'DELETE' });
        },
        status: 204,
      },
      {
        name: 'studio config',
        request: () => fetch(`${sandbox.url}/studio/config`),
        status: 200,
        type: 'application/json',
      },
      { name: 'uploaded PNG', request: () => fetch(pngUrl), status: 200, type: 'image/png' },
      { name: 'uploaded PNG HEAD', request: () => fetch(pngUrl, { method: 'HEAD' }), status: 200 },
      { name: 'upload', request: () => api('/v1/uploads', { method: 'POST', body: pngForm(makePng()) }), status: 200 },
      { name: 'pass page', request: () => fetch(pass.passLink), status: 200, type: 'text/html' },
      { name: 'pass page 404', request: () => fetch(`${sandbox.url}/p/nope`), status: 404, type: 'text/html' },
      {
        name: 'file 404',
        request: () => fetch(`${sandbox.url}/files/nope.png`),
        status: 404,
        type: 'application/json',
      },
      { name: 'API 401', request: () => fetch(`${sandbox.url}/v1/wallet-pass`), status: 401, type: 'application/json' },
      {
        name: 'API 403',
        request: () => api('/v1/wallet-pass', { headers: { 'api-key': 'ub_wrong' } }),
        status: 403,
        type: 'application/json',
      },
      { name: 'API 404', request: () => api('/v1/wallet-pass/nope'), status: 404, type: 'application/json' },
      { name: 'API unknown route', request: () => api('/v1/nothing'), status: 404, type: 'application/json' },
      { name: 'unknown method', request: () => api('/v1/wallet-pass', { method: 'OPTIONS' }), status: 405 },
      {
        name: 'API 400',
        request: () =>
          api('/v1/wallet-pass', { method: 'POST', body: '{', headers: { 'content-type': 'application/json' } }),
        status: 400,
        type: 'application/json',
      },
      {
        name: 'API 413',
        request: () =>
          api('/v1/wallet-pass', {
            method: 'POST',
            body: 'x'.repeat(1024 * 1024 + 1),
            headers: { 'content-type': 'application/json' },
          }),
        status: 413,
        type: 'application/json',
      },
      {
        name: 'upload 413',
        request: () =>
          api('/v1/uploads', { method: 'POST', body: pngForm(new Uint8Array(5 * 1024 * 1024 + 100 * 1024)) }),
        status: 413,
        type: 'application/json',
      },
      {
        name: 'rate limited 429',
        request: async () => {
          let res = await fetch(`${limited.url}/v1/wallet-pass`, { headers: { 'api-key': KEY_B } });
          for (let i = 0; i < 5 && res.status !== 429; i++) {
            await res.arrayBuffer();
            res = await fetch(`${limited.url}/v1/wallet-pass`, { headers: { 'api-key': KEY_B } });
          }
          return res;
        },
        status: 429,
        type: 'application/json',
      },
      {
        name: 'SPA not built (503)',
        request: () => fetch(`${unbuilt.url}/`),
        status: 503,
      },
    ];
    for (const c of cases) {
      const res = await c.request();
      expect(res.status, c.name).toBe(c.status);
      if (c.type) expect(res.headers.get('content-type'), c.name).toContain(c.type);
      expectSecurityHeaders(res, c.name);
      await res.arrayBuffer().catch(() => undefined);
    }
  });

  it('an unexpected failure (500) carries them too', async () => {
    const broken = await startSandbox();
    try {
      broken.store.close();
      const res = await broken.api('GET', '/v1/wallet-pass');
      expect(res.status).toBe(500);
      expectSecurityHeaders(res, '500');
    } finally {
      await broken.stop();
    }
  });

  it('proxy mode: streamed upstream answers, upstream errors, 502 and the SPA', async () => {
    const cases: Case[] = [
      { name: 'proxied list', request: () => api('/v1/wallet-pass', {}, () => proxy.url), status: 200 },
      { name: 'proxied 401', request: () => fetch(`${proxy.url}/v1/wallet-pass`), status: 401 },
      { name: 'proxied 404', request: () => api('/v1/wallet-pass/nope', {}, () => proxy.url), status: 404 },
      {
        name: 'proxied 204',
        request: async () => {
          const other = await sandbox.api('POST', '/v1/wallet-pass', { json: passBody() });
          const { id } = (await other.json()) as { id: string };
          return api(`/v1/wallet-pass/${id}`, { method: 'DELETE' }, () => proxy.url);
        },
        status: 204,
      },
      { name: '502', request: () => api('/v1/wallet-pass', {}, () => deadProxy.url), status: 502 },
      { name: 'proxy config', request: () => fetch(`${proxy.url}/studio/config`), status: 200 },
      { name: 'proxy SPA', request: () => fetch(`${proxy.url}/some/route`), status: 200, type: 'text/html' },
      { name: 'proxy asset', request: () => fetch(`${proxy.url}/assets/index-abc.js`), status: 200 },
      { name: 'proxy /files is not served', request: () => fetch(`${proxy.url}/files/x.png`), status: 404 },
    ];
    for (const c of cases) {
      const res = await c.request();
      expect(res.status, c.name).toBe(c.status);
      if (c.type) expect(res.headers.get('content-type'), c.name).toContain(c.type);
      expectSecurityHeaders(res, c.name);
      await res.arrayBuffer().catch(() => undefined);
    }
  });
});
