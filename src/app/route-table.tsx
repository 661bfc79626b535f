import { useQueryClient } from '@tanstack/react-query';
import { Suspense, lazy, useEffect } from 'react';
import { AppLayout } from './app-layout';
import { Spinner } from './components/ui/button';
import { PassesPage } from './features/passes/list/passes-page';
import { passQueries } from './features/passes/api/pass-queries';
import { loadEditor, loadedEditor } from './features/passes/editor-loader';
import { useConnection } from './lib/connection';
import { matchPath, navigate, paths, useLocation } from './history-router';

// The editor and its form libraries load only when an editor route opens (or the list is idle).
const LazyPassEditorPage = lazy(loadEditor);
// Notifications (composer, history) load with their own routes, off the list route's budget.
const LazyComposerPage = lazy(() => import('./features/notifications/composer-page'));
const LazyNotificationsPage = lazy(() => import('./features/notifications/notifications-page'));
// Screens few people see (no workspace known, an unknown address) load when shown.
const WhichWorkspace = lazy(() => import('./fallback-pages').then((m) => ({ default: m.WhichWorkspace })));
const NotFound = lazy(() => import('./fallback-pages').then((m) => ({ default: m.NotFound })));

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
  return (
    <Suspense fallback={null}>
      <NotFound />
    </Suspense>
  );
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
  const { defaultWorkspaceId, workspaces, discoveringWorkspace } = useConnection();
  const fromPath = matchPath('/w/:workspaceId', pathname)?.workspaceId;
  const target = fromPath ?? defaultWorkspaceId ?? (discoveringWorkspace ? undefined : workspaces[0]?.id);
  useEffect(() => {
    if (target) navigate(paths.passes(target), { replace: true });
  }, [target]);
  if (target || discoveringWorkspace) return <PageSpinner label="Opening your workspace…" />;
  return (
    <Suspense fallback={null}>
      <WhichWorkspace />
    </Suspense>
  );
}

function PageSpinner({ label }: { label: string }) {
  return (
    <div className="grid min-h-[50vh] place-items-center">
      <Spinner label={label} />
    </div>
  );
}
