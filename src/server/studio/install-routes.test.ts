/**
 * Count history over real HTTP: the sandbox records count changes, a proxy in front of it records
 * the counts of the pass answers it forwards (and answers the client byte for byte as before),
 * `/studio/installs` refuses keys the Passport API refuses, and a SIGKILL of the real server
 * loses no sample older than the write interval.
 */
import type { ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { InstallChangesSchema } from '../../contract/install-changes';
import { InstallSeriesSchema } from '../../contract/installs';
import type { InstallSeries } from '../../contract/installs';
import { WalletPassSchema } from '../../contract/schemas';
import { createApp } from '../app';
import { ControllableClock } from '../clock';
import {
  KEY_A,
  KEY_ALL,
  KEY_B,
  WS_A,
  WS_B,
  listen,
  passBody,
  runMain,
  startSandbox,
  tempDir,
} from '../server.test-utils';
import type { Listening, SandboxOptions, TestSandbox } from '../server.test-utils';
import { SAMPLE_WRITE_INTERVAL_MS } from './install-recorder';
import { openStudioDb } from './studio-db';
import type { StudioDb } from './studio-db';

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

async function sandboxWithStudio(app: SandboxOptions['app'] = {}): Promise<{ sandbox: TestSandbox; studio: StudioDb }> {
  const studioDir = tempDir();
  const studio = openStudioDb(studioDir);
  const sandbox = await startSandbox({ app: { ...app, studio } });
  cleanup.push(async () => {
    await sandbox.stop();
    studio.close();
    rmSync(studioDir, { recursive: true, force: true });
  });
  return { sandbox, studio };
}

async function publishedPass(sandbox: TestSandbox, workspace = WS_A) {
  const uploadInfoList = await sandbox.images(workspace);
  const res = await sandbox.api('POST', '/v1/wallet-pass', {
    workspace,
    json: passBody({ status: 'Published', uploadInfoList }),
  });
  expect(res.status).toBe(201);
  return WalletPassSchema.parse(await res.json());
}

async function series(url: string, path: string, key: string, workspace?: string): Promise<InstallSeries> {
  const res = await fetch(`${url}/studio/installs${path}`, {
    headers: { 'api-key': key, ...(workspace ? { 'x-workspace-id': workspace } : {}) },
  });
  expect(res.status, await res.clone().text()).toBe(200);
  return InstallSeriesSchema.parse(await res.json());
}

const waitFor = async <T>(read: () => Promise<T>, ok: (value: T) => boolean, ms = 5_000): Promise<T> => {
  const end = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (ok(value) || Date.now() > end) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
};

describe('sandbox mode', () => {
  it('records a sample when counts move, markers on publish and unpublish, and the workspace total', async () => {
    const { sandbox } = await sandboxWithStudio();
    const pass = await publishedPass(sandbox);
    // The new pass's first sample (all zero) is written within the write interval.
    const first = await waitFor(
      () => series(sandbox.url, `/passes/${pass.id}?range=24h&resolution=raw`, KEY_ALL),
      (s) => s.t.length === 1,
    );
    expect(first.totalIssued).toEqual([0]);
    sandbox.store.tickInstalls(() => 0.9);
    const current = sandbox.store.getPass(WS_A, pass.id)!.counts;
    expect(current.appleIssued).toBeGreaterThan(0);
    const moved = await waitFor(
      () => series(sandbox.url, `/passes/${pass.id}?range=24h&resolution=raw`, KEY_ALL),
      (s) => s.appleIssued.at(-1) === current.appleIssued,
    );
    expect(moved.appleIssued.at(-1)).toBe(current.appleIssued);
    expect(moved.totalIssued.at(-1)).toBe(current.appleIssued + current.googleIssued);
    expect(moved.gapMs).toBeNull();

    const res = await sandbox.api('PATCH', `/v1/wallet-pass/${pass.id}`, {
      workspace: WS_A,
      json: { status: 'Draft' },
    });
    expect(res.status).toBe(200);
    const unpublished = await waitFor(
      () => series(sandbox.url, `/passes/${pass.id}?range=24h`, KEY_ALL),
      (s) => s.events.length > 0,
    );
    expect(unpublished.events.map((e) => e.kind)).toEqual(['unpublished']);

    const workspace = await series(sandbox.url, '/workspace?range=24h&resolution=raw', KEY_ALL, WS_A);
    expect(workspace.totalActive.at(-1)).toBe(current.appleActive + current.googleActive);
    const changes = await fetch(`${sandbox.url}/studio/installs/changes?range=24h&ids=${pass.id}`, {
      headers: { 'api-key': KEY_ALL, 'x-workspace-id': WS_A },
    });
    const body = InstallChangesSchema.parse(await changes.json());
    expect(body.passes[0]?.issuedChange).toBe(current.appleIssued + current.googleIssued);
  });

  it('marks a notification when it goes out, with its name, on the pass and the workspace; a draft marks nothing', async () => {
    const clock = new ControllableClock({ frozen: true });
    const { sandbox } = await sandboxWithStudio({ clock, notificationFailureRate: 0 });
    const pass = await publishedPass(sandbox);
    const notify = async (body: Record<string, unknown>) => {
      const res = await sandbox.api('POST', '/v1/wallet-pass/notifications', {
        workspace: WS_A,
        json: { passSerialNumber: pass.id, notificationMessage: 'Double points today', ...body },
      });
      expect(res.status, await res.clone().text()).toBe(201);
      return (await res.json()) as { id: string };
    };
    await notify({ notificationName: 'Kept as a draft', status: 'Draft' });
    const before = Date.now();
    const sent = await notify({ notificationName: 'Weekend double points' });
    const passSeries = () => series(sandbox.url, `/passes/${pass.id}?range=24h`, KEY_ALL);
    // Processing: nothing went out yet, so no marker.
    expect((await passSeries()).events).toEqual([]);
    clock.advance(5_000);
    const read = await sandbox.api('GET', `/v1/wallet-pass/notifications/${sent.id}`, { workspace: WS_A });
    expect(((await read.json()) as { status: string }).status).toBe('Published');
    const marked = await passSeries();
    expect(marked.events).toEqual([
      { t: expect.any(Number), kind: 'notification', passId: pass.id, label: 'Weekend double points' },
    ]);
    const t = marked.events[0]!.t;
    expect(t).toBeGreaterThanOrEqual(before);
    expect(t).toBeLessThanOrEqual(Date.now());
    // The workspace's chart carries every pass's notifications (and no publish markers).
    const workspace = await series(sandbox.url, '/workspace?range=24h', KEY_ALL, WS_A);
    expect(workspace.events).toEqual(marked.events);
    // Another workspace's key sees neither.
    const other = await fetch(`${sandbox.url}/studio/installs/passes/${pass.id}?range=24h`, {
      headers: { 'api-key': KEY_B },
    });
    expect(other.status).toBe(404);
  });

  it('refuses a key without access to the pass or the workspace, and a missing key', async () => {
    const { sandbox } = await sandboxWithStudio();
    const pass = await publishedPass(sandbox, WS_B);
    sandbox.store.tickInstalls(() => 0.9);
    const ask = (path: string, headers: Record<string, string>) =>
      fetch(`${sandbox.url}/studio/installs${path}`, { headers });
    expect((await ask(`/passes/${pass.id}`, { 'api-key': KEY_A })).status).toBe(404);
    expect((await ask(`/passes/${pass.id}`, { 'api-key': KEY_A, 'x-workspace-id': WS_B })).status).toBe(403);
    expect((await ask('/workspace', { 'api-key': KEY_A, 'x-workspace-id': WS_B })).status).toBe(403);
    expect((await ask(`/changes?ids=${pass.id}`, { 'api-key': KEY_A, 'x-workspace-id': WS_B })).status).toBe(403);
    expect((await ask('/workspace', { 'api-key': 'ub_test_nobody' })).status).toBe(403);
    expect((await ask('/workspace', {})).status).toBe(401);
    // A list page of another workspace reveals nothing through the workspace a key does reach.
    const other = await ask(`/changes?ids=${pass.id}`, { 'api-key': KEY_A, 'x-workspace-id': WS_A });
    expect(InstallChangesSchema.parse(await other.json()).passes[0]).toEqual({
      passId: pass.id,
      issuedChange: 0,
      activeChange: 0,
      trend: [],
    });
    expect((await ask(`/passes/${pass.id}`, { 'api-key': KEY_B })).status).toBe(200);
    const bad = await ask(`/passes/${pass.id}?range=1y`, { 'api-key': KEY_B });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ context: { range: expect.any(String) } });
  });
});

