import { act, fireEvent, render, screen } from '@testing-library/react';
import { useFieldArray, useForm } from 'react-hook-form';
import { describe, expect, it } from 'vitest';
import { type FormChange, formSnapshotOf, refreshAt, sharedCopy, valueAt } from './form-snapshot';

describe('sharedCopy', () => {
  it('copies without sharing an object with the live values, and reuses what is equal', () => {
    const live = { a: { b: [1, { c: 'x' }] }, d: 'y' };
    const first = sharedCopy(undefined, live) as typeof live;
    expect(first).toEqual(live);
    expect(first.a).not.toBe(live.a);
    expect(first.a.b[1]).not.toBe(live.a.b[1]);
    // Nothing changed: the very same snapshot.
    expect(sharedCopy(first, live)).toBe(first);
    // One leaf changed: a new path to it, every other part kept.
    live.d = 'z';
    const second = sharedCopy(first, live) as typeof live;
    expect(second).not.toBe(first);
    expect(second.a).toBe(first.a);
    expect(second.d).toBe('z');
  });
});

describe('refreshAt', () => {
  it('brings one path up to date and keeps the rest of the snapshot', () => {
    const live = { rows: [{ label: 'A' }, { label: 'B' }], name: 'n' };
    const before = sharedCopy(undefined, live) as typeof live;
    live.rows[1]!.label = 'B2';
    const after = refreshAt(before, live, ['rows', '1', 'label']) as typeof live;
    expect(after.rows[1]).toEqual({ label: 'B2' });
    expect(after.rows[0]).toBe(before.rows[0]);
    expect(after.name).toBe(before.name);
    // A path whose value is unchanged gives back the same snapshot.
    expect(refreshAt(after, live, ['rows', '0', 'label'])).toBe(after);
  });

  it('takes a list that grew or shrank whole, rows kept where equal', () => {
    const live = { rows: [{ label: 'A' }, { label: 'B' }] };
    const before = sharedCopy(undefined, live) as typeof live;
    live.rows.push({ label: 'C' });
    const after = refreshAt(before, live, ['rows', '2', 'label']) as typeof live;
    expect(after.rows).toHaveLength(3);
    expect(after.rows[0]).toBe(before.rows[0]);
    live.rows.splice(0, 1);
    const shorter = refreshAt(after, live, ['rows']) as typeof live;
    expect(shorter.rows.map((r) => r.label)).toEqual(['B', 'C']);
  });

  it('drops a key that is gone', () => {
    const before = { a: 1, b: 2 };
    const after = refreshAt(before, { a: 1 }, ['b']);
    expect(after).toEqual({ a: 1 });
  });
});

interface Values {
  name: string;
  other: string;
  rows: { label: string }[];
}

/** A form like the editor's: registered inputs, a field array, setValue and reset. */
function Harness({ onReady }: { onReady: (form: ReturnType<typeof useForm<Values>>) => void }) {
  const form = useForm<Values>({ defaultValues: { name: 'Coffee', other: 'x', rows: [{ label: 'A' }] } });
  const rows = useFieldArray({ control: form.control, name: 'rows' });
  onReady(form);
  return (
    <form>
      <input aria-label="Name" {...form.register('name')} />
      {rows.fields.map((field, i) => (
        <input key={field.id} aria-label={`Row ${i + 1}`} {...form.register(`rows.${i}.label`)} />
      ))}
      <button type="button" onClick={() => rows.append({ label: 'New' })}>
        Add
      </button>
    </form>
  );
}

describe('formSnapshotOf', () => {
  it('follows typing, setValue, list operations and reset, and says what changed', async () => {
    let form!: ReturnType<typeof useForm<Values>>;
    render(<Harness onReady={(f) => (form = f)} />);
    const store = formSnapshotOf(form.control);
    const changes: FormChange[] = [];
    store.subscribe((change) => changes.push(change));
    const start = store.get();

    fireEvent.input(screen.getByLabelText('Name'), { target: { value: 'Tea' } });
    await act(async () => {});
    expect(store.get().name).toBe('Tea');
    expect(store.get().rows).toBe(start.rows);
    expect(changes.at(-1)).toMatchObject({ name: 'name', type: 'change' });

    act(() => form.setValue('other', 'y'));
    expect(store.get().other).toBe('y');
    expect(changes.at(-1)?.type).toBeUndefined();

    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    await act(async () => {});
    expect(store.get().rows.map((r) => r.label)).toEqual(['A', 'New']);

    fireEvent.input(screen.getByLabelText('Row 2'), { target: { value: 'Typed' } });
    await act(async () => {});
    expect(valueAt(store.get(), 'rows.1.label')).toBe('Typed');

    act(() => form.reset({ name: 'Reset', other: 'x', rows: [] }));
    expect(store.get()).toEqual({ name: 'Reset', other: 'x', rows: [] });
  });

  it('is one store per form', () => {
    let form!: ReturnType<typeof useForm<Values>>;
    render(<Harness onReady={(f) => (form = f)} />);
    expect(formSnapshotOf(form.control)).toBe(formSnapshotOf(form.control));
  });
});
