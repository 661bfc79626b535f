import { useQuery } from '@tanstack/react-query';
import { memo, useState } from 'react';
import {
  SENT_NOTIFICATION_STATUSES,
  isEditableNotification,
  scheduleSlot,
  sentTimeOf,
  summarizeStats,
} from '../../../contract/notifications';
import type { Notification } from '../../../contract/notifications';
import { Button } from '../../components/ui/button';
import { Dialog } from '../../components/ui/dialog';
import { useToast } from '../../components/ui/toast';
import { describeError } from '../../lib/api-error';
import { useConnection } from '../../lib/connection';
import { cx } from '../../lib/cx';
import { formatCount, formatExact } from '../../lib/format';
import { Link, paths } from '../../history-router';
import { describeStatus, formatLocal } from './notification-model';
import type { Tone } from './notification-model';
import { notificationQueries } from './notification-queries';
import { useDeleteNotification, useUpdateNotification } from './use-notification-mutations';

const TONES: Record<Tone, string> = {
  neutral: 'bg-surface-sunken text-ink-muted',
  info: 'bg-brand-50 text-brand-800',
  progress: 'bg-warning-50 text-warning-700',
  success: 'bg-success-50 text-success-700',
  danger: 'bg-danger-50 text-danger-700',
};

export function NotificationStatusBadge({ status }: { status: string | null | undefined }) {
  const { label, tone } = describeStatus(status);
  return (
    <span className={cx('inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium', TONES[tone])}>
      {label}
    </span>
  );
}

function localTime(iso: string | null | undefined): string {
  const ms = iso ? Date.parse(iso) : Number.NaN;
  return Number.isNaN(ms) ? 'at an unknown time' : formatLocal(ms);
}

function timeLine(n: Notification): { text: string; iso: string | null } {
  const sent = sentTimeOf(n);
  switch (n.status) {
    case 'Scheduled':
      return n.scheduledTime
        ? { text: `Goes out ${formatLocal(scheduleSlot(Date.parse(n.scheduledTime)))}`, iso: n.scheduledTime }
        : { text: 'Scheduled', iso: null };
    case 'Draft':
      return { text: `Draft, last edited ${localTime(n.updatedTime)}`, iso: n.updatedTime ?? null };
    case 'Failed':
      return { text: `Failed ${localTime(n.updatedTime)}`, iso: n.updatedTime ?? null };
    default:
      return sent ? { text: `Sent ${formatLocal(Date.parse(sent))}`, iso: sent } : { text: 'Sending now…', iso: null };
  }
}

/** One notification: what it says, where it stands, and what can still be done with it. */
export const NotificationRow = memo(function NotificationRow({
  notification: n,
  workspaceId,
  passName,
}: {
  notification: Notification;
  workspaceId: string;
  /** The pass's name on the workspace page (null while it loads); undefined on a pass's own page. */
  passName?: string | null | undefined;
}) {
  const name = n.notificationName || 'Untitled notification';
  const sent = SENT_NOTIFICATION_STATUSES.includes(n.status ?? '');
  const editable = isEditableNotification(n.status);
  const when = timeLine(n);
  const passId = n.passSerialNumber ?? '';
  return (
    <li className="rounded-card border border-surface-border bg-surface p-4" aria-label={name}>
      <div className="flex flex-col gap-x-4 gap-y-2 sm:flex-row sm:items-start sm:justify-between">
        <div className="min-w-0 flex-1">
          <div className="flex flex-wrap items-center gap-2">
            <h3 className="min-w-0 font-semibold break-words text-ink">{name}</h3>
            <NotificationStatusBadge status={n.status} />
          </div>
          {passName !== undefined ? (
            <p className="mt-0.5 text-xs text-ink-subtle">
              Pass:{' '}
              <Link to={paths.notify(workspaceId, passId)} className="text-brand-700 hover:underline">
                {passName ?? 'Loading…'}
              </Link>
            </p>
          ) : null}
          <p className="mt-1 line-clamp-2 text-sm break-words text-ink-muted">{n.notificationMessage}</p>
          <p className="mt-1 text-xs text-ink-subtle">
            {when.iso ? <time dateTime={when.iso}>{when.text}</time> : when.text}
          </p>
        </div>
        {editable ? <EditableActions notification={n} workspaceId={workspaceId} name={name} /> : null}
      </div>
      {sent || n.status === 'Failed' ? <SentFacts notification={n} workspaceId={workspaceId} /> : null}
    </li>
  );
});

