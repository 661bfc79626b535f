import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StudioConfigSchema } from '../contract/queries';
import { ApiErrorBodySchema } from '../contract/schemas';
import { createLogger } from './logger';
import { KEY_A, KEY_ALL, KEY_B, WS_A, WS_B, passBody, startSandbox } from './server.test-utils';
import type { TestSandbox } from './server.test-utils';

async function expectError(res: Response, status: number, errorCode: string) {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toContain('application/json');
  const body = ApiErrorBodySchema.parse(await res.json());
  expect(Object.keys(body).sort()).toEqual(['context', 'errorCode', 'errorMessage', 'timestamp', 'txId']);
  expect(body.errorCode).toBe(errorCode);
  return body;
}

describe('authentication and workspaces', () => {
  let sandbox: TestSandbox;
  beforeAll(async () => {
    sandbox = await startSandbox();
  });
  afterAll(async () => {
    await sandbox.stop();
  });

  it('answers 401 UNAUTHORIZED without an api-key header', async () => {
    await expectError(await sandbox.api('GET', '/v1/wallet-pass', { key: null }), 401, 'UNAUTHORIZED');
    await expectError(await sandbox.api('GET', '/v1/wallet-pass', { key: '' }), 401, 'UNAUTHORIZED');
  });

  it('answers 403 FORBIDDEN for an unknown key', async () => {
    await expectError(await sandbox.api('GET', '/v1/wallet-pass', { key: 'ub_live_nope' }), 403, 'FORBIDDEN');
  });

  it('uses the key’s first workspace, or the one named by x-workspace-id', async () => {
    const inB = await sandbox.api('POST', '/v1/wallet-pass', { key: KEY_B, json: passBody() });
    expect(((await inB.json()) as { workspaceId: string }).workspaceId).toBe(WS_B);
    const inA = await sandbox.api('POST', '/v1/wallet-pass', { key: KEY_ALL, json: passBody() });
    expect(((await inA.json()) as { workspaceId: string }).workspaceId).toBe(WS_A);
    const named = await sandbox.api('POST', '/v1/wallet-pass', { key: KEY_ALL, workspace: WS_B, json: passBody() });
    expect(((await named.json()) as { workspaceId: string }).workspaceId).toBe(WS_B);
  });

  it('answers 403 with context.workspaceId for a workspace the key cannot reach', async () => {
    const error = await expectError(
      await sandbox.api('GET', '/v1/wallet-pass', { key: KEY_A, workspace: WS_B }),
      403,
      'FORBIDDEN',
    );
    expect(error.context).toEqual({ workspaceId: WS_B });
    const unknown = await expectError(
      await sandbox.api('GET', '/v1/wallet-pass', { workspace: 'no-such-ws' }),
      403,
      'FORBIDDEN',
    );
    expect(unknown.context).toEqual({ workspaceId: 'no-such-ws' });
  });

  it('answers 400 for an x-workspace-id outside the id pattern', async () => {
    const error = await expectError(
      await sandbox.api('GET', '/v1/wallet-pass', { workspace: 'bad id!' }),
      400,
      'INVALID_INPUT',
    );
    expect(Object.keys(error.context ?? {})).toEqual(['x-workspace-id']);
  });

  it('answers 404 NOT_FOUND for an unknown /v1 route, 405 with Allow for a method a route lacks', async () => {
    await expectError(await sandbox.api('GET', '/v1/no-such-thing'), 404, 'NOT_FOUND');
    const wrongMethod = await sandbox.api('PUT', '/v1/wallet-pass');
    expect(wrongMethod.headers.get('allow')).toBe('GET, HEAD, POST');
    await expectError(wrongMethod, 405, 'INVALID_OPERATION');
  });

  it('serves /studio/config with workspaces and demo keys, the all-workspace key first', async () => {
    const res = await fetch(`${sandbox.url}/studio/config`);
    expect(res.status).toBe(200);
    const config = StudioConfigSchema.parse(await res.json());
    expect(config.mode).toBe('sandbox');
    expect(config.workspaces).toEqual([
      { id: WS_A, name: 'Alpha' },
      { id: WS_B, name: 'Beta' },
    ]);
    expect(config.demoKeys?.[0]).toEqual({ apiKey: KEY_ALL, workspaceIds: [WS_A, WS_B], label: 'Both workspaces' });
    expect(config.demoKeys).toHaveLength(3);
  });

  it('puts security headers on every response, errors included', async () => {
    for (const res of [
      await fetch(`${sandbox.url}/studio/config`),
      await sandbox.api('GET', '/v1/wallet-pass', { key: null }),
    ]) {
      expect(res.headers.get('content-security-policy')).toBe(
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob: https:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
      );
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
    }
  });

  it('serves a small pass page for a pass link, escaping the name, without inline script', async () => {
    const res = await sandbox.api('POST', '/v1/wallet-pass', {
      json: passBody({ passName: 'Tea <b>&</b> Cake', status: 'Published', uploadInfoList: await sandbox.images() }),
    });
    const { passLink } = (await res.json()) as { passLink: string };
    const page = await fetch(passLink);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    const html = await page.text();
    expect(html).toContain('Add Tea &lt;b&gt;&amp;&lt;/b&gt; Cake to your wallet');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('style=');
    expect((await fetch(`${sandbox.url}/p/no-such-slug`)).status).toBe(404);
  });
});

