import { Alert } from '../../components/ui/alert';
import { cx } from '../../lib/cx';
import type { GoogleBudget } from './notification-model';

/**
 * Google's budget as a meter, and what the marketer should know before sending: a Draft pass has
 * no holders, a long message is cut on the lock screen, a fourth Google push in 24 hours is refused.
 */
export function ComposerWarnings({
  passStatus,
  truncated,
  budget,
  googleHolders,
  sendsNow,
}: {
  passStatus: string | null | undefined;
  truncated: boolean;
  budget: GoogleBudget;
  googleHolders: number;
  sendsNow: boolean;
}) {
  const used = Math.min(budget.used, budget.limit);
  return (
    <div className="space-y-3">
      <div className="rounded-card border border-surface-border bg-surface p-4">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 className="text-sm font-semibold text-ink" id="google-budget-label">
            Google budget for this pass
          </h2>
          <p className="text-sm text-ink-muted tabular-nums" data-testid="google-budget">
            {budget.used} of {budget.limit} used in the 24 hours around this send
          </p>
        </div>
        <div
          role="meter"
          aria-labelledby="google-budget-label"
          aria-valuemin={0}
          aria-valuemax={budget.limit}
          aria-valuenow={used}
          aria-valuetext={`${budget.used} of ${budget.limit} Google pushes used`}
          className="mt-2 grid grid-cols-3 gap-1"
        >
          {Array.from({ length: budget.limit }, (_, i) => (
            <span
              key={i}
              className={cx(
                'h-2 rounded-full',
                i < used ? (budget.over ? 'bg-danger-600' : 'bg-google') : 'bg-surface-sunken',
              )}
            />
          ))}
        </div>
        <p className="mt-2 text-xs text-ink-subtle">
          Google Wallet allows 3 notifications per pass in 24 hours, messages and field-change updates together.
        </p>
      </div>

      {passStatus === 'Draft' ? (
        <Alert tone="warning" title="This pass is a draft">
          Nobody can hold a draft pass, so this notification would reach no one. Publish the pass first.
        </Alert>
      ) : null}
      {budget.over && sendsNow ? (
        <Alert tone="warning" title="Fourth Google notification in 24 hours">
          Google will refuse the push{googleHolders > 0 ? ` to ${googleHolders} Android holders` : ''}: they will find
          the message on the pass without being notified. Apple holders are not affected. Pick a later time to reach
          everyone.
        </Alert>
      ) : null}
      {truncated ? (
        <Alert tone="warning" title="Longer than the lock screen shows">
          iPhones cut the banner after 4 lines: holders see the rest only when they open it. Put what matters first.
        </Alert>
      ) : null}
    </div>
  );
}
