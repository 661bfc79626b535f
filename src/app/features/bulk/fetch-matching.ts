import { type WalletPass, WalletPassPageSchema } from '../../../contract/schemas';
import type { ApiClient } from '../../lib/api-client';
import { withRetry } from '../../lib/retry';
import type { PassListFilters } from '../passes/api/pass-queries';

/**
 * Every pass matching the list's search and status filter, page by page (the API answers at most
 * 20 at a time), so "select all matching" covers passes the list has not loaded. A rate-limited or
 * failed page is tried again after its Retry-After; `onProgress` hears the count found so far.
 */
export async function fetchMatchingPasses(
  client: ApiClient,
  workspaceId: string,
  filters: PassListFilters,
  { signal, onProgress }: { signal?: AbortSignal; onProgress?: (found: number) => void } = {},
): Promise<WalletPass[]> {
  const passes: WalletPass[] = [];
  let cursor: string | undefined;
  do {
    const page = await withRetry(
      () =>
        client.request('/wallet-pass', {
          workspaceId,
          signal,
          schema: WalletPassPageSchema,
          query: {
            limit: 20,
            cursor,
            query: filters.query.trim() || undefined,
            status: filters.status === 'All' ? undefined : [filters.status],
          },
        }),
      { ...(signal ? { signal } : {}) },
    );
    passes.push(...page.items);
    onProgress?.(passes.length);
    cursor = page.hasMore && page.cursor ? page.cursor : undefined;
  } while (cursor);
  return passes;
}
