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
        <span aria-hidden="true" className="text-xs text-ink-subtle">
          No image
        </span>
      )}
    </span>
  );
}
