import { type RefObject, useLayoutEffect, useState } from 'react';

export interface RowWindow {
  /** First and last index rendered (the screen plus the overscan); last < first when none. */
  first: number;
  last: number;
  /** First and last index on screen. */
  firstVisible: number;
  lastVisible: number;
}

const EMPTY: RowWindow = { first: 0, last: -1, firstVisible: 0, lastVisible: -1 };

function sameWindow(a: RowWindow, b: RowWindow): boolean {
  return (
    a.first === b.first && a.last === b.last && a.firstVisible === b.firstVisible && a.lastVisible === b.lastVisible
  );
}

/**
 * Which rows of fixed height (`--row-h` on `startRef`'s element, else `rowHeight`) starting at `startRef` are on screen in the page's own
 * scroll, plus `overscan` rows either side. Recomputed on scroll, resize and layout changes (once
 * per frame) and when the count changes; a new window re-renders, a scroll within the same rows does not.
 *
 * Rows of one fixed height make this arithmetic, with nothing to measure; a general virtualiser
 * (measured rows, scroll containers, lanes) costs 4–10 KB gzip, most of the list route's budget.
 */
export function useWindowRows(
  startRef: RefObject<HTMLElement | null>,
  count: number,
  rowHeight: number,
  overscan: number,
): RowWindow {
  const [range, setRange] = useState<RowWindow>(EMPTY);

  useLayoutEffect(() => {
    let frame = 0;
    const compute = () => {
      frame = 0;
      const start = startRef.current;
      if (!start || count === 0) {
        setRange((old) => (sameWindow(old, EMPTY) ? old : EMPTY));
        return;
      }
      // The layout may set its own row height (the list's cards on a phone): `--row-h` on `start`.
      const height = parseFloat(getComputedStyle(start).getPropertyValue('--row-h')) || rowHeight;
      const top = start.getBoundingClientRect().top;
      const firstVisible = Math.min(count - 1, Math.max(0, Math.floor(-top / height)));
      const lastVisible = Math.min(count - 1, Math.max(0, Math.ceil((window.innerHeight - top) / height) - 1));
      const next: RowWindow = {
        first: Math.max(0, firstVisible - overscan),
        last: Math.min(count - 1, lastVisible + overscan),
        firstVisible,
        lastVisible,
      };
      setRange((old) => (sameWindow(old, next) ? old : next));
    };
    const schedule = () => {
      frame ||= window.requestAnimationFrame(compute);
    };
    compute();
    window.addEventListener('scroll', schedule, { passive: true });
    window.addEventListener('resize', schedule);
    // Content above the rows (totals, alerts) may change size without any scroll.
    const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(schedule) : undefined;
    observer?.observe(document.body);
    return () => {
      observer?.disconnect();
      window.cancelAnimationFrame(frame);
      window.removeEventListener('scroll', schedule);
      window.removeEventListener('resize', schedule);
    };
  }, [startRef, count, rowHeight, overscan]);

  return range;
}
