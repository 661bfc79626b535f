import { describe, expect, it } from 'vitest';
import {
  CreateNotificationRequestSchema,
  NotificationSchema,
  googlePushesInWindow,
  scheduleSlot,
  summarizeStats,
} from './notifications';

describe('scheduleSlot', () => {
  it('is the first quarter hour at or after the time', () => {
    const at = (h: number, m: number, s = 0) => Date.UTC(2026, 5, 9, h, m, s);
    expect(scheduleSlot(at(9, 0))).toBe(at(9, 0));
    expect(scheduleSlot(at(9, 0, 1))).toBe(at(9, 15));
    expect(scheduleSlot(at(9, 7))).toBe(at(9, 15));
    expect(scheduleSlot(at(9, 52))).toBe(at(10, 0));
  });
});

describe('googlePushesInWindow', () => {
  const H = 3600_000;
  it('finds the busiest 24 hours that contain the new push', () => {
    expect(googlePushesInWindow([], 0)).toBe(1);
    expect(googlePushesInWindow([-20 * H, -19 * H, 20 * H, 21 * H], 0)).toBe(3);
    expect(googlePushesInWindow([-22 * H, -1 * H, 1 * H], 0)).toBe(4);
    expect(googlePushesInWindow([-23 * H, -1 * H, 1 * H], 0)).toBe(3);
    expect(googlePushesInWindow([-25 * H, -24 * H], 0)).toBe(1);
  });
});

describe('NotificationStats, both documented shapes', () => {
  it('reads the schema shape (totals and a paged link list)', () => {
    const s = summarizeStats(
      NotificationSchema.parse({
        notificationStats: {
          totalNotificationsSent: 200,
          totalLinksClicks: 12,
          linkStats: { items: [{ linkUrl: 'https://a.example', totalClicks: 12 }], cursor: 'x', hasMore: false },
        },
      }).notificationStats,
    );
    expect(s).toMatchObject({
      sent: 200,
      clicks: 12,
      delivered: null,
      deliveryRate: null,
      links: [{ url: 'https://a.example', clicks: 12 }],
    });
  });

  it('reads the example shape (delivery, rates, an array of links)', () => {
    const s = summarizeStats(
      NotificationSchema.parse({
        notificationStats: {
          notificationId: 'n1',
          totalSent: 100,
          totalDelivered: 95,
          totalFailed: 5,
          totalClicks: 19,
          clickThroughRate: 20,
          deliveryRate: 95,
          linkStats: [{ linkId: 'l', linkUrl: 'https://b.example', clickCount: 19, uniqueClicks: 15 }],
          deliveryStats: { delivered: 95, failed: 5, pending: 0, failedReasons: [{ reason: 'Device off', count: 5 }] },
        },
      }).notificationStats,
    );
    expect(s).toMatchObject({
      sent: 100,
      delivered: 95,
      failed: 5,
      pending: 0,
      clicks: 19,
      deliveryRate: 95,
      clickThroughRate: 20,
      failedReasons: [{ reason: 'Device off', count: 5 }],
    });
  });

  it('reads nothing as nothing', () => {
    expect(summarizeStats(undefined)).toMatchObject({ sent: null, clicks: null, links: [] });
  });
});

describe('CreateNotificationRequestSchema', () => {
  it('needs a scheduled time for Scheduled and accepts one with a zone', () => {
    const base = { passSerialNumber: 'p1', notificationName: 'n', notificationMessage: 'm' };
    expect(CreateNotificationRequestSchema.safeParse({ ...base, status: 'Scheduled' }).success).toBe(false);
    expect(
      CreateNotificationRequestSchema.safeParse({
        ...base,
        status: 'Scheduled',
        scheduledTime: '2026-06-09T09:45:00.000Z',
      }).success,
    ).toBe(true);
    expect(
      CreateNotificationRequestSchema.safeParse({ ...base, status: 'Scheduled', scheduledTime: '2026-06-09T09:45' })
        .success,
    ).toBe(false);
    expect(CreateNotificationRequestSchema.safeParse({ ...base, notificationMessage: ' ' }).success).toBe(false);
  });
});
