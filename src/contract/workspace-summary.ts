/**
 * `GET /studio/workspaces/{id}/summary`: totals over every pass of a workspace, whatever a
 * client has loaded, searched or filtered. The Passport API has no such endpoint: the sandbox
 * answers from its database, the proxy by paging the upstream list (see README).
 */
import * as z from 'zod/mini';

const count = z.int().check(z.gte(0));

export const WorkspaceSummarySchema = z.looseObject({
  workspaceId: z.string(),
  /** Every pass of the workspace, then by status. */
  passes: count,
  published: count,
  drafts: count,
  appleIssued: count,
  googleIssued: count,
  totalIssued: count,
  appleActive: count,
  googleActive: count,
  totalActive: count,
  /** When the totals were counted (ISO 8601); the proxy's may be a few seconds old. */
  asOf: z.string(),
});
export type WorkspaceSummary = z.infer<typeof WorkspaceSummarySchema>;
