import { type ReactNode, Suspense, lazy } from 'react';
import { useConnection } from '../../lib/connection';

// An address naming a workspace the key is not known to reach is rare: the check and its
// refusal load then, off the list route's budget.
const UnknownWorkspace = lazy(() => import('./unknown-workspace'));

/**
 * Opens a workspace's pages only when the key can open that workspace. A workspace the key is
 * known to reach (its demo key's list, the configured, discovered and added ones) opens at once;
 * any other is tried first (unknown-workspace.tsx), and a refusal is one clear state instead of
 * the pages.
 */
export function WorkspaceGate({ workspaceId, children }: { workspaceId: string; children: ReactNode }) {
  const { workspaces } = useConnection();
  if (workspaces.some((w) => w.id === workspaceId)) return children;
  return (
    <Suspense fallback={null}>
      <UnknownWorkspace workspaceId={workspaceId}>{children}</UnknownWorkspace>
    </Suspense>
  );
}
