/**
 * Pure rules of the composer and the history: local date-times and the slot a scheduled send
 * really goes out in, Google's budget around a send, and how a status reads.
 */
import { GOOGLE_PUSHES_PER_DAY, googlePushesInWindow, scheduleSlot, sentTimeOf } from '../../../contract/notifications';
import type { Notification } from '../../../contract/notifications';

/** `datetime-local` value (the user's time zone) of a moment: `2026-06-09T10:15`. */
export function toLocalInput(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The moment a `datetime-local` value names in the user's time zone; null when incomplete. */
export function fromLocalInput(value: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)) return null;
  // Without a zone, a date-time string is read in local time.
  const ms = new Date(value).getTime();
  return Number.isNaN(ms) ? null : ms;
}

export function userTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'your time zone';
}

const slotFormat = new Intl.DateTimeFormat('en-GB', {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
});

export function formatLocal(ms: number): string {
  return slotFormat.format(ms);
}

/** The next slot a send scheduled now could still make: the first one at least a minute away. */
export function defaultScheduleInput(now: number): string {
  return toLocalInput(scheduleSlot(now + 60 * 60_000));
}

/** When a notification used (or will use) a Google push; null when it does not. */
function googlePushTime(n: Notification, now: number): number | null {
  const status = n.status ?? '';
  if (status === 'Scheduled' && n.scheduledTime) return scheduleSlot(Date.parse(n.scheduledTime));
  if (status === 'Processing' || status === 'Initializing' || status === 'Finalizing') return now;
  if (status === 'Published' || status === 'AppleFailedGoogleSuccess') {
    const sent = sentTimeOf(n);
    return sent && (n.googleNotificationSentCount ?? 1) > 0 ? Date.parse(sent) : null;
  }
  return null;
}

export interface GoogleBudget {
  /** Pushes of this pass in the busiest 24 hours around the send, without this one. */
  used: number;
  limit: number;
  /** This send would go over: Google refuses it. */
  over: boolean;
}

/**
 * Google's 3-a-day budget around a send at `at`, from the pass's other notifications (message
 * pushes; field-change pushes of pass edits count too, but the API does not list them).
 */
export function googleBudget(
  others: readonly Notification[],
  at: number,
  now: number,
  exceptId?: string,
): GoogleBudget {
  const times = others
    .filter((n) => n.id !== exceptId)
    .map((n) => googlePushTime(n, now))
    .filter((t): t is number => t !== null && !Number.isNaN(t));
  const withThis = googlePushesInWindow(times, at);
  return { used: withThis - 1, limit: GOOGLE_PUSHES_PER_DAY, over: withThis > GOOGLE_PUSHES_PER_DAY };
}

export type Tone = 'neutral' | 'info' | 'progress' | 'success' | 'danger';

export function describeStatus(status: string | null | undefined): { label: string; tone: Tone } {
  switch (status) {
    case 'Draft':
      return { label: 'Draft', tone: 'neutral' };
    case 'Scheduled':
      return { label: 'Scheduled', tone: 'info' };
    case 'Initializing':
    case 'Processing':
    case 'Finalizing':
      return { label: 'Sending', tone: 'progress' };
    case 'Published':
      return { label: 'Sent', tone: 'success' };
    case 'AppleFailedGoogleSuccess':
      return { label: 'Apple failed', tone: 'danger' };
    case 'AppleSuccessGoogleFailed':
      return { label: 'Google failed', tone: 'danger' };
    case 'Failed':
      return { label: 'Failed', tone: 'danger' };
    default:
      return { label: status ?? 'Unknown', tone: 'neutral' };
  }
}
