import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WalletPassPageSchema, WalletPassSchema } from '../../contract/schemas';
import type { WalletPass } from '../../contract/schemas';
import { createApp } from '../app';
import { SECURITY_HEADERS } from '../security-headers';
import type { SandboxStore } from '../store/sandbox-store';
import { KEY_ALL, WS_A, WS_B, locationBody, passBody, rawGet, startSandbox } from '../server.test-utils';
import { MIN_COMPRESS_BYTES } from '../compression';
import type { TestSandbox } from '../server.test-utils';
import { ListResponseCache } from './list-response-cache';

let sandbox: TestSandbox;

beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(async () => {
  await sandbox.stop();
});

async function create(workspace: string, overrides: Record<string, unknown> = {}): Promise<WalletPass> {
  const res = await sandbox.api('POST', '/v1/wallet-pass', { workspace, json: passBody(overrides) });
  expect(res.status).toBe(201);
  return WalletPassSchema.parse(await res.json());
}

/**
 * The page from the running server (whose list cache is warm) and, as the reference, from a new
 * app on the same store (cold caches, so built from the database). They must be the same bytes.
 */
async function page(path: string, workspace = WS_A) {
  const warm = await sandbox.api('GET', path, { workspace });
  expect(warm.status).toBe(200);
  const text = await warm.text();
  const cold = await createApp({ mode: 'sandbox', store: sandbox.store }).request(`${sandbox.url}${path}`, {
    headers: { 'api-key': KEY_ALL, 'x-workspace-id': workspace },
  });
  expect(text).toBe(await cold.text());
  return WalletPassPageSchema.parse(JSON.parse(text));
}

