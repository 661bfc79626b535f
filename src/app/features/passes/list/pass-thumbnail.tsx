import type { WalletPass } from '../../../../contract/schemas';

/** The pass's logo on its own background colour (or its strip), as a marketer recognises it. */
export function PassThumbnail({ pass }: { pass: WalletPass }) {
  const images = pass.uploadInfoList ?? [];
  const logo = images.find((i) => i.fileName === 'logo.png')?.url;
  const strip = images.find((i) => i.fileName === 'strip.png')?.url;
  const background = pass.passMetadata?.backgroundColor ?? undefined;
  const src = logo ?? strip;
  return (
    <span
      className="flex h-10 w-16 shrink-0 items-center justify-center overflow-hidden rounded-md border border-surface-border bg-surface-sunken"
      style={background ? { backgroundColor: background } : undefined}
    >
      {src ? (
        <img
          src={src}
          alt=""
          loading="lazy"
          decoding="async"
          className={logo ? 'max-h-8 max-w-14 object-contain' : 'h-full w-full object-cover'}
        />
      ) : (
        // A plain card shape: text here would sit on the pass's own colour, whatever its contrast.
        <svg aria-hidden="true" viewBox="0 0 24 24" className="size-5 text-white/80 mix-blend-difference">
          <rect x="3" y="5" width="18" height="14" rx="3" fill="none" stroke="currentColor" strokeWidth="1.6" />
          <path d="M3 10h18" stroke="currentColor" strokeWidth="1.6" />
        </svg>
      )}
    </span>
  );
}
