/**
 * Content negotiation and compression of what the server sends.
 *
 * Built assets are compressed once at build time (brotli at its highest quality, gzip level 9;
 * see vite.config.ts) and picked here by `Accept-Encoding`. JSON is compressed as it is answered,
 * with settings that cost well under a millisecond for a page of passes: a list page of 20
 * passes is about 36 KB as text and about 6 KB compressed. Cached list pages keep their
 * compressed bytes with them (list-response-cache.ts), so a repeated page is compressed once.
 */
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './app-env';

export type Encoding = 'br' | 'gzip';

/** Bodies below this are sent as they are: compressing them saves less than a packet. */
export const MIN_COMPRESS_BYTES = 1024;
/** Bodies above this are sent as they are rather than compressed on the request path. */
const MAX_COMPRESS_BYTES = 4 * 1024 * 1024;

/**
 * The encoding to answer with, from the client's `Accept-Encoding`: brotli when accepted, else
 * gzip, else none. `q=0` refuses an encoding; `*` stands for any encoding not named.
 */
export function pickEncoding(
  acceptEncoding: string | null | undefined,
  available: readonly Encoding[] = ['br', 'gzip'],
): Encoding | null {
  if (!acceptEncoding) return null;
  const weights = new Map<string, number>();
  for (const part of acceptEncoding.split(',')) {
    const [rawName, ...params] = part.split(';');
    const name = rawName?.trim().toLowerCase();
    if (!name) continue;
    let q = 1;
    for (const param of params) {
      const [key, value] = param.split('=');
      if (key?.trim().toLowerCase() === 'q') q = Number(value?.trim());
    }
    weights.set(name, Number.isFinite(q) ? q : 0);
  }
  const wildcard = weights.get('*');
  for (const encoding of available) {
    const q = weights.get(encoding) ?? (encoding === 'gzip' ? weights.get('x-gzip') : undefined) ?? wildcard ?? 0;
    if (q > 0) return encoding;
  }
  return null;
}

/** A Node buffer as the byte array a Response body takes (no copy). */
export function asBytes(buffer: Buffer): Uint8Array<ArrayBuffer> {
  return new Uint8Array(buffer.buffer as ArrayBuffer, buffer.byteOffset, buffer.byteLength);
}

/** Compression fast enough for the request path (brotli quality 5, gzip level 6). */
export function compressFast(bytes: Uint8Array, encoding: Encoding): Uint8Array<ArrayBuffer> {
  const compressed =
    encoding === 'br'
      ? brotliCompressSync(bytes, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: 5,
            [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
            [constants.BROTLI_PARAM_SIZE_HINT]: bytes.byteLength,
          },
        })
      : gzipSync(bytes, { level: 6 });
  return asBytes(compressed);
}

/** Adds `Accept-Encoding` to the response's `Vary` header, keeping what is there. */
export function varyOnEncoding(headers: Headers): void {
  const vary = headers.get('Vary');
  if (!vary) headers.set('Vary', 'Accept-Encoding');
  else if (!/(^|,)\s*accept-encoding\s*(,|$)/i.test(vary)) headers.set('Vary', `${vary}, Accept-Encoding`);
}

/**
 * Compresses JSON answers of at least MIN_COMPRESS_BYTES when the client accepts it. Answers that
 * already carry an encoding (cached list pages, proxied answers) pass untouched, and so does a
 * request that accepts no encoding: the hot read paths pay nothing for it.
 */
export function compressJson(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    const encoding = pickEncoding(c.req.header('accept-encoding'));
    const res = c.res;
    // Status and headers only until the answer is known to be compressed: reading `res.body` turns
    // the Node adapter's light response into a web stream (see studio/version-recorder.ts).
    if (!encoding || c.req.method === 'HEAD' || res.status === 204 || res.status === 304) return;
    if (res.headers.has('Content-Encoding') || !res.headers.get('Content-Type')?.startsWith('application/json')) return;
    const declared = Number(res.headers.get('Content-Length') ?? Number.NaN);
    if (declared < MIN_COMPRESS_BYTES || declared > MAX_COMPRESS_BYTES) return;
    const bytes = new Uint8Array(await res.arrayBuffer());
    const small = bytes.byteLength < MIN_COMPRESS_BYTES || bytes.byteLength > MAX_COMPRESS_BYTES;
    const body = small ? bytes : compressFast(bytes, encoding);
    // Assigning c.res carries the old headers over (its Content-Length too): set them after.
    c.res = new Response(body, res);
    const headers = c.res.headers;
    varyOnEncoding(headers);
    if (small) return;
    headers.set('Content-Encoding', encoding);
    headers.set('Content-Length', String(body.byteLength));
  };
}
