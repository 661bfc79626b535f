/**
 * Push notifications (passport-api.md §4 N1–N6, §7 Notification and NotificationStats), for the
 * dashboard and the sandbox. Same two readings as `./schemas`: `XSchema` parses answers
 * tolerantly (loose objects, nullish values), request schemas validate strictly.
 *
 * Also the timing rules both sides must agree on: the 15-minute slots scheduled sends go out in,
 * and Google's budget of 3 pushes per pass per 24 hours.
 */
import * as z from 'zod/mini';
import { ID_PATTERN } from './rules';
import { PagedListSchema } from './schemas';
import { count, entityShape, text } from './schema-parts';
import { LimitParamSchema } from './queries';

/** Every status a response may carry (§4 "Full enum"). */
export const NOTIFICATION_STATUSES = [
  'Draft',
  'Initializing',
  'Processing',
  'Finalizing',
  'Published',
  'Scheduled',
  'AppleFailedGoogleSuccess',
  'AppleSuccessGoogleFailed',
  'Failed',
] as const;
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];

/** The statuses a client may set: store, send now, send at `scheduledTime`. */
export const SETTABLE_NOTIFICATION_STATUSES = ['Draft', 'Processing', 'Scheduled'] as const;

/** Only these may be updated or deleted; everything else has left (or is leaving) the building. */
export const EDITABLE_NOTIFICATION_STATUSES: readonly string[] = ['Draft', 'Scheduled'];

export function isEditableNotification(status: string | null | undefined): boolean {
  return EDITABLE_NOTIFICATION_STATUSES.includes(status ?? '');
}

/** Sent, fully or partly: the ones that have stats. */
export const SENT_NOTIFICATION_STATUSES: readonly string[] = [
  'Published',
  'AppleFailedGoogleSuccess',
  'AppleSuccessGoogleFailed',
];

export const MAX_NOTIFICATION_NAME = 255;
/** The spec sets no limit; this keeps a message a message (Google shows it in full on the pass). */
export const MAX_NOTIFICATION_MESSAGE = 1000;

// ---------------------------------------------------------------------------------------------
// Timing rules

export const SCHEDULE_SLOT_MINUTES = 15;
const SLOT_MS = SCHEDULE_SLOT_MINUTES * 60_000;

/**
 * The batch a scheduled time goes out in: the first :00, :15, :30 or :45 at or after it (slots
 * are whole quarters of UTC hours, which are quarters of every real time zone's hours too, except
 * the few with :45 offsets, where they still fall every 15 minutes).
 */
export function scheduleSlot(time: number): number {
  return Math.ceil(time / SLOT_MS) * SLOT_MS;
}

/** Google Wallet: message pushes and field-change pushes together, per pass. */
export const GOOGLE_PUSHES_PER_DAY = 3;
export const GOOGLE_BUDGET_WINDOW_MS = 24 * 3600_000;

/**
 * The most Google pushes any 24-hour window containing `at` would hold if one more went out at
 * `at`, given the times of the pass's other pushes. Above `GOOGLE_PUSHES_PER_DAY`, Google
 * refuses the push (its holders still find the message on the pass).
 */
export function googlePushesInWindow(otherTimes: readonly number[], at: number): number {
  const times = [...otherTimes, at].sort((a, b) => a - b);
  let most = 0;
  for (const start of times) {
    if (start > at || start <= at - GOOGLE_BUDGET_WINDOW_MS) continue;
    const inWindow = times.filter((t) => t >= start && t < start + GOOGLE_BUDGET_WINDOW_MS).length;
    most = Math.max(most, inWindow);
  }
  return most;
}

// ---------------------------------------------------------------------------------------------
// Stats: two documented shapes, read with one schema

const num = () => z.nullish(z.number());
const str = () => z.nullish(z.string());

/** A link of the stats, in either shape: `linkUrl` + `totalClicks` (schema) or `clickCount` (example). */
export const LinkStatSchema = z.looseObject({
  id: str(),
  linkId: str(),
  linkUrl: str(),
  totalClicks: num(),
  clickCount: num(),
  uniqueClicks: num(),
  lastClicked: str(),
});
export type LinkStat = z.infer<typeof LinkStatSchema>;

