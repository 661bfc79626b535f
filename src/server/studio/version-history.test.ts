/**
 * Version history over real HTTP: the sandbox and a proxy in front of it record what they save
 * and see, the /studio history endpoints answer only keys the Passport API lets read the pass,
 * no key reaches studio.db, retention drops the oldest, and a SIGKILL during a burst of saves
 * loses no acknowledged version.
 */
import type { ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { DeletedPassListSchema, PassVersionListSchema, PassVersionSchema } from '../../contract/pass-versions';
import { STUDIO_CLIENT_HEADER } from '../../contract/studio-headers';
import { WalletPassSchema } from '../../contract/schemas';
import { createApp } from '../app';
import {
  KEY_A,
  KEY_ALL,
  KEY_B,
  WS_A,
  WS_B,
  listen,
  passBody,
  runMain,
  seedTestData,
  startSandbox,
  tempDir,
} from '../server.test-utils';
import type { Listening, TestSandbox } from '../server.test-utils';
import type { StudioDb } from './studio-db';
import { openStudioDb } from './studio-db';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const STUDIO = { [STUDIO_CLIENT_HEADER]: 'dashboard' };

async function sandboxWithHistory(historyMaxVersions?: number): Promise<{ sandbox: TestSandbox; studio: StudioDb }> {
  const dataDir = tempDir();
  const studio = openStudioDb(dataDir);
  const sandbox = await startSandbox({ dataDir, app: { studio, historyMaxVersions } });
  cleanups.push(async () => {
    await sandbox.stop();
    studio.close();
  });
  return { sandbox, studio };
}

/** A proxy-mode server in front of `upstream`, with its own studio.db. */
async function proxyWithHistory(
  upstream: TestSandbox,
): Promise<{ proxy: Listening; studio: StudioDb; dataDir: string }> {
  const dataDir = tempDir();
  const studio = openStudioDb(dataDir);
  const proxy = await listen(
    createApp({ mode: 'proxy', upstreamUrl: `${upstream.url}/v1`, timeoutMs: 5_000, workspaces: [], studio }),
  );
  cleanups.push(async () => {
    await proxy.close();
    studio.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
  return { proxy, studio, dataDir };
}

function call(
  base: string,
  method: string,
  path: string,
  init: { key?: string | null; workspace?: string; json?: unknown; headers?: Record<string, string> } = {},
) {
  const headers: Record<string, string> = { ...init.headers };
  const key = init.key === undefined ? KEY_ALL : init.key;
  if (key !== null) headers['api-key'] = key;
  if (init.workspace) headers['x-workspace-id'] = init.workspace;
  if (init.json !== undefined) headers['content-type'] = 'application/json';
  return fetch(`${base}${path}`, { method, headers, body: init.json === undefined ? null : JSON.stringify(init.json) });
}

async function versions(base: string, passId: string, init: { key?: string; workspace?: string } = {}) {
  const response = await call(base, 'GET', `/studio/passes/${passId}/versions`, init);
  expect(response.status).toBe(200);
  return PassVersionListSchema.parse(await response.json());
}

/** Observed reads are written in small batches just after the answer: poll for them. */
async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, ms = 3_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > until) return value;
    await new Promise((r) => setTimeout(r, 30));
  }
}

async function create(base: string, workspace = WS_A, headers = STUDIO) {
  const response = await call(base, 'POST', '/v1/wallet-pass', { json: passBody(), workspace, headers });
  expect(response.status).toBe(201);
  return WalletPassSchema.parse(await response.json());
}

async function rename(base: string, id: string, passName: string, headers: Record<string, string> = STUDIO) {
  const response = await call(base, 'PATCH', `/v1/wallet-pass/${id}`, { json: { passName }, workspace: WS_A, headers });
  expect(response.status).toBe(200);
  return WalletPassSchema.parse(await response.json());
}

/** Every byte of studio.db and its WAL, as text, for a search. */
function studioFiles(dataDir: string): string {
  return ['studio.db', 'studio.db-wal', 'studio.db-shm']
    .map((name) => join(dataDir, name))
    .filter(existsSync)
    .map((file) => readFileSync(file).toString('latin1'))
    .join('\n');
}

