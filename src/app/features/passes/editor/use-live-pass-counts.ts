import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { type WalletPass, WalletPassPageSchema } from '../../../../contract/schemas';
import { useConnection } from '../../../lib/connection';
import { passQueries } from '../api/pass-queries';
import { startLiveRefresh } from '../list/live-refresh';
import { withLiveFields } from '../list/use-visible-counts';

/** How often the editor's counts refresh while the tab is visible (as the list's rows do). */
export const EDITOR_COUNTS_REFRESH_MS = 5_000;

/**
 * Keeps the open pass's counts and status current, the way the list keeps its rows: one
 * `GET /wallet-pass?ids=…` every few seconds while the tab is visible (at once when it is shown
 * again), its counts and status laid over the cached pass. Only those fields move, never the
 * edited values or `updatedTime` the save's conflict check compares, so the form is untouched;
 * the header's switch, the facts panel and the publish dialog's "reaches N holders" follow. Nothing
 * is sent while a change is being saved (its own update of the cache wins).
 */
export function useLivePassCounts(workspaceId: string, passId: string) {
  const { client, connectionId } = useConnection();
  const queryClient = useQueryClient();
  useEffect(() => {
    const key = passQueries.detail(client, connectionId, workspaceId, passId).queryKey;
    return startLiveRefresh({
      queryClient,
      intervalMs: EDITOR_COUNTS_REFRESH_MS,
      load: async (signal) => {
        const page = await client.request('/wallet-pass', {
          workspaceId,
          signal,
          schema: WalletPassPageSchema,
          query: { ids: [passId], limit: 1 },
        });
        return page.items.find((item) => item.id === passId);
      },
      apply: (fresh) => {
        if (fresh) queryClient.setQueryData<WalletPass>(key, (pass) => (pass ? withLiveFields(pass, fresh) : pass));
      },
    });
  }, [client, connectionId, workspaceId, passId, queryClient]);
}
