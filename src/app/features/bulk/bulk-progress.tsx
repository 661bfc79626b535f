import { Button } from '../../components/ui/button';
import { cx } from '../../lib/cx';
import { formatCount as n } from '../../lib/format';
import { type ItemState, tally } from './bulk-runner';
import { plural } from './selection-facts';
import type { RunPhase } from './use-bulk-run';

const BADGES: Record<ItemState['status'], { text: string; tone: string }> = {
  pending: { text: 'Waiting', tone: 'bg-surface-sunken text-ink-muted' },
  running: { text: 'Working', tone: 'bg-brand-50 text-brand-700' },
  waiting: { text: 'Rate limited, waiting', tone: 'bg-warning-50 text-warning-700' },
  done: { text: 'Done', tone: 'bg-success-50 text-success-700' },
  skipped: { text: 'Skipped', tone: 'bg-warning-50 text-warning-700' },
  failed: { text: 'Failed', tone: 'bg-danger-50 text-danger-700' },
  cancelled: { text: 'Not started', tone: 'bg-surface-sunken text-ink-muted' },
};

/** "24 done, 1 failed": the counts that are not zero, in a fixed order. */
export function describeTally(states: readonly ItemState[]): string {
  const t = tally(states);
  const parts = [
    t.done ? `${n(t.done)} done` : '',
    t.skipped ? `${n(t.skipped)} skipped` : '',
    t.failed ? `${n(t.failed)} failed` : '',
    t.cancelled ? `${n(t.cancelled)} not started` : '',
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(', ') : 'Nothing finished yet';
}

/**
 * A bulk run as it goes: a progress bar (finished passes of all), a sentence for screen readers
 * that changes when the run starts, stops or ends (not at every pass), and every pass with its
 * result; failures and skips say why.
 */
export function BulkProgress({
  label,
  names,
  states,
  phase,
}: {
  /** What the run does, "Unpublishing passes": the progress bar's name. */
  label: string;
  names: readonly string[];
  states: readonly ItemState[];
  phase: RunPhase;
}) {
  const t = tally(states);
  const percent = t.total === 0 ? 100 : Math.round((t.settled / t.total) * 100);
  const waiting = states.find((s) => s.status === 'waiting');
  const announcement =
    phase === 'running'
      ? `${label}…`
      : phase === 'cancelling'
        ? 'Stopping: the passes in progress finish, the others are not started.'
        : phase === 'finished'
          ? `Finished: ${describeTally(states)}.`
          : '';
  return (
    <div className="space-y-3">
      <div>
        <div className="flex flex-wrap items-baseline justify-between gap-x-3 text-sm">
          <span className="font-medium text-ink">
            {n(t.settled)} of {n(t.total)} passes
          </span>
          <span className="text-ink-muted">{describeTally(states)}</span>
        </div>
        <div
          role="progressbar"
          aria-label={label}
          aria-valuemin={0}
          aria-valuemax={t.total}
          aria-valuenow={t.settled}
          aria-valuetext={`${n(t.settled)} of ${n(t.total)} passes finished: ${describeTally(states)}`}
          className="mt-1.5 h-2.5 overflow-hidden rounded-full bg-surface-sunken"
        >
          <div
            className={cx(
              'h-full rounded-full transition-[width] duration-300',
              t.failed > 0 ? 'bg-warning-600' : 'bg-brand-600',
            )}
            style={{ width: `${percent}%` }}
          />
        </div>
        <p aria-live="polite" className="mt-1.5 min-h-5 text-sm text-ink-muted">
          {waiting && phase === 'running'
            ? 'The Passport API asked to slow down: waiting before the next pass.'
            : announcement}
        </p>
      </div>
      <ul
        aria-label="Result per pass"
        className="max-h-64 divide-y divide-surface-border overflow-y-auto rounded-lg border border-surface-border"
      >
        {names.map((name, i) => {
          const state = states[i] ?? { status: 'pending' };
          const badge = BADGES[state.status];
          const message = 'message' in state ? state.message : undefined;
          return (
            <li key={i} className="flex flex-wrap items-start justify-between gap-x-3 gap-y-1 px-3 py-2 text-sm">
              <div className="min-w-0 flex-1">
                <p className="font-medium break-words text-ink">{name}</p>
                {message && state.status !== 'done' ? (
                  <p className={cx('break-words', state.status === 'failed' ? 'text-danger-700' : 'text-ink-muted')}>
                    {message}
                  </p>
                ) : null}
              </div>
              <span className={cx('shrink-0 rounded-full px-2 py-0.5 text-xs font-medium', badge.tone)}>
                {badge.text}
              </span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/**
 * The buttons under a run: Cancel while it goes (Stopping… until the passes in flight finish);
 * once it ended, resume the passes not started, retry the failed ones, or close.
 */
export function RunFooter({
  phase,
  failed,
  notStarted,
  onRerun,
  onCancel,
  onClose,
}: {
  phase: RunPhase;
  failed: number[];
  notStarted: number[];
  onRerun: (indexes: number[]) => void;
  onCancel: () => void;
  onClose: () => void;
}) {
  return (
    <div className="flex w-full flex-wrap justify-end gap-2">
      {phase === 'finished' ? (
        <>
          {notStarted.length > 0 ? (
            <Button onClick={() => onRerun(notStarted)}>Resume ({notStarted.length} not started)</Button>
          ) : null}
          {failed.length > 0 ? (
            <Button onClick={() => onRerun(failed)}>
              Retry {plural(failed.length, 'failed pass', 'failed passes')}
            </Button>
          ) : null}
          <Button variant="primary" onClick={onClose}>
            Close
          </Button>
        </>
      ) : (
        <Button onClick={onCancel} busy={phase === 'cancelling'} variant="danger">
          {phase === 'cancelling' ? 'Stopping…' : 'Cancel run'}
        </Button>
      )}
    </div>
  );
}
