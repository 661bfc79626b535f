import { memo, useId } from 'react';
import { cx } from '../../../lib/cx';
import type { PassCheck, PassCheckPlatform, PassCheckSeverity } from './pass-checks';

interface PassChecksPanelProps {
  checks: readonly PassCheck[];
  /** Called with the form path of the field to fix ("Go to field"). */
  onSelect: (path: string) => void;
  className?: string;
}

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/** "2 errors, 1 warning"; only the kinds present. */
export function checksSummary(checks: readonly PassCheck[]): string {
  const errors = checks.filter((c) => c.severity === 'error').length;
  const warnings = checks.length - errors;
  return [errors ? plural(errors, 'error') : null, warnings ? plural(warnings, 'warning') : null]
    .filter(Boolean)
    .join(', ');
}

const PLATFORM_LABELS: Record<PassCheckPlatform, string> = {
  apple: 'Apple',
  google: 'Google',
  both: 'Apple + Google',
};

const PLATFORM_SPOKEN: Record<PassCheckPlatform, string> = {
  apple: 'Apple Wallet',
  google: 'Google Wallet',
  both: 'Apple Wallet and Google Wallet',
};

const SEVERITY = {
  error: {
    title: 'Errors',
    prefix: 'Error',
    icon: 'text-danger-600',
    heading: 'text-danger-700',
    hover: 'hover:bg-danger-50 focus-visible:bg-danger-50',
  },
  warning: {
    title: 'Warnings',
    prefix: 'Warning',
    icon: 'text-warning-600',
    heading: 'text-warning-700',
    hover: 'hover:bg-warning-50 focus-visible:bg-warning-50',
  },
} as const;

/** A filled circle with "!" (error) or a triangle with "!" (warning): shape, not only colour. */
function SeverityIcon({ severity, className }: { severity: PassCheckSeverity; className?: string }) {
  return (
    <svg
      viewBox="0 0 16 16"
      aria-hidden="true"
      focusable="false"
      className={cx('size-4 shrink-0', SEVERITY[severity].icon, className)}
    >
      {severity === 'error' ? (
        <>
          <circle cx="8" cy="8" r="7" fill="currentColor" />
          <path d="M8 4.5v4.25" stroke="white" strokeWidth="1.75" strokeLinecap="round" />
          <circle cx="8" cy="11.25" r="1" fill="white" />
        </>
      ) : (
        <>
          <path d="M8 1.5 15 14H1L8 1.5Z" fill="currentColor" strokeLinejoin="round" />
          <path d="M8 6v3.75" stroke="white" strokeWidth="1.75" strokeLinecap="round" />
          <circle cx="8" cy="11.75" r="0.95" fill="white" />
        </>
      )}
    </svg>
  );
}

function CheckGroup({
  severity,
  checks,
  onSelect,
}: {
  severity: PassCheckSeverity;
  checks: readonly PassCheck[];
  onSelect: (path: string) => void;
}) {
  const headingId = useId();
  const style = SEVERITY[severity];
  if (checks.length === 0) return null;
  return (
    <div>
      <h3 id={headingId} className={cx('px-1 text-xs font-semibold tracking-wide uppercase', style.heading)}>
        {style.title} <span className="font-medium tabular-nums">({checks.length})</span>
      </h3>
      {/* role="list": Tailwind's list reset makes Safari drop list semantics. */}
      {/* eslint-disable-next-line jsx-a11y/no-redundant-roles */}
      <ul role="list" aria-labelledby={headingId} className="mt-1 space-y-0.5">
        {checks.map((check) => (
          <li key={check.id}>
            <button
              type="button"
              title="Go to field"
              onClick={() => onSelect(check.path)}
              className={cx(
                'group flex w-full cursor-pointer items-start gap-2 rounded-md px-1.5 py-1.5 text-left text-sm text-ink transition-colors',
                'focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-focus-ring',
                style.hover,
              )}
            >
              <SeverityIcon severity={severity} className="mt-0.5" />
              <span className="min-w-0 flex-1">
                <span className="sr-only">{style.prefix}:</span>{' '}
                <span className="group-hover:underline group-hover:decoration-ink-subtle group-hover:underline-offset-2">
                  {check.message}
                </span>{' '}
                <span className="sr-only">({PLATFORM_SPOKEN[check.platform]})</span>
              </span>
              <span
                aria-hidden="true"
                className="mt-px shrink-0 rounded-full bg-surface-sunken px-1.5 py-px text-[11px] leading-4 font-medium text-ink-muted ring-1 ring-surface-border"
              >
                {PLATFORM_LABELS[check.platform]}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * The problems found by `runPassChecks`, errors apart from warnings. Each one is a button that
 * takes the user to the field to fix.
 */
export const PassChecksPanel = memo(function PassChecksPanel({ checks, onSelect, className }: PassChecksPanelProps) {
  const headingId = useId();
  const errors = checks.filter((c) => c.severity === 'error');
  const warnings = checks.filter((c) => c.severity === 'warning');
  const summary = checksSummary(checks);
  return (
    <section
      aria-labelledby={headingId}
      className={cx('rounded-card border border-surface-border bg-surface p-3 shadow-card', className)}
    >
      <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1 px-1">
        <h2 id={headingId} className="text-sm font-semibold text-ink">
          Pass checks
          {summary ? (
            <>
              <span className="sr-only">:</span>{' '}
              <span aria-hidden="true" className="pr-1.5 text-ink-subtle">
                ·
              </span>
              <span className="font-medium text-ink-muted tabular-nums">{summary}</span>
            </>
          ) : null}
        </h2>
        {checks.length > 0 ? <p className="text-xs text-ink-subtle">Select a problem to go to its field.</p> : null}
      </div>
      {checks.length === 0 ? (
        <p className="mt-2 flex items-start gap-2 rounded-md bg-success-50 px-2.5 py-2 text-sm text-success-700">
          <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false" className="mt-0.5 size-4 shrink-0">
            <circle cx="8" cy="8" r="7" fill="currentColor" />
            <path
              d="m5 8.25 2 2 4-4.25"
              fill="none"
              stroke="white"
              strokeWidth="1.75"
              strokeLinecap="round"
              strokeLinejoin="round"
            />
          </svg>
          <span>No problems found: the pass meets Apple Wallet and Google Wallet rules.</span>
        </p>
      ) : (
        <div className="mt-2 space-y-3">
          <CheckGroup severity="error" checks={errors} onSelect={onSelect} />
          <CheckGroup severity="warning" checks={warnings} onSelect={onSelect} />
        </div>
      )}
    </section>
  );
});
