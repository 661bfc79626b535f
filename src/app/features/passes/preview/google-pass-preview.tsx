import { memo, useMemo } from 'react';
import { APPLE_IMAGE_POINTS, GOOGLE_HERO_MIN_RATIO } from '../../../../contract/wallet-rules';
import { cx } from '../../../lib/cx';
import { GOOGLE_MAX_ROWS, GOOGLE_ROW_SIZE } from '../../../../contract/wallet-rules';
import {
  type GoogleLinkModel,
  type GooglePreviewModel,
  type PreviewFieldModel,
  WHITE,
  toGooglePreview,
} from './preview-model';
import { type PreviewPass, previewPaths } from './preview-input';
import { QrBlock } from './qr-block';
import { EditLinkButton, GOOGLE_FONT, PreviewLinkText, type SelectFieldHandler, Selectable } from './selectable';

export type GoogleSide = 'front' | 'details';

interface GooglePassPreviewProps {
  pass: PreviewPass;
  side: GoogleSide;
  onSelectField?: SelectFieldHandler;
}

const CARD_WIDTH = 320;
/** What a store-card strip (375:144) loses as Google's 3:1 hero, top and bottom together. */
const HERO_CUT = Math.round(
  (1 - APPLE_IMAGE_POINTS.strip.width / GOOGLE_HERO_MIN_RATIO / APPLE_IMAGE_POINTS.strip.height) * 100,
);
const GOOGLE_BLUE = '#0B57D0';
const cardShell =
  'relative overflow-hidden rounded-[20px] shadow-[0_1px_2px_rgb(0_0_0/0.15),0_6px_20px_-6px_rgb(0_0_0/0.25)]';

export const GooglePassPreview = memo(function GooglePassPreview({
  pass,
  side,
  onSelectField,
}: GooglePassPreviewProps) {
  const model = useMemo(() => toGooglePreview(pass), [pass]);
  return (
    <div className="flex flex-col items-center gap-3" style={{ fontFamily: GOOGLE_FONT }}>
      {side === 'front' ? (
        <GoogleFront model={model} onSelect={onSelectField} />
      ) : (
        <GoogleDetails model={model} onSelect={onSelectField} />
      )}
      <GoogleNotes model={model} side={side} />
    </div>
  );
});

interface PartProps {
  model: GooglePreviewModel;
  onSelect?: SelectFieldHandler | undefined;
}

function LogoCircle({ model, size, onSelect }: PartProps & { size: number }) {
  const alt = model.cardTitle ? `${model.cardTitle} logo` : 'Logo';
  const circle = (
    <span
      className="flex shrink-0 items-center justify-center overflow-hidden rounded-full bg-white ring-1 ring-black/10"
      style={{ width: size, height: size }}
    >
      {model.logoUrl ? (
        <img src={model.logoUrl} alt={alt} className="size-full object-cover" />
      ) : (
        <span aria-hidden="true" className="text-[13px] font-medium text-[#444746]">
          {[...model.cardTitle.trim()][0]?.toUpperCase() ?? ''}
        </span>
      )}
    </span>
  );
  return (
    <Selectable path={previewPaths.image('logo.png')} what="logo" onSelect={onSelect} className="shrink-0 rounded-full">
      {circle}
    </Selectable>
  );
}

/** Memoised on its own values: a keystroke in another field leaves this item as drawn. */
const RowItem = memo(function RowItem({
  field,
  align,
  onSelect,
}: {
  field: PreviewFieldModel;
  align: 'left' | 'center' | 'right';
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
      <span className="block truncate text-[11px] leading-4 font-medium tracking-[0.01em] opacity-80">
        {field.label || '\u00a0'}
      </span>
      <span className="block truncate text-[15px] leading-5">{field.value || '\u00a0'}</span>
    </Selectable>
  );
});

const alignFor = (index: number, count: number): 'left' | 'center' | 'right' => {
  if (count === 1 || index === 0) return 'left';
  if (index === count - 1) return 'right';
  return 'center';
};

