import { useCallback, useMemo, useSyncExternalStore } from 'react';
import { type FieldPath, type FieldPathValue, useFormContext } from 'react-hook-form';
import type { PassFormValues } from '../model/form-model';
import { formSnapshotOf, valueAt } from '../model/form-snapshot';

/**
 * The editor form's value at `name`, re-rendering only when that part of the form changes. Used
 * instead of react-hook-form's `useWatch`, which copies the whole form on every matching change
 * (see model/form-snapshot.ts).
 */
export function useFormValue<N extends FieldPath<PassFormValues>>(name: N): FieldPathValue<PassFormValues, N>;
export function useFormValue(name: string): unknown;
export function useFormValue(name: string): unknown {
  const { control } = useFormContext<PassFormValues>();
  const store = formSnapshotOf(control);
  // Read on every change of the form by every reader: the path is split once, not per read.
  const keys = useMemo(() => name.split('.'), [name]);
  const read = useCallback(() => valueAt(store.get(), keys), [store, keys]);
  return useSyncExternalStore(store.subscribe, read, read);
}
