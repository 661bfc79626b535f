import { memo, useMemo } from 'react';
import { toLockScreenPreview } from './lock-screen-model';
import type { PreviewPass } from './preview-input';
import { APPLE_FONT, type SelectFieldHandler, Selectable } from './selectable';

interface LockScreenPreviewProps {
  pass: PreviewPass;
  /** Optional: clicking the banner or location card reports the form path of its text. */
  onSelectField?: SelectFieldHandler;
}

/** The pass icon as iOS draws it in banners (29 pt, rounded); a Wallet-like tile when missing. */
function PassIcon({ url }: { url: string | null }) {
  if (url) return <img src={url} alt="" className="size-[34px] shrink-0 rounded-[8px] bg-white object-cover" />;
  return (
    <span
      aria-hidden="true"
      className="flex size-[34px] shrink-0 flex-col justify-center gap-[2px] rounded-[8px] bg-black px-[6px]"
    >
      <span className="h-[5px] rounded-[2px] bg-[#2FA3F7]" />
      <span className="h-[5px] rounded-[2px] bg-[#FFB340]" />
      <span className="h-[5px] rounded-[2px] bg-[#FF5E57]" />
    </span>
  );
}

function Banner({
  iconUrl,
  title,
  body,
  caption,
}: {
  iconUrl: string | null;
  title: string;
  body: string;
  caption: string;
}) {
  return (
    <span className="flex gap-2.5 rounded-[20px] bg-white/90 p-3 text-left text-black shadow-[0_4px_16px_rgb(0_0_0/0.2)]">
      <PassIcon url={iconUrl} />
      <span className="min-w-0 flex-1">
        <span className="flex items-baseline gap-2">
          <span className="min-w-0 flex-1 truncate text-[14px] leading-[18px] font-semibold">{title || 'Wallet'}</span>
          <span className="shrink-0 text-[12px] text-black/50">{caption}</span>
        </span>
        <span className="line-clamp-3 block text-[14px] leading-[18px] break-words">{body}</span>
      </span>
    </span>
  );
}

/** Fields with a change message: when several change in one update, iOS sends one generic banner. */
function changeMessageCount(pass: PreviewPass): number {
  const meta = pass.passMetadata;
  const fields = [meta?.topField, ...(meta?.secondaryFields ?? []), ...(meta?.backFields ?? [])];
  return fields.filter((field) => typeof field?.changeMessage === 'string' && field.changeMessage.trim()).length;
}

export const LockScreenPreview = memo(function LockScreenPreview({ pass, onSelectField }: LockScreenPreviewProps) {
  const model = useMemo(() => toLockScreenPreview(pass), [pass]);
  const several = useMemo(() => changeMessageCount(pass) > 1, [pass]);
  return (
    <div
      className="relative flex w-[320px] flex-col overflow-hidden rounded-[36px] bg-[linear-gradient(160deg,#1B2A4A_0%,#3B3563_55%,#6B4A6E_100%)] px-3.5 pt-5 pb-6 text-white shadow-[0_8px_24px_-6px_rgb(0_0_0/0.35)] ring-[6px] ring-[#111]"
      style={{ fontFamily: APPLE_FONT, minHeight: 380 }}
      data-testid="lock-screen"
    >
      {/* Fixed time and date: the preview is pure and should not change on its own. */}
      <div aria-hidden="true" className="text-center">
        <div className="text-[15px] font-semibold text-white/85">Tuesday 9 June</div>
        <div className="text-[76px] leading-[1] font-semibold tracking-[-0.02em] text-white/95">9:41</div>
      </div>
      <div className="flex-1" />
      <div className="mt-8 space-y-2">
        {model.notification ? (
          <Selectable
            path={model.notification.path}
            what="change message"
            onSelect={onSelectField}
            className="w-full rounded-[20px]"
          >
            <Banner
              iconUrl={model.iconUrl}
              title={model.notification.title}
              body={model.notification.body}
              caption="now"
            />
          </Selectable>
        ) : (
          <p className="rounded-[16px] bg-white/10 px-3 py-2.5 text-center text-[12px] text-white/75">
            No field has a change message, so updates arrive silently
          </p>
        )}
        {model.notification && several ? (
          <div data-testid="generic-banner">
            <p className="px-1 pb-1 text-[11px] text-white/80">
              If several of these fields change in one update, iOS shows one generic banner instead:
            </p>
            <Banner iconUrl={model.iconUrl} title={model.notification.title} body="Pass updated" caption="now" />
          </div>
        ) : null}
        {model.location ? (
          <Selectable
            path={model.location.path}
            what="location relevant text"
            onSelect={onSelectField}
            className="w-full rounded-[20px]"
          >
            <Banner
              iconUrl={model.iconUrl}
              title={model.location.title}
              body={model.location.text}
              caption={model.location.name ? 'nearby' : 'Wallet'}
            />
          </Selectable>
        ) : (
          <p className="rounded-[16px] bg-white/10 px-3 py-2.5 text-center text-[12px] text-white/75">
            No enabled location with relevant text
          </p>
        )}
      </div>
    </div>
  );
});
