import { Suspense, lazy, useEffect } from 'react';
import { AppLayout } from './app-layout';
import { Spinner } from './components/ui/button';
import { PassesPage } from './features/passes/list/passes-page';
import { useConnection } from './lib/connection';
import { Link, matchPath, navigate, paths, useLocation } from './router';

// The editor and its form libraries load only when an editor route opens.
const PassEditorPage = lazy(() => import('./features/passes/editor/pass-editor-page'));

export function AppRoutes() {
  const { pathname } = useLocation();

  const editor = matchPath('/w/:workspaceId/passes/:passId', pathname);
  if (editor?.workspaceId && editor.passId) {
    return (
      <AppLayout workspaceId={editor.workspaceId}>
        <Suspense fallback={<PageSpinner label="Opening the editor…" />}>
          <PassEditorPage key={`${editor.workspaceId}/${editor.passId}`} workspaceId={editor.workspaceId} passId={editor.passId} />
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

function RedirectToWorkspace() {
  const { pathname } = useLocation();
  const { defaultWorkspaceId, workspaces } = useConnection();
  const fromPath = matchPath('/w/:workspaceId', pathname)?.workspaceId;
  const target = fromPath ?? defaultWorkspaceId ?? workspaces[0]?.id;
  useEffect(() => {
    if (target) navigate(paths.passes(target), { replace: true });
  }, [target]);
  return <PageSpinner label="Opening your workspace…" />;
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
