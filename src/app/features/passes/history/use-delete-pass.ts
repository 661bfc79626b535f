import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { WalletPass } from '../../../../contract/schemas';
import { useConnection } from '../../../lib/connection';
import { passQueries } from '../api/pass-queries';
import { historyQueries } from './history-queries';

/** `DELETE /wallet-pass/{id}`; the pass leaves every cache and shows up as recently deleted. */
export function useDeletePass(workspaceId: string) {
  const { client, connectionId } = useConnection();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (pass: WalletPass) => {
      await client.request(`/wallet-pass/${encodeURIComponent(pass.id)}`, { method: 'DELETE', workspaceId });
      return pass;
    },
    onSuccess: (pass) => {
      queryClient.removeQueries({ queryKey: passQueries.detail(client, connectionId, workspaceId, pass.id).queryKey });
      void queryClient.invalidateQueries({
        queryKey: historyQueries.deleted(client, connectionId, workspaceId).queryKey,
      });
      return queryClient.invalidateQueries({ queryKey: passQueries.lists(connectionId, workspaceId) });
    },
  });
}
