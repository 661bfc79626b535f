import { Suspense, useId, useState } from 'react';
import { Button } from '../../components/ui/button';
import { LoadingOverlay } from '../../components/ui/loading-overlay';
import { prefetchOnIntent } from '../../lib/lazy-on-use';
import { useConnection } from '../../lib/connection';
import { navigate, paths } from '../../history-router';
import { addWorkspaceDialog } from './add-workspace-dialog-lazy';

/** Picks the workspace; the choice lives in the URL, so links and reloads keep it. */
const AddWorkspaceDialog = addWorkspaceDialog.Component;

export function WorkspaceSwitcher({ workspaceId }: { workspaceId: string }) {
  const { workspaces } = useConnection();
  const id = useId();
  const [adding, setAdding] = useState(false);
  const known = workspaces.some((w) => w.id === workspaceId);
  return (
    <div className="flex min-w-0 items-center gap-2">
      <label htmlFor={id} className="text-sm text-ink-muted max-md:sr-only">
        Workspace
      </label>
      <select
        id={id}
        value={workspaceId}
        onChange={(e) => navigate(paths.passes(e.target.value))}
        className="h-9 w-full max-w-64 min-w-0 rounded-lg border border-surface-strong bg-surface px-2 text-sm font-medium text-ink"
      >
        {/* A workspace not in the list (an address from elsewhere) is not named by its raw id. */}
        {known ? null : (
          <option value={workspaceId} disabled>
            Choose a workspace
          </option>
        )}
        {workspaces.map((workspace) => (
          <option key={workspace.id} value={workspace.id}>
            {workspace.name}
          </option>
        ))}
      </select>
      <Button
        size="sm"
        variant="ghost"
        onClick={() => setAdding(true)}
        aria-label="Add a workspace by id"
        {...prefetchOnIntent(addWorkspaceDialog.load)}
      >
        + Add
      </Button>
      {adding ? (
        <Suspense fallback={<LoadingOverlay label="Opening…" />}>
          <AddWorkspaceDialog open onClose={() => setAdding(false)} />
        </Suspense>
      ) : null}
    </div>
  );
}
