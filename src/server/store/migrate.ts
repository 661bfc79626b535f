/**
 * Brings a sandbox database to the current schema, writing nothing when it is already there: a
 * server must be able to start (and serve reads) on a full disk, so every start that has nothing
 * to migrate only reads (`journal_mode`, `user_version`, the names in `sqlite_master`).
 */
import type Database from 'better-sqlite3';
import { randomSlug } from '../ids';
import { SCHEMA_SQL, SCHEMA_VERSION } from './schema';

/** Tables and indexes SCHEMA_SQL creates; a database missing any of them needs SCHEMA_SQL run. */
const SCHEMA_OBJECTS = [
  ...SCHEMA_SQL.matchAll(/CREATE\s+(?:UNIQUE\s+)?(?:TABLE|INDEX)\s+IF\s+NOT\s+EXISTS\s+(\w+)/gi),
].map((m) => m[1] ?? '');

/** Connection settings (never written to the file) and the schema, migrated only when needed. */
export function prepareDatabase(db: Database.Database): void {
  // journal_mode is stored in the file: set it only when it differs.
  if (String(db.pragma('journal_mode', { simple: true })).toLowerCase() !== 'wal') db.pragma('journal_mode = WAL');
  // FULL: a write the API acknowledged is on disk even if the process is killed right after.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');

  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > SCHEMA_VERSION)
    throw new Error(`sandbox.db has schema ${version}; this server knows ${SCHEMA_VERSION}`);
  if (version === SCHEMA_VERSION && missingObjects(db).length === 0) return;
  db.transaction(() => {
    if (version === 1) makeSlugsGlobal(db);
    db.exec(SCHEMA_SQL);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  })();
}

function missingObjects(db: Database.Database): string[] {
  const present = new Set(
    db
      .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type IN ('table', 'index')")
      .all()
      .map((r) => r.name),
  );
  return SCHEMA_OBJECTS.filter((name) => !present.has(name));
}

/**
 * Schema 1 → 2: slugs were unique per workspace; pass links are global, so they become unique in
 * the whole database. Where two workspaces used the same slug the oldest pass keeps it and the
 * others get a fresh random one (their old link showed the oldest pass anyway).
 */
function makeSlugsGlobal(db: Database.Database): void {
  const rows = db
    .prepare<[], { id: string; slug: string }>('SELECT id, slug FROM passes ORDER BY created_time, id')
    .all();
  const taken = new Set<string>();
  const rename = db.prepare<[string, string]>('UPDATE passes SET slug = ? WHERE id = ?');
  for (const row of rows) {
    if (!taken.has(row.slug)) {
      taken.add(row.slug);
      continue;
    }
    let slug = randomSlug();
    while (taken.has(slug)) slug = randomSlug();
    taken.add(slug);
    rename.run(slug, row.id);
  }
  db.exec('DROP INDEX IF EXISTS passes_by_slug');
}
