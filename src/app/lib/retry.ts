import { isApiError } from './api-error';
import { retryDelay } from './query-client';

export interface RetryOptions {
  /** Tries in all, the first included. */
  attempts?: number;
  /** Which failures are worth another try. */
  retryable?: (error: unknown) => boolean;
  onRetry?: (info: { attempt: number; delayMs: number; error: unknown }) => void;
  signal?: AbortSignal;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
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

/**
 * Runs `task` and retries transient failures (429 honouring Retry-After, 5xx, timeouts, dropped
 * connections) with exponential backoff and jitter, a bounded number of times; then throws the
 * last error so the caller can say what happened.
 */
export async function withRetry<T>(task: () => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const { attempts = 4, retryable = isTransient, onRetry, signal, sleep = defaultSleep } = options;
  for (let attempt = 1; ; attempt++) {
    try {
      return await task();
    } catch (error) {
      if (attempt >= attempts || !retryable(error) || signal?.aborted) throw error;
      const delayMs = Math.min(retryDelay(attempt - 1, error), 20_000);
      onRetry?.({ attempt, delayMs, error });
      await sleep(delayMs, signal);
    }
  }
}
