import { describe, expect, it } from 'vitest';
import type { Notification } from '../../../contract/notifications';
import { retryRateLimitedOnly } from './use-notification-mutations';
import { ApiError } from '../../lib/api-error';
import { fromLocalInput, googleBudget, toLocalInput } from './notification-model';

const HOUR = 3600_000;
const now = Date.UTC(2026, 5, 9, 12, 0);
const sent = (hoursAgo: number, extra: Partial<Notification> = {}): Notification => ({
  id: `n${hoursAgo}`,
  status: 'Published',
  sentTime: new Date(now - hoursAgo * HOUR).toISOString(),
  googleNotificationSentCount: 5,
  ...extra,
});

describe('local date-times', () => {
  it('round-trip through the datetime-local format', () => {
    const ms = new Date(2026, 5, 9, 10, 15).getTime();
    expect(toLocalInput(ms)).toBe('2026-06-09T10:15');
    expect(fromLocalInput('2026-06-09T10:15')).toBe(ms);
    expect(fromLocalInput('2026-06-09')).toBeNull();
  });
});

describe("Google's budget", () => {
  it('counts the pushes of the 24 hours around the send', () => {
    expect(googleBudget([sent(1), sent(2)], now, now)).toEqual({ used: 2, limit: 3, over: false });
    expect(googleBudget([sent(1), sent(2), sent(3)], now, now)).toMatchObject({ used: 3, over: true });
    // Older than a day, refused by Google, drafts and the one being edited do not count.
    expect(
      googleBudget(
        [
          sent(30),
          sent(1, { status: 'AppleSuccessGoogleFailed' }),
          sent(2, { status: 'Draft' }),
          sent(3, { id: 'me' }),
          sent(4, { googleNotificationSentCount: 0 }),
        ],
        now,
        now,
        'me',
      ).used,
    ).toBe(0);
  });

  it('counts scheduled sends at their slot, also after the send being planned', () => {
    const later = (h: number): Notification => ({
      id: `s${h}`,
      status: 'Scheduled',
      scheduledTime: new Date(now + h * HOUR).toISOString(),
    });
    expect(googleBudget([later(5), later(6), later(7)], now, now).over).toBe(true);
    expect(googleBudget([later(25), later(26), later(27)], now, now).over).toBe(false);
  });
});

describe('sending retries', () => {
  it('retry only a 429, a bounded number of times', () => {
    expect(retryRateLimitedOnly(0, new ApiError({ status: 429, message: 'slow down' }))).toBe(true);
    expect(retryRateLimitedOnly(3, new ApiError({ status: 429, message: 'slow down' }))).toBe(false);
    for (const error of [
      new ApiError({ kind: 'network', message: 'lost' }),
      new ApiError({ kind: 'timeout', message: 'slow' }),
      new ApiError({ status: 502, message: 'bad gateway' }),
      new Error('other'),
    ])
      expect(retryRateLimitedOnly(0, error)).toBe(false);
  });
});
