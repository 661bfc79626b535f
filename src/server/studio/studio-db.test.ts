import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../server.test-utils';
import { openStudioDb, registerStudioMigration } from './studio-db';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('studio database', () => {
  it('opens DATA_DIR/studio.db with WAL and synchronous=FULL', () => {
    const dir = tempDir();
    dirs.push(dir);
    const studio = openStudioDb(dir);
    expect(studio.pragmas()).toEqual({ journalMode: 'wal', synchronous: 2 });
    studio.close();
    expect(studio.isOpen).toBe(false);
  });

  it('runs each registered migration once, in order, also those registered after opening', () => {
    const dir = tempDir();
    dirs.push(dir);
    registerStudioMigration('test/001-a', 'CREATE TABLE test_a (x INTEGER)');
    let studio = openStudioDb(dir);
    studio.db.prepare('INSERT INTO test_a (x) VALUES (1)').run();
    registerStudioMigration('test/002-b', 'ALTER TABLE test_a ADD COLUMN y INTEGER DEFAULT 7');
    expect(studio.migrate()).toEqual(['test/002-b']);
    studio.close();
    studio = openStudioDb(dir);
    expect(studio.migrate()).toEqual([]);
    expect(studio.db.prepare('SELECT x, y FROM test_a').all()).toEqual([{ x: 1, y: 7 }]);
    studio.close();
  });

  it('refuses the same migration name with different SQL', () => {
    registerStudioMigration('test/003-c', 'SELECT 1');
    expect(() => registerStudioMigration('test/003-c', 'SELECT 2')).toThrow(/registered twice/);
  });
});
