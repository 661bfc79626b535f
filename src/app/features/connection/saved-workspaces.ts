import * as z from 'zod/mini';
import { WorkspaceSchema, type Workspace } from '../../../contract/queries';

const KEY = 'pass-studio.workspaces';
const SavedWorkspacesSchema = z.array(WorkspaceSchema);

/** Workspaces the user added by id, kept on this device (ids and names are not secrets). */
export function readSavedWorkspaces(): Workspace[] {
  try {
    const parsed = SavedWorkspacesSchema.safeParse(JSON.parse(window.localStorage.getItem(KEY) ?? '[]'));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

export function saveWorkspaces(workspaces: Workspace[]): void {
  try {
    window.localStorage.setItem(KEY, JSON.stringify(workspaces));
  } catch {
    // Not persisted when storage is unavailable; the workspace still works for this session.
  }
}

/** Known workspaces first, then the default, then the user's; each id once. */
export function mergeWorkspaces(...lists: Workspace[][]): Workspace[] {
  const seen = new Set<string>();
  const out: Workspace[] = [];
  for (const list of lists) {
    for (const workspace of list) {
      if (seen.has(workspace.id)) continue;
      seen.add(workspace.id);
      out.push(workspace);
    }
  }
  return out;
}
