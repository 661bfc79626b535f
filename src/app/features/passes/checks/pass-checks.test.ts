import { describe, expect, it } from 'vitest';
import { runPassChecks } from './pass-checks';
import { field, goodPass, one, withMeta } from './pass-checks.test-utils';

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
});
