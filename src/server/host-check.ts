/**
 * DNS rebinding defence: a page on another origin can point its own name at 127.0.0.1 and then
 * read this server as if it were same-origin (the demo keys in `/studio/config`, then `/v1`).
 * The browser still sends that name as Host, so only requests for a known host name are
 * answered: the loopback names, the listen host, the public URL's host and ALLOWED_HOSTS.
 */
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './app-env';
import { ApiError } from './errors';

export const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]'] as const;
export const MISDIRECTED_REQUEST = 'MISDIRECTED_REQUEST';

/** `Example.COM.:3000` → `example.com`; `[::1]:3000` → `[::1]`; null when there is no name. */
export function hostName(host: string | undefined): string | null {
  if (!host) return null;
  const value = host.trim().toLowerCase();
  const name = value.startsWith('[') ? value.slice(0, value.indexOf(']') + 1) : value.replace(/:\d*$/, '');
  const bare = name.replace(/\.$/, '');
  return bare === '' ? null : bare;
}

/** The names a host setting may be written as (`::1` is sent as `[::1]`). */
function normalise(host: string): string | null {
  const trimmed = host.trim();
  return hostName(trimmed.includes(':') && !trimmed.startsWith('[') && /:.*:/.test(trimmed) ? `[${trimmed}]` : trimmed);
}

export function hostCheck(extraHosts: readonly string[] = []): MiddlewareHandler<AppEnv> {
  const allowed = new Set<string>(LOOPBACK_HOSTS);
  for (const host of extraHosts) {
    const name = normalise(host);
    if (name) allowed.add(name);
  }
  return async (c, next) => {
    // Requests made in-process (`app.request`, `app.fetch`) may carry no Host header: their URL
    // says where they go. Over HTTP the adapter builds the URL from the Host header anyway.
    const name = hostName(c.req.header('host') ?? new URL(c.req.url).host);
    if (name === null || !allowed.has(name)) {
      throw new ApiError(
        421,
        MISDIRECTED_REQUEST,
        'This server does not answer for this host name. Open it by its configured address, or add the name to ALLOWED_HOSTS.',
        { host: name ?? '' },
      );
    }
    await next();
  };
}
