/**
 * `npm start`: builds the dashboard when the build is missing or older than its sources, then
 * runs the server. One command for someone who just cloned the repository.
 */
import { resolve } from 'node:path';
import { loadEnv } from './env';
import { main } from './main';
import { buildIsStale } from './start-build';

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
