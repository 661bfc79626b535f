import type { FieldValues } from 'react-hook-form';
import { Button } from '../../../components/ui/button';
import { type FormUndo, useUndoState } from './form-undo';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** Undo and Redo for the save bar; they re-render on their own, not the editor. */
export function UndoButtons<T extends FieldValues>({ undo }: { undo: FormUndo<T> }) {
  const { canUndo, canRedo } = useUndoState(undo);
  const mod = isMac ? '⌘' : 'Ctrl+';
  return (
    <div role="group" aria-label="Undo and redo" className="flex items-center gap-1">
      <Button
        size="sm"
        variant="ghost"
        onClick={undo.undo}
        disabled={!canUndo}
        aria-keyshortcuts="Control+Z Meta+Z"
        title={`Undo (${mod}Z)`}
      >
        <span aria-hidden="true" className="text-base">
          ↶
        </span>
        <span className="sr-only sm:not-sr-only">Undo</span>
      </Button>
      <Button
        size="sm"
        variant="ghost"
        onClick={undo.redo}
        disabled={!canRedo}
        aria-keyshortcuts="Control+Shift+Z Meta+Shift+Z"
        title={`Redo (${mod}${isMac ? '⇧Z' : 'Shift+Z'})`}
      >
        <span aria-hidden="true" className="text-base">
          ↷
        </span>
        <span className="sr-only sm:not-sr-only">Redo</span>
      </Button>
    </div>
  );
}
