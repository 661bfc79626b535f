import { describe, expect, it } from 'vitest';
import { toPreviewPass } from '../model/preview-pass';
import type { PassFormValues } from '../model/form-model';
import {
  type PassCheck,
  type PassCheckInput,
  type PassCheckMetadata,
  blockingChecks,
  runPassChecks,
} from './pass-checks';

/** A pass with nothing to report. */
function goodPass(): PassCheckInput & { passMetadata: PassCheckMetadata } {
  return {
    passName: 'Coffee card',
    notificationHeader: 'Bean There',
    passMetadata: {
      organizationName: 'Bean There',
      description: 'Loyalty card',
      backgroundColor: '#3B2A20',
      displayTextColor: '#FFFFFF',
      topField: { key: 'points', label: 'Points', value: '120', changeMessage: 'You now have %@ points' },
      secondaryFields: [
        { key: 'level', label: 'Level', value: 'Gold', changeMessage: 'Level is now %@' },
        { key: 'name', label: 'Name', value: 'Ada' },
      ],
      backFields: [
        { key: 'web', label: 'Website', changeMessage: '', value: [{ text: 'Site', link: 'https://x.test' }] },
      ],
      qrUrl: 'https://bean.test/c/1',
      qrText: 'Card 1',
      appDeepLinks: {
        appleDeepLinkData: { appStoreId: '123456', launchUrl: 'bean://open' },
        googleDeepLinkData: { displayText: 'Open Bean There', androidPackageName: 'com.bean.app' },
      },
    },
    images: {
      'logo.png': 'blob:logo',
      'icon.png': 'blob:icon',
      'strip.png': 'blob:strip',
      'footer.png': null,
    },
    imageSizes: {
      logo: { width: 660, height: 660 },
      icon: { width: 87, height: 87 },
      strip: { width: 1125, height: 432 },
    },
    locations: [{ name: 'Main St', enabled: true, relevantText: 'Coffee is near' }],
  };
}

type Meta = PassCheckMetadata;
const withMeta = (meta: Partial<Meta>): PassCheckInput => {
  const pass = goodPass();
  return { ...pass, passMetadata: { ...pass.passMetadata, ...meta } };
};
const find = (checks: PassCheck[], path: string) => checks.filter((c) => c.path === path);
const one = (checks: PassCheck[], path: string): PassCheck => {
  const hits = find(checks, path);
  expect(hits).toHaveLength(1);
  return hits[0]!;
};
const field = (n: number, extra: object = {}) => ({ key: `k${n}`, label: `L${n}`, value: `v${n}`, ...extra });

