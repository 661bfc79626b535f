import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StudioConfigSchema } from '../contract/queries';
import { ApiErrorBodySchema, WalletPassDetailResponseSchema, WalletPassSchema } from '../contract/schemas';
import { createApp } from './app';
import type { AppEnv } from './app-env';
import { KEY_ALL, KEY_B, WS_B, listen, passBody, runMain, startSandbox, tempDir } from './server.test-utils';
import type { Listening, TestSandbox } from './server.test-utils';

let upstream: TestSandbox;
let proxy: Listening;

beforeAll(async () => {
  upstream = await startSandbox({ app: { rateLimit: 1 } });
  proxy = await listen(
    createApp({
      mode: 'proxy',
      upstreamUrl: `${upstream.url}/v1/`,
      timeoutMs: 2000,
      workspaces: [
        { id: 'ws-1', name: 'One' },
        { id: 'ws-2', name: 'Two' },
      ],
    }),
  );
});
afterAll(async () => {
  await proxy.close();
  await upstream.stop();
});

describe('proxy mode', () => {
  it('forwards /v1 requests with body, query, api-key and x-workspace-id, and streams answers back', async () => {
    const created = await fetch(`${proxy.url}/v1/wallet-pass`, {
      method: 'POST',
      headers: { 'api-key': KEY_ALL, 'x-workspace-id': WS_B, 'content-type': 'application/json' },
      body: JSON.stringify(passBody({ passName: 'Through the proxy' })),
    });
    expect(created.status).toBe(201);
    expect(created.headers.get('content-type')).toContain('application/json');
    expect(created.headers.get('content-security-policy')).toBeTruthy();
    const pass = WalletPassSchema.parse(await created.json());
    expect(pass.workspaceId).toBe(WS_B);

    const read = await fetch(`${proxy.url}/v1/wallet-pass/${pass.id}`, {
      headers: { 'api-key': KEY_ALL, 'x-workspace-id': WS_B },
    });
    expect(read.status).toBe(200);
    expect(WalletPassDetailResponseSchema.parse(await read.json())[0]?.passName).toBe('Through the proxy');

    const list = await fetch(`${proxy.url}/v1/wallet-pass?query=${encodeURIComponent('through the')}`, {
      headers: { 'api-key': KEY_B },
    });
    expect(((await list.json()) as { items: unknown[] }).items).toHaveLength(1);

    const deleted = await fetch(`${proxy.url}/v1/wallet-pass/${pass.id}`, {
      method: 'DELETE',
      headers: { 'api-key': KEY_B },
    });
    expect(deleted.status).toBe(204);
  });

  it('passes upstream errors through unchanged, including 429 with Retry-After', async () => {
    const unauthorized = await fetch(`${proxy.url}/v1/wallet-pass`);
    expect(unauthorized.status).toBe(401);
    expect(ApiErrorBodySchema.parse(await unauthorized.json()).errorCode).toBe('UNAUTHORIZED');

    let limited: Response | undefined;
    for (let i = 0; i < 5 && !limited; i++) {
      const res = await fetch(`${proxy.url}/v1/wallet-pass`, { headers: { 'api-key': 'ub_test_alpha' } });
      if (res.status === 429) limited = res;
      else await res.arrayBuffer();
    }
    expect(limited?.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(ApiErrorBodySchema.parse(await limited?.json()).errorCode).toBe('TOO_MANY_REQUESTS');
  });

  it('lists the configured workspaces in /studio/config, without keys', async () => {
    const config = StudioConfigSchema.parse(await (await fetch(`${proxy.url}/studio/config`)).json());
    expect(config).toEqual({
      mode: 'proxy',
      workspaces: [
        { id: 'ws-1', name: 'One' },
        { id: 'ws-2', name: 'Two' },
      ],
    });
  });

  it('forwards only the API headers, never Host or cookies', async () => {
    let seen: Record<string, string> = {};
    let seenUrl = '';
    const echo = new Hono<AppEnv>();
    echo.all('*', async (c) => {
      seen = Object.fromEntries(c.req.raw.headers.entries());
      seenUrl = c.req.url;
      return c.json({ body: await c.req.text() }, 202, { 'retry-after': '7', 'x-internal': 'hidden' });
    });
    const upstreamEcho = await listen(echo);
    const p = await listen(
      createApp({ mode: 'proxy', upstreamUrl: `${upstreamEcho.url}/base/v1`, timeoutMs: 2000, workspaces: [] }),
    );
    try {
      const res = await fetch(`${p.url}/v1/wallet-pass/abc?status=Draft,Published&limit=5`, {
        method: 'PATCH',
        headers: {
          'api-key': 'k-1',
          'x-workspace-id': 'ws-9',
          'content-type': 'application/json',
          accept: 'application/json',
          cookie: 'session=secret',
          'x-forwarded-for': '1.2.3.4',
        },
        body: '{"passName":"x"}',
      });
      expect(res.status).toBe(202);
      expect(res.headers.get('retry-after')).toBe('7');
      expect(res.headers.get('x-internal')).toBeNull();
      expect(await res.json()).toEqual({ body: '{"passName":"x"}' });
      expect(new URL(seenUrl).pathname).toBe('/base/v1/wallet-pass/abc');
      expect(new URL(seenUrl).search).toBe('?status=Draft,Published&limit=5');
      expect(seen['api-key']).toBe('k-1');
      expect(seen['x-workspace-id']).toBe('ws-9');
      expect(seen['content-type']).toBe('application/json');
      expect(seen.accept).toBe('application/json');
      expect(seen.cookie).toBeUndefined();
      expect(seen['x-forwarded-for']).toBeUndefined();
      expect(seen.host).toBe(new URL(upstreamEcho.url).host);
    } finally {
      await p.close();
      await upstreamEcho.close();
    }
  });

  it('answers 504 GATEWAY_TIMEOUT when the upstream does not answer in time', async () => {
    const slow = new Hono<AppEnv>();
    slow.all('*', async (c) => {
      await new Promise((r) => setTimeout(r, 1500));
      return c.json({ late: true });
    });
    const slowServer = await listen(slow);
    const p = await listen(
      createApp({ mode: 'proxy', upstreamUrl: `${slowServer.url}/v1`, timeoutMs: 150, workspaces: [] }),
    );
    try {
      const started = Date.now();
      const res = await fetch(`${p.url}/v1/wallet-pass`, { headers: { 'api-key': 'k' } });
      expect(res.status).toBe(504);
      expect(Date.now() - started).toBeLessThan(1200);
      const body = ApiErrorBodySchema.parse(await res.json());
      expect(body.errorCode).toBe('GATEWAY_TIMEOUT');
      expect(body.txId).toBeTruthy();
    } finally {
      await p.close();
      await slowServer.close();
    }
  });

  it('answers 502 BAD_GATEWAY when the upstream cannot be reached', async () => {
    const gone = await listen(new Hono<AppEnv>());
    const deadUrl = gone.url;
    await gone.close();
    const p = await listen(createApp({ mode: 'proxy', upstreamUrl: `${deadUrl}/v1`, timeoutMs: 2000, workspaces: [] }));
    try {
      const res = await fetch(`${p.url}/v1/wallet-pass`, { headers: { 'api-key': 'k' } });
      expect(res.status).toBe(502);
      expect(ApiErrorBodySchema.parse(await res.json()).errorCode).toBe('BAD_GATEWAY');
    } finally {
      await p.close();
    }
  });

  it('a write that timed out after the upstream received it says it may have been applied; a read does not', async () => {
    const received: string[] = [];
    const slow = new Hono<AppEnv>();
    slow.all('*', async (c) => {
      received.push(`${c.req.method} ${await c.req.text()}`);
      await new Promise((r) => setTimeout(r, 1500));
      return c.json({ late: true }, 201);
    });
    const slowServer = await listen(slow);
    const p = await listen(
      createApp({ mode: 'proxy', upstreamUrl: `${slowServer.url}/v1`, timeoutMs: 200, workspaces: [] }),
    );
    try {
      for (const [method, path] of [
        ['POST', '/v1/wallet-pass'],
        ['POST', '/v1/wallet-pass-location'],
        ['PATCH', '/v1/wallet-pass/abc'],
      ] as const) {
        const res = await fetch(`${p.url}${path}`, {
          method,
          headers: { 'api-key': 'k', 'content-type': 'application/json' },
          body: '{"passName":"Maybe"}',
        });
        expect(res.status).toBe(504);
        const text = await res.text();
        const body = ApiErrorBodySchema.parse(JSON.parse(text));
        expect(body.errorCode).toBe('GATEWAY_TIMEOUT');
        expect(body.errorMessage).toMatch(/may have been applied/);
        expect(body.context).toEqual({ mayHaveBeenApplied: true });
        expect(text).not.toContain(new URL(slowServer.url).host);
      }
      expect(received).toEqual([
        'POST {"passName":"Maybe"}',
        'POST {"passName":"Maybe"}',
        'PATCH {"passName":"Maybe"}',
      ]);
      const read = await fetch(`${p.url}/v1/wallet-pass`, { headers: { 'api-key': 'k' } });
      expect(read.status).toBe(504);
      const readBody = ApiErrorBodySchema.parse(await read.json());
      expect(readBody.errorMessage).not.toMatch(/applied/);
      expect(readBody.context).toEqual({});
    } finally {
      await p.close();
      await slowServer.close();
    }
  });

  it('error bodies never carry the upstream URL', async () => {
    const gone = await listen(new Hono<AppEnv>());
    const deadUrl = gone.url;
    await gone.close();
    const p = await listen(
      createApp({ mode: 'proxy', upstreamUrl: `${deadUrl}/internal-base/v1`, timeoutMs: 2000, workspaces: [] }),
    );
    try {
      for (const method of ['GET', 'POST']) {
        const res = await fetch(`${p.url}/v1/wallet-pass`, {
          method,
          headers: { 'api-key': 'k', 'content-type': 'application/json' },
          ...(method === 'POST' ? { body: '{}' } : {}),
        });
        expect(res.status).toBe(502);
        const text = await res.text();
        expect(text).not.toContain(new URL(deadUrl).host);
        expect(text).not.toContain('internal-base');
        // Refused connections never reached the upstream: nothing can have been applied.
        expect(ApiErrorBodySchema.parse(JSON.parse(text)).context).toEqual({});
      }
    } finally {
      await p.close();
    }
  });

  it('refuses to start with credentials in PASSPORT_API_URL, without printing them', async () => {
    const dataDir = tempDir();
    let failure = '';
    try {
      const main = await runMain(dataDir, { PASSPORT_API_URL: 'https://team:hunter2-secret@api.example.com/v1' });
      main.process.kill('SIGKILL');
    } catch (error) {
      failure = String(error);
    }
    expect(failure).toMatch(/PASSPORT_API_URL must not contain a user name or password/);
    expect(failure).not.toContain('hunter2');
  });

  it('serves no sandbox routes', async () => {
    expect((await fetch(`${proxy.url}/files/x.png`)).status).toBe(404);
    expect((await fetch(`${proxy.url}/p/some-slug`)).status).toBe(404);
  });
});
