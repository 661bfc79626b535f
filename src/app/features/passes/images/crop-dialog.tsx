/**
 * The crop step: the dropped image in the slot's shape, with what Google Wallet will show of it
 * beside it. Loaded on demand (the editor imports it when an image needs cropping), so its code
 * stays out of the editor's first load.
 */
import { type KeyboardEvent, type PointerEvent, useEffect, useId, useMemo, useRef, useState } from 'react';
import { Button } from '../../../components/ui/button';
import { Dialog } from '../../../components/ui/dialog';
import { cx } from '../../../lib/cx';
import { MAX_UPLOAD_BYTES } from '../../../../contract/rules';
import { type DecodedSource, decodeSource, renderCrop } from './crop-render';
import { artworkOutsideSafeCircle } from './google-logo-circle';
import {
  type CropRect,
  type CropSlot,
  type LogoShape,
  MAX_ZOOM,
  type Size,
  cropTarget,
  defaultLogoShape,
  googleHeroBand,
  initialCrop,
  moveCrop,
  tooSmallWarning,
  zoomCrop,
  zoomOf,
} from './slot-crop';

export interface CropResult {
  file: File;
  width: number;
  height: number;
  /** Pixels of the uploaded image (null when the original is kept as it is). */
  rgba: Uint8ClampedArray | null;
  /** Logo only: share of the artwork outside Google's safe circle. */
  outsideSafeCircle: number | null;
  /** The crop step's too-small warning, kept for the slot to show. */
  warning: string | null;
}

export interface CropDialogProps {
  slot: CropSlot;
  /** The file name the pass uses, e.g. `strip.png`. */
  fileName: string;
  file: File;
  onCancel: () => void;
  onDone: (result: CropResult) => void;
}

const SLOT_TITLE: Record<CropSlot, string> = { logo: 'logo', icon: 'icon', strip: 'strip', footer: 'footer image' };

export function CropDialog({ slot, fileName, file, onCancel, onDone }: CropDialogProps) {
  const [source, setSource] = useState<DecodedSource | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const url = useMemo(() => URL.createObjectURL(file), [file]);
  useEffect(() => () => URL.revokeObjectURL(url), [url]);

  useEffect(() => {
    let live = true;
    let decoded: DecodedSource | null = null;
    decodeSource(file).then(
      (result) => {
        decoded = result;
        if (live) setSource(result);
        else result.bitmap.close();
      },
      (error: unknown) => live && setFailure(error instanceof Error ? error.message : String(error)),
    );
    return () => {
      live = false;
      decoded?.bitmap.close();
    };
  }, [file]);

  return (
    <Dialog
      open
      size="lg"
      onClose={onCancel}
      title={`Crop ${fileName}`}
      description={`Fit ${file.name} to the ${SLOT_TITLE[slot]}'s shape. Drag the image or use the arrow keys to move it, + and − to zoom.`}
      footer={
        source ? null : (
          <Button variant="secondary" onClick={onCancel}>
            Cancel
          </Button>
        )
      }
    >
      {failure ? (
        <p role="alert" className="text-sm text-danger-700">
          {failure}
        </p>
      ) : source ? (
        <CropEditor
          slot={slot}
          fileName={fileName}
          file={file}
          url={url}
          source={source}
          onCancel={onCancel}
          onDone={onDone}
        />
      ) : (
        <p role="status" className="text-sm text-ink-muted">
          Reading {file.name}…
        </p>
      )}
    </Dialog>
  );
}

/** A window onto the crop rectangle of the image, drawn with percentages so it fits any box. */
function CropView({ url, source, crop, className }: { url: string; source: Size; crop: CropRect; className?: string }) {
  return (
    <span className={cx('relative block overflow-hidden', className)}>
      <img
        src={url}
        alt=""
        draggable={false}
        className="absolute max-w-none select-none"
        style={{
          width: `${(source.width / crop.width) * 100}%`,
          height: `${(source.height / crop.height) * 100}%`,
          left: `${(-crop.x / crop.width) * 100}%`,
          top: `${(-crop.y / crop.height) * 100}%`,
        }}
      />
    </span>
  );
}

const checkerboard = 'bg-[repeating-conic-gradient(#e5e7eb_0_25%,#ffffff_0_50%)] bg-[length:14px_14px]';

