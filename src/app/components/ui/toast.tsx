import { type ReactNode, createContext, useCallback, useContext, useMemo, useRef, useState } from 'react';
import { cx } from '../../lib/cx';

type Tone = 'success' | 'danger' | 'info';
interface Toast {
  id: number;
  tone: Tone;
  title: string;
  message?: string | undefined;
  action?: ToastAction | undefined;
}

/** A button in the toast (Undo): pressing it runs `onAction` and closes the toast. */
interface ToastAction {
  label: string;
  onAction: () => void;
}

interface ToastApi {
  notify: (toast: { tone?: Tone; title: string; message?: string; action?: ToastAction; durationMs?: number }) => void;
}

const ToastContext = createContext<ToastApi | null>(null);

/** Short messages about what just happened (a save, a failed toggle), announced to screen readers. */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const nextId = useRef(0);

  const dismiss = useCallback((id: number) => setToasts((list) => list.filter((t) => t.id !== id)), []);
  const notify = useCallback<ToastApi['notify']>(
    ({ tone = 'info', title, message, action, durationMs = 5000 }) => {
      const id = ++nextId.current;
      setToasts((list) => [...list.slice(-3), { id, tone, title, message, action }]);
      // Errors stay until dismissed; other messages leave on their own.
      if (tone !== 'danger') window.setTimeout(() => dismiss(id), durationMs);
    },
    [dismiss],
  );
  const api = useMemo(() => ({ notify }), [notify]);

  return (
    <ToastContext value={api}>
      {children}
      <div className="pointer-events-none fixed right-4 bottom-4 z-50 flex w-full max-w-sm flex-col gap-2">
        <div aria-live="polite" className="flex flex-col gap-2">
          {toasts
            .filter((t) => t.tone !== 'danger')
            .map((t) => (
              <ToastCard key={t.id} toast={t} onDismiss={dismiss} />
            ))}
        </div>
        <div aria-live="assertive" className="flex flex-col gap-2">
          {toasts
            .filter((t) => t.tone === 'danger')
            .map((t) => (
              <ToastCard key={t.id} toast={t} onDismiss={dismiss} />
            ))}
        </div>
      </div>
    </ToastContext>
  );
}

function ToastCard({ toast, onDismiss }: { toast: Toast; onDismiss: (id: number) => void }) {
  return (
    <div
      role={toast.tone === 'danger' ? 'alert' : 'status'}
      className={cx(
        'pointer-events-auto flex items-start gap-3 rounded-card border bg-surface px-4 py-3 text-sm shadow-pop',
        toast.tone === 'danger'
          ? 'border-danger-600/40'
          : toast.tone === 'success'
            ? 'border-success-600/40'
            : 'border-surface-border',
      )}
    >
      <span
        aria-hidden="true"
        className={cx(
          'mt-1 size-2 shrink-0 rounded-full',
          toast.tone === 'danger' ? 'bg-danger-600' : toast.tone === 'success' ? 'bg-success-600' : 'bg-brand-500',
        )}
      />
      <div className="min-w-0 flex-1">
        <p className="font-medium text-ink">{toast.title}</p>
        {toast.message ? <p className="mt-0.5 text-ink-muted">{toast.message}</p> : null}
      </div>
      {toast.action ? (
        <button
          type="button"
          onClick={() => {
            onDismiss(toast.id);
            toast.action?.onAction();
          }}
          className="-my-1 shrink-0 rounded-md px-2 py-1 font-semibold text-brand-700 hover:bg-brand-50"
        >
          {toast.action.label}
        </button>
      ) : null}
      <button
        type="button"
        onClick={() => onDismiss(toast.id)}
        className="-m-1 rounded p-1 text-ink-subtle hover:text-ink"
        aria-label="Dismiss message"
      >
        ×
      </button>
    </div>
  );
}

export function useToast(): ToastApi {
  const api = useContext(ToastContext);
  if (!api) throw new Error('useToast must be used inside ToastProvider');
  return api;
}
