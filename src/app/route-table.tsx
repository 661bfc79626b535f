import { useQueryClient } from '@tanstack/react-query';
import { Suspense, lazy, useEffect, useState } from 'react';
import { AppLayout } from './app-layout';
import { Button, Spinner } from './components/ui/button';
import { LoadingOverlay } from './components/ui/loading-overlay';
import { addWorkspaceDialog } from './features/connection/add-workspace-dialog-lazy';
import { PassesPage } from './features/passes/list/passes-page';
import { passQueries } from './features/passes/api/pass-queries';
import { loadEditor, loadedEditor } from './features/passes/editor-loader';
import { useConnection } from './lib/connection';
import { prefetchOnIntent } from './lib/lazy-on-use';
import { Link, matchPath, navigate, paths, useLocation } from './history-router';

// The editor and its form libraries load only when an editor route opens (or the list is idle).
const LazyPassEditorPage = lazy(loadEditor);
const AddWorkspaceDialog = addWorkspaceDialog.Component;
// Notifications (composer, history) load with their own routes, off the list route's budget.
const LazyComposerPage = lazy(() => import('./features/notifications/composer-page'));
const LazyNotificationsPage = lazy(() => import('./features/notifications/notifications-page'));

export function AppRoutes() {
  const { pathname } = useLocation();
  const editor = matchPath('/w/:workspaceId/passes/:passId', pathname);
  usePrefetchPass(editor?.workspaceId, editor?.passId);

  if (editor?.workspaceId && editor.passId) {
    const PassEditorPage = loadedEditor()?.default ?? LazyPassEditorPage;
    return (
      <AppLayout workspaceId={editor.workspaceId}>
        <Suspense fallback={<PageSpinner label="Opening the editor…" />}>
          <PassEditorPage
            key={`${editor.workspaceId}/${editor.passId}`}
            workspaceId={editor.workspaceId}
            passId={editor.passId}
          />
        </Suspense>
      </AppLayout>
    );
  }

  const notify =
    matchPath('/w/:workspaceId/passes/:passId/notify', pathname) ??
    matchPath('/w/:workspaceId/passes/:passId/notify/:notificationId', pathname);
  if (notify?.workspaceId && notify.passId) {
    return (
      <AppLayout workspaceId={notify.workspaceId}>
        <Suspense fallback={<PageSpinner label="Opening the composer…" />}>
          <LazyComposerPage
            key={`${notify.workspaceId}/${notify.passId}`}
            workspaceId={notify.workspaceId}
            passId={notify.passId}
            notificationId={notify.notificationId}
          />
        </Suspense>
      </AppLayout>
    );
  }

  const notifications = matchPath('/w/:workspaceId/notifications', pathname);
  if (notifications?.workspaceId) {
    return (
      <AppLayout workspaceId={notifications.workspaceId}>
        <Suspense fallback={<PageSpinner label="Loading notifications…" />}>
          <LazyNotificationsPage key={notifications.workspaceId} workspaceId={notifications.workspaceId} />
        </Suspense>
      </AppLayout>
    );
  }

  const list = matchPath('/w/:workspaceId/passes', pathname);
  if (list?.workspaceId) {
    return (
      <AppLayout workspaceId={list.workspaceId}>
        {/* Keyed by workspace: nothing of the previous workspace survives a switch. */}
        <PassesPage key={list.workspaceId} workspaceId={list.workspaceId} />
      </AppLayout>
    );
  }

  if (pathname === '/' || pathname === '/connect' || matchPath('/w/:workspaceId', pathname)) {
    return <RedirectToWorkspace />;
  }
  return <NotFound />;
}

/**
 * Starts reading the pass while the editor's code is still loading, so the two arrive together
 * instead of one after the other.
 */
function usePrefetchPass(workspaceId: string | undefined, passId: string | undefined) {
  const queryClient = useQueryClient();
  const { client, connectionId } = useConnection();
  useEffect(() => {
    if (!workspaceId || !passId) return;
    void queryClient.prefetchQuery(passQueries.detail(client, connectionId, workspaceId, passId));
  }, [queryClient, client, connectionId, workspaceId, passId]);
}

function RedirectToWorkspace() {
  const { pathname } = useLocation();
  const { defaultWorkspaceId, workspaces, discoveringWorkspace, disconnect } = useConnection();
  const [adding, setAdding] = useState(false);
  const fromPath = matchPath('/w/:workspaceId', pathname)?.workspaceId;
  const target = fromPath ?? defaultWorkspaceId ?? (discoveringWorkspace ? undefined : workspaces[0]?.id);
  useEffect(() => {
    if (target) navigate(paths.passes(target), { replace: true });
  }, [target]);
  if (target || discoveringWorkspace) return <PageSpinner label="Opening your workspace…" />;
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

function PageSpinner({ label }: { label: string }) {
  return (
    <div className="grid min-h-[50vh] place-items-center">
      <Spinner label={label} />
    </div>
  );
}

function NotFound() {
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
