import { useCallback, useEffect, useRef, useState } from 'react';
import type { WalletPass } from '../../../../contract/schemas';
import type { PendingCommit } from '../api/use-save-pass-flow';
import type { PassFormValues } from '../model/form-model';
import { LoadingOverlay } from '../../../components/ui/loading-overlay';
import { useToast } from '../../../components/ui/toast';
import { describeError } from '../../../lib/api-error';
import type { PassChanges } from './pass-changes';
import { type ReviewModule, loadReview } from './review-loader';

interface Open {
  review: ReviewModule;
  changes: PassChanges;
  current: WalletPass;
  /** Set while a save waits for the answer. */
  decide?: (confirmed: boolean) => void;
}

const reachOf = (pass: WalletPass) => ({ apple: pass.appleActiveCount ?? 0, google: pass.googleActiveCount ?? 0 });

/**
 * The review of a save. `beforeCommit` (for the save flow) stops a save of a Published pass at a
 * review of exactly what will be written over the version stored now: Confirm lets it go on,
 * Escape or "Back to editing" ends it with the form untouched. `open` shows the same review at
 * any time, from the form's values and the cached server version (no request).
 */
export function useSaveReview() {
  const [open, setOpen] = useState<Open | null>(null);
  // "Review changes" clicked while the review's code is still downloading.
  const [opening, setOpening] = useState(false);
  const pending = useRef<Open | null>(null);
  const { notify } = useToast();

  const finish = useCallback((confirmed: boolean) => {
    pending.current?.decide?.(confirmed);
    pending.current = null;
    setOpen(null);
  }, []);

  // A failed download rejects, and the save flow reports it as a save that did not happen.
  const beforeCommit = useCallback(({ current, values, document }: PendingCommit) => {
    if (current.status !== 'Published') return true;
    return loadReview().then(
      (review) =>
        new Promise<boolean>((decide) => {
          const candidate = review.candidateVersion(current, values, document);
          const next = { review, changes: review.compareVersions(current, candidate), current, decide };
          pending.current = next;
          setOpen(next);
        }),
    );
  }, []);

  const show = useCallback(
    (current: WalletPass, values: PassFormValues) => {
      setOpening(true);
      loadReview()
        .then((review) => {
          const next = {
            review,
            changes: review.compareVersions(current, review.candidateVersion(current, values)),
            current,
          };
          pending.current = next;
          setOpen(next);
        })
        .catch((error: unknown) =>
          notify({ tone: 'danger', title: 'The review could not open', message: describeError(error) }),
        )
        .finally(() => setOpening(false));
    },
    [notify],
  );

  // Ctrl/Cmd+S while the review is up confirms it rather than starting a second save.
  useEffect(() => {
    if (!open?.decide) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
        event.preventDefault();
        event.stopImmediatePropagation();
        if (open.changes.count > 0) finish(true);
      }
    };
    document.addEventListener('keydown', onKeyDown, true);
    return () => document.removeEventListener('keydown', onKeyDown, true);
  }, [open, finish]);

  // An editor closed mid-review ends that save.
  useEffect(() => () => pending.current?.decide?.(false), []);

  const dialog = open ? (
    <open.review.ReviewDialog
      open
      onClose={() => finish(false)}
      onConfirm={open.decide ? () => finish(true) : undefined}
      changes={open.changes}
      reach={reachOf(open.current)}
      published={open.current.status === 'Published'}
    />
  ) : opening ? (
    <LoadingOverlay label="Opening the review…" />
  ) : null;

  return { beforeCommit, show, dialog };
}
