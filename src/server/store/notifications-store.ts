/**
 * Push notifications in the sandbox database (its own table, created here, in the same file and
 * on the same connection as the passes, so a deleted pass takes its notifications with it).
 *
 * Lifecycle: Draft (stored) · Scheduled (due at its 15-minute slot) · Processing (due
 * `PROCESSING_MS` after it started) · then Published or a failure status, with `sentTime` and the
 * Apple/Google counts taken from the pass's active holders at that moment. `catchUp` moves every
 * due notification along in one transaction; it runs before each notification request and on a
 * timer, so scheduled sends go out after a restart without anyone asking.
 */
import type { Statement } from 'better-sqlite3';
import type {
  CreateNotificationRequest,
  NotificationStats,
  UpdateNotificationRequest,
} from '../../contract/notifications';
import {
  GOOGLE_BUDGET_WINDOW_MS,
  GOOGLE_PUSHES_PER_DAY,
  isEditableNotification,
  scheduleSlot,
} from '../../contract/notifications';
import { ERROR_CODES, READ_ONLY_ENTITY_KEYS } from '../../contract/schemas';
import type { Clock } from '../clock';
import { ApiError, invalidInput, notFound } from '../errors';
import { newId } from '../ids';
import { DEFAULT_FAILURE_RATE, PROCESSING_MS, drawOutcome, linksOf, statsAt } from '../notification-delivery';
import type { SortKey } from './cursor';
import { likeContains } from './cursor';
import type { JsonObject } from './documents';
import { NOTIFICATIONS_SQL } from './notifications-schema';
import type { Page, SandboxStore } from './sandbox-store';

export interface NotificationRecord {
  id: string;
  workspaceId: string;
  accountId: string;
  passId: string;
  name: string;
  message: string;
  status: string;
  scheduledTime: string | null;
  sentTime: string | null;
  appleSent: number;
  googleSent: number;
  seed: number;
  /** Keys a client sent that the API does not define; returned as they came. */
  doc: JsonObject;
  createdTime: string;
  updatedTime: string;
  createdBy: string;
  updatedBy: string;
}

interface Row {
  id: string;
  workspace_id: string;
  account_id: string;
  pass_id: string;
  name: string;
  message: string;
  status: string;
  scheduled_time: string | null;
  due_ms: number | null;
  sent_time: string | null;
  apple_sent: number;
  google_sent: number;
  seed: number;
  doc: string;
  created_time: string;
  updated_time: string;
  created_by: string;
  updated_by: string;
}

export interface NotificationFilter {
  query?: string | undefined;
  passIds?: string[] | undefined;
  statuses?: string[] | undefined;
  ids?: string[] | undefined;
  after?: SortKey | undefined;
}

/** A send that went out (Published or one platform failed): what the count history marks. */
export type SentNotification = Record<'id' | 'passId' | 'workspaceId' | 'name' | 'status', string> & { sentMs: number };

export interface NotificationStoreOptions {
  clock: Clock;
  /** Share of sends that end in a failure status (0–1). */
  failureRate?: number;
}

/** Keys with columns of their own, or set by the server: never part of `doc`. */
const NOT_IN_DOC = new Set<string>([
  ...READ_ONLY_ENTITY_KEYS,
  'accountId',
  'passSerialNumber',
  'notificationName',
  'notificationMessage',
  'status',
  'scheduledTime',
  'publishedTime',
  'sentTime',
  'appleNotificationSentCount',
  'googleNotificationSentCount',
  'totalNotificationSentCount',
  'notificationStats',
]);

function docOf(body: JsonObject): JsonObject {
  return Object.fromEntries(Object.entries(body).filter(([k, v]) => v !== undefined && !NOT_IN_DOC.has(k)));
}

