import { type ReactNode, useId } from 'react';
import { cx } from '../../lib/cx';

export interface FieldControlProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

/**
 * One labelled control with its hint and error. The error slot is always reserved so rows do not
 * jump when a message appears; the control is described by the hint and the error.
 */
export function Field({
  label,
  hint,
  error,
  warning,
  className,
  labelAction,
  children,
}: {
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  warning?: ReactNode;
  className?: string;
  labelAction?: ReactNode;
  children: (props: FieldControlProps) => ReactNode;
}) {
  const id = useId();
  const hintId = `${id}-hint`;
  const messageId = `${id}-message`;
  const describedBy = [hint ? hintId : null, error || warning ? messageId : null].filter(Boolean).join(' ');
  return (
    <div className={cx('min-w-0', className)}>
      <div className="flex items-baseline justify-between gap-2">
        <label htmlFor={id} className="block text-sm font-medium text-ink">
          {label}
        </label>
        {labelAction}
      </div>
      <div className="mt-1">
        {children({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy || undefined })}
      </div>
      {hint ? (
        <p id={hintId} className="mt-1 text-xs text-ink-subtle">
          {hint}
        </p>
      ) : null}
      <p
        id={messageId}
        className={cx('mt-0.5 mb-2 min-h-4 text-xs', error ? 'font-medium text-danger-700' : 'text-warning-700')}
      >
        {error ?? warning}
      </p>
    </div>
  );
}

export const inputClass =
  'block h-9 w-full rounded-lg border border-surface-strong bg-surface px-3 text-sm text-ink placeholder:text-ink-subtle aria-[invalid=true]:border-danger-600 aria-[invalid=true]:bg-danger-50/40 disabled:bg-surface-sunken read-only:bg-surface-sunken';
