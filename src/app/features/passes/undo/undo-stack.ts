/**
 * The form-wide undo history: snapshots of the whole form at commit points (a finished field
 * edit, a row added, removed or moved, an image replaced, a Discard), never per keystroke.
 * `present` is the snapshot the form shows; undo and redo move it along the history.
 */
export const UNDO_LIMIT = 200;

export class UndoStack<T> {
  #past: T[] = [];
  #future: T[] = [];
  #present: T;
  readonly #limit: number;
  readonly #same: (a: T, b: T) => boolean;

  constructor(present: T, options: { limit?: number; same?: (a: T, b: T) => boolean } = {}) {
    this.#present = present;
    this.#limit = options.limit ?? UNDO_LIMIT;
    this.#same = options.same ?? ((a, b) => JSON.stringify(a) === JSON.stringify(b));
  }

  get present(): T {
    return this.#present;
  }
  get canUndo(): boolean {
    return this.#past.length > 0;
  }
  get canRedo(): boolean {
    return this.#future.length > 0;
  }
  get size(): number {
    return this.#past.length;
  }

  /** Starts over from `present` (a save, or a newly loaded pass): nothing to undo or redo. */
  reset(present: T): void {
    this.#past = [];
    this.#future = [];
    this.#present = present;
  }

  /** Records `next` as a step; nothing when it equals the present. A new step drops the redo list. */
  commit(next: T): boolean {
    if (this.#same(this.#present, next)) return false;
    this.#past.push(this.#present);
    if (this.#past.length > this.#limit) this.#past.shift();
    this.#future = [];
    this.#present = next;
    return true;
  }

  undo(): T | undefined {
    const previous = this.#past.pop();
    if (previous === undefined) return undefined;
    this.#future.push(this.#present);
    this.#present = previous;
    return previous;
  }

  redo(): T | undefined {
    const next = this.#future.pop();
    if (next === undefined) return undefined;
    this.#past.push(this.#present);
    this.#present = next;
    return next;
  }
}
