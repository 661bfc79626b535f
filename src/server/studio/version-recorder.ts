/**
 * Records the versions of passes that pass through the server, in sandbox and proxy mode alike:
 * the answer of a successful `POST /v1/wallet-pass` or `PATCH /v1/wallet-pass/{id}` (before the
 * answer is returned, so an acknowledged save always has its version), the pass of a successful
 * `GET /v1/wallet-pass/{id}` (read from a copy of the answer while the answer goes on, compared
 * only when its bytes differ from the last answer for that pass, and written in small batches
 * off the request path; in the sandbox, not read again until something is written) and a `DELETE` (the pass is kept as deleted).
 *
 * A write is "saved" when the dashboard made it (it marks its requests with `STUDIO_CLIENT_HEADER`);
 * the same write made with the API directly is "observed": the studio saw it, nobody saved it here.
 */
import { createHash } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { STUDIO_CLIENT_HEADER } from '../../contract/studio-headers';
import type { WalletPass } from '../../contract/schemas';
import { WalletPassDetailResponseSchema, WalletPassSchema } from '../../contract/schemas';
import type { AppEnv } from '../app-env';
import type { Logger } from '../logger';
import type { VersionHistory } from './version-history';

const PASS_PATH = /^\/v1\/wallet-pass(?:\/([A-Za-z0-9_-]+))?\/?$/;
// Sub-resources of /wallet-pass that are not pass ids.
const NOT_PASS_IDS = new Set(['notifications', 'async']);
const FLUSH_MS = 25;
const MAX_TRACKED = 10_000;

export interface RecorderOptions {
  /**
   * Sandbox: every write to the data passes through this server, so a pass read once needs no
   * second look until something is written (a location edit changes a pass without a PATCH).
   * Proxy: anyone may write upstream, so every read is compared.
   */
  seesEveryWrite?: boolean;
}

export function recordPassVersions(
  history: VersionHistory,
  logger: Logger,
  options: RecorderOptions = {},
): MiddlewareHandler<AppEnv> {
  // Sandbox: passes whose current version is known; a successful write clears it.
  const settled = new Set<string>();
  const pending = new Map<string, { pass: WalletPass; workspaceId: string }>();
  // Pass id → digest of the last answer read for it: reads are the hot path, and an answer
  // byte for byte the same as the last one needs no parsing.
  const lastSeen = new Map<string, string>();
  let timer: ReturnType<typeof setTimeout> | undefined;

  const flush = () => {
    timer = undefined;
    const batch = [...pending.values()];
    pending.clear();
    try {
      history.recordObserved(batch);
    } catch (error) {
      // A closed database (shutting down) or a full disk must not break reads.
      logger.warn('version history: observed versions not recorded', {
        count: batch.length,
        error: error instanceof Error ? error.message : String(error),
      });
    }
  };

  const observe = (pass: WalletPass, workspaceId: string) => {
    pending.set(pass.id, { pass, workspaceId });
    timer ??= setTimeout(flush, FLUSH_MS);
  };

  const readLater = async (response: Response, passId: string, workspaceId: string) => {
    try {
      const text = await response.text();
      const digest = createHash('sha1').update(text).digest('base64');
      if (lastSeen.get(passId) === digest) return;
      if (lastSeen.size >= MAX_TRACKED) lastSeen.clear();
      lastSeen.set(passId, digest);
      const parsed = WalletPassDetailResponseSchema.safeParse(JSON.parse(text));
      const pass = parsed.success ? (parsed.data.find((p) => p.id === passId) ?? parsed.data[0]) : undefined;
      if (pass) observe(pass, workspaceId);
      if (options.seesEveryWrite && settled.size < MAX_TRACKED) settled.add(passId);
    } catch {
      // A client that went away mid-answer, or a body that is not a pass: nothing to record.
    }
  };

  return async (c, next) => {
    await next();
    const method = c.req.method;
    if (options.seesEveryWrite && method !== 'GET' && method !== 'HEAD' && c.res.ok) settled.clear();
    const match = PASS_PATH.exec(c.req.path);
    if (!match) return;
    const passId = match[1];
    if (passId !== undefined && NOT_PASS_IDS.has(passId)) return;
    const res = c.res;
    const workspaceId = c.req.header('x-workspace-id') ?? '';

    if (method === 'DELETE' && passId && res.status === 204) {
      pending.delete(passId);
      history.markDeleted(passId, workspaceId);
      return;
    }
    // `ok` only: reading `res.body` (or any other property but status and headers) would turn the
    // Node adapter's light response into a web stream, and every read would then be streamed to
    // the socket chunk by chunk instead of written as one string (measured: a third of the time of
    // a read by id). A 2xx pass answer always has a body; a missing one fails the parse below.
    if (!res.ok) return;

    if ((method === 'PATCH' && passId) || (method === 'POST' && !passId)) {
      const parsed = WalletPassSchema.safeParse(
        await res
          .clone()
          .json()
          .catch(() => null),
      );
      if (!parsed.success) return;
      const fromDashboard = c.req.header(STUDIO_CLIENT_HEADER) !== undefined;
      pending.delete(parsed.data.id);
      // Synchronous and before the answer leaves: a save the client saw succeed has its version.
      history.record(parsed.data, fromDashboard ? 'saved' : 'observed', workspaceId);
      lastSeen.delete(parsed.data.id);
      return;
    }

    if (method === 'GET' && passId && !settled.has(passId)) void readLater(res.clone(), passId, workspaceId);
  };
}
