import { useDeferredValue, useEffect, useMemo } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { PassChecksPanel } from '../checks/pass-checks-panel';
import { blockingChecks, runPassChecks } from '../checks/pass-checks';
import { PassPreviewPanel } from '../preview/pass-preview-panel';
import type { PreviewPass } from '../preview/preview-model';
import { IMAGE_SLOTS, type PassFormValues, slotFileName } from './form-model';
import { useImageSizes } from './image-sizes';

/** Form values → the pass-shaped value the pure preview components take. */
export function toPreviewPass(values: Partial<PassFormValues>): PreviewPass {
  const images: PreviewPass['images'] = {};
  for (const slot of IMAGE_SLOTS) images[slotFileName(slot)] = values.images?.[slot]?.url ?? null;
  return {
    passName: values.passName ?? null,
    notificationHeader: values.notificationHeader ?? null,
    passMetadata: { ...values.passMetadata, locations: values.locations ?? [] },
    images,
  };
}

/**
 * The only place that watches the whole form: it hands one snapshot to the memoised preview and
 * to the pass checks, so the form's sections never re-render for one another's keystrokes.
 */
export function LivePassPreview({ onBlockingChange }: { onBlockingChange: (messages: string[]) => void }) {
  const { control, setFocus } = useFormContext<PassFormValues>();
  const values = useWatch({ control }) as Partial<PassFormValues>;
  // Typing stays responsive: the preview may lag a keystroke behind under load, never the input.
  const deferred = useDeferredValue(values);
  const imageSizes = useImageSizes();
  const pass = useMemo(() => toPreviewPass(deferred), [deferred]);
  const checks = useMemo(() => runPassChecks({ ...pass, imageSizes }), [pass, imageSizes]);
  const blockingKey = blockingChecks(checks)
    .map((c) => c.message)
    .join('\n');

  useEffect(() => {
    onBlockingChange(blockingKey ? blockingKey.split('\n') : []);
  }, [blockingKey, onBlockingChange]);

  const select = (path: string) => {
    if (path.startsWith('images.')) {
      document.getElementById('section-images')?.scrollIntoView({ behavior: 'smooth', block: 'start' });
      return;
    }
    setFocus(path as 'passName', { shouldSelect: false });
  };

  return (
    <>
      <PassPreviewPanel pass={pass} onSelectField={select} />
      <PassChecksPanel checks={checks} onSelect={select} />
    </>
  );
}