describe('proxy mode', () => {
  it('marks the sent notifications it sees in forwarded notification answers, once each', async () => {
    const clock = new ControllableClock({ frozen: true });
    const { sandbox } = await sandboxWithStudio({ clock, notificationFailureRate: 0 });
    const pass = await publishedPass(sandbox);
    const proxyDir = tempDir();
    const proxyStudio = openStudioDb(proxyDir);
    const proxy: Listening = await listen(
      createApp({
        mode: 'proxy',
        upstreamUrl: `${sandbox.url}/v1`,
        timeoutMs: 5_000,
        workspaces: [],
        studio: proxyStudio,
      }),
    );
    cleanup.push(async () => {
      await proxy.close();
      proxyStudio.close();
      rmSync(proxyDir, { recursive: true, force: true });
    });
    const headers = { 'api-key': KEY_ALL, 'x-workspace-id': WS_A, 'content-type': 'application/json' };
    const created = await fetch(`${proxy.url}/v1/wallet-pass/notifications`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ passSerialNumber: pass.id, notificationName: 'Seen upstream', notificationMessage: 'Hi' }),
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    // Not sent yet (Processing): reading it marks nothing.
    await fetch(`${proxy.url}/v1/wallet-pass/notifications/${id}`, { headers });
    clock.advance(5_000);
    for (let i = 0; i < 2; i++)
      await fetch(`${proxy.url}/v1/wallet-pass/notifications?passSerialNumber=${pass.id}`, { headers });
    // Marked at the send time the API gives (the frozen clock's, which real time soon passes).
    const marked = await waitFor(
      () => series(proxy.url, `/passes/${pass.id}?range=24h`, KEY_ALL, WS_A),
      (s) => s.events.length > 0,
    );
    await fetch(`${proxy.url}/v1/wallet-pass/notifications/${id}`, { headers });
    expect((await series(proxy.url, `/passes/${pass.id}?range=24h`, KEY_ALL, WS_A)).events).toEqual(marked.events);
    expect(marked.events).toEqual([
      { t: expect.any(Number), kind: 'notification', passId: pass.id, label: 'Seen upstream' },
    ]);
  });

  it('records the counts of forwarded pass answers (lists and details), at most one per pass per interval', async () => {
    const { sandbox } = await sandboxWithStudio();
    const pass = await publishedPass(sandbox);
    sandbox.store.tickInstalls(() => 0.9);
    const proxyDir = tempDir();
    const proxyStudio = openStudioDb(proxyDir);
    const proxy: Listening = await listen(
      createApp({
        mode: 'proxy',
        upstreamUrl: `${sandbox.url}/v1`,
        timeoutMs: 5_000,
        workspaces: [],
        studio: proxyStudio,
      }),
    );
    cleanup.push(async () => {
      await proxy.close();
      proxyStudio.close();
      rmSync(proxyDir, { recursive: true, force: true });
    });
    const headers = { 'api-key': KEY_ALL, 'x-workspace-id': WS_A };
    const viaProxy = await (await fetch(`${proxy.url}/v1/wallet-pass?limit=5`, { headers })).text();
    const direct = await (await fetch(`${sandbox.url}/v1/wallet-pass?limit=5`, { headers })).text();
    expect(viaProxy).toBe(direct);
    const counts = sandbox.store.getPass(WS_A, pass.id)!.counts;
    const recorded = await waitFor(
      () => series(proxy.url, `/passes/${pass.id}?range=24h&resolution=raw`, KEY_ALL, WS_A),
      (s) => s.t.length > 0,
    );
    expect(recorded.t).toHaveLength(1);
    expect(recorded.appleIssued[0]).toBe(counts.appleIssued);
    expect(recorded.googleActive[0]).toBe(counts.googleActive);
    expect(recorded.gapMs).toBeGreaterThanOrEqual(15 * 60_000);
    // More answers within the interval add nothing: the next sample waits a few minutes.
    sandbox.store.tickInstalls(() => 0.9);
    await fetch(`${proxy.url}/v1/wallet-pass/${pass.id}`, { headers });
    const again = await series(proxy.url, `/passes/${pass.id}?range=24h&resolution=raw`, KEY_ALL, WS_A);
    expect(again.t).toHaveLength(1);
    // The proxy asks the real API with the caller's key: a key without the workspace is refused.
    const refused = await fetch(`${proxy.url}/studio/installs/passes/${pass.id}`, {
      headers: { 'api-key': KEY_B, 'x-workspace-id': WS_A },
    });
    expect(refused.status).toBe(403);
    const workspace = await series(proxy.url, '/workspace?range=24h', KEY_ALL, WS_A);
    expect(workspace.totalIssued.at(-1)).toBe(counts.appleIssued + counts.googleIssued);
  });
});

