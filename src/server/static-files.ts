/**
 * The built SPA: files from STATIC_DIR, and index.html for any other GET outside the API so
 * client-side routes survive a reload.
 *
 * - Compressed forms made at build time (`name.br`, `name.gz` beside the file, see
 *   vite.config.ts) are chosen by `Accept-Encoding` (brotli, then gzip, else the file itself),
 *   with `Vary: Accept-Encoding`.
 * - Hashed assets (`/assets/*`) are cached for a year as immutable; index.html is revalidated on
 *   every load (`no-cache` with an ETag), so a new build is picked up at once; other files an hour.
 * - An unknown `/assets/*` path answers 404: answering HTML for a missing script would make the
 *   browser report a MIME error instead of the missing file, and caches would keep the HTML.
 * - Source maps are answered only when asked for (`SERVE_SOURCEMAPS=1`): they hold the whole
 *   source, which a production server has no reason to publish.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
import type { Context, MiddlewareHandler } from 'hono';
import { getMimeType } from 'hono/utils/mime';
import type { AppEnv } from './app-env';
import { type Encoding, asBytes, pickEncoding } from './compression';

/** Paths that belong to the server, never to the SPA fallback. */
const SERVER_PREFIXES = ['/v1', '/studio', '/files'];

export function isServerPath(path: string): boolean {
  return SERVER_PREFIXES.some((p) => path === p || path.startsWith(`${p}/`));
}

export interface StaticFilesOptions {
  /** Answer `*.map` files (off by default). */
  serveSourceMaps?: boolean;
}

const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Files kept in memory at most; larger ones are read for each request. */
const MAX_CACHED_FILE_BYTES = 2 * 1024 * 1024;
/** The compressed forms the build writes, in order of preference. */
const ENCODINGS: readonly { encoding: Encoding; suffix: string }[] = [
  { encoding: 'br', suffix: '.br' },
  { encoding: 'gzip', suffix: '.gz' },
];

interface FileEntry {
  mtimeMs: number;
  size: number;
  body: Buffer | undefined;
}

function cacheControl(path: string, absolute: string): string {
  if (path.startsWith('/assets/')) return IMMUTABLE;
  if (absolute.endsWith('.html')) return 'no-cache';
  return 'public, max-age=3600';
}

export function staticFiles(staticDir: string, options: StaticFilesOptions = {}): MiddlewareHandler<AppEnv> {
  const root = resolve(staticDir);
  const files = new Map<string, FileEntry>();

  /** The file's bytes and stats, from memory while its mtime and size are unchanged. */
  const read = (absolute: string): FileEntry | undefined => {
    let stats;
    try {
      stats = statSync(absolute);
    } catch {
      return undefined;
    }
    if (!stats.isFile()) return undefined;
    const known = files.get(absolute);
    if (known && known.mtimeMs === stats.mtimeMs && known.size === stats.size) return known;
    const entry: FileEntry = {
      mtimeMs: stats.mtimeMs,
      size: stats.size,
      body: stats.size <= MAX_CACHED_FILE_BYTES ? readFileSync(absolute) : undefined,
    };
    if (entry.body) files.set(absolute, entry);
    return entry;
  };

  /** The file's absolute path inside root, or undefined for anything that would leave it. */
  const locate = (urlPath: string): string | undefined => {
    let decoded: string;
    try {
      decoded = decodeURIComponent(urlPath);
    } catch {
      return undefined;
    }
    if (decoded.includes('\0') || decoded.includes('\\')) return undefined;
    const absolute = resolve(root, `.${decoded.endsWith('/') ? `${decoded}index.html` : decoded}`);
    return absolute === root || absolute.startsWith(root + sep) ? absolute : undefined;
  };

  return async (c, next) => {
    const method = c.req.method;
    const path = c.req.path;
    if ((method !== 'GET' && method !== 'HEAD') || isServerPath(path)) return next();
    if (!existsSync(root)) return noBuild(c);

    const absolute = locate(path);
    const ext = extname(path);
    // The compressed forms are an implementation detail: they are answered only by negotiation.
    const hidden = ext === '.br' || ext === '.gz' || (ext === '.map' && !options.serveSourceMaps);
    const entry = absolute && !hidden ? read(absolute) : undefined;
    if (entry && absolute) return send(c, path, absolute, entry, read);
    if (path.startsWith('/assets/') || hidden) return c.text('Not found', 404, { 'Cache-Control': 'no-cache' });

    const indexPath = join(root, 'index.html');
    const index = read(indexPath);
    if (!index) return noBuild(c);
    return send(c, '/index.html', indexPath, index, read);
  };
}

function send(
  c: Context<AppEnv>,
  path: string,
  absolute: string,
  entry: FileEntry,
  read: (absolute: string) => FileEntry | undefined,
): Response {
  let etag = `W/"${entry.size.toString(16)}-${Math.trunc(entry.mtimeMs).toString(16)}"`;
  const headers: Record<string, string> = {
    'Content-Type': getMimeType(absolute) ?? 'application/octet-stream',
    'Cache-Control': cacheControl(path, absolute),
    'Last-Modified': new Date(entry.mtimeMs).toUTCString(),
  };
  let body = entry.body;
  let size = entry.size;
  let source = absolute;
  // A variant counts only when the build made it for this very file (not older than it).
  const variants = ENCODINGS.flatMap(({ encoding, suffix }) => {
    const variant = read(absolute + suffix);
    return variant && variant.mtimeMs >= entry.mtimeMs ? [{ encoding, suffix, variant }] : [];
  });
  if (variants.length > 0) {
    headers.Vary = 'Accept-Encoding';
    const chosen = pickEncoding(
      c.req.header('accept-encoding'),
      variants.map((v) => v.encoding),
    );
    const picked = variants.find((v) => v.encoding === chosen);
    if (picked) {
      headers['Content-Encoding'] = picked.encoding;
      etag = etag.replace(/"$/, `-${picked.encoding}"`);
      body = picked.variant.body;
      size = picked.variant.size;
      source = absolute + picked.suffix;
    }
  }
  headers.ETag = etag;
  if (c.req.header('if-none-match') === etag) return c.body(null, 304, headers);
  headers['Content-Length'] = String(size);
  if (c.req.method === 'HEAD') return c.body(null, 200, headers);
  return c.body(asBytes(body ?? readFileSync(source)), 200, headers);
}

function noBuild(c: Context<AppEnv>): Response {
  return c.text('Pass Studio has not been built yet. Run `npm run build` (or `npm start`, which builds first).', 503);
}
