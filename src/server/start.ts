/**
 * `npm start`: builds the dashboard when the build is missing or older than its sources, then
 * runs the server. One command for someone who just cloned the repository.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadEnv } from './env';
import { main } from './main';
import { buildIsStale } from './start-build';

export async function start(): Promise<void> {
  // An invalid environment should fail before a minute of building, not after.
  const env = loadEnv();
  if (buildIsStale(env.staticDir)) {
    console.log('Building the dashboard (the build is missing or older than its sources)…');
    // In a child process: the build's memory is returned when it exits instead of staying with
    // the server for its lifetime.
    const vite = join(dirname(createRequire(import.meta.url).resolve('vite/package.json')), 'bin/vite.js');
    const outDir = resolve(env.staticDir);
    const build = spawnSync(process.execPath, [vite, 'build', '--outDir', outDir, '--emptyOutDir'], {
      stdio: 'inherit',
    });
    if (build.error) throw build.error;
    if (build.status !== 0)
      throw new Error(`Building the dashboard failed (exit code ${build.status ?? build.signal})`);
  }
  await main();
}

// Run only as the entry point (`tsx src/server/start.ts`); `npm start` calls start() from the
// bundle (src/server/launch.mjs).
if (
  process.argv[1] &&
  /\/start\.[cm]?[jt]s$/.test(import.meta.url) &&
  import.meta.url === pathToFileURL(resolve(process.argv[1])).href
) {
  start().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
