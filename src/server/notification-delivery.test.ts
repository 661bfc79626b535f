/**
 * Simulated delivery over real HTTP, on a clock the test moves: Scheduled waits for its
 * 15-minute slot, Processing turns into Published with the pass's active holders at that moment,
 * stats fill in over the following minutes, failures happen at the configured rate, Google's
 * 3-a-day budget holds, and a POST retried after a 429 sends once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  NotificationPageSchema,
  NotificationSchema,
  NotificationStatsSchema,
  scheduleSlot,
  summarizeStats,
} from '../contract/notifications';
import type { Notification } from '../contract/notifications';
import { WalletPassDetailResponseSchema, WalletPassSchema } from '../contract/schemas';
import type { WalletPass } from '../contract/schemas';
import { ControllableClock } from './clock';
import { PROCESSING_MS, drawOutcome } from './notification-delivery';
import { KEY_A, passBody, startSandbox } from './server.test-utils';
import type { TestSandbox } from './server.test-utils';

const PATH = '/v1/wallet-pass/notifications';

async function publishedPass(sandbox: TestSandbox, links = 2): Promise<WalletPass> {
  const images = await sandbox.images();
  const backFields = [
    {
      key: 'links',
      label: 'Links',
      value: Array.from({ length: links }, (_, i) => ({ text: `Link ${i}`, link: `https://example.com/${i}` })),
    },
  ];
  const body = passBody({ status: 'Published', uploadInfoList: images });
  (body.passMetadata as Record<string, unknown>).backFields = backFields;
  const response = await sandbox.api('POST', '/v1/wallet-pass', { key: KEY_A, json: body });
  expect(response.status).toBe(201);
  const pass = WalletPassSchema.parse(await response.json());
  // Holders arrive: a few simulated install steps with a generous random source.
  for (let i = 0; i < 5; i++) sandbox.store.tickInstalls(() => 0.95);
  return pass;
}

async function holders(sandbox: TestSandbox, id: string) {
  const [pass] = WalletPassDetailResponseSchema.parse(await (await sandbox.api('GET', `/v1/wallet-pass/${id}`)).json());
  return { apple: pass?.appleActiveCount ?? 0, google: pass?.googleActiveCount ?? 0 };
}

async function send(sandbox: TestSandbox, json: Record<string, unknown>): Promise<Notification> {
  const response = await sandbox.api('POST', PATH, { key: KEY_A, json });
  expect(response.status).toBe(201);
  return NotificationSchema.parse(await response.json());
}

async function read(sandbox: TestSandbox, id: string, query = ''): Promise<Notification> {
  return NotificationSchema.parse(await (await sandbox.api('GET', `${PATH}/${id}${query}`, { key: KEY_A })).json());
}

describe('delivery on a controllable clock', () => {
  const clock = new ControllableClock({ frozen: true });
  let sandbox: TestSandbox;
  let pass: WalletPass;
  beforeAll(async () => {
    sandbox = await startSandbox({ app: { clock, notificationFailureRate: 0 } });
    pass = await publishedPass(sandbox);
  });
  afterAll(() => sandbox.stop());

  it('goes Processing → Published with sentTime and the holders of that moment', async () => {
    const n = await send(sandbox, { passSerialNumber: pass.id, notificationName: 'Now', notificationMessage: 'Hello' });
    expect(n).toMatchObject({ status: 'Processing', sentTime: null, totalNotificationSentCount: 0 });
    expect((await read(sandbox, n.id!)).status).toBe('Processing');
    sandbox.store.tickInstalls(() => 0.95);
    const reach = await holders(sandbox, pass.id!);
    expect(reach.apple + reach.google).toBeGreaterThan(0);
    clock.advance(PROCESSING_MS);
    const sent = await read(sandbox, n.id!);
    expect(sent).toMatchObject({
      status: 'Published',
      appleNotificationSentCount: reach.apple,
      googleNotificationSentCount: reach.google,
      totalNotificationSentCount: reach.apple + reach.google,
    });
    // Processing started when it was created; wallets had it PROCESSING_MS later.
    expect(Date.parse(sent.sentTime!)).toBe(Date.parse(n.createdTime!) + PROCESSING_MS);
    expect(sent.publishedTime).toBe(sent.sentTime);
    // Holders who arrive later do not change a send that went out.
    sandbox.store.tickInstalls(() => 0.95);
    expect((await read(sandbox, n.id!)).totalNotificationSentCount).toBe(reach.apple + reach.google);
  });

  it('holds a Scheduled send until its 15-minute slot, then sends it', async () => {
    // 7 minutes into the next quarter hour: the slot is the quarter after that.
    const quarter = scheduleSlot(clock.now() + 1);
    const scheduledTime = new Date(quarter + 7 * 60_000).toISOString();
    const slot = quarter + 15 * 60_000;
    const n = await send(sandbox, {
      passSerialNumber: pass.id,
      notificationName: 'Slot',
      notificationMessage: 'Later',
      status: 'Scheduled',
      scheduledTime,
    });
    clock.set(Date.parse(scheduledTime) + 60_000);
    expect((await read(sandbox, n.id!)).status).toBe('Scheduled');
    clock.set(slot - 1000);
    expect((await read(sandbox, n.id!)).status).toBe('Scheduled');
    clock.set(slot + 1000);
    expect((await read(sandbox, n.id!)).status).toBe('Processing');
    clock.set(slot + PROCESSING_MS + 1000);
    const sent = await read(sandbox, n.id!);
    expect(sent.status).toBe('Published');
    expect(sent.sentTime).toBe(new Date(slot + PROCESSING_MS).toISOString());
    const listed = NotificationPageSchema.parse(
      await (await sandbox.api('GET', `${PATH}?status=Published&ids=${n.id}`, { key: KEY_A })).json(),
    );
    expect(listed.items.map((i) => i.id)).toEqual([n.id]);
  });

  it('reports delivery over the first minutes and clicks over the following hours', async () => {
    const n = await send(sandbox, { passSerialNumber: pass.id, notificationName: 'Stats', notificationMessage: 'Go' });
    const statsNow = async () => {
      const response = await sandbox.api('GET', `${PATH}/${n.id}/stats`, { key: KEY_A });
      expect(response.status).toBe(200);
      return NotificationStatsSchema.parse(await response.json());
    };
    const before = summarizeStats(await statsNow());
    expect(before).toMatchObject({ sent: 0, delivered: 0, clicks: 0 });
    clock.advance(PROCESSING_MS + 10);
    const sent = await read(sandbox, n.id!);
    const total = sent.totalNotificationSentCount ?? 0;
    expect(total).toBeGreaterThan(0);
    const atSend = await statsNow();
    expect(atSend).toMatchObject({ notificationId: n.id, totalSent: total });
    expect(atSend.deliveryStats?.pending).toBeGreaterThan(0);

    clock.advance(15 * 60_000);
    const settled = await statsNow();
    const d = settled.deliveryStats!;
    expect(d.pending).toBe(0);
    expect((d.delivered ?? 0) + (d.failed ?? 0)).toBe(total);
    expect(settled.deliveryRate).toBeGreaterThanOrEqual(85);
    const fifteen = settled.totalClicks ?? 0;

    clock.advance(3 * 3600_000);
    const later = await statsNow();
    expect(later.totalClicks ?? 0).toBeGreaterThanOrEqual(fifteen);
    expect(later.totalClicks ?? 0).toBeGreaterThan(0);
    const links = Array.isArray(later.linkStats) ? later.linkStats : [];
    expect(links.map((l) => l.linkUrl)).toEqual(['https://example.com/0', 'https://example.com/1']);
    expect(links.reduce((sum, l) => sum + (l.clickCount ?? 0), 0)).toBe(later.totalClicks);

    // The same numbers through N3 with includeStats, and the link list paged.
    const withStats = await read(sandbox, n.id!, '?includeStats=true');
    expect(withStats.notificationStats?.totalClicks).toBe(later.totalClicks);
    const paged = NotificationStatsSchema.parse(
      await (await sandbox.api('GET', `${PATH}/${n.id}/stats?cursor=1&limit=1`, { key: KEY_A })).json(),
    );
    expect(Array.isArray(paged.linkStats) && paged.linkStats.map((l) => l.linkUrl)).toEqual(['https://example.com/1']);
    expect((await sandbox.api('GET', `${PATH}/${n.id}/stats?limit=0`, { key: KEY_A })).status).toBe(400);
  });

  it("keeps to Google's 3 pushes per pass per 24 hours", async () => {
    const fresh = await publishedPass(sandbox, 0);
    const outcomes: Notification[] = [];
    for (let i = 0; i < 4; i++) {
      const n = await send(sandbox, {
        passSerialNumber: fresh.id,
        notificationName: `Budget ${i}`,
        notificationMessage: 'm',
      });
      clock.advance(PROCESSING_MS + 10);
      outcomes.push(await read(sandbox, n.id!));
    }
    expect(
      outcomes.slice(0, 3).every((n) => n.status === 'Published' && (n.googleNotificationSentCount ?? 0) > 0),
    ).toBe(true);
    expect(outcomes[3]).toMatchObject({ status: 'AppleSuccessGoogleFailed', googleNotificationSentCount: 0 });
    expect(outcomes[3]?.appleNotificationSentCount).toBeGreaterThan(0);
    // A day later the budget is back.
    clock.advance(24 * 3600_000);
    const next = await send(sandbox, {
      passSerialNumber: fresh.id,
      notificationName: 'Next day',
      notificationMessage: 'm',
    });
    clock.advance(PROCESSING_MS + 10);
    expect((await read(sandbox, next.id!)).status).toBe('Published');
  });
});

describe('failures', () => {
  it('end in one of the failure statuses at the configured rate, sending nothing to the failed platform', async () => {
    const clock = new ControllableClock({ frozen: true });
    const sandbox = await startSandbox({ app: { clock, notificationFailureRate: 1 } });
    try {
      const pass = await publishedPass(sandbox, 0);
      const seen = new Set<string>();
      for (let i = 0; i < 12; i++) {
        const n = await send(sandbox, {
          passSerialNumber: pass.id,
          notificationName: `F${i}`,
          notificationMessage: 'm',
        });
        clock.advance(PROCESSING_MS + 10);
        const done = await read(sandbox, n.id!);
        seen.add(done.status ?? '');
        if (done.status === 'Failed') expect(done).toMatchObject({ totalNotificationSentCount: 0, sentTime: null });
        if (done.status === 'AppleFailedGoogleSuccess') expect(done.appleNotificationSentCount).toBe(0);
        if (done.status === 'AppleSuccessGoogleFailed') expect(done.googleNotificationSentCount).toBe(0);
      }
      expect(
        [...seen].every((s) => ['Failed', 'AppleFailedGoogleSuccess', 'AppleSuccessGoogleFailed'].includes(s)),
      ).toBe(true);
    } finally {
      await sandbox.stop();
    }
  });

  it('are rare by default', () => {
    const failed = Array.from({ length: 2000 }, (_, seed) => drawOutcome(seed * 7919, 0.03)).filter(
      (o) => o !== 'Published',
    ).length;
    expect(failed).toBeGreaterThan(20);
    expect(failed).toBeLessThan(110);
  });
});

describe('a POST retried after a 429', () => {
  it('sends each notification once', async () => {
    const sandbox = await startSandbox({ app: { rateLimit: 1, notificationFailureRate: 0 } });
    try {
      const pass = WalletPassSchema.parse(
        await (await sandbox.api('POST', '/v1/wallet-pass', { key: KEY_A, json: passBody() })).json(),
      );
      let limited = 0;
      const names = Array.from({ length: 4 }, (_, i) => `Retry ${i} ${Math.random()}`);
      for (const name of names) {
        // The retry a client makes: the same body again, only after a 429 (the API did nothing).
        for (;;) {
          const response = await sandbox.api('POST', PATH, {
            key: KEY_A,
            json: { passSerialNumber: pass.id, notificationName: name, notificationMessage: 'once', status: 'Draft' },
          });
          if (response.status !== 429) {
            expect(response.status).toBe(201);
            break;
          }
          limited += 1;
          await new Promise((r) => setTimeout(r, Number(response.headers.get('retry-after') ?? 1) * 1000));
        }
      }
      expect(limited).toBeGreaterThan(0);
      const all: string[] = [];
      for (;;) {
        const response = await sandbox.api('GET', `${PATH}?passSerialNumber=${pass.id}`, { key: KEY_A });
        if (response.status === 429) {
          await new Promise((r) => setTimeout(r, 1000));
          continue;
        }
        all.push(...NotificationPageSchema.parse(await response.json()).items.map((n) => n.notificationName ?? ''));
        break;
      }
      expect(all.sort()).toEqual([...names].sort());
    } finally {
      await sandbox.stop();
    }
  });
});
