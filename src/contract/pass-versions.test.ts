import { describe, expect, it } from 'vitest';
import { changedParts, summariseParts } from './pass-versions';
import { type WalletPass, WalletPassSchema } from './schemas';

const buildPass = (overrides: Partial<WalletPass> = {}): WalletPass =>
  WalletPassSchema.parse({
    id: 'p1',
    passName: 'Pass',
    updatedTime: '2030-01-01T00:00:00.000Z',
    passMetadata: {
      organizationName: 'Org',
      secondaryFields: [
        { key: 'a', label: 'A', value: '1' },
        { key: 'b', label: 'B', value: '2' },
      ],
    },
    ...overrides,
  });

describe('changedParts', () => {
  it('names the parts that differ and ignores server-set values and null against empty', () => {
    const before = buildPass({ status: 'Draft', passLinkSlug: null });
    const after = structuredClone(before);
    after.status = 'Published';
    after.passLinkSlug = '';
    after.updatedTime = '2031-01-01T00:00:00.000Z';
    after.appleActiveCount = 4;
    after.passMetadata!.secondaryFields!.reverse();
    after.uploadInfoList = [{ fileName: 'logo.png', uploadKey: 'k1' }];
    expect(changedParts(before, after)).toEqual(['status', 'passMetadata.secondaryFields', 'images.logo.png']);
  });

  it('compares locations by what a marketer edits, not their ids', () => {
    const location = { id: 'a', name: 'Quay', latitude: 1, longitude: 2, relevantText: 'Hi', createdTime: 't1' };
    const before = buildPass({ passMetadata: { locations: [location] } });
    const after = buildPass({ passMetadata: { locations: [{ ...location, id: 'b', createdTime: 't2' }] } });
    expect(changedParts(before, after)).not.toContain('passMetadata.locations');
    after.passMetadata!.locations![0]!.relevantText = 'Hello';
    expect(changedParts(before, after)).toContain('passMetadata.locations');
  });
});

describe('summariseParts', () => {
  it('reads as one line', () => {
    expect(summariseParts([])).toBe('No visible change');
    expect(summariseParts(['passName'])).toBe('Pass name');
    expect(summariseParts(['passName', 'status'])).toBe('Pass name and Status');
    expect(summariseParts(['passName', 'status', 'passMetadata.qrUrl', 'images.logo.png', 'x'])).toBe(
      'Pass name, Status, QR code content and 2 more',
    );
  });
});
