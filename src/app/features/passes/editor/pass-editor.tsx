import { zodResolver } from '@hookform/resolvers/zod';
import { startTransition, useCallback, useEffect, useRef, useState } from 'react';
import { type FieldErrors, FormProvider, type Resolver, useForm, useFormContext, useFormState } from 'react-hook-form';
import type { WalletPass } from '../../../../contract/schemas';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { useToast } from '../../../components/ui/toast';
import { describeError, isApiError } from '../../../lib/api-error';
import { useConnection } from '../../../lib/connection';
import { addNavigationGuard } from '../../../history-router';
import { fetchPass } from '../api/pass-queries';
import { type SaveResult, useSavePass } from '../api/use-save-pass';
import { type RetryOptions, withRetry } from '../../../lib/retry';
import { whenOnline } from '../../../lib/use-online';
import { ConflictDialog, type ConflictResolution } from './conflict-dialog';
import { DraftOffer, useDraftAutosave } from './draft-offer';
import { clearDraft } from '../model/draft-storage';
import { type ThreeWayDiff, diffThreeWay, mergeValues } from '../model/merge';
import { PassFormSchema } from './editor-schema';
import {
  IMAGE_SLOTS,
  type PassFormValues,
  countDirty,
  diffLocations,
  slotFileName,
  toFormValues,
  toSaveDocument,
} from '../model/form-model';
import { LivePassPreview } from './live-pass-preview';
import { ImageSizesContext, createImageSizesStore } from './image-sizes';
import { ReadOnlyPanel } from './read-only-panel';
import { StatusToggle } from '../status/status-toggle';
import { BackFieldsSection } from './sections/back-fields-section';
import { DeepLinksSection } from './sections/deep-links-section';
import { ImagesSection } from './sections/images-section';
import { LocationsSection } from './sections/locations-section';
import { LookSection } from './sections/look-section';
import { PassSection } from './sections/pass-section';
import { QrSection } from './sections/qr-section';
import { SecondaryFieldsSection } from './sections/secondary-fields-section';
import { TopFieldSection } from './sections/top-field-section';

type SaveState = { phase: 'idle' | 'offline' | 'checking' | 'saving' } | { phase: 'retrying'; message: string };

interface PendingConflict {
  current: WalletPass;
  values: PassFormValues;
  theirs: PassFormValues;
  diff: ThreeWayDiff;
}

export interface Problem {
  path: string;
  message: string;
}

/** Flattens react-hook-form errors into `path → message`, in form order. */
export function flattenErrors(errors: FieldErrors, prefix = ''): Problem[] {
  const problems: Problem[] = [];
  for (const [key, value] of Object.entries(errors)) {
    if (!value || key === 'ref' || (key === 'root' && !prefix)) continue;
    // A list's own error (e.g. too many locations) sits under `root`: report it on the list.
    const path = key === 'root' ? prefix : prefix ? `${prefix}.${key}` : key;
    const message = (value as { message?: unknown }).message;
    if (typeof message === 'string' && message) problems.push({ path, message });
    else if (typeof value === 'object') problems.push(...flattenErrors(value as FieldErrors, path));
  }
  return problems;
}

const PLACEABLE = /^(passName|notificationHeader|passLinkSlug|passMetadata\.|locations\.|images\.)/;

/**
 * The pass editor: one form for everything a marketer may change, the live preview beside it and
 * a sticky bar to save. Server state enters the form once (`defaultValues`), and again only after
 * a save (`reset`), so nothing the user typed is overwritten by a background refresh.
 */
