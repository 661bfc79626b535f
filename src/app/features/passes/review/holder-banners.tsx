import type { HolderBanner } from './pass-changes';

/** The lock-screen banners a save produces on iPhones holding the pass. */
export function HolderBanners({ banners }: { banners: readonly HolderBanner[] }) {
  if (banners.length === 0) {
    return (
      <p className="text-sm text-ink-muted">
        No change shows a notification: holders&apos; passes update quietly in their wallets.
      </p>
    );
  }
  return (
    <div className="space-y-2">
      <ul aria-label="Lock-screen banners" className="space-y-2">
        {banners.map((banner) => (
          <li
            key={banner.field}
            className="flex gap-2.5 rounded-2xl bg-[linear-gradient(160deg,#1B2A4A,#3B3563)] p-2.5 text-left"
          >
            <span aria-hidden="true" className="mt-0.5 size-7 shrink-0 rounded-md bg-white/90" />
            <span className="min-w-0 flex-1 rounded-xl bg-white/95 px-3 py-2 text-black">
              <span className="block truncate text-[13px] font-semibold">{banner.title}</span>
              <span className="block text-[13px] break-words">{banner.body}</span>
              <span className="mt-0.5 block text-xs text-black/60">From the {lowerFirst(banner.field)}</span>
            </span>
          </li>
        ))}
      </ul>
      {banners.length > 1 ? (
        <p className="text-sm text-ink-muted">
          When several of these change at once, iOS shows one generic banner for the pass instead of each message.
        </p>
      ) : null}
    </div>
  );
}

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);
