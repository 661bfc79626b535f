import { memo, useMemo } from 'react';
import { cx } from '../../../lib/cx';
import { APPLE_IMAGE_POINTS, APPLE_MAX_SECONDARY } from '../../../../contract/wallet-rules';
import {
  type ApplePreviewModel,
  type PreviewBackFieldModel,
  type PreviewFieldModel,
  toApplePreview,
} from './preview-model';
import { type PreviewPass, previewPaths } from './preview-input';
import { QrBlock } from './qr-block';
import { APPLE_FONT, EditLinkButton, PreviewLinkText, type SelectFieldHandler, Selectable } from './selectable';

export type AppleSide = 'front' | 'back' | 'stacked';

interface ApplePassPreviewProps {
  pass: PreviewPass;
  side: AppleSide;
  onSelectField?: SelectFieldHandler;
}

/**
 * Apple Wallet store card at 320 px wide. Apple lays passes out on a 375 pt grid (a store card's
 * strip is 375 × 144 pt), so point sizes below are scaled by 320 / 375.
 */
const CARD_WIDTH = 320;
const SCALE = CARD_WIDTH / 375;
const LOGO_MAX = {
  width: Math.round(160 * SCALE),
  height: Math.round(50 * SCALE),
};
const IOS_BLUE = '#007AFF';

const cardShell =
  'relative overflow-hidden rounded-[14px] shadow-[0_1px_2px_rgb(0_0_0/0.12),0_8px_24px_-6px_rgb(0_0_0/0.28)]';

export const ApplePassPreview = memo(function ApplePassPreview({ pass, side, onSelectField }: ApplePassPreviewProps) {
  const model = useMemo(() => toApplePreview(pass), [pass]);
  return (
    <div className="flex flex-col items-center gap-3" style={{ fontFamily: APPLE_FONT }}>
      {side === 'front' ? <AppleFront model={model} onSelect={onSelectField} /> : null}
      {side === 'back' ? <AppleBack model={model} onSelect={onSelectField} /> : null}
      {side === 'stacked' ? <AppleStacked model={model} onSelect={onSelectField} /> : null}
      <AppleNotes model={model} side={side} />
    </div>
  );
});

interface PartProps {
  model: ApplePreviewModel;
  onSelect?: SelectFieldHandler | undefined;
}

function TopBand({ model, onSelect }: PartProps) {
  const { logoUrl, organizationName, headerField, labelColor, foregroundColor } = model;
  return (
    <div className="flex min-h-[58px] items-center gap-2 px-3 pt-2.5 pb-2">
      {logoUrl ? (
        <Selectable path={previewPaths.image('logo.png')} what="logo" onSelect={onSelect} className="shrink-0">
          <img
            src={logoUrl}
            alt={organizationName ? `${organizationName} logo` : 'Logo'}
            className="block object-contain object-left"
            style={{ maxWidth: LOGO_MAX.width, maxHeight: LOGO_MAX.height }}
          />
        </Selectable>
      ) : onSelect ? (
        <Selectable path={previewPaths.image('logo.png')} what="logo" onSelect={onSelect} className="shrink-0">
          <span
            className="flex h-8 w-11 items-center justify-center rounded-[5px] border border-dashed border-current text-[9px] font-semibold uppercase opacity-50"
            style={{ color: foregroundColor }}
          >
            Logo
          </span>
        </Selectable>
      ) : null}
      <Selectable
        path={previewPaths.organizationName}
        what="organisation name"
        onSelect={onSelect}
        className="min-w-0 flex-1"
      >
        <span
          className="block truncate text-[15px] leading-tight font-semibold tracking-[-0.01em]"
          style={{ color: foregroundColor }}
        >
          {organizationName}
        </span>
      </Selectable>
      {headerField ? (
        <Selectable
          path={headerField.path}
          what="top field"
          onSelect={onSelect}
          align="right"
          className="max-w-[48%] min-w-0 shrink-0"
        >
          <FieldText
            field={headerField}
            labelColor={labelColor}
            foregroundColor={foregroundColor}
            valueClassName="block truncate text-[19px] leading-[1.15] font-normal tracking-[-0.01em]"
          />
        </Selectable>
      ) : null}
    </div>
  );
}

/**
 * A field's caption over its value, as Wallet draws both the top field and the secondary row;
 * only the value's type differs. A non-breaking space keeps an empty line's height.
 */
function FieldText({
  field,
  labelColor,
  foregroundColor,
  valueClassName,
}: {
  field: { label: string; value: string };
  labelColor: string;
  foregroundColor: string;
  valueClassName: string;
}) {
  return (
    <>
      <span
        className="block truncate text-[9.5px] leading-[1.2] font-semibold tracking-[0.04em] uppercase"
        style={{ color: labelColor }}
      >
        {field.label || '\u00a0'}
      </span>
      <span className={valueClassName} style={{ color: foregroundColor }}>
        {field.value || '\u00a0'}
      </span>
    </>
  );
}