describe('version history in sandbox mode', () => {
  it('records saves made here, writes made elsewhere, and reads of a version it has not seen', async () => {
    const { sandbox } = await sandboxWithHistory();
    const pass = await create(sandbox.url);
    const saved = await rename(sandbox.url, pass.id, `${pass.passName} (autumn)`);
    // The same PATCH made with the API directly (no studio marker) is a version saved elsewhere.
    await rename(sandbox.url, pass.id, `${pass.passName} (winter)`, {});

    let list = await versions(sandbox.url, pass.id);
    expect(list.items.map((v) => [v.source, v.passName, v.changedParts])).toEqual([
      ['observed', `${pass.passName} (winter)`, ['passName']],
      ['saved', saved.passName, ['passName']],
      ['saved', pass.passName, []],
    ]);
    expect(list.items[1]).toMatchObject({
      updatedTime: saved.updatedTime,
      updatedBy: saved.updatedBy,
      workspaceId: WS_A,
    });

    // A location added with the API changes the pass without a PATCH: the next read records it.
    const location = await call(sandbox.url, 'POST', '/v1/wallet-pass-location', {
      workspace: WS_A,
      json: { name: 'Quay', latitude: 1, longitude: 2, relevantText: 'Hi', walletPass: { id: pass.id } },
    });
    expect(location.status).toBe(201);
    expect((await call(sandbox.url, 'GET', `/v1/wallet-pass/${pass.id}`, { workspace: WS_A })).status).toBe(200);
    list = await eventually(
      () => versions(sandbox.url, pass.id),
      (l) => l.items.length === 4,
    );
    expect(list.items[0]).toMatchObject({ source: 'observed', changedParts: ['passMetadata.locations'] });

    // One version in full, with its pass JSON.
    const one = await call(sandbox.url, 'GET', `/studio/passes/${pass.id}/versions/${list.items[2]!.versionId}`);
    const version = PassVersionSchema.parse(await one.json());
    expect(version.pass.passName).toBe(saved.passName);
    expect(version.pass.id).toBe(pass.id);
    expect((await call(sandbox.url, 'GET', `/studio/passes/${pass.id}/versions/999999`)).status).toBe(404);
    expect((await call(sandbox.url, 'GET', `/studio/passes/${pass.id}/versions/abc`)).status).toBe(404);
  });

  it('a save followed by its location calls and re-read is one saved version', async () => {
    const { sandbox } = await sandboxWithHistory();
    const pass = await create(sandbox.url);
    await rename(sandbox.url, pass.id, `${pass.passName} 2`);
    await call(sandbox.url, 'POST', '/v1/wallet-pass-location', {
      workspace: WS_A,
      headers: STUDIO,
      json: { name: 'Quay', latitude: 1, longitude: 2, relevantText: 'Hi', walletPass: { id: pass.id } },
    });
    await call(sandbox.url, 'GET', `/v1/wallet-pass/${pass.id}`, { workspace: WS_A, headers: STUDIO });
    const list = await eventually(
      () => versions(sandbox.url, pass.id),
      (l) => l.items[0]?.changedParts.includes('passMetadata.locations') === true,
    );
    expect(list.items.map((v) => [v.source, v.changedParts])).toEqual([
      ['saved', ['passName', 'passMetadata.locations']],
      ['saved', []],
    ]);
  });

  it('refuses a key without access to the pass, as the Passport API does', async () => {
    const { sandbox } = await sandboxWithHistory();
    const pass = await create(sandbox.url);
    const path = `/studio/passes/${pass.id}/versions`;
    // The API's own answers for the pass, then the history's: the same statuses.
    for (const [init, status] of [
      [{ key: KEY_B }, 404], // its workspace does not hold the pass
      [{ key: KEY_B, workspace: WS_A }, 403], // a workspace the key lacks
      [{ key: 'ub_test_unknown' }, 403],
      [{ key: null }, 401],
    ] as const) {
      expect((await call(sandbox.url, 'GET', `/v1/wallet-pass/${pass.id}`, init)).status).toBe(status);
      const refused = await call(sandbox.url, 'GET', path, init);
      expect(refused.status).toBe(status);
      expect(JSON.stringify(await refused.json())).not.toContain(pass.passName!);
      expect((await call(sandbox.url, 'GET', `${path}/1`, init)).status).toBe(status);
    }
    expect((await versions(sandbox.url, pass.id, { key: KEY_A })).items).toHaveLength(1);
    expect((await call(sandbox.url, 'GET', '/studio/deleted-passes', { key: KEY_B, workspace: WS_A })).status).toBe(
      403,
    );
  });

  it('keeps HISTORY_MAX_VERSIONS versions per pass, oldest out', async () => {
    const { sandbox } = await sandboxWithHistory(3);
    const pass = await create(sandbox.url);
    const other = await create(sandbox.url);
    for (let i = 1; i <= 5; i++) await rename(sandbox.url, pass.id, `${pass.passName} v${i}`);
    const list = await versions(sandbox.url, pass.id);
    expect(list.items.map((v) => v.passName)).toEqual([3, 4, 5].reverse().map((i) => `${pass.passName} v${i}`));
    // Another pass's history is its own.
    expect((await versions(sandbox.url, other.id)).items).toHaveLength(1);
  });

  it('keeps a deleted pass: listed for its workspace, last version readable, dismissed after restore', async () => {
    const { sandbox } = await sandboxWithHistory();
    const pass = await create(sandbox.url);
    const last = await rename(sandbox.url, pass.id, `${pass.passName} final`);
    expect((await call(sandbox.url, 'DELETE', `/v1/wallet-pass/${pass.id}`, { workspace: WS_A })).status).toBe(204);

    const deleted = DeletedPassListSchema.parse(
      await (await call(sandbox.url, 'GET', '/studio/deleted-passes', { workspace: WS_A })).json(),
    );
    expect(deleted.items).toEqual([
      expect.objectContaining({ passId: pass.id, passName: last.passName, lastVersionId: expect.any(Number) }),
    ]);
    const list = await versions(sandbox.url, pass.id, { workspace: WS_A });
    expect(list.deletedAt).toEqual(expect.any(String));
    const lastVersion = PassVersionSchema.parse(
      await (
        await call(sandbox.url, 'GET', `/studio/passes/${pass.id}/versions/${deleted.items[0]!.lastVersionId}`, {
          workspace: WS_A,
        })
      ).json(),
    );
    expect(lastVersion.pass.passName).toBe(last.passName);

    // Another workspace sees nothing of it.
    const elsewhere = await call(sandbox.url, 'GET', '/studio/deleted-passes', { key: KEY_B, workspace: WS_B });
    expect(DeletedPassListSchema.parse(await elsewhere.json()).items).toEqual([]);
    expect((await call(sandbox.url, 'GET', `/studio/passes/${pass.id}/versions`, { key: KEY_B })).status).toBe(404);
    expect((await call(sandbox.url, 'GET', `/studio/passes/${pass.id}/versions`, { workspace: WS_B })).status).toBe(
      404,
    );

    expect((await call(sandbox.url, 'DELETE', `/studio/deleted-passes/${pass.id}`, { workspace: WS_A })).status).toBe(
      204,
    );
    const after = await call(sandbox.url, 'GET', '/studio/deleted-passes', { workspace: WS_A });
    expect(DeletedPassListSchema.parse(await after.json()).items).toEqual([]);
  });

  it('writes no API key to studio.db', async () => {
    const { sandbox, studio } = await sandboxWithHistory();
    const pass = await create(sandbox.url);
    await rename(sandbox.url, pass.id, `${pass.passName} 2`);
    await versions(sandbox.url, pass.id, { key: KEY_A });
    await call(sandbox.url, 'GET', `/studio/passes/${pass.id}/versions`, { key: KEY_B });
    await call(sandbox.url, 'DELETE', `/v1/wallet-pass/${pass.id}`);
    await call(sandbox.url, 'GET', '/studio/deleted-passes', { key: KEY_A });
    studio.db.pragma('wal_checkpoint(FULL)');
    const bytes = studioFiles(sandbox.dataDir);
    expect(bytes).toContain(`${pass.passName} 2`);
    for (const key of [KEY_ALL, KEY_A, KEY_B]) expect(bytes).not.toContain(key);
  });
});

