import { useInfiniteQuery } from '@tanstack/react-query';
import { useId, useMemo, useState } from 'react';
import type { WalletPass } from '../../../contract/schemas';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { describeError } from '../../lib/api-error';
import { useConnection } from '../../lib/connection';
import { cx } from '../../lib/cx';
import { useDebouncedValue } from '../../lib/use-debounced-value';
import { passQueries } from '../passes/api/pass-queries';

const SEARCH_DELAY_MS = 250;

/**
 * "Start from a pass in this workspace": searches the whole workspace on the server (the list
 * endpoint's `query`, debounced), pages with its cursor, and offers each pass as a radio.
 */
export function WorkspacePassPicker({
  workspaceId,
  value,
  onChange,
}: {
  workspaceId: string;
  value: WalletPass | null;
  onChange: (pass: WalletPass) => void;
}) {
  const { client, connectionId } = useConnection();
  const searchId = useId();
  const name = useId();
  const [search, setSearch] = useState('');
  const query = useDebouncedValue(search.trim(), SEARCH_DELAY_MS);
  const list = useInfiniteQuery(passQueries.list(client, connectionId, workspaceId, { query, status: 'All' }));
  const passes = useMemo(() => list.data?.pages.flatMap((page) => page.items) ?? [], [list.data]);
  const searching = list.isFetching && !list.isFetchingNextPage;

  return (
    <div className="space-y-3">
      <div>
        <label htmlFor={searchId} className="block text-sm font-medium text-ink">
          Search passes in this workspace
        </label>
        <input
          id={searchId}
          type="search"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          placeholder="Pass name"
          autoComplete="off"
          className="mt-1 block h-10 w-full rounded-lg border border-surface-strong px-3 text-sm"
        />
      </div>
      <div aria-live="polite" className="sr-only">
        {list.isSuccess && !searching ? `${passes.length}${list.hasNextPage ? '+' : ''} passes found` : ''}
      </div>
      {list.isError ? (
        <Alert tone="danger" title="The passes could not be loaded">
          {describeError(list.error)}
        </Alert>
      ) : list.isPending ? (
        <p className="rounded-lg border border-surface-border px-3 py-6 text-center text-sm text-ink-muted">
          Loading passes…
        </p>
      ) : passes.length === 0 ? (
        <p className="rounded-lg border border-surface-border px-3 py-6 text-center text-sm text-ink-muted">
          {query ? `No pass in this workspace matches “${query}”.` : 'This workspace has no passes yet.'}
        </p>
      ) : (
        <fieldset
          className={cx('max-h-72 overflow-y-auto rounded-lg border border-surface-border', searching && 'opacity-60')}
          aria-busy={searching || undefined}
        >
          <legend className="sr-only">Pass to start from</legend>
          <ul className="divide-y divide-surface-border">
            {passes.map((pass) => (
              <li key={pass.id}>
                <label className="flex cursor-pointer items-center gap-3 px-3 py-2.5 hover:bg-surface-sunken has-[:checked]:bg-brand-50">
                  <input
                    type="radio"
                    name={name}
                    checked={value?.id === pass.id}
                    onChange={() => onChange(pass)}
                    className="size-4 shrink-0 accent-brand-600"
                  />
                  <span className="min-w-0 flex-1 truncate text-sm text-ink">{pass.passName || 'Untitled pass'}</span>
                  <span className="shrink-0 text-xs text-ink-muted">{pass.status ?? ''}</span>
                </label>
              </li>
            ))}
          </ul>
          {list.hasNextPage ? (
            <div className="border-t border-surface-border p-2 text-center">
              <Button
                size="sm"
                variant="ghost"
                busy={list.isFetchingNextPage}
                onClick={() => void list.fetchNextPage()}
              >
                Load more
              </Button>
            </div>
          ) : null}
        </fieldset>
      )}
    </div>
  );
}