function GoogleFront({ model, onSelect }: PartProps) {
  const dividerColor = model.textColor === WHITE ? 'rgb(255 255 255 / 0.22)' : 'rgb(0 0 0 / 0.12)';
  return (
    <div
      className={cx(cardShell, 'flex flex-col')}
      style={{
        width: CARD_WIDTH,
        backgroundColor: model.backgroundColor,
        color: model.textColor,
      }}
      data-testid="google-front"
    >
      <div className="flex items-center gap-3 px-4 pt-4 pb-3">
        <LogoCircle model={model} size={36} onSelect={onSelect} />
        <Selectable
          path={previewPaths.organizationName}
          what="card title"
          onSelect={onSelect}
          className="min-w-0 flex-1"
        >
          <span className="block truncate text-[15px] leading-5 font-medium">{model.cardTitle || '\u00a0'}</span>
        </Selectable>
      </div>
      <div className="mx-4 h-px" style={{ backgroundColor: dividerColor }} />
      {model.header || model.subheader || onSelect ? (
        <Selectable path={previewPaths.topFieldValue} what="top field" onSelect={onSelect} className="mx-4 mt-3">
          <span className="block truncate text-[12px] leading-4 font-medium opacity-80">
            {model.subheader || '\u00a0'}
          </span>
          <span className="block truncate text-[26px] leading-8 font-normal tracking-[-0.01em]">
            {model.header || '\u00a0'}
          </span>
        </Selectable>
      ) : null}
      {model.rows.length > 0 ? (
        <div className="mt-3 space-y-3 px-4">
          {model.rows.map((row) => (
            <div
              key={row[0]?.path}
              className="grid justify-between gap-3"
              style={{
                gridTemplateColumns: `repeat(${row.length}, minmax(0, max-content))`,
              }}
            >
              {row.map((field, i) => (
                <RowItem key={field.path} field={field} align={alignFor(i, row.length)} onSelect={onSelect} />
              ))}
            </div>
          ))}
        </div>
      ) : null}
      <div className="flex justify-center px-4 pt-5 pb-5">
        <QrBlock
          value={model.barcodeValue}
          caption={model.alternateText}
          size={136}
          onSelect={onSelect}
          panelClassName="max-w-[260px] rounded-[14px] px-3 pt-3 pb-2 text-[#1F1F1F]"
          captionClassName="max-w-[230px] text-[12px] leading-4"
        />
      </div>
      {model.heroUrl ? (
        <Selectable
          path={previewPaths.image('strip.png')}
          what="hero image (strip)"
          onSelect={onSelect}
          className="rounded-none"
        >
          <img
            src={model.heroUrl}
            alt=""
            className="block w-full object-cover"
            style={{ aspectRatio: `${GOOGLE_HERO_MIN_RATIO} / 1` }}
          />
        </Selectable>
      ) : null}
    </div>
  );
}

function LinkIcon({ href }: { href: string }) {
  const scheme = href.slice(0, href.indexOf(':') + 1).toLowerCase();
  const d =
    scheme === 'tel:'
      ? 'M6.6 10.8a15.1 15.1 0 0 0 6.6 6.6l2.2-2.2a1 1 0 0 1 1-.25 11.4 11.4 0 0 0 3.6.57 1 1 0 0 1 1 1V20a1 1 0 0 1-1 1A17 17 0 0 1 3 4a1 1 0 0 1 1-1h3.5a1 1 0 0 1 1 1c0 1.25.2 2.45.57 3.57a1 1 0 0 1-.25 1z'
      : scheme === 'mailto:'
        ? 'M4 4h16a2 2 0 0 1 2 2v12a2 2 0 0 1-2 2H4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2zm8 7L4 6v2l8 5 8-5V6z'
        : 'M3.9 12a3.1 3.1 0 0 1 3.1-3.1h4V7H7a5 5 0 0 0 0 10h4v-1.9H7A3.1 3.1 0 0 1 3.9 12zM8 13h8v-2H8zm9-6h-4v1.9h4a3.1 3.1 0 0 1 0 6.2h-4V17h4a5 5 0 0 0 0-10z';
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" className="mt-0.5 size-5 shrink-0 fill-[#444746]">
      <path d={d} />
    </svg>
  );
}

