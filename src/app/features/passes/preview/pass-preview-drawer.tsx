import { useEffect, useId, useMemo, useRef } from 'react';
import type { WalletPass } from '../../../../contract/schemas';
import { Button } from '../../../components/ui/button';
import { PassPreviewPanel } from './pass-preview-panel';
import { previewPassOf } from './preview-input';

/**
 * A read-only preview of a stored pass in a side panel (the list's "Preview"). Loaded on demand so
 * the list route does not carry the preview's code.
 */
export default function PassPreviewDrawer({
  pass,
  onClose,
  onEdit,
}: {
  pass: WalletPass;
  onClose: () => void;
  onEdit: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const preview = useMemo(() => previewPassOf(pass), [pass]);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return undefined;
    const opener = document.activeElement as HTMLElement | null;
    dialog.showModal();
    return () => {
      if (dialog.open) dialog.close();
      opener?.focus?.();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      className="m-0 ml-auto h-full max-h-none w-full max-w-[760px] overflow-y-auto border-l border-surface-border bg-surface p-0 text-ink shadow-pop backdrop:bg-ink/30"
    >
      <div className="sticky top-0 z-10 flex items-center gap-3 border-b border-surface-border bg-surface/95 px-6 py-4 backdrop-blur">
        <h2 id={titleId} className="min-w-0 flex-1 truncate text-lg font-semibold">
          {pass.passName || 'Untitled pass'}
        </h2>
        <Button size="sm" variant="primary" onClick={onEdit}>
          Edit pass
        </Button>
        <Button size="sm" onClick={onClose}>
          Close
        </Button>
      </div>
      <div className="px-6 py-5">
        <PassPreviewPanel pass={preview} />
      </div>
    </dialog>
  );
}
