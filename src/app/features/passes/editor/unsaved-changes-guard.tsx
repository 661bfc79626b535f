import { useEffect, useState } from 'react';
import { useFormContext, useFormState } from 'react-hook-form';
import { Button } from '../../../components/ui/button';
import { Dialog } from '../../../components/ui/dialog';
import { addNavigationGuard } from '../../../history-router';
import type { PassFormValues } from '../model/form-model';

/**
 * Asks before leaving the pass with unsaved changes: in the app's own dialog for a move inside
 * the app (a link, the back button, Disconnect), with the browser's prompt only where nothing
 * else may run (closing the tab, a reload, another site).
 */
export function UnsavedChangesGuard() {
  const { control } = useFormContext<PassFormValues>();
  const { isDirty } = useFormState({ control });
  // The navigation waiting for an answer.
  const [pending, setPending] = useState<{ proceed: () => void } | null>(null);
  useEffect(() => {
    if (!isDirty) return undefined;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    const removeGuard = addNavigationGuard((_to, proceed) => {
      setPending({ proceed });
      return false;
    });
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      removeGuard();
    };
  }, [isDirty]);

  return (
    <Dialog
      open={pending !== null}
      onClose={() => setPending(null)}
      title="Leave without saving?"
      description="This pass has unsaved changes. If you leave now they are not saved; this browser keeps a copy you can restore when you open the pass again."
      footer={
        <>
          <Button onClick={() => setPending(null)}>Stay on this pass</Button>
          <Button
            variant="danger"
            onClick={() => {
              const proceed = pending?.proceed;
              setPending(null);
              proceed?.();
            }}
          >
            Leave without saving
          </Button>
        </>
      }
    />
  );
}
