import { describe, expect, it } from 'vitest';
import { buildPass } from '../../../../testing/factories';
import { mergeLive } from './use-visible-counts';

const pages = (...groups: ReturnType<typeof buildPass>[][]) => ({
  pages: groups.map((items, i) => ({ items, hasMore: i < groups.length - 1, cursor: `c${i}` })),
  pageParams: groups.map((_, i) => (i === 0 ? undefined : `c${i - 1}`)),
});

describe('mergeLive', () => {
  it('lays fresh counts and status over the loaded passes, keeping everything else', () => {
    const a = buildPass({ passName: 'A', totalIssuedCount: 1, appleIssuedCount: 1, status: 'Draft' });
    const b = buildPass({ passName: 'B', totalIssuedCount: 5 });
    const c = buildPass({ passName: 'C', totalIssuedCount: 9 });
    const data = pages([a, b], [c]);
    const fresh = new Map([
      [
        a.id,
        { ...a, passName: 'renamed elsewhere', totalIssuedCount: 3, appleIssuedCount: 3, status: 'Published' as const },
      ],
    ]);
    const merged = mergeLive(data, fresh);
    const first = merged.pages[0]!.items[0]!;
    expect(first.totalIssuedCount).toBe(3);
    expect(first.appleIssuedCount).toBe(3);
    expect(first.status).toBe('Published');
    // Only the live fields move: the name is the list's until the list itself is read again.
    expect(first.passName).toBe('A');
    // Untouched passes and pages keep their identity, so their rows do not re-render.
    expect(merged.pages[0]!.items[1]).toBe(b);
    expect(merged.pages[1]).toBe(data.pages[1]);
  });

  it('returns the same data when nothing moved', () => {
    const a = buildPass({ totalIssuedCount: 2 });
    const data = pages([a]);
    expect(mergeLive(data, new Map([[a.id, { ...a }]]))).toBe(data);
    expect(mergeLive(data, new Map())).toBe(data);
  });
});
