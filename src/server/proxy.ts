/**
 * Proxy mode: `/v1/*` goes to the real Passport API unchanged, so the browser never needs CORS
 * and never talks to another origin. Only the headers the API needs are forwarded (not Host,
 * not cookies); the answer streams back with its status, content type and Retry-After.
 */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ERROR_CODES } from '../contract/schemas';
import type { AppEnv } from './app-env';
import { ApiError } from './errors';

const FORWARDED_REQUEST_HEADERS = ['api-key', 'x-workspace-id', 'content-type', 'accept', 'authorization'];
const RETURNED_RESPONSE_HEADERS = ['content-type', 'retry-after'];
export const BAD_GATEWAY = 'BAD_GATEWAY';

export interface ProxyOptions {
  /** The Passport base URL including its `/v1`, e.g. `https://api.ubpass.co/v1`. */
  upstreamUrl: string;
  timeoutMs: number;
  /** Sees each answer and returns the body to stream on (e.g. a tee of it); the count history. */
  observeAnswer?: ((request: Request, answer: Response) => ReadableStream<Uint8Array> | null) | undefined;
}

export function proxyHandler(options: ProxyOptions): (c: Context<AppEnv>) => Promise<Response> {
  const base = options.upstreamUrl.replace(/\/+$/, '');
  const shownBase = withoutCredentials(base);
  return async (c) => {
    const url = new URL(c.req.url);
    const target = `${base}${url.pathname.slice('/v1'.length)}${url.search}`;
    const headers = new Headers();
    for (const name of FORWARDED_REQUEST_HEADERS) {
      const value = c.req.header(name);
      if (value !== undefined) headers.set(name, value);
    }
    const method = c.req.method;
    const hasBody = method !== 'GET' && method !== 'HEAD' && c.req.raw.body !== null;

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
        body: hasBody ? c.req.raw.body : null,
        signal: controller.signal,
        redirect: 'manual',
        // Node's fetch needs this to stream a request body.
        duplex: 'half',
      } as RequestInit);
    } catch {
      if (timedOut) {
        throw new ApiError(
          504,
          ERROR_CODES.gatewayTimeout,
          `The Passport API did not answer within ${options.timeoutMs} ms.`,
          {
            upstream: shownBase,
          },
        );
      }
      throw new ApiError(502, BAD_GATEWAY, 'The Passport API could not be reached.', { upstream: shownBase });
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
    const body = bodyless ? null : options.observeAnswer ? options.observeAnswer(c.req.raw, upstream) : upstream.body;
    return new Response(body, {
      status: upstream.status as ContentfulStatusCode,
      headers: out,
    });
  };
}

/** The upstream URL as error bodies may show it: never with a user or password in it. */
function withoutCredentials(url: string): string {
  try {
    const parsed = new URL(url);
    if (!parsed.username && !parsed.password) return url;
    parsed.username = '';
    parsed.password = '';
    return parsed.href.replace(/\/+$/, '');
  } catch {
    return '';
  }
}
