import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { DeletedPass } from '../../../../contract/pass-versions';
import { Alert } from '../../../components/ui/alert';
import { Button, Spinner } from '../../../components/ui/button';
import { Dialog } from '../../../components/ui/dialog';
import { useToast } from '../../../components/ui/toast';
import { describeError } from '../../../lib/api-error';
import { useConnection } from '../../../lib/connection';
import { formatExact, formatRelative } from '../../../lib/format';
import { navigate, paths } from '../../../history-router';
import { historyQueries } from './history-queries';
import { useRestoreDeletedPass } from './use-restore-deleted-pass';

/** "Recently deleted": deleted passes whose last version the studio kept, each restorable. */
export function RecentlyDeletedDialog({ workspaceId, onClose }: { workspaceId: string; onClose: () => void }) {
  const { client, connectionId } = useConnection();
  const deleted = useQuery(historyQueries.deleted(client, connectionId, workspaceId));
  const restore = useRestoreDeletedPass(workspaceId);
  const toast = useToast();
  const [restoring, setRestoring] = useState<string | null>(null);

  const restoreOne = (item: DeletedPass) => {
    setRestoring(item.passId);
    restore.mutate(item, {
      onSuccess: (created) => {
        toast.notify({
          tone: 'success',
          title: `“${created.passName}” restored as a new draft`,
          message: 'Check it, then publish it when ready.',
        });
        onClose();
        navigate(paths.pass(workspaceId, created.id));
      },
      onSettled: () => setRestoring(null),
    });
  };

  return (
    <Dialog
      open
      onClose={onClose}
      title="Recently deleted"
      description="Deleted passes whose last version Pass Studio kept. Restoring creates a new draft from it."
      footer={<Button onClick={onClose}>Close</Button>}
    >
      {deleted.isPending ? (
        <Spinner label="Loading…" />
      ) : deleted.isError ? (
        <Alert tone="danger" title="Recently deleted passes could not be loaded">
          {describeError(deleted.error)}
        </Alert>
      ) : deleted.data.items.length === 0 ? (
        <p className="text-sm text-ink-muted">No deleted passes in this workspace.</p>
      ) : (
        <ul className="divide-y divide-surface-border rounded-lg border border-surface-border">
          {deleted.data.items.map((item) => (
            <li key={item.passId} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2">
              <div className="min-w-0">
                <div className="truncate text-sm font-medium text-ink">{item.passName || 'Untitled pass'}</div>
                <div className="text-xs text-ink-muted">
                  Deleted{' '}
                  <time dateTime={item.deletedAt} title={formatExact(item.deletedAt)}>
                    {formatRelative(item.deletedAt)}
                  </time>
                </div>
              </div>
              <Button
                size="sm"
                onClick={() => restoreOne(item)}
                busy={restoring === item.passId}
                disabled={restoring !== null}
                aria-label={`Restore “${item.passName || 'Untitled pass'}” as new pass`}
              >
                Restore as new pass
              </Button>
            </li>
          ))}
        </ul>
      )}
      {restore.isError ? (
        <Alert tone="danger" title="The pass was not restored" className="mt-3">
          {describeError(restore.error)}
        </Alert>
      ) : null}
    </Dialog>
  );
}
