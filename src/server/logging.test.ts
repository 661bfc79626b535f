/**
 * Logs are JSON lines, one per request (plus one per unexpected error), and no API key ever
 * reaches them or an error body: not on success, failing auth, 4xx, 5xx, rate limiting or in
 * proxy mode, not in a header, a query string or a Bearer token. At debug level the request
 * headers are logged, with the secret ones redacted.
 */
import { rmSync } from 'node:fs';
import { Hono } from 'hono';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from './app';
import type { AppEnv } from './app-env';
import type { LogLevel } from './env';
import { createLogger, redactHeaders } from './logger';
import {
  KEY_A,
  KEY_ALL,
  listen,
  makePng,
  passBody,
  pngForm,
  runMain,
  seedTestData,
  startSandbox,
  tempDir,
} from './server.test-utils';
import type { Listening, TestSandbox } from './server.test-utils';

/** An unknown key that looks real: it must not be echoed either. */
const WRONG_KEY = 'ub_live_wrong_0123456789abcdef';
const BEARER = 'eyJhbGciOiJIUzI1NiJ9.c2VjcmV0LXRva2Vu.c2lnbmF0dXJl';
const SECRETS = [KEY_ALL, KEY_A, WRONG_KEY, BEARER];

interface Capture {
  lines: string[];
  /** Every response body the client saw. */
  bodies: string[];
}

function capture(level: LogLevel) {
  const lines: string[] = [];
  return { lines, logger: createLogger(level, (line) => lines.push(line)) };
}

async function send(cap: Capture, url: string, init: RequestInit = {}): Promise<Response> {
  const res = await fetch(url, init);
  const text = await res.text();
  cap.bodies.push(text);
  return new Response(text, { status: res.status, headers: res.headers });
}

