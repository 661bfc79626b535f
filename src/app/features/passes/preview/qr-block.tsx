import { cx } from '../../../lib/cx';
import { previewPaths } from './preview-input';
import { QrCode } from './qr-code';
import { type SelectFieldHandler, Selectable } from './selectable';

/**
 * The code panel both wallets draw on the front: a white panel with the QR code above its
 * caption. Each wallet passes its own panel and caption styling.
 */
export function QrBlock({
  value,
  caption,
  size,
  onSelect,
  panelClassName,
  captionClassName,
}: {
  value: string;
  caption: string;
  size: number;
  onSelect?: SelectFieldHandler | undefined;
  panelClassName: string;
  captionClassName: string;
}) {
  return (
    <div className={cx('flex flex-col items-center bg-white', panelClassName)}>
      <Selectable path={previewPaths.qrUrl} what="QR code content" onSelect={onSelect}>
        <QrCode value={value} size={size} label={value || undefined} />
      </Selectable>
      {caption || onSelect ? (
        <Selectable
          path={previewPaths.qrText}
          what="QR caption"
          onSelect={onSelect}
          align="center"
          className="mt-1 max-w-full"
        >
          <span className={cx('block truncate', captionClassName, !caption && 'opacity-40')}>
            {caption || 'No caption'}
          </span>
        </Selectable>
      ) : null}
    </div>
  );
}
