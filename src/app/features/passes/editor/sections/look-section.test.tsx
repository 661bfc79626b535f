import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import {
  expectFieldError,
  expectNoFieldError,
  passWithMetadata,
  renderSection,
} from '../../../../../testing/editor-harness';
import { LookSection } from './look-section';

const COLOR_MESSAGE = 'Use a colour written as #RRGGBB, for example #1A2B3C';

function renderLook(colors: { backgroundColor?: string | null; displayTextColor?: string | null } = {}) {
  return renderSection(<LookSection />, {
    pass: passWithMetadata({ backgroundColor: '#1F3068', displayTextColor: '#FFFFFF', ...colors }),
  });
}

describe('LookSection', () => {
  it('submits the edited organisation name and description', async () => {
    const h = renderLook();
    await h.user.clear(screen.getByLabelText('Organisation name'));
    await h.user.type(screen.getByLabelText('Organisation name'), 'Bean & Bloom');
    await h.user.clear(screen.getByLabelText('Description'));
    await h.user.type(screen.getByLabelText('Description'), 'Ten beans, one drink.');
    await h.submit();
    expect(h.submitted().passMetadata).toMatchObject({
      organizationName: 'Bean & Bloom',
      description: 'Ten beans, one drink.',
    });
  });

  it.each(['Background colour', 'Text colour'])('refuses a %s that is not #RRGGBB', async (label) => {
    const h = renderLook();
    const input = screen.getByLabelText(label);
    await h.user.clear(input);
    await h.user.type(input, 'red');
    await h.user.tab();
    expect(input).toHaveValue('red');
    expectFieldError(input, COLOR_MESSAGE);
    await h.submit();
    expect(h.onValid).not.toHaveBeenCalled();
  });

  it('refuses a short hex colour and accepts it once complete', async () => {
    const h = renderLook();
    const input = screen.getByLabelText('Background colour');
    await h.user.clear(input);
    await h.user.type(input, '#12345');
    await h.user.tab();
    expectFieldError(input, COLOR_MESSAGE);
    await h.user.type(input, '6');
    expectNoFieldError(input);
  });

  it('upper-cases a valid lower-case colour on blur, and adds a missing #', async () => {
    const h = renderLook();
    const background = screen.getByLabelText('Background colour');
    await h.user.clear(background);
    await h.user.type(background, '#1a2b3c');
    await h.user.tab();
    expect(background).toHaveValue('#1A2B3C');
    expectNoFieldError(background);

    const text = screen.getByLabelText('Text colour');
    await h.user.clear(text);
    await h.user.type(text, 'ffeedd');
    await h.user.tab();
    expect(text).toHaveValue('#FFEEDD');

    await h.submit();
    expect(h.submitted().passMetadata).toMatchObject({ backgroundColor: '#1A2B3C', displayTextColor: '#FFEEDD' });
  });

  it('writes the picked colour into the text input', async () => {
    const h = renderLook();
    const picker = screen.getByLabelText('Background colour picker');
    expect(picker).toHaveValue('#1f3068');
    fireEvent.input(picker, { target: { value: '#00ff7f' } });
    expect(screen.getByLabelText('Background colour')).toHaveValue('#00FF7F');
    await h.submit();
    expect(h.submitted().passMetadata.backgroundColor).toBe('#00FF7F');
  });

  it('follows the text input in the picker', async () => {
    const h = renderLook();
    const text = screen.getByLabelText('Text colour');
    await h.user.clear(text);
    await h.user.type(text, '#ABCDEF');
    expect(screen.getByLabelText('Text colour picker')).toHaveValue('#abcdef');
  });

  it('shows a readable contrast ratio', () => {
    renderLook();
    const meter = screen.getByText(/Text contrast/);
    expect(meter).toHaveTextContent('Text contrast 12.49:1 — readable (4.5:1 or more).');
    expect(meter).not.toHaveTextContent('below 4.5:1');
  });

  it('warns when the contrast falls below 4.5:1, live', async () => {
    const h = renderLook({ backgroundColor: '#FFFFFF', displayTextColor: '#767676' });
    expect(screen.getByText(/Text contrast/)).toHaveTextContent('4.54:1 — readable');
    const text = screen.getByLabelText('Text colour');
    await h.user.clear(text);
    await h.user.type(text, '#777777');
    expect(screen.getByText(/Text contrast/)).toHaveTextContent(
      'Text contrast 4.48:1 — below 4.5:1, hard to read for many holders.',
    );
    // A warning, not a block.
    await h.submit();
    expect(h.submitted().passMetadata.displayTextColor).toBe('#777777');
  });

  it('shows no ratio until both colours are valid', async () => {
    const h = renderLook();
    await h.user.clear(screen.getByLabelText('Background colour'));
    await h.user.type(screen.getByLabelText('Background colour'), '#12');
    expect(screen.getByText('Contrast appears once both colours are valid.')).toBeInTheDocument();
    expect(screen.queryByText(/Text contrast/)).not.toBeInTheDocument();
  });

  it('accepts empty colours', async () => {
    const h = renderLook({ backgroundColor: null, displayTextColor: null });
    expectNoFieldError(screen.getByLabelText('Background colour'));
    await h.submit();
    expect(h.onValid).toHaveBeenCalledTimes(1);
  });

  it('refuses a stored organisation name longer than 255 characters', async () => {
    const h = renderSection(<LookSection />, { pass: passWithMetadata({ organizationName: 'O'.repeat(256) }) });
    await h.submit();
    expectFieldError(screen.getByLabelText('Organisation name'), 'Organisation name must be at most 255 characters');
  });
});
