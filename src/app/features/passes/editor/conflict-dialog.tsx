import { useState } from 'react';
import type { WalletPass } from '../../../../contract/schemas';
import { Button } from '../../../components/ui/button';
import { Dialog } from '../../../components/ui/dialog';
import { formatExact, formatRelative } from '../../../lib/format';
import type { ConflictResolution } from '../api/use-save-pass-flow';
import type { PassFormValues } from '../model/form-model';
import type { Choice, ThreeWayDiff } from '../model/merge';
import { userLabel } from '../model/user-label';
import { describeUnitValue } from './unit-value';

/**
 * Someone saved the pass while it was being edited. Shows what each side changed and lets the
 * user keep theirs or their own, or pick field by field where both changed the same thing.
 */
export function ConflictDialog({
  diff,
  theirs,
  mineValues,
  theirValues,
  onResolve,
  onCancel,
}: {
  diff: ThreeWayDiff;
  theirs: WalletPass;
  /** The user's values and the stored version's, shown side by side in the merge. */
  mineValues: PassFormValues;
  theirValues: PassFormValues;
  onResolve: (resolution: ConflictResolution) => void;
  onCancel: () => void;
}) {
  const [merging, setMerging] = useState(false);
  const [choices, setChoices] = useState<Record<string, Choice>>({});
  const who = theirs.updatedBy ? userLabel(theirs.updatedBy) : 'someone else';
  const when = theirs.updatedTime
    ? `${formatRelative(theirs.updatedTime)} (${formatExact(theirs.updatedTime)})`
    : 'at an unknown time';

  return (
    <Dialog
      open
      onClose={onCancel}
      title="This pass was changed while you were editing"
      description={
        <>
          Saved by <span title={theirs.updatedBy ?? undefined}>{who}</span> {when}. Nothing was overwritten yet.
        </>
      }
      footer={
        merging ? (
          <>
            <Button onClick={() => setMerging(false)}>Back</Button>
            <Button variant="primary" onClick={() => onResolve({ kind: 'merge', choices })}>
              Save merged version
            </Button>
          </>
        ) : (
          <>
            <Button onClick={() => onResolve({ kind: 'theirs' })}>Take theirs</Button>
            {diff.conflicts.length > 0 ? <Button onClick={() => setMerging(true)}>Merge field by field</Button> : null}
            <Button variant="primary" onClick={() => onResolve({ kind: 'mine' })}>
              Keep mine
            </Button>
          </>
        )
      }
    >
      {merging ? (
        <fieldset className="space-y-3">
          <legend className="text-sm text-ink-muted">
            For each field both of you changed, choose which version to keep. Changes only one side made are kept.
          </legend>
          {diff.conflicts.map((unit) => (
            <div
              key={unit.id}
              role="radiogroup"
              aria-label={unit.label}
              className="rounded-lg border border-surface-border p-3"
            >
              <p className="text-sm font-medium text-ink">{unit.label}</p>
              <div className="mt-2 grid grid-cols-1 gap-2 text-sm sm:grid-cols-2">
                {(['mine', 'theirs'] as const).map((choice) => (
                  <label
                    key={choice}
                    className="flex min-w-0 items-start gap-2 rounded-md border border-surface-border p-2 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50"
                  >
                    <input
                      type="radio"
                      name={`choice-${unit.id}`}
                      checked={(choices[unit.id] ?? 'mine') === choice}
                      onChange={() => setChoices((c) => ({ ...c, [unit.id]: choice }))}
                      className="mt-0.5 accent-brand-600"
                    />
                    <span className="min-w-0 font-medium text-ink">
                      {choice === 'mine' ? 'Mine' : `Theirs (${who})`}
                      <span className="block font-normal break-words text-ink-muted">
                        {describeUnitValue(unit.get(choice === 'mine' ? mineValues : theirValues))}
                      </span>
                    </span>
                  </label>
                ))}
              </div>
            </div>
          ))}
        </fieldset>
      ) : (
        <div className="space-y-3 text-sm">
          {diff.conflicts.length > 0 ? (
            <UnitList title="Changed by both of you" units={diff.conflicts.map((u) => u.label)} tone="danger" />
          ) : null}
          {diff.theirsOnly.length > 0 ? (
            <UnitList
              title="Changed only by them (kept when you keep yours)"
              units={diff.theirsOnly.map((u) => u.label)}
            />
          ) : null}
          {diff.mineOnly.length > 0 ? (
            <UnitList title="Changed only by you" units={diff.mineOnly.map((u) => u.label)} />
          ) : null}
          <p className="text-ink-muted">
            <strong>Keep mine</strong> saves your version of every field you changed. <strong>Take theirs</strong> loads
            the saved version and sets your edits aside.
          </p>
        </div>
      )}
    </Dialog>
  );
}

function UnitList({ title, units, tone }: { title: string; units: string[]; tone?: 'danger' }) {
  return (
    <div>
      <h3 className={tone === 'danger' ? 'font-semibold text-danger-700' : 'font-semibold text-ink'}>{title}</h3>
      <ul className="mt-1 list-disc pl-5 text-ink">
        {units.map((unit) => (
          <li key={unit}>{unit}</li>
        ))}
      </ul>
    </div>
  );
}