describe('durability', () => {
  const children: ChildProcess[] = [];
  afterEach(() => {
    for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  });

  it('a SIGKILL loses no sample older than the write interval', async () => {
    const dir = tempDir();
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
    const main = await runMain(dir, { SANDBOX_SIMULATE_INSTALLS: '1', SANDBOX_SIMULATE_INTERVAL_MS: '50' });
    children.push(main.process);
    const headers = { 'api-key': 'ub_test_sandbox_demo_all_workspaces' };
    const list = (await (await fetch(`${main.url}/v1/wallet-pass?status=Published&limit=1`, { headers })).json()) as {
      items: { id: string; totalIssuedCount: number }[];
    };
    const passId = list.items[0]!.id;
    const read = () => series(main.url, `/passes/${passId}?range=24h&resolution=raw`, headers['api-key']);
    await new Promise((r) => setTimeout(r, 1_500));
    const seen = await read();
    // The counts the API acknowledged at this moment; the sample for them is due within the interval.
    const acknowledged = (await (await fetch(`${main.url}/v1/wallet-pass/${passId}`, { headers })).json()) as {
      totalIssuedCount: number;
    }[];
    const acknowledgedAt = Date.now();
    await new Promise((r) => setTimeout(r, SAMPLE_WRITE_INTERVAL_MS + 300));
    main.process.kill('SIGKILL');
    await main.exited;

    const again = await runMain(dir);
    children.push(again.process);
    const after = await series(again.url, `/passes/${passId}?range=24h&resolution=raw`, headers['api-key']);
    const afterByTime = new Map(after.t.map((t, i) => [t, after.totalIssued[i]]));
    for (const [i, t] of seen.t.entries()) expect(afterByTime.get(t)).toBe(seen.totalIssued[i]);
    const last = after.t.length - 1;
    expect(after.t[last]).toBeGreaterThanOrEqual(acknowledgedAt - SAMPLE_WRITE_INTERVAL_MS);
    expect(after.totalIssued[last]).toBeGreaterThanOrEqual(acknowledged[0]!.totalIssuedCount);
    again.process.kill('SIGTERM');
    await again.exited;
  }, 60_000);
});