/**
 * NotificationStats as the schema has it (`totalNotificationsSent`, `totalLinksClicks`, a paged
 * `linkStats`) and as the N6 example has it (`totalSent`, `totalDelivered`, `deliveryStats`, an
 * array `linkStats`). Every key is optional so either parses.
 */
export const NotificationStatsSchema = z.looseObject({
  id: str(),
  notificationId: str(),
  totalNotificationsSent: num(),
  totalLinksClicks: num(),
  totalSent: num(),
  totalDelivered: num(),
  totalFailed: num(),
  totalClicks: num(),
  clickThroughRate: num(),
  deliveryRate: num(),
  lastUpdated: str(),
  linkStats: z.nullish(
    z.union([
      z.array(LinkStatSchema),
      z.looseObject({ items: z.array(LinkStatSchema), cursor: str(), hasMore: z.nullish(z.boolean()) }),
    ]),
  ),
  deliveryStats: z.nullish(
    z.looseObject({
      delivered: num(),
      failed: num(),
      pending: num(),
      failedReasons: z.nullish(z.array(z.looseObject({ reason: str(), count: num() }))),
    }),
  ),
});
export type NotificationStats = z.infer<typeof NotificationStatsSchema>;

/** What the dashboard shows of either shape; `null` where the shape does not say. */
export interface StatsSummary {
  sent: number | null;
  delivered: number | null;
  failed: number | null;
  pending: number | null;
  clicks: number | null;
  deliveryRate: number | null;
  clickThroughRate: number | null;
  links: { url: string; clicks: number }[];
  failedReasons: { reason: string; count: number }[];
  lastUpdated: string | null;
}

const firstNumber = (...values: (number | null | undefined)[]) =>
  values.find((v): v is number => typeof v === 'number' && Number.isFinite(v)) ?? null;

export function summarizeStats(stats: NotificationStats | null | undefined): StatsSummary {
  const s = stats ?? {};
  const linkItems = Array.isArray(s.linkStats) ? s.linkStats : (s.linkStats?.items ?? []);
  const sent = firstNumber(s.totalSent, s.totalNotificationsSent);
  const delivered = firstNumber(s.totalDelivered, s.deliveryStats?.delivered);
  const clicks = firstNumber(
    s.totalClicks,
    s.totalLinksClicks,
    linkItems.length > 0
      ? linkItems.reduce((sum, l) => sum + (firstNumber(l.clickCount, l.totalClicks) ?? 0), 0)
      : null,
  );
  const percent = (part: number | null, whole: number | null) =>
    part !== null && whole ? Math.round((part / whole) * 1000) / 10 : null;
  return {
    sent,
    delivered,
    failed: firstNumber(s.totalFailed, s.deliveryStats?.failed),
    pending: firstNumber(s.deliveryStats?.pending),
    clicks,
    deliveryRate: firstNumber(s.deliveryRate) ?? percent(delivered, sent),
    clickThroughRate: firstNumber(s.clickThroughRate) ?? percent(clicks, delivered ?? sent),
    links: linkItems.map((l) => ({ url: l.linkUrl ?? '', clicks: firstNumber(l.clickCount, l.totalClicks) ?? 0 })),
    failedReasons: (s.deliveryStats?.failedReasons ?? []).map((r) => ({
      reason: r.reason ?? 'Unknown',
      count: r.count ?? 0,
    })),
    lastUpdated: s.lastUpdated ?? null,
  };
}

// ---------------------------------------------------------------------------------------------
// Notification

export const NotificationSchema = z.looseObject({
  ...entityShape,
  accountId: text(),
  passSerialNumber: text(),
  notificationName: text(),
  notificationMessage: text(),
  status: text(),
  scheduledTime: text(),
  publishedTime: text(),
  sentTime: text(),
  appleNotificationSentCount: count(),
  googleNotificationSentCount: count(),
  totalNotificationSentCount: count(),
  notificationStats: z.nullish(NotificationStatsSchema),
});
export type Notification = z.infer<typeof NotificationSchema>;

export const NotificationPageSchema = PagedListSchema(NotificationSchema);
export type NotificationPage = z.infer<typeof NotificationPageSchema>;