describe('rate limit', () => {
  it('answers 429 TOO_MANY_REQUESTS with Retry-After once a key spends its burst', async () => {
    const sandbox = await startSandbox({ app: { rateLimit: 2 } });
    try {
      // Burst is twice the rate: four requests pass at once, the fifth is refused.
      for (let i = 0; i < 4; i++) expect((await sandbox.api('GET', '/v1/wallet-pass')).status).toBe(200);
      const limited = await sandbox.api('GET', '/v1/wallet-pass');
      const error = await expectError(limited, 429, 'TOO_MANY_REQUESTS');
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(error.errorMessage).toBeTruthy();
      // Buckets are per key: another key is unaffected.
      expect((await sandbox.api('GET', '/v1/wallet-pass', { key: KEY_A })).status).toBe(200);
    } finally {
      await sandbox.stop();
    }
  });

  it('is off with a rate of 0', async () => {
    const sandbox = await startSandbox({ app: { rateLimit: 0 } });
    try {
      const statuses = await Promise.all(
        Array.from({ length: 50 }, () => sandbox.api('GET', '/v1/wallet-pass').then((r) => r.status)),
      );
      expect(new Set(statuses)).toEqual(new Set([200]));
    } finally {
      await sandbox.stop();
    }
  });
});

describe('unexpected failures and logging', () => {
  it('answers 500 INTERNAL_ERROR without internals, logs one JSON line per request and never the api key', async () => {
    const lines: string[] = [];
    const logger = createLogger('info', (line) => lines.push(line));
    const sandbox = await startSandbox({ app: { logger } });
    try {
      expect((await sandbox.api('GET', '/v1/wallet-pass?query=secret-search')).status).toBe(200);
      // A closed database makes every store call throw: the kind of failure no input can cause.
      sandbox.store.close();
      const res = await sandbox.api('GET', '/v1/wallet-pass');
      const error = await expectError(res, 500, 'INTERNAL_ERROR');
      const text = JSON.stringify(error);
      expect(text).not.toMatch(/database|stack|at .*\.ts/i);
      expect(error.context).toEqual({});

      const records = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
      const requests = records.filter((r) => r.msg === 'request');
      expect(requests).toHaveLength(2);
      expect(requests[0]).toMatchObject({ level: 'info', method: 'GET', path: '/v1/wallet-pass', status: 200 });
      expect(requests[0]?.txId).toBeTypeOf('string');
      expect(requests[0]?.ms).toBeTypeOf('number');
      expect(requests[1]).toMatchObject({ status: 500, txId: error.txId });
      expect(records.some((r) => r.level === 'error' && r.txId === error.txId)).toBe(true);
      const all = lines.join('');
      expect(all).not.toContain(KEY_ALL);
      expect(all).not.toContain('secret-search');
    } finally {
      await sandbox.stop();
    }
  });
});
