/**
 * Proxy mode: `/v1/*` goes to the real Passport API unchanged, so the browser never needs CORS
 * and never talks to another origin. Only the headers the API needs are forwarded (not Host,
 * not cookies); the answer streams back with its status, content type and Retry-After.
 *
 * Request bodies are read whole first, with the sandbox's limits: one over its limit gets the
 * proxy's own readable 413 (never a 502 from a cut-off upload), and a body is sent upstream only
 * complete. Error bodies never name the upstream URL. A write that timed out or lost its
 * connection after it was sent says it may have been applied, so clients read before retrying.
 */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ERROR_CODES } from '../contract/schemas';
import type { AppEnv } from './app-env';
import { MAX_JSON_BODY_BYTES, MAX_UPLOAD_REQUEST_BYTES, readLimited, tooLarge } from './body-limit';
import { ApiError } from './errors';

const FORWARDED_REQUEST_HEADERS = ['api-key', 'x-workspace-id', 'content-type', 'accept', 'authorization'];
const RETURNED_RESPONSE_HEADERS = ['content-type', 'retry-after'];
export const BAD_GATEWAY = 'BAD_GATEWAY';
/** Connection failures that mean the request never reached the upstream. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);
const MAY_HAVE_BEEN_APPLIED =
  'The request reached the Passport API and may have been applied: read the current state before sending it again.';

export interface ProxyOptions {
  /** The Passport base URL including its `/v1`, e.g. `https://api.ubpass.co/v1`. */
  upstreamUrl: string;
  timeoutMs: number;
  /** Sees each answer and returns the body to stream on (e.g. a tee of it); the count history. */
  observeAnswer?: ((request: Request, answer: Response) => ReadableStream<Uint8Array> | null) | undefined;
}

export function proxyHandler(options: ProxyOptions): (c: Context<AppEnv>) => Promise<Response> {
  const base = options.upstreamUrl.replace(/\/+$/, '');
  return async (c) => {
    const url = new URL(c.req.url);
    const target = `${base}${url.pathname.slice('/v1'.length)}${url.search}`;
    const headers = new Headers();
    for (const name of FORWARDED_REQUEST_HEADERS) {
      const value = c.req.header(name);
      if (value !== undefined) headers.set(name, value);
    }
    const method = c.req.method;
    const write = method !== 'GET' && method !== 'HEAD';
    let body: Uint8Array<ArrayBuffer> | null = null;
    if (write && c.req.raw.body !== null) {
      const limit = url.pathname === '/v1/uploads' ? MAX_UPLOAD_REQUEST_BYTES : MAX_JSON_BODY_BYTES;
      const read = await readLimited(c.req.raw, limit);
      if (!read.ok) throw tooLarge(read, { body: `The request body must be at most ${limit} bytes` });
      body = read.bytes;
    }

    const controller = new AbortController();
    let timedOut = false;
    // The timeout covers waiting for the upstream's answer (status and headers); a slow body
    // that has started streaming is left to finish.
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, options.timeoutMs);
    const onClientGone = () => controller.abort();
    c.req.raw.signal?.addEventListener('abort', onClientGone, { once: true });

    let upstream: Response;
    try {
      upstream = await fetch(target, {
        method,
        headers,
        body,
        signal: controller.signal,
        redirect: 'manual',
      });
    } catch (error) {
      if (timedOut) {
        // The body was sent whole: for a write, only the answer is missing, not the effect.
        throw new ApiError(
          504,
          ERROR_CODES.gatewayTimeout,
          `The Passport API did not answer within ${options.timeoutMs} ms.${write ? ` ${MAY_HAVE_BEEN_APPLIED}` : ''}`,
          write ? { mayHaveBeenApplied: true } : {},
        );
      }
      const code = (error as { cause?: { code?: unknown } }).cause?.code;
      const sent = write && !(typeof code === 'string' && NOT_SENT_CODES.has(code));
      throw new ApiError(
        502,
        BAD_GATEWAY,
        sent
          ? `The connection to the Passport API failed. ${MAY_HAVE_BEEN_APPLIED}`
          : 'The Passport API could not be reached.',
        sent ? { mayHaveBeenApplied: true } : {},
      );
    } finally {
      clearTimeout(timer);
    }

    const out = new Headers();
    for (const name of RETURNED_RESPONSE_HEADERS) {
      const value = upstream.headers.get(name);
      if (value !== null) out.set(name, value);
    }
    const bodyless = method === 'HEAD' || upstream.status === 204 || upstream.status === 205 || upstream.status === 304;
    if (bodyless) await upstream.body?.cancel();
    const answerBody = bodyless ? null : options.observeAnswer ? options.observeAnswer(c.req.raw, upstream) : upstream.body;
    return new Response(answerBody, {
      status: upstream.status as ContentfulStatusCode,
      headers: out,
    });
  };
}
