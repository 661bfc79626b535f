import { useState } from 'react';
import type { WalletPass } from '../../../../contract/schemas';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Dialog } from '../../../components/ui/dialog';
import { Field } from '../../../components/ui/field';
import { describeError } from '../../../lib/api-error';
import { formatCount as n } from '../../../lib/format';
import { useDeletePass } from './use-delete-pass';

/**
 * Deleting a pass, behind a confirmation that names it and its active holders. A Published pass
 * (on people's phones) also needs its name typed, so a slip of the hand cannot delete it.
 */
export function DeletePassDialog({
  pass,
  workspaceId,
  open,
  onClose,
  onDeleted,
}: {
  pass: WalletPass;
  workspaceId: string;
  open: boolean;
  onClose: () => void;
  onDeleted: (pass: WalletPass) => void;
}) {
  const deletion = useDeletePass(workspaceId);
  const [typed, setTyped] = useState('');
  const name = pass.passName ?? '';
  const published = pass.status === 'Published';
  const holders = (pass.appleActiveCount ?? 0) + (pass.googleActiveCount ?? 0);
  const confirmed = !published || typed.trim() === name.trim();

  const close = () => {
    if (deletion.isPending) return;
    deletion.reset();
    setTyped('');
    onClose();
  };
  const remove = () =>
    deletion.mutate(pass, {
      onSuccess: (deleted) => {
        setTyped('');
        onDeleted(deleted);
      },
    });

  return (
    <Dialog
      open={open}
      onClose={close}
      title={`Delete “${name || 'Untitled pass'}”?`}
      description={
        published
          ? `This pass is published. ${holders === 1 ? '1 person has' : `${n(holders)} people have`} it in their wallet (${n(pass.appleActiveCount)} Apple Wallet, ${n(pass.googleActiveCount)} Google Wallet); it will no longer be updated for them.`
          : 'This draft has not been published, so nobody holds it.'
      }
      footer={
        <div className="flex w-full flex-wrap justify-end gap-2">
          <Button onClick={close} disabled={deletion.isPending}>
            Cancel
          </Button>
          <Button variant="danger" onClick={remove} disabled={!confirmed} busy={deletion.isPending}>
            Delete pass
          </Button>
        </div>
      }
    >
      <form
        className="space-y-3"
        onSubmit={(event) => {
          event.preventDefault();
          if (confirmed) remove();
        }}
      >
        <p className="text-sm text-ink-muted">
          Pass Studio keeps its last version: you can bring it back as a new pass from{' '}
          <strong className="font-medium text-ink">Recently deleted</strong> on the pass list.
        </p>
        {published ? (
          <Field label={`Type “${name}” to confirm`}>
            {(props) => (
              <input
                {...props}
                value={typed}
                onChange={(event) => setTyped(event.target.value)}
                autoComplete="off"
                spellCheck={false}
                className="block h-10 w-full rounded-lg border border-surface-strong px-3 text-sm"
              />
            )}
          </Field>
        ) : null}
        {deletion.isError ? (
          <Alert tone="danger" title="The pass was not deleted">
            {describeError(deletion.error)}
          </Alert>
        ) : null}
      </form>
    </Dialog>
  );
}
