import { useEffect, useState } from 'react';

/**
 * True once `element` has come within `margin` of the viewport, and from then on. For work that
 * is only worth doing when it can be seen (a chart and its library below the fold). Pass the
 * element from a callback ref (state), so an element that mounts later is observed too. Where
 * IntersectionObserver is missing the answer is true at once.
 */
export function useNearViewport(element: Element | null, margin = '200px'): boolean {
  const [near, setNear] = useState(() => typeof IntersectionObserver === 'undefined');
  useEffect(() => {
    if (near || !element) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) setNear(true);
      },
      { rootMargin: margin },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [element, margin, near]);
  return near;
}
