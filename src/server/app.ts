/**
 * The HTTP application, in one of two modes:
 * - sandbox: the Passport API implemented over the SQLite store (plus uploads, files, pass pages);
 * - proxy: `/v1/*` forwarded to the real Passport API, no store at all.
 * Both serve `/studio/config` and, when given a STATIC_DIR, the built dashboard.
 * Everything comes in through `options` (never `process.env`), so tests build many instances.
 */
import { Hono } from 'hono';
import type { Workspace } from '../contract/queries';
import { ERROR_CODES } from '../contract/schemas';
import type { AppEnv } from './app-env';
import { apiKeyAuth } from './auth';
import { MAX_JSON_BODY_BYTES, limitBody } from './body-limit';
import { ControllableClock, systemClock } from './clock';
import type { Clock } from './clock';
import { compressJson } from './compression';
import { ApiError, errorBody, insufficientStorage, isStorageFull, notFound, payloadTooLarge } from './errors';
import { hostCheck } from './host-check';
import { errorResponse } from './http';
import type { PublicOrigin } from './http';
import { newId } from './ids';
import type { Logger } from './logger';
import { createLogger, redactHeaders } from './logger';
import { proxyHandler } from './proxy';
import { TokenBucketLimiter } from './rate-limit';
import { locationRoutes } from './routes/locations';
import { notificationRoutes, testClockRoutes } from './routes/notifications';
import { passPageRoutes } from './routes/pass-page';
import { passRoutes } from './routes/passes';
import { proxyConfig, sandboxConfig, studioRoutes } from './routes/studio';
import { proxySummary, sandboxSummary } from './routes/workspace-summary';
import { fileRoutes, uploadRoutes } from './routes/uploads';
import { SECURITY_HEADERS } from './security-headers';
import { staticFiles } from './static-files';
import type { SandboxStore } from './store/sandbox-store';
import { NotificationStore } from './store/notifications-store';
import type { PassportGet, StudioAccess, StudioDb } from './studio/studio-db';
import { createStudioAccess } from './studio/studio-db';
import { VersionHistory } from './studio/version-history';
import { recordPassVersions } from './studio/version-recorder';
import { historyRoutes } from './routes/history';
import { InstallHistory } from './studio/install-history';
import {
  observePassAnswers,
  recordNotificationMarkers,
  recordSandboxInstalls,
  seedSandboxHistory,
  startCompaction,
} from './studio/install-recorder';
import { installRoutes } from './studio/install-routes';

export { MAX_JSON_BODY_BYTES };

interface CommonAppOptions {
  logger?: Logger;
  /** Directory of the built SPA; undefined or null serves no static files (dev, tests). */
  staticDir?: string | null | undefined;
  /**
   * Origin of links and image URLs (PUBLIC_URL); by default the origin the request came in on,
   * which the Host check has limited to known names.
   */
  publicOrigin?: PublicOrigin;
  /** Host names answered besides localhost, 127.0.0.1 and [::1] (listen host, public URL's, ALLOWED_HOSTS). */
  allowedHosts?: readonly string[] | undefined;
  /** Answer the build's `*.map` files (SERVE_SOURCEMAPS=1); off, they answer 404. */
  serveSourceMaps?: boolean | undefined;
  /** The studio database (DATA_DIR/studio.db); without it no /studio history route is served. */
  studio?: StudioDb | undefined;
  /** Versions kept per pass in the version history (HISTORY_MAX_VERSIONS); 200 when unset. */
  historyMaxVersions?: number | undefined;
}

/** What studio routes (count history, versions) get: their database and the access check. */
export interface StudioContext {
  studio: StudioDb;
  access: StudioAccess;
}

export interface SandboxAppOptions extends CommonAppOptions {
  mode: 'sandbox';
  store: SandboxStore;
  /** Requests per second per API key, burst twice that; 0 or undefined turns the limit off. */
  rateLimit?: number | undefined;
  /** Push notifications; by default a store on `store`'s database with `clock` (system time). */
  notifications?: NotificationStore | undefined;
  clock?: Clock | undefined;
  notificationFailureRate?: number | undefined;
}

