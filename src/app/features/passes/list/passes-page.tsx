import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { Suspense, lazy, useEffect, useId, useMemo, useState } from 'react';
import { PASS_STATUSES } from '../../../../contract/rules';
import type { WalletPass } from '../../../../contract/schemas';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { describeError, isApiError } from '../../../lib/api-error';
import { useConnection } from '../../../lib/connection';
import { cx } from '../../../lib/cx';
import { formatExact, formatRelative } from '../../../lib/format';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { Link, navigate, paths, setSearchParams, useSearchParams } from '../../../history-router';
import { type PassListFilters, passQueries } from '../api/pass-queries';
import { StatusToggle } from '../status/status-toggle';
import { loadEditor } from '../editor-loader';
import { CountCell } from './count-cell';
import { NewPassDialog } from './new-pass-dialog';
import { PassThumbnail } from './pass-thumbnail';
import { StatusBadge } from './status-badge';
import { ListSkeleton, SummaryBarSkeleton } from './list-skeleton';
import { SummaryBar } from './summary-bar';

// The preview (and its QR encoder) loads only when a marketer opens one from the list.
const PassPreviewDrawer = lazy(() => import('../preview/pass-preview-drawer'));

/** Once the list is shown, the editor's code loads in the background so opening a pass is quick. */
function useEditorCodeWhenIdle(ready: boolean) {
  useEffect(() => {
    if (!ready) return undefined;
    const load = () => void loadEditor().catch(() => undefined);
    if (typeof window.requestIdleCallback === 'function') {
      const id = window.requestIdleCallback(load, { timeout: 3000 });
      return () => window.cancelIdleCallback(id);
    }
    const timer = window.setTimeout(load, 1500);
    return () => window.clearTimeout(timer);
  }, [ready]);
}

/** How often counts refresh while the tab is visible (react-query pauses it when hidden). */
export const COUNTS_REFRESH_MS = 5_000;

const STATUS_OPTIONS = ['All', ...PASS_STATUSES] as const;

function readFilters(params: URLSearchParams): PassListFilters {
  const status = params.get('status');
  return {
    query: params.get('q') ?? '',
    status: status === 'Draft' || status === 'Published' ? status : 'All',
  };
}

