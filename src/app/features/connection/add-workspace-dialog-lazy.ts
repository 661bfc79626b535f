import { lazyOnUse } from '../../lib/lazy-on-use';

/** "Add a workspace" is opened from the header and the workspace prompt; its code loads on demand. */
export const addWorkspaceDialog = lazyOnUse(() => import('./add-workspace-dialog').then((m) => m.AddWorkspaceDialog));