describe('version history in proxy mode', () => {
  it('records the answers it forwards and authorises through the upstream API', async () => {
    const upstream = await startSandbox();
    cleanups.push(() => upstream.stop());
    const { proxy, studio, dataDir } = await proxyWithHistory(upstream);

    const pass = await create(proxy.url);
    await rename(proxy.url, pass.id, `${pass.passName} via proxy`);
    // Saved directly on the real API: the proxy learns of it when it forwards the next read.
    await call(upstream.url, 'PATCH', `/v1/wallet-pass/${pass.id}`, {
      json: { passName: `${pass.passName} upstream` },
      workspace: WS_A,
    });
    expect((await call(proxy.url, 'GET', `/v1/wallet-pass/${pass.id}`, { workspace: WS_A })).status).toBe(200);
    const list = await eventually(
      () => versions(proxy.url, pass.id),
      (l) => l.items.length === 3,
    );
    expect(list.items.map((v) => [v.source, v.passName])).toEqual([
      ['observed', `${pass.passName} upstream`],
      ['saved', `${pass.passName} via proxy`],
      ['saved', pass.passName],
    ]);

    const path = `/studio/passes/${pass.id}/versions`;
    for (const [init, status] of [
      [{ key: KEY_B }, 404],
      [{ key: KEY_B, workspace: WS_A }, 403],
      [{ key: 'ub_test_unknown' }, 403],
      [{ key: null }, 401],
    ] as const) {
      expect((await call(proxy.url, 'GET', path, init)).status).toBe(status);
      expect((await call(proxy.url, 'GET', `${path}/${list.items[0]!.versionId}`, init)).status).toBe(status);
    }

    studio.db.pragma('wal_checkpoint(FULL)');
    const bytes = studioFiles(dataDir);
    expect(bytes).toContain(`${pass.passName} upstream`);
    for (const key of [KEY_ALL, KEY_A, KEY_B, 'ub_test_unknown']) expect(bytes).not.toContain(key);
  });
});

