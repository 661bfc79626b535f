import { rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { WalletPassDetailResponseSchema, WalletPassSchema } from '../../contract/schemas';
import { newId } from '../ids';
import type { SeedData } from '../seed/seed-types';
import { KEY_ALL, WS_A, WS_B, locationBody, makePng, passBody, startSandbox, tempDir, testSeed } from '../server.test-utils';
import type { TestSandbox } from '../server.test-utils';
import { decodeCursor, encodeCursor, likeContains } from './cursor';
import { openStore } from './sandbox-store';

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** A seed with one pass carrying images and locations, like the real seed module's. */
function seedWithPass(): SeedData {
  const base = testSeed();
  const ws = base.workspaces[0];
  if (!ws) throw new Error('test seed has no workspace');
  ws.passes.push({
    id: '018f0000-0000-7000-8000-000000000001',
    passName: 'Seeded Rewards',
    status: 'Published',
    notificationHeader: 'SEEDED',
    passLinkSlug: 'seeded-rewards',
    passMetadata: { description: 'From the seed', organizationName: 'Seed Co', backgroundColor: '#000000' },
    images: [
      { fileName: 'logo.png', png: makePng(16, 5) },
      { fileName: 'icon.png', png: makePng(3, 3) },
    ],
    locations: [
      { name: 'North', latitude: 1, longitude: 2, relevantText: 'Near north' },
      { name: 'South', latitude: -1, longitude: 2, relevantText: 'Near south', enabled: false },
    ],
    counts: { appleIssued: 100, googleIssued: 50, appleActive: 90, googleActive: 60 },
    createdTime: '2025-01-02T03:04:05.006Z',
    updatedTime: '2025-01-03T03:04:05.006Z',
    createdBy: '018f0000-0000-7000-8000-0000000000aa',
  });
  return base;
}

async function sandboxIn(dataDir: string, seed = testSeed): Promise<TestSandbox> {
  const sandbox = await startSandbox({ dataDir, seed });
  cleanup.push(() => sandbox.stop({ keepData: true }));
  return sandbox;
}

describe('sandbox store', () => {
  it('keeps every change across a restart on the same DATA_DIR, and a new DATA_DIR seeds again', async () => {
    const dataDir = tempDir();
    cleanup.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const first = await startSandbox({ dataDir, seed: seedWithPass });
    const created = WalletPassSchema.parse(
      await (await first.api('POST', '/v1/wallet-pass', { json: passBody({ passName: 'Survivor' }) })).json(),
    );
    await first.api('POST', '/v1/wallet-pass-location', { json: locationBody(created.id, { name: 'Kept spot' }) });
    await first.api('PATCH', `/v1/wallet-pass/${created.id}`, { json: { notificationHeader: 'CHANGED' } });
    expect((await first.api('DELETE', '/v1/wallet-pass/018f0000-0000-7000-8000-000000000001')).status).toBe(204);
    await first.stop({ keepData: true });

    let seedCalls = 0;
    const second = await sandboxIn(dataDir, () => {
      seedCalls += 1;
      return seedWithPass();
    });
    expect(seedCalls).toBe(0);
    const [read] = WalletPassDetailResponseSchema.parse(
      await (await second.api('GET', `/v1/wallet-pass/${created.id}`)).json(),
    );
    expect(read?.passName).toBe('Survivor');
    expect(read?.notificationHeader).toBe('CHANGED');
    expect(read?.passMetadata?.locations?.map((l) => l.name)).toEqual(['Kept spot']);
    expect((await second.api('GET', '/v1/wallet-pass/018f0000-0000-7000-8000-000000000001')).status).toBe(404);

    const fresh = await sandboxIn(tempDir(), seedWithPass);
    cleanup.push(() => rmSync(fresh.dataDir, { recursive: true, force: true }));
    expect((await fresh.api('GET', '/v1/wallet-pass/018f0000-0000-7000-8000-000000000001')).status).toBe(200);
    expect((await fresh.api('GET', `/v1/wallet-pass/${created.id}`)).status).toBe(404);
  });

  it('seeds passes with their images as uploads referenced by key, and their locations in order', async () => {
    const sandbox = await sandboxIn(tempDir(), seedWithPass);
    cleanup.push(() => rmSync(sandbox.dataDir, { recursive: true, force: true }));
    const res = await sandbox.api('GET', '/v1/wallet-pass/018f0000-0000-7000-8000-000000000001');
    const [pass] = WalletPassDetailResponseSchema.parse(await res.json());
    expect(pass).toMatchObject({
      passName: 'Seeded Rewards',
      status: 'Published',
      passLinkSlug: 'seeded-rewards',
      createdTime: '2025-01-02T03:04:05.006Z',
      createdBy: '018f0000-0000-7000-8000-0000000000aa',
      totalIssuedCount: 150,
      // Seeded active counts are clamped to issued.
      googleActiveCount: 50,
      totalActiveCount: 140,
    });
    expect(pass?.passMetadata?.locations?.map((l) => [l.name, l.enabled])).toEqual([
      ['North', true],
      ['South', false],
    ]);
    const images = pass?.uploadInfoList ?? [];
    expect(images.map((i) => i.fileName)).toEqual(['logo.png', 'icon.png']);
    for (const image of images) {
      expect(image.uploadKey).toBeTruthy();
      const file = await fetch(image.url ?? '');
      expect(file.status).toBe(200);
      expect(file.headers.get('content-type')).toBe('image/png');
    }
  });

  it('runs SQLite in WAL mode with synchronous=FULL and foreign keys on', async () => {
    const dataDir = tempDir();
    cleanup.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const store = await openStore({ dataDir, seed: testSeed });
    // synchronous = 2 is FULL; these are per connection, so ask the store's own.
    expect(store.pragmas()).toEqual({ journalMode: 'wal', synchronous: 2, foreignKeys: 1 });
    store.close();
    const db = new Database(join(dataDir, 'sandbox.db'));
    cleanup.push(() => {
      db.close();
    });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    const indexes = db
      .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'passes'")
      .all();
    expect(indexes.map((i) => i.name)).toContain('passes_by_workspace_time');
    const plan = db
      .prepare<[], { detail: string }>(
        "EXPLAIN QUERY PLAN SELECT id FROM passes WHERE workspace_id = 'x' AND (created_time, id) < ('a', 'b') ORDER BY created_time DESC, id DESC LIMIT 21",
      )
      .all();
    expect(plan.map((p) => p.detail).join(' ')).toContain('passes_by_workspace_time');
  });

  it('moves counts of Published passes only, keeping the invariants and updatedTime', async () => {
    const sandbox = await sandboxIn(tempDir(), seedWithPass);
    cleanup.push(() => rmSync(sandbox.dataDir, { recursive: true, force: true }));
    const draft = WalletPassSchema.parse(
      await (await sandbox.api('POST', '/v1/wallet-pass', { json: passBody() })).json(),
    );
    const published = WalletPassSchema.parse(
      await (
        await sandbox.api('POST', '/v1/wallet-pass', {
          json: passBody({ status: 'Published', uploadInfoList: await sandbox.images() }),
        })
      ).json(),
    );
    const read = async (id: string) =>
      WalletPassDetailResponseSchema.parse(await (await sandbox.api('GET', `/v1/wallet-pass/${id}`)).json())[0];

    const ids = [published.id, '018f0000-0000-7000-8000-000000000001'];
    const before = new Map<string, Awaited<ReturnType<typeof read>>>();
    for (const id of ids) before.set(id, await read(id));
    const random = seededRandom(42);
    let grew = false;
    for (let tick = 0; tick < 25; tick++) {
      expect(sandbox.store.tickInstalls(random)).toBe(2);
      for (const id of ids) {
        const prev = before.get(id);
        const now = await read(id);
        if (!prev || !now) throw new Error('pass vanished');
        const n = (v: number | null | undefined) => v ?? 0;
        expect(n(now.appleIssuedCount)).toBeGreaterThanOrEqual(n(prev.appleIssuedCount));
        expect(n(now.googleIssuedCount)).toBeGreaterThanOrEqual(n(prev.googleIssuedCount));
        expect(n(now.appleActiveCount)).toBeLessThanOrEqual(n(now.appleIssuedCount));
        expect(n(now.googleActiveCount)).toBeLessThanOrEqual(n(now.googleIssuedCount));
        expect(n(now.appleActiveCount)).toBeGreaterThanOrEqual(0);
        expect(n(now.googleActiveCount)).toBeGreaterThanOrEqual(0);
        expect(now.totalIssuedCount).toBe(n(now.appleIssuedCount) + n(now.googleIssuedCount));
        expect(now.totalActiveCount).toBe(n(now.appleActiveCount) + n(now.googleActiveCount));
        expect(now.updatedTime).toBe(prev.updatedTime);
        if (n(now.totalIssuedCount) > n(prev.totalIssuedCount)) grew = true;
        before.set(id, now);
      }
    }
    expect(grew).toBe(true);
    const draftNow = await read(draft.id);
    expect(draftNow?.totalIssuedCount).toBe(0);
  });

  it('keeps unknown keys in a pass (also a __proto__ key) without touching prototypes', async () => {
    const sandbox = await sandboxIn(tempDir());
    cleanup.push(() => rmSync(sandbox.dataDir, { recursive: true, force: true }));
    const body = `{"passName":"Proto","passMetadata":{},"__proto__":{"polluted":true},"extra":{"a":1}}`;
    const res = await sandbox.api('POST', '/v1/wallet-pass', { body, headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(201);
    const pass = (await res.json()) as Record<string, unknown>;
    expect(pass.extra).toEqual({ a: 1 });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('ids and cursors', () => {
  it('makes UUIDv7 ids that sort in creation order and are not sequential', () => {
    const ids = Array.from({ length: 1000 }, () => newId());
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    const ms = Number.parseInt((ids[0] ?? '').replace(/-/g, '').slice(0, 12), 16);
    expect(Math.abs(ms - Date.now())).toBeLessThan(5000);
  });

  it('round-trips cursors and refuses foreign ones; escapes LIKE wildcards', () => {
    const key = { createdTime: '2025-01-01T00:00:00.000Z', id: newId() };
    expect(decodeCursor(encodeCursor(key))).toEqual(key);
    expect(decodeCursor('abc')).toBeNull();
    expect(decodeCursor(Buffer.from('[1,2]').toString('base64url'))).toBeNull();
    expect(likeContains('50%_a\\b')).toBe('%50\\%\\_a\\\\b%');
  });

  it('uses the all-workspace key first', async () => {
    const sandbox = await sandboxIn(tempDir());
    cleanup.push(() => rmSync(sandbox.dataDir, { recursive: true, force: true }));
    expect(sandbox.store.listApiKeys()[0]).toMatchObject({ apiKey: KEY_ALL, workspaceIds: [WS_A, WS_B] });
  });
});