export function PassesPage({ workspaceId }: { workspaceId: string }) {
  const { client, connectionId, workspaces, defaultWorkspaceId } = useConnection();
  const params = useSearchParams();
  const filters = readFilters(params);
  const workspaceName = workspaces.find((w) => w.id === workspaceId)?.name ?? workspaceId;

  const list = useInfiniteQuery({
    ...passQueries.list(client, connectionId, workspaceId, filters),
    refetchInterval: COUNTS_REFRESH_MS,
  });
  const passes = useMemo(() => list.data?.pages.flatMap((page) => page.items) ?? [], [list.data]);
  useEditorCodeWhenIdle(list.isSuccess);
  const filtering = filters.query.trim() !== '' || filters.status !== 'All';
  // `undefined`: closed; `null`: a new pass; a pass: duplicate it.
  const [creating, setCreating] = useState<WalletPass | null | undefined>(undefined);
  const [previewId, setPreviewId] = useState<string | null>(null);
  // The live list copy, so counts and status in the open preview stay current.
  const previewing = previewId ? passes.find((p) => p.id === previewId) : undefined;

  return (
    <div className="mx-auto w-full max-w-7xl px-4 py-6 sm:px-6 lg:px-8">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold text-ink">Passes</h1>
          <p className="mt-1 text-sm text-ink-muted">
            Wallet passes of <span className="font-medium text-ink">{workspaceName}</span>, for Apple Wallet and Google
            Wallet.
          </p>
        </div>
        <Button variant="primary" onClick={() => setCreating(null)}>
          New pass
        </Button>
      </div>
      {creating !== undefined ? (
        <NewPassDialog
          key={creating?.id ?? 'new'}
          open
          onClose={() => setCreating(undefined)}
          workspaceId={workspaceId}
          workspaceName={workspaceName}
          passes={passes}
          initialSource={creating ?? undefined}
        />
      ) : null}
      {previewing ? (
        <Suspense fallback={null}>
          <PassPreviewDrawer
            pass={previewing}
            onClose={() => setPreviewId(null)}
            onEdit={() => navigate(paths.pass(workspaceId, previewing.id))}
          />
        </Suspense>
      ) : null}

      {list.data ? <SummaryBar passes={passes} hasMore={list.hasNextPage} /> : <SummaryBarSkeleton />}

      <ListToolbar filters={filters} />

      <section aria-label="Pass list" className="mt-4">
        {list.isPending ? (
          <ListSkeleton />
        ) : list.isError && passes.length === 0 ? (
          <Alert
            tone="danger"
            title="The passes could not be loaded"
            action={
              isApiError(list.error) &&
              list.error.status === 403 &&
              defaultWorkspaceId &&
              defaultWorkspaceId !== workspaceId ? (
                <Link to={paths.passes(defaultWorkspaceId)} className="font-medium underline">
                  Open your default workspace
                </Link>
              ) : (
                <Button size="sm" onClick={() => void list.refetch()}>
                  Try again
                </Button>
              )
            }
          >
            {describeError(list.error)}
          </Alert>
        ) : passes.length === 0 ? (
          <EmptyState filtering={filtering} />
        ) : (
          <>
            {list.isError ? (
              <Alert tone="warning" className="mb-3" title="Counts are not up to date">
                {describeError(list.error)} The list shows the last values received.
              </Alert>
            ) : null}
            <PassTable
              passes={passes}
              workspaceId={workspaceId}
              onDuplicate={setCreating}
              onPreview={(pass) => setPreviewId(pass.id)}
            />
            <div className="mt-4 flex flex-col items-center gap-2">
              {list.hasNextPage ? (
                <Button onClick={() => void list.fetchNextPage()} busy={list.isFetchingNextPage}>
                  {list.isFetchingNextPage ? 'Loading more…' : 'Load more passes'}
                </Button>
              ) : (
                <p className="text-sm text-ink-subtle">
                  {passes.length === 1 ? 'That is the only pass' : `All ${passes.length} passes are shown`}
                  {filtering ? ' for this search.' : '.'}
                </p>
              )}
            </div>
          </>
        )}
      </section>
    </div>
  );
}

function ListToolbar({ filters }: { filters: PassListFilters }) {
  const searchId = useId();
  const [search, setSearch] = useState(filters.query);
  const debounced = useDebouncedValue(search, 300);

  useEffect(() => {
    if (debounced !== (new URLSearchParams(window.location.search).get('q') ?? '')) {
      setSearchParams({ q: debounced });
    }
  }, [debounced]);

  return (
    <div className="mt-6 flex flex-wrap items-center gap-3">
      <div className="relative min-w-64 flex-1 sm:max-w-sm">
        <label htmlFor={searchId} className="sr-only">
          Search passes
        </label>
        <input
          id={searchId}
          type="search"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') setSearchParams({ q: search });
          }}
          placeholder="Search passes by name"
          maxLength={255}
          className="h-10 w-full rounded-lg border border-surface-strong bg-surface px-3 text-sm text-ink placeholder:text-ink-subtle"
        />
      </div>
      <fieldset className="flex rounded-lg border border-surface-strong bg-surface p-0.5">
        <legend className="sr-only">Status</legend>
        {STATUS_OPTIONS.map((option) => (
          <label
            key={option}
            className={cx(
              'relative cursor-pointer rounded-md px-3 py-1.5 text-sm font-medium has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-brand-600',
              filters.status === option ? 'bg-brand-600 text-ink-inverse' : 'text-ink-muted hover:text-ink',
            )}
          >
            <input
              type="radio"
              name="status-filter"
              value={option}
              checked={filters.status === option}
              onChange={() => setSearchParams({ status: option === 'All' ? null : option })}
              className="absolute inset-0 cursor-pointer opacity-0"
            />
            {option}
          </label>
        ))}
      </fieldset>
    </div>
  );
}

function EmptyState({ filtering }: { filtering: boolean }) {
  return (
    <div className="rounded-card border border-dashed border-surface-strong bg-surface px-6 py-12 text-center">
      {filtering ? (
        <>
          <h2 className="text-base font-semibold text-ink">No passes match this search</h2>
          <p className="mt-1 text-sm text-ink-muted">Try another name, or show all statuses.</p>
          <Button className="mt-4" onClick={() => setSearchParams({ q: null, status: null })}>
            Clear search and filter
          </Button>
        </>
      ) : (
        <>
          <h2 className="text-base font-semibold text-ink">This workspace has no passes yet</h2>
          <p className="mt-1 text-sm text-ink-muted">Create a pass to start designing it.</p>
        </>
      )}
    </div>
  );
}

