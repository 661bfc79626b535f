import { queryOptions } from '@tanstack/react-query';
import { DeletedPassListSchema, PassVersionListSchema, PassVersionSchema } from '../../../../contract/pass-versions';
import type { ApiClient } from '../../../lib/api-client';
import { env } from '../../../lib/env';
import { passQueries } from '../api/pass-queries';

/**
 * The studio's version history of passes (`/studio/passes/{id}/versions`) and its recently
 * deleted passes. Keys sit under `passQueries.all`, so whatever refreshes a workspace's passes
 * refreshes their history too. `connectionId` in a key stands for `client` (one per API key).
 */
export const historyQueries = {
  versions: (client: ApiClient, connectionId: string, workspaceId: string, passId: string) =>
    queryOptions({
      queryKey: passQueries.versions(connectionId, workspaceId, passId),
      queryFn: ({ signal }) =>
        client.request(`/passes/${encodeURIComponent(passId)}/versions`, {
          base: env.studioBase,
          workspaceId,
          signal,
          schema: PassVersionListSchema,
        }),
    }),
  version: (client: ApiClient, connectionId: string, workspaceId: string, passId: string, versionId: number) =>
    queryOptions({
      queryKey: [...passQueries.versions(connectionId, workspaceId, passId), versionId] as const,
      queryFn: ({ signal }) =>
        client.request(`/passes/${encodeURIComponent(passId)}/versions/${versionId}`, {
          base: env.studioBase,
          workspaceId,
          signal,
          schema: PassVersionSchema,
        }),
      // A recorded version never changes.
      staleTime: Infinity,
    }),
  deleted: (client: ApiClient, connectionId: string, workspaceId: string) =>
    queryOptions({
      queryKey: [...passQueries.all(connectionId, workspaceId), 'deleted'] as const,
      queryFn: ({ signal }) =>
        client.request('/deleted-passes', { base: env.studioBase, workspaceId, signal, schema: DeletedPassListSchema }),
    }),
};
