/**
 * The passes and locations tables' rows and their mapping to the store's records: the columns
 * the API filters, sorts or counts on, and the rest of the object as JSON (`doc`).
 */
import type { JsonObject } from './documents';
import type { LocationRecord, PassRecord } from './records';

export interface PassRow {
  id: string;
  workspace_id: string;
  account_id: string;
  pass_name: string;
  status: string;
  slug: string;
  google_pass_link: string;
  doc: string;
  apple_issued: number;
  google_issued: number;
  apple_active: number;
  google_active: number;
  created_time: string;
  updated_time: string;
  created_by: string;
  updated_by: string;
}

export interface LocationRow {
  id: string;
  workspace_id: string;
  pass_id: string;
  doc: string;
  created_time: string;
  updated_time: string;
  created_by: string;
  updated_by: string;
}

export const PASS_COLUMNS = `id, workspace_id, account_id, pass_name, status, slug, google_pass_link, doc,
  apple_issued, google_issued, apple_active, google_active, created_time, updated_time, created_by, updated_by`;
export const LOCATION_COLUMNS = 'id, workspace_id, pass_id, doc, created_time, updated_time, created_by, updated_by';

export function nameKey(name: string): string {
  return name.trim().toLowerCase();
}

export function toPass(row: PassRow): PassRecord {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    accountId: row.account_id,
    passName: row.pass_name,
    status: row.status,
    slug: row.slug,
    googlePassLink: row.google_pass_link,
    doc: JSON.parse(row.doc) as JsonObject,
    counts: {
      appleIssued: row.apple_issued,
      googleIssued: row.google_issued,
      appleActive: row.apple_active,
      googleActive: row.google_active,
    },
    createdTime: row.created_time,
    updatedTime: row.updated_time,
    createdBy: row.created_by,
    updatedBy: row.updated_by,
  };
}

export function toLocation(row: LocationRow): LocationRecord {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    passId: row.pass_id,
    doc: JSON.parse(row.doc) as JsonObject,
    createdTime: row.created_time,
    updatedTime: row.updated_time,
    createdBy: row.created_by,
    updatedBy: row.updated_by,
  };
}
