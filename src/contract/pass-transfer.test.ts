import { describe, expect, it } from 'vitest';
import { PASS_EXPORT_FORMAT, checkImport, exportDocumentText, sortKeysDeep } from './pass-transfer';
import { PNG_SIGNATURE } from './wallet-rules';

const png = new Uint8Array([...PNG_SIGNATURE, 0, 0, 0, 13]);

const goodPass = (name: string) => ({
  passName: name,
  status: 'Published',
  id: 'old-id',
  totalIssuedCount: 12,
  'x-campaign': { code: 'spring', tags: ['a'] },
  passMetadata: {
    organizationName: 'Bean & Ember',
    topField: { key: 'stamps', label: 'STAMPS', value: '3', changeMessage: 'Now %@' },
    backFields: [{ key: 'web', label: 'Web', value: [{ text: 'Site', link: 'https://example.com' }] }],
    locations: [
      {
        id: 'loc-1',
        name: 'Shop',
        latitude: 45.5,
        longitude: -122.6,
        relevantText: 'Near the shop',
        walletPass: { id: 'old-id' },
      },
    ],
  },
  uploadInfoList: [{ fileName: 'logo.png', file: 'images/a/logo.png' }],
});

describe('pass export file', () => {
  it('writes sorted keys, so the same passes always give the same text', () => {
    const a = exportDocumentText([{ b: 1, a: { d: 2, c: [{ z: 1, y: 2 }] } }]);
    const b = exportDocumentText([{ a: { c: [{ y: 2, z: 1 }], d: 2 }, b: 1 }]);
    expect(a).toBe(b);
    expect(JSON.parse(a)).toEqual({
      format: PASS_EXPORT_FORMAT,
      version: 1,
      passes: [{ a: { c: [{ y: 2, z: 1 }], d: 2 }, b: 1 }],
    });
    expect(Object.keys(sortKeysDeep({ b: 1, a: 2 }) as object)).toEqual(['a', 'b']);
  });

  it('reads good passes as drafts without server keys, keeping unknown keys, images and locations', () => {
    const check = checkImport(
      { format: PASS_EXPORT_FORMAT, version: 1, passes: [goodPass('One')] },
      new Map([['images/a/logo.png', png]]),
    );
    expect(check.ok).toBe(true);
    const [pass] = check.passes;
    expect(pass!.body.status).toBe('Draft');
    expect(pass!.body).not.toHaveProperty('id');
    expect(pass!.body).not.toHaveProperty('totalIssuedCount');
    expect(pass!.body['x-campaign']).toEqual({ code: 'spring', tags: ['a'] });
    expect(pass!.body.passMetadata).not.toHaveProperty('locations');
    expect(pass!.images).toEqual([{ fileName: 'logo.png', bytes: png }]);
    expect(pass!.locations).toEqual([
      { name: 'Shop', latitude: 45.5, longitude: -122.6, relevantText: 'Near the shop' },
    ]);
  });

  it('accepts a bare list or a single hand-written pass', () => {
    expect(checkImport([{ passName: 'A', passMetadata: {} }]).ok).toBe(true);
    expect(checkImport({ passName: 'B', passMetadata: {} }).ok).toBe(true);
  });

  it('refuses a file with any bad pass, with a message per pass at fault and nothing to create', () => {
    const bad = {
      passes: [
        goodPass('Fine'),
        { passName: '', passMetadata: { backgroundColor: 'red' } },
        {
          passName: 'Broken links',
          passMetadata: {
            backFields: [{ key: 'x', value: [{ text: 'Run', link: 'javascript:alert(1)' }] }],
            locations: [{ name: 'Nowhere', latitude: 123, longitude: 0, relevantText: 'Hi' }],
          },
          uploadInfoList: [
            { fileName: 'strip.png', file: 'images/missing.png' },
            { fileName: 'banner.png', url: 'https://x' },
          ],
        },
        'not a pass',
      ],
    };
    const check = checkImport(bad, new Map([['images/a/logo.png', png]]));
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.problems.map((p) => [p.index, p.name])).toEqual([
      [1, 'Pass 2'],
      [2, 'Broken links'],
      [3, 'Pass 4'],
    ]);
    expect(check.problems[0]!.messages).toEqual(
      expect.arrayContaining([
        'passName: Pass name is required',
        expect.stringMatching(/^passMetadata.backgroundColor: /),
      ]),
    );
    const broken = check.problems[1]!.messages.join('\n');
    expect(broken).toContain('passMetadata.backFields.0.value.0.link');
    expect(broken).toContain('passMetadata.locations.0.latitude');
    expect(broken).toContain('images/missing.png is not in the export');
    expect(broken).toContain('uploadInfoList.1.fileName');
  });

  it('refuses what is not a pass export', () => {
    expect(checkImport({ format: 'something-else', passes: [] }).ok).toBe(false);
    expect(checkImport({ passes: [] }).ok).toBe(false);
    expect(checkImport(42).ok).toBe(false);
    const future = checkImport({ format: PASS_EXPORT_FORMAT, version: 99, passes: [goodPass('A')] });
    expect(future.ok).toBe(false);
  });

  it('refuses an image whose file is not a PNG', () => {
    const check = checkImport([goodPass('A')], new Map([['images/a/logo.png', new Uint8Array([1, 2, 3])]]));
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.problems[0]!.messages.join()).toContain('is not a PNG');
  });
});
