/** Whether the dashboard build in STATIC_DIR is missing or older than anything it is built from. */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

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
  const index = join(resolve(root, staticDir), 'index.html');
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  return BUILD_INPUTS.some((input) => newestMtime(join(root, input)) > built);
}