function toRecord(row: Row): NotificationRecord {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    accountId: row.account_id,
    passId: row.pass_id,
    name: row.name,
    message: row.message,
    status: row.status,
    scheduledTime: row.scheduled_time,
    sentTime: row.sent_time,
    appleSent: row.apple_sent,
    googleSent: row.google_sent,
    seed: row.seed,
    doc: JSON.parse(row.doc) as JsonObject,
    createdTime: row.created_time,
    updatedTime: row.updated_time,
    createdBy: row.created_by,
    updatedBy: row.updated_by,
  };
}

const invalidOperation = (record: NotificationRecord, verb: string) =>
  new ApiError(400, ERROR_CODES.invalidOperation, `Cannot ${verb} notification with status '${record.status}'`, {
    id: record.id,
    status: record.status,
  });

export class NotificationStore {
  readonly #passes: SandboxStore;
  readonly #clock: Clock;
  readonly #failureRate: number;
  /** Sends whose slot passed while the server was down go out when it is back, not in the past. */
  readonly #startedAt: number;
  readonly #dynamic = new Map<string, Statement>();
  readonly #sentListeners = new Set<(sent: SentNotification) => void>();

  constructor(passes: SandboxStore, options: NotificationStoreOptions) {
    this.#passes = passes;
    this.#clock = options.clock;
    this.#failureRate = options.failureRate ?? DEFAULT_FAILURE_RATE;
    this.#startedAt = options.clock.now();
    passes.database.exec(NOTIFICATIONS_SQL);
  }

  get isOpen(): boolean {
    return this.#passes.isOpen;
  }

  get clock(): Clock {
    return this.#clock;
  }

  /** Calls `listener` for every send that went out, after its transaction; returns the unsubscribe. */
  onSent(listener: (sent: SentNotification) => void): () => void {
    this.#sentListeners.add(listener);
    return () => this.#sentListeners.delete(listener);
  }

