/**
 * Count history in the studio database: samples of each pass's counts (Apple and Google, issued
 * and active; totals are their sums, computed on read so they can never disagree), a running
 * workspace total kept alongside, and the events drawn as chart markers (published, unpublished,
 * notification sent).
 *
 * The workspace total is maintained on write (each new pass sample adds its difference from the
 * pass's previous one), so the workspace series is one indexed range read however many passes
 * the workspace has. Samples thin out as they age (`compact`): the last per minute after an hour,
 * per hour after a day, per day after 30 days, so a pass costs a bounded number of rows.
 */
import type Database from 'better-sqlite3';
import type { InstallEvent, InstallEventKind } from '../../contract/installs';
import { BulkHistoryWriter } from './install-history-bulk';
import type { StudioDb } from './studio-db';
import { registerStudioMigration } from './studio-db';

registerStudioMigration(
  'installs/001-samples',
  `
CREATE TABLE install_passes (
  pid           INTEGER PRIMARY KEY,
  pass_id       TEXT NOT NULL UNIQUE,
  workspace_id  TEXT NOT NULL,
  -- the latest sample, so a new one knows its difference and the list its current figure
  t             INTEGER NOT NULL,
  apple_issued  INTEGER NOT NULL,
  google_issued INTEGER NOT NULL,
  apple_active  INTEGER NOT NULL,
  google_active INTEGER NOT NULL,
  status        TEXT
);
-- An integer pass key keeps a row at about 30 bytes (a text id would double it).
CREATE TABLE install_samples (
  pid           INTEGER NOT NULL,
  t             INTEGER NOT NULL,
  apple_issued  INTEGER NOT NULL,
  google_issued INTEGER NOT NULL,
  apple_active  INTEGER NOT NULL,
  google_active INTEGER NOT NULL,
  PRIMARY KEY (pid, t)
) WITHOUT ROWID;
CREATE TABLE workspace_install_samples (
  workspace_id  TEXT NOT NULL,
  t             INTEGER NOT NULL,
  apple_issued  INTEGER NOT NULL,
  google_issued INTEGER NOT NULL,
  apple_active  INTEGER NOT NULL,
  google_active INTEGER NOT NULL,
  PRIMARY KEY (workspace_id, t)
) WITHOUT ROWID;
CREATE TABLE install_events (
  pass_id       TEXT NOT NULL,
  workspace_id  TEXT NOT NULL,
  t             INTEGER NOT NULL,
  kind          TEXT NOT NULL,
  label         TEXT,
  PRIMARY KEY (pass_id, t, kind)
) WITHOUT ROWID;
CREATE INDEX install_events_by_workspace ON install_events (workspace_id, t);
CREATE TABLE install_compaction (
  tier          TEXT PRIMARY KEY,
  done_until    INTEGER NOT NULL
);
`,
);

export interface Counts {
  appleIssued: number;
  googleIssued: number;
  appleActive: number;
  googleActive: number;
}

export interface SampleInput {
  passId: string;
  workspaceId: string;
  t: number;
  counts: Counts;
  /** The pass's status when seen; a change from the last one seen is recorded as an event. */
  status?: string | undefined;
}

export interface SeriesRow extends Counts {
  t: number;
}

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;

/** How samples thin out: older than `age`, only the last sample of each `bucket` is kept. */
export const COMPACTION_TIERS = [
  { name: 'minute', age: HOUR, bucket: MINUTE },
  { name: 'hour', age: DAY, bucket: HOUR },
  { name: 'day', age: 30 * DAY, bucket: DAY },
] as const;

interface PassRow {
  pid: number;
  workspace_id: string;
  t: number;
  apple_issued: number;
  google_issued: number;
  apple_active: number;
  google_active: number;
  status: string | null;
}

const COUNT_COLUMNS =
  'apple_issued AS appleIssued, google_issued AS googleIssued, apple_active AS appleActive, google_active AS googleActive';

export class InstallHistory {
  readonly #db: Database.Database;
  readonly #s;

