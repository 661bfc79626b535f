/**
 * The built SPA: files from STATIC_DIR, and index.html for any other GET outside the API so
 * client-side routes survive a reload. Hashed assets are cached forever; index.html never is,
 * so a new build is picked up on the next load.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from './app-env';

/** Paths that belong to the server, never to the SPA fallback. */
const SERVER_PREFIXES = ['/v1', '/studio', '/files'];

export function isServerPath(path: string): boolean {
  return SERVER_PREFIXES.some((p) => path === p || path.startsWith(`${p}/`));
}

function setCacheHeaders(path: string, c: Context<AppEnv>): void {
  if (/[\\/]assets[\\/]/.test(path)) c.header('Cache-Control', 'public, max-age=31536000, immutable');
  else if (path.endsWith('.html')) c.header('Cache-Control', 'no-cache');
  else c.header('Cache-Control', 'public, max-age=3600');
}

export function staticFiles(staticDir: string): MiddlewareHandler<AppEnv> {
  const root = resolve(staticDir);
  const indexPath = join(root, 'index.html');
  // Created on first use: the build may land after the server started (npm start builds first,
  // but a developer may run `npm run build` while `npm run serve` is up).
  let files: MiddlewareHandler<AppEnv> | undefined;
  let indexCache: { mtimeMs: number; html: string } | undefined;

  const indexHtml = (): string | undefined => {
    if (!existsSync(indexPath)) return undefined;
    const { mtimeMs } = statSync(indexPath);
    if (indexCache?.mtimeMs !== mtimeMs) indexCache = { mtimeMs, html: readFileSync(indexPath, 'utf8') };
    return indexCache.html;
  };

  return async (c, next) => {
    const method = c.req.method;
    if ((method !== 'GET' && method !== 'HEAD') || isServerPath(c.req.path)) return next();
    if (!existsSync(root)) return noBuild(c);
    files ??= serveStatic<AppEnv>({ root, onFound: setCacheHeaders });
    const found = await files(c, async () => {});
    if (found) return found;
    const html = indexHtml();
    if (html === undefined) return noBuild(c);
    c.header('Cache-Control', 'no-cache');
    return c.html(html);
  };
}

function noBuild(c: Context<AppEnv>): Response {
  return c.text('Pass Studio has not been built yet. Run `npm run build` (or `npm start`, which builds first).', 503);
}