function SentFacts({ notification: n, workspaceId }: { notification: Notification; workspaceId: string }) {
  const { client, connectionId } = useConnection();
  const [open, setOpen] = useState(false);
  const stats = useQuery(notificationQueries.stats(client, connectionId, workspaceId, n.id ?? ''));
  const s = summarizeStats(stats.data);
  const reach =
    n.totalNotificationSentCount ?? (n.appleNotificationSentCount ?? 0) + (n.googleNotificationSentCount ?? 0);
  const facts: [string, string][] = [
    [
      'Reach',
      `${formatCount(reach)} (Apple ${formatCount(n.appleNotificationSentCount)} · Google ${formatCount(n.googleNotificationSentCount)})`,
    ],
    [
      'Delivered',
      s.delivered === null
        ? stats.isPending
          ? '…'
          : 'Not reported'
        : `${formatCount(s.delivered)}${s.deliveryRate !== null ? ` (${s.deliveryRate}%)` : ''}`,
    ],
    [
      'Clicks',
      s.clicks === null
        ? stats.isPending
          ? '…'
          : 'Not reported'
        : `${formatCount(s.clicks)}${s.clickThroughRate !== null ? ` (${s.clickThroughRate}%)` : ''}`,
    ],
  ];
  return (
    <div className="mt-3 border-t border-surface-border pt-3">
      <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-3">
        {facts.map(([term, value]) => (
          <div key={term} className="flex items-baseline gap-2 sm:block">
            <dt className="w-20 shrink-0 text-xs text-ink-subtle sm:w-auto">{term}</dt>
            <dd className="font-medium text-ink tabular-nums">{value}</dd>
          </div>
        ))}
      </dl>
      {stats.isError ? <p className="mt-1 text-xs text-danger-700">{describeError(stats.error)}</p> : null}
      <Button size="sm" variant="ghost" className="mt-2 -ml-3" aria-expanded={open} onClick={() => setOpen(!open)}>
        {open ? 'Hide details' : 'Details'}
      </Button>
      {open ? (
        <div className="mt-2 space-y-3 text-sm">
          <div>
            <h4 className="text-xs font-medium text-ink-subtle">Message</h4>
            <p className="break-words whitespace-pre-line text-ink">{n.notificationMessage}</p>
          </div>
          {s.pending ? <p className="text-ink-muted">{formatCount(s.pending)} deliveries still pending.</p> : null}
          {s.failedReasons.length > 0 ? (
            <div>
              <h4 className="text-xs font-medium text-ink-subtle">Not delivered</h4>
              <ul className="text-ink">
                {s.failedReasons.map((r) => (
                  <li key={r.reason}>
                    {r.reason}: {formatCount(r.count)}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          <div>
            <h4 className="text-xs font-medium text-ink-subtle">Link clicks</h4>
            {s.links.length === 0 ? (
              <p className="text-ink-muted">The pass has no links to click.</p>
            ) : (
              <ul className="text-ink">
                {s.links.map((l) => (
                  <li key={l.url} className="flex justify-between gap-4">
                    <span className="min-w-0 truncate">{l.url}</span>
                    <span className="tabular-nums">{formatCount(l.clicks)}</span>
                  </li>
                ))}
              </ul>
            )}
          </div>
          {s.lastUpdated ? <p className="text-xs text-ink-subtle">Updated {formatExact(s.lastUpdated)}</p> : null}
        </div>
      ) : null}
    </div>
  );
}

function EditableActions({
  notification: n,
  workspaceId,
  name,
}: {
  notification: Notification;
  workspaceId: string;
  name: string;
}) {
  const toast = useToast();
  const update = useUpdateNotification(workspaceId);
  const remove = useDeleteNotification(workspaceId);
  const [confirm, setConfirm] = useState<'send' | 'delete' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const id = n.id ?? '';
  const close = () => {
    setConfirm(null);
    setError(null);
  };
  const sendNow = () =>
    update.mutate(
      { id, body: { status: 'Processing' } },
      {
        onSuccess: () => {
          close();
          toast.notify({ tone: 'success', title: 'Sending to holders', message: name });
        },
        onError: (e) => setError(describeError(e)),
      },
    );
  const del = () =>
    remove.mutate(id, {
      onSuccess: () => {
        close();
        toast.notify({ tone: 'success', title: 'Notification deleted', message: name });
      },
      onError: (e) => setError(describeError(e)),
    });
  return (
    <div className="-ml-3 flex flex-wrap gap-1 sm:ml-0">
      <Link
        to={paths.notify(workspaceId, n.passSerialNumber ?? '', id)}
        aria-label={`Edit ${name}`}
        className="inline-flex h-8 items-center rounded-lg px-3 text-sm font-medium text-ink-muted hover:bg-surface-sunken hover:text-ink"
      >
        {n.status === 'Scheduled' ? 'Edit or reschedule' : 'Edit'}
      </Link>
      <Button size="sm" variant="ghost" onClick={() => setConfirm('send')} aria-label={`Send ${name} now`}>
        Send now
      </Button>
      <Button size="sm" variant="ghost" onClick={() => setConfirm('delete')} aria-label={`Delete ${name}`}>
        Delete
      </Button>
      <Dialog
        open={confirm !== null}
        onClose={close}
        title={confirm === 'send' ? `Send “${name}” now?` : `Delete “${name}”?`}
        description={
          confirm === 'send'
            ? 'It goes to everyone who holds the pass right now. A sent notification cannot be recalled.'
            : 'The notification is removed and will not be sent. This cannot be undone.'
        }
        footer={
          <>
            <Button onClick={close}>Cancel</Button>
            {confirm === 'send' ? (
              <Button variant="primary" busy={update.isPending} onClick={sendNow}>
                Send now
              </Button>
            ) : (
              <Button variant="danger" busy={remove.isPending} onClick={del}>
                Delete
              </Button>
            )}
          </>
        }
      >
        <p className="text-sm break-words text-ink-muted">{n.notificationMessage}</p>
        {error ? (
          <p role="alert" className="mt-3 text-sm font-medium text-danger-700">
            {error}
          </p>
        ) : null}
      </Dialog>
    </div>
  );
}
