import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useRef, useState } from 'react';
import { type WalletPass, WalletPassSchema } from '../../../contract/schemas';
import { type CreatePassRequest, CreatePassRequestSchema } from '../../../contract/input-schemas';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { Dialog } from '../../components/ui/dialog';
import { useToast } from '../../components/ui/toast';
import { describeError, isApiError } from '../../lib/api-error';
import { useConnection } from '../../lib/connection';
import { cx } from '../../lib/cx';
import { navigate, paths } from '../../history-router';
import { passQueries } from '../passes/api/pass-queries';
import { describeNotCopied, duplicatePass } from '../passes/api/duplicate-pass';
import { STARTER_TEMPLATES, type StarterTemplate, createFromTemplate } from './starter-templates';
import { TemplatePicker } from './template-picker';
import { WorkspacePassPicker } from './workspace-pass-picker';

type Source = 'template' | 'pass' | 'blank';

const SOURCES: { value: Source; label: string }[] = [
  { value: 'template', label: 'Template' },
  { value: 'pass', label: 'A pass in this workspace' },
  { value: 'blank', label: 'Blank' },
];

/** A blank pass: enough for the preview to show something sensible. */
function blankPass(passName: string, organizationName: string): CreatePassRequest {
  return {
    passName,
    status: 'Draft',
    passMetadata: {
      organizationName,
      description: '',
      backgroundColor: '#1F3068',
      displayTextColor: '#FFFFFF',
      topField: { key: 'points', label: 'POINTS', value: '0', changeMessage: 'You now have %@ points' },
      secondaryFields: [],
      backFields: [],
      qrUrl: '',
      qrText: '',
    },
    uploadInfoList: [],
  };
}

type Choice =
  { source: 'template'; template: StarterTemplate } | { source: 'pass'; pass: WalletPass } | { source: 'blank' };

/**
 * New pass: a name, and what it starts from: a starter template (its images are uploaded and
 * the pass created with them), any pass of the workspace (found by a server-side search), or a
 * blank pass. Creates a Draft and opens its editor; a name the API refuses is shown at the field.
 */
