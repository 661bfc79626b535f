import type { ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { WalletPassSchema } from '../contract/schemas';
import { DEMO_KEY_ALL_WORKSPACES } from './seed/seed-data';
import { KEY_ALL, makePng, passBody, runMain, seedTestData, tempDir } from './server.test-utils';
import type { MainProcess } from './server.test-utils';
import { openStore } from './store/sandbox-store';

const children: ChildProcess[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function startMain(dataDir: string, args?: string[]): Promise<MainProcess> {
  const main = await runMain(dataDir, {}, args);
  children.push(main.process);
  return main;
}

describe('main entry point', () => {
  it('prints the URL and demo keys, and an acknowledged write survives SIGKILL', async () => {
    const dataDir = tempDir();
    dirs.push(dataDir);
    const main = await startMain(dataDir);
    expect(main.output()).toContain(DEMO_KEY_ALL_WORKSPACES);
    const res = await fetch(`${main.url}/v1/wallet-pass`, {
      method: 'POST',
      headers: { 'api-key': DEMO_KEY_ALL_WORKSPACES, 'content-type': 'application/json' },
      body: JSON.stringify(passBody({ passName: 'Written before the crash' })),
    });
    expect(res.status).toBe(201);
    const pass = WalletPassSchema.parse(await res.json());
    main.process.kill('SIGKILL');
    await main.exited;

    const store = await openStore({ dataDir });
    try {
      expect(store.getPass(pass.workspaceId ?? '', pass.id)?.passName).toBe('Written before the crash');
    } finally {
      store.close();
    }
  });

  it('on SIGTERM finishes the request in flight, then exits 0', async () => {
    const dataDir = tempDir();
    dirs.push(dataDir);
    const main = await startMain(dataDir);
    const png = makePng(8, 8);
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(png)], { type: 'image/png' }), 'logo.png');
    const encoded = new Response(form);
    const bytes = new Uint8Array(await encoded.arrayBuffer());
    let release: () => void = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    // The body arrives in two parts with the stop signal in between.
    const body = new ReadableStream<Uint8Array>({
      async start(controller) {
        controller.enqueue(bytes.subarray(0, 20));
        await released;
        controller.enqueue(bytes.subarray(20));
        controller.close();
      },
    });
    const pending = fetch(`${main.url}/v1/uploads`, {
      method: 'POST',
      headers: { 'api-key': DEMO_KEY_ALL_WORKSPACES, 'content-type': encoded.headers.get('content-type') ?? '' },
      body,
      duplex: 'half',
    } as RequestInit);
    await new Promise((r) => setTimeout(r, 200));
    main.process.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 200));
    expect(main.process.exitCode).toBeNull();
    release();
    const res = await pending;
    expect(res.status).toBe(200);
    expect(await main.exited).toBe(0);
    // Stopped accepting: nothing listens any more.
    await expect(fetch(`${main.url}/studio/config`)).rejects.toThrow();
  });

  it('runs as plain JavaScript the way npm run serve does: the bundle, built when stale, no tsx loader', async () => {
    const dataDir = tempDir();
    dirs.push(dataDir);
    await seedTestData(dataDir);
    const main = await startMain(dataDir, ['src/server/launch.mjs', 'serve']);
    const config = await fetch(`${main.url}/studio/config`);
    expect(config.status).toBe(200);
    const res = await fetch(`${main.url}/v1/wallet-pass?limit=5`, { headers: { 'api-key': KEY_ALL } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(((await res.json()) as { items: unknown[] }).items).toEqual([]);
    main.process.kill('SIGTERM');
    expect(await main.exited).toBe(0);
  });
});
