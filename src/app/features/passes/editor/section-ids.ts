import { useEffect } from 'react';

/** The Images section's element id: the publish confirmation leads there, from the list by URL hash. */
export const IMAGES_SECTION_ID = 'section-images';

/**
 * Brings an editor section into view and moves focus to it, so a keyboard or screen-reader user
 * lands where the eye does. Answers false when the section is not on the page (yet).
 */
export function showSection(id: string): boolean {
  const section = document.getElementById(id);
  if (!section) return false;
  section.scrollIntoView({ behavior: 'smooth', block: 'start' });
  if (!section.hasAttribute('tabindex')) section.setAttribute('tabindex', '-1');
  section.focus({ preventScroll: true });
  return true;
}

/**
 * Opens the editor at the section the URL's hash names (`#section-images`), once the sections are
 * mounted (`ready`). The hash is dropped afterwards, so a reload starts at the top again.
 */
export function useSectionFromHash(ready: boolean) {
  useEffect(() => {
    if (!ready) return;
    const id = window.location.hash.slice(1);
    if (!id.startsWith('section-')) return;
    // One frame later: the sections mounted in a transition have laid out by then.
    const frame = requestAnimationFrame(() => {
      if (showSection(id)) {
        window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search);
      }
    });
    return () => cancelAnimationFrame(frame);
  }, [ready]);
}
