import { queryOptions } from '@tanstack/react-query';
import type { InstallChange, InstallRange } from '../../../contract/install-changes';
import { InstallChangesSchema, MAX_CHANGE_IDS } from '../../../contract/install-changes';
import type { ApiClient } from '../api-client';
import { env } from '../env';

/** How often a chart asks for new samples while it is on screen: the sandbox moves every few seconds. */
export function liveRefreshMs(mode: 'sandbox' | 'proxy'): number {
  return mode === 'sandbox' ? 5_000 : 60_000;
}

/**
 * Query keys of count history and the list rows' changes (the series of the cards are in
 * features/installs/series-queries.ts, loaded with the cards). Every key starts with the connection and the
 * workspace, so two keys or two workspaces never share cached data.
 */
export const installQueries = {
  all: (connectionId: string, workspaceId: string) => ['installs', connectionId, workspaceId] as const,
  /** One pass's change for a list row; rows asking at once share one request (`changeBatcher`). */
  change: (client: ApiClient, connectionId: string, workspaceId: string, passId: string, range: InstallRange) =>
    // eslint-disable-next-line @tanstack/query/exhaustive-deps
    queryOptions({
      queryKey: [...installQueries.all(connectionId, workspaceId), 'change', range, passId] as const,
      queryFn: () => changeBatcher(client, workspaceId, range).load(passId),
    }),
};

interface Batch {
  ids: Map<string, { resolve: (c: InstallChange) => void; reject: (e: unknown) => void }[]>;
}

const batchers = new WeakMap<ApiClient, Map<string, { load: (id: string) => Promise<InstallChange> }>>();

/**
 * Collects the rows that ask in the same tick into one `/studio/installs/changes` request (a list
 * page renders 20 rows at once; 20 requests would be 19 too many).
 */
function changeBatcher(client: ApiClient, workspaceId: string, range: InstallRange) {
  let byKey = batchers.get(client);
  if (!byKey) batchers.set(client, (byKey = new Map()));
  const key = `${workspaceId}\n${range}`;
  const existing = byKey.get(key);
  if (existing) return existing;
  let pending: Batch | null = null;
  const send = async (batch: Batch) => {
    const ids = [...batch.ids.keys()];
    for (let i = 0; i < ids.length; i += MAX_CHANGE_IDS) {
      const chunk = ids.slice(i, i + MAX_CHANGE_IDS);
      try {
        const answer = await client.request('/installs/changes', {
          base: env.studioBase,
          workspaceId,
          query: { range, ids: chunk },
          schema: InstallChangesSchema,
        });
        const byId = new Map(answer.passes.map((p) => [p.passId, p]));
        for (const id of chunk) {
          const change = byId.get(id) ?? { passId: id, issuedChange: 0, activeChange: 0, trend: [] };
          for (const waiter of batch.ids.get(id) ?? []) waiter.resolve(change);
        }
      } catch (error) {
        for (const id of chunk) for (const waiter of batch.ids.get(id) ?? []) waiter.reject(error);
      }
    }
  };
  const batcher = {
    load: (id: string) =>
      new Promise<InstallChange>((resolve, reject) => {
        if (!pending) {
          const batch: Batch = (pending = { ids: new Map() });
          setTimeout(() => {
            pending = null;
            void send(batch);
          }, 10);
        }
        const waiters = pending.ids.get(id) ?? [];
        waiters.push({ resolve, reject });
        pending.ids.set(id, waiters);
      }),
  };
  byKey.set(key, batcher);
  return batcher;
}
