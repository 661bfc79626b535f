import { Suspense, useState } from 'react';
import { REQUIRED_PASS_IMAGES } from '../../../../contract/rules';
import { type WalletPass, uploadKeyOf } from '../../../../contract/schemas';
import { LoadingOverlay } from '../../../components/ui/loading-overlay';
import { useToast } from '../../../components/ui/toast';
import { describeError, isApiError } from '../../../lib/api-error';
import { lazyOnUse, prefetchOnIntent } from '../../../lib/lazy-on-use';
import { navigate, paths } from '../../../history-router';
import { useSetPassStatus } from '../api/use-pass-mutations';
import { IMAGES_SECTION_ID } from '../editor/section-ids';
import { StatusSwitch } from './status-switch';

// The confirmation loads when the switch is pointed at or focused (every change asks first).
const statusConfirm = lazyOnUse(() => import('./publish-confirm-dialog').then((m) => m.StatusConfirmDialog));
const StatusConfirmDialog = statusConfirm.Component;

/** How long the Undo of a status change is offered. */
export const STATUS_UNDO_MS = 8000;

type Status = 'Draft' | 'Published';

/** The required images the stored pass lacks: the API refuses to publish it without them. */
export function missingRequiredImages(pass: WalletPass) {
  const present = new Set((pass.uploadInfoList ?? []).filter((info) => uploadKeyOf(info)).map((info) => info.fileName));
  return REQUIRED_PASS_IMAGES.filter((name) => !present.has(name));
}

/** The API's reason as one sentence, then what to do. */
function refusalMessage(error: unknown): string {
  if (!(isApiError(error) && error.status === 400)) return describeError(error);
  const reason = (Object.values(error.fieldErrors)[0] ?? 'The Passport API refused some of its values').trim();
  return `${/[.!?]$/.test(reason) ? reason : `${reason}.`} Open the pass to fix it.`;
}

/**
 * The Draft ↔ Published control, used in the list and the editor header. Both directions ask first
 * and say what the change means for the pass's active holders; a pass without its required images
 * is not offered a Publish that would fail. After a change, a toast offers Undo for a few seconds
 * (the same mutation, back). A refusal rolls the switch back and says why. `blockingIssues` (pass
 * checks) are listed in the publish confirmation when present. `onShowImages` leads to the images
 * (the editor scrolls to them; the list opens the editor there).
 */
export function StatusToggle({
  pass,
  workspaceId,
  blockingIssues = [],
  size = 'md',
  onShowImages,
}: {
  pass: WalletPass;
  workspaceId: string;
  blockingIssues?: readonly string[];
  size?: 'sm' | 'md';
  onShowImages?: () => void;
}) {
  const mutation = useSetPassStatus(workspaceId);
  const { notify } = useToast();
  const [confirming, setConfirming] = useState<Status | null>(null);
  const published = pass.status === 'Published';
  const name = pass.passName || 'Untitled pass';

  function setStatus(status: Status, undoing = false) {
    setConfirming(null);
    const previous: Status = status === 'Published' ? 'Draft' : 'Published';
    mutation.mutate(
      { pass, status },
      {
        onSuccess: () =>
          notify({
            tone: 'success',
            title: status === 'Published' ? `“${name}” is published` : `“${name}” is back to draft`,
            ...(undoing
              ? {}
              : {
                  durationMs: STATUS_UNDO_MS,
                  action: { label: 'Undo', onAction: () => setStatus(previous, true) },
                }),
          }),
        onError: (error) =>
          notify({
            tone: 'danger',
            title: `“${name}” could not be ${status === 'Published' ? 'published' : 'unpublished'}`,
            message: refusalMessage(error),
          }),
      },
    );
  }

  const showImages = () => {
    setConfirming(null);
    // After the dialog has closed: closing gives focus back to the switch, and the section takes it.
    if (onShowImages) window.setTimeout(onShowImages, 0);
    else navigate(`${paths.pass(workspaceId, pass.id)}#${IMAGES_SECTION_ID}`);
  };

  return (
    <>
      <StatusSwitch
        published={published}
        name={name}
        size={size}
        disabled={mutation.isPending}
        onClick={() => setConfirming(published ? 'Draft' : 'Published')}
        {...prefetchOnIntent(statusConfirm.load)}
      />

      {confirming ? (
        <Suspense fallback={<LoadingOverlay label="Opening…" />}>
          <StatusConfirmDialog
            pass={pass}
            name={name}
            target={confirming}
            blockingIssues={blockingIssues}
            missingImages={confirming === 'Published' ? missingRequiredImages(pass) : []}
            imagesActionLabel={onShowImages ? 'Go to Images' : 'Open Images in the editor'}
            onCancel={() => setConfirming(null)}
            onConfirm={() => setStatus(confirming)}
            onShowImages={showImages}
          />
        </Suspense>
      ) : null}
    </>
  );
}
