import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { DeletedPass } from '../../../../contract/pass-versions';
import { LocationSchema, WalletPassSchema } from '../../../../contract/schemas';
import {
  CreateLocationRequestSchema,
  CreatePassRequestSchema,
  type CreatePassRequest,
} from '../../../../contract/input-schemas';
import { ApiError } from '../../../lib/api-error';
import { useConnection } from '../../../lib/connection';
import { env } from '../../../lib/env';
import { passQueries } from '../api/pass-queries';
import { editableDocument } from '../model/pass-document';
import { historyQueries } from './history-queries';

/**
 * "Restore as new pass": creates a pass from the last version the studio kept of a deleted one,
 * with its locations, as a Draft (a marketer checks it before it reaches anyone again). Its old
 * name and link are reused when still free, otherwise the API's refusal is answered once by a
 * "(restored)" name or a new link.
 */
export function useRestoreDeletedPass(workspaceId: string) {
  const { client, connectionId } = useConnection();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (deleted: DeletedPass) => {
      const version = await queryClient.fetchQuery(
        historyQueries.version(client, connectionId, workspaceId, deleted.passId, deleted.lastVersionId),
      );
      const document = { ...editableDocument(version.pass), status: 'Draft' } as CreatePassRequest;
      const create = (body: CreatePassRequest) =>
        client.request('/wallet-pass', {
          method: 'POST',
          workspaceId,
          body,
          bodySchema: CreatePassRequestSchema,
          schema: WalletPassSchema,
        });
      let created;
      try {
        created = await create(document);
      } catch (error) {
        const fields = error instanceof ApiError && error.status === 400 ? error.fieldErrors : {};
        if (!fields.passName && !fields.passLinkSlug) throw error;
        const retry = { ...document };
        if (fields.passName) retry.passName = `${document.passName} (restored)`;
        if (fields.passLinkSlug) delete retry.passLinkSlug;
        created = await create(retry);
      }
      for (const location of version.pass.passMetadata?.locations ?? []) {
        const { name, latitude, longitude, altitude, relevantText, enabled } = location;
        await client.request('/wallet-pass-location', {
          method: 'POST',
          workspaceId,
          body: { name, latitude, longitude, altitude, relevantText, enabled, walletPass: { id: created.id } },
          bodySchema: CreateLocationRequestSchema,
          schema: LocationSchema,
        });
      }
      await client.request(`/deleted-passes/${encodeURIComponent(deleted.passId)}`, {
        method: 'DELETE',
        base: env.studioBase,
        workspaceId,
      });
      return created;
    },
    onSuccess: (created) => {
      // Created without its locations (added after): the editor reads it afresh.
      void queryClient.invalidateQueries({
        queryKey: passQueries.detail(client, connectionId, workspaceId, created.id).queryKey,
      });
      void queryClient.invalidateQueries({
        queryKey: historyQueries.deleted(client, connectionId, workspaceId).queryKey,
      });
      return queryClient.invalidateQueries({ queryKey: passQueries.lists(connectionId, workspaceId) });
    },
  });
}
