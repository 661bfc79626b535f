/**
 * An immutable copy of the editor form's values that changes only along the path that changed.
 *
 * react-hook-form keeps the values in one object it edits in place, and hands a watcher a copy
 * of the whole form on every change the watcher's name matches (`useWatch`, `watch(callback)`):
 * on a large pass that copy is most of a keystroke's cost, and it grows with the pass. This store
 * listens to the form's own change signals instead (each names the field or list that changed;
 * a reset names none) and copies only that part, reusing every untouched part as it was, so
 * readers memoised on a part skip a keystroke made elsewhere.
 */
import type { Control, FieldValues } from 'react-hook-form';

type Container = Record<string, unknown> | unknown[];

const isContainer = (value: unknown): value is Container =>
  Array.isArray(value) ||
  (typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype);

const sameKind = (a: Container, b: Container) => Array.isArray(a) === Array.isArray(b);

const child = (container: Container, key: string): unknown => (container as Record<string, unknown>)[key];

/**
 * A copy of `live` that shares no object with it, reusing `prev`'s parts wherever they are equal
 * (and `prev` itself when all of it is): unchanged parts keep their identity.
 */
export function sharedCopy(prev: unknown, live: unknown): unknown {
  if (!isContainer(live)) return live;
  const base = isContainer(prev) && sameKind(prev, live) ? prev : undefined;
  if (Array.isArray(live)) {
    const before = base as unknown[] | undefined;
    let same = before !== undefined && before.length === live.length;
    const out = live.map((item, i) => {
      const value = sharedCopy(before?.[i], item);
      if (value !== before?.[i]) same = false;
      return value;
    });
    return same ? before : out;
  }
  const before = base as Record<string, unknown> | undefined;
  const keys = Object.keys(live);
  let same = before !== undefined && Object.keys(before).length === keys.length;
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    const value = sharedCopy(before?.[key], live[key]);
    if (before === undefined || !(key in before) || value !== before[key]) same = false;
    out[key] = value;
  }
  return same ? before : out;
}

/** `prev` with the part at `path` brought up to date from `live`; `prev` itself if nothing differs. */
export function refreshAt(prev: unknown, live: unknown, path: readonly string[], at = 0): unknown {
  if (at === path.length || !isContainer(prev) || !isContainer(live) || !sameKind(prev, live))
    return sharedCopy(prev, live);
  // A list that grew or shrank is brought up to date whole (its rows still keep their identity).
  if (Array.isArray(prev) && prev.length !== (live as unknown[]).length) return sharedCopy(prev, live);
  const key = path[at]!;
  const before = child(prev, key);
  const after = refreshAt(before, child(live, key), path, at + 1);
  const present = key in live;
  if (after === before && present === key in prev) return prev;
  if (Array.isArray(prev)) {
    const copy = prev.slice();
    copy[Number(key)] = after;
    return copy;
  }
  const copy = { ...prev };
  if (present) copy[key] = after;
  else delete copy[key];
  return copy;
}

/** The value at a dotted form path (`passMetadata.backFields.2.label`, or its keys) of a snapshot. */
export function valueAt(values: unknown, name: string | readonly string[]): unknown {
  let value = values;
  for (const key of typeof name === 'string' ? name.split('.') : name) {
    if (!isContainer(value)) return undefined;
    value = child(value, key);
  }
  return value;
}

/** What changed: the form path (none: anything may have), and the kind of event (`change` is typing). */
export interface FormChange {
  name?: string;
  type?: string;
}

export interface FormSnapshot<T> {
  get(): T;
  /** Called after each change that altered the values, with what changed. */
  subscribe(listener: (change: FormChange) => void): () => void;
}

const stores = new WeakMap<object, FormSnapshot<unknown>>();

/** The snapshot store of a form (one per form, made on first use, living as long as the form). */
export function formSnapshotOf<T extends FieldValues>(control: Control<T>): FormSnapshot<T> {
  const known = stores.get(control);
  if (known) return known as FormSnapshot<T>;
  let snapshot = sharedCopy(undefined, control._formValues);
  const listeners = new Set<(change: FormChange) => void>();
  const refresh = (change: FormChange) => {
    const live = control._formValues;
    const next = change.name ? refreshAt(snapshot, live, change.name.split('.')) : sharedCopy(snapshot, live);
    if (next === snapshot) return;
    snapshot = next;
    for (const listener of listeners) listener(change);
  };
  // Every change to the values is announced on these: typing and setValue with the field's name,
  // list operations with the list's name, a reset with none (and its values).
  control._subjects.state.subscribe({
    next: (state) => {
      if (state.name) refresh({ name: state.name, type: state.type });
      else if ('values' in state) refresh({ type: state.type });
    },
  });
  control._subjects.array.subscribe({ next: ({ name }) => refresh(name ? { name } : {}) });
  const store: FormSnapshot<T> = {
    get: () => snapshot as T,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  stores.set(control, store as FormSnapshot<unknown>);
  return store;
}
