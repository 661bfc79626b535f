import { describe, expect, it } from 'vitest';
import { diffText, isLongText } from './text-diff';

describe('diffText', () => {
  it('keeps both texts recoverable from its parts', () => {
    const before = 'The quick brown fox jumps over the lazy dog';
    const after = 'The quick red fox leaps over the dog today';
    const parts = diffText(before, after);
    expect(
      parts
        .filter((p) => p.kind !== 'added')
        .map((p) => p.text)
        .join(''),
    ).toBe(before);
    expect(
      parts
        .filter((p) => p.kind !== 'removed')
        .map((p) => p.text)
        .join(''),
    ).toBe(after);
    expect(parts.filter((p) => p.kind === 'removed').map((p) => p.text.trim())).toEqual(['brown', 'jumps', 'lazy dog']);
  });

  it('shows a text with few words in common as replaced', () => {
    expect(diffText('A pass made by a test.', 'Collect double points at every visit this summer.')).toEqual([
      { kind: 'removed', text: 'A pass made by a test.' },
      { kind: 'added', text: 'Collect double points at every visit this summer.' },
    ]);
  });

  it('shows very long texts as replaced', () => {
    const before = 'a '.repeat(900);
    const after = 'b '.repeat(900);
    expect(diffText(before, after)).toEqual([
      { kind: 'removed', text: before },
      { kind: 'added', text: after },
    ]);
  });

  it('calls multi-line or long values long', () => {
    expect(isLongText('short', 'short too')).toBe(false);
    expect(isLongText('one\ntwo', 'one')).toBe(true);
    expect(isLongText('x'.repeat(61), '')).toBe(true);
  });
});
