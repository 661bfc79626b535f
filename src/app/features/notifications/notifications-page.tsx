import { useConnection } from '../../lib/connection';
import { NotificationHistory } from './notification-history';

/** `/w/:workspace/notifications`: every notification of the workspace. Loaded with its route. */
export default function NotificationsPage({ workspaceId }: { workspaceId: string }) {
  const { workspaces } = useConnection();
  const workspaceName = workspaces.find((w) => w.id === workspaceId)?.name ?? workspaceId;
  return (
    <div className="mx-auto w-full max-w-7xl px-4 py-6 sm:px-6 lg:px-8">
      <h1 className="text-2xl font-semibold text-ink">Notifications</h1>
      <p className="mt-1 text-sm text-ink-muted">
        Push notifications sent, scheduled and drafted for the passes of{' '}
        <span className="font-medium text-ink">{workspaceName}</span>. To write one, open a pass and choose Notify
        holders.
      </p>
      <NotificationHistory workspaceId={workspaceId} />
    </div>
  );
}
