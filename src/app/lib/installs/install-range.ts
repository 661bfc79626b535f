/**
 * The period the list page looks at: its workspace chart and every row's "+124 issued, 7 d" use
 * the same one. Kept for the tab (sessionStorage) and shared without re-rendering the page: only
 * the components that read it update.
 */
import { useSyncExternalStore } from 'react';
import { INSTALL_RANGES } from '../../../contract/install-changes';
import type { InstallRange } from '../../../contract/install-changes';

const STORAGE_KEY = 'pass-studio.installs-range';
const listeners = new Set<() => void>();

function read(): InstallRange {
  try {
    const stored = sessionStorage.getItem(STORAGE_KEY);
    return INSTALL_RANGES.find((r) => r === stored) ?? '7d';
  } catch {
    return '7d';
  }
}

let current: InstallRange | undefined;

export function setListRange(range: InstallRange): void {
  current = range;
  try {
    sessionStorage.setItem(STORAGE_KEY, range);
  } catch {
    // Storage may be unavailable (private mode): the choice still holds for this page.
  }
  for (const listener of listeners) listener();
}

export function useListRange(): InstallRange {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => (current ??= read()),
  );
}

/** "24 h", "7 d": how a range reads next to a figure. */
export const RANGE_LABELS: Record<InstallRange, string> = {
  '24h': '24 h',
  '7d': '7 d',
  '30d': '30 d',
  '90d': '90 d',
  all: 'all time',
};
