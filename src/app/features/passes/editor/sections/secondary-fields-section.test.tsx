import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { PassField } from '../../../../../contract/schemas';
import {
  expectFieldError,
  expectNoFieldError,
  passWithMetadata,
  renderSection,
} from '../../../../../testing/editor-harness';
import { SecondaryFieldsSection } from './secondary-fields-section';

const field = (n: number): PassField => ({ key: `f${n}`, label: `Label ${n}`, value: `Value ${n}`, changeMessage: '' });

function renderSecondary(count: number) {
  const fields = Array.from({ length: count }, (_, i) => field(i + 1));
  return renderSection(<SecondaryFieldsSection />, {
    pass: passWithMetadata({ topField: { key: 'points' }, secondaryFields: fields, backFields: [] }),
  });
}

const group = (n: number) => screen.getByRole('group', { name: `Secondary field ${n}` });
const input = (n: number, label: string) => within(group(n)).getByLabelText(label);

describe('SecondaryFieldsSection', () => {
  it('adds a field with a key no other field uses', async () => {
    const h = renderSecondary(2);
    await h.user.click(screen.getByRole('button', { name: 'Add secondary field' }));
    expect(screen.getAllByRole('group')).toHaveLength(3);
    const newKey = (input(3, 'Key') as HTMLInputElement).value;
    expect(newKey).toMatch(/^field\d+$/);
    await h.user.type(input(3, 'Label'), 'Tier');
    await h.submit();
    const keys = h.submitted().passMetadata.secondaryFields?.map((f) => f.key);
    expect(keys).toEqual(['f1', 'f2', newKey]);
    expect(h.submitted().passMetadata.secondaryFields?.[2]).toMatchObject({ label: 'Tier', value: '' });
  });

  it('skips a generated key that is already taken', async () => {
    const h = renderSection(<SecondaryFieldsSection />, {
      // Two keys in use, so the first candidate is field3, which the top field has.
      pass: passWithMetadata({ topField: { key: 'field3' }, secondaryFields: [field(1)], backFields: [] }),
    });
    await h.user.click(screen.getByRole('button', { name: 'Add secondary field' }));
    expect(input(2, 'Key')).toHaveValue('field4');
    await h.submit();
    expect(h.onValid).toHaveBeenCalledTimes(1);
  });

  it('removes a field', async () => {
    const h = renderSecondary(3);
    await h.user.click(screen.getByRole('button', { name: 'Remove secondary field 2' }));
    expect(screen.queryByRole('group', { name: 'Secondary field 3' })).not.toBeInTheDocument();
    expect(input(2, 'Label')).toHaveValue('Label 3');
    await h.submit();
    expect(h.submitted().passMetadata.secondaryFields?.map((f) => f.key)).toEqual(['f1', 'f3']);
  });

  it('moves fields up and down', async () => {
    const h = renderSecondary(3);
    expect(screen.getByRole('button', { name: 'Move secondary field 1 up' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Move secondary field 3 down' })).toBeDisabled();
    await h.user.click(screen.getByRole('button', { name: 'Move secondary field 2 up' }));
    expect(input(1, 'Label')).toHaveValue('Label 2');
    expect(input(2, 'Label')).toHaveValue('Label 1');
    await h.user.click(screen.getByRole('button', { name: 'Move secondary field 2 down' }));
    expect(input(3, 'Label')).toHaveValue('Label 1');
    await h.submit();
    expect(h.submitted().passMetadata.secondaryFields?.map((f) => f.key)).toEqual(['f2', 'f3', 'f1']);
  });

  it('shows no Apple warning with 4 fields', () => {
    renderSecondary(4);
    expect(screen.queryByText(/Apple Wallet store cards show at most 4/)).not.toBeInTheDocument();
  });

  it('warns above 4 fields that Apple shows only 4, and still saves', async () => {
    const h = renderSecondary(4);
    await h.user.click(screen.getByRole('button', { name: 'Add secondary field' }));
    expect(screen.getByRole('status')).toHaveTextContent(
      'Apple Wallet store cards show at most 4 secondary fields; fields 5 to 5 appear on Google Wallet only.',
    );
    await h.user.click(screen.getByRole('button', { name: 'Add secondary field' }));
    expect(screen.getByRole('status')).toHaveTextContent('fields 5 to 6 appear on Google Wallet only.');
    await h.submit();
    expect(h.onInvalid).not.toHaveBeenCalled();
    expect(h.submitted().passMetadata.secondaryFields).toHaveLength(6);
  });

  it('refuses a key another secondary field already uses', async () => {
    const h = renderSecondary(2);
    const key = input(2, 'Key');
    await h.user.clear(key);
    await h.user.type(key, 'f1');
    await h.user.tab();
    expectFieldError(key, 'The key "f1" is already used in this pass');
    expectNoFieldError(input(1, 'Key'));
    await h.submit();
    expect(h.onValid).not.toHaveBeenCalled();
    await h.user.type(key, 'b');
    expectNoFieldError(key);
  });

  it('requires a key on each field', async () => {
    const h = renderSecondary(2);
    await h.user.clear(input(2, 'Key'));
    await h.submit();
    expectFieldError(input(2, 'Key'), 'Key is required');
    expect(h.onValid).not.toHaveBeenCalled();
  });
});
