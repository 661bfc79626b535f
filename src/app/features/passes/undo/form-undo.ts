/**
 * Form-wide undo and redo for a react-hook-form form. Snapshots are taken only at commit points,
 * never per keystroke: when a field loses focus, after a pause in typing, when a checkbox or
 * select changes, and after any change made by code rather than typing (rows added, removed or
 * moved, an image replaced, Discard), which react-hook-form reports without an input event.
 * Inside a focused text field Ctrl/Cmd+Z stays the browser's own per-field undo.
 */
import { useState, useSyncExternalStore } from 'react';
import type { FieldValues, UseFormReturn } from 'react-hook-form';
import { formSnapshotOf } from '../model/form-snapshot';
import { UndoStack } from './undo-stack';

/** Typing that stops this long is a finished edit, even while the field keeps focus. */
export const TYPING_PAUSE_MS = 800;

const TEXT_INPUT_TYPES = new Set(['text', 'search', 'url', 'email', 'tel', 'number', 'password', '']);

/** True when the key goes to the browser's own text undo. */
export function isTextEditing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement) return true;
  return target instanceof HTMLInputElement && TEXT_INPUT_TYPES.has(target.type);
}

export class FormUndo<T extends FieldValues> {
  readonly #form: UseFormReturn<T>;
  readonly #stack: UndoStack<T>;
  readonly #listeners = new Set<() => void>();
  #applying = false;
  /**
   * Until the user first touches the page, changes are the editor settling (sections mounting,
   * values normalised): they move the starting point instead of becoming steps.
   */
  #engaged = false;
  #scheduled: ReturnType<typeof setTimeout> | undefined;
  #state = { canUndo: false, canRedo: false };

  constructor(form: UseFormReturn<T>) {
    this.#form = form;
    this.#stack = new UndoStack(this.#snapshot());
  }

  #snapshot(): T {
    return structuredClone(this.#form.getValues());
  }

  #publish() {
    const next = { canUndo: this.#stack.canUndo, canRedo: this.#stack.canRedo };
    if (next.canUndo === this.#state.canUndo && next.canRedo === this.#state.canRedo) return;
    this.#state = next;
    for (const listener of this.#listeners) listener();
  }

  readonly subscribe = (listener: () => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };
  readonly getState = () => this.#state;

  /** Records the form as it is now as one step (nothing when unchanged). */
  readonly commit = () => {
    clearTimeout(this.#scheduled);
    this.#scheduled = undefined;
    if (this.#applying) return;
    if (this.#engaged) this.#stack.commit(this.#snapshot());
    else this.#stack.reset(this.#snapshot());
    this.#publish();
  };

  /** A commit once the current event has finished (values settle after handlers run). */
  readonly commitSoon = (delay = 0) => {
    if (this.#applying) return;
    clearTimeout(this.#scheduled);
    this.#scheduled = setTimeout(this.commit, delay);
  };

  /** Starts over from the form as it is (after a save or a load): nothing to undo. */
  readonly reset = () => {
    clearTimeout(this.#scheduled);
    this.#stack.reset(this.#snapshot());
    this.#publish();
  };

  #apply(values: T | undefined) {
    if (values === undefined) return;
    this.#applying = true;
    try {
      // The saved pass stays the form's default: dirty state keeps comparing with it.
      this.#form.reset(structuredClone(values), { keepDefaultValues: true });
    } finally {
      this.#applying = false;
    }
    this.#publish();
  }

  readonly undo = () => {
    // An edit still being typed is a step of its own: undo goes back to before it.
    this.commit();
    this.#apply(this.#stack.undo());
  };

  readonly redo = () => {
    this.commit();
    this.#apply(this.#stack.redo());
  };

  /** Callback ref of the form element: wires the commit points and shortcuts while mounted. */
  readonly bind = (root: HTMLElement | null): (() => void) | undefined => (root ? this.#attach(root) : undefined);

  #attach(root: HTMLElement): () => void {
    const unwatch = formSnapshotOf(this.#form.control).subscribe(({ type }) => {
      // Typing ('change') commits on blur or pause; anything else is a step once it settles.
      if (type !== 'change') this.commitSoon();
    });
    const onInput = (event: Event) => this.commitSoon(isTextEditing(event.target) ? TYPING_PAUSE_MS : 0);
    const onFocusOut = () => this.commitSoon();
    const onEngage = () => {
      if (this.#engaged) return;
      // Whatever settled before this first touch is the starting point.
      this.commit();
      this.#engaged = true;
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
      const key = event.key.toLowerCase();
      const redo = (key === 'z' && event.shiftKey) || (key === 'y' && !event.shiftKey && !event.metaKey);
      if (key !== 'z' && !redo) return;
      if (isTextEditing(event.target)) return;
      // A dialog (review, history) has its own keys.
      if (event.target instanceof Element && event.target.closest('dialog')) return;
      event.preventDefault();
      if (redo) this.redo();
      else this.undo();
    };
    root.addEventListener('input', onInput);
    root.addEventListener('change', onInput);
    root.addEventListener('focusout', onFocusOut);
    document.addEventListener('pointerdown', onEngage, true);
    document.addEventListener('keydown', onEngage, true);
    root.addEventListener('focusin', onEngage, true);
    document.addEventListener('keydown', onKeyDown);
    return () => {
      unwatch();
      clearTimeout(this.#scheduled);
      root.removeEventListener('input', onInput);
      root.removeEventListener('change', onInput);
      root.removeEventListener('focusout', onFocusOut);
      document.removeEventListener('pointerdown', onEngage, true);
      document.removeEventListener('keydown', onEngage, true);
      root.removeEventListener('focusin', onEngage, true);
      document.removeEventListener('keydown', onKeyDown);
    };
  }
}

/**
 * One `FormUndo` for the life of the editor (it survives re-renders), and the callback ref that
 * attaches it to the form element. The editor does not re-render on undo state; `useUndoState`
 * does.
 */
export function useFormUndo<T extends FieldValues>(
  form: UseFormReturn<T>,
): [FormUndo<T>, (root: HTMLElement | null) => (() => void) | undefined] {
  const [undo] = useState(() => new FormUndo(form));
  return [undo, undo.bind];
}

export function useUndoState<T extends FieldValues>(undo: FormUndo<T>): { canUndo: boolean; canRedo: boolean } {
  return useSyncExternalStore(undo.subscribe, undo.getState, undo.getState);
}