function PassTable({
  passes,
  workspaceId,
  onDuplicate,
  onPreview,
}: {
  passes: WalletPass[];
  workspaceId: string;
  onDuplicate: (pass: WalletPass) => void;
  onPreview: (pass: WalletPass) => void;
}) {
  return (
    <div className="overflow-x-auto rounded-card border border-surface-border bg-surface shadow-card">
      <table className="w-full min-w-[880px] border-collapse text-left">
        <caption className="sr-only">Passes with their status and install counts</caption>
        <thead className="border-b border-surface-border bg-surface-sunken text-xs font-medium tracking-wide text-ink-muted uppercase">
          <tr>
            <th scope="col" className="px-4 py-3">
              Pass
            </th>
            <th scope="col" className="px-4 py-3">
              Status
            </th>
            <th scope="col" className="px-4 py-3 text-right">
              Issued
            </th>
            <th scope="col" className="px-4 py-3 text-right">
              Active
            </th>
            <th scope="col" className="px-4 py-3">
              Updated
            </th>
            <th scope="col" className="px-4 py-3">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-surface-border">
          {passes.map((pass) => (
            <PassRow
              key={pass.id}
              pass={pass}
              workspaceId={workspaceId}
              onDuplicate={onDuplicate}
              onPreview={onPreview}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function PassRow({
  pass,
  workspaceId,
  onDuplicate,
  onPreview,
}: {
  pass: WalletPass;
  workspaceId: string;
  onDuplicate: (pass: WalletPass) => void;
  onPreview: (pass: WalletPass) => void;
}) {
  const name = pass.passName || 'Untitled pass';
  const queryClient = useQueryClient();
  const { client, connectionId } = useConnection();
  const prefetch = () => void queryClient.prefetchQuery(passQueries.detail(client, connectionId, workspaceId, pass.id));
  return (
    <tr className="hover:bg-surface-sunken/60">
      <td className="px-4 py-3">
        <div className="flex items-center gap-3">
          <PassThumbnail pass={pass} />
          <div className="min-w-0">
            <Link
              to={paths.pass(workspaceId, pass.id)}
              // Pointing at or focusing a pass starts reading it, so the editor opens with it.
              onPointerEnter={prefetch}
              onFocus={prefetch}
              className="block truncate font-medium text-ink hover:text-brand-700 hover:underline"
            >
              {name}
            </Link>
            <p className="truncate text-xs text-ink-subtle">{pass.passMetadata?.organizationName}</p>
          </div>
        </div>
      </td>
      <td className="px-4 py-3">
        {pass.status === 'Draft' || pass.status === 'Published' ? (
          <StatusToggle pass={pass} workspaceId={workspaceId} size="sm" />
        ) : (
          <StatusBadge status={pass.status} />
        )}
      </td>
      <td className="px-4 py-3">
        <CountCell
          what="Issued"
          total={pass.totalIssuedCount}
          apple={pass.appleIssuedCount}
          google={pass.googleIssuedCount}
        />
      </td>
      <td className="px-4 py-3">
        <CountCell
          what="Active"
          total={pass.totalActiveCount}
          apple={pass.appleActiveCount}
          google={pass.googleActiveCount}
        />
      </td>
      <td className="px-4 py-3 text-sm whitespace-nowrap text-ink-muted">
        <time dateTime={pass.updatedTime ?? undefined} title={formatExact(pass.updatedTime)}>
          {formatRelative(pass.updatedTime)}
        </time>
      </td>
      <td className="px-4 py-3 text-right whitespace-nowrap">
        <Button size="sm" variant="ghost" onClick={() => onPreview(pass)} aria-label={`Preview ${name}`}>
          Preview
        </Button>
        <Button size="sm" variant="ghost" onClick={() => onDuplicate(pass)} aria-label={`Duplicate ${name}`}>
          Duplicate
        </Button>
      </td>
    </tr>
  );
}
