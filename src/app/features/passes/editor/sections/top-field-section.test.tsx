import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import {
  expectFieldError,
  expectNoFieldError,
  passWithMetadata,
  renderSection,
} from '../../../../../testing/editor-harness';
import { SecondaryFieldsSection } from './secondary-fields-section';
import { TopFieldSection } from './top-field-section';

const topField = { key: 'points', label: 'POINTS', value: '10', changeMessage: 'You now have %@ points' };

describe('TopFieldSection', () => {
  it('shows the stored top field and submits edits', async () => {
    const h = renderSection(<TopFieldSection />, { pass: passWithMetadata({ topField }) });
    expect(screen.getByLabelText('Label')).toHaveValue('POINTS');
    expect(screen.getByLabelText('Key')).toHaveValue('points');
    await h.user.clear(screen.getByLabelText('Value'));
    await h.user.type(screen.getByLabelText('Value'), '1,250');
    await h.submit();
    expect(h.submitted().passMetadata.topField).toEqual({ ...topField, value: '1,250' });
  });

  it('requires a key', async () => {
    const h = renderSection(<TopFieldSection />, { pass: passWithMetadata({ topField }) });
    const key = screen.getByLabelText('Key');
    await h.user.clear(key);
    await h.user.tab();
    expectFieldError(key, 'Key is required');
    await h.submit();
    expect(h.onValid).not.toHaveBeenCalled();
    await h.user.type(key, 'beans');
    expectNoFieldError(key);
  });

  it('refuses a key with spaces or other characters', async () => {
    const h = renderSection(<TopFieldSection />, { pass: passWithMetadata({ topField }) });
    const key = screen.getByLabelText('Key');
    await h.user.clear(key);
    await h.user.type(key, 'my points');
    await h.user.tab();
    expectFieldError(key, 'Key may use letters, digits, dots, dashes and underscores only');
  });

  it('refuses a key a secondary field already uses', async () => {
    const h = renderSection(
      <>
        <TopFieldSection />
        <SecondaryFieldsSection />
      </>,
      {
        pass: passWithMetadata({
          topField,
          secondaryFields: [{ key: 'tier', label: 'Tier', value: 'Gold', changeMessage: '' }],
        }),
      },
    );
    const secondaryKey = within(screen.getByRole('group', { name: 'Secondary field 1' })).getByLabelText('Key');
    await h.user.clear(secondaryKey);
    await h.user.type(secondaryKey, 'points');
    await h.submit();
    expectFieldError(secondaryKey, 'The key "points" is already used in this pass');
    // The first holder of the key keeps it.
    expectNoFieldError(screen.getAllByLabelText('Key')[0]!);
    expect(h.onValid).not.toHaveBeenCalled();
  });
});
