import { type DragEvent, Suspense, lazy, useId, useRef, useState } from 'react';
import { useFormContext, useFormState } from 'react-hook-form';
import type { PassFormValues } from '../../model/form-model';
import { MAX_UPLOAD_BYTES } from '../../../../../contract/rules';
import { UploadResponseSchema } from '../../../../../contract/schemas';
import { Button } from '../../../../components/ui/button';
import { describeError } from '../../../../lib/api-error';
import { useConnection } from '../../../../lib/connection';
import { cx } from '../../../../lib/cx';
import { EditorSection, useFieldError } from '../form-fields';
import { useImageSizesStore } from '../image-sizes';
import { useFormValue } from '../use-form-value';
import { useObjectUrls } from '../use-object-urls';
import { IMAGE_SLOTS, type ImageSlot, type ImageValue, slotFileName } from '../../model/form-model';
import { appleImageSize } from '../../../../../contract/wallet-rules';
import { sizeWarning } from '../../model/png-info';
import { analyzeImage } from '../../images/analyze-image';
import type { CropResult } from '../../images/crop-dialog';
import type { PickedFileRoute } from '../../images/picked-file';

// The checks of a picked file load when one is picked; the crop step's code the first time an
// image needs cropping. Neither comes with the editor.
const CropDialog = lazy(() => import('../../images/crop-dialog').then((m) => ({ default: m.CropDialog })));

const SLOT_TEXT: Record<ImageSlot, { title: string; use: string; required: boolean }> = {
  logo: { title: 'Logo', use: 'Top left of the pass; shown in a circle on Google Wallet.', required: true },
  icon: {
    title: 'Icon',
    use: 'Lock screen and notifications; Apple Wallet needs it to install the pass.',
    required: true,
  },
  strip: { title: 'Strip', use: 'The banner across the Apple pass; the hero image on Google Wallet.', required: true },
  footer: {
    title: 'Footer',
    use: 'Optional. Apple Wallet does not draw it on store cards (boarding passes only).',
    required: false,
  },
};

export function ImagesSection({ workspaceId }: { workspaceId: string }) {
  return (
    <EditorSection
      id="section-images"
      title="Images"
      description="PNG, JPEG or WebP: each is cropped to its slot's shape and uploaded as a PNG of the right size. Changes take effect when you save; until then they can be undone."
    >
      <div className="grid gap-4 sm:grid-cols-2">
        {IMAGE_SLOTS.map((slot) => (
          <ImageSlotCard key={slot} slot={slot} workspaceId={workspaceId} />
        ))}
      </div>
    </EditorSection>
  );
}

