/**
 * DNS rebinding: a page on another origin whose name resolves to 127.0.0.1 must not be able to
 * read `/studio/config` (the demo keys) or drive `/v1`. Only known Host names are answered, and
 * links are built on the configured public URL, never on the request's Host.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiErrorBodySchema, WalletPassSchema } from '../contract/schemas';
import { KEY_ALL, passBody, runMain, seedTestData, startSandbox, tempDir } from './server.test-utils';
import type { MainProcess, TestSandbox } from './server.test-utils';

/** fetch cannot set Host; a raw request can. */
function get(
  url: string,
  host: string | undefined,
  path: string,
  headers: Record<string, string> = {},
  method = 'GET',
  body?: string,
): Promise<{ status: number; text: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request(
      { hostname, port, path, method, headers: { ...(host === undefined ? {} : { host }), ...headers } },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('Host header check (sandbox)', () => {
  let sandbox: TestSandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ app: { allowedHosts: ['studio.example.com'] } });
  });
  afterAll(async () => {
    await sandbox.stop();
  });

  it('refuses an unknown Host with 421 and the Passport error body, on every path', async () => {
    const port = new URL(sandbox.url).port;
    for (const host of [`rebind.attacker.example:${port}`, 'attacker.example', `127.0.0.1.attacker.example:${port}`]) {
      for (const path of ['/studio/config', '/v1/wallet-pass', '/files/x.png', '/p/some-slug', '/']) {
        const res = await get(sandbox.url, host, path, { 'api-key': KEY_ALL });
        expect(res.status, `${host} ${path}`).toBe(421);
        const body = ApiErrorBodySchema.parse(JSON.parse(res.text));
        expect(body.errorMessage).toMatch(/ALLOWED_HOSTS/);
        expect(res.text).not.toContain(KEY_ALL);
      }
    }
    const write = await get(
      sandbox.url,
      'attacker.example',
      '/v1/wallet-pass',
      { 'api-key': KEY_ALL, 'content-type': 'application/json' },
      'POST',
      JSON.stringify(passBody({ passName: 'Rebound' })),
    );
    expect(write.status).toBe(421);
    const list = await sandbox.api('GET', `/v1/wallet-pass?passName=Rebound`);
    expect(((await list.json()) as { items: unknown[] }).items).toHaveLength(0);
  });

  it('answers localhost, 127.0.0.1, [::1] and ALLOWED_HOSTS, with or without a port, in any case', async () => {
    const port = new URL(sandbox.url).port;
    for (const host of [
      `localhost:${port}`,
      `127.0.0.1:${port}`,
      `[::1]:${port}`,
      'LOCALHOST',
      'localhost.',
      'studio.example.com',
      `Studio.Example.com:${port}`,
    ]) {
      const res = await get(sandbox.url, host, '/studio/config');
      expect(res.status, host).toBe(200);
    }
  });
});

describe('links use the public URL, never the request Host', () => {
  const running: MainProcess[] = [];
  afterAll(() => {
    for (const main of running) main.process.kill('SIGKILL');
  });

  async function passLinkVia(main: MainProcess, host: string): Promise<string> {
    const res = await get(
      main.url,
      host,
      '/v1/wallet-pass',
      { 'api-key': 'ub_test_all', 'content-type': 'application/json' },
      'POST',
      JSON.stringify(passBody()),
    );
    expect(res.status).toBe(201);
    return WalletPassSchema.parse(JSON.parse(res.text)).passLink ?? '';
  }

  it('PUBLIC_URL set: links and image URLs are built on it, and its host is answered', async () => {
    const dataDir = tempDir();
    await seedTestData(dataDir);
    const main = await runMain(dataDir, { PUBLIC_URL: 'https://passes.example.com' });
    running.push(main);
    const port = new URL(main.url).port;
    expect(await passLinkVia(main, `localhost:${port}`)).toMatch(/^https:\/\/passes\.example\.com\/p\/[a-z0-9-]+$/);
    expect(await passLinkVia(main, 'passes.example.com')).toMatch(/^https:\/\/passes\.example\.com\/p\//);
  });

  it('PUBLIC_URL unset: links use HOST and the port listened on, whatever Host the request used', async () => {
    const dataDir = tempDir();
    await seedTestData(dataDir);
    const main = await runMain(dataDir, { ALLOWED_HOSTS: 'lan-box.local' });
    running.push(main);
    const port = new URL(main.url).port;
    const expected = new RegExp(`^http://127\\.0\\.0\\.1:${port}/p/[a-z0-9-]+$`);
    expect(await passLinkVia(main, `localhost:${port}`)).toMatch(expected);
    expect(await passLinkVia(main, `lan-box.local:${port}`)).toMatch(expected);
    expect((await get(main.url, 'elsewhere.example', '/studio/config')).status).toBe(421);
  });
});
