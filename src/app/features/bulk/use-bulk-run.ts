import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useConnection } from '../../lib/connection';
import { passQueries } from '../passes/api/pass-queries';
import { type ItemState, type TaskOutcome, runBulk } from './bulk-runner';

export type RunPhase = 'idle' | 'running' | 'cancelling' | 'finished';

/**
 * A bulk run and its reruns (of failed or not started items), with every item's state for the
 * progress view. When a run ends, everything cached about the workspace's passes is refreshed
 * once (lists, totals, details, versions, recently deleted), not after every pass.
 */
export function useBulkRun<T>(workspaceId: string, task: (item: T) => Promise<TaskOutcome | void>) {
  const { connectionId } = useConnection();
  const queryClient = useQueryClient();
  const [items, setItems] = useState<readonly T[]>([]);
  const [states, setStates] = useState<ItemState[]>([]);
  const [phase, setPhase] = useState<RunPhase>('idle');
  const controller = useRef<AbortController | null>(null);
  const latestTask = useRef(task);
  useEffect(() => {
    latestTask.current = task;
  });
  // Closing the view mid-run (a route change) stops the run as Cancel does.
  useEffect(() => () => controller.current?.abort(), []);

  /** Runs `all` at `indexes` (every one by default); the others keep their state. */
  const run = useCallback(
    async (all: readonly T[], indexes: readonly number[] = all.map((_, i) => i)) => {
      const abort = new AbortController();
      controller.current = abort;
      setItems(all);
      setPhase('running');
      setStates((old) => {
        const next = old.length === all.length ? [...old] : all.map((): ItemState => ({ status: 'pending' }));
        for (const i of indexes) next[i] = { status: 'pending' };
        return next;
      });
      const final = await runBulk({
        items: indexes.map((i) => all[i] as T),
        task: (item) => latestTask.current(item),
        signal: abort.signal,
        onChange: (j, state) =>
          setStates((old) => {
            const next = [...old];
            next[indexes[j] as number] = state;
            return next;
          }),
      });
      controller.current = null;
      setPhase('finished');
      void queryClient.invalidateQueries({ queryKey: passQueries.all(connectionId, workspaceId) });
      return final;
    },
    [queryClient, connectionId, workspaceId],
  );

  const cancel = useCallback(() => {
    if (!controller.current) return;
    controller.current.abort();
    setPhase('cancelling');
  }, []);

  const indexesWith = (status: ItemState['status']) =>
    states.flatMap((state, i) => (state.status === status ? [i] : []));

  return { items, states, phase, run, cancel, indexesWith };
}