function ImageSlotCard({ slot, workspaceId }: { slot: ImageSlot; workspaceId: string }) {
  const name = `images.${slot}` as const;
  const { setValue, getValues } = useFormContext<PassFormValues>();
  const { defaultValues } = useFormState({ name, exact: true });
  const value = useFormValue(name) as ImageValue | null;
  const formError = useFieldError(name);
  const { client } = useConnection();
  const sizes = useImageSizesStore();
  const inputId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const objectUrl = useObjectUrls();
  const [progress, setProgress] = useState<number | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [warning, setWarning] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const [cropping, setCropping] = useState<File | null>(null);
  const text = SLOT_TEXT[slot];
  const fileName = slotFileName(slot);
  const original = (defaultValues?.images as Record<ImageSlot, ImageValue | null> | undefined)?.[slot] ?? null;
  const changed =
    (original?.uploadKey ?? original?.fileKey ?? null) !== (value?.uploadKey ?? value?.fileKey ?? null) ||
    !original !== !value;

  /**
   * A PNG already at the slot's size is uploaded as it is; any other PNG, JPEG or WebP goes
   * through the crop step, which uploads a PNG of the slot's exact size.
   */
  async function accept(file: File) {
    setProblem(null);
    setWarning(null);
    let route: PickedFileRoute;
    try {
      route = await (await import('../../images/picked-file')).routePickedFile(slot, file);
    } catch {
      setProblem(`${file.name} could not be read. Check the connection and try again.`);
      return;
    }
    if (route.kind === 'refused') setProblem(route.reason);
    else if (route.kind === 'upload') await upload(file);
    else setCropping(file);
  }

  function cropped(result: CropResult) {
    setCropping(null);
    if (result.file.size > MAX_UPLOAD_BYTES) {
      setProblem(`${result.file.name} is larger than 5 MB, the most Passport accepts. Crop it or use a smaller image.`);
      return;
    }
    setWarning(result.warning ?? sizeWarning(slot, result));
    void upload(result.file);
  }

  async function upload(file: File) {
    const previous = getValues(name) as ImageValue | null;
    const previewUrl = objectUrl(file);
    // Shown at once (preview included); the save waits until the upload has a key.
    setValue(name, { fileName, url: previewUrl, pending: true }, { shouldDirty: true, shouldValidate: true });
    setProgress(0);
    try {
      const body = new FormData();
      body.append('file', file, fileName);
      const uploaded = await client.upload('/uploads', body, {
        schema: UploadResponseSchema,
        workspaceId,
        onProgress: setProgress,
      });
      setValue(
        name,
        { ...(previous ?? {}), fileName, uploadKey: uploaded.key, url: previewUrl },
        {
          shouldDirty: true,
          shouldValidate: true,
        },
      );
    } catch (error) {
      URL.revokeObjectURL(previewUrl);
      setValue(name, previous, { shouldDirty: true, shouldValidate: true });
      setProblem(`The upload failed: ${describeError(error)}`);
    } finally {
      setProgress(null);
    }
  }

  function pick(files: FileList | null) {
    const file = files?.[0];
    if (file) void accept(file);
    if (inputRef.current) inputRef.current.value = '';
  }

  function onDrop(event: DragEvent) {
    event.preventDefault();
    setDragging(false);
    pick(event.dataTransfer.files);
  }

  const wanted = appleImageSize(slot);
  const message = problem ?? formError;
  const missing = !value && text.required ? `Required: add ${fileName} before publishing.` : null;
  return (
    <div
      role="group"
      aria-labelledby={`${inputId}-title`}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
      className={cx(
        'flex flex-col rounded-lg border p-3 transition-colors',
        dragging ? 'border-brand-500 bg-brand-50' : message ? 'border-danger-600/50' : 'border-surface-border',
      )}
    >
      <div className="flex items-baseline justify-between gap-2">
        <h3 id={`${inputId}-title`} className="text-sm font-semibold text-ink">
          {text.title} <span className="font-mono text-xs font-normal text-ink-subtle">{fileName}</span>
        </h3>
        <span className={cx('text-xs', text.required ? 'text-ink-muted' : 'text-ink-subtle')}>
          {text.required ? 'Required' : 'Optional'}
        </span>
      </div>
      <p className="mt-0.5 text-xs text-ink-subtle">
        {text.use} Best at {wanted.width}×{wanted.height} px.
      </p>
      <div className="mt-2 flex h-24 items-center justify-center overflow-hidden rounded-md bg-[repeating-conic-gradient(#f1f3f6_0_25%,#ffffff_0_50%)] bg-[length:16px_16px]">
        {value?.url ? (
          <img
            src={value.url}
            alt={`Current ${fileName}`}
            className="max-h-full max-w-full object-contain"
            onLoad={(e) => {
              const image = e.currentTarget;
              // Picked in this editor (an object URL): its colours may be suggested for the pass.
              const picked = image.src.startsWith('blob:');
              sizes?.set(slot, {
                width: image.naturalWidth,
                height: image.naturalHeight,
                ...(slot === 'logo' || slot === 'strip' ? { ...analyzeImage(image), picked } : {}),
              });
            }}
          />
        ) : (
          <span className="text-xs text-ink-subtle">No image</span>
        )}
      </div>
      {progress !== null ? (
        <div className="mt-2">
          <progress
            className="h-1.5 w-full accent-brand-600"
            max={1}
            value={progress}
            aria-label={`Uploading ${fileName}`}
          />
        </div>
      ) : null}
      <p
        className={cx('mt-1 min-h-4 text-xs', message ? 'text-danger-700' : 'text-warning-700')}
        role={message ? 'alert' : undefined}
      >
        {message ?? warning ?? missing}
      </p>
      <div className="mt-1 flex flex-wrap items-center gap-2">
        <label
          htmlFor={inputId}
          className="inline-flex h-8 cursor-pointer items-center rounded-lg border border-surface-strong bg-surface px-3 text-sm font-medium text-ink hover:bg-surface-sunken has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-focus-ring"
        >
          {value ? 'Replace' : 'Choose'} {fileName}
          <input
            ref={inputRef}
            id={inputId}
            type="file"
            accept="image/png,image/jpeg,image/webp"
            className="sr-only"
            onChange={(e) => pick(e.target.files)}
            disabled={progress !== null}
          />
        </label>
        {value && progress === null ? (
          <Button
            size="sm"
            variant="ghost"
            onClick={() => setValue(name, null, { shouldDirty: true, shouldValidate: true })}
          >
            Remove
          </Button>
        ) : null}
        {changed && progress === null ? (
          <Button
            size="sm"
            variant="ghost"
            onClick={() => {
              setProblem(null);
              setWarning(null);
              setValue(name, original, { shouldDirty: true, shouldValidate: true });
            }}
          >
            Undo
          </Button>
        ) : null}
        <span className="text-xs text-ink-subtle">or drop an image here (PNG, JPEG or WebP)</span>
      </div>
      {cropping ? (
        <Suspense fallback={null}>
          <CropDialog
            slot={slot}
            fileName={fileName}
            file={cropping}
            onCancel={() => setCropping(null)}
            onDone={cropped}
          />
        </Suspense>
      ) : null}
    </div>
  );
}
