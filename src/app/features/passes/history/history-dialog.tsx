import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { type PassVersion, type PassVersionSummary, summariseParts } from '../../../../contract/pass-versions';
import type { WalletPass } from '../../../../contract/schemas';
import { Alert } from '../../../components/ui/alert';
import { Button, Spinner } from '../../../components/ui/button';
import { Dialog } from '../../../components/ui/dialog';
import { describeError } from '../../../lib/api-error';
import { useConnection } from '../../../lib/connection';
import { formatExact, formatRelative } from '../../../lib/format';
import { ChangeList } from '../review/change-list';
import { compareVersions } from '../review/pass-changes';
import { historyQueries } from './history-queries';
import { userLabel } from '../model/user-label';

/**
 * The History panel: every version of the pass the studio kept, newest first, and for any of them
 * what differs from the current version or from the version before it, in the review's view.
 * Restore hands the version to the editor, which loads it as unsaved changes.
 */
export function HistoryDialog({
  workspaceId,
  pass,
  onClose,
  onRestore,
}: {
  workspaceId: string;
  /** The current server version. */
  pass: WalletPass;
  onClose: () => void;
  onRestore: (version: PassVersion) => void;
}) {
  const { client, connectionId } = useConnection();
  const versions = useQuery(historyQueries.versions(client, connectionId, workspaceId, pass.id));
  const [selected, setSelected] = useState<number | null>(null);
  const items = versions.data?.items ?? [];
  const index = items.findIndex((v) => v.versionId === selected);

  return (
    <Dialog
      open
      onClose={onClose}
      size="lg"
      title={
        index >= 0 ? `Version of ${formatExact(items[index]!.updatedTime ?? items[index]!.recordedAt)}` : 'History'
      }
      description={
        index >= 0
          ? undefined
          : 'Every version of this pass Pass Studio saved or saw, newest first. Restoring one loads it into the editor as unsaved changes.'
      }
      footer={
        index >= 0 ? null : (
          <Button onClick={onClose} className="ml-auto">
            Close
          </Button>
        )
      }
    >
      {versions.isPending ? (
        <Spinner label="Loading history…" />
      ) : versions.isError ? (
        <Alert
          tone="danger"
          title="The history could not be loaded"
          action={
            <Button size="sm" onClick={() => void versions.refetch()}>
              Try again
            </Button>
          }
        >
          {describeError(versions.error)}
        </Alert>
      ) : index >= 0 ? (
        <VersionDetail
          workspaceId={workspaceId}
          pass={pass}
          version={items[index]!}
          previous={items[index + 1] ?? null}
          isLatest={index === 0}
          onBack={() => setSelected(null)}
          onRestore={(version) => {
            onRestore(version);
            onClose();
          }}
        />
      ) : items.length === 0 ? (
        <p className="text-sm text-ink-muted">
          No versions recorded yet: the first one is kept when the pass is saved or read.
        </p>
      ) : (
        <ol
          aria-label="Versions"
          className="-mx-6 max-h-[min(60vh,32rem)] divide-y divide-surface-border overflow-y-auto border-y border-surface-border"
        >
          {items.map((version, i) => (
            <li key={version.versionId}>
              <button
                type="button"
                onClick={() => setSelected(version.versionId)}
                className="flex w-full flex-col items-start gap-0.5 px-6 py-2.5 text-left hover:bg-surface-sunken focus-visible:bg-surface-sunken"
              >
                <span className="flex w-full flex-wrap items-center gap-x-2 gap-y-1">
                  <time
                    dateTime={version.updatedTime ?? version.recordedAt}
                    title={formatExact(version.updatedTime ?? version.recordedAt)}
                    className="text-sm font-medium text-ink"
                  >
                    {formatRelative(version.updatedTime ?? version.recordedAt)}
                  </time>
                  <SourceBadge source={version.source} />
                  {i === 0 ? <span className="text-xs text-ink-muted">Current</span> : null}
                </span>
                <span className="text-sm text-ink-muted">
                  {i === items.length - 1 && version.changedParts.length === 0
                    ? 'Earliest version kept'
                    : summariseParts(version.changedParts)}
                </span>
                <span className="text-xs text-ink-subtle">
                  <Author id={version.updatedBy} />
                </span>
              </button>
            </li>
          ))}
        </ol>
      )}
    </Dialog>
  );
}

/** Who saved a version; an opaque user id is shortened (the full id stays in the tooltip). */
function Author({ id }: { id: string | null | undefined }) {
  if (!id) return <>author unknown</>;
  return <span title={id}>by {userLabel(id)}</span>;
}

function SourceBadge({ source }: { source: PassVersionSummary['source'] }) {
  return source === 'saved' ? (
    <span className="rounded-full bg-brand-50 px-2 py-0.5 text-xs font-medium text-brand-700">Saved here</span>
  ) : (
    <span className="rounded-full bg-warning-50 px-2 py-0.5 text-xs font-medium text-warning-700">Saved elsewhere</span>
  );
}

function VersionDetail({
  workspaceId,
  pass,
  version,
  previous,
  isLatest,
  onBack,
  onRestore,
}: {
  workspaceId: string;
  pass: WalletPass;
  version: PassVersionSummary;
  previous: PassVersionSummary | null;
  isLatest: boolean;
  onBack: () => void;
  onRestore: (version: PassVersion) => void;
}) {
  const { client, connectionId } = useConnection();
  const [against, setAgainst] = useState<'current' | 'previous'>(isLatest && previous ? 'previous' : 'current');
  const full = useQuery(historyQueries.version(client, connectionId, workspaceId, pass.id, version.versionId));
  const before = useQuery({
    ...historyQueries.version(client, connectionId, workspaceId, pass.id, previous?.versionId ?? -1),
    enabled: previous !== null && against === 'previous',
  });
  const changes = useMemo(() => {
    if (!full.data) return null;
    if (against === 'current') return compareVersions(full.data.pass, pass);
    if (!previous) return compareVersions({}, full.data.pass);
    return before.data ? compareVersions(before.data.pass, full.data.pass) : null;
  }, [against, before.data, full.data, pass, previous]);

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-2 text-sm text-ink-muted">
        <SourceBadge source={version.source} />
        <Author id={version.updatedBy} />
      </div>
      <fieldset className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm">
        <legend className="sr-only">Compare</legend>
        {(
          [
            ['current', 'What restoring changes (against the current version)'],
            ['previous', 'What this version changed (against the one before)'],
          ] as const
        ).map(([value, label]) => (
          <label key={value} className="flex items-center gap-1.5">
            <input
              type="radio"
              name="against"
              value={value}
              checked={against === value}
              disabled={value === 'previous' && !previous}
              onChange={() => setAgainst(value)}
            />
            {label}
          </label>
        ))}
      </fieldset>
      <div className="-mx-6 max-h-[min(55vh,30rem)] overflow-y-auto px-6">
        {full.isError || before.isError ? (
          <Alert tone="danger" title="This version could not be loaded">
            {describeError(full.error ?? before.error)}
          </Alert>
        ) : changes ? (
          <ChangeList
            changes={changes}
            emptyText={
              against === 'current' ? 'Same as the current version.' : 'No visible change from the version before.'
            }
          />
        ) : (
          <Spinner label="Loading version…" />
        )}
      </div>
      <div className="-mx-6 -mb-4 flex flex-wrap justify-end gap-2 border-t border-surface-border px-6 py-3">
        <Button onClick={onBack}>Back to history</Button>
        <Button variant="primary" disabled={!full.data} onClick={() => full.data && onRestore(full.data)}>
          Restore this version
        </Button>
      </div>
    </div>
  );
}
