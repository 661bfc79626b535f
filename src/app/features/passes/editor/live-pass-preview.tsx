import { useDeferredValue, useMemo } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { PassPreviewPanel } from '../preview/pass-preview-panel';
import type { PreviewPass } from '../preview/preview-model';
import { IMAGE_SLOTS, type PassFormValues, slotFileName } from './form-model';

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
 * The only place that watches the whole form: it hands a snapshot to the memoised preview, so the
 * form's sections never re-render for one another's keystrokes.
 */
export function LivePassPreview() {
  const { control, setFocus } = useFormContext<PassFormValues>();
  const values = useWatch({ control }) as Partial<PassFormValues>;
  // Typing stays responsive: the preview may lag a keystroke behind under load, never the input.
  const deferred = useDeferredValue(values);
  const pass = useMemo(() => toPreviewPass(deferred), [deferred]);
  return (
    <PassPreviewPanel
      pass={pass}
      onSelectField={(path) => {
        if (path.startsWith('images.')) {
          document.getElementById('section-images')?.scrollIntoView({ behavior: 'smooth', block: 'start' });
          return;
        }
        setFocus(path as 'passName', { shouldSelect: false });
      }}
    />
  );
}