/** Memoised on its own values: a keystroke in another field leaves this row as drawn. */
const SecondaryField = memo(function SecondaryField({
  field,
  labelColor,
  foregroundColor,
  align,
  onSelect,
}: {
  field: PreviewFieldModel;
  labelColor: string;
  foregroundColor: string;
  align: 'left' | 'right';
  onSelect?: SelectFieldHandler | undefined;
}) {
  return (
    <Selectable
      path={field.path}
      what={`field ${field.label || field.value || ''}`.trim()}
      onSelect={onSelect}
      align={align}
      className="min-w-0"
    >
      <FieldText
        field={field}
        labelColor={labelColor}
        foregroundColor={foregroundColor}
        valueClassName="mt-0.5 block truncate text-[15px] leading-[1.2] tracking-[-0.01em]"
      />
    </Selectable>
  );
});

function AppleFront({ model, onSelect }: PartProps) {
  const count = model.secondaryFields.length;
  return (
    <div
      className={cx(cardShell, 'flex flex-col')}
      style={{
        width: CARD_WIDTH,
        minHeight: 410,
        backgroundColor: model.backgroundColor,
        color: model.foregroundColor,
      }}
      data-testid="apple-front"
    >
      <TopBand model={model} onSelect={onSelect} />
      {model.stripUrl ? (
        <Selectable
          path={previewPaths.image('strip.png')}
          what="strip image"
          onSelect={onSelect}
          className="rounded-none"
        >
          <img
            src={model.stripUrl}
            alt=""
            // The largest image of the editor's first screen: ask for it first.
            fetchPriority="high"
            className="block w-full object-cover"
            style={{ aspectRatio: `${APPLE_IMAGE_POINTS.strip.width} / ${APPLE_IMAGE_POINTS.strip.height}` }}
          />
        </Selectable>
      ) : null}
      {count > 0 ? (
        // Wallet sizes fields by their content and spreads them across the row. Tracks grow
        // equally up to their content width, so short fields stay whole and long ones are cut.
        <div
          className={cx('grid justify-between gap-x-3.5 px-3', model.stripUrl ? 'pt-2.5' : 'pt-4')}
          style={{ gridTemplateColumns: `repeat(${count}, minmax(0, max-content))` }}
        >
          {model.secondaryFields.map((field, i) => (
            <SecondaryField
              key={field.path}
              field={field}
              labelColor={model.labelColor}
              foregroundColor={model.foregroundColor}
              align={count > 1 && i === count - 1 ? 'right' : 'left'}
              onSelect={onSelect}
            />
          ))}
        </div>
      ) : null}
      <div className="min-h-4 flex-1" />
      <div className="flex justify-center px-3 pb-4">
        <QrBlock
          value={model.qrMessage}
          caption={model.altText}
          size={124}
          onSelect={onSelect}
          panelClassName="max-w-[240px] rounded-[6px] px-2.5 pt-2.5 pb-1.5 text-black"
          captionClassName="max-w-[220px] text-[11px] leading-[1.3]"
        />
      </div>
    </div>
  );
}

function AppleStacked({ model, onSelect }: PartProps) {
  return (
    <div className="relative" style={{ width: CARD_WIDTH }} data-testid="apple-stacked">
      <div
        className="rounded-t-[14px] shadow-[0_-1px_3px_rgb(0_0_0/0.12)]"
        style={{
          backgroundColor: model.backgroundColor,
          color: model.foregroundColor,
        }}
      >
        <TopBand model={model} onSelect={onSelect} />
        <div className="h-3" />
      </div>
      {/* Other passes in the wallet, sliding over this one: only the top band stays visible. */}
      <div
        aria-hidden="true"
        className="-mt-2 h-14 rounded-t-[14px] bg-[#5B6B7F] shadow-[0_-2px_6px_rgb(0_0_0/0.25)]"
      />
      <div
        aria-hidden="true"
        className="-mt-4 h-10 rounded-t-[14px] bg-[#C7CBD1] shadow-[0_-2px_6px_rgb(0_0_0/0.25)]"
      />
    </div>
  );
}

function IosSwitch() {
  return (
    <span aria-hidden="true" className="relative inline-block h-[22px] w-[38px] shrink-0 rounded-full bg-[#34C759]">
      <span className="absolute top-[2px] right-[2px] size-[18px] rounded-full bg-white shadow-[0_1px_2px_rgb(0_0_0/0.3)]" />
    </span>
  );
}

