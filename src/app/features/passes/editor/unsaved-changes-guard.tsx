import { useEffect } from 'react';
import { useFormContext, useFormState } from 'react-hook-form';
import { addNavigationGuard } from '../../../history-router';
import type { PassFormValues } from '../model/form-model';

/** Asks before leaving the route or closing the tab with unsaved changes. */
export function UnsavedChangesGuard() {
  const { control } = useFormContext<PassFormValues>();
  const { isDirty } = useFormState({ control });
  useEffect(() => {
    if (!isDirty) return undefined;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    const removeGuard = addNavigationGuard(() =>
      window.confirm('You have unsaved changes. Leave this pass without saving them?'),
    );
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      removeGuard();
    };
  }, [isDirty]);
  return null;
}
