/**
 * Where count samples come from.
 * - Sandbox: every pass change the store reports (the install simulation's ticks, edits, status
 *   changes, deletions) is collected and written in one transaction per `SAMPLE_WRITE_INTERVAL_MS`
 *   (one fsync for a whole tick, however many passes moved); a sample only when counts moved.
 * - Notifications: each send that goes out becomes a marker (sandbox: `recordNotificationMarkers`;
 *   proxy: the sent notifications seen in forwarded notification answers, marked once each).
 * - Proxy: the pass answers the server forwards (lists and details) are read as they stream on
 *   to the client (a tee of the body, never a buffered response), at most one sample per pass per
 *   `PROXY_SAMPLE_INTERVAL_MS`. Nothing is recorded when nobody looks: gaps stay gaps.
 */
import { isStorageFull } from '../errors';
import type { NotificationStore } from '../store/notifications-store';
import type { SandboxStore } from '../store/sandbox-store';
import type { Counts, InstallHistory, SampleInput } from './install-history';
import { seedInstallHistory } from './install-history-seed';

/** Sandbox samples reach the disk at most this long after the counts moved. */
export const SAMPLE_WRITE_INTERVAL_MS = 1_000;
/** Proxy mode: at most one sample per pass per this long. */
export const PROXY_SAMPLE_INTERVAL_MS = 5 * 60_000;
/** How often aged samples are thinned out. */
export const COMPACTION_INTERVAL_MS = 10 * 60_000;
/** Forwarded answers larger than this are not read for counts (a list page is about 36 KB). */
const MAX_OBSERVED_BYTES = 4 * 1024 * 1024;

/** Seeds the demo history into a new studio.db from the sandbox's passes (all workspaces). */
export function seedSandboxHistory(store: SandboxStore, history: InstallHistory, now = Date.now()): number {
  if (!history.isEmpty()) return 0;
  const passes = store.listWorkspaces().flatMap((workspace) =>
    store.listPasses(workspace.id, {}, 100_000).items.map((pass) => ({
      passId: pass.id,
      workspaceId: pass.workspaceId,
      status: pass.status,
      createdTime: pass.createdTime,
      counts: pass.counts,
    })),
  );
  try {
    return seedInstallHistory(history, passes, now);
  } catch (error) {
    // On a full disk the server still starts; the demo history is seeded at a later start.
    if (isStorageFull(error)) return 0;
    throw error;
  }
}

/** Subscribes to the store; returns `flush` (also run when the studio database closes). */
export function recordSandboxInstalls(
  store: SandboxStore,
  history: InstallHistory,
  intervalMs = SAMPLE_WRITE_INTERVAL_MS,
): () => void {
  const pending = new Map<string, string>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (pending.size === 0 || !store.isOpen) return;
    const t = Date.now();
    const samples: SampleInput[] = [];
    for (const [passId, workspaceId] of pending) {
      const pass = store.getPass(workspaceId, passId);
      // A deleted pass leaves its holders with nothing: the workspace total drops by its counts.
      const counts = pass ? pass.counts : { appleIssued: 0, googleIssued: 0, appleActive: 0, googleActive: 0 };
      samples.push({ passId, workspaceId, t, counts, status: pass?.status });
    }
    pending.clear();
    try {
      history.record(samples, { onlyChanges: true });
    } catch {
      // A full disk (or a closed database) loses these samples, not the server: a timer's throw
      // would end the process.
    }
  };
  store.onPassChanged((passId, workspaceId) => {
    pending.set(passId, workspaceId);
    if (!timer) {
      timer = setTimeout(flush, intervalMs);
      timer.unref();
    }
  });
  return flush;
}

/**
 * Sandbox: a marker on the pass's chart (and the workspace's) for every notification that went
 * out, labelled with its name, at its send time. The history's clock is the system's: a send
 * stamped by a clock moved ahead (SANDBOX_CLOCK=controllable) is marked when it was recorded.
 */
export function recordNotificationMarkers(notifications: NotificationStore, history: InstallHistory): () => void {
  return notifications.onSent((sent) => {
    try {
      history.recordEvent(sent.passId, sent.workspaceId, Math.min(sent.sentMs, Date.now()), 'notification', sent.name);
    } catch {
      // A full disk (or a closed studio database) loses the marker, never the send.
    }
  });
}

