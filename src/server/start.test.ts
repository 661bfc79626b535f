import { mkdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildIsStale } from './start-build';
import { tempDir } from './server.test-utils';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function touch(path: string, secondsAgo: number) {
  const time = new Date(Date.now() - secondsAgo * 1000);
  utimesSync(path, time, time);
}

describe('buildIsStale', () => {
  it('is stale without a build, fresh after one, and stale again when a source changes', () => {
    const root = tempDir();
    dirs.push(root);
    mkdirSync(join(root, 'src/app/features'), { recursive: true });
    const source = join(root, 'src/app/features/page.tsx');
    writeFileSync(source, 'export {}');
    writeFileSync(join(root, 'vite.config.ts'), 'export default {}');
    touch(source, 100);
    touch(join(root, 'vite.config.ts'), 100);
    expect(buildIsStale('dist', root)).toBe(true);

    mkdirSync(join(root, 'dist'));
    writeFileSync(join(root, 'dist/index.html'), '<!doctype html>');
    touch(join(root, 'dist/index.html'), 50);
    expect(buildIsStale('dist', root)).toBe(false);

    touch(source, 10);
    expect(buildIsStale('dist', root)).toBe(true);
  });
});
