import { type ReactNode, memo, useState } from 'react';
import { cx } from '../../../lib/cx';
import { type AppleSide, ApplePassPreview } from './apple-pass-preview';
import { type GoogleSide, GooglePassPreview } from './google-pass-preview';
import { LockScreenPreview } from './lock-screen-preview';
import type { PreviewPass } from './preview-input';
import type { SelectFieldHandler } from './selectable';

interface PassPreviewPanelProps {
  pass: PreviewPass;
  onSelectField?: SelectFieldHandler;
  /** Narrow layout: one preview at a time, picked with a platform switch. */
  compact?: boolean;
}

interface SegmentedProps<T extends string> {
  label: string;
  options: readonly { value: T; label: string }[];
  value: T;
  onChange: (value: T) => void;
}

function Segmented<T extends string>({ label, options, value, onChange }: SegmentedProps<T>) {
  return (
    <div
      role="group"
      aria-label={label}
      className="inline-flex rounded-lg bg-surface-sunken p-0.5 ring-1 ring-surface-border"
    >
      {options.map((option) => {
        const pressed = option.value === value;
        return (
          <button
            key={option.value}
            type="button"
            aria-pressed={pressed}
            onClick={() => onChange(option.value)}
            className={cx(
              'h-7 cursor-pointer rounded-md px-2.5 text-xs font-medium transition-colors',
              pressed ? 'bg-surface text-ink shadow-card' : 'text-ink-muted hover:text-ink',
            )}
          >
            {option.label}
          </button>
        );
      })}
    </div>
  );
}

const APPLE_SIDES = [
  { value: 'front', label: 'Front' },
  { value: 'back', label: 'Back' },
  { value: 'stacked', label: 'Stacked' },
] as const;
const GOOGLE_SIDES = [
  { value: 'front', label: 'Front' },
  { value: 'details', label: 'Details' },
] as const;
const PLATFORMS = [
  { value: 'apple', label: 'Apple' },
  { value: 'google', label: 'Google' },
  { value: 'lock', label: 'Lock screen' },
] as const;
type Platform = (typeof PLATFORMS)[number]['value'];

function PreviewSection({
  label,
  title,
  controls,
  children,
}: {
  label: string;
  title: string;
  controls?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section aria-label={label} className="min-w-0 space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 className="text-sm font-semibold text-ink">{title}</h3>
        {controls}
      </div>
      <div className="flex justify-center-safe overflow-x-auto rounded-card bg-surface-sunken px-3 py-5">
        {children}
      </div>
    </section>
  );
}

export const PassPreviewPanel = memo(function PassPreviewPanel({
  pass,
  onSelectField,
  compact = false,
}: PassPreviewPanelProps) {
  const [appleSide, setAppleSide] = useState<AppleSide>('front');
  const [googleSide, setGoogleSide] = useState<GoogleSide>('front');
  const [platform, setPlatform] = useState<Platform>('apple');

  const apple = (
    <PreviewSection
      label="Apple Wallet preview"
      title="Apple Wallet"
      controls={<Segmented label="Apple Wallet side" options={APPLE_SIDES} value={appleSide} onChange={setAppleSide} />}
    >
      <ApplePassPreview pass={pass} side={appleSide} onSelectField={onSelectField} />
    </PreviewSection>
  );
  const google = (
    <PreviewSection
      label="Google Wallet preview"
      title="Google Wallet"
      controls={
        <Segmented label="Google Wallet side" options={GOOGLE_SIDES} value={googleSide} onChange={setGoogleSide} />
      }
    >
      <GooglePassPreview pass={pass} side={googleSide} onSelectField={onSelectField} />
    </PreviewSection>
  );
  const lock = (
    <PreviewSection label="Lock screen preview" title="Lock screen (iPhone)">
      <LockScreenPreview pass={pass} onSelectField={onSelectField} />
    </PreviewSection>
  );

  return (
    <div className="@container space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 className="text-base font-semibold text-ink">Preview</h2>
        {compact ? (
          <Segmented label="Preview platform" options={PLATFORMS} value={platform} onChange={setPlatform} />
        ) : null}
      </div>
      {compact ? (
        <>
          {platform === 'apple' ? apple : null}
          {platform === 'google' ? google : null}
          {platform === 'lock' ? lock : null}
        </>
      ) : (
        <>
          {/* Side by side when the panel itself is wide enough, whatever the window. */}
          <div className="grid gap-6 @min-[700px]:grid-cols-2">
            {apple}
            {google}
          </div>
          {lock}
        </>
      )}
      {onSelectField ? <p className="text-xs text-ink-subtle">Click a part of a pass to edit it.</p> : null}
    </div>
  );
});
