import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type CreatePassRequest, CreatePassRequestSchema, WalletPassSchema } from '../../../../contract/schemas';
import { useConnection } from '../../../lib/connection';
import { passQueries } from './pass-queries';

/** Creates a pass (New pass, Duplicate); kept apart from the list's mutations so it loads with its dialog. */
export function useCreatePass(workspaceId: string) {
  const { client, connectionId } = useConnection();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreatePassRequest) =>
      client.request('/wallet-pass', {
        method: 'POST',
        workspaceId,
        body,
        bodySchema: CreatePassRequestSchema,
        schema: WalletPassSchema,
      }),
    onSuccess: (created) => {
      queryClient.setQueryData(passQueries.detail(client, connectionId, workspaceId, created.id).queryKey, created);
      return queryClient.invalidateQueries({ queryKey: passQueries.lists(connectionId, workspaceId) });
    },
  });
}
