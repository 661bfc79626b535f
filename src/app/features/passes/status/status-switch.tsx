import type { ComponentProps } from 'react';
import { cx } from '../../../lib/cx';

type ButtonProps = Omit<ComponentProps<'button'>, 'type' | 'role' | 'aria-checked' | 'aria-label' | 'className'>;

/**
 * The look of the Draft ↔ Published switch, without its behaviour (StatusToggle). The list draws it
 * while the toggle's code (its mutation) is still loading: `loading` keeps it in place and looking
 * the same, but answers no click yet (aria-disabled, so assistive tech says so too).
 */
export function StatusSwitch({
  published,
  name,
  size = 'md',
  loading = false,
  ...rest
}: ButtonProps & { published: boolean; name: string; size?: 'sm' | 'md'; loading?: boolean }) {
  return (
    <button
      {...rest}
      type="button"
      role="switch"
      aria-checked={published}
      aria-label={`${name} published`}
      {...(loading ? { 'aria-disabled': true, onClick: undefined } : {})}
      className="inline-flex items-center gap-2 rounded-full text-sm font-medium disabled:cursor-wait disabled:opacity-70"
    >
      <span
        aria-hidden="true"
        className={cx(
          'relative inline-flex shrink-0 items-center rounded-full transition-colors',
          size === 'sm' ? 'h-5 w-9' : 'h-6 w-11',
          published ? 'bg-success-600' : 'bg-surface-strong',
        )}
      >
        <span
          className={cx(
            'absolute rounded-full bg-white shadow transition-transform',
            size === 'sm' ? 'left-0.5 size-4' : 'left-0.5 size-5',
            published ? (size === 'sm' ? 'translate-x-4' : 'translate-x-5') : 'translate-x-0',
          )}
        />
      </span>
      <span className={cx('w-16 text-left', published ? 'text-success-700' : 'text-ink-muted')}>
        {published ? 'Published' : 'Draft'}
      </span>
    </button>
  );
}
