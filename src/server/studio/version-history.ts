/**
 * Version history of passes in the studio database: every version the studio saved (the answer
 * of a successful PATCH or POST) or observed (a pass read whose content differs from the last
 * version known, i.e. saved elsewhere), with the full pass JSON, its `updatedTime`,
 * `updatedBy` and the parts that changed. A deleted pass keeps its versions so its last one can
 * be created again. Only the pass JSON the API answered is stored: nothing from the request,
 * so no API key can end up here.
 *
 * Versions are told apart by content (`canonicalJson` of the parts a marketer edits), not by
 * `updatedTime`: location edits do not touch a pass's `updatedTime`, and a save's location
 * calls come after its PATCH. So the re-read that follows a save completes that saved version
 * (same `updatedTime`, same source) instead of being counted as a change made elsewhere.
 */
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { DeletedPass, PassVersion, PassVersionSummary, VersionSource } from '../../contract/pass-versions';
import { PASS_PARTS, canonicalJson, changedParts } from '../../contract/pass-versions';
import type { WalletPass } from '../../contract/schemas';
import type { StudioDb } from './studio-db';
import { registerStudioMigration } from './studio-db';

registerStudioMigration(
  'versions/001-pass-versions',
  `
CREATE TABLE pass_versions (
  version_id     INTEGER PRIMARY KEY AUTOINCREMENT,
  pass_id        TEXT NOT NULL,
  workspace_id   TEXT NOT NULL,
  pass_name      TEXT,
  updated_time   TEXT,
  updated_by     TEXT,
  source         TEXT NOT NULL,
  changed_parts  TEXT NOT NULL,
  content_hash   TEXT NOT NULL,
  recorded_at    TEXT NOT NULL,
  pass_json      TEXT NOT NULL
);
CREATE INDEX pass_versions_by_pass ON pass_versions (pass_id, version_id);
CREATE TABLE deleted_passes (
  pass_id          TEXT PRIMARY KEY,
  workspace_id     TEXT NOT NULL,
  pass_name        TEXT,
  deleted_at       TEXT NOT NULL,
  last_version_id  INTEGER NOT NULL,
  -- set when the pass was created again (or the entry dismissed): no longer listed
  dismissed_at     TEXT
);
CREATE INDEX deleted_passes_by_workspace ON deleted_passes (workspace_id, deleted_at);
`,
);

export const DEFAULT_HISTORY_MAX_VERSIONS = 200;

/** A save's location calls and re-read follow its PATCH within this time. */
const COMPLETES_SAVE_MS = 60_000;

interface VersionRow {
  version_id: number;
  pass_id: string;
  workspace_id: string;
  pass_name: string | null;
  updated_time: string | null;
  updated_by: string | null;
  source: VersionSource;
  changed_parts: string;
  content_hash: string;
  recorded_at: string;
  pass_json: string;
}

const SUMMARY_COLUMNS =
  'version_id, pass_id, workspace_id, pass_name, updated_time, updated_by, source, changed_parts, content_hash, recorded_at';

function summaryOf(row: Omit<VersionRow, 'pass_json'>): PassVersionSummary {
  return {
    versionId: row.version_id,
    passId: row.pass_id,
    workspaceId: row.workspace_id,
    passName: row.pass_name,
    updatedTime: row.updated_time,
    updatedBy: row.updated_by,
    source: row.source,
    changedParts: JSON.parse(row.changed_parts) as string[],
    recordedAt: row.recorded_at,
  };
}

/** What identifies a version: the content a marketer edits, in a stable form. */
export function contentHash(pass: WalletPass): string {
  const content = PASS_PARTS.map((part) => canonicalJson(part.read(pass))).join('\n');
  return createHash('sha256').update(content).digest('base64url');
}

export type RecordOutcome = 'added' | 'completed' | 'unchanged';

export class VersionHistory {
  readonly #db: Database.Database;
  readonly #maxVersions: number;
  readonly #now: () => number;
  readonly #s;