export function startCompaction(history: InstallHistory, intervalMs = COMPACTION_INTERVAL_MS): () => void {
  // A full disk must neither stop the server from starting nor crash it from a timer: the
  // compaction is simply tried again at the next interval.
  const compact = () => {
    try {
      history.compact();
    } catch {
      // Retried at the next interval.
    }
  };
  compact();
  const timer = setInterval(compact, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}

const count = (value: unknown) =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0 ? Math.floor(value) : null;

/** The samples in a pass answer: a detail (one-element array) or a list page (`{ items }`). */
export function samplesFromPassAnswer(body: unknown, workspaceHeader: string | undefined, t: number): SampleInput[] {
  const items = Array.isArray(body) ? body : (body as { items?: unknown } | null)?.items;
  if (!Array.isArray(items)) return [];
  const samples: SampleInput[] = [];
  for (const item of items as Record<string, unknown>[]) {
    if (typeof item !== 'object' || item === null) continue;
    const passId = item.id;
    const workspaceId = typeof item.workspaceId === 'string' ? item.workspaceId : workspaceHeader;
    const counts: Record<keyof Counts, number | null> = {
      appleIssued: count(item.appleIssuedCount),
      googleIssued: count(item.googleIssuedCount),
      appleActive: count(item.appleActiveCount),
      googleActive: count(item.googleActiveCount),
    };
    if (typeof passId !== 'string' || !workspaceId || Object.values(counts).some((v) => v === null)) continue;
    samples.push({
      passId,
      workspaceId,
      t,
      counts: counts as Counts,
      status: typeof item.status === 'string' ? item.status : undefined,
    });
  }
  return samples;
}

const PASS_ANSWER_PATH = /^\/v1\/wallet-pass(\/[^/]+)?\/?$/;
const NOTIFICATION_ANSWER_PATH = /^\/v1\/wallet-pass\/notifications(\/[^/]+)?\/?$/;
/** Statuses of a send that went out to holders (one platform may have failed). */
const SENT_STATUSES = new Set(['Published', 'AppleFailedGoogleSuccess', 'AppleSuccessGoogleFailed']);

/** Proxy mode: the markers in a notification answer (a list page or one notification). */
export function markersFromNotificationAnswer(history: InstallHistory, body: unknown, workspaceHeader?: string): void {
  const items = (body as { items?: unknown } | null)?.items;
  for (const item of (Array.isArray(items) ? items : [body]) as Record<string, unknown>[]) {
    if (typeof item !== 'object' || item === null || !SENT_STATUSES.has(String(item.status))) continue;
    const passId = item.passSerialNumber;
    const workspaceId = typeof item.workspaceId === 'string' ? item.workspaceId : workspaceHeader;
    const t = typeof item.sentTime === 'string' ? Date.parse(item.sentTime) : Number.NaN;
    if (typeof passId !== 'string' || !workspaceId || Number.isNaN(t)) continue;
    // Seen again on every read: the marker's key (pass, send time, kind) keeps it once.
    const name = typeof item.notificationName === 'string' ? item.notificationName : undefined;
    history.recordEvent(passId, workspaceId, t, 'notification', name);
  }
}

/**
 * Proxy mode: returns the body to send on for a forwarded answer. Pass answers (GET, 200, JSON)
 * are split in two: one branch goes to the client unchanged, the other is parsed here and its
 * counts recorded after the client has it.
 */
export function observePassAnswers(
  history: InstallHistory,
  minIntervalMs = PROXY_SAMPLE_INTERVAL_MS,
): (request: Request, answer: Response) => ReadableStream<Uint8Array> | null {
  return (request, answer) => {
    const body = answer.body;
    if (!body || request.method !== 'GET' || answer.status !== 200) return body;
    const path = new URL(request.url).pathname;
    const notifications = NOTIFICATION_ANSWER_PATH.test(path);
    if (!notifications && !PASS_ANSWER_PATH.test(path)) return body;
    if (!(answer.headers.get('content-type') ?? '').includes('json')) return body;
    if (Number(answer.headers.get('content-length') ?? 0) > MAX_OBSERVED_BYTES) return body;
    const [toClient, toStudio] = body.tee();
    const workspaceHeader = request.headers.get('x-workspace-id') ?? undefined;
    void new Response(toStudio)
      .json()
      .then((json: unknown) => {
        if (notifications) markersFromNotificationAnswer(history, json, workspaceHeader);
        else history.record(samplesFromPassAnswer(json, workspaceHeader, Date.now()), { minIntervalMs });
      })
      // An unreadable or cut-off answer is the client's to see; the history just skips it.
      .catch(() => undefined);
    return toClient;
  };
}
