import { useState } from 'react';
import type { WalletPass } from '../../../contract/schemas';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { Dialog } from '../../components/ui/dialog';
import type { ApiClient } from '../../lib/api-client';
import { isApiError } from '../../lib/api-error';
import { useConnection } from '../../lib/connection';
import { formatExact } from '../../lib/format';
import { fetchPass } from '../passes/api/pass-queries';
import { writePass } from '../passes/api/use-save-pass';
import { BulkProgress, RunFooter, describeTally } from './bulk-progress';
import { type ItemState, type TaskOutcome, describeFailure, runBulk } from './bulk-runner';
import { EDIT_KINDS, type EditKind, FieldEditInputs, emptyEdit } from './field-edit-form';
import { type EditPlan, type FieldEdit, loadReviewTools, planEdit, validateEdit } from './field-edit-model';
import { FieldEditReview, reviewSummary } from './field-edit-review';
import { plural } from './selection-facts';
import { useBulkRun } from './use-bulk-run';

type ChangePlan = Extract<EditPlan, { kind: 'change' }>;

type Step =
  | { step: 'edit' }
  | { step: 'reading'; states: ItemState[] }
  | { step: 'review'; plans: EditPlan[]; unread: { name: string; reason: string }[] }
  | { step: 'run' };

/**
 * Saves one reviewed pass with the editor's conflict rule: the pass is read again, and if it is
 * not the version the review read (someone saved it meanwhile), it is skipped, never overwritten.
 * Otherwise it goes through the editor's save path (PATCH, location writes, read back).
 */
async function saveReviewed(client: ApiClient, workspaceId: string, plan: ChangePlan): Promise<TaskOutcome> {
  const current = await fetchPass(client, workspaceId, plan.pass.id);
  if (current.updatedTime !== plan.pass.updatedTime) {
    const by = current.updatedBy ? ` by ${current.updatedBy}` : '';
    return {
      status: 'skipped',
      message: `Changed${by} at ${formatExact(current.updatedTime)}, after the review: not overwritten. Review again to include it.`,
    };
  }
  try {
    const result = await writePass(client, workspaceId, {
      passId: plan.pass.id,
      document: plan.document,
      locations: plan.locations,
    });
    if (result.locationErrors.length > 0)
      throw new Error(
        `Saved, but ${plural(result.locationErrors.length, 'location was', 'locations were')} refused: ${describeFailure(result.locationErrors[0]?.error)}`,
      );
    return { status: 'done' };
  } catch (error) {
    // The save retried its own 429s; repeating the whole task now would read our own write as
    // someone else's, so a late rate limit fails this pass (Retry reads it again).
    if (isApiError(error) && error.status === 429) throw new Error(describeFailure(error));
    throw error;
  }
}

/**
 * Bulk field edit: choose one thing to set across the selection, review per pass what changes
 * (nothing is written yet), then save each pass through the editor's save path with its conflict
 * check, with progress and a result per pass.
 */
