import type { ComponentType } from 'react';

/**
 * Loads a lazy component's code so that a failed download never takes the page down: React's
 * `lazy` hands a rejected import to the nearest error boundary, which blanks the whole app, and a
 * marketer who loses the connection mid-edit must keep the form. A failed download waits for the
 * connection and tries once more; if that fails too, the part shows a short note instead.
 */
export function importWhenOnline<P extends object>(
  load: () => Promise<{ default: ComponentType<P> }>,
  what: string,
): Promise<{ default: ComponentType<P> }> {
  const unavailable = (): { default: ComponentType<P> } => ({
    default: function Unavailable() {
      return (
        <p role="status" className="text-sm text-ink-muted">
          {what} could not be loaded. Reload the page to try again.
        </p>
      );
    },
  });
  return load().catch(
    () =>
      new Promise((resolve) => {
        const retry = () => {
          window.removeEventListener('online', retry);
          load().then(resolve, () => resolve(unavailable()));
        };
        if (navigator.onLine) retry();
        else window.addEventListener('online', retry);
      }),
  );
}
