/**
 * The pass editor's save flow, owned here from the click to the cache:
 *
 *   save(values)
 *     'offline'    waits for the connection
 *     'checking'   reads the stored pass (no ETag in the Passport API: its `updatedTime` is compared
 *                  with the version the edit started from); 'retrying' while a transient failure waits
 *     unchanged  → commit
 *     changed    → 'conflict': `conflict` holds what each side changed; resolve() goes on
 *   resolve({ kind: 'theirs' })           nothing is written; the base and the cache move to the stored version
 *   resolve({ kind: 'mine' | 'merge' })   `onRebase` shows the kept values over the stored version, then commit
 *   dismiss()                             closes the conflict; nothing is written
 *   commit
 *     'reviewing'  while `beforeCommit` (optional) decides; false ends the save without writing
 *     'saving'     PATCH with the whole document, the location calls, a fresh read; the detail
 *                  cache gets the saved pass and the lists refresh ('retrying' while a retry waits)
 *
 * save() and resolve() resolve with a SaveOutcome for the editor to show (form reset, toasts,
 * field errors). The base (the stored version the form's edit started from) only moves together
 * with the query cache's detail entry, so what reads the cache (header, draft offer, read-only
 * panel) shows the version the form is based on after every path.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { WalletPass } from '../../../../contract/schemas';
import type { UpdatePassRequest } from '../../../../contract/input-schemas';
import { describeError } from '../../../lib/api-error';
import { useConnection } from '../../../lib/connection';
import { type RetryOptions, withRetry } from '../../../lib/retry';
import { whenOnline } from '../../../lib/use-online';
import { clearDraft } from '../model/draft-storage';
import { type PassFormValues, diffLocations, toFormValues, toSaveDocument } from '../model/form-model';
import { type Choice, type ThreeWayDiff, diffThreeWay, mergeValues } from '../model/merge';
import { fetchPass, passQueries } from './pass-queries';
import { type SaveResult, useSavePass } from './use-save-pass';

export type SavePhase = 'idle' | 'offline' | 'checking' | 'conflict' | 'reviewing' | 'saving' | 'retrying';

interface SaveConflict {
  /** The pass as stored now. */
  current: WalletPass;
  /** The user's values when they pressed Save. */
  values: PassFormValues;
  /** The stored pass as form values. */
  theirs: PassFormValues;
  diff: ThreeWayDiff;
}

export type ConflictResolution =
  { kind: 'mine' } | { kind: 'theirs' } | { kind: 'merge'; choices: Record<string, Choice> };

/** What is about to be written; `beforeCommit` may look at it (a review step) and say no. */
export interface PendingCommit {
  /** The pass as stored now, which the save overwrites. */
  current: WalletPass;
  values: PassFormValues;
  document: UpdatePassRequest;
}

export type SaveOutcome =
  | ({ kind: 'saved'; values: PassFormValues } & SaveResult)
  | { kind: 'took-theirs'; pass: WalletPass; values: PassFormValues }
  | { kind: 'conflict' }
  | { kind: 'cancelled' }
  | { kind: 'failed'; error: unknown; uploadInfoList?: unknown };

interface SavePassFlowOptions {
  workspaceId: string;
  /** The pass as the editor opened it: the first base. */
  pass: WalletPass;
  /** A new location exists: the form records its id so a retried save never creates it twice. */
  onLocationCreated?: (index: number, id: string) => void;
  /** Keep mine or merge: show `values` as the edit over `theirs`, the version now stored. */
  onRebase?: (theirs: PassFormValues, values: PassFormValues) => void;
  /** Runs before anything is written; resolve false to stop the save (phase 'reviewing' meanwhile). */
  beforeCommit?: (pending: PendingCommit) => boolean | Promise<boolean>;
}

