import { useQueryClient } from '@tanstack/react-query';
import { Suspense, lazy, memo } from 'react';
import type { WalletPass } from '../../../../contract/schemas';
import { Button } from '../../../components/ui/button';
import { useConnection } from '../../../lib/connection';
import { formatExact, formatRelative } from '../../../lib/format';
import { prefetchOnIntent } from '../../../lib/lazy-on-use';
import { Link, navigate, paths } from '../../../history-router';
import { passQueries } from '../api/pass-queries';
import { loadEditor } from '../editor-loader';
import { StatusSwitch } from '../status/status-switch';
import { CountCell } from './count-cell';
import { PassThumbnail } from './pass-thumbnail';
import { StatusBadge } from './status-badge';

// The status switch's behaviour (its mutation) loads right after the first paint; until then the
// row draws the same switch, not yet answering clicks.
const StatusToggle = lazy(() => import('../status/status-toggle').then((m) => ({ default: m.StatusToggle })));

// A row's install change shows once its counts arrive (nothing before), so its code loads beside
// that request rather than with the list's first paint.
const InstallChange = lazy(() =>
  import('../../../components/installs/install-change').then((m) => ({ default: m.InstallChange })),
);

// Duplicate opens the new-pass dialog, whose code loads on demand: start it on intent.
const prefetchNewPassDialog = prefetchOnIntent(() => import('./new-pass-dialog'));

export interface PassRowProps {
  pass: WalletPass;
  workspaceId: string;
  /** Position in the whole list, from 0 (`data-index`, and `aria-rowindex` after the header). */
  index: number;
  onDuplicate: (pass: WalletPass) => void;
  onDelete: (pass: WalletPass) => void;
  onPreview: (pass: WalletPass) => void;
  /** Chosen for a bulk action (features/bulk). */
  selected: boolean;
  onSelect: (passes: WalletPass[], selected: boolean) => void;
}

/**
 * Every row of the table has this height (its border included), whatever it shows: the list
 * computes which rows are on screen from it (use-window-rows.ts; pass-cards.css sets it, and the
 * cards' height on a phone, as --row-h). Names and texts are cut to one line.
 */
export const PASS_ROW_HEIGHT = 65;

/**
 * One pass of the list table. Memoised: a count refresh or a loaded page re-renders only the rows
 * whose pass object changed.
 */
export const PassRow = memo(function PassRow({
  pass,
  workspaceId,
  index,
  onDuplicate,
  onDelete,
  onPreview,
  selected,
  onSelect,
}: PassRowProps) {
  const name = pass.passName || 'Untitled pass';
  const queryClient = useQueryClient();
  const { client, connectionId } = useConnection();
  // Pointing at or focusing a pass is the sign it may be opened: its data and the editor's code
  // start loading then (the list itself never waits for the editor's code).
  const prefetch = () => {
    void loadEditor().catch(() => undefined);
    void queryClient.prefetchQuery(passQueries.detail(client, connectionId, workspaceId, pass.id));
  };
  return (
    <tr
      data-index={index}
      // Row 1 is the header row.
      aria-rowindex={index + 2}
      data-selected={selected || undefined}
      className="h-[65px] border-b border-surface-border hover:bg-surface-sunken/60 data-selected:bg-brand-50"
    >
      <td className="w-0 py-3 pl-4">
        <input
          type="checkbox"
          checked={selected}
          onChange={(event) => onSelect([pass], event.target.checked)}
          aria-label={`Select ${name}`}
          className="block size-4 accent-brand-600"
        />
      </td>
      <td data-col="name" className="px-4 py-3">
        <div className="flex items-center gap-3">
          <PassThumbnail pass={pass} />
          <div className="min-w-0 flex-1">
            <Link
              to={paths.pass(workspaceId, pass.id)}
              onPointerEnter={prefetch}
              onFocus={prefetch}
              className="block truncate font-medium text-ink hover:text-brand-700 hover:underline"
            >
              {name}
            </Link>
            <p className="truncate text-xs text-ink-subtle">{pass.passMetadata?.organizationName}</p>
          </div>
          <Suspense fallback={null}>
            <InstallChange passId={pass.id} workspaceId={workspaceId} />
          </Suspense>
        </div>
      </td>
      <td data-col="status" className="px-4 py-3">
        {pass.status === 'Draft' || pass.status === 'Published' ? (
          <Suspense fallback={<StatusSwitch published={pass.status === 'Published'} name={name} size="sm" loading />}>
            <StatusToggle pass={pass} workspaceId={workspaceId} size="sm" />
          </Suspense>
        ) : (
          <StatusBadge status={pass.status} />
        )}
      </td>
      <td data-col="issued" className="px-4 py-3">
        <CountCell
          what="Issued"
          total={pass.totalIssuedCount}
          apple={pass.appleIssuedCount}
          google={pass.googleIssuedCount}
        />
      </td>
      <td data-col="active" className="px-4 py-3">
        <CountCell
          what="Active"
          total={pass.totalActiveCount}
          apple={pass.appleActiveCount}
          google={pass.googleActiveCount}
        />
      </td>
      <td data-col="updated" className="px-4 py-3 text-sm whitespace-nowrap text-ink-muted">
        <time dateTime={pass.updatedTime ?? undefined} title={formatExact(pass.updatedTime)}>
          {formatRelative(pass.updatedTime)}
        </time>
      </td>
      <td data-col="actions" className="px-4 py-3 text-right whitespace-nowrap">
        <Button size="sm" variant="ghost" onClick={() => onPreview(pass)} aria-label={`Preview ${name}`}>
          Preview
        </Button>
        <Button
          size="sm"
          variant="ghost"
          onClick={() => navigate(paths.notify(workspaceId, pass.id))}
          aria-label={`Notify holders of ${name}`}
        >
          Notify
        </Button>
        <Button
          size="sm"
          variant="ghost"
          onClick={() => onDuplicate(pass)}
          aria-label={`Duplicate ${name}`}
          {...prefetchNewPassDialog}
        >
          Duplicate
        </Button>
        {/* An icon: the actions column has room for three words, not four. */}
        <Button
          size="sm"
          variant="ghost"
          className="px-2 text-danger-700 hover:text-danger-700"
          onClick={() => onDelete(pass)}
          aria-label={`Delete ${name}`}
          title="Delete"
        >
          <svg
            aria-hidden="true"
            viewBox="0 0 16 16"
            className="size-4"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.5"
          >
            <path
              d="M2.5 4h11M6 4V2.5h4V4M4 4l.7 9.5h6.6L12 4M6.75 6.5v4.5M9.25 6.5v4.5"
              strokeLinecap="round"
              strokeLinejoin="round"
            />
          </svg>
        </Button>
      </td>
    </tr>
  );
});
