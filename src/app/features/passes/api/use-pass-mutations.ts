import { type InfiniteData, useMutation, useQueryClient } from '@tanstack/react-query';
import type { PassStatus } from '../../../../contract/rules';
import { type PagedList, type WalletPass, WalletPassSchema } from '../../../../contract/schemas';
import { UpdatePassRequestSchema } from '../../../../contract/input-schemas';
import { useConnection } from '../../../lib/connection';
import { editableDocument } from '../model/pass-document';
import { fetchPass, passQueries } from './pass-queries';

type PassPages = InfiniteData<PagedList<WalletPass>, string | undefined>;

function replaceInPages(data: PassPages | undefined, id: string, update: (pass: WalletPass) => WalletPass) {
  if (!data) return data;
  return {
    ...data,
    pages: data.pages.map((page) => ({
      ...page,
      items: page.items.map((pass) => (pass.id === id ? update(pass) : pass)),
    })),
  };
}

/**
 * Draft ↔ Published. Optimistic in every cached list and the detail; rolled back on failure.
 * The pass is read fresh before the PATCH so a stale list copy never overwrites newer edits.
 */
export function useSetPassStatus(workspaceId: string) {
  const { client, connectionId } = useConnection();
  const queryClient = useQueryClient();
  const listsKey = passQueries.lists(connectionId, workspaceId);

  return useMutation({
    mutationKey: ['set-pass-status', connectionId, workspaceId],
    mutationFn: async ({ pass, status }: { pass: WalletPass; status: PassStatus }) => {
      // Read outside the cache, failing fast: a toggle is a click, and a failed read must not
      // put an open editor's query into an error state.
      const fresh = await fetchPass(client, workspaceId, pass.id);
      return client.request(`/wallet-pass/${encodeURIComponent(pass.id)}`, {
        method: 'PATCH',
        workspaceId,
        body: { ...editableDocument(fresh), status },
        bodySchema: UpdatePassRequestSchema,
        schema: WalletPassSchema,
      });
    },
    onMutate: async ({ pass, status }) => {
      await queryClient.cancelQueries({ queryKey: listsKey });
      const snapshot = queryClient.getQueriesData<PassPages>({ queryKey: listsKey });
      queryClient.setQueriesData<PassPages>({ queryKey: listsKey }, (data) =>
        replaceInPages(data, pass.id, (p) => ({ ...p, status })),
      );
      return { snapshot };
    },
    onError: (_error, _variables, context) => {
      for (const [key, data] of context?.snapshot ?? []) queryClient.setQueryData(key, data);
    },
    onSuccess: (saved) => {
      queryClient.setQueryData(passQueries.detail(client, connectionId, workspaceId, saved.id).queryKey, saved);
      void queryClient.invalidateQueries({
        queryKey: passQueries.versions(connectionId, workspaceId, saved.id),
        exact: true,
      });
      queryClient.setQueriesData<PassPages>({ queryKey: listsKey }, (data) =>
        replaceInPages(data, saved.id, () => saved),
      );
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: listsKey }),
  });
}
