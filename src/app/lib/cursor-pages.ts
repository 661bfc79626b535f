import type * as z from 'zod/mini';
import type { ApiClient, QueryValue } from './api-client';

/** The part of a Passport API page that says where the next one starts. */
interface CursorPage {
  cursor?: string | null | undefined;
  hasMore: boolean;
}

/**
 * An infinite query over a cursor-paged list of the Passport API, minus its key: `path` read in
 * the workspace with `query`, the first page without a cursor, each next one from the cursor the
 * last page gave while `hasMore` says there is one (the API may send a cursor on the last page
 * too). Spread into infiniteQueryOptions.
 */
export function cursorPages<TPage extends CursorPage>(
  client: ApiClient,
  path: string,
  request: { workspaceId: string; schema: z.ZodMiniType<TPage>; query: Record<string, QueryValue> },
) {
  const { workspaceId, schema, query } = request;
  return {
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }: { pageParam: string | undefined; signal: AbortSignal }): Promise<TPage> =>
      client.request(path, { workspaceId, signal, schema, query: { ...query, cursor: pageParam } }),
    getNextPageParam: (last: TPage) => (last.hasMore && last.cursor ? last.cursor : undefined),
  };
}
