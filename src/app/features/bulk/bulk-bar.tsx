import { Suspense, useEffect, useMemo, useRef, useState } from 'react';
import type { WalletPass } from '../../../contract/schemas';
import { Button } from '../../components/ui/button';
import { LoadingOverlay } from '../../components/ui/loading-overlay';
import { useToast } from '../../components/ui/toast';
import { describeError } from '../../lib/api-error';
import { useConnection } from '../../lib/connection';
import { formatCount as n } from '../../lib/format';
import { lazyOnUse, prefetchOnIntent } from '../../lib/lazy-on-use';
import type { PassListFilters } from '../passes/api/pass-queries';
import type { BulkActionKind } from './bulk-action-dialog';
import { fetchMatchingPasses } from './fetch-matching';

// The confirmation and run of an action, the field editor and the export load on use.
const actionDialog = lazyOnUse(() => import('./bulk-action-dialog').then((m) => m.default));
const ActionDialog = actionDialog.Component;
const fieldEditDialog = lazyOnUse(() => import('./field-edit-dialog').then((m) => m.default));
const FieldEditDialog = fieldEditDialog.Component;
const exportDialog = lazyOnUse(() => import('./bulk-export-dialog').then((m) => m.default));
const ExportDialog = exportDialog.Component;

type Open = { kind: BulkActionKind } | { kind: 'edit' } | { kind: 'export' } | null;

/**
 * The selection's bar under the pass list (it stays at the bottom of the screen while the list
 * scrolls): how many passes are selected, select every pass matching the search, clear, and the
 * bulk actions. Shown while at least one pass is selected.
 */
export default function BulkBar({
  workspaceId,
  filters,
  passes,
  hasMore,
  selected,
  onSelectedChange,
}: {
  workspaceId: string;
  filters: PassListFilters;
  /** The list's loaded passes (their live copies replace the selection's older ones). */
  passes: readonly WalletPass[];
  /** More passes match than the list has loaded. */
  hasMore: boolean;
  selected: ReadonlyMap<string, WalletPass>;
  onSelectedChange: (selected: ReadonlyMap<string, WalletPass>) => void;
}) {
  const { client } = useConnection();
  const { notify } = useToast();
  const [open, setOpen] = useState<Open>(null);
  const [finding, setFinding] = useState<number | null>(null);
  const [allMatching, setAllMatching] = useState(false);
  const finder = useRef<AbortController | null>(null);
  useEffect(() => () => finder.current?.abort(), []);
  // Another search or status filter starts a new selection: acting on passes no longer shown
  // would surprise. (A workspace switch remounts the whole page.)
  const scope = `${filters.status} ${filters.query}`;
  const firstScope = useRef(scope);
  useEffect(() => {
    if (scope !== firstScope.current) onSelectedChange(new Map());
  }, [scope, onSelectedChange]);

  const chosen = useMemo(() => {
    const live = new Map(passes.map((p) => [p.id, p]));
    return [...selected.values()].map((p) => live.get(p.id) ?? p);
  }, [passes, selected]);
  const allLoadedSelected = passes.every((p) => selected.has(p.id));
  const filtering = filters.query.trim() !== '' || filters.status !== 'All';
  const count = selected.size;

  const selectAllMatching = async () => {
    const abort = new AbortController();
    finder.current = abort;
    setFinding(0);
    try {
      const found = await fetchMatchingPasses(client, workspaceId, filters, {
        signal: abort.signal,
        onProgress: setFinding,
      });
      onSelectedChange(new Map(found.map((p) => [p.id, p])));
      setAllMatching(true);
    } catch (error) {
      if (!abort.signal.aborted)
        notify({ tone: 'danger', title: 'Not every matching pass could be found', message: describeError(error) });
    } finally {
      setFinding(null);
    }
  };

  const intent = {
    action: prefetchOnIntent(actionDialog.load),
    edit: prefetchOnIntent(fieldEditDialog.load),
    export: prefetchOnIntent(exportDialog.load),
  };
  // Deleted passes leave the selection when their dialog closes (not before: the bar holds it).
  const deleted = useRef<Set<string>>(new Set());
  const close = () => {
    setOpen(null);
    if (deleted.current.size === 0) return;
    const gone = deleted.current;
    deleted.current = new Set();
    onSelectedChange(new Map([...selected].filter(([id]) => !gone.has(id))));
  };

  return (
    <section
      aria-label="Selected passes"
      className="sticky bottom-3 z-20 mt-3 rounded-card border border-brand-200 bg-surface px-3 py-2.5 shadow-pop sm:px-4"
    >
      <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
        <p role="status" className="text-sm font-semibold text-ink">
          {n(count)} selected
          {allMatching && count > 0 ? (
            <span className="font-normal text-ink-muted">
              {' '}
              — every pass {filtering ? 'matching this search' : 'in this workspace'}
            </span>
          ) : null}
        </p>
        {hasMore && allLoadedSelected && !allMatching ? (
          finding === null ? (
            <Button size="sm" variant="ghost" className="text-brand-700" onClick={() => void selectAllMatching()}>
              {filtering ? 'Select all passes matching this search' : 'Select all passes in the workspace'}
            </Button>
          ) : (
            <span className="flex items-center gap-2 text-sm text-ink-muted">
              Finding passes… {n(finding)}
              <Button size="sm" variant="ghost" onClick={() => finder.current?.abort()}>
                Stop
              </Button>
            </span>
          )
        ) : null}
        <Button
          size="sm"
          variant="ghost"
          onClick={() => {
            setAllMatching(false);
            onSelectedChange(new Map());
          }}
        >
          Clear selection
        </Button>
        <div className="flex w-full flex-wrap gap-2 sm:ml-auto sm:w-auto">
          <Button size="sm" onClick={() => setOpen({ kind: 'publish' })} {...intent.action}>
            Publish
          </Button>
          <Button size="sm" onClick={() => setOpen({ kind: 'unpublish' })} {...intent.action}>
            Unpublish
          </Button>
          <Button size="sm" onClick={() => setOpen({ kind: 'edit' })} {...intent.edit}>
            Edit fields
          </Button>
          <Button size="sm" onClick={() => setOpen({ kind: 'duplicate' })} {...intent.action}>
            Duplicate
          </Button>
          <Button size="sm" onClick={() => setOpen({ kind: 'export' })} {...intent.export}>
            Export
          </Button>
          <Button
            size="sm"
            variant="ghost"
            className="text-danger-700 hover:text-danger-700"
            onClick={() => setOpen({ kind: 'delete' })}
            {...intent.action}
          >
            Delete
          </Button>
        </div>
      </div>
      <Suspense fallback={<LoadingOverlay label="Opening…" />}>
        {open?.kind === 'edit' ? (
          <FieldEditDialog workspaceId={workspaceId} passes={chosen} onClose={close} />
        ) : open?.kind === 'export' ? (
          <ExportDialog workspaceId={workspaceId} passes={chosen} onClose={close} />
        ) : open ? (
          <ActionDialog
            kind={open.kind}
            workspaceId={workspaceId}
            passes={chosen}
            onClose={close}
            onFinished={(done) => {
              if (open.kind === 'delete') for (const pass of done) deleted.current.add(pass.id);
            }}
          />
        ) : null}
      </Suspense>
    </section>
  );
}
