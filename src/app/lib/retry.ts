import { isApiError } from './api-error';
import { retryDelay } from './query-client';

export interface RetryOptions<T = unknown> {
  /** Tries in all, the first included. */
  attempts?: number;
  /** Which failures are worth another try. */
  retryable?: (error: unknown) => boolean;
  onRetry?: (info: { attempt: number; delayMs: number; error: unknown }) => void;
  signal?: AbortSignal;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /**
   * For a write that is not idempotent (creating a pass, a location, a notification): reads the
   * current state after a failure that may have been applied, before any retry. What it returns
   * is the write's result (it went through: nothing is sent again); undefined means it did not,
   * and the write is retried. Without `reread` such a failure is never retried.
   */
  reread?: () => Promise<T | undefined>;
}

export const isTransient = (error: unknown) => isApiError(error) && error.isRetryable;

const defaultSleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = window.setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        window.clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });

/** A failed POST whose create may have happened: sending it again could make a second one. */
export const mayHaveCreated = (error: unknown) =>
  isApiError(error) && error.isNonIdempotentWrite && error.mayHaveBeenApplied;

/**
 * Runs `task` and retries transient failures (429 honouring Retry-After, 5xx, timeouts, dropped
 * connections) with exponential backoff and jitter, a bounded number of times; then throws the
 * last error so the caller can say what happened. A POST that may have been applied is retried
 * only after `reread` found that it was not (see RetryOptions.reread).
 */
export async function withRetry<T>(task: () => Promise<T>, options: RetryOptions<T> = {}): Promise<T> {
  const { attempts = 4, retryable = isTransient, onRetry, signal, sleep = defaultSleep, reread } = options;
  for (let attempt = 1; ; attempt++) {
    try {
      return await task();
    } catch (error) {
      if (attempt >= attempts || !retryable(error) || signal?.aborted) throw error;
      if (mayHaveCreated(error)) {
        if (!reread) throw error;
        const existing = await reread();
        if (existing !== undefined) return existing;
      }
      const delayMs = Math.min(retryDelay(attempt - 1, error), 20_000);
      onRetry?.({ attempt, delayMs, error });
      await sleep(delayMs, signal);
    }
  }
}
