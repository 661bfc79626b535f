import { type InfiniteData, type QueryKey, useQueryClient } from '@tanstack/react-query';
import { type RefObject, useEffect } from 'react';
import { PAGE_LIMIT } from '../../../../contract/rules';
import { type PagedList, type WalletPass, WalletPassPageSchema } from '../../../../contract/schemas';
import type { ApiClient } from '../../../lib/api-client';
import { startLiveRefresh } from './live-refresh';

type PassPages = InfiniteData<PagedList<WalletPass>, string | undefined>;

/** The fields a refresh brings up to date: what moves while nobody edits the pass. */
const LIVE_FIELDS = [
  'appleIssuedCount',
  'googleIssuedCount',
  'totalIssuedCount',
  'appleActiveCount',
  'googleActiveCount',
  'totalActiveCount',
  'status',
] as const satisfies readonly (keyof WalletPass)[];

/**
 * Keeps the counts of the rows on screen current: every `intervalMs` while the tab is visible (and
 * at once when it becomes visible again), one `GET /wallet-pass?ids=…` per 20 rows on screen,
 * whatever number of pages is loaded. The answers are merged into the list's cached pages, so
 * the rows, the totals and an open preview follow. Nothing is sent while the tab is hidden, while
 * the previous refresh is still on its way, or while a change of a pass is being saved (its own
 * update of the cache wins).
 */
export function useVisibleCounts({
  client,
  workspaceId,
  listKey,
  visibleIdsRef,
  intervalMs,
  enabled,
}: {
  client: ApiClient;
  workspaceId: string;
  listKey: QueryKey;
  visibleIdsRef: RefObject<string[]>;
  intervalMs: number;
  enabled: boolean;
}) {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!enabled) return undefined;
    return startLiveRefresh({
      queryClient,
      intervalMs,
      load: (signal) => {
        const ids = visibleIdsRef.current;
        if (ids.length === 0) return undefined;
        const chunks: string[][] = [];
        for (let i = 0; i < ids.length; i += PAGE_LIMIT.max) chunks.push(ids.slice(i, i + PAGE_LIMIT.max));
        return Promise.all(
          chunks.map((chunk) =>
            client.request('/wallet-pass', {
              workspaceId,
              signal,
              schema: WalletPassPageSchema,
              query: { ids: chunk, limit: chunk.length },
            }),
          ),
        );
      },
      apply: (pages) => {
        const fresh = new Map(pages.flatMap((page) => page.items.map((pass) => [pass.id, pass] as const)));
        queryClient.setQueryData<PassPages>(listKey, (data) => (data ? mergeLive(data, fresh) : data));
      },
    });
    // listKey is compared by value: it is rebuilt on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client, workspaceId, JSON.stringify(listKey), visibleIdsRef, intervalMs, enabled, queryClient]);
}

/**
 * The pages with the live fields of `fresh` passes laid over; unchanged passes and pages keep
 * their identity, so only rows whose values moved re-render.
 */
export function mergeLive(data: PassPages, fresh: ReadonlyMap<string, WalletPass>): PassPages {
  let changed = false;
  const pages = data.pages.map((page) => {
    let pageChanged = false;
    const items = page.items.map((pass) => {
      const update = fresh.get(pass.id);
      const next = update ? withLiveFields(pass, update) : pass;
      if (next !== pass) pageChanged = true;
      return next;
    });
    if (!pageChanged) return page;
    changed = true;
    return { ...page, items };
  });
  return changed ? { ...data, pages } : data;
}

/** `pass` with the live fields of `update` laid over; the same object when none moved. */
export function withLiveFields(pass: WalletPass, update: WalletPass): WalletPass {
  if (LIVE_FIELDS.every((field) => pass[field] === update[field])) return pass;
  const next = { ...pass };
  for (const field of LIVE_FIELDS) (next as Record<string, unknown>)[field] = update[field];
  return next;
}
