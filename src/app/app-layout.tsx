import type { ReactNode } from 'react';
import { Button } from './components/ui/button';
import { disconnectAndLeave } from './features/connection/disconnect';
import { WorkspaceGate } from './features/connection/workspace-gate';
import { WorkspaceSwitcher } from './features/connection/workspace-switcher';
import { useConnection } from './lib/connection';
import { useOnline } from './lib/use-online';
import { Link, matchPath, paths, useLocation } from './history-router';

export function AppLayout({ workspaceId, children }: { workspaceId: string; children: ReactNode }) {
  const { config, keyLabel, disconnect } = useConnection();
  const online = useOnline();
  // The editor uses the full width up to 1680 px: the header's content lines up with it there.
  const wide = matchPath('/w/:workspaceId/passes/:passId', useLocation().pathname) !== null;
  return (
    <div className="flex min-h-screen flex-col">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded-md focus:bg-surface focus:px-3 focus:py-2 focus:shadow-pop"
      >
        Skip to content
      </a>
      <header className="sticky top-0 z-30 border-b border-surface-border bg-surface">
        <div
          className={`mx-auto flex h-14 w-full ${wide ? 'max-w-[1680px]' : 'max-w-7xl'} items-center gap-3 px-4 sm:gap-4 sm:px-6 lg:px-8`}
        >
          <Link to={paths.passes(workspaceId)} className="flex shrink-0 items-center gap-2 font-semibold text-ink">
            <img src="/favicon.svg" alt="" className="size-6" />
            <span className="max-sm:sr-only">Pass Studio</span>
          </Link>
          <WorkspaceSwitcher workspaceId={workspaceId} />
          <NotificationsLink workspaceId={workspaceId} />
          <div className="ml-auto flex shrink-0 items-center gap-3">
            <span className="hidden text-sm text-ink-muted md:inline">
              {config.mode === 'sandbox' ? (
                <>
                  <span className="rounded bg-warning-50 px-1.5 py-0.5 text-xs font-semibold text-warning-700">
                    Sandbox
                  </span>{' '}
                  {keyLabel ?? 'Custom key'}
                </>
              ) : (
                'Connected to Passport'
              )}
            </span>
            <Button
              size="sm"
              variant="ghost"
              // Unsaved edits ask first (the editor's guard); the address then shows the Connect screen.
              onClick={() => disconnectAndLeave(disconnect)}
            >
              Disconnect
            </Button>
          </div>
        </div>
      </header>
      {online ? null : (
        <div
          role="status"
          className="border-b border-warning-600/30 bg-warning-50 px-4 py-2 text-center text-sm text-warning-700"
        >
          <strong>You are offline.</strong> Your edits are kept in this browser; saving waits until the connection
          returns.
        </div>
      )}
      <main id="main" className="flex-1">
        <WorkspaceGate workspaceId={workspaceId}>{children}</WorkspaceGate>
      </main>
    </div>
  );
}

/** The workspace's notifications; a bell alone on narrow screens. */
function NotificationsLink({ workspaceId }: { workspaceId: string }) {
  const to = paths.notifications(workspaceId);
  const current = useLocation().pathname === to;
  return (
    <Link
      to={to}
      aria-current={current ? 'page' : undefined}
      className="inline-flex h-8 shrink-0 items-center gap-1.5 rounded-lg px-2 text-sm font-medium text-ink-muted hover:bg-surface-sunken hover:text-ink aria-[current=page]:text-brand-700 sm:px-3"
    >
      <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4" fill="currentColor">
        <path d="M10 2a5 5 0 0 0-5 5v2.6l-1.4 2.8A1 1 0 0 0 4.5 14h11a1 1 0 0 0 .9-1.6L15 9.6V7a5 5 0 0 0-5-5Zm-2 13a2 2 0 0 0 4 0H8Z" />
      </svg>
      <span className="max-sm:sr-only">Notifications</span>
    </Link>
  );
}
