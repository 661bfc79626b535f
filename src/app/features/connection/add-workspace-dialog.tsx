import { type FormEvent, useId, useRef, useState } from 'react';
import { ID_PATTERN } from '../../../contract/rules';
import { WalletPassPageSchema } from '../../../contract/schemas';
import { Button } from '../../components/ui/button';
import { Dialog } from '../../components/ui/dialog';
import { describeError, isApiError } from '../../lib/api-error';
import { useConnection } from '../../lib/connection';
import { navigate, paths } from '../../history-router';

/** Adds a workspace by id after one real request proves the key can open it. */
export function AddWorkspaceDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { client, addWorkspace, workspaces } = useConnection();
  const idId = useId();
  const nameId = useId();
  const errorId = useId();
  const idRef = useRef<HTMLInputElement>(null);
  const [workspaceId, setWorkspaceId] = useState('');
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const id = workspaceId.trim();
    if (!ID_PATTERN.test(id)) {
      setError('A workspace id uses letters, digits, dashes and underscores only.');
      idRef.current?.focus();
      return;
    }
    if (workspaces.some((w) => w.id === id)) {
      onClose();
      navigate(paths.passes(id));
      return;
    }
    setChecking(true);
    setError(null);
    try {
      await client.request('/wallet-pass', { workspaceId: id, query: { limit: 1 }, schema: WalletPassPageSchema });
      addWorkspace({ id, name: name.trim() || id });
      onClose();
      navigate(paths.passes(id));
    } catch (caught) {
      setError(
        isApiError(caught) && (caught.status === 403 || caught.status === 404)
          ? 'This API key cannot open a workspace with that id. Check the id, or connect with a key that has access.'
          : describeError(caught),
      );
      idRef.current?.focus();
    } finally {
      setChecking(false);
    }
  }

  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="Add a workspace"
      description="Open another workspace your API key can reach."
    >
      <form onSubmit={(e) => void handleSubmit(e)} noValidate className="space-y-4">
        <div>
          <label htmlFor={idId} className="block text-sm font-medium text-ink">
            Workspace id
          </label>
          <input
            ref={idRef}
            id={idId}
            value={workspaceId}
            onChange={(e) => setWorkspaceId(e.target.value)}
            autoComplete="off"
            spellCheck={false}
            aria-invalid={error ? true : undefined}
            aria-describedby={errorId}
            className="mt-1 block h-10 w-full rounded-lg border border-surface-strong px-3 font-mono text-sm aria-[invalid=true]:border-danger-600"
          />
          <p id={errorId} className="mt-1 min-h-5 text-sm text-danger-700">
            {error}
          </p>
        </div>
        <div>
          <label htmlFor={nameId} className="block text-sm font-medium text-ink">
            Name <span className="font-normal text-ink-subtle">(optional, shown in the switcher)</span>
          </label>
          <input
            id={nameId}
            value={name}
            onChange={(e) => setName(e.target.value)}
            maxLength={80}
            className="mt-1 block h-10 w-full rounded-lg border border-surface-strong px-3 text-sm"
          />
        </div>
        <div className="flex justify-end gap-2 border-t border-surface-border pt-4">
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" busy={checking}>
            {checking ? 'Checking…' : 'Add workspace'}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
