/**
 * A full disk is survivable: writes answer 507 with the Passport error body and reads keep
 * working; the server starts on a full disk (a start with nothing to migrate writes nothing) and
 * recovers on its own when space returns.
 *
 * Two ways to fill a disk: SQLite's own page limit (`max_page_count`) runs everywhere; a real
 * small tmpfs needs the right to mount (root on Linux, as in CI) and is skipped elsewhere.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ApiErrorBodySchema } from '../contract/schemas';
import { KEY_ALL, passBody, runMain, seedTestData, startSandbox, tempDir } from './server.test-utils';
import type { MainProcess } from './server.test-utils';

async function write(url: string): Promise<Response> {
  return fetch(`${url}/v1/wallet-pass`, {
    method: 'POST',
    headers: { 'api-key': KEY_ALL, 'content-type': 'application/json' },
    body: JSON.stringify(passBody()),
  });
}

async function expectDiskFull(res: Response): Promise<void> {
  const text = await res.text();
  expect(res.status, text).toBe(507);
  const body = ApiErrorBodySchema.parse(JSON.parse(text));
  expect(body.errorCode).toBe('INSUFFICIENT_STORAGE');
  expect(body.errorMessage).toMatch(/full/);
}

async function expectReadable(url: string): Promise<void> {
  const res = await fetch(`${url}/v1/wallet-pass?limit=5`, { headers: { 'api-key': KEY_ALL } });
  expect(res.status).toBe(200);
}

describe('full disk (SQLite page limit: runs everywhere)', () => {
  it('writes answer 507, reads keep working, and writes work again once there is room', async () => {
    const sandbox = await startSandbox();
    try {
      expect((await write(sandbox.url)).status).toBe(201);
      const db = sandbox.store.database;
      const pages = db.pragma('page_count', { simple: true }) as number;
      db.pragma(`max_page_count = ${pages}`);
      // Enough writes to need new pages whatever room the last page had left.
      let full: Response | undefined;
      for (let i = 0; i < 50 && !full; i++) {
        const res = await write(sandbox.url);
        if (res.status === 201) await res.arrayBuffer();
        else full = res;
      }
      expect(full).toBeDefined();
      if (full) await expectDiskFull(full);
      await expectReadable(sandbox.url);

      db.pragma(`max_page_count = ${pages * 100}`);
      expect((await write(sandbox.url)).status).toBe(201);
    } finally {
      await sandbox.stop();
    }
  });
});

function canMountTmpfs(): boolean {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return false;
  const probe = tempDir('pass-studio-mount-probe-');
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', probe], { stdio: 'ignore' });
    execFileSync('umount', [probe], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
}

/** Fills the file system holding `dir` with one file, to the last byte. */
function fill(dir: string): string {
  const filler = join(dir, 'filler');
  const fd = openSync(filler, 'w');
  try {
    for (const size of [1024 * 1024, 64 * 1024, 4096, 512, 1]) {
      const chunk = Buffer.alloc(size);
      try {
        for (;;) writeSync(fd, chunk);
      } catch {
        // Full at this chunk size: go on with smaller ones.
      }
    }
  } finally {
    closeSync(fd);
  }
  return filler;
}

describe.runIf(canMountTmpfs())('full disk (a real 8 MB tmpfs)', () => {
  const mountPoint = tempDir('pass-studio-full-disk-');
  const dataDir = join(mountPoint, 'data');
  let main: MainProcess | undefined;
  afterAll(() => {
    main?.process.kill('SIGKILL');
    try {
      execFileSync('umount', ['-l', mountPoint]);
    } catch {
      // Not mounted (the test failed before mounting).
    }
    rmSync(mountPoint, { recursive: true, force: true });
  });

  it(
    'serves reads on a full disk, restarts on it, and takes writes again once space returns',
    { timeout: 60_000 },
    async () => {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=8m', 'tmpfs', mountPoint]);
      mkdirSync(dataDir);
      await seedTestData(dataDir);
      main = await runMain(dataDir);
      expect((await write(main.url)).status).toBe(201);

      const filler = fill(mountPoint);
      await expectDiskFull(await write(main.url));
      await expectReadable(main.url);

      // A stop on a full disk, then a start on it.
      main.process.kill('SIGTERM');
      expect(await main.exited).toBe(0);
      main = await runMain(dataDir);
      await expectReadable(main.url);
      await expectDiskFull(await write(main.url));

      rmSync(filler);
      const recovered = await write(main.url);
      expect(recovered.status).toBe(201);
      await expectReadable(main.url);
    },
  );
});