  constructor(studio: StudioDb, options: { maxVersions?: number; now?: () => number } = {}) {
    studio.migrate();
    this.#db = studio.db;
    this.#maxVersions = options.maxVersions ?? DEFAULT_HISTORY_MAX_VERSIONS;
    this.#now = options.now ?? Date.now;
    const db = this.#db;
    this.#s = {
      latest: db.prepare<[string], VersionRow>(
        'SELECT * FROM pass_versions WHERE pass_id = ? ORDER BY version_id DESC LIMIT 1',
      ),
      insert: db.prepare(
        `INSERT INTO pass_versions (pass_id, workspace_id, pass_name, updated_time, updated_by, source, changed_parts,
           content_hash, recorded_at, pass_json)
         VALUES (@passId, @workspaceId, @passName, @updatedTime, @updatedBy, @source, @changedParts, @contentHash,
           @recordedAt, @passJson)`,
      ),
      complete: db.prepare(
        `UPDATE pass_versions SET pass_name = @passName, changed_parts = @changedParts, content_hash = @contentHash,
           pass_json = @passJson WHERE version_id = @versionId`,
      ),
      before: db.prepare<[string, number], { pass_json: string }>(
        'SELECT pass_json FROM pass_versions WHERE pass_id = ? AND version_id < ? ORDER BY version_id DESC LIMIT 1',
      ),
      trim: db.prepare<[string, string, number]>(
        `DELETE FROM pass_versions WHERE pass_id = ? AND version_id <= (
           SELECT version_id FROM pass_versions WHERE pass_id = ? ORDER BY version_id DESC LIMIT 1 OFFSET ?)`,
      ),
      list: db.prepare<[string, string], Omit<VersionRow, 'pass_json'>>(
        `SELECT ${SUMMARY_COLUMNS} FROM pass_versions WHERE pass_id = ? AND workspace_id = ? ORDER BY version_id DESC`,
      ),
      one: db.prepare<[number, string, string], VersionRow>(
        'SELECT * FROM pass_versions WHERE version_id = ? AND pass_id = ? AND workspace_id = ?',
      ),
      markDeleted: db.prepare(
        `INSERT OR REPLACE INTO deleted_passes (pass_id, workspace_id, pass_name, deleted_at, last_version_id)
         VALUES (@passId, @workspaceId, @passName, @deletedAt, @lastVersionId)`,
      ),
      deleted: db.prepare<[string, string], { deleted_at: string; dismissed_at: string | null }>(
        'SELECT deleted_at, dismissed_at FROM deleted_passes WHERE pass_id = ? AND workspace_id = ?',
      ),
      deletedList: db.prepare<
        [string],
        { pass_id: string; pass_name: string | null; deleted_at: string; last_version_id: number }
      >(
        `SELECT pass_id, pass_name, deleted_at, last_version_id FROM deleted_passes
         WHERE workspace_id = ? AND dismissed_at IS NULL ORDER BY deleted_at DESC LIMIT 100`,
      ),
      dismiss: db.prepare<[string, string, string]>(
        'UPDATE deleted_passes SET dismissed_at = ? WHERE pass_id = ? AND workspace_id = ? AND dismissed_at IS NULL',
      ),
    };
  }

  /**
   * Records a version of a pass as the API answered it. An unchanged one is not recorded again;
   * an observed read that only adds to the studio's own save moments ago completes that save.
   */
  record(pass: WalletPass, source: VersionSource, fallbackWorkspaceId = ''): RecordOutcome {
    const workspaceId = pass.workspaceId ?? fallbackWorkspaceId;
    const hash = contentHash(pass);
    return this.#db.transaction((): RecordOutcome => {
      const latest = this.#s.latest.get(pass.id);
      if (latest?.content_hash === hash) return 'unchanged';
      // A read answered before a newer save and recorded after it is not a newer version.
      if (source === 'observed' && latest?.updated_time && pass.updatedTime && pass.updatedTime < latest.updated_time)
        return 'unchanged';
      const now = this.#now();
      const passJson = JSON.stringify(pass);
      if (
        latest &&
        source === 'observed' &&
        latest.source === 'saved' &&
        latest.updated_time === (pass.updatedTime ?? null) &&
        now - Date.parse(latest.recorded_at) < COMPLETES_SAVE_MS
      ) {
        const previous = this.#s.before.get(pass.id, latest.version_id);
        this.#s.complete.run({
          versionId: latest.version_id,
          passName: pass.passName ?? null,
          changedParts: JSON.stringify(
            previous ? changedParts(JSON.parse(previous.pass_json) as WalletPass, pass) : [],
          ),
          contentHash: hash,
          passJson,
        });
        return 'completed';
      }
      this.#s.insert.run({
        passId: pass.id,
        workspaceId,
        passName: pass.passName ?? null,
        updatedTime: pass.updatedTime ?? null,
        updatedBy: pass.updatedBy ?? null,
        source,
        changedParts: JSON.stringify(latest ? changedParts(JSON.parse(latest.pass_json) as WalletPass, pass) : []),
        contentHash: hash,
        recordedAt: new Date(now).toISOString(),
        passJson,
      });
      // Oldest out: keep the newest `maxVersions` of this pass.
      this.#s.trim.run(pass.id, pass.id, this.#maxVersions);
      return 'added';
    })();
  }

  /** Records several observed versions in one transaction (one fsync for a batch of reads). */
  recordObserved(entries: readonly { pass: WalletPass; workspaceId: string }[]): void {
    this.#db.transaction(() => {
      for (const { pass, workspaceId } of entries) this.record(pass, 'observed', workspaceId);
    })();
  }

  /** The pass was deleted: its versions stay, and it is listed as recently deleted. */
  markDeleted(passId: string, workspaceId: string): boolean {
    const latest = this.#s.latest.get(passId);
    if (!latest) return false;
    this.#s.markDeleted.run({
      passId,
      workspaceId: latest.workspace_id || workspaceId,
      passName: latest.pass_name,
      deletedAt: new Date(this.#now()).toISOString(),
      lastVersionId: latest.version_id,
    });
    return true;
  }

  versions(passId: string, workspaceId: string): PassVersionSummary[] {
    return this.#s.list.all(passId, workspaceId).map(summaryOf);
  }

  version(passId: string, workspaceId: string, versionId: number): PassVersion | undefined {
    const row = this.#s.one.get(versionId, passId, workspaceId);
    if (!row) return undefined;
    return { ...summaryOf(row), pass: JSON.parse(row.pass_json) as WalletPass };
  }

  /** When the pass was deleted (and its history is kept), or undefined. */
  deletedAt(passId: string, workspaceId: string): string | undefined {
    return this.#s.deleted.get(passId, workspaceId)?.deleted_at;
  }

  deletedPasses(workspaceId: string): DeletedPass[] {
    return this.#s.deletedList.all(workspaceId).map((row) => ({
      passId: row.pass_id,
      passName: row.pass_name,
      deletedAt: row.deleted_at,
      lastVersionId: row.last_version_id,
    }));
  }

  /** Takes a deleted pass off the list (it was created again, or the user dismissed it). */
  dismissDeleted(passId: string, workspaceId: string): boolean {
    return this.#s.dismiss.run(new Date(this.#now()).toISOString(), passId, workspaceId).changes > 0;
  }
}
