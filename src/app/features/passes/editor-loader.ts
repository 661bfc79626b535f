/**
 * Loads the editor's code on demand (it stays out of the list route's bundle) and remembers it
 * once loaded, so later visits render it at once instead of suspending: a suspended route shows
 * its fallback for a noticeable moment even when the code is already there.
 *
 * The list asks for it when a pass is likely to be opened: a row is pointed at or focused, or the
 * page has been quiet for a while after the list painted (no request finished for
 * NETWORK_QUIET_MS, then an idle moment). Loading it earlier competed with the list's own script,
 * data and first paint.
 */
import type * as EditorPage from './editor/pass-editor-page';

type EditorModule = typeof EditorPage;

let loaded: EditorModule | undefined;
let loading: Promise<EditorModule> | undefined;

export function loadEditor(): Promise<EditorModule> {
  loading ??= import('./editor/pass-editor-page').then((module) => (loaded = module));
  return loading;
}

export function loadedEditor(): EditorModule | undefined {
  return loaded;
}

/** How long no request may have finished before the page counts as quiet. */
export const NETWORK_QUIET_MS = 3_000;

/**
 * Loads the editor once the page has loaded, no request has finished for NETWORK_QUIET_MS and the
 * main thread is idle. Returns a function that cancels the wait.
 */
export function loadEditorWhenQuiet(quietMs = NETWORK_QUIET_MS): () => void {
  if (loaded) return () => {};
  let timer: number | undefined;
  let idle: number | undefined;
  let observer: PerformanceObserver | undefined;

  const whenIdle = () => {
    observer?.disconnect();
    const load = () => void loadEditor().catch(() => undefined);
    if (typeof window.requestIdleCallback === 'function') idle = window.requestIdleCallback(load);
    else load();
  };
  const restart = () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(whenIdle, quietMs);
  };
  const start = () => {
    if (typeof PerformanceObserver === 'function') {
      observer = new PerformanceObserver(restart);
      try {
        observer.observe({ type: 'resource' });
      } catch {
        observer = undefined;
      }
    }
    restart();
  };

  if (document.readyState === 'complete') start();
  else window.addEventListener('load', start, { once: true });
  return () => {
    window.removeEventListener('load', start);
    window.clearTimeout(timer);
    observer?.disconnect();
    if (idle !== undefined) window.cancelIdleCallback(idle);
  };
}
