import { type MutableRefObject, useState } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import type { WalletPass } from '../../../../contract/schemas';
import { Button } from '../../../components/ui/button';
import { Dialog } from '../../../components/ui/dialog';
import { useToast } from '../../../components/ui/toast';
import { clearDraft, readDraft, writeDraft } from '../model/draft-storage';
import { type PassFormValues, countDirty, toFormValues } from '../model/form-model';

/** More changed fields than this and Discard asks first; fewer are discarded at once (with Undo). */
export const DISCARD_ASKS_ABOVE = 5;
/** How long the Undo of a discard is offered. */
export const DISCARD_UNDO_MS = 10_000;

/**
 * Discard without losing work to one misclick: a few changes go at once, more ask first, and
 * either way a toast offers Undo, which brings back the edits and the copy kept in this browser.
 */
export function useDiscard({
  form,
  workspaceId,
  base,
  onDiscarded,
}: {
  form: UseFormReturn<PassFormValues>;
  workspaceId: string;
  /** The stored version the edit started from: what Discard goes back to. */
  base: MutableRefObject<WalletPass>;
  onDiscarded: () => void;
}) {
  const { notify } = useToast();
  const [asking, setAsking] = useState<number | null>(null);

  const discard = () => {
    setAsking(null);
    const passId = base.current.id;
    const values = form.getValues();
    const draft = readDraft(workspaceId, passId);
    form.reset(toFormValues(base.current));
    clearDraft(workspaceId, passId);
    onDiscarded();
    notify({
      tone: 'info',
      title: 'Unsaved changes discarded',
      durationMs: DISCARD_UNDO_MS,
      action: {
        label: 'Undo',
        onAction: () => {
          form.reset(values, { keepDefaultValues: true });
          if (draft) {
            const { version: _version, savedAt: _savedAt, ...kept } = draft;
            writeDraft(kept);
          }
        },
      },
    });
  };

  const request = () => {
    const changed = countDirty(form.formState.dirtyFields);
    if (changed > DISCARD_ASKS_ABOVE) setAsking(changed);
    else discard();
  };

  const dialog =
    asking === null ? null : (
      <Dialog
        open
        onClose={() => setAsking(null)}
        title={`Discard changes in ${asking} fields?`}
        description="Every edit since the last save goes, and the copy kept in this browser too. Undo is offered for a few seconds afterwards."
        footer={
          <>
            <Button onClick={() => setAsking(null)}>Keep editing</Button>
            <Button variant="danger" onClick={discard}>
              Discard changes
            </Button>
          </>
        }
      />
    );

  return { request, dialog };
}
