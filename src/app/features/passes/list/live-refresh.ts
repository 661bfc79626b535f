import type { QueryClient } from '@tanstack/react-query';

/**
 * The refresh loop the list's rows and the editor's counts share: every `intervalMs` while the tab
 * is visible (and at once when it is shown again) `load` asks for fresh values and `apply` lays
 * them over the cache. Nothing is sent while the tab is hidden, while the previous refresh is on
 * its way, or while a change is being saved (its own update of the cache wins); an answer that
 * comes back after a save started is dropped. `load` returns undefined when there is nothing to
 * ask for. Returns the cleanup for the effect that starts it.
 */
export function startLiveRefresh<T>({
  queryClient,
  intervalMs,
  load,
  apply,
}: {
  queryClient: QueryClient;
  intervalMs: number;
  load: (signal: AbortSignal) => Promise<T> | undefined;
  apply: (fresh: T) => void;
}): () => void {
  let inFlight: AbortController | undefined;
  const refresh = async () => {
    if (document.visibilityState === 'hidden' || inFlight || queryClient.isMutating() > 0) return;
    const controller = new AbortController();
    const request = load(controller.signal);
    if (!request) return;
    inFlight = controller;
    try {
      const fresh = await request;
      if (controller.signal.aborted || queryClient.isMutating() > 0) return;
      apply(fresh);
    } catch {
      // A missed refresh is retried on the next tick; the screen keeps the values it has.
    } finally {
      if (inFlight === controller) inFlight = undefined;
    }
  };
  const timer = window.setInterval(() => void refresh(), intervalMs);
  const onVisible = () => {
    if (document.visibilityState === 'visible') void refresh();
  };
  document.addEventListener('visibilitychange', onVisible);
  return () => {
    window.clearInterval(timer);
    document.removeEventListener('visibilitychange', onVisible);
    inFlight?.abort();
  };
}
