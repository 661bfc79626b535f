import { describe, expect, it } from 'vitest';
import { toPreviewPass } from '../model/preview-pass';
import type { PassFormValues } from '../model/form-model';
import { type PassCheckInput, blockingChecks, runPassChecks } from './pass-checks';
import { field, find, goodPass, one, withMeta } from './pass-checks.test-utils';

describe('runPassChecks', () => {
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
