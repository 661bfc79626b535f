import type { ReactNode } from 'react';
import { cx } from '../../lib/cx';

type Tone = 'danger' | 'warning' | 'info' | 'success';

const tones: Record<Tone, string> = {
  danger: 'border-danger-600/30 bg-danger-50 text-danger-700',
  warning: 'border-warning-600/30 bg-warning-50 text-warning-700',
  info: 'border-brand-200 bg-brand-50 text-brand-800',
  success: 'border-success-600/30 bg-success-50 text-success-700',
};

/** A message box. Danger alerts are announced at once (role=alert); the others politely. */
export function Alert({
  tone = 'info',
  title,
  children,
  action,
  className,
}: {
  tone?: Tone;
  title?: ReactNode;
  children?: ReactNode;
  action?: ReactNode;
  className?: string;
}) {
  return (
    <div
      role={tone === 'danger' ? 'alert' : 'status'}
      className={cx(
        'flex items-start justify-between gap-4 rounded-card border px-4 py-3 text-sm',
        tones[tone],
        className,
      )}
    >
      <div className="min-w-0">
        {title ? <p className="font-semibold">{title}</p> : null}
        {children ? <div className={title ? 'mt-0.5' : undefined}>{children}</div> : null}
      </div>
      {action ? <div className="shrink-0">{action}</div> : null}
    </div>
  );
}
