/** The part of a Passport API page that says where the next one starts. */
interface CursorPage {
  cursor?: string | null | undefined;
  hasMore: boolean;
}

/**
 * The paging half of an infinite query over a cursor-paged list: the first page has no cursor,
 * each next one starts at the cursor the last page gave, and `hasMore` (not the cursor, which the
 * API may still send on the last page) says whether there is one. Spread into infiniteQueryOptions.
 */
export function cursorPages<TPage extends CursorPage>(
  fetchPage: (cursor: string | undefined, signal: AbortSignal) => Promise<TPage>,
) {
  return {
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }: { pageParam: string | undefined; signal: AbortSignal }) =>
      fetchPage(pageParam, signal),
    getNextPageParam: (last: TPage) => (last.hasMore && last.cursor ? last.cursor : undefined),
  };
}