/** Requests that go every way a request can go in sandbox mode. */
async function exerciseSandbox(cap: Capture, sandbox: TestSandbox): Promise<void> {
  const url = sandbox.url;
  const json = (key: string, body: unknown, method = 'POST') => ({
    method,
    headers: { 'api-key': key, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect((await send(cap, `${url}/v1/wallet-pass`, { headers: { 'api-key': KEY_ALL } })).status).toBe(200);
  const created = await send(cap, `${url}/v1/wallet-pass`, json(KEY_ALL, passBody()));
  expect(created.status).toBe(201);
  const { id } = (await created.json()) as { id: string };
  expect((await send(cap, `${url}/v1/wallet-pass/${id}`, { headers: { 'api-key': KEY_A } })).status).toBe(200);
  // Failing auth: no key, a wrong key, a Bearer token only, a key for a workspace it cannot reach.
  expect((await send(cap, `${url}/v1/wallet-pass`)).status).toBe(401);
  expect((await send(cap, `${url}/v1/wallet-pass`, { headers: { 'api-key': WRONG_KEY } })).status).toBe(403);
  expect((await send(cap, `${url}/v1/wallet-pass`, { headers: { authorization: `Bearer ${BEARER}` } })).status).toBe(
    401,
  );
  expect(
    (await send(cap, `${url}/v1/wallet-pass`, { headers: { 'api-key': KEY_A, 'x-workspace-id': 'ws-beta' } })).status,
  ).toBe(403);
  // A key put in the query string (a client mistake) stays out of the log too.
  expect((await send(cap, `${url}/v1/wallet-pass?api-key=${KEY_ALL}`, { headers: { 'api-key': KEY_A } })).status).toBe(
    200,
  );
  // 4xx of every kind.
  expect((await send(cap, `${url}/v1/wallet-pass/no-such-pass`, { headers: { 'api-key': KEY_ALL } })).status).toBe(404);
  expect((await send(cap, `${url}/v1/wallet-pass`, json(KEY_ALL, { passName: '' }))).status).toBe(400);
  expect(
    (
      await send(cap, `${url}/v1/wallet-pass`, {
        method: 'POST',
        headers: { 'api-key': KEY_ALL, 'content-type': 'application/json' },
        body: '{"passName": ',
      })
    ).status,
  ).toBe(400);
  expect(
    (await send(cap, `${url}/v1/wallet-pass`, json(KEY_ALL, { passName: 'x'.repeat(1024 * 1024 + 10) }))).status,
  ).toBe(413);
  expect(
    (
      await send(cap, `${url}/v1/uploads`, {
        method: 'POST',
        headers: { 'api-key': KEY_ALL },
        body: pngForm(new TextEncoder().encode(`<html>${KEY_ALL}</html>`), 'x.png'),
      })
    ).status,
  ).toBe(400);
  expect(
    (
      await send(cap, `${url}/v1/uploads`, {
        method: 'POST',
        headers: { 'api-key': KEY_ALL },
        body: pngForm(makePng()),
      })
    ).status,
  ).toBe(200);
  expect((await send(cap, `${url}/v1/nowhere`, { headers: { 'api-key': KEY_ALL } })).status).toBe(404);
  expect((await send(cap, `${url}/files/00000000-0000-4000-8000-000000000000.png`)).status).toBe(404);
}

function expectNoSecrets(cap: Capture): void {
  const everything = [...cap.lines, ...cap.bodies].join('\n');
  for (const secret of SECRETS) expect(everything).not.toContain(secret);
}

function parseLines(lines: string[]): Record<string, unknown>[] {
  return lines.map((line) => {
    expect(line.endsWith('\n')).toBe(true);
    expect(line.slice(0, -1)).not.toContain('\n');
    const record = JSON.parse(line) as Record<string, unknown>;
    expect(record.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(['debug', 'info', 'warn', 'error']).toContain(record.level);
    expect(record.msg).toBeTypeOf('string');
    return record;
  });
}

const cleanup: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

describe('logs and error bodies never carry the API key', () => {
  it('sandbox mode at info level: one JSON line per request, no headers, no key anywhere', async () => {
    const { lines, logger } = capture('info');
    const sandbox = await startSandbox({ app: { logger } });
    cleanup.push(() => sandbox.stop());
    const cap: Capture = { lines, bodies: [] };
    await exerciseSandbox(cap, sandbox);

    const records = parseLines(lines);
    const requests = records.filter((r) => r.msg === 'request');
    expect(requests.length).toBe(cap.bodies.length);
    for (const r of requests) {
      expect(r.headers).toBeUndefined();
      expect(String(r.path)).not.toContain('?');
    }
    expect(requests.map((r) => r.status)).toEqual(expect.arrayContaining([200, 201, 400, 401, 403, 404, 413]));
    expectNoSecrets(cap);
  });

  it('sandbox mode at debug level: headers are logged with api-key and authorization redacted; 429 and 500 too', async () => {
    const { lines, logger } = capture('debug');
    const sandbox = await startSandbox({ app: { logger, rateLimit: 1000 } });
    cleanup.push(() => sandbox.stop());
    const cap: Capture = { lines, bodies: [] };
    await exerciseSandbox(cap, sandbox);

    const limited = await startSandbox({ app: { logger, rateLimit: 1 } });
    cleanup.push(() => limited.stop());
    let status = 0;
    for (let i = 0; i < 5 && status !== 429; i++) {
      status = (await send(cap, `${limited.url}/v1/wallet-pass`, { headers: { 'api-key': KEY_ALL } })).status;
    }
    expect(status).toBe(429);

    // A closed database makes the next request fail unexpectedly: logged with its stack, answered 500.
    limited.store.close();
    await new Promise((r) => setTimeout(r, 1100)); // a token again
    const failed = await send(cap, `${limited.url}/v1/wallet-pass`, { headers: { 'api-key': KEY_ALL } });
    expect(failed.status).toBe(500);

    const records = parseLines(lines);
    const requests = records.filter((r) => r.msg === 'request');
    expect(requests.map((r) => r.status)).toEqual(expect.arrayContaining([401, 403, 429, 500]));
    const withKey = requests.filter((r) => (r.headers as Record<string, string>)['api-key'] !== undefined);
    expect(withKey.length).toBeGreaterThan(10);
    for (const r of withKey) expect((r.headers as Record<string, string>)['api-key']).toBe('[redacted]');
    const withBearer = requests.filter((r) => (r.headers as Record<string, string>).authorization !== undefined);
    expect(withBearer).toHaveLength(1);
    expect((withBearer[0]?.headers as Record<string, string>).authorization).toBe('[redacted]');
    expect(records.some((r) => r.level === 'error' && r.msg === 'unhandled error')).toBe(true);
    expectNoSecrets(cap);
  });

  it('proxy mode: forwarded, refused, unreachable and timed-out requests log no key', async () => {
    const { lines, logger } = capture('debug');
    const cap: Capture = { lines, bodies: [] };
    const upstream = await startSandbox();
    cleanup.push(() => upstream.stop());
    const slow = new Hono<AppEnv>();
    slow.all('*', async (c) => {
      await new Promise((r) => setTimeout(r, 400));
      return c.json({ late: true });
    });
    const slowServer = await listen(slow);
    cleanup.push(() => slowServer.close());
    const dead = await listen(new Hono<AppEnv>());
    await dead.close();

    const proxies: Listening[] = [];
    for (const [upstreamUrl, timeoutMs] of [
      [`${upstream.url}/v1`, 2000],
      [`${slowServer.url}/v1`, 100],
      [`${dead.url.replace('http://', `http://user:${KEY_ALL}@`)}/v1`, 2000],
    ] as const) {
      const p = await listen(createApp({ mode: 'proxy', upstreamUrl, timeoutMs, workspaces: [], logger }));
      cleanup.push(() => p.close());
      proxies.push(p);
    }
    const [ok, slowProxy, deadProxy] = proxies as [Listening, Listening, Listening];
    expect((await send(cap, `${ok.url}/v1/wallet-pass`, { headers: { 'api-key': KEY_ALL } })).status).toBe(200);
    expect(
      (
        await send(cap, `${ok.url}/v1/wallet-pass`, {
          method: 'POST',
          headers: { 'api-key': KEY_ALL, 'content-type': 'application/json' },
          body: JSON.stringify(passBody()),
        })
      ).status,
    ).toBe(201);
    expect((await send(cap, `${ok.url}/v1/wallet-pass`, { headers: { 'api-key': WRONG_KEY } })).status).toBe(403);
    expect((await send(cap, `${ok.url}/v1/wallet-pass`)).status).toBe(401);
    expect((await send(cap, `${slowProxy.url}/v1/wallet-pass`, { headers: { 'api-key': KEY_ALL } })).status).toBe(504);
    expect((await send(cap, `${deadProxy.url}/v1/wallet-pass`, { headers: { 'api-key': KEY_ALL } })).status).toBe(502);

    const requests = parseLines(lines).filter((r) => r.msg === 'request');
    expect(requests.map((r) => r.status)).toEqual([200, 201, 403, 401, 504, 502]);
    for (const r of requests.filter((r) => r.status !== 401)) {
      expect((r.headers as Record<string, string>)['api-key']).toBe('[redacted]');
    }
    expectNoSecrets(cap);
  });

  it('the real process (LOG_LEVEL=debug) writes JSON request lines without the key', async () => {
    const dataDir = tempDir();
    await seedTestData(dataDir);
    const main = await runMain(dataDir, { LOG_LEVEL: 'debug' });
    cleanup.push(() => {
      if (main.process.exitCode === null) main.process.kill('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
    });
    for (const key of [KEY_ALL, WRONG_KEY]) {
      await (await fetch(`${main.url}/v1/wallet-pass?limit=1`, { headers: { 'api-key': key } })).arrayBuffer();
    }
    await (await fetch(`${main.url}/v1/wallet-pass`, { headers: { authorization: `Bearer ${BEARER}` } })).arrayBuffer();
    main.process.kill('SIGTERM');
    expect(await main.exited).toBe(0);

    // The start banner lists the sandbox's keys on purpose (they are demo keys, shown in the
    // dashboard too) and the shutdown is announced in plain text; everything else is JSON lines.
    const outputLines = main
      .output()
      .split('\n')
      .filter((l) => l.trim() !== '');
    const jsonLines = outputLines.filter((l) => l.startsWith('{'));
    const textLines = outputLines.filter((l) => !l.startsWith('{'));
    for (const line of textLines) {
      expect(line).toMatch(/^(Pass Studio running at |Demo API keys:| {2}ub_test_\w+ {2}|SIGTERM received)/);
    }
    const requests = parseLines(jsonLines.map((l) => `${l}\n`)).filter((r) => r.msg === 'request');
    expect(requests.map((r) => r.status)).toEqual([200, 403, 401]);
    for (const secret of SECRETS) expect(jsonLines.join('\n')).not.toContain(secret);
  });
});

describe('redactHeaders', () => {
  it('hides api-key, authorization and cookies whatever their case, and keeps the rest', () => {
    const headers = new Headers({
      'API-Key': KEY_ALL,
      Authorization: `Bearer ${BEARER}`,
      Cookie: 'session=1',
      'x-workspace-id': 'ws-alpha',
    });
    expect(redactHeaders(headers)).toEqual({
      'api-key': '[redacted]',
      authorization: '[redacted]',
      cookie: '[redacted]',
      'x-workspace-id': 'ws-alpha',
    });
  });
});

describe('secrets in any header whose name says key, token or authorization', () => {
  const HEADER_SECRETS: Record<string, string> = {
    'x-api-key': 'xkey_0f9e8d7c6b5a49382716',
    'X-Auth-Token': 'tok_5a4b3c2d1e0f99887766',
    'proxy-authorization': 'Basic cHJveHk6c2VjcmV0MTIz',
    'x-amz-security-token': 'amz_77665544332211009988',
    apikey: 'plain_1122334455667788aabb',
    'x-secret': 'shh_aabbccddeeff00112233',
  };

  it('are redacted at every log level, in request lines and in anything else logged', async () => {
    for (const level of ['debug', 'info', 'warn', 'error'] as const) {
      const { lines, logger } = capture(level);
      const sandbox = await startSandbox({ app: { logger } });
      cleanup.push(() => sandbox.stop());
      for (const path of ['/v1/wallet-pass', '/v1/nowhere', '/studio/config']) {
        const res = await fetch(`${sandbox.url}${path}`, { headers: { 'api-key': KEY_ALL, ...HEADER_SECRETS } });
        await res.arrayBuffer();
      }
      // Whatever a caller hands the logger, at any level.
      logger.error('something failed', { headers: { ...HEADER_SECRETS }, request: { apiKey: KEY_ALL, token: BEARER } });
      logger.warn('retrying', { authorization: `Bearer ${BEARER}`, nested: [{ 'x-api-key': KEY_A }] });
      const everything = lines.join('\n');
      for (const secret of [...Object.values(HEADER_SECRETS), KEY_ALL, KEY_A, BEARER]) {
        expect(everything, `${level}: ${secret}`).not.toContain(secret);
      }
      if (level === 'debug') {
        const request = parseLines(lines).find((r) => r.msg === 'request');
        const headers = request?.headers as Record<string, string>;
        expect(headers['x-api-key']).toBe('[redacted]');
        expect(headers['x-auth-token']).toBe('[redacted]');
        expect(headers['x-secret']).toBe('[redacted]');
        // Headers that are not secret are kept, so the line still helps.
        expect(headers.host).toBeTruthy();
      }
      expect(lines.length).toBeGreaterThan(0);
    }
  });
});
