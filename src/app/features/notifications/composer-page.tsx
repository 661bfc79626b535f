import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { isEditableNotification } from '../../../contract/notifications';
import { Alert } from '../../components/ui/alert';
import { Button, Spinner } from '../../components/ui/button';
import { describeError } from '../../lib/api-error';
import { useConnection } from '../../lib/connection';
import { Link, paths } from '../../history-router';
import { ComposerForm } from './composer-form';
import { NotificationHistory } from './notification-history';
import { notificationQueries } from './notification-queries';

/**
 * `/w/:workspace/passes/:pass/notify[/:notification]`: write a notification to a pass's holders
 * (or edit a Draft or Scheduled one), with the pass's history below. Loaded with its route.
 */
export default function ComposerPage({
  workspaceId,
  passId,
  notificationId,
}: {
  workspaceId: string;
  passId: string;
  notificationId?: string | undefined;
}) {
  const { client, connectionId } = useConnection();
  const pass = useQuery(notificationQueries.pass(client, connectionId, workspaceId, passId));
  const editing = useQuery({
    ...notificationQueries.detail(client, connectionId, workspaceId, notificationId ?? ''),
    enabled: Boolean(notificationId),
  });
  // The pass's newest notifications: the same query as its history, for Google's budget.
  const recent = useInfiniteQuery(
    notificationQueries.list(client, connectionId, workspaceId, { query: '', status: 'All', passId }),
  );
  const passName = pass.data?.passName || 'Untitled pass';
  const loading = pass.isPending || (notificationId !== undefined && editing.isPending);
  const failure = pass.error ?? editing.error;

  return (
    <div className="mx-auto w-full max-w-7xl px-4 py-6 sm:px-6 lg:px-8">
      <nav aria-label="Breadcrumb" className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
        <Link to={paths.pass(workspaceId, passId)} className="text-brand-700 hover:underline">
          ← Back to the pass
        </Link>
        <Link to={paths.notifications(workspaceId)} className="text-brand-700 hover:underline">
          All notifications
        </Link>
      </nav>
      <h1 className="mt-3 text-2xl font-semibold break-words text-ink">
        {notificationId ? 'Edit notification' : 'Notify holders'}
        {pass.data ? <span className="block text-base font-normal text-ink-muted">{passName}</span> : null}
      </h1>

      {loading && !failure ? (
        <div className="mt-8">
          <Spinner label="Loading the pass…" />
        </div>
      ) : failure || !pass.data ? (
        <Alert
          tone="danger"
          className="mt-6"
          title={pass.error ? 'This pass could not be opened' : 'This notification could not be opened'}
          action={
            <Button size="sm" onClick={() => void (pass.error ? pass.refetch() : editing.refetch())}>
              Try again
            </Button>
          }
        >
          {describeError(failure)}
        </Alert>
      ) : editing.data && editing.data.passSerialNumber !== passId ? (
        <Alert tone="warning" className="mt-6" title="This notification belongs to another pass">
          <Link
            to={paths.notify(workspaceId, editing.data.passSerialNumber ?? '', editing.data.id)}
            className="font-medium underline"
          >
            Open it with its pass
          </Link>
        </Alert>
      ) : editing.data && !isEditableNotification(editing.data.status) ? (
        <Alert tone="info" className="mt-6" title="This notification can no longer be edited">
          It has been sent (or is being sent); its figures are in the history below.{' '}
          <Link to={paths.notify(workspaceId, passId)} className="font-medium underline">
            Write a new one
          </Link>
        </Alert>
      ) : (
        <ComposerForm
          key={editing.data?.id ?? 'new'}
          workspaceId={workspaceId}
          pass={pass.data}
          passHistory={recent.data?.pages.flatMap((p) => p.items) ?? []}
          editing={editing.data}
        />
      )}

      <NotificationHistory workspaceId={workspaceId} passId={passId} />
    </div>
  );
}
