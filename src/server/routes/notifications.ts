/**
 * `/v1/wallet-pass/notifications` (passport-api.md §4 N1–N6) and, with a controllable clock only,
 * `/studio/test/clock`. Every notification request first moves due sends along, so what it
 * answers is never behind the clock.
 */
import { Hono } from 'hono';
import type { Notification } from '../../contract/notifications';
import {
  CreateNotificationRequestSchema,
  GetNotificationQuerySchema,
  ListNotificationsQuerySchema,
  NotificationStatsQuerySchema,
  UpdateNotificationRequestSchema,
} from '../../contract/notifications';
import { splitListParam } from '../../contract/queries';
import type { AppEnv } from '../app-env';
import type { ControllableClock } from '../clock';
import { invalidInput, notFound } from '../errors';
import { parseWith, pathId, readJsonObject } from '../http';
import { encodeCursor } from '../store/cursor';
import type { NotificationRecord, NotificationStore } from '../store/notifications-store';
import { DEFAULT_PAGE_LIMIT, parseCursor } from './passes';

export function notificationView(record: NotificationRecord): Notification {
  const total = record.appleSent + record.googleSent;
  return {
    id: record.id,
    createdTime: record.createdTime,
    updatedTime: record.updatedTime,
    createdBy: record.createdBy,
    updatedBy: record.updatedBy,
    workspaceId: record.workspaceId,
    accountId: record.accountId,
    ...record.doc,
    passSerialNumber: record.passId,
    notificationName: record.name,
    notificationMessage: record.message,
    status: record.status,
    scheduledTime: record.scheduledTime,
    // The examples' name; the schema's `publishedTime` carries the same value.
    sentTime: record.sentTime,
    publishedTime: record.sentTime,
    appleNotificationSentCount: record.appleSent,
    googleNotificationSentCount: record.googleSent,
    totalNotificationSentCount: total,
  };
}

export function notificationRoutes(notifications: NotificationStore): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.use(async (_c, next) => {
    notifications.catchUp();
    await next();
  });

  app.get('/', (c) => {
    const all = c.req.queries();
    const query = parseWith(ListNotificationsQuerySchema, {
      query: all.query?.[0],
      passSerialNumber: splitListParam(all.passSerialNumber),
      status: splitListParam(all.status),
      ids: splitListParam(all.ids),
      cursor: all.cursor?.[0],
      limit: all.limit?.[0],
    });
    const limit = query.limit === undefined ? DEFAULT_PAGE_LIMIT : Number(query.limit);
    const page = notifications.list(
      c.get('auth').workspaceId,
      {
        query: query.query,
        passIds: query.passSerialNumber,
        statuses: query.status,
        ids: query.ids,
        after: parseCursor(query.cursor),
      },
      limit,
    );
    const last = page.items.at(-1);
    return c.json({
      items: page.items.map(notificationView),
      cursor: last ? encodeCursor({ createdTime: last.createdTime, id: last.id }) : null,
      hasMore: page.hasMore,
    });
  });

  app.post('/', async (c) => {
    const body = parseWith(CreateNotificationRequestSchema, await readJsonObject(c));
    const { workspaceId, key } = c.get('auth');
    return c.json(notificationView(notifications.create(workspaceId, body, key.userId)), 201);
  });

  app.get('/:id/stats', (c) => {
    const id = pathId(c, 'id');
    const query = parseWith(NotificationStatsQuerySchema, {
      cursor: c.req.query('cursor'),
      limit: c.req.query('limit'),
    });
    const record = notifications.get(c.get('auth').workspaceId, id);
    if (!record) throw notFound({ id });
    return c.json(
      notifications.stats(
        record,
        Number(query.cursor ?? 0),
        query.limit === undefined ? undefined : Number(query.limit),
      ),
    );
  });

  app.get('/:id', (c) => {
    const id = pathId(c, 'id');
    const query = parseWith(GetNotificationQuerySchema, {
      includeStats: c.req.query('includeStats'),
      notificationStatsCursor: c.req.query('notificationStatsCursor'),
      notificationStatsLimit: c.req.query('notificationStatsLimit'),
    });
    const record = notifications.get(c.get('auth').workspaceId, id);
    if (!record) throw notFound({ id });
    const view = notificationView(record);
    if (query.includeStats === 'true') {
      view.notificationStats = notifications.stats(
        record,
        Number(query.notificationStatsCursor ?? 0),
        Number(query.notificationStatsLimit ?? 20),
      );
    }
    return c.json(view);
  });

  app.patch('/:id', async (c) => {
    const id = pathId(c, 'id');
    const body = parseWith(UpdateNotificationRequestSchema, await readJsonObject(c));
    const { workspaceId, key } = c.get('auth');
    return c.json(notificationView(notifications.update(workspaceId, id, body, key.userId)));
  });

  app.delete('/:id', (c) => {
    const id = pathId(c, 'id');
    notifications.delete(c.get('auth').workspaceId, id);
    return c.body(null, 204);
  });

  return app;
}

/**
 * `GET/POST /studio/test/clock`: reads or moves the sandbox's clock forward. Mounted only when
 * the server runs with `SANDBOX_CLOCK=controllable`; otherwise these paths do not exist.
 */
export function testClockRoutes(clock: ControllableClock, notifications: NotificationStore): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const answer = () => ({ now: new Date(clock.now()).toISOString(), offsetMs: clock.offsetMs });
  app.get('/clock', (c) => c.json(answer()));
  app.post('/clock', async (c) => {
    const body = await readJsonObject(c);
    if (typeof body.advanceMs === 'number' && Number.isFinite(body.advanceMs) && body.advanceMs >= 0) {
      clock.advance(body.advanceMs);
    } else if (typeof body.now === 'string' && !Number.isNaN(Date.parse(body.now))) {
      clock.set(Date.parse(body.now));
    } else {
      throw invalidInput({ body: 'Send { "advanceMs": <milliseconds ≥ 0> } or { "now": "<ISO date-time>" }' });
    }
    notifications.catchUp();
    return c.json(answer());
  });
  return app;
}