describe('GET /v1/wallet-pass served from the list cache', () => {
  it('answers a repeated page with the same bytes, its length and the security headers', async () => {
    await create(WS_A);
    const plain = { 'accept-encoding': 'identity' };
    const first = await sandbox.api('GET', '/v1/wallet-pass?limit=5', { workspace: WS_A, headers: plain });
    const firstBytes = new Uint8Array(await first.arrayBuffer());
    const second = await sandbox.api('GET', '/v1/wallet-pass?limit=5', { workspace: WS_A, headers: plain });
    const secondBytes = new Uint8Array(await second.arrayBuffer());
    expect(second.status).toBe(200);
    expect(Buffer.from(secondBytes).equals(Buffer.from(firstBytes))).toBe(true);
    expect(second.headers.get('content-type')).toBe('application/json');
    expect(second.headers.get('content-length')).toBe(String(secondBytes.byteLength));
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(second.headers.get(name)).toBe(value);
  });

  it('answers pages compressed as the client accepts, each encoding made once per page', async () => {
    for (let i = 0; i < 6; i++) await create(WS_A);
    const url = `${sandbox.url}/v1/wallet-pass?limit=6`;
    const headers = (encoding: string) => ({ 'api-key': KEY_ALL, 'x-workspace-id': WS_A, 'accept-encoding': encoding });
    const plain = await rawGet(url, headers('identity'));
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toBe('Accept-Encoding');
    expect(plain.body.byteLength).toBeGreaterThan(MIN_COMPRESS_BYTES);
    const text = plain.body.toString();

    const br = await rawGet(url, headers('gzip, deflate, br'));
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toBe('Accept-Encoding');
    expect(Number(br.headers['content-length'])).toBe(br.body.byteLength);
    expect(br.body.byteLength).toBeLessThan(plain.body.byteLength / 3);
    expect(brotliDecompressSync(br.body).toString()).toBe(text);
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(br.headers[name.toLowerCase()]).toBe(value);
    // The repeated page is the same compressed bytes, from the cache.
    expect((await rawGet(url, headers('br'))).body.equals(br.body)).toBe(true);

    const gzip = await rawGet(url, headers('gzip'));
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.body).toString()).toBe(text);
  });

  it('compresses other JSON answers above 1 KB, and leaves small ones alone', async () => {
    const pass = await create(WS_A);
    const headers = { 'api-key': KEY_ALL, 'x-workspace-id': WS_A, 'accept-encoding': 'gzip' };
    const one = await rawGet(`${sandbox.url}/v1/wallet-pass/${pass.id}`, headers);
    expect(one.status).toBe(200);
    expect(one.headers['content-encoding']).toBe('gzip');
    expect(Number(one.headers['content-length'])).toBe(one.body.byteLength);
    expect(JSON.parse(gunzipSync(one.body).toString())[0].id).toBe(pass.id);
    const missing = await rawGet(`${sandbox.url}/v1/wallet-pass/nope`, headers);
    expect(missing.status).toBe(404);
    expect(missing.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(missing.body.toString()).errorCode).toBeTruthy();
  });

  it('never serves a stale page after a create, patch, delete, location change or count tick', async () => {
    const images = await sandbox.images(WS_A);
    const published = await create(WS_A, { status: 'Published', uploadInfoList: images });
    const draft = await create(WS_A);
    const other = await create(WS_B);
    // Pages of every shape the dashboard asks for, in both workspaces, all cached before each change.
    const firstPage = await page('/v1/wallet-pass?limit=2');
    const paths = [
      '/v1/wallet-pass?limit=20',
      '/v1/wallet-pass?limit=2',
      `/v1/wallet-pass?limit=2&cursor=${firstPage.cursor}`,
      '/v1/wallet-pass?limit=20&status=Published',
      '/v1/wallet-pass?limit=20&query=test%20pass',
      '/v1/wallet-pass?limit=20&includePassAssets=false',
    ];
    const all = async () => {
      for (const path of paths) await page(path);
      return page('/v1/wallet-pass?limit=20', WS_B);
    };
    const item = async (id: string) => (await page('/v1/wallet-pass?limit=20')).items.find((p) => p.id === id);
    await all();

    const created = await create(WS_A);
    expect((await page('/v1/wallet-pass?limit=20')).items[0]?.id).toBe(created.id);
    await all();

    let res = await sandbox.api('PATCH', `/v1/wallet-pass/${draft.id}`, {
      workspace: WS_A,
      json: { passName: 'Renamed while cached' },
    });
    expect(res.status).toBe(200);
    expect((await item(draft.id))?.passName).toBe('Renamed while cached');
    await all();

    res = await sandbox.api('POST', '/v1/wallet-pass-location', { workspace: WS_A, json: locationBody(draft.id) });
    expect(res.status).toBe(201);
    const location = (await res.json()) as { id: string };
    expect((await item(draft.id))?.passMetadata?.locations?.map((l) => l.name)).toEqual(['Main street shop']);
    await all();

    res = await sandbox.api('PUT', `/v1/wallet-pass-location/${location.id}`, {
      workspace: WS_A,
      json: locationBody(draft.id, { name: 'Harbour kiosk' }),
    });
    expect(res.status).toBe(200);
    expect((await item(draft.id))?.passMetadata?.locations?.map((l) => l.name)).toEqual(['Harbour kiosk']);
    await all();

    res = await sandbox.api('DELETE', `/v1/wallet-pass-location/${location.id}`, { workspace: WS_A });
    expect(res.status).toBe(204);
    expect((await item(draft.id))?.passMetadata?.locations).toEqual([]);
    await all();

    const before = (await item(published.id))?.totalIssuedCount ?? 0;
    // Every draw at its maximum: each Published pass gains installs.
    expect(sandbox.store.tickInstalls(() => 0.999)).toBeGreaterThan(0);
    expect((await item(published.id))?.totalIssuedCount).toBeGreaterThan(before);
    await all();

    res = await sandbox.api('DELETE', `/v1/wallet-pass/${created.id}`, { workspace: WS_A });
    expect(res.status).toBe(204);
    expect(await item(created.id)).toBeUndefined();
    await all();

    // A change in one workspace leaves the other's pages correct (and the other's changes show).
    res = await sandbox.api('PATCH', `/v1/wallet-pass/${other.id}`, { workspace: WS_B, json: { status: 'Draft' } });
    expect(res.status).toBe(200);
    await all();
  });

  it('keys pages by origin: without PUBLIC_URL, links follow the (allowed) host the client used', async () => {
    const pass = await create(WS_A, { uploadInfoList: await sandbox.images(WS_A) });
    const viaHost = async (host: string) => {
      const res = await createAppOnce().request(`http://${host}/v1/wallet-pass?limit=20`, {
        headers: { 'api-key': KEY_ALL, 'x-workspace-id': WS_A },
      });
      return WalletPassPageSchema.parse(await res.json()).items.find((p) => p.id === pass.id);
    };
    expect((await viaHost('one.example'))?.passLink).toMatch(/^http:\/\/one\.example\/p\//);
    expect((await viaHost('two.example'))?.passLink).toMatch(/^http:\/\/two\.example\/p\//);
    expect((await viaHost('one.example'))?.uploadInfoList?.[0]?.url).toMatch(/^http:\/\/one\.example\/files\//);
  });
});

let shared: ReturnType<typeof createApp> | undefined;
/** One app (one set of caches) reused across calls. */
function createAppOnce() {
  shared ??= createApp({ mode: 'sandbox', store: sandbox.store, allowedHosts: ['one.example', 'two.example'] });
  return shared;
}

describe('ListResponseCache', () => {
  function fakeStore() {
    let listener: (passId: string, workspaceId: string) => void = () => {};
    const store = {
      onPassChanged(l: typeof listener) {
        listener = l;
        return () => {};
      },
    } as unknown as SandboxStore;
    return { store, change: (workspaceId: string) => listener('some-pass', workspaceId) };
  }
  const bytes = (n: number) => new Uint8Array(new ArrayBuffer(n));

  it('drops every page of a workspace on a change there, and only those', () => {
    const { store, change } = fakeStore();
    const cache = new ListResponseCache(store);
    cache.set('a', 'p1', bytes(10));
    cache.set('a', 'p2', bytes(10));
    cache.set('b', 'p1', bytes(10));
    change('a');
    expect(cache.get('a', 'p1')).toBeUndefined();
    expect(cache.get('a', 'p2')).toBeUndefined();
    expect(cache.get('b', 'p1')?.bytes.byteLength).toBe(10);
    expect(cache.size).toEqual({ entries: 1, bytes: 10 });
  });

  it('stays within its entry and byte limits, evicting the oldest page of the fullest workspace', () => {
    const { store } = fakeStore();
    const cache = new ListResponseCache(store, { maxEntries: 3, maxBytes: 100 });
    cache.set('a', 'p1', bytes(30));
    cache.set('a', 'p2', bytes(30));
    cache.set('b', 'p1', bytes(30));
    cache.set('b', 'p2', bytes(30));
    expect(cache.get('a', 'p1')).toBeUndefined();
    expect(cache.size).toEqual({ entries: 3, bytes: 90 });
    cache.set('c', 'big', bytes(80));
    expect(cache.size.bytes).toBeLessThanOrEqual(100);
    expect(cache.get('c', 'big')?.bytes.byteLength).toBe(80);
    cache.set('c', 'huge', bytes(101));
    expect(cache.get('c', 'huge')).toBeUndefined();
    cache.set('c', 'big', bytes(20));
    expect(cache.get('c', 'big')?.bytes.byteLength).toBe(20);
    expect(cache.size.entries).toBeLessThanOrEqual(3);
  });
});
