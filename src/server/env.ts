/**
 * The server's environment, parsed once at start with the contract's schema library. A bad value
 * stops the server with the list of offending keys instead of surfacing later as odd behaviour.
 * Only `main.ts`, `start.ts` and `dev.ts` read it; `createApp` takes explicit options so tests can
 * build instances with their own settings.
 */
import * as z from 'zod/mini';
import { ID_PATTERN } from '../contract/rules';
import type { Workspace } from '../contract/queries';
import { DEFAULT_FAILURE_RATE } from './notification-delivery';

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const integer = (what: string, min: number, max = Number.MAX_SAFE_INTEGER) =>
  z
    .string()
    .check(
      z.refine(
        (v) => /^\d+$/.test(v) && Number(v) >= min && Number(v) <= max,
        `must be ${what} between ${min} and ${max}`,
      ),
    );

const httpUrl = z.string().check(
  z.refine((v) => {
    try {
      const url = new URL(v);
      return url.protocol === 'http:' || url.protocol === 'https:';
    } catch {
      return false;
    }
  }, 'must be an http(s) URL'),
);

/** The Passport API's URL: credentials in it would be printed and sent to every request. */
const upstreamUrl = httpUrl.check(
  z.refine((v) => {
    const url = new URL(v);
    return url.username === '' && url.password === '';
  }, 'must not contain a user name or password (the API key is given in the dashboard, never in this URL)'),
);

/** An origin only: links are built as `${PUBLIC_URL}/p/slug`. */
const publicUrl = httpUrl.check(
  z.refine((v) => {
    const url = new URL(v);
    return url.pathname === '/' && !url.search && !url.hash && !url.username && !url.password;
  }, 'must be an origin like https://studio.example.com (no path, query or credentials)'),
);

const HOST_NAME = /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*|\[[0-9a-f:.]+\])$/i;

const hostList = z
  .string()
  .check(
    z.refine(
      (v) => parseHostList(v).every((h) => HOST_NAME.test(h)),
      'must be host names separated by commas, without scheme or port (e.g. studio.example.com,10.0.0.5)',
    ),
  );

const workspaceList = z
  .string()
  .check(
    z.refine(
      (v) => parseWorkspaceList(v) !== null,
      'must be a list like "id:Name,id:Name" with ids of letters, digits, - and _',
    ),
  );

