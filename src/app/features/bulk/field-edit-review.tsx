import { useState } from 'react';
import { cx } from '../../lib/cx';
import { ChangeList } from '../passes/review/change-list';
import { type EditPlan, type FieldEdit, describePlan } from './field-edit-model';
import { describeHolders, plural } from './selection-facts';

/** The review's count line: how many passes change, are already so, or cannot take the edit. */
export function reviewSummary(plans: readonly EditPlan[], unread: number): string {
  const count = (kind: EditPlan['kind']) => plans.filter((p) => p.kind === kind).length;
  return [
    `${plural(count('change'), 'pass changes', 'passes change')}`,
    count('unchanged') ? `${plural(count('unchanged'), 'is', 'are')} already like this` : '',
    count('invalid') ? `${plural(count('invalid'), 'cannot', 'cannot')} take it` : '',
    unread ? `${plural(unread, 'could not be read', 'could not be read')}` : '',
  ]
    .filter(Boolean)
    .join(', ');
}

/**
 * Before anything is written: every selected pass with what the edit does to it, and (opened)
 * the change list the editor's save review shows, field by field.
 */
export function FieldEditReview({
  plans,
  edit,
  unread,
}: {
  plans: readonly EditPlan[];
  edit: FieldEdit;
  /** Passes the review could not read, with why (left out of the run). */
  unread: readonly { name: string; reason: string }[];
}) {
  const [open, setOpen] = useState<string | null>(plans.find((p) => p.kind === 'change')?.pass.id ?? null);
  const published = plans.filter((p) => p.kind === 'change' && p.pass.status === 'Published');
  const apple = published.reduce((sum, p) => sum + (p.pass.appleActiveCount ?? 0), 0);
  const google = published.reduce((sum, p) => sum + (p.pass.googleActiveCount ?? 0), 0);
  return (
    <div className="space-y-3">
      <p className="text-sm text-ink">
        {published.length > 0
          ? `${plural(published.length, 'published pass', 'published passes')} change${published.length === 1 ? 's' : ''} in the wallets of ${describeHolders(apple, google)}.`
          : 'No published pass changes: nobody’s wallet is updated.'}
      </p>
      <ul
        aria-label="Changes per pass"
        className="max-h-[min(50vh,28rem)] divide-y divide-surface-border overflow-y-auto rounded-lg border border-surface-border"
      >
        {plans.map((plan) => {
          const name = plan.pass.passName || 'Untitled pass';
          const expanded = open === plan.pass.id;
          const panelId = `review-${plan.pass.id}`;
          return (
            <li key={plan.pass.id} className="px-3 py-2">
              <div className="flex flex-wrap items-start justify-between gap-x-3 gap-y-1">
                <div className="min-w-0 flex-1 text-sm">
                  <p className="font-medium break-words text-ink">{name}</p>
                  <p className={cx(plan.kind === 'invalid' ? 'text-danger-700' : 'text-ink-muted')}>
                    {describePlan(plan, edit)}
                  </p>
                </div>
                {plan.kind === 'change' ? (
                  <button
                    type="button"
                    aria-expanded={expanded}
                    aria-controls={panelId}
                    onClick={() => setOpen(expanded ? null : plan.pass.id)}
                    className="shrink-0 rounded-md px-2 py-1 text-sm font-medium text-brand-700 hover:bg-brand-50"
                  >
                    {expanded ? 'Hide changes' : 'Show changes'}
                    <span className="sr-only"> of {name}</span>
                  </button>
                ) : null}
              </div>
              {plan.kind === 'change' && expanded ? (
                <div id={panelId} className="mt-2">
                  <ChangeList changes={plan.changes} />
                </div>
              ) : null}
            </li>
          );
        })}
        {unread.map((item) => (
          <li key={item.name} className="px-3 py-2 text-sm">
            <p className="font-medium break-words text-ink">{item.name}</p>
            <p className="text-danger-700">Could not be read: {item.reason}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}
