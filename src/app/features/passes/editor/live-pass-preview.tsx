import { useCallback, useEffect, useMemo, useState } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { PassChecksPanel } from '../checks/pass-checks-panel';
import { blockingChecks, runPassChecks } from '../checks/pass-checks';
import { PassPreviewPanel } from '../preview/pass-preview-panel';
import type { PassFormValues } from '../model/form-model';
import { toPreviewPass } from '../model/preview-pass';
import { isFormPath } from './form-paths';
import { useImageSizes } from './image-sizes';

function useStableList<T extends { id: string; message: string }>(list: T[]): T[] {
  const [stable, setStable] = useState(list);
  const same =
    stable.length === list.length &&
    stable.every((item, i) => item.id === list[i]?.id && item.message === list[i]?.message);
  if (!same) setStable(list);
  return same ? stable : list;
}

/**
 * The only place that watches the whole form: it hands one snapshot to the memoised preview and
 * to the pass checks, so the form's sections never re-render for one another's keystrokes.
 */
export function LivePassPreview({ onBlockingChange }: { onBlockingChange: (messages: string[]) => void }) {
  const { control, setFocus } = useFormContext<PassFormValues>();
  const values = useWatch({ control }) as Partial<PassFormValues>;
  // Rendered with the keystroke, not deferred: measured, a deferred preview arrived later (the
  // render is small enough to keep typing smooth; see README, Performance).
  const imageSizes = useImageSizes();
  const pass = useMemo(() => toPreviewPass(values), [values]);
  const computed = useMemo(() => runPassChecks({ ...pass, imageSizes }), [pass, imageSizes]);
  // Same problems as before → same array, so the memoised panel skips the keystroke.
  const checks = useStableList(computed);
  const blockingKey = blockingChecks(checks)
    .map((c) => c.message)
    .join('\n');

  useEffect(() => {
    onBlockingChange(blockingKey ? blockingKey.split('\n') : []);
  }, [blockingKey, onBlockingChange]);

  const select = useCallback(
    (path: string) => {
      if (path.startsWith('images.')) {
        document.getElementById('section-images')?.scrollIntoView({ behavior: 'smooth', block: 'start' });
        return;
      }
      if (isFormPath(path)) setFocus(path, { shouldSelect: false });
    },
    [setFocus],
  );

  return (
    <>
      <PassPreviewPanel pass={pass} onSelectField={select} />
      <PassChecksPanel checks={checks} onSelect={select} />
    </>
  );
}
