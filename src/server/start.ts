/**
 * `npm start`: builds the dashboard when the build is missing or older than its sources, then
 * runs the server. One command for someone who just cloned the repository.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadEnv } from './env';
import { main } from './main';

/** What the SPA build is made from (Vite reads vite.config.ts and tailwind.config.ts too). */
const BUILD_INPUTS = ['src/app', 'src/contract', 'index.html', 'public', 'vite.config.ts', 'tailwind.config.ts'];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

export function buildIsStale(staticDir: string, root = process.cwd()): boolean {
  const index = join(resolve(staticDir), 'index.html');
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  return BUILD_INPUTS.some((input) => newestMtime(join(root, input)) > built);
}

async function start(): Promise<void> {
  // An invalid environment should fail before a minute of building, not after.
  const env = loadEnv();
  if (buildIsStale(env.staticDir)) {
    console.log('Building the dashboard (the build is missing or older than its sources)…');
    const { build } = await import('vite');
    await build({ build: { outDir: resolve(env.staticDir), emptyOutDir: true } });
  }
  await main();
}

start().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
