/**
 * Totals of a whole workspace for `GET /studio/workspaces/{id}/summary` (the list's summary
 * cards), in both modes:
 * - sandbox: one SQL aggregate over the workspace's passes, authorised as `/v1` is (401 without
 *   a key, 403 for an unknown key or a workspace the key cannot reach);
 * - proxy: the Passport API has no summary, so the upstream list is paged with the caller's own
 *   key (forwarded per request, never stored or logged). The totals are cached per workspace for
 *   `cacheMs` and concurrent callers share one computation; every caller is first authorised for
 *   the workspace with one cheap upstream read (`limit=1`), remembered for a few seconds under a
 *   salted hash of its key in memory, so a cached summary never reaches a key that cannot read
 *   the workspace.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Context } from 'hono';
import { ID_PATTERN, PAGE_LIMIT } from '../../contract/rules';
import { ERROR_CODES } from '../../contract/schemas';
import type { WorkspaceSummary } from '../../contract/workspace-summary';
import type { AppEnv } from '../app-env';
import { ApiError, forbidden, invalidInput, unauthorized } from '../errors';
import type { SandboxStore } from '../store/sandbox-store';

/** Answers the totals of `workspaceId` for the request's caller, or throws the API's refusal. */
export type SummarySource = (c: Context<AppEnv>, workspaceId: string) => Promise<WorkspaceSummary>;

function checkWorkspaceId(workspaceId: string): void {
  if (!ID_PATTERN.test(workspaceId)) {
    throw invalidInput({ workspaceId: 'must be letters, digits, dashes and underscores' });
  }
}

// ---------------------------------------------------------------------------------------------
// Sandbox

interface SummaryRow {
  passes: number;
  published: number;
  appleIssued: number;
  googleIssued: number;
  appleActive: number;
  googleActive: number;
}

export function sandboxSummary(store: SandboxStore): SummarySource {
  // One pass over the workspace's rows through its index; about a millisecond at 5,000 passes.
  const statement = store.database.prepare<[string], SummaryRow>(
    `SELECT COUNT(*) AS passes,
            COALESCE(SUM(status = 'Published'), 0) AS published,
            COALESCE(SUM(apple_issued), 0) AS appleIssued,
            COALESCE(SUM(google_issued), 0) AS googleIssued,
            COALESCE(SUM(apple_active), 0) AS appleActive,
            COALESCE(SUM(google_active), 0) AS googleActive
       FROM passes WHERE workspace_id = ?`,
  );
  return (c, workspaceId) => {
    const apiKey = c.req.header('api-key');
    if (!apiKey) throw unauthorized();
    const key = store.findApiKey(apiKey);
    if (!key) throw forbidden({}, 'The API key is not valid.');
    checkWorkspaceId(workspaceId);
    if (!key.workspaceIds.includes(workspaceId)) {
      throw forbidden({ workspaceId }, 'This API key has no access to the workspace.');
    }
    const asOf = new Date().toISOString();
    const row = statement.get(workspaceId);
    if (!row) throw new Error('The summary query returned no row');
    return Promise.resolve(summaryOf(workspaceId, row, asOf));
  };
}

function summaryOf(workspaceId: string, row: SummaryRow, asOf: string): WorkspaceSummary {
  return {
    workspaceId,
    passes: row.passes,
    published: row.published,
    drafts: row.passes - row.published,
    appleIssued: row.appleIssued,
    googleIssued: row.googleIssued,
    totalIssued: row.appleIssued + row.googleIssued,
    appleActive: row.appleActive,
    googleActive: row.googleActive,
    totalActive: row.appleActive + row.googleActive,
    asOf,
  };
}

// ---------------------------------------------------------------------------------------------
// Proxy

export interface ProxySummaryOptions {
  upstreamUrl: string;
  timeoutMs: number;
  /** How long computed totals are reused for a workspace. */
  cacheMs?: number | undefined;
  /** How long a key's access to a workspace is taken as confirmed. */
  accessMs?: number;
  now?: () => number;
}

/** Workspace totals are reused this long in proxy mode: counts move, but not by the second. */
export const PROXY_SUMMARY_CACHE_MS = 15_000;
const ACCESS_MS = 5_000;
/** Upper bounds for the in-memory maps; expired entries go first. */
const MAX_ENTRIES = 2_000;
/** A workspace larger than this many pages is not summed (the answer would take minutes). */
const MAX_PAGES = 2_500;

interface UpstreamPass {
  status?: unknown;
  appleIssuedCount?: unknown;
  googleIssuedCount?: unknown;
  appleActiveCount?: unknown;
  googleActiveCount?: unknown;
}

const numberOf = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : 0);

function prune<V extends { expires: number }>(map: Map<string, V>, now: number): void {
  if (map.size < MAX_ENTRIES) return;
  for (const [key, value] of map) if (value.expires <= now || map.size >= MAX_ENTRIES) map.delete(key);
}