  #now(): { ms: number; iso: string } {
    const ms = this.#clock.now();
    return { ms, iso: new Date(ms).toISOString() };
  }

  #statement<R>(sql: string): Statement<unknown[], R> {
    let statement = this.#dynamic.get(sql);
    if (!statement) {
      statement = this.#passes.database.prepare(sql);
      this.#dynamic.set(sql, statement);
    }
    return statement as Statement<unknown[], R>;
  }

  get(workspaceId: string, id: string): NotificationRecord | undefined {
    const row = this.#statement<Row>('SELECT * FROM notifications WHERE id = ? AND workspace_id = ?').get(
      id,
      workspaceId,
    );
    return row ? toRecord(row) : undefined;
  }

  list(workspaceId: string, filter: NotificationFilter, limit: number): Page<NotificationRecord> {
    const where = ['workspace_id = ?'];
    const params: unknown[] = [workspaceId];
    if (filter.query) {
      where.push(`name_lower LIKE ? ESCAPE '\\'`);
      params.push(likeContains(filter.query.toLowerCase()));
    }
    for (const [column, values] of [
      ['pass_id', filter.passIds],
      ['status', filter.statuses],
      ['id', filter.ids],
    ] as const) {
      if (values === undefined) continue;
      where.push(`${column} IN (SELECT value FROM json_each(?))`);
      params.push(JSON.stringify(values));
    }
    if (filter.after) {
      where.push('(created_time, id) < (?, ?)');
      params.push(filter.after.createdTime, filter.after.id);
    }
    params.push(limit + 1);
    const rows = this.#statement<Row>(
      `SELECT * FROM notifications WHERE ${where.join(' AND ')} ORDER BY created_time DESC, id DESC LIMIT ?`,
    ).all(...params);
    return { items: rows.slice(0, limit).map(toRecord), hasMore: rows.length > limit };
  }

  create(workspaceId: string, body: CreateNotificationRequest, actorId: string): NotificationRecord {
    const pass = this.#passes.getPass(workspaceId, body.passSerialNumber);
    // Another workspace's pass is as unknown here as one that never existed.
    if (!pass) throw notFound({ passSerialNumber: body.passSerialNumber }, 'Pass not found.');
    const now = this.#now();
    // Omitted status sends at once (passport-api.md §4).
    const status = body.status ?? 'Processing';
    const dueMs = this.#dueOf(status, body.scheduledTime ?? null, now.ms);
    const id = newId();
    this.#statement(
      `INSERT INTO notifications (id, workspace_id, account_id, pass_id, name, name_lower, message, status,
         scheduled_time, due_ms, seed, doc, created_time, updated_time, created_by, updated_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      id,
      workspaceId,
      pass.accountId,
      pass.id,
      body.notificationName,
      body.notificationName.toLowerCase(),
      body.notificationMessage,
      status,
      body.scheduledTime ?? null,
      dueMs,
      Math.floor(Math.random() * 2 ** 31),
      JSON.stringify(docOf(body)),
      now.iso,
      now.iso,
      actorId,
      actorId,
    );
    return this.#mustGet(workspaceId, id);
  }

  update(workspaceId: string, id: string, body: UpdateNotificationRequest, actorId: string): NotificationRecord {
    return this.#passes.database.transaction(() => {
      const existing = this.#mustGet(workspaceId, id);
      if (!isEditableNotification(existing.status)) throw invalidOperation(existing, 'update');
      if (body.passSerialNumber !== undefined && body.passSerialNumber !== existing.passId) {
        throw invalidInput({
          passSerialNumber: 'A notification cannot move to another pass: create a new one for that pass',
        });
      }
      const now = this.#now();
      const status = body.status ?? existing.status;
      const scheduledTime = body.scheduledTime === undefined ? existing.scheduledTime : body.scheduledTime;
      const dueMs = this.#dueOf(status, scheduledTime, now.ms);
      const name = body.notificationName ?? existing.name;
      this.#statement(
        `UPDATE notifications SET name = ?, name_lower = ?, message = ?, status = ?, scheduled_time = ?, due_ms = ?,
           doc = ?, updated_time = ?, updated_by = ? WHERE id = ?`,
      ).run(
        name,
        name.toLowerCase(),
        body.notificationMessage ?? existing.message,
        status,
        scheduledTime,
        dueMs,
        JSON.stringify({ ...existing.doc, ...docOf(body) }),
        now.iso,
        actorId,
        id,
      );
      return this.#mustGet(workspaceId, id);
    })();
  }

  delete(workspaceId: string, id: string): void {
    this.#passes.database.transaction(() => {
      const existing = this.#mustGet(workspaceId, id);
      if (!isEditableNotification(existing.status)) throw invalidOperation(existing, 'delete');
      this.#statement('DELETE FROM notifications WHERE id = ?').run(id);
    })();
  }

  /** When a notification in `status` falls due; throws for a scheduled time not in the future. */
  #dueOf(status: string, scheduledTime: string | null, nowMs: number): number | null {
    if (status === 'Processing') return nowMs;
    if (status !== 'Scheduled') return null;
    const at = scheduledTime === null ? Number.NaN : Date.parse(scheduledTime);
    if (Number.isNaN(at)) throw invalidInput({ scheduledTime: 'A scheduled notification needs a scheduled time' });
    if (at <= nowMs) throw invalidInput({ scheduledTime: 'The scheduled time must be in the future' });
    return scheduleSlot(at);
  }

  #mustGet(workspaceId: string, id: string): NotificationRecord {
    const record = this.get(workspaceId, id);
    if (!record) throw notFound({ id });
    return record;
  }

  /**
   * Moves every due notification along: Scheduled whose slot passed → Processing; Processing
   * that has run `PROCESSING_MS` → its outcome. Returns how many moved.
   */
  catchUp(): number {
    if (!this.isOpen) return 0;
    const nowMs = this.#clock.now();
    const sent: SentNotification[] = [];
    const moved = this.#passes.database.transaction(() => {
      let moved = 0;
      const due = this.#statement<Row>(
        `SELECT * FROM notifications WHERE status = 'Scheduled' AND due_ms <= ? ORDER BY due_ms`,
      ).all(nowMs);
      for (const row of due) {
        const started = Math.max(row.due_ms ?? nowMs, this.#startedAt);
        this.#statement(
          `UPDATE notifications SET status = 'Processing', due_ms = ?, updated_time = ? WHERE id = ?`,
        ).run(started, new Date(started).toISOString(), row.id);
        moved += 1;
      }
      const finishing = this.#statement<Row>(
        `SELECT * FROM notifications WHERE status = 'Processing' AND due_ms <= ? ORDER BY due_ms`,
      ).all(nowMs - PROCESSING_MS);
      for (const row of finishing) {
        const sentMs = (row.due_ms ?? nowMs) + PROCESSING_MS;
        const status = this.#finish(toRecord(row), sentMs);
        if (status !== 'Failed')
          sent.push({ id: row.id, passId: row.pass_id, workspaceId: row.workspace_id, name: row.name, status, sentMs });
        moved += 1;
      }
      return moved;
    })();
    // After the commit: the send is done and stored whatever a listener does (they catch their own).
    for (const notification of sent) for (const listener of this.#sentListeners) listener(notification);
    return moved;
  }

  /** The send itself: holders counted now, the outcome drawn, Google's daily budget applied. */
  #finish(record: NotificationRecord, sentMs: number): string {
    const pass = this.#passes.getPass(record.workspaceId, record.passId);
    let outcome: string = drawOutcome(record.seed, this.#failureRate);
    const appleHolders = pass?.counts.appleActive ?? 0;
    const googleHolders = pass?.counts.googleActive ?? 0;
    let apple = outcome === 'Failed' || outcome === 'AppleFailedGoogleSuccess' ? 0 : appleHolders;
    let google = outcome === 'Failed' || outcome === 'AppleSuccessGoogleFailed' ? 0 : googleHolders;
    if (google > 0) {
      const earlier = this.#statement<{ n: number }>(
        `SELECT COUNT(*) AS n FROM notifications WHERE pass_id = ? AND google_sent > 0 AND sent_time > ? AND sent_time <= ?`,
      ).get(record.passId, new Date(sentMs - GOOGLE_BUDGET_WINDOW_MS).toISOString(), new Date(sentMs).toISOString());
      // Over Google's budget the push is refused; holders still see the message on the pass.
      if ((earlier?.n ?? 0) >= GOOGLE_PUSHES_PER_DAY) {
        google = 0;
        outcome = outcome === 'AppleFailedGoogleSuccess' ? 'Failed' : 'AppleSuccessGoogleFailed';
        if (outcome === 'Failed') apple = 0;
      }
    }
    const sentIso = new Date(sentMs).toISOString();
    this.#statement(
      `UPDATE notifications SET status = ?, due_ms = NULL, sent_time = ?, apple_sent = ?, google_sent = ?,
         updated_time = ? WHERE id = ?`,
    ).run(outcome, outcome === 'Failed' ? null : sentIso, apple, google, sentIso, record.id);
    return outcome;
  }

  /** N6: the stats as of now (see `statsAt`), the link list paged by `offset`/`limit`. */
  stats(record: NotificationRecord, offset = 0, limit?: number): NotificationStats {
    const pass = this.#passes.getPass(record.workspaceId, record.passId);
    const links = linksOf(pass?.doc);
    const stats = statsAt(
      {
        id: record.id,
        seed: record.seed,
        sentAt: record.sentTime ? Date.parse(record.sentTime) : null,
        appleSent: record.appleSent,
        googleSent: record.googleSent,
        links,
      },
      this.#clock.now(),
    );
    if (Array.isArray(stats.linkStats))
      stats.linkStats = stats.linkStats.slice(offset, limit === undefined ? undefined : offset + limit);
    return stats;
  }
}
