/**
 * The editor's place for the "Installs" card. The card, its queries and its charting library load
 * only once the place comes near the screen (the card sits below the preview), so opening the
 * editor never waits for them. Until then the place keeps the card's heading and height.
 */
import { Suspense, lazy, useId, useState } from 'react';
import { importWhenOnline } from '../../../lib/import-when-online';
import { useNearViewport } from '../../../lib/use-near-viewport';

const PassInstalls = lazy(() => importWhenOnline(() => import('../../installs/pass-installs'), 'The installs chart'));

export function PassInstallsSlot(props: { workspaceId: string; passId: string; passName: string }) {
  const [place, setPlace] = useState<HTMLElement | null>(null);
  const near = useNearViewport(place);
  const headingId = useId();
  const placeholder = (
    <section
      ref={setPlace}
      aria-labelledby={headingId}
      aria-busy="true"
      className="min-h-80 rounded-card border border-surface-border bg-surface p-5 shadow-card"
    >
      <h2 id={headingId} className="text-base font-semibold text-ink">
        Installs
      </h2>
      <p className="mt-0.5 text-xs text-ink-muted">Loading the counts over time…</p>
    </section>
  );
  return near ? (
    <Suspense fallback={placeholder}>
      <PassInstalls {...props} />
    </Suspense>
  ) : (
    placeholder
  );
}
