/**
 * A small history router: the app has four routes, so a routing library would cost more bytes on
 * the list route than it saves. Locations are read with useSyncExternalStore, so every
 * subscriber sees the same URL in the same render.
 */
import {
  type AnchorHTMLAttributes,
  type MouseEvent,
  type ReactNode,
  forwardRef,
  useMemo,
  useSyncExternalStore,
} from 'react';

type Listener = () => void;
const listeners = new Set<Listener>();

/**
 * Guards can veto a navigation (the editor asks before leaving unsaved changes). A guard that
 * asks in its own dialog vetoes at once and calls `proceed` if the user says leave: the same
 * navigation (or action) runs again, past every guard.
 */
type NavigationGuard = (to: string, proceed: () => void) => boolean;
const guards = new Set<NavigationGuard>();
let bypassGuards = false;

export function addNavigationGuard(guard: NavigationGuard): () => void {
  guards.add(guard);
  return () => guards.delete(guard);
}

function guardsAllow(to: string, action: () => void): boolean {
  if (bypassGuards) return true;
  const proceed = () => {
    bypassGuards = true;
    try {
      action();
    } finally {
      bypassGuards = false;
    }
  };
  for (const guard of guards) if (!guard(to, proceed)) return false;
  return true;
}

/** Runs an action that leaves the page for `to` (Disconnect) once the guards allow it. */
export function leaveFor(to: string, action: () => void) {
  if (guardsAllow(to, action)) action();
}

function notify() {
  for (const listener of listeners) listener();
}

const currentHref = () => window.location.pathname + window.location.search;

/**
 * Each entry the router makes carries its position in the session history, so a refused back or
 * forward can step back to where the user was instead of adding an entry (which would cut off the
 * forward history). `vetoedHref`: where an entry leads when a refusal left it showing another URL.
 */
interface EntryState {
  idx?: number;
  vetoedHref?: string;
}
const entryState = (): EntryState => (window.history.state as EntryState | null) ?? {};

/** The URL the app shows; the back button is checked against the guards before it changes. */
let shownHref = typeof window === 'undefined' ? '/' : currentHref();
let shownIndex = typeof window === 'undefined' ? 0 : (entryState().idx ?? 0);
/** Set while the browser steps back to the entry of a refused navigation. */
let returningTo: number | undefined;

function onPopState() {
  const state = entryState();
  if (returningTo !== undefined) {
    const arrived = state.idx === returningTo;
    returningTo = undefined;
    if (arrived) return;
  }
  if (state.vetoedHref) window.history.replaceState({ idx: state.idx }, '', state.vetoedHref);
  const to = currentHref();
  for (const guard of guards) {
    if (!guard(to, () => navigate(to))) {
      // The page stays where the user was: this entry shows that URL at once (remembering where
      // it leads), and the browser steps back to the user's own entry, forward history intact.
      window.history.replaceState({ idx: state.idx, vetoedHref: to }, '', shownHref);
      const delta = state.idx === undefined ? 0 : shownIndex - state.idx;
      if (delta !== 0) {
        returningTo = shownIndex;
        window.history.go(delta);
      }
      return;
    }
  }
  shownHref = to;
  if (state.idx !== undefined) shownIndex = state.idx;
  notify();
}

function subscribe(listener: Listener) {
  if (listeners.size === 0) window.addEventListener('popstate', onPopState);
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) window.removeEventListener('popstate', onPopState);
  };
}

export function navigate(to: string, options: { replace?: boolean } = {}): boolean {
  if (to === currentHref()) return true;
  if (!guardsAllow(to, () => navigate(to, options))) return false;
  returningTo = undefined;
  if (!options.replace) shownIndex += 1;
  if (options.replace) window.history.replaceState({ idx: shownIndex }, '', to);
  else window.history.pushState({ idx: shownIndex }, '', to);
  shownHref = currentHref();
  notify();
  return true;
}

export function useLocation(): { pathname: string; search: string; href: string } {
  const href = useSyncExternalStore(subscribe, currentHref, () => '/');
  const queryStart = href.indexOf('?');
  return {
    href,
    pathname: queryStart === -1 ? href : href.slice(0, queryStart),
    search: queryStart === -1 ? '' : href.slice(queryStart),
  };
}

/** The search parameters of the URL; the same object until the search changes. */
export function useSearchParams(): URLSearchParams {
  const { search } = useLocation();
  return useMemo(() => new URLSearchParams(search), [search]);
}

/** Replaces some search parameters, keeping the rest; empty values are removed. */
export function setSearchParams(update: Record<string, string | null | undefined>, options = { replace: true }) {
  const params = new URLSearchParams(window.location.search);
  for (const [key, value] of Object.entries(update)) {
    if (value === null || value === undefined || value === '') params.delete(key);
    else params.set(key, value);
  }
  const query = params.toString();
  navigate(`${window.location.pathname}${query ? `?${query}` : ''}`, options);
}

/** Matches `/w/:workspaceId/passes` style patterns; returns decoded params or null. */
export function matchPath(pattern: string, pathname: string): Record<string, string> | null {
  const patternParts = pattern.split('/').filter(Boolean);
  const pathParts = pathname.split('/').filter(Boolean);
  if (patternParts.length !== pathParts.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < patternParts.length; i++) {
    const expected = patternParts[i] as string;
    const actual = pathParts[i] as string;
    if (expected.startsWith(':')) {
      try {
        params[expected.slice(1)] = decodeURIComponent(actual);
      } catch {
        return null;
      }
    } else if (expected !== actual) {
      return null;
    }
  }
  return params;
}

export const paths = {
  passes: (workspaceId: string) => `/w/${encodeURIComponent(workspaceId)}/passes`,
  pass: (workspaceId: string, passId: string) =>
    `/w/${encodeURIComponent(workspaceId)}/passes/${encodeURIComponent(passId)}`,
  connect: () => '/connect',
  notifications: (workspaceId: string) => `/w/${encodeURIComponent(workspaceId)}/notifications`,
  /** The composer for a pass; with a notification id, that Draft or Scheduled one is edited. */
  notify: (workspaceId: string, passId: string, notificationId?: string) =>
    `/w/${encodeURIComponent(workspaceId)}/passes/${encodeURIComponent(passId)}/notify${
      notificationId ? `/${encodeURIComponent(notificationId)}` : ''
    }`,
};

type LinkProps = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> & { to: string; children: ReactNode };

/** An ordinary link (so open-in-new-tab works) that navigates in place on a plain click. */
export const Link = forwardRef<HTMLAnchorElement, LinkProps>(function Link({ to, onClick, children, ...rest }, ref) {
  const handleClick = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(to);
  };
  return (
    <a ref={ref} href={to} onClick={handleClick} {...rest}>
      {children}
    </a>
  );
});
