import { Spinner } from './button';

/**
 * What shows while a dialog's code is still downloading (usually never: its opener prefetches it
 * on intent). A dimmed layer like the dialog's own, so a click is acknowledged at once.
 */
export function LoadingOverlay({ label }: { label: string }) {
  return (
    <div className="fixed inset-0 z-50 grid place-items-center bg-ink/40 p-4">
      <div className="rounded-card border border-surface-border bg-surface px-5 py-4 shadow-pop">
        <Spinner label={label} />
      </div>
    </div>
  );
}
