import { Suspense, useState } from 'react';
import type { WalletPass } from '../../../../contract/schemas';
import { LoadingOverlay } from '../../../components/ui/loading-overlay';
import { useToast } from '../../../components/ui/toast';
import { describeError, isApiError } from '../../../lib/api-error';
import { lazyOnUse, prefetchOnIntent } from '../../../lib/lazy-on-use';
import { useSetPassStatus } from '../api/use-pass-mutations';
import { StatusSwitch } from './status-switch';

// The confirmation loads when the switch is pointed at or focused (it is asked for only on publish).
const publishConfirm = lazyOnUse(() => import('./publish-confirm-dialog').then((m) => m.PublishConfirmDialog));
const PublishConfirmDialog = publishConfirm.Component;

/**
 * The Draft ↔ Published control, used in the list and the editor header. Publishing asks first and
 * says how many active holders it reaches; a refusal rolls the switch back and says why.
 * `blockingIssues` (pass checks) are listed in the confirmation when present.
 */
export function StatusToggle({
  pass,
  workspaceId,
  blockingIssues = [],
  size = 'md',
}: {
  pass: WalletPass;
  workspaceId: string;
  blockingIssues?: readonly string[];
  size?: 'sm' | 'md';
}) {
  const mutation = useSetPassStatus(workspaceId);
  const { notify } = useToast();
  const [confirming, setConfirming] = useState(false);
  const published = pass.status === 'Published';
  const name = pass.passName || 'Untitled pass';

  function setStatus(status: 'Draft' | 'Published') {
    setConfirming(false);
    mutation.mutate(
      { pass, status },
      {
        onSuccess: () =>
          notify({
            tone: 'success',
            title: status === 'Published' ? `“${name}” is published` : `“${name}” is back to draft`,
          }),
        onError: (error) =>
          notify({
            tone: 'danger',
            title: `“${name}” could not be ${status === 'Published' ? 'published' : 'unpublished'}`,
            message:
              isApiError(error) && error.status === 400
                ? (Object.values(error.fieldErrors)[0] ?? 'The Passport API refused some of its values.') +
                  ' Open the pass to fix it.'
                : describeError(error),
          }),
      },
    );
  }

  return (
    <>
      <StatusSwitch
        published={published}
        name={name}
        size={size}
        disabled={mutation.isPending}
        onClick={() => (published ? setStatus('Draft') : setConfirming(true))}
        {...(published ? {} : prefetchOnIntent(publishConfirm.load))}
      />

      {confirming ? (
        <Suspense fallback={<LoadingOverlay label="Opening…" />}>
          <PublishConfirmDialog
            pass={pass}
            name={name}
            blockingIssues={blockingIssues}
            onCancel={() => setConfirming(false)}
            onConfirm={() => setStatus('Published')}
          />
        </Suspense>
      ) : null}
    </>
  );
}
