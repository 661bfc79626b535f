/**
 * Request bodies read whole, up to a limit, in a way that lets the client read a 413.
 *
 * Answering 413 while the client is still sending, and closing the connection, makes most
 * clients (Node's fetch among them) fail with EPIPE before they read the answer; a proxy in
 * front turns that into a 502. So a body over the limit is read to its end and thrown away
 * (nothing is kept, only counted) before the 413 goes out on a connection that stays usable.
 * Only a body past `DRAIN_LIMIT_BYTES` (clearly not a mistake worth reading) is cut off.
 */
import type { MiddlewareHandler } from 'hono';
import { MAX_UPLOAD_BYTES } from '../contract/rules';
import type { AppEnv } from './app-env';
import { payloadTooLarge } from './errors';

/** JSON bodies (every `/v1` write but uploads). */
export const MAX_JSON_BODY_BYTES = 1024 * 1024;
/** `POST /v1/uploads`: the file and its multipart framing (boundaries and part headers). */
export const MAX_UPLOAD_REQUEST_BYTES = MAX_UPLOAD_BYTES + 64 * 1024;
/** Bytes read and discarded from a body over its limit before the connection is cut instead. */
export const DRAIN_LIMIT_BYTES = 64 * 1024 * 1024;

export type LimitedBody = { ok: true; bytes: Uint8Array<ArrayBuffer> } | { ok: false; drained: boolean };

/**
 * The whole body when it has at most `max` bytes. Over that, the rest is read and discarded
 * (`drained: true`) unless it runs past DRAIN_LIMIT_BYTES (`drained: false`: the connection
 * must close). A declared Content-Length over the limit is not buffered at all. With `into`
 * (at least `max` bytes long) the body is read into it and a view of it is returned, so a caller
 * that reads many large bodies reuses one buffer instead of leaving each to the garbage collector.
 */
export async function readLimited(request: Request, max: number, into?: Uint8Array<ArrayBuffer>): Promise<LimitedBody> {
  const body = request.body;
  if (!body) return { ok: true, bytes: new Uint8Array() };
  const declared = Number(request.headers.get('content-length') ?? Number.NaN);
  const reader = body.getReader();
  let over = Number.isFinite(declared) && declared > max;
  if (over && declared > DRAIN_LIMIT_BYTES) {
    await reader.cancel().catch(() => {});
    return { ok: false, drained: false };
  }
  // With a declared length the bytes land in one buffer, without chunks and a concatenated copy.
  const exact = over
    ? undefined
    : into
      ? into.subarray(0, max)
      : Number.isFinite(declared)
        ? new Uint8Array(declared)
        : undefined;
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (!over && total + value.byteLength > max) {
      over = true;
      chunks.length = 0;
    }
    if (over) {
      total += value.byteLength;
      if (total > DRAIN_LIMIT_BYTES) {
        await reader.cancel().catch(() => {});
        return { ok: false, drained: false };
      }
      continue;
    }
    if (exact && total + value.byteLength <= exact.byteLength) exact.set(value, total);
    else chunks.push(value);
    total += value.byteLength;
  }
  if (over) return { ok: false, drained: true };
  if (exact && chunks.length === 0 && (into || total === exact.byteLength)) {
    return { ok: true, bytes: exact.subarray(0, total) };
  }
  // No (or a wrong) Content-Length: join the chunks.
  const bytes = new Uint8Array(total);
  let offset = 0;
  if (exact) {
    const head = exact.subarray(0, Math.min(exact.byteLength, total));
    bytes.set(head);
    offset = head.byteLength;
  }
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { ok: true, bytes };
}

/** The 413 for a body `readLimited` refused; closes the connection only when the body was not read. */
export function tooLarge(result: { drained: boolean }, context: Record<string, string>) {
  return payloadTooLarge(context, undefined, !result.drained);
}

/**
 * Reads the body up to `max` bytes before the route runs and hands the route a request whose
 * body is those bytes (so `c.req.json()`, `text()` and `formData()` work as usual).
 */
export function limitBody(max: number, context: Record<string, string>): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const raw = c.req.raw;
    const result = await readLimited(raw, max);
    if (!result.ok) throw tooLarge(result, context);
    c.req.raw = new Request(raw.url, { method: raw.method, headers: raw.headers, body: result.bytes });
    await next();
  };
}
