/**
 * What the sandbox store speaks in: records (columns + the JSON `doc`) and the filters of its
 * lists. `routes/views.ts` turns records into API objects.
 */
import type Database from 'better-sqlite3';
import type { Workspace } from '../../contract/queries';
import type { SortKey } from './cursor';
import type { JsonObject } from './documents';
import type { FilterColumns } from './list-query';

export interface PassCounts {
  appleIssued: number;
  googleIssued: number;
  appleActive: number;
  googleActive: number;
}

export interface PassRecord {
  id: string;
  workspaceId: string;
  accountId: string;
  passName: string;
  status: string;
  slug: string;
  googlePassLink: string;
  /** Everything else of the pass (metadata without locations, images without urls, unknown keys). */
  doc: JsonObject;
  counts: PassCounts;
  createdTime: string;
  updatedTime: string;
  createdBy: string;
  updatedBy: string;
}

export interface LocationRecord {
  id: string;
  workspaceId: string;
  passId: string;
  /** Name, coordinates, relevant text, enabled and unknown keys; never the pass link. */
  doc: JsonObject;
  createdTime: string;
  updatedTime: string;
  createdBy: string;
  updatedBy: string;
}

export interface ApiKeyRecord {
  apiKey: string;
  label: string;
  userId: string;
  /** In the key's order; the first is used when a request names no workspace. */
  workspaceIds: string[];
}

export interface WorkspaceRecord extends Workspace {
  accountId: string;
}

export interface PassFilter {
  query?: string | undefined;
  passName?: string | undefined;
  id?: string | undefined;
  ids?: string[] | undefined;
  statuses?: string[] | undefined;
  after?: SortKey | undefined;
}

export interface LocationFilter {
  query?: string | undefined;
  name?: string | undefined;
  id?: string | undefined;
  ids?: string[] | undefined;
  passIds?: string[] | undefined;
  after?: SortKey | undefined;
}

/** The columns the list filters search (see list-query.ts). */
export const PASS_FILTER_COLUMNS: FilterColumns<PassFilter> = {
  query: ['pass_name_lower', 'contains'],
  passName: ['pass_name', 'equals'],
  id: ['id', 'equals'],
  ids: ['id', 'oneOf'],
  statuses: ['status', 'oneOf'],
};
export const LOCATION_FILTER_COLUMNS: FilterColumns<LocationFilter> = {
  query: ['name_lower', 'contains'],
  name: ['name', 'equals'],
  id: ['id', 'equals'],
  ids: ['id', 'oneOf'],
  passIds: ['pass_id', 'oneOf'],
};

/** Every workspace and API key with its workspaces, in seed order. */
export function readDirectory(db: Database.Database): {
  keys: Map<string, ApiKeyRecord>;
  workspaces: Map<string, WorkspaceRecord>;
} {
  const workspaces = new Map<string, WorkspaceRecord>();
  const keys = new Map<string, ApiKeyRecord>();
  const workspaceRows = db
    .prepare<[], { id: string; name: string; account_id: string }>(
      'SELECT id, name, account_id FROM workspaces ORDER BY position',
    )
    .all();
  for (const w of workspaceRows) workspaces.set(w.id, { id: w.id, name: w.name, accountId: w.account_id });
  const keyRows = db
    .prepare<[], { api_key: string; label: string; user_id: string }>(
      'SELECT api_key, label, user_id FROM api_keys ORDER BY position',
    )
    .all();
  const links = db
    .prepare<[], { api_key: string; workspace_id: string }>(
      'SELECT api_key, workspace_id FROM api_key_workspaces ORDER BY position',
    )
    .all();
  for (const k of keyRows)
    keys.set(k.api_key, { apiKey: k.api_key, label: k.label, userId: k.user_id, workspaceIds: [] });
  for (const l of links) keys.get(l.api_key)?.workspaceIds.push(l.workspace_id);
  return { keys, workspaces };
}
