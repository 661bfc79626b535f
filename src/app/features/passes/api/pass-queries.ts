import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import type { PassStatus } from '../../../../contract/rules';
import { WalletPassDetailResponseSchema, WalletPassPageSchema } from '../../../../contract/schemas';
import type { ApiClient } from '../../../lib/api-client';
import { ApiError } from '../../../lib/api-error';
import { cursorPages } from '../../../lib/cursor-pages';

export interface PassListFilters {
  query: string;
  status: PassStatus | 'All';
}

const PAGE_SIZE = 20;

/**
 * Query keys and options of passes. Every key starts with the connection and the workspace, so
 * two keys or two workspaces never share cached data.
 */
export const passQueries = {
  all: (connectionId: string, workspaceId: string) => ['passes', connectionId, workspaceId] as const,
  lists: (connectionId: string, workspaceId: string) =>
    [...passQueries.all(connectionId, workspaceId), 'list'] as const,
  /** The studio's recorded versions of one pass (every save or newer read adds one). */
  versions: (connectionId: string, workspaceId: string, passId: string) =>
    [...passQueries.all(connectionId, workspaceId), 'versions', passId] as const,
  list: (client: ApiClient, connectionId: string, workspaceId: string, filters: PassListFilters) =>
    infiniteQueryOptions({
      queryKey: [...passQueries.lists(connectionId, workspaceId), filters] as const,
      ...cursorPages(client, '/wallet-pass', {
        workspaceId,
        schema: WalletPassPageSchema,
        query: {
          limit: PAGE_SIZE,
          query: filters.query.trim() || undefined,
          status: filters.status === 'All' ? undefined : [filters.status],
        },
      }),
    }),
  detail: (client: ApiClient, connectionId: string, workspaceId: string, passId: string) =>
    // `connectionId` in the key stands for `client` (one client per API key).
    // eslint-disable-next-line @tanstack/query/exhaustive-deps
    queryOptions({
      queryKey: [...passQueries.all(connectionId, workspaceId), 'detail', passId] as const,
      queryFn: ({ signal }) => fetchPass(client, workspaceId, passId, signal),
    }),
};

/**
 * Reads one pass as stored now, outside the cache (the editor's checks before and after a save
 * must not turn the page's own query into an error state while a retry is pending).
 */
export async function fetchPass(client: ApiClient, workspaceId: string, passId: string, signal?: AbortSignal) {
  // Quirk: the API answers GET by id with an array.
  const list = await client.request(`/wallet-pass/${encodeURIComponent(passId)}`, {
    workspaceId,
    signal,
    schema: WalletPassDetailResponseSchema,
  });
  const pass = list.find((p) => p.id === passId) ?? list[0];
  if (!pass) throw new ApiError({ status: 404, message: 'Pass not found.' });
  return pass;
}
