import { describeError, isApiError } from '../../lib/api-error';

/** Where one item of a bulk run stands. */
export type ItemState =
  | { status: 'pending' }
  | { status: 'running' }
  /** Met the API's rate limit: starts again after `until` (epoch ms). Nothing was written. */
  | { status: 'waiting'; until: number }
  | { status: 'done'; message?: string | undefined }
  /** Deliberately left alone (already in that state, changed by someone else meanwhile…). */
  | { status: 'skipped'; message: string }
  | { status: 'failed'; message: string; error: unknown }
  /** The run was cancelled before this item started: it is untouched. */
  | { status: 'cancelled' };

/** What a task answers when it did not simply do its work. */
export type TaskOutcome = { status: 'done'; message?: string } | { status: 'skipped'; message: string };

export interface BulkRunOptions<T> {
  items: readonly T[];
  /** Does the work for one item; throws to fail it (a 429 pauses the run and repeats it). */
  task: (item: T) => Promise<TaskOutcome | void>;
  /** Items in flight at once: a few, so a large selection does not trip the rate limit at once. */
  concurrency?: number;
  /** Abort to cancel: no further item starts; those in flight finish and report. */
  signal?: AbortSignal;
  onChange?: (index: number, state: ItemState) => void;
  /** How many 429s one item may meet before it fails (each pauses every worker). */
  maxRateLimitWaits?: number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  now?: () => number;
}

export const BULK_CONCURRENCY = 3;
/** A 429 without Retry-After waits this long. */
const DEFAULT_RATE_LIMIT_WAIT_MS = 2_000;
/** A Retry-After beyond this is capped (a run should not stall for minutes unexplained). */
const MAX_RATE_LIMIT_WAIT_MS = 60_000;

const defaultSleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });

const rateLimitWait = (error: unknown) =>
  isApiError(error) && error.retryAfter !== undefined
    ? Math.min(MAX_RATE_LIMIT_WAIT_MS, Math.max(0, error.retryAfter * 1000))
    : DEFAULT_RATE_LIMIT_WAIT_MS;

/**
 * Runs `task` over `items`, a few at a time, and reports every item's state as it moves. A 429
 * pauses the whole run for its `Retry-After` (every worker waits before starting anything) and then
 * repeats that item; any other failure fails the item with a sentence saying why, and the run goes
 * on. Cancelling starts nothing new: items in flight finish (their writes are not left half done),
 * the rest end `cancelled`, untouched. Resolves with every item's final state, in order.
 */
export async function runBulk<T>(options: BulkRunOptions<T>): Promise<ItemState[]> {
  const {
    items,
    task,
    concurrency = BULK_CONCURRENCY,
    signal,
    onChange,
    maxRateLimitWaits = 5,
    sleep = defaultSleep,
    now = Date.now,
  } = options;
  const states: ItemState[] = items.map(() => ({ status: 'pending' }));
  const set = (index: number, state: ItemState) => {
    states[index] = state;
    onChange?.(index, state);
  };
  let next = 0;
  let pausedUntil = 0;

  const worker = async () => {
    for (;;) {
      if (signal?.aborted || next >= items.length) return;
      const index = next++;
      const item = items[index] as T;
      for (let waits = 0; ;) {
        // Honour a pause another worker's 429 started, before anything is sent.
        while (pausedUntil > now() && !signal?.aborted) await sleep(pausedUntil - now(), signal);
        if (signal?.aborted) {
          set(index, { status: 'cancelled' });
          break;
        }
        set(index, { status: 'running' });
        try {
          const outcome = await task(item);
          set(index, outcome ?? { status: 'done' });
          break;
        } catch (error) {
          if (isApiError(error) && error.status === 429 && waits < maxRateLimitWaits) {
            waits++;
            pausedUntil = Math.max(pausedUntil, now() + rateLimitWait(error));
            set(index, { status: 'waiting', until: pausedUntil });
            continue;
          }
          set(index, { status: 'failed', message: describeFailure(error), error });
          break;
        }
      }
    }
  };

  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, worker));
  // Items no worker reached (cancelled before their turn).
  states.forEach((state, index) => {
    if (state.status === 'pending') set(index, { status: 'cancelled' });
  });
  return states;
}

/** The API's own reason for a refusal (the first field message), else a sentence for the failure. */
export function describeFailure(error: unknown): string {
  if (isApiError(error) && error.status === 400) {
    const field = Object.entries(error.fieldErrors)[0];
    if (field) return `${field[1]} (${field[0]}).`;
  }
  if (isApiError(error) && error.status === 429) return 'The Passport API kept rate limiting this pass.';
  return describeError(error);
}

export interface BulkTally {
  done: number;
  skipped: number;
  failed: number;
  cancelled: number;
  /** Finished one way or another (done, skipped, failed, cancelled). */
  settled: number;
  total: number;
}

export function tally(states: readonly ItemState[]): BulkTally {
  const count = (status: ItemState['status']) => states.filter((s) => s.status === status).length;
  const done = count('done');
  const skipped = count('skipped');
  const failed = count('failed');
  const cancelled = count('cancelled');
  return { done, skipped, failed, cancelled, settled: done + skipped + failed + cancelled, total: states.length };
}
