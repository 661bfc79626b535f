/**
 * `npm run serve` (and the last step of `npm start`): reads the environment, opens the studio
 * database (both modes) and the sandbox store (sandbox mode only), and serves until SIGTERM/SIGINT, then stops taking
 * connections, lets in-flight requests finish, closes the database and exits 0.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { serve } from '@hono/node-server';
import type { ServerType } from '@hono/node-server';
import type { AppOptions } from './app';
import { createApp } from './app';
import type { ServerEnv } from './env';
import { EnvError, defaultPublicUrl, loadEnv } from './env';
import { ControllableClock, systemClock } from './clock';
import { startInstallSimulation } from './install-simulation';
import { startNotificationDelivery } from './notification-delivery';
import { NotificationStore } from './store/notifications-store';
import { createLogger } from './logger';
import type { Logger } from './logger';
import { openStore } from './store/sandbox-store';
import type { SandboxStore } from './store/sandbox-store';
import { openStudioDb } from './studio/studio-db';
import type { StudioDb } from './studio/studio-db';

/** How long in-flight requests get to finish after a stop signal before connections are cut. */
const SHUTDOWN_GRACE_MS = 10_000;
/** How often due notifications are moved along (a cheap indexed query). */
const NOTIFICATION_TICK_MS = 1000;

export interface RunningServer {
  server: ServerType;
  store: SandboxStore | undefined;
  /** DATA_DIR/studio.db, open in both modes. */
  studio: StudioDb;
  port: number;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Serve the built SPA from env.staticDir (off for the dev API server, where Vite serves it). */
  serveStatic?: boolean;
  logger?: Logger;
}

export async function startServer(env: ServerEnv, options: StartOptions = {}): Promise<RunningServer> {
  const logger = options.logger ?? createLogger(env.logLevel);
  const staticDir = options.serveStatic === false ? null : resolve(env.staticDir);
  let store: SandboxStore | undefined;
  let appOptions: AppOptions;
  const studio = openStudioDb(resolve(env.dataDir));
  if (env.passportApiUrl) {
    appOptions = {
      mode: 'proxy',
      upstreamUrl: env.passportApiUrl,
      timeoutMs: env.proxyTimeoutMs,
      workspaces: env.passportWorkspaces,
      staticDir,
      logger,
      studio,
      historyMaxVersions: env.historyMaxVersions,
    };
  } else {
    store = await openStore({ dataDir: resolve(env.dataDir) });
    appOptions = { mode: 'sandbox', store, rateLimit: env.rateLimit, staticDir, logger, studio, historyMaxVersions: env.historyMaxVersions };
  }
  const notifications = store
    ? new NotificationStore(store, {
        clock: env.clock === 'controllable' ? new ControllableClock() : systemClock,
        failureRate: env.notificationFailureRate,
      })
    : undefined;
  if (notifications && appOptions.mode === 'sandbox') appOptions.notifications = notifications;
  // Scheduled sends go out when their slot passes, whether or not anyone is looking.
  const stopDelivery = notifications
    ? startNotificationDelivery(notifications, NOTIFICATION_TICK_MS, logger)
    : () => {};
  // Links are built on PUBLIC_URL, else on HOST and the port actually listened on (PORT may be 0).
  let listenedPort = env.port;
  appOptions.publicOrigin = env.publicUrl ?? (() => defaultPublicUrl(env.host, listenedPort));
  appOptions.allowedHosts = [env.host, ...env.allowedHosts, ...(env.publicUrl ? [new URL(env.publicUrl).hostname] : [])];
  const stopSimulation =
    store && env.simulateInstalls ? startInstallSimulation(store, env.simulateIntervalMs, logger) : () => {};

  const app = createApp({ ...appOptions, serveSourceMaps: env.serveSourceMaps });
  const { server, port } = await new Promise<{ server: ServerType; port: number }>((resolvePromise, reject) => {
    const s = serve({ fetch: app.fetch, port: env.port, hostname: env.host }, (info) =>
      resolvePromise({ server: s, port: info.port }),
    );
    s.once('error', reject);
  });

  listenedPort = port;

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= new Promise<void>((resolveStop) => {
      stopSimulation();
      stopDelivery();
      const force = setTimeout(() => {
        if ('closeAllConnections' in server) server.closeAllConnections();
      }, SHUTDOWN_GRACE_MS);
      force.unref();
      // Connections that finish their request after close() would otherwise idle until the
      // keep-alive timeout; sweep them so the process exits as soon as the work is done.
      const sweep = setInterval(() => {
        if ('closeIdleConnections' in server) server.closeIdleConnections();
      }, 50);
      // close() stops accepting, drops idle keep-alive sockets and waits for active requests.
      server.close(() => {
        clearTimeout(force);
        clearInterval(sweep);
        store?.close();
        studio.close();
        resolveStop();
      });
      if ('closeIdleConnections' in server) server.closeIdleConnections();
    }));

  return { server, store, studio, port, stop };
}

/** The start banner; `port` is where a browser should go (Vite's port in dev). */
export function describeStart(env: ServerEnv, running: RunningServer, port = running.port): string {
  const url = `http://localhost:${port}`;
  if (!running.store) {
    return `Pass Studio running at ${url} (proxy mode, forwarding /v1 to ${env.passportApiUrl})`;
  }
  const lines = [`Pass Studio running at ${url} (sandbox mode, data in ${resolve(env.dataDir)})`, 'Demo API keys:'];
  for (const key of running.store.listApiKeys())
    lines.push(`  ${key.apiKey}  ${key.label} (${key.workspaceIds.join(', ')})`);
  return lines.join('\n');
}

export async function main(): Promise<void> {
  let env: ServerEnv;
  try {
    env = loadEnv();
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const running = await startServer(env);
  console.log(describeStart(env, running));

  const shutdown = (signal: string) => {
    console.log(`${signal} received: finishing in-flight requests, then stopping`);
    running.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

// Run only as the entry point (`tsx src/server/main.ts`, `node dist-server/main.js`), so start.ts,
// dev.ts and tests can import this module. The name check is for bundles: one that inlines this
// module under another entry's name (dist-server/start.js) must not run it.
if (
  process.argv[1] &&
  /\/main\.[cm]?[jt]s$/.test(import.meta.url) &&
  import.meta.url === pathToFileURL(resolve(process.argv[1])).href
) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
