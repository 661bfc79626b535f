/**
 * A scheduled notification survives a SIGKILL of the real server process (`src/server/main.ts`)
 * and goes out in its slot after a restart on the same DATA_DIR. The clock is the controllable
 * one (SANDBOX_CLOCK=controllable), so the slot passes without waiting 15 minutes.
 */
import type { ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { afterEach, expect, it } from 'vitest';
import { NotificationSchema, scheduleSlot } from '../contract/notifications';
import { UploadResponseSchema, WalletPassDetailResponseSchema, WalletPassSchema } from '../contract/schemas';
import { PROCESSING_MS } from './notification-delivery';
import { KEY_ALL, makePng, passBody, pngForm, runMain, seedTestData, tempDir } from './server.test-utils';

const ENV = {
  SANDBOX_CLOCK: 'controllable',
  SANDBOX_NOTIFICATION_FAILURE_RATE: '0',
  SANDBOX_SIMULATE_INSTALLS: '1',
  SANDBOX_SIMULATE_INTERVAL_MS: '50',
};
const children: ChildProcess[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const child of children.splice(0))
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function start(dataDir: string) {
  const main = await runMain(dataDir, ENV);
  children.push(main.process);
  const call = (method: string, path: string, json?: unknown, body?: BodyInit) =>
    fetch(`${main.url}${path}`, {
      method,
      headers: { 'api-key': KEY_ALL, ...(json === undefined ? {} : { 'content-type': 'application/json' }) },
      body: json === undefined ? (body ?? null) : JSON.stringify(json),
    });
  return { main, call };
}

async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string): Promise<T> {
  const until = Date.now() + 15_000;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

it(
  'keeps a scheduled send across SIGKILL and sends it in its slot after the restart',
  { timeout: 60_000 },
  async () => {
    const dataDir = tempDir();
    dirs.push(dataDir);
    await seedTestData(dataDir);
    const first = await start(dataDir);

    const uploadInfoList = [];
    for (const fileName of ['logo.png', 'icon.png', 'strip.png']) {
      const response = await first.call('POST', '/v1/uploads', undefined, pngForm(makePng(), fileName));
      uploadInfoList.push({ fileName, uploadKey: UploadResponseSchema.parse(await response.json()).key });
    }
    const pass = WalletPassSchema.parse(
      await (await first.call('POST', '/v1/wallet-pass', passBody({ status: 'Published', uploadInfoList }))).json(),
    );
    const readPass = async () =>
      WalletPassDetailResponseSchema.parse(await (await first.call('GET', `/v1/wallet-pass/${pass.id}`)).json())[0];
    await eventually(readPass, (p) => (p?.totalActiveCount ?? 0) > 0, 'holders');

    const serverNow = Date.parse(
      ((await (await first.call('GET', '/studio/test/clock')).json()) as { now: string }).now,
    );
    const scheduledTime = new Date(serverNow + 60_000).toISOString();
    const slot = scheduleSlot(Date.parse(scheduledTime));
    const created = await first.call('POST', '/v1/wallet-pass/notifications', {
      passSerialNumber: pass.id,
      notificationName: 'Survives a crash',
      notificationMessage: 'See you at the reopening',
      status: 'Scheduled',
      scheduledTime,
    });
    expect(created.status).toBe(201);
    const id = NotificationSchema.parse(await created.json()).id;

    first.main.process.kill('SIGKILL');
    await first.main.exited;

    const second = await start(dataDir);
    const read = async () =>
      NotificationSchema.parse(await (await second.call('GET', `/v1/wallet-pass/notifications/${id}`)).json());
    expect(await read()).toMatchObject({ status: 'Scheduled', scheduledTime, notificationName: 'Survives a crash' });

    // The restarted clock starts at real time again: move it past the slot.
    const moved = await second.call('POST', '/studio/test/clock', {
      now: new Date(slot + PROCESSING_MS + 1000).toISOString(),
    });
    expect(moved.status).toBe(200);
    const sent = await eventually(read, (n) => n.status === 'Published', 'the send');
    expect(sent.sentTime).toBe(new Date(slot + PROCESSING_MS).toISOString());
    expect(sent.totalNotificationSentCount).toBeGreaterThan(0);
  },
);