export function proxySummary(options: ProxySummaryOptions): SummarySource {
  const base = options.upstreamUrl.replace(/\/+$/, '');
  const cacheMs = options.cacheMs ?? PROXY_SUMMARY_CACHE_MS;
  const accessMs = options.accessMs ?? ACCESS_MS;
  const now = options.now ?? Date.now;
  // Per process: even the in-memory access entries cannot be checked against a guessed key.
  const salt = randomBytes(16);
  const access = new Map<string, { expires: number }>();
  const summaries = new Map<string, { expires: number; summary: WorkspaceSummary }>();
  const inFlight = new Map<string, Promise<WorkspaceSummary>>();

  const upstream = async (path: string, apiKey: string, workspaceId: string): Promise<unknown> => {
    let response: Response;
    try {
      response = await fetch(`${base}${path}`, {
        headers: { 'api-key': apiKey, 'x-workspace-id': workspaceId, accept: 'application/json' },
        signal: AbortSignal.timeout(options.timeoutMs),
        redirect: 'manual',
      });
    } catch (error) {
      if (error instanceof Error && error.name === 'TimeoutError') {
        throw new ApiError(
          504,
          ERROR_CODES.gatewayTimeout,
          `The Passport API did not answer within ${options.timeoutMs} ms.`,
        );
      }
      throw new ApiError(502, 'BAD_GATEWAY', 'The Passport API could not be reached.');
    }
    const body: unknown = await response.json().catch(() => null);
    if (response.ok) return body;
    // The API's own refusal, as it gave it (401, 403, 404, 400, 429 with Retry-After).
    if (response.status >= 400 && response.status < 500) {
      const error = body as { errorCode?: unknown; errorMessage?: unknown; context?: unknown } | null;
      const retryAfter = response.headers.get('retry-after');
      throw new ApiError(
        response.status as 400,
        typeof error?.errorCode === 'string' ? error.errorCode : ERROR_CODES.forbidden,
        typeof error?.errorMessage === 'string' ? error.errorMessage : 'The Passport API refused the request.',
        typeof error?.context === 'object' && error.context !== null ? (error.context as Record<string, unknown>) : {},
        retryAfter ? { 'Retry-After': retryAfter } : {},
      );
    }
    throw new ApiError(502, 'BAD_GATEWAY', `The Passport API answered ${response.status}.`);
  };

  const authorise = async (apiKey: string, workspaceId: string): Promise<void> => {
    const entry = `${createHash('sha256').update(salt).update(apiKey).digest('base64url')}\n${workspaceId}`;
    if ((access.get(entry)?.expires ?? 0) > now()) return;
    await upstream('/wallet-pass?limit=1&includePassAssets=false', apiKey, workspaceId);
    prune(access, now());
    access.set(entry, { expires: now() + accessMs });
  };

  const compute = async (apiKey: string, workspaceId: string): Promise<WorkspaceSummary> => {
    const asOf = new Date(now()).toISOString();
    const row: SummaryRow = {
      passes: 0,
      published: 0,
      appleIssued: 0,
      googleIssued: 0,
      appleActive: 0,
      googleActive: 0,
    };
    let cursor: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const query = new URLSearchParams({ limit: String(PAGE_LIMIT.max), includePassAssets: 'false' });
      if (cursor) query.set('cursor', cursor);
      const body = (await upstream(`/wallet-pass?${query}`, apiKey, workspaceId)) as {
        items?: unknown;
        hasMore?: unknown;
        cursor?: unknown;
      } | null;
      const items = Array.isArray(body?.items) ? (body.items as UpstreamPass[]) : [];
      for (const pass of items) {
        row.passes += 1;
        if (pass.status === 'Published') row.published += 1;
        row.appleIssued += numberOf(pass.appleIssuedCount);
        row.googleIssued += numberOf(pass.googleIssuedCount);
        row.appleActive += numberOf(pass.appleActiveCount);
        row.googleActive += numberOf(pass.googleActiveCount);
      }
      if (body?.hasMore !== true || typeof body.cursor !== 'string' || body.cursor === '') {
        return summaryOf(workspaceId, row, asOf);
      }
      cursor = body.cursor;
    }
    throw new ApiError(502, 'BAD_GATEWAY', 'The workspace has too many passes to total through the proxy.');
  };

  return async (c, workspaceId) => {
    const apiKey = c.req.header('api-key');
    if (!apiKey) throw unauthorized();
    checkWorkspaceId(workspaceId);
    await authorise(apiKey, workspaceId);

    const cached = summaries.get(workspaceId);
    if (cached && cached.expires > now()) return cached.summary;
    let running = inFlight.get(workspaceId);
    if (!running) {
      running = compute(apiKey, workspaceId)
        .then((summary) => {
          prune(summaries, now());
          summaries.set(workspaceId, { expires: now() + cacheMs, summary });
          return summary;
        })
        .finally(() => inFlight.delete(workspaceId));
      inFlight.set(workspaceId, running);
    }
    return running;
  };
}
