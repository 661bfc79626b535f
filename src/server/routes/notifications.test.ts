/**
 * `/v1/wallet-pass/notifications` over real HTTP: create, read, search and page, update, delete,
 * validation with per-field context, the operations refused after a send, auth and workspace
 * isolation, and the test-only clock endpoint.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NotificationPageSchema, NotificationSchema } from '../../contract/notifications';
import type { Notification } from '../../contract/notifications';
import { ApiErrorBodySchema, WalletPassSchema } from '../../contract/schemas';
import type { WalletPass } from '../../contract/schemas';
import { ControllableClock } from '../clock';
import { KEY_A, KEY_B, WS_A, WS_B, passBody, startSandbox } from '../server.test-utils';
import type { TestSandbox } from '../server.test-utils';

const PATH = '/v1/wallet-pass/notifications';
const clock = new ControllableClock({ frozen: true });
let sandbox: TestSandbox;
let passA: WalletPass;
let passB: WalletPass;

beforeAll(async () => {
  sandbox = await startSandbox({ app: { clock, notificationFailureRate: 0 } });
  passA = WalletPassSchema.parse(
    await (await sandbox.api('POST', '/v1/wallet-pass', { key: KEY_A, json: passBody() })).json(),
  );
  passB = WalletPassSchema.parse(
    await (await sandbox.api('POST', '/v1/wallet-pass', { key: KEY_B, json: passBody() })).json(),
  );
});
afterAll(() => sandbox.stop());

const inAMinute = () => new Date(clock.now() + 60_000).toISOString();

async function create(body: Record<string, unknown>, key = KEY_A): Promise<Notification> {
  const response = await sandbox.api('POST', PATH, { key, json: { passSerialNumber: passA.id, ...body } });
  expect(response.status).toBe(201);
  return NotificationSchema.parse(await response.json());
}

async function errorOf(response: Response) {
  return ApiErrorBodySchema.parse(await response.json());
}

describe('create (N2) and read (N3)', () => {
  it('stores a Draft with everything it was given, unknown keys included', async () => {
    const draft = await create({
      notificationName: 'Spring promo',
      notificationMessage: 'Double points all weekend',
      status: 'Draft',
      campaignTag: 'spring',
    });
    expect(draft).toMatchObject({
      passSerialNumber: passA.id,
      notificationName: 'Spring promo',
      notificationMessage: 'Double points all weekend',
      status: 'Draft',
      workspaceId: WS_A,
      sentTime: null,
      totalNotificationSentCount: 0,
      campaignTag: 'spring',
    });
    const read = await sandbox.api('GET', `${PATH}/${draft.id}`, { key: KEY_A });
    expect(read.status).toBe(200);
    expect(NotificationSchema.parse(await read.json())).toEqual(draft);
  });

  it('sends at once when status is omitted', async () => {
    const sent = await create({ notificationName: 'Now', notificationMessage: 'Open today till 9' });
    expect(sent.status).toBe('Processing');
  });

  it('keeps the scheduled time and goes out in the slot after it', async () => {
    const scheduledTime = inAMinute();
    const scheduled = await create({
      notificationName: 'Later',
      notificationMessage: 'Hi',
      status: 'Scheduled',
      scheduledTime,
    });
    expect(scheduled).toMatchObject({ status: 'Scheduled', scheduledTime });
  });

  it('refuses bad bodies with one context entry per field', async () => {
    const cases: [Record<string, unknown>, Record<string, string>][] = [
      [{ notificationName: 'x', notificationMessage: '' }, { notificationMessage: 'must not be empty' }],
      [{ notificationName: 'x', notificationMessage: '   ' }, { notificationMessage: 'must not be empty' }],
      [{ notificationMessage: 'x' }, { notificationName: 'The name is required' }],
      [
        { notificationName: 'x', notificationMessage: 'x', status: 'Published' },
        { status: 'Status is Draft, Processing (send now) or Scheduled' },
      ],
      [
        { notificationName: 'x', notificationMessage: 'x', status: 'Scheduled' },
        { scheduledTime: 'A scheduled notification needs a scheduled time' },
      ],
      [
        { notificationName: 'x', notificationMessage: 'x', status: 'Scheduled', scheduledTime: 'tomorrow' },
        { scheduledTime: 'Use an ISO 8601 date-time with a time zone, such as 2026-06-09T09:45:00.000Z' },
      ],
      [
        {
          notificationName: 'x',
          notificationMessage: 'x',
          status: 'Scheduled',
          scheduledTime: new Date(clock.now() - 60_000).toISOString(),
        },
        { scheduledTime: 'The scheduled time must be in the future' },
      ],
    ];
    for (const [body, context] of cases) {
      const response = await sandbox.api('POST', PATH, { key: KEY_A, json: { passSerialNumber: passA.id, ...body } });
      expect(response.status, JSON.stringify(body)).toBe(400);
      const error = await errorOf(response);
      expect(error.errorCode).toBe('INVALID_INPUT');
      expect(error.context).toEqual(context);
    }
    const noPass = await sandbox.api('POST', PATH, {
      key: KEY_A,
      json: { notificationName: 'x', notificationMessage: 'x' },
    });
    expect((await errorOf(noPass)).context).toEqual({ passSerialNumber: 'The pass is required' });
  });

  it('answers 404 for an unknown pass, and for a pass of another workspace', async () => {
    for (const passSerialNumber of ['no-such-pass', passB.id]) {
      const response = await sandbox.api('POST', PATH, {
        key: KEY_A,
        json: { passSerialNumber, notificationName: 'x', notificationMessage: 'x' },
      });
      expect(response.status).toBe(404);
      expect((await errorOf(response)).context).toEqual({ passSerialNumber });
    }
  });
});

describe('search (N1)', () => {
  let ids: string[];
  beforeAll(async () => {
    const names = ['Search alpha one', 'Search ALPHA two', 'Search beta', 'Search alpha three'];
    ids = [];
    for (const name of names)
      ids.push((await create({ notificationName: name, notificationMessage: 'm', status: 'Draft' })).id ?? '');
  });

  const list = async (query: string, key = KEY_A) => {
    const response = await sandbox.api('GET', `${PATH}${query}`, { key });
    expect(response.status).toBe(200);
    return NotificationPageSchema.parse(await response.json());
  };

  it('finds by name case-insensitively, newest first', async () => {
    const page = await list('?query=search%20alpha');
    expect(page.items.map((n) => n.notificationName)).toEqual([
      'Search alpha three',
      'Search ALPHA two',
      'Search alpha one',
    ]);
  });

  it('filters by ids, pass and status lists (comma-joined or repeated)', async () => {
    expect((await list(`?ids=${ids[0]},${ids[2]}`)).items.map((n) => n.id).sort()).toEqual([ids[0], ids[2]].sort());
    const drafts = await list(`?passSerialNumber=${passA.id}&status=Draft&query=Search`);
    expect(drafts.items).toHaveLength(4);
    const mixed = await list(`?status=Scheduled&status=Processing&query=Search`);
    expect(mixed.items).toHaveLength(0);
    expect((await list(`?passSerialNumber=${passB.id}`)).items).toHaveLength(0);
  });

  it('pages with the cursor until hasMore is false, without repeats', async () => {
    const seen: string[] = [];
    let cursor: string | null | undefined;
    for (let i = 0; i < 10; i++) {
      const page = await list(`?query=Search&limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.items.map((n) => n.id ?? ''));
      cursor = page.cursor;
      if (!page.hasMore) break;
    }
    expect(seen).toHaveLength(4);
    expect(new Set(seen).size).toBe(4);
  });

  it('refuses a bad limit, status or cursor', async () => {
    for (const [query, field] of [
      ['?limit=0', 'limit'],
      ['?limit=21', 'limit'],
      ['?status=Sent', 'status.0'],
      ['?cursor=not-ours', 'cursor'],
    ] as const) {
      const response = await sandbox.api('GET', `${PATH}${query}`, { key: KEY_A });
      expect(response.status, query).toBe(400);
      expect(Object.keys((await errorOf(response)).context ?? {})).toEqual([field]);
    }
  });
});

describe('update (N4) and delete (N5)', () => {
  it('edits a Draft, schedules it, reschedules it, then sends it now', async () => {
    const draft = await create({ notificationName: 'Edit me', notificationMessage: 'v1', status: 'Draft' });
    const patch = async (json: Record<string, unknown>) => {
      const response = await sandbox.api('PATCH', `${PATH}/${draft.id}`, { key: KEY_A, json });
      expect(response.status, JSON.stringify(json)).toBe(200);
      return NotificationSchema.parse(await response.json());
    };
    expect(await patch({ notificationMessage: 'v2' })).toMatchObject({ notificationMessage: 'v2', status: 'Draft' });
    const at = inAMinute();
    expect(await patch({ status: 'Scheduled', scheduledTime: at })).toMatchObject({
      status: 'Scheduled',
      scheduledTime: at,
    });
    const later = new Date(clock.now() + 3600_000).toISOString();
    expect(await patch({ scheduledTime: later, notificationName: 'Edited' })).toMatchObject({
      status: 'Scheduled',
      scheduledTime: later,
      notificationName: 'Edited',
    });
    expect(await patch({ status: 'Processing' })).toMatchObject({ status: 'Processing' });
  });

  it('refuses to move a notification to another pass, or to schedule it in the past', async () => {
    const draft = await create({ notificationName: 'Stay', notificationMessage: 'm', status: 'Draft' });
    const moved = await sandbox.api('PATCH', `${PATH}/${draft.id}`, {
      key: KEY_A,
      json: { passSerialNumber: 'other' },
    });
    expect(moved.status).toBe(400);
    expect(Object.keys((await errorOf(moved)).context ?? {})).toEqual(['passSerialNumber']);
    const past = await sandbox.api('PATCH', `${PATH}/${draft.id}`, {
      key: KEY_A,
      json: { status: 'Scheduled', scheduledTime: new Date(clock.now() - 1000).toISOString() },
    });
    expect((await errorOf(past)).context).toEqual({ scheduledTime: 'The scheduled time must be in the future' });
  });

  it('deletes a Draft and a Scheduled one', async () => {
    for (const body of [{ status: 'Draft' }, { status: 'Scheduled', scheduledTime: inAMinute() }]) {
      const n = await create({ notificationName: 'Delete me', notificationMessage: 'm', ...body });
      expect((await sandbox.api('DELETE', `${PATH}/${n.id}`, { key: KEY_A })).status).toBe(204);
      expect((await sandbox.api('GET', `${PATH}/${n.id}`, { key: KEY_A })).status).toBe(404);
      expect((await sandbox.api('DELETE', `${PATH}/${n.id}`, { key: KEY_A })).status).toBe(404);
    }
  });

  it('refuses to update or delete once sending started or finished (INVALID_OPERATION with id and status)', async () => {
    const n = await create({ notificationName: 'Gone out', notificationMessage: 'm' });
    for (const expected of ['Processing', 'Published']) {
      if (expected === 'Published') clock.advance(5000);
      const patch = await sandbox.api('PATCH', `${PATH}/${n.id}`, {
        key: KEY_A,
        json: { notificationMessage: 'late' },
      });
      expect(patch.status).toBe(400);
      const patchError = await errorOf(patch);
      expect(patchError).toMatchObject({
        errorCode: 'INVALID_OPERATION',
        errorMessage: `Cannot update notification with status '${expected}'`,
        context: { id: n.id, status: expected },
      });
      const del = await sandbox.api('DELETE', `${PATH}/${n.id}`, { key: KEY_A });
      expect(await errorOf(del)).toMatchObject({
        errorCode: 'INVALID_OPERATION',
        errorMessage: `Cannot delete notification with status '${expected}'`,
        context: { id: n.id, status: expected },
      });
    }
  });

  it("goes with its pass: a deleted pass's notifications are gone", async () => {
    const pass = WalletPassSchema.parse(
      await (await sandbox.api('POST', '/v1/wallet-pass', { key: KEY_A, json: passBody() })).json(),
    );
    const response = await sandbox.api('POST', PATH, {
      key: KEY_A,
      json: { passSerialNumber: pass.id, notificationName: 'Orphan', notificationMessage: 'm', status: 'Draft' },
    });
    const n = NotificationSchema.parse(await response.json());
    expect((await sandbox.api('DELETE', `/v1/wallet-pass/${pass.id}`, { key: KEY_A })).status).toBe(204);
    expect((await sandbox.api('GET', `${PATH}/${n.id}`, { key: KEY_A })).status).toBe(404);
  });
});

describe('auth and workspace isolation', () => {
  let secret: Notification;
  beforeAll(async () => {
    const response = await sandbox.api('POST', PATH, {
      key: KEY_B,
      json: {
        passSerialNumber: passB.id,
        notificationName: 'Beta secret 4k2',
        notificationMessage: 'm',
        status: 'Draft',
      },
    });
    secret = NotificationSchema.parse(await response.json());
    expect(secret.workspaceId).toBe(WS_B);
  });

  it('never shows, changes or deletes another workspace’s notification', async () => {
    for (const [method, path, json] of [
      ['GET', `${PATH}/${secret.id}`, undefined],
      ['GET', `${PATH}/${secret.id}/stats`, undefined],
      ['PATCH', `${PATH}/${secret.id}`, { notificationMessage: 'hijacked' }],
      ['DELETE', `${PATH}/${secret.id}`, undefined],
    ] as const) {
      const response = await sandbox.api(method, path, { key: KEY_A, ...(json ? { json } : {}) });
      expect(response.status, `${method} ${path}`).toBe(404);
      expect(await response.text()).not.toContain('Beta secret');
    }
    const search = NotificationPageSchema.parse(
      await (await sandbox.api('GET', `${PATH}?ids=${secret.id}&query=Beta`, { key: KEY_A })).json(),
    );
    expect(search.items).toEqual([]);
    const still = NotificationSchema.parse(
      await (await sandbox.api('GET', `${PATH}/${secret.id}`, { key: KEY_B })).json(),
    );
    expect(still).toEqual(secret);
  });

  it('answers 401 without a key, 403 for a bad key and for a workspace the key lacks', async () => {
    expect((await sandbox.api('GET', PATH, { key: null })).status).toBe(401);
    expect((await sandbox.api('GET', PATH, { key: 'ub_test_nope' })).status).toBe(403);
    expect((await sandbox.api('GET', PATH, { key: KEY_A, workspace: WS_B })).status).toBe(403);
    expect((await sandbox.api('POST', PATH, { key: null, json: {} })).status).toBe(401);
  });

  it('is not mistaken for a pass id by /v1/wallet-pass/{id}', async () => {
    const response = await sandbox.api('GET', PATH, { key: KEY_A });
    expect(NotificationPageSchema.safeParse(await response.json()).success).toBe(true);
  });
});

describe('the test clock', () => {
  it('does not exist unless the clock is controllable', async () => {
    const plain = await startSandbox();
    try {
      expect((await fetch(`${plain.url}/studio/test/clock`, { method: 'POST', body: '{"advanceMs":1}' })).status).toBe(
        404,
      );
    } finally {
      await plain.stop();
    }
  });

  it('moves forward, never back, and refuses anything else', async () => {
    const before = clock.now();
    const post = (body: unknown) =>
      fetch(`${sandbox.url}/studio/test/clock`, { method: 'POST', body: JSON.stringify(body) });
    const moved = (await (await post({ advanceMs: 60_000 })).json()) as { now: string };
    expect(Date.parse(moved.now)).toBeGreaterThanOrEqual(before + 60_000);
    const back = (await (await post({ now: '2001-01-01T00:00:00Z' })).json()) as { now: string };
    expect(Date.parse(back.now)).toBeGreaterThanOrEqual(Date.parse(moved.now));
    expect((await post({ advanceMs: -5 })).status).toBe(400);
  });
});
