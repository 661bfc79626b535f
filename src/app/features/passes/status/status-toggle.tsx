import { Suspense, useState } from 'react';
import type { WalletPass } from '../../../../contract/schemas';
import { LoadingOverlay } from '../../../components/ui/loading-overlay';
import { useToast } from '../../../components/ui/toast';
import { describeError, isApiError } from '../../../lib/api-error';
import { cx } from '../../../lib/cx';
import { lazyOnUse, prefetchOnIntent } from '../../../lib/lazy-on-use';
import { useSetPassStatus } from '../api/use-pass-mutations';

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
      <button
        type="button"
        role="switch"
        aria-checked={published}
        aria-label={`${name} published`}
        disabled={mutation.isPending}
        onClick={() => (published ? setStatus('Draft') : setConfirming(true))}
        {...(published ? {} : prefetchOnIntent(publishConfirm.load))}
        className="inline-flex items-center gap-2 rounded-full text-sm font-medium disabled:cursor-wait disabled:opacity-70"
      >
        <span
          aria-hidden="true"
          className={cx(
            'relative inline-flex shrink-0 items-center rounded-full transition-colors',
            size === 'sm' ? 'h-5 w-9' : 'h-6 w-11',
            published ? 'bg-success-600' : 'bg-surface-strong',
          )}
        >
          <span
            className={cx(
              'absolute rounded-full bg-white shadow transition-transform',
              size === 'sm' ? 'left-0.5 size-4' : 'left-0.5 size-5',
              published ? (size === 'sm' ? 'translate-x-4' : 'translate-x-5') : 'translate-x-0',
            )}
          />
        </span>
        <span className={cx('w-16 text-left', published ? 'text-success-700' : 'text-ink-muted')}>
          {published ? 'Published' : 'Draft'}
        </span>
      </button>

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
