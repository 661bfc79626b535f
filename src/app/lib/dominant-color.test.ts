import { describe, expect, it } from 'vitest';
import { contrastRatio } from './color';
import { dominantColor, suggestColors } from './dominant-color';

function image(parts: [number, [number, number, number, number]][]) {
  const total = parts.reduce((n, [count]) => n + count, 0);
  const rgba = new Uint8ClampedArray(total * 4);
  let i = 0;
  for (const [count, colour] of parts) for (let k = 0; k < count; k++) rgba.set(colour, 4 * i++);
  return { rgba, width: total, height: 1 };
}

describe('dominantColor', () => {
  it('answers the most common opaque colour, ignoring transparent pixels', () => {
    const { rgba, width, height } = image([
      [500, [0, 0, 0, 0]],
      [60, [0x1f, 0x30, 0x68, 255]],
      [40, [250, 250, 250, 255]],
    ]);
    expect(dominantColor(rgba, width, height)).toEqual({ r: 0x1f, g: 0x30, b: 0x68 });
  });

  it('answers null for a fully transparent image', () => {
    const { rgba, width, height } = image([[10, [255, 0, 0, 0]]]);
    expect(dominantColor(rgba, width, height)).toBeNull();
  });
});

describe('suggestColors', () => {
  it('puts white text on a dark colour and black text on a light one', () => {
    expect(suggestColors({ r: 0x1f, g: 0x30, b: 0x68 })).toMatchObject({ background: '#1F3068', text: '#FFFFFF' });
    expect(suggestColors({ r: 0xf4, g: 0xd0, b: 0x3f })).toMatchObject({ background: '#F4D03F', text: '#000000' });
  });

  it('always reaches 4.5:1, even on mid-tones', () => {
    for (const colour of [
      { r: 0x80, g: 0x80, b: 0x80 },
      { r: 0xe6, g: 0x4a, b: 0x19 },
      { r: 0x00, g: 0x96, b: 0x88 },
      ...Array.from({ length: 52 }, (_, i) => ({ r: i * 5, g: i * 5, b: i * 5 })),
    ]) {
      const suggestion = suggestColors(colour);
      expect(suggestion.contrast).toBeGreaterThanOrEqual(4.5);
      expect(contrastRatio(suggestion.background, suggestion.text)).toBeCloseTo(suggestion.contrast);
    }
  });
});