describe('version history durability', () => {
  const children: ChildProcess[] = [];
  afterEach(() => {
    for (const child of children.splice(0))
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });

  it('a SIGKILL during a burst of saves loses no acknowledged version', { timeout: 60_000 }, async () => {
    const dataDir = tempDir();
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    await seedTestData(dataDir);
    const main = await runMain(dataDir);
    children.push(main.process);
    const pass = await create(main.url);

    const acknowledged: string[] = [];
    let killed = false;
    const save = async (n: number) => {
      const name = `${pass.passName} burst ${n}`;
      try {
        const response = await call(main.url, 'PATCH', `/v1/wallet-pass/${pass.id}`, {
          json: { passName: name },
          workspace: WS_A,
          headers: STUDIO,
        });
        if (response.ok) acknowledged.push(name);
      } catch {
        // Cut by the kill: not acknowledged.
      }
    };
    const burst = Array.from({ length: 8 }, async (_, worker) => {
      for (let n = worker; !killed; n += 8) await save(n);
    });
    await eventually(
      () => Promise.resolve(acknowledged.length),
      (count) => count >= 40,
      20_000,
    );
    main.process.kill('SIGKILL');
    killed = true;
    await Promise.all(burst);
    await main.exited;
    expect(acknowledged.length).toBeGreaterThanOrEqual(40);

    const db = new Database(join(dataDir, 'studio.db'), { readonly: true });
    const recorded = new Set(
      db
        .prepare<[string, string], { pass_name: string }>(
          'SELECT pass_name FROM pass_versions WHERE pass_id = ? AND source = ?',
        )
        .all(pass.id, 'saved')
        .map((row) => row.pass_name),
    );
    db.close();
    const missing = acknowledged.filter((name) => !recorded.has(name));
    expect(missing).toEqual([]);
  });
});
