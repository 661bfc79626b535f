import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { passWithMetadata, renderSection } from '../../../../../testing/editor-harness';
import { ColorSuggestion } from './color-suggestion';
import { LookSection } from './look-section';

function renderLook(dominant: { r: number; g: number; b: number } | null) {
  const pass = passWithMetadata({ backgroundColor: '#FFFFFF', displayTextColor: '#222222' });
  return renderSection(
    <>
      <LookSection />
      <ColorSuggestion dominant={dominant} source="logo" />
    </>,
    { pass },
  );
}

describe('ColorSuggestion', () => {
  it('offers the artwork’s colour with readable text, and applies it only on a click', async () => {
    const h = renderLook({ r: 0x1f, g: 0x30, b: 0x68 });
    expect(screen.getByText(/From the logo: background/)).toHaveTextContent(
      'From the logo: background #1F3068, text #FFFFFF (12.5:1)',
    );
    const background = screen.getByRole('textbox', { name: 'Background colour' });
    expect(background).toHaveValue('#FFFFFF');
    await h.user.click(screen.getByRole('button', { name: 'Use these colours' }));
    expect(background).toHaveValue('#1F3068');
    expect(screen.getByRole('textbox', { name: 'Text colour' })).toHaveValue('#FFFFFF');
    // Applied: the chip has nothing more to offer.
    expect(screen.queryByRole('button', { name: 'Use these colours' })).not.toBeInTheDocument();
    await h.submit();
    expect(h.submitted().passMetadata).toMatchObject({ backgroundColor: '#1F3068', displayTextColor: '#FFFFFF' });
  });

  it('puts black text on a light or mid-tone colour (whichever of black and white reads better)', () => {
    renderLook({ r: 0xe6, g: 0x4a, b: 0x19 });
    expect(screen.getByText(/From the logo: background/)).toHaveTextContent(
      'From the logo: background #E64A19, text #000000 (5.4:1)',
    );
  });

  it('offers nothing without artwork', () => {
    renderLook(null);
    expect(screen.queryByRole('button', { name: 'Use these colours' })).not.toBeInTheDocument();
  });
});
