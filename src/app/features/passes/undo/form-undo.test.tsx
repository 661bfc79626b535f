import { act, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useEffect } from 'react';
import { useFieldArray, useForm } from 'react-hook-form';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TYPING_PAUSE_MS, useFormUndo } from './form-undo';
import { UndoButtons } from './undo-buttons';

interface Values {
  name: string;
  published: boolean;
  rows: { label: string }[];
}

let api: { reset: () => void; discard: () => void } | undefined;

function Harness() {
  const form = useForm<Values>({
    defaultValues: { name: 'Harbor', published: false, rows: [{ label: 'One' }, { label: 'Two' }] },
  });
  const rows = useFieldArray({ control: form.control, name: 'rows' });
  const [undo, bindUndo] = useFormUndo(form);
  useEffect(() => {
    api = { reset: undo.reset, discard: () => form.reset() };
  });
  return (
    <form ref={bindUndo} aria-label="Pass">
      <label>
        Name <input {...form.register('name')} />
      </label>
      <label>
        <input type="checkbox" {...form.register('published')} /> Published
      </label>
      {rows.fields.map((field, index) => (
        <fieldset key={field.id} aria-label={`Row ${index + 1}`}>
          <input aria-label="Label" {...form.register(`rows.${index}.label`)} />
          <button type="button" onClick={() => rows.remove(index)}>
            Remove
          </button>
          <button type="button" onClick={() => rows.move(index, 0)}>
            To top
          </button>
        </fieldset>
      ))}
      <button type="button" onClick={() => rows.append({ label: 'New' })}>
        Add row
      </button>
      <UndoButtons undo={undo} />
    </form>
  );
}

const labels = () => screen.getAllByLabelText('Label').map((input) => (input as HTMLInputElement).value);
const undoButton = () => screen.getByRole('button', { name: /Undo/ });
const redoButton = () => screen.getByRole('button', { name: /Redo/ });

afterEach(() => vi.useRealTimers());

describe('form-wide undo', () => {
  it('undoes and redoes row changes, a finished text edit and a checkbox, in order', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    expect(undoButton()).toBeDisabled();

    await user.type(screen.getByLabelText('Name'), ' Bay');
    await user.tab(); // the edit is finished when the field loses focus
    await user.click(screen.getByRole('button', { name: 'Add row' }));
    await user.click(within(screen.getByRole('group', { name: 'Row 2' })).getByRole('button', { name: 'To top' }));
    await user.click(within(screen.getByRole('group', { name: 'Row 1' })).getByRole('button', { name: 'Remove' }));
    await user.click(screen.getByLabelText('Published'));
    await act(() => new Promise((r) => setTimeout(r, 10)));
    expect(labels()).toEqual(['One', 'New']);

    const steps: string[][] = [];
    while (!undoButton().hasAttribute('disabled')) {
      await user.click(undoButton());
      steps.push([(screen.getByLabelText('Name') as HTMLInputElement).value, ...labels()]);
    }
    expect(steps).toEqual([
      ['Harbor Bay', 'One', 'New'], // published unticked
      ['Harbor Bay', 'Two', 'One', 'New'], // the removed row is back
      ['Harbor Bay', 'One', 'Two', 'New'], // moved back
      ['Harbor Bay', 'One', 'Two'], // added row gone
      ['Harbor', 'One', 'Two'], // the name edit
    ]);
    expect((screen.getByLabelText('Published') as HTMLInputElement).checked).toBe(false);

    await user.click(redoButton());
    await user.click(redoButton());
    expect(labels()).toEqual(['One', 'Two', 'New']);
    expect(screen.getByLabelText('Name')).toHaveValue('Harbor Bay');
  });

  it('keeps Ctrl+Z for the browser inside a text field, and undoes elsewhere with the keyboard', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    await user.click(screen.getByRole('button', { name: 'Add row' }));
    await act(() => new Promise((r) => setTimeout(r, 10)));
    const name = screen.getByLabelText('Name');
    name.focus();
    const inField = fireEvent.keyDown(name, { key: 'z', ctrlKey: true });
    expect(inField).toBe(true); // not prevented: the browser's own undo
    expect(labels()).toHaveLength(3);

    const onBody = fireEvent.keyDown(document.body, { key: 'z', ctrlKey: true });
    expect(onBody).toBe(false);
    expect(labels()).toHaveLength(2);
    fireEvent.keyDown(document.body, { key: 'Z', metaKey: true, shiftKey: true });
    expect(labels()).toHaveLength(3);
  });

  it('takes a pause in typing as a finished edit, undoes Discard, and starts over on reset', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    render(<Harness />);
    await user.type(screen.getByLabelText('Name'), '!');
    expect(undoButton()).toBeDisabled(); // still typing
    await act(() => vi.advanceTimersByTimeAsync(TYPING_PAUSE_MS + 50));
    expect(undoButton()).toBeEnabled();

    act(() => api!.discard());
    await act(() => vi.advanceTimersByTimeAsync(10));
    expect(screen.getByLabelText('Name')).toHaveValue('Harbor');
    await user.click(undoButton());
    expect(screen.getByLabelText('Name')).toHaveValue('Harbor!');

    act(() => api!.reset());
    expect(undoButton()).toBeDisabled();
    expect(redoButton()).toBeDisabled();
  });
});