export interface ProxyAppOptions extends CommonAppOptions {
  mode: 'proxy';
  upstreamUrl: string;
  timeoutMs: number;
  /** Listed by `/studio/config` (the Passport API has no endpoint to list workspaces). */
  workspaces: readonly Workspace[];
  /** How long workspace totals (`/studio/workspaces/{id}/summary`) are reused; 15 s when unset. */
  summaryCacheMs?: number | undefined;
}

export type AppOptions = SandboxAppOptions | ProxyAppOptions;

export function createApp(options: AppOptions): Hono<AppEnv> {
  const logger = options.logger ?? createLogger('silent');
  const app = new Hono<AppEnv>();

  // Outermost: txId, security headers and one log line for every request, errors included.
  app.use(async (c, next) => {
    const started = performance.now();
    c.set('txId', newId());
    await next();
    let res = c.res;
    try {
      for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.headers.set(name, value);
    } catch {
      // Headers of a response we did not build may be immutable: copy it once.
      res = new Response(res.body, res);
      for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.headers.set(name, value);
      c.res = res;
    }
    logger.info('request', {
      method: c.req.method,
      // The path only: queries can carry search text and ids that do not belong in logs.
      path: c.req.path,
      status: res.status,
      ms: Math.round((performance.now() - started) * 100) / 100,
      txId: c.get('txId'),
      // Debugging aid: the request headers, with api-key, authorization and cookies redacted.
      ...(logger.level === 'debug' ? { headers: redactHeaders(c.req.raw.headers) } : {}),
    });
  });

  app.onError((error, c) => {
    if (error instanceof ApiError) return errorResponse(c, error);
    if (error instanceof Error && error.name === 'BodyLimitError') {
      return errorResponse(c, payloadTooLarge({ body: 'The request body is too large' }));
    }
    if (isStorageFull(error)) {
      // Nothing was written (the transaction rolled back); reads go on, and writes work again
      // as soon as there is room, without a restart.
      logger.warn('disk full: write refused', { txId: c.get('txId'), method: c.req.method, path: c.req.path });
      return errorResponse(c, insufficientStorage());
    }
    logger.error('unhandled error', {
      txId: c.get('txId'),
      method: c.req.method,
      path: c.req.path,
      error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
      stack: error instanceof Error ? error.stack : undefined,
    });
    // Nothing about the failure goes to the client: the txId finds it in the log.
    return c.json(errorBody(c.get('txId') ?? '', ERROR_CODES.internal, 'Something went wrong on our side.', {}), 500);
  });

  app.notFound((c) => errorResponse(c, notFound({ path: c.req.path })));

  // Before anything answers: a request for an unknown host name may be DNS rebinding.
  app.use(hostCheck(options.allowedHosts));

  // Every /studio history read asks the Passport API whether the caller's key may read it: the
  // sandbox in-process (same auth, same answers; a loopback Host so the Host check lets it in),
  // or the real API upstream in proxy mode.
  const passportGet: PassportGet =
    options.mode === 'sandbox'
      ? (path, headers) => {
          headers.set('host', 'localhost');
          return Promise.resolve(app.fetch(new Request(`http://localhost/v1${path}`, { headers })));
        }
      : (path, headers) =>
          fetch(`${options.upstreamUrl.replace(/\/+$/, '')}${path}`, {
            headers,
            signal: AbortSignal.timeout(options.timeoutMs),
          });
  const studio: StudioContext | undefined = options.studio
    ? { studio: options.studio, access: createStudioAccess(passportGet) }
    : undefined;
  const history = studio ? new InstallHistory(studio.studio) : undefined;
  if (studio && history) {
    app.route('/studio/installs', installRoutes({ history, access: studio.access, mode: options.mode }));
    studio.studio.onClose(startCompaction(history));
    if (options.mode === 'sandbox') {
      seedSandboxHistory(options.store, history);
      studio.studio.onClose(recordSandboxInstalls(options.store, history));
    }
  }

  // Version history: every version of a pass the studio saves or sees, and its endpoints.
  const versionHistory = studio
    ? new VersionHistory(studio.studio, { maxVersions: options.historyMaxVersions })
    : undefined;
  const recordVersions = versionHistory
    ? recordPassVersions(versionHistory, logger, { seesEveryWrite: options.mode === 'sandbox' })
    : undefined;
  if (studio && versionHistory) app.route('/studio', historyRoutes(versionHistory, studio.access));

  if (options.mode === 'sandbox') {
    const { store, publicOrigin } = options;
    const limiter = options.rateLimit ? new TokenBucketLimiter(options.rateLimit) : undefined;
    // JSON answers of 1 KB and more are compressed when the client accepts it (cached list pages
    // arrive compressed already); outermost of the API so errors are too.
    app.use('/v1/*', compressJson());
    app.use('/studio/*', compressJson());
    app.use('/v1/*', apiKeyAuth(store, limiter));
    app.use('/v1/*', async (c, next) => {
      // Only requests that carry a body: looking at the body of a GET makes the Node adapter
      // build a full Request, which costs the hot read paths a noticeable share of their time.
      // Uploads have their own (larger) limit; every other body is JSON.
      const method = c.req.method;
      if (method === 'GET' || method === 'HEAD' || method === 'DELETE' || c.req.path === '/v1/uploads') return next();
      return jsonBodyLimit(c, next);
    });
    // Inside the compression, so it reads the answers as JSON.
    if (recordVersions) app.use('/v1/*', recordVersions);
    const notifications =
      options.notifications ??
      new NotificationStore(store, {
        clock: options.clock ?? systemClock,
        failureRate: options.notificationFailureRate,
      });
    if (studio && history) studio.studio.onClose(recordNotificationMarkers(notifications, history));
    // Before `/v1/wallet-pass`, whose `/:id` would take `notifications` for a pass id.
    app.route('/v1/wallet-pass/notifications', notificationRoutes(notifications));
    app.route('/v1/wallet-pass', passRoutes(store, publicOrigin));
    // Test-only, and only with SANDBOX_CLOCK=controllable: otherwise the path does not exist.
    if (notifications.clock instanceof ControllableClock)
      app.route('/studio/test', testClockRoutes(notifications.clock, notifications));
    app.route('/v1/wallet-pass-location', locationRoutes(store));
    app.route('/v1/uploads', uploadRoutes(store, publicOrigin));
    app.route('/files', fileRoutes(store));
    app.route(
      '/studio',
      studioRoutes(() => sandboxConfig(store), sandboxSummary(store)),
    );
    app.route('/p', passPageRoutes(store));
  } else {
    const config = proxyConfig(options.workspaces);
    if (recordVersions) app.use('/v1/*', recordVersions);
    app.all(
      '/v1/*',
      proxyHandler({
        upstreamUrl: options.upstreamUrl,
        timeoutMs: options.timeoutMs,
        observeAnswer: history ? observePassAnswers(history) : undefined,
      }),
    );
    app.route(
      '/studio',
      studioRoutes(
        () => config,
        proxySummary({
          upstreamUrl: options.upstreamUrl,
          timeoutMs: options.timeoutMs,
          cacheMs: options.summaryCacheMs,
        }),
      ),
    );
  }

  if (options.staticDir) {
    app.use('*', staticFiles(options.staticDir, { serveSourceMaps: options.serveSourceMaps ?? false }));
  }

  return app;
}

const jsonBodyLimit = limitBody(MAX_JSON_BODY_BYTES, {
  body: `The request body must be at most ${MAX_JSON_BODY_BYTES / 1024 / 1024} MB`,
});
