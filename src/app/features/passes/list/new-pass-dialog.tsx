import { type FormEvent, Suspense, lazy, useId, useRef, useState } from 'react';
import type { WalletPass } from '../../../../contract/schemas';
import { LoadingOverlay } from '../../../components/ui/loading-overlay';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Dialog } from '../../../components/ui/dialog';
import { useToast } from '../../../components/ui/toast';
import { describeError, isApiError } from '../../../lib/api-error';
import { navigate, paths } from '../../../history-router';
import { describeNotCopied, useDuplicatePass } from '../api/duplicate-pass';

// New pass is the template gallery (its own feature); its code starts downloading with this
// module, which loads when New pass or Duplicate is pointed at or focused.
const galleryModule = import('../../templates/new-pass-gallery');
const NewPassGallery = lazy(() => galleryModule);

/**
 * "New pass" opens the template gallery; "Duplicate" asks for a name (and optionally another pass
 * to start from), copies it whole (fields, images, locations) and opens the copy's editor. A name the
 * API refuses is shown at the name field; whatever could not be copied is named in a toast that stays.
 */
export function NewPassDialog(props: {
  open: boolean;
  onClose: () => void;
  workspaceId: string;
  workspaceName: string;
  passes: WalletPass[];
  initialSource?: WalletPass | undefined;
}) {
  if (props.initialSource) return <DuplicatePassDialog {...props} />;
  return (
    <Suspense fallback={<LoadingOverlay label="Opening…" />}>
      <NewPassGallery onClose={props.onClose} workspaceId={props.workspaceId} workspaceName={props.workspaceName} />
    </Suspense>
  );
}

function DuplicatePassDialog({
  open,
  onClose,
  workspaceId,
  passes,
  initialSource,
}: {
  open: boolean;
  onClose: () => void;
  workspaceId: string;
  workspaceName: string;
  passes: WalletPass[];
  initialSource?: WalletPass | undefined;
}) {
  const nameId = useId();
  const nameErrorId = useId();
  const sourceId = useId();
  const nameRef = useRef<HTMLInputElement>(null);
  const [name, setName] = useState(initialSource ? `Copy of ${initialSource.passName ?? 'pass'}` : '');
  const [sourceChoice, setSourceId] = useState(initialSource?.id ?? '');
  const [nameError, setNameError] = useState<string | null>(null);
  const create = useDuplicatePass(workspaceId);
  const { notify } = useToast();

  const source =
    passes.find((p) => p.id === sourceChoice) ?? (initialSource?.id === sourceChoice ? initialSource : undefined);

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const passName = name.trim();
    if (!passName) {
      setNameError('Give the pass a name.');
      nameRef.current?.focus();
      return;
    }
    setNameError(null);
    create.mutate(
      { sourceId: (source ?? initialSource!).id, passName },
      {
        onSuccess: ({ pass: created, notCopied }) => {
          onClose();
          navigate(paths.pass(workspaceId, created.id));
          if (notCopied.length > 0)
            notify({
              tone: 'danger',
              title: `“${created.passName ?? passName}” was created, but not everything was copied`,
              message: `Not copied: ${describeNotCopied(notCopied)}`,
            });
        },
        onError: (error) => {
          const message = isApiError(error) ? error.fieldErrors.passName : undefined;
          if (message) {
            setNameError(message);
            nameRef.current?.focus();
          }
        },
      },
    );
  }

  const otherError = create.isError && !(isApiError(create.error) && create.error.fieldErrors.passName);

  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={initialSource ? 'Duplicate pass' : 'New pass'}
      description="The pass starts as a draft; holders cannot add it until you publish it."
    >
      <form onSubmit={handleSubmit} noValidate className="space-y-4">
        <div>
          <label htmlFor={nameId} className="block text-sm font-medium text-ink">
            Pass name
          </label>
          <input
            ref={nameRef}
            id={nameId}
            value={name}
            onChange={(e) => setName(e.target.value)}
            maxLength={255}
            autoComplete="off"
            aria-invalid={nameError ? true : undefined}
            aria-describedby={nameErrorId}
            className="mt-1 block h-10 w-full rounded-lg border border-surface-strong px-3 text-sm aria-[invalid=true]:border-danger-600"
          />
          <p id={nameErrorId} className="mt-1 min-h-5 text-sm text-danger-700">
            {nameError ?? <span className="text-ink-subtle">Unique within the workspace.</span>}
          </p>
        </div>
        <div>
          <label htmlFor={sourceId} className="block text-sm font-medium text-ink">
            Start from
          </label>
          <select
            id={sourceId}
            value={sourceChoice}
            onChange={(e) => setSourceId(e.target.value)}
            className="mt-1 block h-10 w-full rounded-lg border border-surface-strong bg-surface px-2 text-sm"
          >
            {initialSource && !passes.some((p) => p.id === initialSource.id) ? (
              <option value={initialSource.id}>{initialSource.passName}</option>
            ) : null}
            {passes.map((pass) => (
              <option key={pass.id} value={pass.id}>
                {pass.passName || 'Untitled pass'}
              </option>
            ))}
          </select>
        </div>
        {otherError ? (
          <Alert tone="danger" title="The pass could not be created">
            {describeError(create.error)}
          </Alert>
        ) : null}
        <div className="flex justify-end gap-2 border-t border-surface-border pt-4">
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" busy={create.isPending}>
            {initialSource ? 'Duplicate' : 'Create pass'}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
