import { useCallback, useEffect, useMemo, useState } from 'react';
import { useFormContext } from 'react-hook-form';
import { PassChecksPanel } from '../checks/pass-checks-panel';
import { type PassCheckInput, blockingChecks, createPassCheckRunner } from '../checks/pass-checks';
import { PassPreviewPanel } from '../preview/pass-preview-panel';
import type { PassFormValues } from '../model/form-model';
import { previewImagesOf } from '../model/preview-pass';
import { isFormPath } from './form-paths';
import { useImageSizes } from './image-sizes';
import { useFormValue } from './use-form-value';

function useStableList<T extends { id: string; message: string }>(list: T[]): T[] {
  const [stable, setStable] = useState(list);
  const same =
    stable.length === list.length &&
    stable.every((item, i) => item.id === list[i]?.id && item.message === list[i]?.message);
  if (!same) setStable(list);
  return same ? stable : list;
}

/**
 * The pass as the previews and checks read it, part by part from the form's snapshot
 * (useFormValue): a keystroke in one part hands over a new value for that part only, and every
 * other part keeps its identity, so the models and checks memoised on a part (see
 * createPassCheckRunner, preview-model.ts) skip it.
 */
function useWatchedPass(): PassCheckInput {
  const passName = useFormValue('passName');
  const notificationHeader = useFormValue('notificationHeader');
  const description = useFormValue('passMetadata.description');
  const organizationName = useFormValue('passMetadata.organizationName');
  const backgroundColor = useFormValue('passMetadata.backgroundColor');
  const displayTextColor = useFormValue('passMetadata.displayTextColor');
  const qrUrl = useFormValue('passMetadata.qrUrl');
  const qrText = useFormValue('passMetadata.qrText');
  const topField = useFormValue('passMetadata.topField');
  const secondaryFields = useFormValue('passMetadata.secondaryFields');
  const backFields = useFormValue('passMetadata.backFields');
  const appDeepLinks = useFormValue('passMetadata.appDeepLinks');
  const locations = useFormValue('locations');
  const images = useFormValue('images');
  const imageUrls = useMemo(() => previewImagesOf(images), [images]);
  // A new object only when one of its parts changed (each part keeps its identity otherwise).
  const passMetadata = useMemo(
    () => ({
      description,
      organizationName,
      backgroundColor,
      displayTextColor,
      qrUrl,
      qrText,
      topField,
      secondaryFields,
      backFields,
      appDeepLinks,
      locations,
    }),
    [
      description,
      organizationName,
      backgroundColor,
      displayTextColor,
      qrUrl,
      qrText,
      topField,
      secondaryFields,
      backFields,
      appDeepLinks,
      locations,
    ],
  );
  return useMemo(
    () => ({ passName, notificationHeader, passMetadata, images: imageUrls }),
    [passName, notificationHeader, passMetadata, imageUrls],
  );
}

/**
 * The live preview and the pass checks, fed part by part from the form (useWatchedPass), so the
 * form's sections never re-render for one another's keystrokes and a keystroke re-checks and
 * re-draws only the part it changed.
 */
export function LivePassPreview({ onBlockingChange }: { onBlockingChange: (messages: string[]) => void }) {
  const { setFocus } = useFormContext<PassFormValues>();
  // Rendered with the keystroke, not deferred: measured, a deferred preview arrived later (the
  // render is small enough to keep typing smooth; see README, Performance).
  const pass = useWatchedPass();
  const imageSizes = useImageSizes();
  const [runChecks] = useState(createPassCheckRunner);
  const computed = useMemo(() => runChecks({ ...pass, imageSizes }), [runChecks, pass, imageSizes]);
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