/** Memoised on its link of the model, which keeps its identity until a back field changes. */
const LinkRow = memo(function LinkRow({
  link,
  onSelect,
}: {
  link: GoogleLinkModel;
  onSelect?: SelectFieldHandler | undefined;
}) {
  return (
    <li className="flex items-start gap-3 py-2.5">
      <LinkIcon href={link.href} />
      <span className="min-w-0 flex-1">
        <PreviewLinkText
          link={link}
          className="block truncate text-[14px] leading-5"
          linkClassName="font-medium"
          textClassName="text-[#1F1F1F]"
          color={GOOGLE_BLUE}
        />
        <span className="block truncate text-[12px] leading-4 text-[#444746]">
          {link.href.replace(/^https?:\/\//, '')}
        </span>
      </span>
      {onSelect ? (
        <EditLinkButton
          link={link}
          onSelect={onSelect}
          className="shrink-0 cursor-pointer rounded px-1 text-[11px] text-[#444746] hover:bg-black/5 hover:text-black"
        />
      ) : null}
    </li>
  );
});

function GoogleDetails({ model, onSelect }: PartProps) {
  return (
    <div
      className={cx(cardShell, 'flex flex-col bg-white text-[#1F1F1F]')}
      style={{ width: CARD_WIDTH, minHeight: 410 }}
      data-testid="google-details"
    >
      <div
        className="flex items-center gap-3 px-4 py-3"
        style={{
          backgroundColor: model.backgroundColor,
          color: model.textColor,
        }}
      >
        <LogoCircle model={model} size={28} />
        <span className="min-w-0 flex-1 truncate text-[14px] font-medium">{model.cardTitle || 'Pass details'}</span>
      </div>
      <div className="flex flex-1 flex-col px-4 pt-3 pb-4">
        <section aria-label="About" className="border-b border-[#E3E3E3] pb-3">
          <h4 className="text-[12px] leading-4 font-medium text-[#444746]">Details</h4>
          <Selectable path={previewPaths.description} what="description" onSelect={onSelect} className="mt-1 w-full">
            <span
              className={cx(
                'line-clamp-5 block text-[14px] leading-5 break-words',
                !model.description && 'text-[#747775]',
              )}
            >
              {model.description || 'No description'}
            </span>
          </Selectable>
        </section>
        <section aria-label="Links" className="pt-3">
          <h4 className="text-[12px] leading-4 font-medium text-[#444746]">Links</h4>
          {model.links.length > 0 ? (
            <ul className="divide-y divide-[#EFEFEF]">
              {model.links.map((link) => (
                <LinkRow key={link.path} link={link} onSelect={onSelect} />
              ))}
            </ul>
          ) : (
            <p className="py-2 text-[13px] text-[#747775]">No links.</p>
          )}
        </section>
        <div className="flex-1" />
        {model.appLink ? (
          <div className="flex justify-center pt-4">
            <Selectable
              path={model.appLink.path}
              what="app link text"
              onSelect={onSelect}
              align="center"
              className="rounded-full"
            >
              <span
                className="inline-flex h-10 max-w-[280px] items-center gap-2 rounded-full px-6 text-[14px] font-medium text-white"
                style={{ backgroundColor: GOOGLE_BLUE }}
              >
                <span className="truncate">{model.appLink.text}</span>
              </span>
            </Selectable>
          </div>
        ) : null}
      </div>
    </div>
  );
}

function GoogleNotes({ model, side }: { model: GooglePreviewModel; side: GoogleSide }) {
  const notes: string[] = [];
  if (side === 'front') {
    if (model.overflowCount > 0) {
      notes.push(
        `+${model.overflowCount} more not shown on Google Wallet (at most ${GOOGLE_MAX_ROWS} rows of ${GOOGLE_ROW_SIZE})`,
      );
    }
    if (model.backgroundIsDefault) notes.push('No background colour: Google uses the logo’s dominant colour');
    if (model.heroUrl)
      notes.push(`Hero: Google shows the strip’s middle band at 3:1 (about ${HERO_CUT} % of its height is cut)`);
  } else if (model.appLink?.truncated) {
    notes.push(`The app link text is cut to 30 characters: “${model.appLink.fullText}”`);
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
