/**
 * Makes the sandbox feel alive: while it runs, Published passes gain (and lose a few) installs
 * every interval, so the dashboard's counters move. The step itself is `store.tickInstalls`, which
 * tests call directly with a seeded random source.
 */
import type { Logger } from './logger';
import type { SandboxStore } from './store/sandbox-store';

/** Starts the timer; returns a function that stops it. The timer never keeps the process alive. */
export function startInstallSimulation(store: SandboxStore, intervalMs: number, logger: Logger): () => void {
  const timer = setInterval(() => {
    if (!store.isOpen) return;
    try {
      const moved = store.tickInstalls();
      logger.debug('simulated installs', { passes: moved });
    } catch (error) {
      logger.warn('install simulation failed', { error: error instanceof Error ? error.message : String(error) });
    }
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
