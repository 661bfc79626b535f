import { describe, expect, it } from 'vitest';
import { buildPass } from '../../../../testing/factories';
import { toFormValues } from './form-model';
import { changedUnits, diffThreeWay, mergeValues } from './merge';

const base = toFormValues(buildPass({ passName: 'Base' }));
const edit = (change: (v: typeof base) => void) => {
  const copy = structuredClone(base);
  change(copy);
  return copy;
};

describe('three-way merge', () => {
  it('keeps both sides where they changed different fields', () => {
    const mine = edit((v) => (v.passMetadata.description = 'mine'));
    const theirs = edit((v) => (v.passMetadata.qrText = 'theirs'));
    const diff = diffThreeWay(base, mine, theirs);
    expect(diff.conflicts).toEqual([]);
    expect(diff.mineOnly.map((u) => u.id)).toEqual(['passMetadata.description']);
    expect(diff.theirsOnly.map((u) => u.id)).toEqual(['passMetadata.qrText']);
    const merged = mergeValues(mine, theirs, diff);
    expect(merged.passMetadata.description).toBe('mine');
    expect(merged.passMetadata.qrText).toBe('theirs');
  });

  it('reports a field both changed differently and follows the choice', () => {
    const mine = edit((v) => (v.passMetadata.description = 'mine'));
    const theirs = edit((v) => (v.passMetadata.description = 'theirs'));
    const diff = diffThreeWay(base, mine, theirs);
    expect(diff.conflicts.map((u) => u.label)).toEqual(['Description']);
    expect(mergeValues(mine, theirs, diff).passMetadata.description).toBe('mine');
    expect(mergeValues(mine, theirs, diff, { 'passMetadata.description': 'theirs' }).passMetadata.description).toBe(
      'theirs',
    );
  });

  it('treats the same change on both sides as no conflict, and null like empty', () => {
    const mine = edit((v) => (v.passMetadata.description = 'same'));
    const theirs = edit((v) => {
      v.passMetadata.description = 'same';
      v.notificationHeader = v.notificationHeader ? v.notificationHeader : null;
    });
    expect(diffThreeWay(base, mine, theirs).conflicts).toEqual([]);
    expect(
      changedUnits(
        base,
        edit((v) => (v.notificationHeader = v.notificationHeader ?? '')),
      ),
    ).toEqual([]);
  });

  it('compares lists whole: reordered secondary fields are a change', () => {
    const mine = edit((v) => v.passMetadata.secondaryFields?.reverse());
    expect(changedUnits(base, mine).map((u) => u.label)).toEqual(['Secondary fields']);
  });
});
