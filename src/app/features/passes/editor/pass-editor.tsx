import { type BaseSyntheticEvent, Suspense, startTransition, useCallback, useEffect, useState } from 'react';
import { type FieldErrors, FormProvider } from 'react-hook-form';
import type { WalletPass } from '../../../../contract/schemas';
import { Alert } from '../../../components/ui/alert';
import { useToast } from '../../../components/ui/toast';
import { PassInstallsSlot } from './installs-slot';
import { ReviewChangesButton } from '../review/review-changes-button';
import { useSaveReview } from '../review/use-save-review';
import { useFormUndo } from '../undo/form-undo';
import { UndoButtons } from '../undo/undo-buttons';
import { type SaveOutcome, useSavePassFlow } from '../api/use-save-pass-flow';
import { type PassFormValues, toFormValues } from '../model/form-model';
import { DraftOffer, useDraftAutosave } from './draft-offer';
import { ErrorSummary } from './error-summary';
import { type Problem, flattenErrors } from './form-paths';
import { LoadingOverlay } from '../../../components/ui/loading-overlay';
import { lazyOnUse } from '../../../lib/lazy-on-use';
import { ImageSizesContext, createImageSizesStore } from './image-sizes';
import { LivePassPreview } from './live-pass-preview';
import { ReadOnlyPanel } from './read-only-panel';
import { type EditorView, EditorViewSwitch } from './editor-view-switch';
import { useSectionFromHash } from './section-ids';
import { PassEditorHeader } from './pass-editor-header';
import { SaveBar, useSaveShortcut } from './save-bar';
import { keepRefusedLocations, placeSaveError } from './server-errors';
import { UnsavedChangesGuard } from './unsaved-changes-guard';
import { useDiscard } from './use-discard';
import { useLivePassCounts } from './use-live-pass-counts';
import { usePassForm } from './use-pass-form';
import { BackFieldsSection } from './sections/back-fields-section';
import { DeepLinksSection } from './sections/deep-links-section';
import { ImagesSection } from './sections/images-section';
import { LocationsSection } from './sections/locations-section';
import { LookSection } from './sections/look-section';
import { PassSection } from './sections/pass-section';
import { QrSection } from './sections/qr-section';
import { SecondaryFieldsSection } from './sections/secondary-fields-section';
import { TopFieldSection } from './sections/top-field-section';

// A conflict needs a save first: its dialog loads when a save starts (see below).
const conflictDialog = lazyOnUse(() => import('./conflict-dialog').then((m) => m.ConflictDialog));
const ConflictDialog = conflictDialog.Component;

/**
 * The pass editor: one form for everything a marketer may change, the live preview beside it and
 * a sticky bar to save. Server state enters the form once (`defaultValues`), and again only after
 * a save (`reset`), so nothing the user typed is overwritten by a background refresh. The save
 * itself (connection, conflicts, retries, cache) belongs to useSavePassFlow; this shows it.
 */
