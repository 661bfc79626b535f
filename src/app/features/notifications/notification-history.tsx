import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';
import { Alert } from '../../components/ui/alert';
import { Button, Spinner } from '../../components/ui/button';
import { describeError } from '../../lib/api-error';
import { useConnection } from '../../lib/connection';
import { useDebouncedValue } from '../../lib/use-debounced-value';
import { setSearchParams, useSearchParams } from '../../history-router';
import { STATUS_FILTERS, isStatusFilter, notificationQueries } from './notification-queries';
import type { NotificationListFilters, StatusFilter } from './notification-queries';
import { NotificationRow } from './notification-row';

/**
 * Notifications newest first, filtered by status and searched by name (both kept in the URL),
 * paged with the API's cursor. On the workspace page each row names its pass; on a pass's
 * composer the list holds that pass's notifications only.
 */
export function NotificationHistory({ workspaceId, passId }: { workspaceId: string; passId?: string }) {
  const { client, connectionId } = useConnection();
  const params = useSearchParams();
  const status = params.get('status');
  const filters: NotificationListFilters = {
    query: params.get('q') ?? '',
    status: isStatusFilter(status) ? status : 'All',
    passId,
  };
  const list = useInfiniteQuery(notificationQueries.list(client, connectionId, workspaceId, filters));
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  const passIds = passId ? [] : [...new Set(items.map((n) => n.passSerialNumber ?? '').filter(Boolean))].sort();
  const names = useQuery(notificationQueries.passNames(client, connectionId, workspaceId, passIds));
  const filtering = filters.query !== '' || filters.status !== 'All';

  return (
    <section aria-labelledby="history-heading" className="mt-10">
      <h2 id="history-heading" className="text-lg font-semibold text-ink">
        {passId ? 'Notifications of this pass' : 'History'}
      </h2>
      <Filters filters={filters} />
      {list.isError && items.length === 0 ? (
        <Alert
          tone="danger"
          className="mt-4"
          title="The notifications could not be loaded"
          action={
            <Button size="sm" onClick={() => void list.refetch()}>
              Try again
            </Button>
          }
        >
          {describeError(list.error)}
        </Alert>
      ) : list.isPending ? (
        <div className="mt-6">
          <Spinner label="Loading notifications…" />
        </div>
      ) : items.length === 0 ? (
        <div className="mt-4 rounded-card border border-dashed border-surface-strong bg-surface px-6 py-10 text-center">
          <p className="text-base font-semibold text-ink">
            {filtering ? 'No notification matches' : 'No notifications yet'}
          </p>
          <p className="mt-1 text-sm text-ink-muted">
            {filtering
              ? 'Try another name or status.'
              : passId
                ? 'Write one above: it reaches everyone who holds the pass.'
                : 'Open a pass and choose Notify holders to write the first one.'}
          </p>
          {filtering ? (
            <Button className="mt-4" onClick={() => setSearchParams({ q: null, status: null })}>
              Clear filters
            </Button>
          ) : null}
        </div>
      ) : (
        <>
          <ul aria-label="Notifications" className="mt-4 space-y-3">
            {items.map((n) => (
              <NotificationRow
                key={n.id}
                notification={n}
                workspaceId={workspaceId}
                passName={passId ? undefined : (names.data?.get(n.passSerialNumber ?? '') ?? null)}
              />
            ))}
          </ul>
          <div className="mt-4 flex flex-col items-center gap-2">
            {list.hasNextPage ? (
              <Button onClick={() => void list.fetchNextPage()} busy={list.isFetchingNextPage}>
                Load more
              </Button>
            ) : (
              <p className="text-sm text-ink-subtle">
                {items.length === 1 ? '1 notification' : `${items.length} notifications`}, all shown
              </p>
            )}
            {list.isFetchNextPageError ? (
              <p role="alert" className="text-sm text-danger-700">
                {describeError(list.error)}
              </p>
            ) : null}
          </div>
        </>
      )}
    </section>
  );
}

function Filters({ filters }: { filters: NotificationListFilters }) {
  const searchId = useId();
  const statusId = useId();
  const [search, setSearch] = useState(filters.query);
  const debounced = useDebouncedValue(search, 300);
  useEffect(() => {
    if (debounced !== (new URLSearchParams(window.location.search).get('q') ?? '')) setSearchParams({ q: debounced });
  }, [debounced]);
  return (
    <div className="mt-3 flex flex-wrap items-end gap-3">
      <div className="min-w-0 flex-1 sm:max-w-sm">
        <label htmlFor={searchId} className="block text-sm font-medium text-ink">
          Search by name
        </label>
        <input
          id={searchId}
          type="search"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          maxLength={255}
          placeholder="Internal name"
          className="mt-1 h-10 w-full rounded-lg border border-surface-strong bg-surface px-3 text-sm text-ink placeholder:text-ink-subtle"
        />
      </div>
      <div>
        <label htmlFor={statusId} className="block text-sm font-medium text-ink">
          Status
        </label>
        <select
          id={statusId}
          value={filters.status}
          onChange={(e) => setSearchParams({ status: e.target.value === 'All' ? null : e.target.value })}
          className="mt-1 h-10 rounded-lg border border-surface-strong bg-surface px-3 text-sm text-ink"
        >
          {(Object.keys(STATUS_FILTERS) as StatusFilter[]).map((option) => (
            <option key={option} value={option}>
              {option === 'All' ? 'All statuses' : option}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