function CropEditor({
  slot,
  fileName,
  file,
  url,
  source,
  onCancel,
  onDone,
}: Omit<CropDialogProps, 'file'> & { file: File; url: string; source: DecodedSource }) {
  const [shape, setShape] = useState<LogoShape>(() => defaultLogoShape(source));
  const target = cropTarget(slot, source, shape);
  const [crop, setCrop] = useState<CropRect>(() => initialCrop(source, target));
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const drag = useRef<{ x: number; y: number; perPixel: number; start: CropRect } | null>(null);
  const hintId = useId();
  const zoom = zoomOf(crop, source, target);
  const warning = tooSmallWarning(slot, source, crop, target);
  const canKeepOriginal = source.kind === 'png' && file.size <= MAX_UPLOAD_BYTES;

  function changeShape(next: LogoShape) {
    setShape(next);
    setCrop(initialCrop(source, cropTarget(slot, source, next)));
  }

  function onKeyDown(event: KeyboardEvent) {
    const step = event.shiftKey ? 0.25 : 0.05;
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [-step, 0],
      ArrowRight: [step, 0],
      ArrowUp: [0, -step],
      ArrowDown: [0, step],
    };
    const move = moves[event.key];
    if (move) setCrop((c) => moveCrop(c, source, move[0], move[1]));
    else if (event.key === '+' || event.key === '=') setCrop((c) => zoomCrop(c, source, target, 1.25));
    else if (event.key === '-' || event.key === '_') setCrop((c) => zoomCrop(c, source, target, 0.8));
    else if (event.key === '0') setCrop(initialCrop(source, target));
    else return;
    event.preventDefault();
  }

  function onPointerDown(event: PointerEvent<HTMLDivElement>) {
    const box = event.currentTarget.getBoundingClientRect();
    event.currentTarget.setPointerCapture(event.pointerId);
    drag.current = { x: event.clientX, y: event.clientY, perPixel: crop.width / box.width, start: crop };
  }
  function onPointerMove(event: PointerEvent<HTMLDivElement>) {
    const d = drag.current;
    if (!d) return;
    const dx = ((d.x - event.clientX) * d.perPixel) / d.start.width;
    const dy = ((d.y - event.clientY) * d.perPixel) / d.start.height;
    setCrop(moveCrop(d.start, source, dx, dy));
  }

  async function confirm() {
    setBusy(true);
    setFailure(null);
    try {
      const png = await renderCrop(source, crop, target, fileName);
      onDone({
        file: png.file,
        width: png.width,
        height: png.height,
        rgba: png.rgba,
        outsideSafeCircle: slot === 'logo' ? artworkOutsideSafeCircle(png.rgba, png.width, png.height) : null,
        warning,
      });
    } catch (error) {
      setFailure(`The image could not be cropped: ${error instanceof Error ? error.message : String(error)}`);
      setBusy(false);
    }
  }

  const ratio = `${target.width} / ${target.height}`;
  return (
    <div className="space-y-4">
      {slot === 'logo' ? (
        <fieldset className="flex flex-wrap gap-x-5 gap-y-1 text-sm">
          <legend className="mb-1 text-sm font-medium text-ink">Logo shape</legend>
          <label className="flex items-center gap-2">
            <input type="radio" name="logo-shape" checked={shape === 'wide'} onChange={() => changeShape('wide')} />
            Wide (Apple, up to 480×150 px)
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name="logo-shape" checked={shape === 'square'} onChange={() => changeShape('square')} />
            Square (660×660 px, fits Google’s circle too)
          </label>
        </fieldset>
      ) : null}
      <div className="grid gap-4 md:grid-cols-[minmax(0,1fr)_220px]">
        <div className="min-w-0">
          <p className="mb-1 text-xs font-medium text-ink-muted">
            Apple Wallet · {target.width}×{target.height} px PNG
          </p>
          <div
            role="slider"
            tabIndex={0}
            aria-label={`Crop area of ${fileName}`}
            aria-describedby={hintId}
            aria-valuemin={1}
            aria-valuemax={MAX_ZOOM}
            aria-valuenow={Math.round(zoom * 100) / 100}
            aria-valuetext={`Zoom ${zoom.toFixed(1)}×, showing ${Math.round(crop.width)}×${Math.round(crop.height)} px from ${Math.round(crop.x)}, ${Math.round(crop.y)}`}
            onKeyDown={onKeyDown}
            onPointerDown={onPointerDown}
            onPointerMove={onPointerMove}
            onPointerUp={() => (drag.current = null)}
            onPointerCancel={() => (drag.current = null)}
            className={cx(
              'relative mx-auto max-h-[50vh] w-full cursor-move touch-none rounded-md ring-1 ring-surface-border focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-focus-ring',
              checkerboard,
              slot === 'icon' || (slot === 'logo' && shape === 'square') ? 'max-w-[280px]' : '',
            )}
            style={{ aspectRatio: ratio }}
          >
            <CropView url={url} source={source} crop={crop} className="size-full rounded-md" />
          </div>
          <p id={hintId} className="mt-1 text-xs text-ink-subtle">
            Arrow keys move (Shift: faster), + and − zoom, 0 resets.
          </p>
          <label className="mt-2 flex items-center gap-3 text-sm text-ink">
            Zoom
            <input
              type="range"
              min={1}
              max={MAX_ZOOM}
              step={0.05}
              value={zoom}
              onChange={(e) =>
                setCrop((c) => zoomCrop(c, source, target, Number(e.target.value) / zoomOf(c, source, target)))
              }
              className="min-w-0 flex-1 accent-brand-600"
            />
            <span className="w-10 text-right text-ink-muted tabular-nums">{zoom.toFixed(1)}×</span>
          </label>
        </div>
        <GoogleView slot={slot} url={url} source={source} crop={crop} target={target} />
      </div>
      <p role="status" aria-live="polite" className="min-h-5 text-sm text-warning-700">
        {warning}
      </p>
      {failure ? (
        <p role="alert" className="text-sm text-danger-700">
          {failure}
        </p>
      ) : null}
      <div className="-mx-6 -mb-4 flex flex-wrap justify-end gap-2 border-t border-surface-border px-6 py-3">
        <Button variant="ghost" onClick={onCancel} disabled={busy}>
          Cancel
        </Button>
        {canKeepOriginal ? (
          <Button
            variant="secondary"
            disabled={busy}
            onClick={() =>
              onDone({
                file: new File([file], fileName, { type: 'image/png' }),
                width: source.width,
                height: source.height,
                rgba: null,
                outsideSafeCircle: null,
                warning: null,
              })
            }
          >
            Use uncropped
          </Button>
        ) : null}
        <Button variant="primary" busy={busy} onClick={() => void confirm()}>
          Crop and use
        </Button>
      </div>
    </div>
  );
}

