import { type MutableRefObject, useEffect, useState } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import type { WalletPass } from '../../../../contract/schemas';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { useFormContext } from 'react-hook-form';
import { formatRelative } from '../../../lib/format';
import { type StoredDraft, clearDraft, readDraft, writeDraft } from '../model/draft-storage';
import { type PassFormValues, toFormValues } from '../model/form-model';
import { formSnapshotOf } from '../model/form-snapshot';
import { changedUnits, diffThreeWay, mergeValues } from '../model/merge';

const AUTOSAVE_MS = 400;

/**
 * Keeps the unsaved edit in this browser as the user types (debounced, and at once when the page
 * is hidden or closed). Listens to the form's snapshot store, which re-renders nothing.
 */
export function useDraftAutosave(
  form: UseFormReturn<PassFormValues>,
  workspaceId: string,
  baseline: MutableRefObject<WalletPass>,
) {
  useEffect(() => {
    let timer: number | undefined;
    const persist = () => {
      window.clearTimeout(timer);
      timer = undefined;
      const values = form.getValues();
      const base = toFormValues(baseline.current);
      const passId = baseline.current.id;
      if (changedUnits(base, values).length === 0) {
        clearDraft(workspaceId, passId);
        return;
      }
      writeDraft({ workspaceId, passId, baseUpdatedTime: baseline.current.updatedTime ?? null, base, values });
    };
    const unsubscribe = formSnapshotOf(form.control).subscribe(() => {
      window.clearTimeout(timer);
      timer = window.setTimeout(persist, AUTOSAVE_MS);
    });
    const flush = () => {
      if (timer !== undefined) persist();
    };
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', flush);
    return () => {
      unsubscribe();
      flush();
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', flush);
    };
  }, [form, workspaceId, baseline]);
}

/** Offers the edits kept from an earlier visit, saying what differs from the stored pass. */
export function DraftOffer({ pass, workspaceId }: { pass: WalletPass; workspaceId: string }) {
  const form = useFormContext<PassFormValues>();
  const [draft, setDraft] = useState<StoredDraft | null>(() => readDraft(workspaceId, pass.id));
  if (!draft) return null;

  const current = toFormValues(pass);
  const sameBase = draft.baseUpdatedTime === (pass.updatedTime ?? null);
  // Edits made on an older version are laid over the newer one: only what the user changed moves.
  const restored = sameBase
    ? draft.values
    : mergeValues(draft.values, current, diffThreeWay(draft.base, draft.values, current));
  const differences = changedUnits(current, restored);
  if (differences.length === 0) return null;

  return (
    <Alert
      tone="warning"
      className="mb-4"
      title={`You have unsaved changes from ${formatRelative(draft.savedAt)}`}
      action={
        <div className="flex gap-2">
          <Button
            size="sm"
            variant="primary"
            onClick={() => {
              form.reset(restored, { keepDefaultValues: true });
              setDraft(null);
            }}
          >
            Restore changes
          </Button>
          <Button
            size="sm"
            onClick={() => {
              clearDraft(workspaceId, pass.id);
              setDraft(null);
            }}
          >
            Discard them
          </Button>
        </div>
      }
    >
      <p>
        They were kept in this browser. What differs from the saved pass: {differences.map((u) => u.label).join(', ')}.
      </p>
      {sameBase ? null : (
        <p className="mt-1">
          The pass was saved again since; restoring keeps those newer changes wherever you did not edit.
        </p>
      )}
    </Alert>
  );
}
