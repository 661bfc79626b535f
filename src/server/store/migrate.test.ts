import { existsSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { WS_A, WS_B, passBody, tempDir, testSeed } from '../server.test-utils';
import { openStore } from './sandbox-store';
import { SCHEMA_VERSION } from './schema';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function newDir(): string {
  const dir = tempDir();
  dirs.push(dir);
  return dir;
}

describe('opening the database', () => {
  it('writes nothing when the schema is current: the WAL stays empty and the file unchanged', async () => {
    const dataDir = newDir();
    const first = await openStore({ dataDir, seed: testSeed });
    first.createPass(WS_A, passBody() as never, 'user');
    first.close();
    const file = join(dataDir, 'sandbox.db');
    const before = statSync(file);

    const again = await openStore({ dataDir, seed: testSeed });
    const wal = join(dataDir, 'sandbox.db-wal');
    // Opening leaves the WAL empty (it only grows with a write) and the main file untouched.
    expect(existsSync(wal) ? statSync(wal).size : 0).toBe(0);
    expect(statSync(file).mtimeMs).toBe(before.mtimeMs);
    expect(again.pragmas().journalMode).toBe('wal');
    again.close();
  });

  it('migrates schema 1 (slugs unique per workspace) to global slugs: the oldest pass keeps a shared slug', async () => {
    const dataDir = newDir();
    const store = await openStore({ dataDir, seed: testSeed });
    const older = store.createPass(WS_A, passBody({ passLinkSlug: 'shared' }) as never, 'user');
    store.close();
    // Make it a schema-1 database holding a slug used in two workspaces.
    const db = new Database(join(dataDir, 'sandbox.db'));
    db.exec('DROP INDEX passes_by_unique_slug; CREATE INDEX passes_by_slug ON passes (slug)');
    const row = db.prepare('SELECT * FROM passes WHERE id = ?').get(older.id) as Record<string, unknown>;
    db.prepare(
      `INSERT INTO passes (id, workspace_id, account_id, pass_name, pass_name_key, pass_name_lower, status, slug,
         google_pass_link, doc, created_time, updated_time, created_by, updated_by)
       VALUES (@id, @workspace_id, @account_id, @pass_name, @pass_name_key, @pass_name_lower, @status, @slug,
         @google_pass_link, @doc, @created_time, @updated_time, @created_by, @updated_by)`,
    ).run({
      ...row,
      id: 'newer-pass',
      workspace_id: WS_B,
      updated_time: 'x',
      created_time: '2999-01-01T00:00:00.000Z',
    });
    db.pragma('user_version = 1');
    db.close();

    const migrated = await openStore({ dataDir, seed: testSeed });
    expect(migrated.findPassBySlug('shared')?.id).toBe(older.id);
    const renamed = migrated.getPass(WS_B, 'newer-pass');
    expect(renamed?.slug).toMatch(/^[a-z0-9-]+$/);
    expect(renamed?.slug).not.toBe('shared');
    migrated.close();
    const check = new Database(join(dataDir, 'sandbox.db'), { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    const indexes = check.prepare("SELECT name FROM sqlite_master WHERE type = 'index'").all() as { name: string }[];
    expect(indexes.map((i) => i.name)).toContain('passes_by_unique_slug');
    expect(indexes.map((i) => i.name)).not.toContain('passes_by_slug');
    check.close();
  });
});