describe('runPassChecks', () => {
  it('finds nothing on a complete pass', () => {
    expect(runPassChecks(goodPass())).toEqual([]);
  });

  describe('required images', () => {
    it.each([
      ['logo.png', 'images.logo', 'both'],
      ['icon.png', 'images.icon', 'apple'],
      ['strip.png', 'images.strip', 'both'],
    ] as const)('reports a missing %s as an error', (name, path, platform) => {
      for (const missing of [null, undefined, '', '  ']) {
        const pass = goodPass();
        pass.images = { ...pass.images, [name]: missing };
        const check = one(runPassChecks(pass), path);
        expect(check).toMatchObject({ severity: 'error', platform, id: `image-missing:${path}` });
        expect(check.message).toContain(name);
      }
    });

    it('does not require the footer', () => {
      const pass = goodPass();
      pass.images = { ...pass.images, 'footer.png': undefined };
      expect(runPassChecks(pass)).toEqual([]);
    });
  });

  describe('change messages', () => {
    it('errors on a top field change message without %@', () => {
      const check = one(
        runPassChecks(withMeta({ topField: { label: 'Points', value: '1', changeMessage: 'Points changed' } })),
        'passMetadata.topField.changeMessage',
      );
      expect(check).toMatchObject({ severity: 'error', platform: 'apple' });
      expect(check.message).toBe('Top field (Points): the change message needs %@ where the new value goes.');
    });

    it('errors on secondary and back field change messages without %@, naming the field by number', () => {
      const checks = runPassChecks(
        withMeta({
          secondaryFields: [field(1), { key: 'k2', changeMessage: 'Updated' }],
          backFields: [{ label: 'Terms', changeMessage: 'New terms' }],
        }),
      );
      expect(one(checks, 'passMetadata.secondaryFields.1.changeMessage').message).toBe(
        'Secondary field 2: the change message needs %@ where the new value goes.',
      );
      expect(one(checks, 'passMetadata.backFields.0.changeMessage').message).toBe(
        'Back field 1 (Terms): the change message needs %@ where the new value goes.',
      );
    });

    it('accepts empty, blank and %@ change messages', () => {
      const checks = runPassChecks(
        withMeta({
          topField: { value: '120', changeMessage: '   ' },
          secondaryFields: [
            field(1, { changeMessage: '' }),
            field(2, { changeMessage: null }),
            field(3, { changeMessage: 'Now %@' }),
          ],
          backFields: [{ label: 'Terms', changeMessage: '%@' }],
        }),
      );
      expect(checks).toEqual([]);
    });
  });

  describe('Apple app link', () => {
    it('errors on a launch URL without an App Store id, pointing at the id', () => {
      for (const appStoreId of [null, undefined, '', ' ']) {
        const check = one(
          runPassChecks(withMeta({ appDeepLinks: { appleDeepLinkData: { appStoreId, launchUrl: 'bean://open' } } })),
          'passMetadata.appDeepLinks.appleDeepLinkData.appStoreId',
        );
        expect(check).toMatchObject({ severity: 'error', platform: 'apple' });
        expect(check.message).toMatch(/App Store id/);
      }
    });

    it('accepts an App Store id alone, or nothing', () => {
      expect(
        runPassChecks(withMeta({ appDeepLinks: { appleDeepLinkData: { appStoreId: '1', launchUrl: '' } } })),
      ).toEqual([]);
      expect(runPassChecks(withMeta({ appDeepLinks: { appleDeepLinkData: null } }))).toEqual([]);
    });
  });

  describe('locations', () => {
    const location = (i: number, extra: object = {}) => ({
      name: `Shop ${i}`,
      enabled: true,
      relevantText: `Near ${i}`,
      ...extra,
    });

    it('errors on more than 10 locations, pointing at the 11th', () => {
      const pass = { ...goodPass(), locations: Array.from({ length: 12 }, (_, i) => location(i)) };
      const check = one(runPassChecks(pass), 'locations.10.name');
      expect(check).toMatchObject({ severity: 'error', platform: 'apple' });
      expect(check.message).toBe('Locations: 12 are set but Apple Wallet allows at most 10; remove 2 locations.');
    });

    it('accepts exactly 10 locations', () => {
      const pass = { ...goodPass(), locations: Array.from({ length: 10 }, (_, i) => location(i)) };
      expect(runPassChecks(pass)).toEqual([]);
    });

    it('errors on an enabled location without relevant text', () => {
      const pass = {
        ...goodPass(),
        locations: [
          location(0),
          location(1, { relevantText: '' }),
          location(2, { relevantText: null }),
          location(3, { relevantText: ' ' }),
        ],
      };
      const checks = runPassChecks(pass);
      expect(checks.map((c) => c.path)).toEqual([
        'locations.1.relevantText',
        'locations.2.relevantText',
        'locations.3.relevantText',
      ]);
      expect(checks[0]!.message).toBe(
        'Location 2 (Shop 1): add the relevant text shown on the lock screen, or turn the location off.',
      );
    });

    it('counts a location without `enabled` as enabled, and ignores a disabled one', () => {
      const pass = {
        ...goodPass(),
        locations: [
          { name: 'A', relevantText: '' },
          { name: 'B', enabled: false, relevantText: '' },
        ],
      };
      expect(runPassChecks(pass).map((c) => c.path)).toEqual(['locations.0.relevantText']);
    });

    it('reads passMetadata.locations when the form locations are not given', () => {
      const { locations: _locations, ...pass } = goodPass();
      const checks = runPassChecks({
        ...pass,
        passMetadata: { ...pass.passMetadata, locations: [{ name: 'A', enabled: true, relevantText: '' }] },
      });
      expect(checks.map((c) => c.path)).toEqual(['locations.0.relevantText']);
    });
  });

  describe('Google app link text', () => {
    it('errors on display text over 30 characters', () => {
      const displayText = 'x'.repeat(31);
      const check = one(
        runPassChecks(withMeta({ appDeepLinks: { googleDeepLinkData: { displayText } } })),
        'passMetadata.appDeepLinks.googleDeepLinkData.displayText',
      );
      expect(check).toMatchObject({ severity: 'error', platform: 'google' });
      expect(check.message).toContain('31 characters');
    });

    it('accepts 30 characters', () => {
      expect(
        runPassChecks(withMeta({ appDeepLinks: { googleDeepLinkData: { displayText: 'x'.repeat(30) } } })),
      ).toEqual([]);
    });
  });

  describe('image sizes', () => {
    it('warns about images smaller than Apple’s @3x size', () => {
      const pass = goodPass();
      pass.images = { ...pass.images, 'footer.png': 'blob:footer' };
      pass.imageSizes = {
        logo: { width: 160, height: 50 },
        icon: { width: 58, height: 58 },
        strip: { width: 750, height: 246 },
        footer: { width: 572, height: 30 },
      };
      const checks = runPassChecks(pass);
      const logo = checks.find((c) => c.id === 'image-size:images.logo')!;
      expect(logo).toMatchObject({ severity: 'warning', platform: 'apple' });
      expect(logo.message).toBe(
        'Logo: this image is 160×50 px; Apple Wallet wants 480×150 px to stay sharp on every iPhone.',
      );
      expect(one(checks, 'images.icon').message).toMatch(/^Icon: this image is 58×58 px/);
      expect(one(checks, 'images.strip').message).toMatch(/^Strip image: this image is 750×246 px/);
      expect(find(checks, 'images.footer').map((c) => c.id)).toEqual([
        'footer-ignored:images.footer',
        'image-size:images.footer',
      ]);
    });

    it('accepts a logo narrower than the slot when it is tall enough, and unknown sizes', () => {
      const pass = goodPass();
      pass.imageSizes = { logo: { width: 200, height: 150 } };
      // Apple is content; Google wants a 660 px square (wallet-checks.test.ts).
      expect(runPassChecks(pass).map((c) => c.id)).toEqual(['google-logo-size:images.logo']);
      pass.imageSizes = null;
      expect(runPassChecks(pass)).toEqual([]);
    });

    it('ignores a size for an image that is not there', () => {
      const pass = goodPass();
      pass.imageSizes = { footer: { width: 1, height: 1 } };
      expect(runPassChecks(pass)).toEqual([]);
    });
  });

  describe('secondary field counts', () => {
    it('warns past 4 secondary fields (Apple) pointing at the 5th', () => {
      const checks = runPassChecks(withMeta({ secondaryFields: [1, 2, 3, 4, 5, 6].map((n) => field(n)) }));
      const check = one(checks, 'passMetadata.secondaryFields.4.value');
      expect(check).toMatchObject({ severity: 'warning', platform: 'apple' });
      expect(check.message).toContain('2 fields from field 5 on will not appear');
      expect(checks).toHaveLength(1);
    });

    it('accepts 4 secondary fields', () => {
      expect(runPassChecks(withMeta({ secondaryFields: [1, 2, 3, 4].map((n) => field(n)) }))).toEqual([]);
    });

    it('warns past 9 secondary fields (Google) pointing at the 10th, besides the Apple warning', () => {
      const checks = runPassChecks(withMeta({ secondaryFields: Array.from({ length: 10 }, (_, n) => field(n)) }));
      expect(checks.map((c) => [c.platform, c.path])).toEqual([
        ['apple', 'passMetadata.secondaryFields.4.value'],
        ['google', 'passMetadata.secondaryFields.9.value'],
        // 10 secondary + 1 back field: 11 Google text modules (wallet-checks.test.ts).
        ['google', 'passMetadata.backFields.0.label'],
      ]);
      expect(checks[1]!.message).toContain('1 field from field 10 on will not appear');
      const nine = runPassChecks(withMeta({ secondaryFields: Array.from({ length: 9 }, (_, n) => field(n)) }));
      expect(nine.map((c) => c.platform)).toEqual(['apple']);
    });

    it('skips null entries when counting but keeps form indexes in paths', () => {
      const checks = runPassChecks(
        withMeta({ secondaryFields: [null, field(1), field(2), null, field(3), field(4), field(5)] }),
      );
      expect(checks.map((c) => c.path)).toEqual(['passMetadata.secondaryFields.6.value']);
    });
  });

  describe('contrast', () => {
    it('warns when text and background contrast is under 4.5:1', () => {
      const check = one(
        runPassChecks(withMeta({ backgroundColor: '#777777', displayTextColor: '#FFFFFF' })),
        'passMetadata.displayTextColor',
      );
      expect(check).toMatchObject({ severity: 'warning', platform: 'apple' });
      expect(check.message).toContain('4.4:1');
    });

    it('stays quiet with enough contrast or with a missing or invalid colour', () => {
      expect(runPassChecks(withMeta({ backgroundColor: '#767676', displayTextColor: '#FFFFFF' }))).toEqual([]);
      expect(runPassChecks(withMeta({ backgroundColor: '#FFFFFF', displayTextColor: null }))).toEqual([]);
      expect(runPassChecks(withMeta({ backgroundColor: '#FFF', displayTextColor: '#FFFFFF' }))).toEqual([]);
      expect(runPassChecks(withMeta({ backgroundColor: '', displayTextColor: '#EEEEEE' }))).toEqual([]);
    });
  });

  describe('footer and QR', () => {
    it('warns that footer.png is not drawn on store cards', () => {
      const pass = goodPass();
      pass.images = { ...pass.images, 'footer.png': 'https://cdn.test/footer.png' };
      const check = one(runPassChecks(pass), 'images.footer');
      expect(check).toMatchObject({ severity: 'warning', platform: 'apple', id: 'footer-ignored:images.footer' });
    });

    it('warns when the QR content is missing, not when only the caption is', () => {
      for (const qrUrl of [null, undefined, '', '  ']) {
        const check = one(runPassChecks(withMeta({ qrUrl })), 'passMetadata.qrUrl');
        expect(check).toMatchObject({ severity: 'warning', platform: 'both' });
      }
      expect(runPassChecks(withMeta({ qrText: '' }))).toEqual([]);
    });
  });

  it('lists errors first, then warnings, each in form order', () => {
    const pass = goodPass();
    pass.passMetadata = {
      ...pass.passMetadata,
      backgroundColor: '#FFFFFF',
      displayTextColor: '#EEEEEE',
      topField: { changeMessage: 'changed' },
      secondaryFields: [field(1), field(2, { changeMessage: 'x' }), field(3), field(4), field(5)],
      backFields: [{ changeMessage: 'y' }],
      qrUrl: '',
      appDeepLinks: { appleDeepLinkData: { launchUrl: 'a://b' }, googleDeepLinkData: { displayText: 'y'.repeat(40) } },
    };
    pass.images = { 'logo.png': 'blob:logo', 'footer.png': 'blob:f' };
    pass.imageSizes = { logo: { width: 10, height: 10 } };
    pass.locations = [{ enabled: true, relevantText: '' }];
    const checks = runPassChecks(pass);
    expect(checks.map((c) => `${c.severity} ${c.path}`)).toEqual([
      'error passMetadata.topField.value',
      'error passMetadata.topField.changeMessage',
      'error passMetadata.secondaryFields.1.changeMessage',
      'error passMetadata.backFields.0.changeMessage',
      'error images.icon',
      'error images.strip',
      'error locations.0.relevantText',
      'error passMetadata.appDeepLinks.appleDeepLinkData.appStoreId',
      'error passMetadata.appDeepLinks.googleDeepLinkData.displayText',
      'warning passMetadata.displayTextColor',
      'warning passMetadata.secondaryFields.4.value',
      'warning passMetadata.qrUrl',
      'warning images.logo',
      'warning images.footer',
      'warning images.logo',
    ]);
    expect(new Set(checks.map((c) => c.id)).size).toBe(checks.length);
    expect(blockingChecks(checks)).toEqual(checks.slice(0, 9));
  });

  describe('half-filled drafts', () => {
    it('tolerates nothing at all', () => {
      for (const pass of [
        null,
        undefined,
        {},
        { passMetadata: null, images: null, imageSizes: null, locations: null },
      ]) {
        expect(runPassChecks(pass).map((c) => c.path)).toEqual([
          'passMetadata.organizationName',
          'passMetadata.description',
          'passMetadata.topField.value',
          'images.logo',
          'images.icon',
          'images.strip',
          'passMetadata.qrUrl',
        ]);
      }
    });

    it('tolerates nulls inside every list and object', () => {
      const pass: PassCheckInput = {
        passMetadata: {
          topField: null,
          secondaryFields: [null, undefined, {}],
          backFields: [null, { value: null }, { value: [null] }],
          appDeepLinks: { appleDeepLinkData: { launchUrl: null }, googleDeepLinkData: { displayText: null } },
          backgroundColor: null,
          displayTextColor: undefined,
          locations: [null],
        },
        images: { 'logo.png': undefined },
        imageSizes: { logo: null, icon: undefined },
        locations: [null, undefined],
      };
      expect(() => runPassChecks(pass)).not.toThrow();
      expect(
        runPassChecks({ passMetadata: { secondaryFields: [], backFields: [], locations: [] }, locations: [] }),
      ).toHaveLength(7);
    });

    it('reads form values through toPreviewPass, including the Apple app link', () => {
      const values: Partial<PassFormValues> = {
        passName: 'Draft',
        passMetadata: {
          qrUrl: 'x',
          appDeepLinks: { appleDeepLinkData: { appStoreId: '', launchUrl: 'a://b' } },
        },
        locations: [{ name: 'A', enabled: true, latitude: 1, longitude: 2, relevantText: '' }],
        images: {
          logo: { fileName: 'logo.png', url: 'blob:logo' },
          icon: { fileName: 'icon.png', url: 'blob:icon' },
          strip: { fileName: 'strip.png', url: 'blob:strip' },
          footer: null,
        },
      };
      const checks = runPassChecks({ ...toPreviewPass(values), imageSizes: { icon: { width: 29, height: 29 } } });
      expect(checks.map((c) => c.path)).toEqual([
        'passMetadata.organizationName',
        'passMetadata.description',
        'passMetadata.topField.value',
        'locations.0.relevantText',
        'passMetadata.appDeepLinks.appleDeepLinkData.appStoreId',
        'images.icon',
      ]);
    });
  });
});