/** `sentTime` in the examples, `publishedTime` in the schema. */
export function sentTimeOf(n: Pick<Notification, 'sentTime' | 'publishedTime'>): string | null {
  return n.sentTime ?? n.publishedTime ?? null;
}

// ---------------------------------------------------------------------------------------------
// Requests

const isoDateTime = z
  .string({ error: 'Use an ISO 8601 date-time such as 2026-06-09T09:45:00.000Z' })
  .check(
    z.refine(
      (v) =>
        /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(v) && !Number.isNaN(Date.parse(v)),
      'Use an ISO 8601 date-time with a time zone, such as 2026-06-09T09:45:00.000Z',
    ),
  );

const notificationName = z.string({ error: 'The name is required' }).check(
  z.refine((v) => v.trim().length > 0, 'The name is required'),
  z.maxLength(MAX_NOTIFICATION_NAME, `The name must be at most ${MAX_NOTIFICATION_NAME} characters`),
);

const notificationMessage = z.string({ error: 'must not be empty' }).check(
  z.refine((v) => v.trim().length > 0, 'must not be empty'),
  z.maxLength(MAX_NOTIFICATION_MESSAGE, `The message must be at most ${MAX_NOTIFICATION_MESSAGE} characters`),
);

const settableStatus = z.enum(SETTABLE_NOTIFICATION_STATUSES, {
  error: 'Status is Draft, Processing (send now) or Scheduled',
});

export const CreateNotificationRequestSchema = z
  .looseObject({
    passSerialNumber: z
      .string({ error: 'The pass is required' })
      .check(z.regex(ID_PATTERN, 'The pass id may use letters, digits, dashes and underscores only')),
    notificationName,
    notificationMessage,
    status: z.optional(settableStatus),
    scheduledTime: z.nullish(isoDateTime),
  })
  .check(
    z.refine((v) => v.status !== 'Scheduled' || Boolean(v.scheduledTime), {
      message: 'A scheduled notification needs a scheduled time',
      path: ['scheduledTime'],
    }),
  );
export type CreateNotificationRequest = z.infer<typeof CreateNotificationRequestSchema>;

/** PATCH: the keys given replace the stored ones; `passSerialNumber` may be repeated, not changed. */
export const UpdateNotificationRequestSchema = z.looseObject({
  passSerialNumber: z.optional(z.string()),
  notificationName: z.optional(notificationName),
  notificationMessage: z.optional(notificationMessage),
  status: z.optional(settableStatus),
  scheduledTime: z.nullish(isoDateTime),
});
export type UpdateNotificationRequest = z.infer<typeof UpdateNotificationRequestSchema>;

const idList = z.array(z.string().check(z.regex(ID_PATTERN, 'must be ids of letters, digits, dashes and underscores')));
const wholeNumber = (what: string, min: number, max = Number.MAX_SAFE_INTEGER) =>
  z.optional(
    z.string().check(z.refine((v) => /^\d+$/.test(v) && Number(v) >= min && Number(v) <= max, `must be ${what}`)),
  );

export const ListNotificationsQuerySchema = z.object({
  query: z.optional(z.string().check(z.maxLength(255, 'must be at most 255 characters'))),
  passSerialNumber: z.optional(idList),
  status: z.optional(
    z.array(z.enum(NOTIFICATION_STATUSES, { error: `must be one of ${NOTIFICATION_STATUSES.join(', ')}` })),
  ),
  ids: z.optional(idList),
  cursor: z.optional(z.string()),
  limit: LimitParamSchema,
});
export type ListNotificationsQuery = z.infer<typeof ListNotificationsQuerySchema>;

export const GetNotificationQuerySchema = z.object({
  includeStats: z.optional(z.enum(['true', 'false'], { error: 'must be true or false' })),
  notificationStatsCursor: wholeNumber('a whole number of 0 or more', 0),
  notificationStatsLimit: wholeNumber('between 1 and 20', 1, 20),
});

export const NotificationStatsQuerySchema = z.object({
  cursor: wholeNumber('a whole number of 0 or more', 0),
  limit: wholeNumber('between 1 and 20', 1, 20),
});
