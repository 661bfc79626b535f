import { queryOptions } from '@tanstack/react-query';
import type { InstallRange } from '../../../contract/install-changes';
import { InstallSeriesSchema } from '../../../contract/installs';
import type { ApiClient } from '../../lib/api-client';
import { env } from '../../lib/env';
import { installQueries } from '../../lib/installs/install-queries';

/** The series of a pass and of the workspace, under the same key prefix as the list's changes. */
export const seriesQueries = {
  pass: (client: ApiClient, connectionId: string, workspaceId: string, passId: string, range: InstallRange) =>
    queryOptions({
      queryKey: [...installQueries.all(connectionId, workspaceId), 'pass', passId, range] as const,
      queryFn: ({ signal }) =>
        client.request(`/installs/passes/${encodeURIComponent(passId)}`, {
          base: env.studioBase,
          workspaceId,
          signal,
          query: { range },
          schema: InstallSeriesSchema,
        }),
    }),
  workspace: (client: ApiClient, connectionId: string, workspaceId: string, range: InstallRange) =>
    queryOptions({
      queryKey: [...installQueries.all(connectionId, workspaceId), 'workspace', range] as const,
      queryFn: ({ signal }) =>
        client.request('/installs/workspace', {
          base: env.studioBase,
          workspaceId,
          signal,
          query: { range },
          schema: InstallSeriesSchema,
        }),
    }),
};
