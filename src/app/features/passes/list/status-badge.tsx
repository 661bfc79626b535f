import { cx } from '../../../lib/cx';

export function StatusBadge({ status }: { status: string | null | undefined }) {
  const published = status === 'Published';
  return (
    <span
      className={cx(
        'inline-flex items-center gap-1.5 rounded-full px-2 py-0.5 text-xs font-medium',
        published ? 'bg-success-50 text-success-700' : 'bg-surface-sunken text-ink-muted',
      )}
    >
      <span
        aria-hidden="true"
        className={cx('size-1.5 rounded-full', published ? 'bg-success-600' : 'bg-ink-subtle')}
      />
      {status ?? 'Unknown'}
    </span>
  );
}