/** What Google Wallet draws from the same image: the logo in a circle, the strip as a 3:1 hero. */
function GoogleView({
  slot,
  url,
  source,
  crop,
  target,
}: {
  slot: CropSlot;
  url: string;
  source: Size;
  crop: CropRect;
  target: Size;
}) {
  if (slot === 'strip') {
    const band = googleHeroBand(target);
    const hero = { ...crop, y: crop.y + band.top * crop.height, height: band.height * crop.height };
    return (
      <figure className="min-w-0">
        <figcaption className="mb-1 text-xs font-medium text-ink-muted">Google Wallet hero (3:1)</figcaption>
        <CropView url={url} source={source} crop={hero} className="aspect-[3/1] w-full rounded-md" />
        <p className="mt-1 text-xs text-ink-subtle">
          {band.cutPercent > 0
            ? `Google shows the middle band: ${band.cutPercent} % of the height is cut (top and bottom).`
            : 'Google shows all of it.'}
        </p>
      </figure>
    );
  }
  if (slot === 'logo') {
    const side = Math.min(crop.width, crop.height);
    const square = {
      x: crop.x + (crop.width - side) / 2,
      y: crop.y + (crop.height - side) / 2,
      width: side,
      height: side,
    };
    return (
      <figure className="min-w-0">
        <figcaption className="mb-1 text-xs font-medium text-ink-muted">Google Wallet logo (circle)</figcaption>
        <span className={cx('relative mx-auto block size-36 rounded-full ring-1 ring-surface-border', checkerboard)}>
          <CropView url={url} source={source} crop={square} className="size-full rounded-full" />
          <span
            aria-hidden="true"
            className="absolute inset-[15%] rounded-full border border-dashed border-brand-600"
          />
        </span>
        <p className="mt-1 text-xs text-ink-subtle">
          Keep the important part inside the dashed circle: Google masks the logo to a circle and wants at least 660×660
          px.
        </p>
      </figure>
    );
  }
  return (
    <figure className="min-w-0">
      <figcaption className="mb-1 text-xs font-medium text-ink-muted">
        {slot === 'icon' ? 'Lock screen and notifications' : 'Boarding passes only'}
      </figcaption>
      <CropView
        url={url}
        source={source}
        crop={crop}
        className={cx('mx-auto', slot === 'icon' ? 'size-16 rounded-[14px]' : 'aspect-[858/45] w-full')}
      />
      <p className="mt-1 text-xs text-ink-subtle">Google Wallet does not use this image.</p>
    </figure>
  );
}
