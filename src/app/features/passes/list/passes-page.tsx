import { useInfiniteQuery, usePrefetchQuery } from '@tanstack/react-query';
import { Suspense, lazy, useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { PASS_STATUSES } from '../../../../contract/rules';
import type { WalletPass } from '../../../../contract/schemas';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { useToast } from '../../../components/ui/toast';
import { describeError, isApiError } from '../../../lib/api-error';
import { useConnection } from '../../../lib/connection';
import { cx } from '../../../lib/cx';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { Link, navigate, paths, setSearchParams, useSearchParams } from '../../../history-router';
import { type PassListFilters, passQueries } from '../api/pass-queries';
import { workspaceSummaryQuery } from '../api/workspace-summary-query';
import { loadEditorWhenQuiet } from '../editor-loader';
import { LoadingOverlay } from '../../../components/ui/loading-overlay';
import { lazyOnUse, prefetchOnIntent } from '../../../lib/lazy-on-use';
import { PassTable } from './pass-table';
import { ListSkeleton, SummaryBarSkeleton } from './list-skeleton';
import { useVisibleCounts } from './use-visible-counts';

// New pass (and Duplicate): the dialog loads when a button that opens it is pointed at or focused.
const newPassDialog = lazyOnUse(() => import('./new-pass-dialog').then((m) => m.NewPassDialog));
const NewPassDialog = newPassDialog.Component;

// The workspace totals: their request starts with the page (below), their code loads beside it.
const SummaryBar = lazy(() => import('./summary-bar').then((m) => ({ default: m.SummaryBar })));

// Deleting a pass and restoring deleted ones: loaded when one of their dialogs opens.
const ListDeletion = lazy(() => import('../history/list-deletion'));

// The preview (and its QR encoder) loads only when a marketer opens one from the list.
const PassPreviewDrawer = lazy(() => import('../preview/pass-preview-drawer'));
// The workspace's count chart and its charting library load after the list, in their own chunk.
const WorkspaceInstalls = lazy(() => import('../../installs/workspace-installs'));
// Import (a pass export, zip or JSON) and the list as CSV: their code loads on use.
const importDialog = lazyOnUse(() => import('../../transfer/import-dialog').then((m) => m.default));
const ImportDialog = importDialog.Component;
const loadExports = () => import('../../transfer/export-passes');
// An empty workspace or search is shown rarely and briefly: its message loads when needed.
const EmptyState = lazy(() => import('./empty-state'));
// Bulk actions: the selection bar (and, on use, its dialogs) loads once a pass is selected.
const BulkBar = lazy(() => import('../../bulk/bulk-bar'));

/** Once the list is shown and the page is quiet, the editor's code loads so opening a pass is quick. */
function useEditorCodeWhenQuiet(ready: boolean) {
  useEffect(() => (ready ? loadEditorWhenQuiet() : undefined), [ready]);
}

/** How often the counts of the rows on screen refresh while the tab is visible. */
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
  const { client, connectionId, workspaces, defaultWorkspaceId, config } = useConnection();
  usePrefetchQuery(workspaceSummaryQuery(client, connectionId, workspaceId, config.mode));
  const params = useSearchParams();
  const filters = readFilters(params);
  const workspaceName = workspaces.find((w) => w.id === workspaceId)?.name ?? workspaceId;

  const listOptions = passQueries.list(client, connectionId, workspaceId, filters);
  const list = useInfiniteQuery({
    ...listOptions,
    // Re-reading every loaded page on focus would cost as many requests as pages: the rows on
    // screen are refreshed instead (useVisibleCounts), at once when the tab is shown again.
    refetchOnWindowFocus: false,
  });
  const passes = useMemo(() => list.data?.pages.flatMap((page) => page.items) ?? [], [list.data]);
  const visibleIds = useRef<string[]>([]);
  useVisibleCounts({
    client,
    workspaceId,
    listKey: listOptions.queryKey,
    visibleIdsRef: visibleIds,
    intervalMs: COUNTS_REFRESH_MS,
    enabled: list.isSuccess,
  });
  useEditorCodeWhenQuiet(list.isSuccess);
  const filtering = filters.query.trim() !== '' || filters.status !== 'All';
  // `undefined`: closed; `null`: a new pass; a pass: duplicate it.
  const [creating, setCreating] = useState<WalletPass | null | undefined>(undefined);
  const [previewId, setPreviewId] = useState<string | null>(null);
  // The live list copy, so counts and status in the open preview stay current.
  const previewing = previewId ? passes.find((p) => p.id === previewId) : undefined;
  const onPreview = useCallback((pass: WalletPass) => setPreviewId(pass.id), []);
  // Open: a row's pass to delete, or (without one) the recently deleted passes.
  const [deletion, setDeletion] = useState<{ deleting?: WalletPass } | null>(null);
  const onDelete = useCallback((pass: WalletPass) => setDeletion({ deleting: pass }), []);
  const [importing, setImporting] = useState(false);
  const [exportingCsv, setExportingCsv] = useState(false);
  const { notify } = useToast();
  const exportListCsv = () => {
    setExportingCsv(true);
    loadExports()
      .then(async ({ exportCsv, downloadBlob, fileSafeName }) =>
        downloadBlob(await exportCsv(client, workspaceId, { filters }), `${fileSafeName(workspaceName)}-passes.csv`),
      )
      .catch((error: unknown) =>
        notify({ tone: 'danger', title: 'The CSV could not be made', message: describeError(error) }),
      )
      .finally(() => setExportingCsv(false));
  };
  // Passes chosen for a bulk action (another search or filter starts afresh: see BulkBar).
  const [selected, setSelected] = useState<ReadonlyMap<string, WalletPass>>(() => new Map());
  const onSelect = useCallback(
    (chosen: WalletPass[], on: boolean) =>
      setSelected((old) => {
        const next = new Map(old);
        for (const pass of chosen) {
          if (on) next.set(pass.id, pass);
          else next.delete(pass.id);
        }
        return next;
      }),
    [],
  );

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
        <div className="flex flex-wrap items-center gap-2">
          <Button variant="ghost" onClick={() => setImporting(true)} {...prefetchOnIntent(importDialog.load)}>
            Import
          </Button>
          <Button variant="ghost" busy={exportingCsv} onClick={exportListCsv} {...prefetchOnIntent(loadExports)}>
            Export CSV
          </Button>
          <Button variant="ghost" onClick={() => setDeletion({})}>
            Recently deleted
          </Button>
          <Button variant="primary" onClick={() => setCreating(null)} {...prefetchOnIntent(newPassDialog.load)}>
            New pass
          </Button>
        </div>
      </div>
      {importing ? (
        <Suspense fallback={<LoadingOverlay label="Opening…" />}>
          <ImportDialog workspaceId={workspaceId} workspaceName={workspaceName} onClose={() => setImporting(false)} />
        </Suspense>
      ) : null}
      {deletion ? (
        <Suspense fallback={null}>
          <ListDeletion workspaceId={workspaceId} deleting={deletion.deleting} onClose={() => setDeletion(null)} />
        </Suspense>
      ) : null}
      {creating !== undefined ? (
        <Suspense fallback={<LoadingOverlay label="Opening…" />}>
          <NewPassDialog
            key={creating?.id ?? 'new'}
            open
            onClose={() => setCreating(undefined)}
            workspaceId={workspaceId}
            workspaceName={workspaceName}
            passes={passes}
            initialSource={creating ?? undefined}
          />
        </Suspense>
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

      <Suspense fallback={<SummaryBarSkeleton />}>
        <SummaryBar workspaceId={workspaceId} />
      </Suspense>

      <Suspense fallback={<div className="mt-6 h-[404px] rounded-card border border-surface-border bg-surface" />}>
        <WorkspaceInstalls workspaceId={workspaceId} workspaceName={workspaceName} />
      </Suspense>

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
          <Suspense fallback={<div className="h-[170px] rounded-card border border-dashed border-surface-strong" />}>
            <EmptyState filtering={filtering} />
          </Suspense>
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
              onDelete={onDelete}
              onPreview={onPreview}
              visibleIdsRef={visibleIds}
              selected={selected}
              onSelect={onSelect}
            />
            <p role="status" className="sr-only">
              {passes.length === 1 ? '1 pass' : `${passes.length} passes`} loaded
              {list.hasNextPage ? ', more can be loaded' : ''}
            </p>
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
        {/* Outside the rows' branch: a run that empties the list keeps its dialog and results. */}
        {selected.size > 0 ? (
          <Suspense fallback={null}>
            <BulkBar
              workspaceId={workspaceId}
              filters={filters}
              passes={passes}
              hasMore={list.hasNextPage}
              selected={selected}
              onSelectedChange={setSelected}
            />
          </Suspense>
        ) : null}
      </section>
    </div>
  );
}

function ListToolbar({ filters }: { filters: PassListFilters }) {
  const searchId = useId();
  const [search, setSearch] = useState(filters.query);
  const debounced = useDebouncedValue(search, 300);
  // A search cleared elsewhere (the empty state's Clear search) empties the box too.
  const [urlQuery, setUrlQuery] = useState(filters.query);
  if (urlQuery !== filters.query) {
    setUrlQuery(filters.query);
    if (filters.query !== debounced) setSearch(filters.query);
  }

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
              'relative cursor-pointer rounded-md px-3 py-1.5 text-sm font-medium has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-focus-ring',
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