export function PassEditor({ pass, workspaceId }: { pass: WalletPass; workspaceId: string }) {
  const { notify } = useToast();
  const form = usePassForm(pass);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [formAlert, setFormAlert] = useState<string | null>(null);
  // The sections below the fold mount in a transition, so opening a large pass never blocks the
  // page for long: the top of the form and the preview show first, the rest follows.
  const [restMounted, setRestMounted] = useState(false);
  useEffect(() => startTransition(() => setRestMounted(true)), []);
  useSectionFromHash(restMounted);
  useLivePassCounts(workspaceId, pass.id);
  const [blockingIssues, setBlockingIssues] = useState<string[]>([]);
  const [imageSizes] = useState(createImageSizesStore);
  const [view, setView] = useState<EditorView>('form');

  // A save of a Published pass stops at a review; undo steps cover the whole form.
  const review = useSaveReview();
  const [undo, bindUndo] = useFormUndo(form);
  const flow = useSavePassFlow({
    workspaceId,
    pass,
    beforeCommit: review.beforeCommit,
    onLocationCreated: (index, id) => form.setValue(`locations.${index}.locationId`, id),
    onRebase: (theirs, values) => {
      form.reset(theirs);
      form.reset(values, { keepDefaultValues: true });
    },
  });
  const { save, resolve } = flow;
  // The conflict check runs as a save starts: its dialog's code downloads beside that request.
  const saving = flow.phase !== 'idle';
  useEffect(() => {
    if (saving) void conflictDialog.load().catch(() => undefined);
  }, [saving]);

  const showProblems = useCallback(
    (placed: Problem[]) => {
      for (const { path, message } of placed) form.setError(path, { type: 'server', message });
      setProblems(placed);
    },
    [form],
  );

  const show = useCallback(
    (outcome: SaveOutcome) => {
      if (outcome.kind === 'saved') {
        const fresh = toFormValues(outcome.pass);
        form.reset(fresh);
        undo.reset();
        if (outcome.locationErrors.length === 0) {
          notify({ tone: 'success', title: 'Pass saved' });
          return;
        }
        const kept = keepRefusedLocations(fresh, outcome.values, outcome.locationErrors, outcome.savedLocationIndexes);
        form.setValue('locations', kept.locations, { shouldDirty: true });
        showProblems(kept.problems);
        notify({
          tone: 'danger',
          title: 'The pass was saved, but some locations were not',
          message: 'Fix them and save again.',
        });
      } else if (outcome.kind === 'took-theirs') {
        form.reset(outcome.values);
        undo.reset();
        notify({ tone: 'info', title: 'Loaded the latest saved version', message: 'Your edits were set aside.' });
      } else if (outcome.kind === 'failed') {
        const { placed, alert } = placeSaveError(outcome.error, outcome.uploadInfoList);
        if (placed.length > 0) showProblems(placed);
        if (alert) setFormAlert(alert);
        const first = placed[0];
        if (first) form.setFocus(first.path);
      }
    },
    [form, notify, showProblems, undo],
  );

  const onValid = useCallback(
    async (values: PassFormValues) => {
      setProblems([]);
      setFormAlert(null);
      show(await save(values));
    },
    [save, show],
  );

  const onInvalid = useCallback((errors: FieldErrors<PassFormValues>) => {
    setFormAlert(null);
    setProblems(flattenErrors(errors));
  }, []);

  const submit = useCallback(
    (event?: BaseSyntheticEvent) => void form.handleSubmit(onValid, onInvalid)(event),
    [form, onValid, onInvalid],
  );
  useSaveShortcut(submit);

  const discard = useDiscard({
    form,
    workspaceId,
    base: flow.base,
    onDiscarded: () => {
      setProblems([]);
      setFormAlert(null);
    },
  });

  useDraftAutosave(form, workspaceId, flow.base);

  return (
    <FormProvider {...form}>
      <ImageSizesContext value={imageSizes}>
        <UnsavedChangesGuard />
        <PassEditorHeader
          pass={pass}
          workspaceId={workspaceId}
          blockingIssues={blockingIssues}
          onRestore={(version) => form.reset(toFormValues(version.pass), { keepDefaultValues: true })}
        />
        <DraftOffer pass={pass} workspaceId={workspaceId} />
        {review.dialog}
        {discard.dialog}
        {flow.conflict ? (
          <Suspense fallback={<LoadingOverlay label="Checking the newer version…" />}>
            <ConflictDialog
              diff={flow.conflict.diff}
              theirs={flow.conflict.current}
              mineValues={flow.conflict.values}
              theirValues={flow.conflict.theirs}
              onResolve={(resolution) => void resolve(resolution).then(show)}
              onCancel={flow.dismiss}
            />
          </Suspense>
        ) : null}
        <form ref={bindUndo} onSubmit={submit} noValidate aria-label="Edit pass" className="pb-32 sm:pb-24">
          {problems.length > 0 ? <ErrorSummary problems={problems} onSelect={(path) => form.setFocus(path)} /> : null}
          {formAlert ? (
            <Alert tone="danger" className="mb-4" title="Not saved">
              {formAlert}
            </Alert>
          ) : null}
          <EditorViewSwitch view={view} onChange={setView} />
          <div
            id="editor-views"
            data-editor-view={view}
            className="grid grid-cols-[minmax(0,1fr)] items-start gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(360px,42%)] 2xl:grid-cols-[minmax(0,1fr)_704px]"
          >
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
              {restMounted ? (
                <PassInstallsSlot workspaceId={workspaceId} passId={pass.id} passName={pass.passName ?? ''} />
              ) : null}
            </aside>
          </div>
          <SaveBar
            phase={flow.phase}
            retryMessage={flow.retryMessage}
            onDiscard={discard.request}
            tools={
              <>
                <UndoButtons undo={undo} />
                <ReviewChangesButton onClick={() => review.show(pass, form.getValues())} />
              </>
            }
          />
        </form>
      </ImageSizesContext>
    </FormProvider>
  );
}
