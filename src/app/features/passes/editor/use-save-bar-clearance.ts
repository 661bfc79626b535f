import { type RefObject, useLayoutEffect } from 'react';

/**
 * Keeps `--save-bar-clearance` (read by `scroll-padding-bottom` in styles.css) at the fixed save
 * bar's height plus a margin: the bar wraps to two or three lines on a phone, and a control that
 * gets keyboard focus must scroll clear of it whatever its height.
 */
export function useSaveBarClearance(ref: RefObject<HTMLElement | null>) {
  useLayoutEffect(() => {
    const bar = ref.current;
    if (!bar) return undefined;
    const root = document.documentElement;
    const update = () => root.style.setProperty('--save-bar-clearance', `${bar.offsetHeight + 16}px`);
    update();
    // Test environments without ResizeObserver keep the first measure.
    const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(update) : undefined;
    observer?.observe(bar);
    return () => {
      observer?.disconnect();
      root.style.removeProperty('--save-bar-clearance');
    };
  }, [ref]);
}