  constructor(studio: StudioDb) {
    studio.migrate();
    const db = (this.#db = studio.db);
    this.#s = {
      pass: db.prepare<[string], PassRow>(
        'SELECT pid, workspace_id, t, apple_issued, google_issued, apple_active, google_active, status FROM install_passes WHERE pass_id = ?',
      ),
      insertPass: db.prepare(
        `INSERT INTO install_passes (pass_id, workspace_id, t, apple_issued, google_issued, apple_active, google_active, status)
         VALUES (@passId, @workspaceId, @t, @appleIssued, @googleIssued, @appleActive, @googleActive, @status)`,
      ),
      updatePass: db.prepare(
        `UPDATE install_passes SET t = @t, apple_issued = @appleIssued, google_issued = @googleIssued,
           apple_active = @appleActive, google_active = @googleActive, status = @status WHERE pid = @pid`,
      ),
      setStatus: db.prepare<[string | null, number]>('UPDATE install_passes SET status = ? WHERE pid = ?'),
      insertSample: db.prepare(
        `INSERT OR REPLACE INTO install_samples (pid, t, apple_issued, google_issued, apple_active, google_active)
         VALUES (@pid, @t, @appleIssued, @googleIssued, @appleActive, @googleActive)`,
      ),
      workspaceLatest: db.prepare<[string], SeriesRow>(
        `SELECT t, ${COUNT_COLUMNS} FROM workspace_install_samples WHERE workspace_id = ? ORDER BY t DESC LIMIT 1`,
      ),
      insertWorkspaceSample: db.prepare(
        `INSERT OR REPLACE INTO workspace_install_samples (workspace_id, t, apple_issued, google_issued, apple_active, google_active)
         VALUES (@workspaceId, @t, @appleIssued, @googleIssued, @appleActive, @googleActive)`,
      ),
      insertEvent: db.prepare(
        'INSERT OR IGNORE INTO install_events (pass_id, workspace_id, t, kind, label) VALUES (?, ?, ?, ?, ?)',
      ),
      // SQLite takes the bare columns of an aggregate query from the row that gave max(t):
      // one indexed range scan returns the last sample of every bucket.
      passSeries: db.prepare<[string, number, number, number], SeriesRow>(
        `SELECT max(s.t) AS t, s.apple_issued AS appleIssued, s.google_issued AS googleIssued,
           s.apple_active AS appleActive, s.google_active AS googleActive
         FROM install_samples s WHERE s.pid = (SELECT pid FROM install_passes WHERE pass_id = ?)
           AND s.t >= ? AND s.t <= ? GROUP BY s.t / CAST(? AS INTEGER) ORDER BY 1`,
      ),
      workspaceSeries: db.prepare<[string, number, number, number], SeriesRow>(
        `SELECT max(t) AS t, ${COUNT_COLUMNS} FROM workspace_install_samples
         WHERE workspace_id = ? AND t >= ? AND t <= ? GROUP BY t / CAST(? AS INTEGER) ORDER BY 1`,
      ),
      passEvents: db.prepare<[string, number, number], InstallEventRow>(
        'SELECT pass_id, t, kind, label FROM install_events WHERE pass_id = ? AND t >= ? AND t <= ? ORDER BY t',
      ),
      workspaceEvents: db.prepare<[string, string, number, number], InstallEventRow>(
        `SELECT pass_id, t, kind, label FROM install_events
         WHERE workspace_id = ? AND kind = ? AND t >= ? AND t <= ? ORDER BY t`,
      ),
      // The list's per-row figures: the last sample at or before `from` (else the first after it:
      // the baseline) and the last of each trend bucket after it, for a page of passes at once.
      changes: db.prepare<[number, number, string, string, number, string, string, number], ChangeRow>(
        `SELECT p.pass_id AS passId, b.t AS t, b.apple_issued + b.google_issued AS issued,
           b.apple_active + b.google_active AS active
         FROM install_passes p JOIN install_samples b ON b.pid = p.pid
           AND b.t = coalesce(
             (SELECT max(t) FROM install_samples WHERE pid = p.pid AND t <= ?),
             (SELECT min(t) FROM install_samples WHERE pid = p.pid AND t > ?))
         WHERE p.workspace_id = ? AND p.pass_id IN (SELECT value FROM json_each(?))
         UNION ALL
         SELECT p.pass_id, max(s.t), s.apple_issued + s.google_issued, s.apple_active + s.google_active
         FROM install_passes p JOIN install_samples s ON s.pid = p.pid AND s.t > ?
         WHERE p.workspace_id = ? AND p.pass_id IN (SELECT value FROM json_each(?)) GROUP BY p.pid, s.t / CAST(? AS INTEGER)
         ORDER BY 1, 2`,
      ),
      hasAny: db.prepare<[], { one: number }>('SELECT 1 AS one FROM install_passes LIMIT 1'),
    };
  }

