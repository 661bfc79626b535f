/**
 * Count history ("installs over time"): the shapes of the studio's `/studio/installs/*` answers,
 * shared by the server that records and serves them and the dashboard that charts them.
 * Series are columnar (one array per count, all the length of `t`) so a chart takes them as they
 * are and a 90-day answer stays small.
 */
import * as z from 'zod/mini';
import { INSTALL_RANGES } from './install-changes';
import type { InstallRange } from './install-changes';

export const INSTALL_RESOLUTIONS = ['raw', 'minute', 'hour', 'day'] as const;
export type InstallResolution = (typeof INSTALL_RESOLUTIONS)[number];

export const RESOLUTION_MS: Record<InstallResolution, number> = {
  raw: 1,
  minute: 60_000,
  hour: 3_600_000,
  day: 86_400_000,
};

export const RANGE_MS: Record<InstallRange, number | null> = {
  '24h': 86_400_000,
  '7d': 7 * 86_400_000,
  '30d': 30 * 86_400_000,
  '90d': 90 * 86_400_000,
  all: null,
};

/** The resolution a range is drawn at unless the caller asks for another: at most ~1,500 points. */
export const DEFAULT_RESOLUTION: Record<InstallRange, InstallResolution> = {
  '24h': 'minute',
  '7d': 'hour',
  '30d': 'hour',
  '90d': 'day',
  all: 'day',
};

export const INSTALL_EVENT_KINDS = ['published', 'unpublished', 'notification'] as const;
export type InstallEventKind = (typeof INSTALL_EVENT_KINDS)[number];

export const InstallSeriesQuerySchema = z.object({
  range: z.optional(z.enum(INSTALL_RANGES, { error: `must be one of ${INSTALL_RANGES.join(', ')}` })),
  resolution: z.optional(z.enum(INSTALL_RESOLUTIONS, { error: `must be one of ${INSTALL_RESOLUTIONS.join(', ')}` })),
});

const counts = z.array(z.number());

export const InstallEventSchema = z.object({
  t: z.number(),
  kind: z.enum(INSTALL_EVENT_KINDS),
  passId: z.string(),
  /** A notification's title, when the studio knows it. */
  label: z.optional(z.string()),
});
export type InstallEvent = z.infer<typeof InstallEventSchema>;

export const InstallSeriesSchema = z.object({
  range: z.enum(INSTALL_RANGES),
  resolution: z.enum(INSTALL_RESOLUTIONS),
  /** The range asked for, in ms since the epoch (`from` is 0 for `all`). */
  from: z.number(),
  to: z.number(),
  /**
   * Consecutive points farther apart than this are not joined: nobody looked in between (proxy
   * mode). null: no sample means no change (the sandbox records every change).
   */
  gapMs: z.nullable(z.number()),
  /** Time of each point: the last sample in its bucket. */
  t: counts,
  appleIssued: counts,
  googleIssued: counts,
  totalIssued: counts,
  appleActive: counts,
  googleActive: counts,
  totalActive: counts,
  events: z.array(InstallEventSchema),
});
export type InstallSeries = z.infer<typeof InstallSeriesSchema>;
