import { memo, useLayoutEffect, useRef } from 'react';
import type { WalletPass } from '../../../contract/schemas';

/** San Francisco where the system has it, the closest system faces elsewhere. */
const APPLE_FONT = '-apple-system, BlinkMacSystemFont, "SF Pro Text", "Helvetica Neue", Helvetica, Arial, sans-serif';
const ANDROID_FONT = 'Roboto, "Google Sans", "Segoe UI", Arial, sans-serif';

/** iOS shows at most this many lines of a banner's text on the lock screen, then an ellipsis. */
export const LOCK_SCREEN_LINES = 4;

export interface PreviewFacts {
  /** Title of the Apple banner: the pass's notification header, else its organisation. */
  title: string;
  organization: string;
  passName: string;
  iconUrl: string | null;
  logoUrl: string | null;
  background: string;
}

export function previewFacts(pass: WalletPass | undefined): PreviewFacts {
  const meta = pass?.passMetadata;
  const organization = meta?.organizationName?.trim() || pass?.passName?.trim() || 'Your brand';
  const image = (name: string) => pass?.uploadInfoList?.find((u) => u.fileName === name)?.url ?? null;
  return {
    title: pass?.notificationHeader?.trim() || organization,
    organization,
    passName: pass?.passName?.trim() || 'Untitled pass',
    iconUrl: image('icon.png'),
    logoUrl: image('logo.png'),
    background: meta?.backgroundColor || '#1F3068',
  };
}

function PassIcon({ url }: { url: string | null }) {
  if (url) return <img src={url} alt="" className="size-[38px] shrink-0 rounded-[9px] bg-white object-cover" />;
  return (
    <span
      aria-hidden="true"
      className="flex size-[38px] shrink-0 flex-col justify-center gap-[2px] rounded-[9px] bg-black px-[7px]"
    >
      <span className="h-[5px] rounded-[2px] bg-[#2FA3F7]" />
      <span className="h-[5px] rounded-[2px] bg-[#FFB340]" />
      <span className="h-[5px] rounded-[2px] bg-[#FF5E57]" />
    </span>
  );
}

/**
 * The banner as it arrives on an iPhone's lock screen: the pass's icon, the title on one line,
 * "now", and at most four lines of the message. `onTruncated` reports whether the message is
 * cut there, measured on the rendered banner.
 */
export const AppleLockScreenPreview = memo(function AppleLockScreenPreview({
  facts,
  message,
  onTruncated,
}: {
  facts: PreviewFacts;
  message: string;
  onTruncated?: (truncated: boolean) => void;
}) {
  const bodyRef = useRef<HTMLSpanElement>(null);
  useLayoutEffect(() => {
    const body = bodyRef.current;
    if (body) onTruncated?.(body.scrollHeight > body.clientHeight + 1);
  }, [message, facts.title, onTruncated]);
  return (
    <figure className="m-0">
      <div
        className="relative flex h-[360px] w-[300px] max-w-full flex-col overflow-hidden rounded-[40px] bg-[linear-gradient(160deg,#1B2A4A_0%,#3B3563_55%,#6B4A6E_100%)] px-3 pt-6 pb-5 text-white shadow-[0_8px_24px_-6px_rgb(0_0_0/0.35)] ring-[6px] ring-[#111]"
        style={{ fontFamily: APPLE_FONT }}
        data-testid="apple-lock-screen"
      >
        {/* A fixed time: the preview must not change on its own. */}
        <div aria-hidden="true" className="text-center">
          <div className="text-[14px] font-semibold text-white/85">Tuesday 9 June</div>
          <div className="text-[68px] leading-none font-semibold tracking-[-0.02em] text-white/95">9:41</div>
        </div>
        <div className="flex-1" />
        <div
          className="flex gap-2.5 rounded-[20px] bg-white/90 p-3 text-left text-black shadow-[0_4px_16px_rgb(0_0_0/0.2)]"
          data-testid="apple-banner"
        >
          <PassIcon url={facts.iconUrl} />
          <span className="min-w-0 flex-1">
            <span className="flex items-baseline gap-2">
              <span className="min-w-0 flex-1 truncate text-[15px] leading-[20px] font-semibold">{facts.title}</span>
              <span className="shrink-0 text-[13px] text-black/50">now</span>
            </span>
            <span
              ref={bodyRef}
              className="line-clamp-4 text-[15px] leading-[20px] break-words whitespace-pre-line"
              data-testid="apple-banner-message"
            >
              {message.trim() || 'Your message appears here'}
            </span>
          </span>
        </div>
      </div>
      <figcaption className="mt-2 text-center text-xs text-ink-subtle">Apple: lock screen banner</figcaption>
    </figure>
  );
});

/**
 * Google: its own notification wording (the message is not in the push), and the message in full
 * on the pass's details.
 */
export const GoogleMessagePreview = memo(function GoogleMessagePreview({
  facts,
  message,
}: {
  facts: PreviewFacts;
  message: string;
}) {
  return (
    <figure className="m-0">
      <div
        className="w-[300px] max-w-full space-y-3 rounded-[28px] bg-[#F1F3F4] p-3 text-[#202124] ring-[6px] ring-[#202124]"
        style={{ fontFamily: ANDROID_FONT }}
        data-testid="google-preview"
      >
        <div className="rounded-[18px] bg-white px-3 py-2.5 shadow-sm">
          <div className="flex items-center gap-1.5 text-[12px] text-[#5F6368]">
            <span aria-hidden="true" className="size-3 rounded-full bg-google" />
            Google Wallet · now
          </div>
          <div className="mt-0.5 truncate text-[14px] font-medium">{facts.organization}</div>
          <div className="text-[13px] text-[#3C4043]">New message on your pass</div>
        </div>
        <div className="overflow-hidden rounded-[18px] bg-white shadow-sm">
          <div className="flex items-center gap-2 px-3 py-2.5 text-white" style={{ background: facts.background }}>
            {facts.logoUrl ? (
              <img src={facts.logoUrl} alt="" className="size-7 shrink-0 rounded-full bg-white object-cover" />
            ) : (
              <span aria-hidden="true" className="size-7 shrink-0 rounded-full bg-white/30" />
            )}
            <span className="truncate text-[14px] font-medium">{facts.passName}</span>
          </div>
          <div className="px-3 py-3">
            <div className="text-[11px] font-medium tracking-wide text-[#5F6368] uppercase">Latest message</div>
            <p
              className="mt-1 max-h-48 overflow-y-auto text-[14px] leading-[20px] break-words whitespace-pre-line"
              data-testid="google-message"
            >
              {message.trim() || 'Your message appears here'}
            </p>
          </div>
        </div>
      </div>
      <figcaption className="mt-2 text-center text-xs text-ink-subtle">
        Google: notification and pass details
      </figcaption>
    </figure>
  );
});