  /** Runs `work` in one transaction (records inside it become savepoints): one fsync for many. */
  batch(work: () => void): void {
    this.#db.transaction(work)();
  }

  /** Writes a whole history into an empty one, inside `batch` (the demo seed). */
  bulkWriter(grid: readonly number[]): BulkHistoryWriter {
    return new BulkHistoryWriter(this.#db, grid);
  }

  /** True when nothing was ever recorded (a new studio.db): the sandbox seeds its demo history. */
  isEmpty(): boolean {
    return this.#s.hasAny.get() === undefined;
  }

  /**
   * Records samples in one transaction. A pass's sample is skipped when its previous one is less
   * than `minIntervalMs` older (proxy mode: one per pass per few minutes) or, with
   * `onlyChanges`, when its counts did not move. Returns how many samples were written.
   */
  record(samples: readonly SampleInput[], options: { minIntervalMs?: number; onlyChanges?: boolean } = {}): number {
    const minInterval = options.minIntervalMs ?? 0;
    return this.#db.transaction(() => {
      let written = 0;
      const workspaceDelta = new Map<string, { t: number; delta: Counts }>();
      for (const sample of samples) {
        const c = sample.counts;
        const row = this.#s.pass.get(sample.passId);
        const status = sample.status ?? row?.status ?? null;
        if (row && row.status !== null && sample.status !== undefined && row.status !== sample.status) {
          const kind: InstallEventKind = sample.status === 'Published' ? 'published' : 'unpublished';
          this.#s.insertEvent.run(sample.passId, row.workspace_id, sample.t, kind, null);
          this.#s.setStatus.run(sample.status, row.pid);
        }
        if (row) {
          const same =
            row.apple_issued === c.appleIssued &&
            row.google_issued === c.googleIssued &&
            row.apple_active === c.appleActive &&
            row.google_active === c.googleActive;
          if (sample.t < row.t + minInterval || (same && options.onlyChanges) || sample.t < row.t) continue;
        }
        let pid: number;
        const params = { ...c, t: sample.t, status };
        if (row) {
          pid = row.pid;
          this.#s.updatePass.run({ ...params, pid });
        } else {
          pid = Number(
            this.#s.insertPass.run({ ...params, passId: sample.passId, workspaceId: sample.workspaceId })
              .lastInsertRowid,
          );
        }
        this.#s.insertSample.run({ ...params, pid });
        written++;
        const workspaceId = row?.workspace_id ?? sample.workspaceId;
        const entry = workspaceDelta.get(workspaceId) ?? { t: 0, delta: zero() };
        entry.t = Math.max(entry.t, sample.t);
        entry.delta = add(entry.delta, subtract(c, row ? countsOf(row) : zero()));
        workspaceDelta.set(workspaceId, entry);
      }
      for (const [workspaceId, { t, delta }] of workspaceDelta) {
        const last = this.#s.workspaceLatest.get(workspaceId);
        const base = last ?? { t, ...zero() };
        this.#s.insertWorkspaceSample.run({ workspaceId, t: Math.max(t, base.t), ...add(base, delta) });
      }
      return written;
    })();
  }

  /** A marker on the pass's chart (and, for notifications, the workspace's). */
  recordEvent(passId: string, workspaceId: string, t: number, kind: InstallEventKind, label?: string): void {
    this.#s.insertEvent.run(passId, workspaceId, Math.round(t), kind, label ?? null);
  }

  passSeries(passId: string, from: number, to: number, bucketMs: number): SeriesRow[] {
    return this.#s.passSeries.all(passId, from, to, bucketMs);
  }

  workspaceSeries(workspaceId: string, from: number, to: number, bucketMs: number): SeriesRow[] {
    return this.#s.workspaceSeries.all(workspaceId, from, to, bucketMs);
  }

  passEvents(passId: string, from: number, to: number): InstallEvent[] {
    return this.#s.passEvents.all(passId, from, to).map(toEvent);
  }

  workspaceEvents(workspaceId: string, from: number, to: number): InstallEvent[] {
    return this.#s.workspaceEvents.all(workspaceId, 'notification', from, to).map(toEvent);
  }

  /** Per pass: total issued and active at or before `from` (else the first after) and the trend. */
  changes(workspaceId: string, passIds: readonly string[], from: number, bucketMs: number): Map<string, ChangeRow[]> {
    const ids = JSON.stringify(passIds);
    const byPass = new Map<string, ChangeRow[]>();
    for (const row of this.#s.changes.all(from, from, workspaceId, ids, from, workspaceId, ids, bucketMs)) {
      const list = byPass.get(row.passId);
      if (list) list.push(row);
      else byPass.set(row.passId, [row]);
    }
    return byPass;
  }

  /**
   * Thins out aged samples, tier by tier, from where the last run stopped (so a run touches only
   * the rows that aged since). Returns the number of rows deleted.
   */
  compact(now: number = Date.now()): number {
    let deleted = 0;
    for (const tier of COMPACTION_TIERS) {
      const until = Math.floor((now - tier.age) / tier.bucket) * tier.bucket;
      const done = this.#db
        .prepare<[string], { done_until: number }>('SELECT done_until FROM install_compaction WHERE tier = ?')
        .get(tier.name);
      const since = done ? done.done_until : 0;
      if (until <= since) continue;
      deleted += this.#db.transaction(() => {
        let n = 0;
        for (const [table, key] of [
          ['install_samples', 'pid'],
          ['workspace_install_samples', 'workspace_id'],
        ] as const) {
          n += this.#db
            .prepare(
              `DELETE FROM ${table} AS s WHERE s.t >= ? AND s.t < ? AND EXISTS (
                 SELECT 1 FROM ${table} n WHERE n.${key} = s.${key} AND n.t > s.t AND n.t < (s.t / CAST(? AS INTEGER) + 1) * CAST(? AS INTEGER))`,
            )
            .run(since, until, tier.bucket, tier.bucket).changes;
        }
        this.#db
          .prepare('INSERT OR REPLACE INTO install_compaction (tier, done_until) VALUES (?, ?)')
          .run(tier.name, until);
        return n;
      })();
    }
    return deleted;
  }
}