export default function NewPassGallery({
  onClose,
  workspaceId,
  workspaceName,
}: {
  onClose: () => void;
  workspaceId: string;
  workspaceName: string;
}) {
  const { client, connectionId } = useConnection();
  const queryClient = useQueryClient();
  const { notify } = useToast();
  const nameId = useId();
  const nameErrorId = useId();
  const radioName = useId();
  const nameRef = useRef<HTMLInputElement>(null);
  const [source, setSource] = useState<Source>('template');
  const [template, setTemplate] = useState<StarterTemplate>(STARTER_TEMPLATES[0]!);
  const [pass, setPass] = useState<WalletPass | null>(null);
  const [name, setName] = useState(STARTER_TEMPLATES[0]!.title);
  const [nameTouched, setNameTouched] = useState(false);
  const [nameError, setNameError] = useState<string | null>(null);
  const [sourceError, setSourceError] = useState<string | null>(null);

  const create = useMutation({
    mutationFn: async ({ choice, passName }: { choice: Choice; passName: string }) => {
      if (choice.source === 'template') return createFromTemplate(client, workspaceId, choice.template, passName);
      if (choice.source === 'pass') {
        // A whole copy (fields, images, locations); what could not be copied is said, not hidden.
        const { pass: copy, notCopied } = await duplicatePass(client, workspaceId, choice.pass.id, { passName });
        if (notCopied.length > 0)
          notify({
            tone: 'danger',
            title: `“${copy.passName ?? passName}” was created, but not everything was copied`,
            message: `Not copied: ${describeNotCopied(notCopied)}`,
          });
        return copy;
      }
      return client.request('/wallet-pass', {
        method: 'POST',
        workspaceId,
        body: blankPass(passName, workspaceName),
        bodySchema: CreatePassRequestSchema,
        schema: WalletPassSchema,
      });
    },
    onSuccess: (created) => {
      queryClient.setQueryData(passQueries.detail(client, connectionId, workspaceId, created.id).queryKey, created);
      return queryClient.invalidateQueries({ queryKey: passQueries.lists(connectionId, workspaceId) });
    },
  });

  function chooseTemplate(next: StarterTemplate) {
    setTemplate(next);
    // The name follows the template until the marketer types one.
    if (!nameTouched) setName(next.title);
  }

  function chooseSource(next: Source) {
    setSource(next);
    setSourceError(null);
    if (!nameTouched)
      setName(
        next === 'template' ? template.title : next === 'pass' && pass ? `Copy of ${pass.passName ?? 'pass'}` : '',
      );
  }

  function choosePass(next: WalletPass) {
    setPass(next);
    setSourceError(null);
    if (!nameTouched) setName(`Copy of ${next.passName ?? 'pass'}`);
  }

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const passName = name.trim();
    if (!passName) {
      setNameError('Give the pass a name.');
      nameRef.current?.focus();
      return;
    }
    setNameError(null);
    if (source === 'pass' && !pass) {
      setSourceError('Choose the pass to start from, or start from a template or a blank pass.');
      return;
    }
    const choice: Choice =
      source === 'template' ? { source, template } : source === 'pass' && pass ? { source, pass } : { source: 'blank' };
    create.mutate(
      { choice, passName },
      {
        onSuccess: (created) => {
          onClose();
          navigate(paths.pass(workspaceId, created.id));
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
      open
      size="xl"
      onClose={() => (create.isPending ? undefined : onClose())}
      title="New pass"
      description="The pass starts as a draft; holders cannot add it until you publish it."
    >
      <form onSubmit={handleSubmit} noValidate className="space-y-5">
        <div className="max-w-md">
          <label htmlFor={nameId} className="block text-sm font-medium text-ink">
            Pass name
          </label>
          <input
            ref={nameRef}
            id={nameId}
            value={name}
            onChange={(e) => {
              setName(e.target.value);
              setNameTouched(true);
            }}
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
        <fieldset>
          <legend className="text-sm font-medium text-ink">Start from</legend>
          <div className="mt-2 inline-flex flex-wrap gap-1 rounded-lg bg-surface-sunken p-1">
            {SOURCES.map((option) => (
              <label
                key={option.value}
                className={cx(
                  'relative cursor-pointer rounded-md px-3 py-1.5 text-sm font-medium transition-colors',
                  'has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-brand-500',
                  source === option.value ? 'bg-surface text-ink shadow-card' : 'text-ink-muted hover:text-ink',
                )}
              >
                <input
                  type="radio"
                  name={`${radioName}-source`}
                  value={option.value}
                  checked={source === option.value}
                  onChange={() => chooseSource(option.value)}
                  className="absolute inset-0 size-full cursor-pointer appearance-none rounded-md"
                />
                {option.label}
              </label>
            ))}
          </div>
        </fieldset>
        <div className="min-h-40">
          {source === 'template' ? (
            <fieldset>
              <legend className="sr-only">Template</legend>
              <TemplatePicker value={template.id} onChange={chooseTemplate} name={`${radioName}-template`} />
            </fieldset>
          ) : source === 'pass' ? (
            <WorkspacePassPicker workspaceId={workspaceId} value={pass} onChange={choosePass} />
          ) : (
            <p className="rounded-lg border border-dashed border-surface-strong px-4 py-6 text-sm text-ink-muted">
              An empty pass in default colours with {workspaceName} as the organisation. Add a logo, an icon and a strip
              image before publishing.
            </p>
          )}
          {sourceError ? (
            <p role="alert" className="mt-2 text-sm text-danger-700">
              {sourceError}
            </p>
          ) : null}
        </div>
        {otherError ? (
          <Alert tone="danger" title="The pass could not be created">
            {describeError(create.error)}
          </Alert>
        ) : null}
        <div className="sticky bottom-0 -mx-6 -mb-4 flex flex-wrap items-center justify-end gap-2 border-t border-surface-border bg-surface px-6 py-3">
          {create.isPending && source === 'template' ? (
            <span className="mr-auto text-sm text-ink-muted" role="status">
              Uploading the template’s images…
            </span>
          ) : null}
          <Button onClick={onClose} disabled={create.isPending}>
            Cancel
          </Button>
          <Button type="submit" variant="primary" busy={create.isPending}>
            Create pass
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
