/**
 * `npm run dev`: the API server on PORT+1 (no static files) and Vite's dev server on PORT with hot
 * reload. vite.config.ts proxies /v1, /studio and /files to STUDIO_API_ORIGIN, set here before
 * Vite loads its config.
 */
import { createServer } from 'vite';
import { defaultPublicUrl, loadEnv } from './env';
import { describeStart, startServer } from './main';

async function dev(): Promise<void> {
  const env = loadEnv();
  const apiPort = env.port + 1;
  // Links point at Vite's port, which proxies /v1, /studio, /files and /p/ to the API.
  const publicUrl = env.publicUrl ?? defaultPublicUrl(env.host, env.port);
  const api = await startServer({ ...env, port: apiPort, publicUrl }, { serveStatic: false });
  process.env.STUDIO_API_ORIGIN = `http://127.0.0.1:${api.port}`;
  const vite = await createServer({ server: { port: env.port, host: env.host, strictPort: true } });
  await vite.listen();
  console.log(describeStart(env, api, env.port));
  console.log(`(Vite dev server with hot reload; the API itself listens on ${process.env.STUDIO_API_ORIGIN})`);

  const shutdown = async () => {
    await vite.close();
    await api.stop();
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown());
  process.once('SIGINT', () => void shutdown());
}

dev().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
