import { type ComponentType, lazy } from 'react';
import { importWhenOnline } from './import-when-online';

/**
 * A component whose code loads on first use (a dialog, a page shown only in some states), kept out
 * of the bundle of the screen that offers it. `load` starts the download, or reuses the one under
 * way, so the control that opens it can call it on pointer or keyboard intent and the code is
 * usually there by the click. A failed download is forgotten, so the next intent tries again.
 */
export function lazyOnUse<P extends object>(importer: () => Promise<ComponentType<P>>) {
  let loading: Promise<ComponentType<P>> | undefined;
  const load = () => {
    loading ??= importer().catch((error: unknown) => {
      loading = undefined;
      throw error;
    });
    return loading;
  };
  return {
    Component: lazy(() => importWhenOnline<P>(() => load().then((component) => ({ default: component })), 'This part')),
    load,
  };
}

/** Handlers that prefetch on intent: pointing at the control or focusing it. */
export function prefetchOnIntent(load: () => Promise<unknown>) {
  const start = () => void load().catch(() => undefined);
  return { onPointerEnter: start, onFocus: start };
}
