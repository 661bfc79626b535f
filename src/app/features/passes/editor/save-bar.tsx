import { type ReactNode, useEffect, useRef } from 'react';
import { useFormContext, useFormState } from 'react-hook-form';
import { Button } from '../../../components/ui/button';
import type { SavePhase } from '../api/use-save-pass-flow';
import { type PassFormValues, countDirty } from '../model/form-model';
import { useSaveBarClearance } from './use-save-bar-clearance';

/** Busy phases: the save is under way (a conflict waiting for an answer is not). */
const isSaveBusy = (phase: SavePhase) => phase !== 'idle' && phase !== 'conflict';

/** The sticky bar at the foot of the editor: what the save is doing, Discard and Save. */
export function SaveBar({
  phase,
  retryMessage,
  onDiscard,
  tools,
}: {
  phase: SavePhase;
  retryMessage: string | null;
  onDiscard: () => void;
  /** Before Discard: undo and redo, the review. */
  tools?: ReactNode;
}) {
  const { control } = useFormContext<PassFormValues>();
  const { isDirty, dirtyFields } = useFormState({ control });
  const changed = countDirty(dirtyFields);
  const saving = isSaveBusy(phase);
  const barRef = useRef<HTMLDivElement>(null);
  useSaveBarClearance(barRef);
  return (
    <div ref={barRef} data-save-bar className="fixed inset-x-0 bottom-0 z-20 border-t border-surface-border bg-surface">
      <div className="mx-auto flex min-h-16 w-full max-w-[1680px] flex-wrap items-center gap-x-3 gap-y-1 px-4 py-2 sm:flex-nowrap sm:px-6 lg:px-8">
        <p role="status" className="w-full text-sm text-ink-muted sm:w-auto">
          {phase === 'offline' ? (
            'Offline: the save starts when the connection returns.'
          ) : phase === 'checking' ? (
            'Checking for changes by others…'
          ) : phase === 'retrying' ? (
            retryMessage
          ) : phase === 'reviewing' ? (
            'Review the changes before they reach holders.'
          ) : saving ? (
            'Saving…'
          ) : isDirty ? (
            <>
              <span aria-hidden="true" className="mr-2 inline-block size-2 rounded-full bg-warning-600" />
              {changed === 0
                ? 'Unsaved changes'
                : `Unsaved changes in ${changed === 1 ? '1 field' : `${changed} fields`}`}
            </>
          ) : (
            'All changes saved'
          )}
        </p>
        <span className="hidden text-xs text-ink-subtle xl:inline">Ctrl+S or ⌘S saves</span>
        <div className="ml-auto flex items-center gap-2">
          {tools}
          <Button onClick={onDiscard} disabled={!isDirty || saving}>
            Discard
          </Button>
          <Button type="submit" variant="primary" busy={saving} disabled={!isDirty && !saving}>
            Save
          </Button>
        </div>
      </div>
    </div>
  );
}

/** Ctrl/Cmd+S saves from anywhere in the editor. */
export function useSaveShortcut(submit: () => void) {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
        event.preventDefault();
        submit();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [submit]);
}
