import { QueryClient } from '@tanstack/react-query';
import { isApiError } from './api-error';

const MAX_RETRIES = 3;

/** Exponential backoff with full jitter, capped; honours `Retry-After` when the API sends one. */
export function retryDelay(attempt: number, error: unknown): number {
  if (isApiError(error) && error.retryAfter !== undefined) return error.retryAfter * 1000;
  const ceiling = Math.min(30_000, 1000 * 2 ** attempt);
  return Math.round(ceiling / 2 + Math.random() * (ceiling / 2));
}

/** Client errors are final (a wrong key stays wrong); rate limits, 5xx and dropped connections retry. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (failureCount >= MAX_RETRIES) return false;
  return isApiError(error) ? error.isRetryable : false;
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Pass data changes under the user's feet only through counts, which poll on their own.
        staleTime: 15_000,
        gcTime: 5 * 60_000,
        retry: shouldRetry,
        retryDelay,
        refetchOnWindowFocus: true,
      },
      mutations: {
        // Writes are never retried blindly: the user decides (a failed save keeps the edit).
        retry: false,
        // A finished save holds a whole pass; nothing reads old ones, so do not keep them.
        gcTime: 0,
      },
    },
  });
}