const EnvSchema = z.object({
  PORT: z.optional(integer('an integer', 0, 65535)),
  HOST: z.optional(z.string()),
  DATA_DIR: z.optional(z.string()),
  STATIC_DIR: z.optional(z.string()),
  PUBLIC_URL: z.optional(publicUrl),
  ALLOWED_HOSTS: z.optional(hostList),
  SERVE_SOURCEMAPS: z.optional(z.enum(['0', '1'], { error: 'must be 0 or 1' })),
  PASSPORT_API_URL: z.optional(upstreamUrl),
  PASSPORT_WORKSPACES: z.optional(workspaceList),
  PROXY_TIMEOUT_MS: z.optional(integer('an integer', 1)),
  SANDBOX_SIMULATE_INSTALLS: z.optional(z.enum(['0', '1'], { error: 'must be 0 or 1' })),
  SANDBOX_SIMULATE_INTERVAL_MS: z.optional(integer('an integer', 10)),
  SANDBOX_RATE_LIMIT: z.optional(integer('an integer', 0)),
  HISTORY_MAX_VERSIONS: z.optional(integer('an integer', 1)),
  SANDBOX_CLOCK: z.optional(z.enum(['system', 'controllable'], { error: 'must be system or controllable' })),
  SANDBOX_NOTIFICATION_FAILURE_RATE: z.optional(
    z.string().check(z.refine((v) => /^(0(\.\d+)?|1(\.0+)?)$/.test(v), 'must be a number from 0 to 1')),
  ),
  LOG_LEVEL: z.optional(z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` })),
});

export interface ServerEnv {
  port: number;
  host: string;
  dataDir: string;
  staticDir: string;
  /** Origin of pass links and image URLs; unset → `defaultPublicUrl(host, port listened on)`. */
  publicUrl: string | undefined;
  /** Host names answered besides the loopback names, HOST and PUBLIC_URL's (DNS rebinding guard). */
  allowedHosts: string[];
  /** Answer the build's source maps (off by default: they publish the whole source). */
  serveSourceMaps: boolean;
  /** Set → proxy mode: `/v1/*` goes to the real Passport API and no sandbox store is opened. */
  passportApiUrl: string | undefined;
  passportWorkspaces: Workspace[];
  proxyTimeoutMs: number;
  simulateInstalls: boolean;
  simulateIntervalMs: number;
  /** Requests per second per API key (burst twice that); 0 turns the limit off. */
  rateLimit: number;
  /** Versions of each pass kept in the studio's version history (oldest out). */
  historyMaxVersions: number;
  /** `controllable`: tests may move the notifications' clock forward (`POST /studio/test/clock`). */
  clock: 'system' | 'controllable';
  /** Share of simulated notification sends that end in a failure status. */
  notificationFailureRate: number;
  logLevel: LogLevel;
}

export class EnvError extends Error {
  constructor(readonly problems: Record<string, string>) {
    super(
      `Invalid environment: ${Object.entries(problems)
        .map(([k, m]) => `${k} ${m}`)
        .join('; ')}`,
    );
    this.name = 'EnvError';
  }
}

export function parseHostList(value: string): string[] {
  return value
    .split(',')
    .map((h) => h.trim())
    .filter((h) => h !== '');
}

/** `http://HOST:port`, with `localhost` for the any-address hosts and brackets around IPv6. */
export function defaultPublicUrl(host: string, port: number): string {
  const name = host === '' || host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  return `http://${name}:${port}`;
}

/** `"ws-1:Coffee,ws-2:Books & Co"` → workspaces; null when any entry is malformed. */
export function parseWorkspaceList(value: string): Workspace[] | null {
  const workspaces: Workspace[] = [];
  for (const entry of value.split(',')) {
    if (entry.trim() === '') continue;
    const colon = entry.indexOf(':');
    const id = (colon === -1 ? entry : entry.slice(0, colon)).trim();
    const name = (colon === -1 ? id : entry.slice(colon + 1)).trim() || id;
    if (!ID_PATTERN.test(id)) return null;
    workspaces.push({ id, name });
  }
  return workspaces;
}

/** Parses the server environment; empty strings count as unset. Throws `EnvError` listing bad keys. */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): ServerEnv {
  const present: Record<string, string> = {};
  for (const key of Object.keys(EnvSchema.shape)) {
    const value = source[key];
    if (value !== undefined && value.trim() !== '') present[key] = value.trim();
  }
  const result = EnvSchema.safeParse(present);
  if (!result.success) {
    const problems: Record<string, string> = {};
    for (const issue of result.error.issues) {
      const key = String(issue.path[0] ?? 'env');
      problems[key] ??= issue.message;
    }
    throw new EnvError(problems);
  }
  const env = result.data;
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '127.0.0.1',
    dataDir: env.DATA_DIR ?? './data',
    staticDir: env.STATIC_DIR ?? './dist',
    publicUrl: env.PUBLIC_URL?.replace(/\/+$/, ''),
    allowedHosts: env.ALLOWED_HOSTS ? parseHostList(env.ALLOWED_HOSTS) : [],
    serveSourceMaps: env.SERVE_SOURCEMAPS === '1',
    passportApiUrl: env.PASSPORT_API_URL,
    passportWorkspaces: env.PASSPORT_WORKSPACES ? (parseWorkspaceList(env.PASSPORT_WORKSPACES) ?? []) : [],
    proxyTimeoutMs: Number(env.PROXY_TIMEOUT_MS ?? 15_000),
    simulateInstalls: (env.SANDBOX_SIMULATE_INSTALLS ?? '1') !== '0',
    simulateIntervalMs: Number(env.SANDBOX_SIMULATE_INTERVAL_MS ?? 4000),
    rateLimit: Number(env.SANDBOX_RATE_LIMIT ?? 100),
    historyMaxVersions: Number(env.HISTORY_MAX_VERSIONS ?? 200),
    clock: env.SANDBOX_CLOCK ?? 'system',
    notificationFailureRate: Number(env.SANDBOX_NOTIFICATION_FAILURE_RATE ?? DEFAULT_FAILURE_RATE),
    logLevel: env.LOG_LEVEL ?? 'info',
  };
}
