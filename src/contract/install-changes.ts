/**
 * The periods of count history and the list rows' per-pass change (`/studio/installs/changes`):
 * kept apart from the series shapes (./installs) so the pass list, which shows the changes, does
 * not carry the chart's schemas.
 */
import * as z from 'zod/mini';

export const INSTALL_RANGES = ['24h', '7d', '30d', '90d', 'all'] as const;
export type InstallRange = (typeof INSTALL_RANGES)[number];

export const InstallChangesQuerySchema = z.object({
  range: z.optional(z.enum(INSTALL_RANGES, { error: `must be one of ${INSTALL_RANGES.join(', ')}` })),
});

/** The list's per-row figure: change over the range and a small trend of total issued. */
export const InstallChangeSchema = z.object({
  passId: z.string(),
  issuedChange: z.number(),
  activeChange: z.number(),
  /** Total issued, oldest first, about 24 points; empty without history. */
  trend: z.array(z.number()),
});
export type InstallChange = z.infer<typeof InstallChangeSchema>;

export const InstallChangesSchema = z.object({
  range: z.enum(INSTALL_RANGES),
  passes: z.array(InstallChangeSchema),
});
export type InstallChanges = z.infer<typeof InstallChangesSchema>;

/** At most this many passes per `/studio/installs/changes` request (a list page is 20). */
export const MAX_CHANGE_IDS = 50;