export function useSavePassFlow(options: SavePassFlowOptions) {
  const { workspaceId } = options;
  const { client, connectionId } = useConnection();
  const queryClient = useQueryClient();
  const mutation = useSavePass(workspaceId);
  const { mutateAsync } = mutation;
  const [phase, setPhase] = useState<SavePhase>('idle');
  const [retryMessage, setRetryMessage] = useState<string | null>(null);
  const [conflict, setConflict] = useState<SaveConflict | null>(null);
  const base = useRef(options.pass);
  // Callbacks change with every render of the editor; the flow always calls the latest ones.
  const latest = useRef(options);
  useEffect(() => {
    latest.current = options;
  });

  const moveBase = useCallback(
    (pass: WalletPass) => {
      base.current = pass;
      queryClient.setQueryData(passQueries.detail(client, connectionId, workspaceId, pass.id).queryKey, pass);
      // The studio recorded this version as it passed through: the history shows it next time.
      void queryClient.invalidateQueries({
        queryKey: passQueries.versions(connectionId, workspaceId, pass.id),
        exact: true,
      });
    },
    [queryClient, client, connectionId, workspaceId],
  );

  const announceRetry = useCallback<NonNullable<RetryOptions['onRetry']>>(({ attempt, delayMs, error }) => {
    setPhase('retrying');
    setRetryMessage(
      `${describeError(error)} Trying again in ${Math.max(1, Math.round(delayMs / 1000))} s (attempt ${attempt + 1}).`,
    );
  }, []);

  const settle = useCallback((outcome: SaveOutcome): SaveOutcome => {
    setPhase(outcome.kind === 'conflict' ? 'conflict' : 'idle');
    setRetryMessage(null);
    return outcome;
  }, []);

  /** Writes `values` over `current` (the pass as stored right now). */
  const commit = useCallback(
    async (current: WalletPass, values: PassFormValues): Promise<SaveOutcome> => {
      const document = toSaveDocument(current, values);
      if (current.status === 'Draft' || current.status === 'Published') document.status = current.status;
      else delete document.status;
      const { beforeCommit, onLocationCreated } = latest.current;
      if (beforeCommit) {
        setPhase('reviewing');
        if (!(await beforeCommit({ current, values, document }))) return settle({ kind: 'cancelled' });
      }
      setPhase('saving');
      try {
        const result = await mutateAsync({
          passId: current.id,
          document,
          // Against the stored locations, so a retried save never repeats what already went through.
          locations: diffLocations(current, values.locations),
          onRetry: announceRetry,
          ...(onLocationCreated ? { onLocationCreated } : {}),
        });
        base.current = result.pass;
        if (result.locationErrors.length === 0) clearDraft(workspaceId, result.pass.id);
        return settle({ kind: 'saved', values, ...result });
      } catch (error) {
        return settle({ kind: 'failed', error, uploadInfoList: document.uploadInfoList });
      }
    },
    [mutateAsync, announceRetry, settle, workspaceId],
  );

  const save = useCallback(
    async (values: PassFormValues): Promise<SaveOutcome> => {
      try {
        if (!navigator.onLine) {
          setPhase('offline');
          await whenOnline();
        }
        setPhase('checking');
        const passId = base.current.id;
        const current = await withRetry(() => fetchPass(client, workspaceId, passId), { onRetry: announceRetry });
        if (current.updatedTime !== base.current.updatedTime) {
          const theirs = toFormValues(current);
          const diff = diffThreeWay(toFormValues(base.current), values, theirs);
          setConflict({ current, values, theirs, diff });
          return settle({ kind: 'conflict' });
        }
        return await commit(current, values);
      } catch (error) {
        return settle({ kind: 'failed', error });
      }
    },
    [client, workspaceId, announceRetry, commit, settle],
  );

  const resolve = useCallback(
    async (resolution: ConflictResolution): Promise<SaveOutcome> => {
      const pending = conflict;
      setConflict(null);
      if (!pending) return settle({ kind: 'cancelled' });
      const { current, values, theirs, diff } = pending;
      moveBase(current);
      if (resolution.kind === 'theirs') {
        clearDraft(workspaceId, current.id);
        return settle({ kind: 'took-theirs', pass: current, values: theirs });
      }
      const kept = mergeValues(values, theirs, diff, resolution.kind === 'merge' ? resolution.choices : {});
      latest.current.onRebase?.(theirs, kept);
      return commit(current, kept);
    },
    [conflict, moveBase, commit, settle, workspaceId],
  );

  const dismiss = useCallback(() => {
    setConflict(null);
    settle({ kind: 'cancelled' });
  }, [settle]);

  return {
    phase,
    /** Set while phase is 'retrying': what failed and when the next try starts. */
    retryMessage,
    /** Set while phase is 'conflict'. */
    conflict,
    /** The stored version the form's edit started from (for drafts and discards). */
    base,
    save,
    resolve,
    dismiss,
  };
}
