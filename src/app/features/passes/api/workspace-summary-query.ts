import { queryOptions } from '@tanstack/react-query';
import { WorkspaceSummarySchema } from '../../../../contract/workspace-summary';
import type { ApiClient } from '../../../lib/api-client';
import { env } from '../../../lib/env';
import { passQueries } from './pass-queries';

/**
 * How often the totals are read again while the page is visible: the sandbox's counts move
 * every few seconds; the proxy recomputes a workspace's totals at most every 15 s anyway.
 */
export function summaryRefreshMs(mode: 'sandbox' | 'proxy'): number {
  return mode === 'sandbox' ? 5_000 : 15_000;
}

/**
 * The whole workspace's totals (`/studio/workspaces/{id}/summary`), whatever the list has loaded
 * or filtered. Keyed under the workspace's passes, beside (not under) the lists, so list updates
 * never touch it.
 */
export function workspaceSummaryQuery(
  client: ApiClient,
  connectionId: string,
  workspaceId: string,
  mode: 'sandbox' | 'proxy',
) {
  // `connectionId` in the key stands for `client` (one client per API key).
  return queryOptions({
    queryKey: [...passQueries.all(connectionId, workspaceId), 'summary'] as const,
    queryFn: ({ signal }) =>
      client.request(`/workspaces/${encodeURIComponent(workspaceId)}/summary`, {
        base: env.studioBase,
        workspaceId,
        signal,
        schema: WorkspaceSummarySchema,
      }),
    refetchInterval: summaryRefreshMs(mode),
    // Only while the page is visible, like the rows' live counts.
    refetchIntervalInBackground: false,
  });
}