/** Memoised on its own row of the model, which keeps its identity until a back field changes. */
const BackField = memo(function BackField({
  field,
  onSelect,
}: {
  field: PreviewBackFieldModel;
  onSelect?: SelectFieldHandler | undefined;
}) {
  return (
    <li className="px-3.5 py-2.5">
      <Selectable path={field.path} what={`back field ${field.label}`.trim()} onSelect={onSelect}>
        <span className="block truncate text-[12px] leading-tight text-[#8A8A8E]">{field.label || '\u00a0'}</span>
      </Selectable>
      {field.links.length > 0 ? (
        <ul className="mt-0.5 space-y-0.5">
          {field.links.map((link) => (
            <li key={link.path} className="flex min-w-0 items-baseline gap-1.5 text-[15px] leading-snug">
              <PreviewLinkText link={link} className="min-w-0 truncate" textClassName="text-black" color={IOS_BLUE} />
              {onSelect ? (
                <EditLinkButton
                  link={link}
                  onSelect={onSelect}
                  className="ml-auto shrink-0 cursor-pointer rounded px-1 text-[11px] text-[#8A8A8E] hover:bg-black/5 hover:text-black"
                />
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </li>
  );
});

function AppleBack({ model, onSelect }: PartProps) {
  return (
    <div
      className={cx(cardShell, 'flex flex-col bg-[#F2F2F7] pb-4 text-black')}
      style={{ width: CARD_WIDTH, minHeight: 410 }}
      data-testid="apple-back"
    >
      <div className="grid grid-cols-[1fr_auto_1fr] items-center px-3.5 pt-3 pb-2">
        <span />
        <span className="text-[15px] font-semibold">Pass Details</span>
        <span className="text-right text-[15px] font-semibold" style={{ color: IOS_BLUE }} aria-hidden="true">
          Done
        </span>
      </div>
      <div className="flex flex-col items-center px-4 pt-1 pb-3">
        <span
          aria-hidden="true"
          className="flex h-[42px] w-[66px] items-center justify-center overflow-hidden rounded-[5px] shadow-[0_1px_3px_rgb(0_0_0/0.25)]"
          style={{ backgroundColor: model.backgroundColor }}
        >
          {model.logoUrl ? <img src={model.logoUrl} alt="" className="max-h-6 max-w-[54px] object-contain" /> : null}
        </span>
        <Selectable
          path={previewPaths.organizationName}
          what="organisation name"
          onSelect={onSelect}
          align="center"
          className="mt-2 max-w-full"
        >
          <span className="block truncate text-[15px] font-semibold">{model.organizationName || '\u00a0'}</span>
        </Selectable>
        <span className="text-[11px] text-[#8A8A8E]">Updated just now</span>
      </div>
      <div className="space-y-4 px-3">
        {model.description || onSelect ? (
          <Selectable path={previewPaths.description} what="description" onSelect={onSelect} className="w-full">
            <span
              className={cx(
                'line-clamp-4 block rounded-[10px] bg-white px-3.5 py-2.5 text-[13px] leading-snug break-words',
                !model.description && 'text-[#8A8A8E]',
              )}
            >
              {model.description || 'No description'}
            </span>
          </Selectable>
        ) : null}
        <div aria-hidden="true" className="divide-y divide-[#E5E5EA] rounded-[10px] bg-white text-[14px]">
          <div className="flex items-center justify-between px-3.5 py-2">
            Automatic Updates <IosSwitch />
          </div>
          <div className="flex items-center justify-between px-3.5 py-2">
            Allow Notifications <IosSwitch />
          </div>
        </div>
        {model.backFields.length > 0 ? (
          <ul className="divide-y divide-[#E5E5EA] rounded-[10px] bg-white">
            {model.backFields.map((field) => (
              <BackField key={field.path} field={field} onSelect={onSelect} />
            ))}
          </ul>
        ) : (
          <p className="px-1 text-[12px] text-[#8A8A8E]">No back fields.</p>
        )}
        <div
          aria-hidden="true"
          className="rounded-[10px] bg-white px-3.5 py-2.5 text-center text-[15px] text-[#FF3B30]"
        >
          Remove Pass
        </div>
      </div>
    </div>
  );
}

function AppleNotes({ model, side }: { model: ApplePreviewModel; side: AppleSide }) {
  const notes: string[] = [];
  if (side === 'front' && model.overflowCount > 0) {
    notes.push(
      `+${model.overflowCount} more not shown on Apple Wallet (store cards show ${APPLE_MAX_SECONDARY} fields)`,
    );
  }
  if (side === 'front' && model.footerIgnored) notes.push('footer.png is not shown on Apple store cards');
  if (side === 'back' && model.backFields.some((f) => f.links.some((l) => !l.safe))) {
    notes.push('Blocked links use a scheme other than https, http, mailto or tel; the pass cannot be saved with them');
  }
  if (notes.length === 0) return null;
  return (
    <ul className="w-[320px] space-y-1 font-sans">
      {notes.map((note) => (
        <li key={note} className="rounded-md bg-warning-50 px-2.5 py-1.5 text-xs font-medium text-warning-700">
          {note}
        </li>
      ))}
    </ul>
  );
}
