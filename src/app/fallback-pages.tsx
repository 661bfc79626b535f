import { Suspense, useState } from 'react';
import { Button } from './components/ui/button';
import { LoadingOverlay } from './components/ui/loading-overlay';
import { addWorkspaceDialog } from './features/connection/add-workspace-dialog-lazy';
import { useConnection } from './lib/connection';
import { prefetchOnIntent } from './lib/lazy-on-use';
import { Link } from './history-router';

const AddWorkspaceDialog = addWorkspaceDialog.Component;

/** The key's default workspace is unknown (it has no passes yet): ask for one by id. */
export function WhichWorkspace() {
  const { disconnect } = useConnection();
  const [adding, setAdding] = useState(false);
  return (
    <main className="mx-auto mt-24 max-w-lg px-6 text-center">
      <h1 className="text-2xl font-semibold text-ink">Which workspace?</h1>
      <p className="mt-2 text-ink-muted">
        Your key&rsquo;s default workspace has no passes yet, so Pass Studio cannot tell its id. Add the workspace by
        id.
      </p>
      <div className="mt-6 flex justify-center gap-2">
        <Button variant="primary" onClick={() => setAdding(true)} {...prefetchOnIntent(addWorkspaceDialog.load)}>
          Add a workspace
        </Button>
        <Button onClick={disconnect}>Use another key</Button>
      </div>
      {adding ? (
        <Suspense fallback={<LoadingOverlay label="Opening…" />}>
          <AddWorkspaceDialog open onClose={() => setAdding(false)} />
        </Suspense>
      ) : null}
    </main>
  );
}

export function NotFound() {
  return (
    <main className="mx-auto mt-24 max-w-lg px-6 text-center">
      <h1 className="text-2xl font-semibold text-ink">Page not found</h1>
      <p className="mt-2 text-ink-muted">This address does not lead to a page of Pass Studio.</p>
      <Link to="/" className="mt-4 inline-block text-brand-700 underline">
        Go to your passes
      </Link>
    </main>
  );
}