export interface ChangeRow {
  passId: string;
  t: number;
  issued: number;
  active: number;
}

interface InstallEventRow {
  pass_id: string;
  t: number;
  kind: InstallEventKind;
  label: string | null;
}

function toEvent(row: InstallEventRow): InstallEvent {
  return { t: row.t, kind: row.kind, passId: row.pass_id, ...(row.label !== null ? { label: row.label } : {}) };
}

function zero(): Counts {
  return { appleIssued: 0, googleIssued: 0, appleActive: 0, googleActive: 0 };
}

function countsOf(row: PassRow): Counts {
  return {
    appleIssued: row.apple_issued,
    googleIssued: row.google_issued,
    appleActive: row.apple_active,
    googleActive: row.google_active,
  };
}

function add(a: Counts, b: Counts): Counts {
  return {
    appleIssued: a.appleIssued + b.appleIssued,
    googleIssued: a.googleIssued + b.googleIssued,
    appleActive: a.appleActive + b.appleActive,
    googleActive: a.googleActive + b.googleActive,
  };
}

function subtract(a: Counts, b: Counts): Counts {
  return add(a, {
    appleIssued: -b.appleIssued,
    googleIssued: -b.googleIssued,
    appleActive: -b.appleActive,
    googleActive: -b.googleActive,
  });
}
