import { useCallback, useEffect, useRef, useState } from 'react';
import type { WalletPass } from '../../../../contract/schemas';
import type { PendingCommit } from '../api/use-save-pass-flow';
import type { PassFormValues } from '../model/form-model';
import { candidateVersion } from './candidate';
import { type PassChanges, compareVersions } from './pass-changes';
import { ReviewDialog } from './review-dialog';

interface Open {
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
  const pending = useRef<Open | null>(null);

  const finish = useCallback((confirmed: boolean) => {
    pending.current?.decide?.(confirmed);
    pending.current = null;
    setOpen(null);
  }, []);

  const beforeCommit = useCallback(({ current, values, document }: PendingCommit) => {
    if (current.status !== 'Published') return true;
    return new Promise<boolean>((decide) => {
      const next = { changes: compareVersions(current, candidateVersion(current, values, document)), current, decide };
      pending.current = next;
      setOpen(next);
    });
  }, []);

  const show = useCallback((current: WalletPass, values: PassFormValues) => {
    const next = { changes: compareVersions(current, candidateVersion(current, values)), current };
    pending.current = next;
    setOpen(next);
  }, []);

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
    <ReviewDialog
      open
      onClose={() => finish(false)}
      onConfirm={open.decide ? () => finish(true) : undefined}
      changes={open.changes}
      reach={reachOf(open.current)}
      published={open.current.status === 'Published'}
    />
  ) : null;

  return { beforeCommit, show, dialog };
}
