import { describe, expect, it } from 'vitest';
import { UNDO_LIMIT, UndoStack } from './undo-stack';

describe('UndoStack', () => {
  it('undoes and redoes committed steps in order', () => {
    const stack = new UndoStack({ name: 'a' });
    expect(stack.commit({ name: 'ab' })).toBe(true);
    expect(stack.commit({ name: 'abc' })).toBe(true);
    expect(stack.undo()).toEqual({ name: 'ab' });
    expect(stack.undo()).toEqual({ name: 'a' });
    expect(stack.undo()).toBeUndefined();
    expect(stack.canUndo).toBe(false);
    expect(stack.redo()).toEqual({ name: 'ab' });
    expect(stack.redo()).toEqual({ name: 'abc' });
    expect(stack.redo()).toBeUndefined();
    expect(stack.present).toEqual({ name: 'abc' });
  });

  it('ignores a commit equal to the present and drops the redo list on a new step', () => {
    const stack = new UndoStack({ rows: [1, 2] });
    expect(stack.commit({ rows: [1, 2] })).toBe(false);
    stack.commit({ rows: [2, 1] });
    stack.undo();
    expect(stack.canRedo).toBe(true);
    stack.commit({ rows: [1] });
    expect(stack.canRedo).toBe(false);
    expect(stack.undo()).toEqual({ rows: [1, 2] });
  });

  it(`holds at least 100 steps (${UNDO_LIMIT}), dropping the oldest beyond`, () => {
    const stack = new UndoStack(0);
    for (let i = 1; i <= UNDO_LIMIT + 5; i++) stack.commit(i);
    expect(stack.size).toBe(UNDO_LIMIT);
    let last: number | undefined;
    let steps = 0;
    for (let value = stack.undo(); value !== undefined; value = stack.undo()) {
      last = value;
      steps++;
    }
    expect(steps).toBeGreaterThanOrEqual(100);
    expect(last).toBe(5);
  });

  it('starts over on reset', () => {
    const stack = new UndoStack('a');
    stack.commit('b');
    stack.reset('saved');
    expect([stack.canUndo, stack.canRedo, stack.present]).toEqual([false, false, 'saved']);
  });
});