export default function FieldEditDialog({
  workspaceId,
  passes: given,
  onClose,
}: {
  workspaceId: string;
  passes: readonly WalletPass[];
  onClose: () => void;
}) {
  const { client } = useConnection();
  const [passes] = useState(given);
  const [edit, setEdit] = useState<FieldEdit>(() => emptyEdit('backField'));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [step, setStep] = useState<Step>({ step: 'edit' });
  const bulk = useBulkRun<ChangePlan>(workspaceId, (plan) => saveReviewed(client, workspaceId, plan));
  const count = plural(passes.length, 'pass', 'passes');

  const review = async () => {
    const problems = validateEdit(edit);
    setErrors(problems);
    if (Object.keys(problems).length > 0) return;
    const read = new Map<string, WalletPass>();
    let states: ItemState[] = passes.map(() => ({ status: 'pending' }));
    setStep({ step: 'reading', states });
    const final = await runBulk({
      items: passes,
      task: async (pass) => {
        read.set(pass.id, await fetchPass(client, workspaceId, pass.id));
      },
      onChange: (i, state) => {
        states = states.map((s, j) => (j === i ? state : s));
        setStep({ step: 'reading', states });
      },
    });
    const tools = await loadReviewTools();
    const plans = passes.flatMap((p) => {
      const fresh = read.get(p.id);
      return fresh ? [planEdit(fresh, edit, tools)] : [];
    });
    const unread = passes.flatMap((p, i) => {
      const state = final[i];
      return state?.status === 'failed' ? [{ name: p.passName || 'Untitled pass', reason: state.message }] : [];
    });
    setStep({ step: 'review', plans, unread });
  };

  if (step.step === 'run' || step.step === 'reading') {
    const reading = step.step === 'reading';
    const finished = !reading && bulk.phase === 'finished';
    const failed = bulk.indexesWith('failed');
    const notStarted = bulk.indexesWith('cancelled');
    return (
      <Dialog
        open
        size="lg"
        onClose={() =>
          reading ? undefined : bulk.phase === 'running' ? bulk.cancel() : finished ? onClose() : undefined
        }
        title={
          reading
            ? `Reading ${count}`
            : finished
              ? `Saved: ${describeTally(bulk.states)}`
              : `Saving ${plural(bulk.items.length, 'pass', 'passes')}`
        }
        description={
          reading
            ? 'Each pass is read as stored now; the review compares with it.'
            : 'A pass someone changed after the review is skipped, not overwritten.'
        }
        footer={
          reading ? null : (
            <RunFooter
              phase={bulk.phase}
              failed={failed}
              notStarted={notStarted}
              onRerun={(indexes) => void bulk.run(bulk.items, indexes)}
              onCancel={bulk.cancel}
              onClose={onClose}
            />
          )
        }
      >
        <BulkProgress
          label={reading ? 'Reading passes' : 'Saving passes'}
          names={(reading ? passes : bulk.items.map((p) => p.pass)).map((p) => p.passName || 'Untitled pass')}
          states={reading ? step.states : bulk.states}
          phase={reading ? 'running' : bulk.phase}
        />
      </Dialog>
    );
  }

  if (step.step === 'review') {
    const changing = step.plans.filter((p): p is ChangePlan => p.kind === 'change');
    return (
      <Dialog
        open
        size="lg"
        onClose={() => setStep({ step: 'edit' })}
        title="Review before saving"
        description={`${reviewSummary(step.plans, step.unread.length)}. Nothing is saved until you confirm.`}
        footer={
          <div className="flex w-full flex-wrap justify-end gap-2">
            <Button onClick={() => setStep({ step: 'edit' })}>Back to the edit</Button>
            <Button
              variant="primary"
              disabled={changing.length === 0}
              onClick={() => {
                setStep({ step: 'run' });
                void bulk.run(changing);
              }}
            >
              Save {plural(changing.length, 'pass', 'passes')}
            </Button>
          </div>
        }
      >
        <FieldEditReview plans={step.plans} edit={edit} unread={step.unread} />
      </Dialog>
    );
  }

  return (
    <Dialog
      open
      size="lg"
      onClose={onClose}
      title={`Edit ${count}`}
      description="Set one thing on every selected pass. You review what changes on each before anything is saved."
      footer={
        <div className="flex w-full flex-wrap justify-end gap-2">
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="primary" type="submit" form="bulk-field-edit">
            Review changes
          </Button>
        </div>
      }
    >
      <form
        id="bulk-field-edit"
        noValidate
        className="space-y-4"
        onSubmit={(event) => {
          event.preventDefault();
          void review();
        }}
      >
        <fieldset>
          <legend className="text-sm font-medium text-ink">What to set</legend>
          <div className="mt-2 grid gap-2 sm:grid-cols-2">
            {EDIT_KINDS.map(({ kind, label, hint }) => (
              <label
                key={kind}
                className="grid cursor-pointer grid-cols-[auto_1fr] gap-x-2 rounded-lg border border-surface-border p-2.5 text-sm has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50"
              >
                <input
                  type="radio"
                  name="edit-kind"
                  className="row-span-2 mt-0.5"
                  checked={edit.kind === kind}
                  onChange={() => {
                    setEdit(emptyEdit(kind as EditKind));
                    setErrors({});
                  }}
                />
                <span className="font-medium text-ink">{label}</span>
                <span className="text-xs text-ink-muted">{hint}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <FieldEditInputs edit={edit} onChange={setEdit} errors={errors} />
        {Object.keys(errors).length > 0 ? (
          <Alert tone="danger" title="Some values need a fix">
            Each one is marked at its field.
          </Alert>
        ) : null}
      </form>
    </Dialog>
  );
}