export function PassEditor({ pass, workspaceId }: { pass: WalletPass; workspaceId: string }) {
  const { client } = useConnection();
  const { notify } = useToast();
  const baseline = useRef(pass);
  const summaryRef = useRef<HTMLDivElement>(null);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [formAlert, setFormAlert] = useState<string | null>(null);
  const save = useSavePass(workspaceId);
  const [saveState, setSaveState] = useState<SaveState>({ phase: 'idle' });
  // The sections below the fold mount in a transition, so opening a large pass never blocks the
  // page for long: the top of the form and the preview show first, the rest follows.
  const [restMounted, setRestMounted] = useState(false);
  useEffect(() => startTransition(() => setRestMounted(true)), []);
  const [conflict, setConflict] = useState<PendingConflict | null>(null);
  const [blockingIssues, setBlockingIssues] = useState<string[]>([]);
  const [imageSizes] = useState(createImageSizesStore);

  const form = useForm<PassFormValues>({
    defaultValues: toFormValues(pass),
    resolver: zodResolver(PassFormSchema) as unknown as Resolver<PassFormValues>,
    mode: 'onTouched',
    reValidateMode: 'onChange',
  });

  const onInvalid = useCallback((errors: FieldErrors<PassFormValues>) => {
    setFormAlert(null);
    setProblems(flattenErrors(errors));
  }, []);

  const setLocationId = useCallback(
    (index: number, id: string) => form.setValue(`locations.${index}.locationId`, id),
    [form],
  );

  const fetchCurrent = useCallback(
    (onRetry: RetryOptions['onRetry']) => withRetry(() => fetchPass(client, workspaceId, pass.id), { onRetry }),
    [client, pass.id, workspaceId],
  );

  /** Writes `values` over `current` (the pass as stored right now). */
  const commit = useCallback(
    async (current: WalletPass, values: PassFormValues) => {
      const status = current.status;
      const document = toSaveDocument(current, values);
      if (status === 'Draft' || status === 'Published') document.status = status;
      else delete document.status;
      setSaveState({ phase: 'saving' });
      try {
        const result = await save.mutateAsync({
          passId: current.id,
          document,
          // Against the stored locations, so a retried save never repeats what already went through.
          locations: diffLocations(current, values.locations),
          onRetry: announceRetry,
          onLocationCreated: setLocationId,
        });
        applySaved(result, values);
      } catch (error) {
        showSaveError(error, document.uploadInfoList);
      } finally {
        setSaveState({ phase: 'idle' });
      }
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [save, setLocationId],
  );

  function announceRetry({ attempt, delayMs, error }: { attempt: number; delayMs: number; error: unknown }) {
    setSaveState({
      phase: 'retrying',
      message: `${describeError(error)} Trying again in ${Math.max(1, Math.round(delayMs / 1000))} s (attempt ${attempt + 1}).`,
    });
  }

  function applySaved({ pass: saved, locationErrors, savedLocationIndexes }: SaveResult, values: PassFormValues) {
    baseline.current = saved;
    const fresh = toFormValues(saved);
    if (locationErrors.length === 0) {
      form.reset(fresh);
      clearDraft(workspaceId, saved.id);
      notify({ tone: 'success', title: 'Pass saved' });
      return;
    }
    // Keep the location edits the API refused, on screen and still unsaved.
    const failed = new Set(locationErrors.map((e) => e.index));
    const kept = values.locations.filter((_, i) => failed.has(i) || !savedLocationIndexes.includes(i));
    form.reset(fresh);
    form.setValue('locations', [...fresh.locations, ...kept], { shouldDirty: true });
    const offset = fresh.locations.length;
    const placed: Problem[] = [];
    [...failed].forEach((formIndex, k) => {
      const error = locationErrors.find((e) => e.index === formIndex)?.error;
      for (const [field, message] of Object.entries(error?.fieldErrors ?? {})) {
        const path = `locations.${offset + k}.${field}`;
        form.setError(path as 'locations', { type: 'server', message });
        placed.push({ path, message });
      }
      if (error && Object.keys(error.fieldErrors).length === 0) {
        placed.push({ path: `locations.${offset + k}.name`, message: describeError(error) });
      }
    });
    setProblems(placed);
    notify({
      tone: 'danger',
      title: 'The pass was saved, but some locations were not',
      message: 'Fix them and save again.',
    });
  }

  function showSaveError(error: unknown, uploadInfoList: unknown) {
    if (isApiError(error) && error.status === 400 && Object.keys(error.fieldErrors).length > 0) {
      const placed: Problem[] = [];
      const unplaced: string[] = [];
      for (const [rawPath, message] of Object.entries(error.fieldErrors)) {
        const path = mapServerPath(rawPath, uploadInfoList);
        if (path && PLACEABLE.test(path)) {
          form.setError(path as 'passName', { type: 'server', message });
          placed.push({ path, message });
        } else {
          unplaced.push(`${rawPath}: ${message}`);
        }
      }
      setProblems(placed);
      if (unplaced.length) setFormAlert(`The Passport API refused the save. ${unplaced.join('; ')}`);
      const first = placed[0];
      if (first) form.setFocus(first.path as 'passName');
      return;
    }
    const transient = isApiError(error) && error.isRetryable;
    setFormAlert(
      `${describeError(error)}${transient ? ' Pass Studio tried several times.' : ''} Your changes are still here and kept in this browser; save again when ready.`,
    );
  }

  const onValid = useCallback(
    async (values: PassFormValues) => {
      setProblems([]);
      setFormAlert(null);
      try {
        if (!navigator.onLine) {
          setSaveState({ phase: 'offline' });
          await whenOnline();
        }
        setSaveState({ phase: 'checking' });
        // No ETag in the Passport API: compare the version the edit started from with the stored one.
        const current = await fetchCurrent(announceRetry);
        if (current.updatedTime !== baseline.current.updatedTime) {
          const base = toFormValues(baseline.current);
          const theirs = toFormValues(current);
          setConflict({ current, values, theirs, diff: diffThreeWay(base, values, theirs) });
          setSaveState({ phase: 'idle' });
          return;
        }
        await commit(current, values);
      } catch (error) {
        setSaveState({ phase: 'idle' });
        showSaveError(error, undefined);
      }
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [commit, fetchCurrent],
  );

  const resolveConflict = (resolution: ConflictResolution) => {
    const pending = conflict;
    setConflict(null);
    if (!pending) return;
    const { current, values, theirs, diff } = pending;
    baseline.current = current;
    if (resolution.kind === 'theirs') {
      form.reset(theirs);
      clearDraft(workspaceId, current.id);
      notify({ tone: 'info', title: 'Loaded the latest saved version', message: 'Your edits were set aside.' });
      return;
    }
    const merged = mergeValues(values, theirs, diff, resolution.kind === 'merge' ? resolution.choices : {});
    form.reset(theirs);
    form.reset(merged, { keepDefaultValues: true });
    void commit(current, merged);
  };

  const submit = useCallback(
    (event?: React.BaseSyntheticEvent) => form.handleSubmit(onValid, onInvalid)(event),
    [form, onValid, onInvalid],
  );

  // Ctrl/Cmd+S saves from anywhere in the editor.
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
        event.preventDefault();
        void submit();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [submit]);

  useEffect(() => {
    if (problems.length > 0 && !problems.some((p) => document.activeElement?.getAttribute('name') === p.path)) {
      summaryRef.current?.focus();
    }
    // Focus goes to the first invalid field when react-hook-form can (shouldFocusError).
  }, [problems]);

  const discard = () => {
    form.reset(toFormValues(baseline.current));
    clearDraft(workspaceId, pass.id);
    setProblems([]);
    setFormAlert(null);
  };

  useDraftAutosave(form, workspaceId, baseline);

  return (
    <FormProvider {...form}>
      <ImageSizesContext value={imageSizes}>
        <UnsavedChangesGuard />
        <header className="mt-3 mb-6 flex flex-wrap items-center gap-x-4 gap-y-2">
          <h1 className="min-w-0 truncate text-2xl font-semibold text-ink">{pass.passName || 'Untitled pass'}</h1>
          {pass.status === 'Draft' || pass.status === 'Published' ? (
            <StatusToggle pass={pass} workspaceId={workspaceId} blockingIssues={blockingIssues} />
          ) : null}
        </header>
        <DraftOffer pass={pass} workspaceId={workspaceId} />
        {conflict ? (
          <ConflictDialog
            diff={conflict.diff}
            theirs={conflict.current}
            onResolve={resolveConflict}
            onCancel={() => setConflict(null)}
          />
        ) : null}
        <form onSubmit={(e) => void submit(e)} noValidate aria-label="Edit pass" className="pb-24">
          {problems.length > 0 ? (
            <ErrorSummary
              problems={problems}
              summaryRef={summaryRef}
              onSelect={(path) => form.setFocus(path as 'passName')}
            />
          ) : null}
          {formAlert ? (
            <Alert tone="danger" className="mb-4" title="Not saved">
              {formAlert}
            </Alert>
          ) : null}
          <div className="grid grid-cols-[minmax(0,1fr)] items-start gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(360px,42%)] 2xl:grid-cols-[minmax(0,1fr)_704px]">
            <div className="min-w-0 space-y-6">
              <PassSection />
              <LookSection />
              <TopFieldSection />
              {restMounted ? (
                <>
                  <SecondaryFieldsSection />
                  <BackFieldsSection />
                  <QrSection />
                  <ImagesSection workspaceId={workspaceId} />
                  <LocationsSection passId={pass.id} />
                  <DeepLinksSection />
                </>
              ) : (
                <p role="status" className="text-sm text-ink-muted">
                  Loading the rest of the pass…
                </p>
              )}
            </div>
            <aside
              aria-label="Preview and pass facts"
              className="space-y-6 [contain:content] lg:sticky lg:top-20 lg:max-h-[calc(100vh-10rem)] lg:overflow-y-auto lg:pb-4"
            >
              <LivePassPreview onBlockingChange={setBlockingIssues} />
              {restMounted ? <ReadOnlyPanel pass={pass} /> : null}
            </aside>
          </div>
          <SaveBar state={saveState} onDiscard={discard} />
        </form>
      </ImageSizesContext>
    </FormProvider>
  );
}

/** A server path onto the form: `uploadInfoList.2.uploadKey` → the image slot it names. */
function mapServerPath(path: string, uploadInfoList: unknown): string | null {
  const image = /^uploadInfoList\.(\d+)/.exec(path);
  if (image) {
    const info = Array.isArray(uploadInfoList)
      ? (uploadInfoList[Number(image[1])] as { fileName?: string } | undefined)
      : undefined;
    const slot = IMAGE_SLOTS.find((s) => slotFileName(s) === info?.fileName);
    return slot ? `images.${slot}` : null;
  }
  return path.replace(/^passMetadata\.locations\./, 'locations.');
}

function ErrorSummary({
  problems,
  summaryRef,
  onSelect,
}: {
  problems: Problem[];
  summaryRef: React.RefObject<HTMLDivElement | null>;
  onSelect: (path: string) => void;
}) {
  return (
    <div
      ref={summaryRef}
      tabIndex={-1}
      role="alert"
      aria-labelledby="error-summary-title"
      className="mb-4 rounded-card border border-danger-600/40 bg-danger-50 px-4 py-3 text-sm text-danger-700"
    >
      <h2 id="error-summary-title" className="font-semibold">
        {problems.length === 1 ? 'One problem stops the save' : `${problems.length} problems stop the save`}
      </h2>
      <ul className="mt-1 list-disc space-y-0.5 pl-5">
        {problems.map((problem) => (
          <li key={problem.path}>
            <button type="button" className="text-left underline" onClick={() => onSelect(problem.path)}>
              {describePath(problem.path)}: {problem.message}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** "passMetadata.secondaryFields.1.key" → "Secondary field 2, key". */
export function describePath(path: string): string {
  const parts = path.split('.');
  const out: string[] = [];
  const names: Record<string, string> = {
    passName: 'Pass name',
    notificationHeader: 'Notification header',
    passLinkSlug: 'Pass link slug',
    description: 'Description',
    organizationName: 'Organisation name',
    backgroundColor: 'Background colour',
    displayTextColor: 'Text colour',
    topField: 'Top field',
    secondaryFields: 'Secondary field',
    backFields: 'Back field',
    value: 'link',
    qrUrl: 'QR code content',
    qrText: 'QR caption',
    locations: 'Location',
    appDeepLinks: 'App links',
    appleDeepLinkData: 'Apple',
    googleDeepLinkData: 'Google',
    userDeepLink: 'User deep link',
    images: 'Image',
  };
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] as string;
    if (part === 'passMetadata') continue;
    const next = parts[i + 1];
    if (next !== undefined && /^\d+$/.test(next)) {
      out.push(`${names[part] ?? part} ${Number(next) + 1}`);
      i++;
    } else {
      out.push(names[part] ?? part.replace(/([A-Z])/g, ' $1').toLowerCase());
    }
  }
  const text = out.join(', ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function SaveBar({ state, onDiscard }: { state: SaveState; onDiscard: () => void }) {
  const { control } = useFormContext<PassFormValues>();
  const { isDirty, dirtyFields } = useFormState({ control });
  const changed = countDirty(dirtyFields);
  const saving = state.phase !== 'idle';
  return (
    <div className="fixed inset-x-0 bottom-0 z-20 border-t border-surface-border bg-surface">
      <div className="mx-auto flex h-16 w-full max-w-[1680px] items-center gap-3 px-4 sm:px-6 lg:px-8">
        <p role="status" className="text-sm text-ink-muted">
          {state.phase === 'offline' ? (
            'Offline: the save starts when the connection returns.'
          ) : state.phase === 'checking' ? (
            'Checking for changes by others…'
          ) : state.phase === 'retrying' ? (
            state.message
          ) : saving ? (
            'Saving…'
          ) : isDirty ? (
            <>
              <span aria-hidden="true" className="mr-2 inline-block size-2 rounded-full bg-warning-600" />
              {changed === 0
                ? 'Unsaved changes'
                : `Unsaved changes in ${changed === 1 ? '1 field' : `${changed} fields`}`}
            </>
          ) : (
            'All changes saved'
          )}
        </p>
        <span className="hidden text-xs text-ink-subtle sm:inline">Ctrl+S or ⌘S saves</span>
        <div className="ml-auto flex gap-2">
          <Button onClick={onDiscard} disabled={!isDirty || saving}>
            Discard
          </Button>
          <Button type="submit" variant="primary" busy={saving} disabled={!isDirty && !saving}>
            Save
          </Button>
        </div>
      </div>
    </div>
  );
}

/** Asks before leaving the route or closing the tab with unsaved changes. */
function UnsavedChangesGuard() {
  const { control } = useFormContext<PassFormValues>();
  const { isDirty } = useFormState({ control });
  useEffect(() => {
    if (!isDirty) return undefined;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    const removeGuard = addNavigationGuard(() =>
      window.confirm('You have unsaved changes. Leave this pass without saving them?'),
    );
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      removeGuard();
    };
  }, [isDirty]);
  return null;
}
