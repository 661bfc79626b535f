import { describe, expect, it } from 'vitest';
import { type PassCheck, type PassCheckInput, type PassCheckMetadata, runPassChecks } from './pass-checks';

/** A pass both wallets show whole: nothing to report. */
function pass(meta: Partial<PassCheckMetadata> = {}, extra: Partial<PassCheckInput> = {}): PassCheckInput {
  return {
    passMetadata: {
      organizationName: 'Bean There',
      description: 'Loyalty card',
      topField: { key: 'points', label: 'Points', value: '120' },
      secondaryFields: [{ key: 'level', label: 'Level', value: 'Gold' }],
      backFields: [{ key: 'web', label: 'Website', value: [{ text: 'Site', link: 'https://bean.test' }] }],
      qrUrl: 'https://bean.test/c/1',
      ...meta,
    },
    images: { 'logo.png': 'blob:logo', 'icon.png': 'blob:icon', 'strip.png': 'blob:strip' },
    imageSizes: {
      logo: { width: 660, height: 660 },
      icon: { width: 114, height: 114 },
      strip: { width: 1125, height: 432 },
    },
    ...extra,
  };
}

const byId = (checks: PassCheck[], id: string) => {
  const hit = checks.find((c) => c.id === id);
  expect(hit, `${id} in ${checks.map((c) => c.id).join(', ')}`).toBeDefined();
  return hit!;
};

describe('wallet checks', () => {
  it('find nothing on a pass both wallets show whole', () => {
    expect(runPassChecks(pass())).toEqual([]);
  });

  describe('required text', () => {
    it('requires the organisation name for both wallets', () => {
      const check = byId(
        runPassChecks(pass({ organizationName: ' ' })),
        'organization-name:passMetadata.organizationName',
      );
      expect(check).toMatchObject({ severity: 'error', platform: 'both' });
      expect(check.message).toBe(
        'Organisation name: required. Apple Wallet needs it (organizationName, the title of its lock-screen banners) and Google Wallet shows it as the card title.',
      );
    });

    it('requires the description for Apple', () => {
      const check = byId(runPassChecks(pass({ description: null })), 'description:passMetadata.description');
      expect(check).toMatchObject({ severity: 'error', platform: 'apple' });
      expect(check.message).toBe(
        'Description: required by Apple Wallet (VoiceOver reads it; it heads the pass details).',
      );
    });

    it('requires a top field value, Google’s header', () => {
      const check = byId(
        runPassChecks(pass({ topField: { label: 'Points', value: '' } })),
        'top-field-value:passMetadata.topField.value',
      );
      expect(check).toMatchObject({ severity: 'error', platform: 'google' });
      expect(check.message).toMatch(/^Top field: add a value\. Google Wallet requires a header/);
    });
  });

  describe('truncation', () => {
    it('says how much of a long top field value Apple and Google cut', () => {
      const checks = runPassChecks(pass({ topField: { label: 'Points', value: 'Platinum member since 2019' } }));
      const apple = byId(checks, 'truncated-apple:passMetadata.topField.value');
      expect(apple).toMatchObject({ severity: 'warning', platform: 'apple' });
      expect(apple.message).toMatch(
        /^Top field value: Apple Wallet shows about \d+ of its 26 characters; about \d+ characters are cut\. Shorten it\.$/,
      );
      const google = byId(checks, 'truncated-google:passMetadata.topField.value');
      expect(google.message).toMatch(/^Top field value: Google Wallet shows about \d+ of its 26 characters/);
      const shown = (c: PassCheck) => Number(/about (\d+) of/.exec(c.message)![1]);
      expect(shown(apple)).toBeLessThan(shown(google));
    });

    it('flags secondary values cut in Apple’s row of four', () => {
      const fields = [1, 2, 3, 4].map((n) => ({
        key: `k${n}`,
        label: `L${n}`,
        value: n === 2 ? 'Downtown Portland flagship' : 'Gold',
      }));
      const checks = runPassChecks(pass({ secondaryFields: fields }));
      expect(byId(checks, 'truncated-apple:passMetadata.secondaryFields.1.value').message).toMatch(
        /^Secondary field 2 value: Apple Wallet shows about \d+ of its 26 characters/,
      );
      expect(checks.filter((c) => c.id.startsWith('truncated-apple'))).toHaveLength(1);
    });

    it('lets a longer value use the room its short neighbours leave, as the row does', () => {
      const fields = [
        { key: 'tier', label: 'Tier', value: 'Roaster' },
        { key: 'next', label: 'Next reward', value: 'Free pour-over' },
        { key: 'since', label: 'Member since', value: 'Feb 2025' },
      ];
      expect(runPassChecks(pass({ secondaryFields: fields }))).toEqual([]);
    });

    it('leaves short text alone', () => {
      expect(runPassChecks(pass({ topField: { value: '1,250 pts' } }))).toEqual([]);
    });
  });

  describe('Google modules', () => {
    it('warns past 10 text modules', () => {
      const back = Array.from({ length: 10 }, (_, n) => ({ key: `b${n}`, label: `Back ${n}`, value: [] }));
      const check = byId(
        runPassChecks(pass({ backFields: back })),
        'google-text-modules:passMetadata.backFields.9.label',
      );
      expect(check).toMatchObject({ severity: 'warning', platform: 'google' });
      expect(check.message).toBe(
        'Google Wallet shows at most 10 text modules; this pass has 11 (secondary and back fields), so the last 1 will not appear.',
      );
    });

    it('warns past 10 links', () => {
      const links = Array.from({ length: 12 }, (_, n) => ({ text: `Link ${n}`, link: `https://bean.test/${n}` }));
      const check = byId(
        runPassChecks(pass({ backFields: [{ key: 'web', label: 'Links', value: links }] })),
        'google-links:passMetadata.backFields.0.value.10.link',
      );
      expect(check.message).toBe(
        'Google Wallet shows at most 10 links; this pass has 12, so the last 2 will not appear.',
      );
    });

    it('warns past Google’s recommended lengths', () => {
      const checks = runPassChecks(
        pass({
          organizationName: 'The Bean There Coffee Co',
          secondaryFields: [{ key: 'k', label: 'A label that is far longer than thirty-five', value: 'x'.repeat(501) }],
          backFields: [
            { key: 'w', label: 'Web', value: [{ text: 'Our website and online shop', link: 'https://b.test' }] },
          ],
        }),
      );
      expect(byId(checks, 'google-length:passMetadata.organizationName').message).toBe(
        'Organisation name (Google issuer name): 24 characters; Google Wallet recommends at most 20, so it may be cut.',
      );
      expect(byId(checks, 'google-length:passMetadata.secondaryFields.0.label').message).toMatch(
        /recommends at most 35/,
      );
      expect(byId(checks, 'google-length:passMetadata.secondaryFields.0.value').message).toMatch(
        /501 characters; .* at most 500/,
      );
      expect(byId(checks, 'google-length:passMetadata.backFields.0.value.0.text').message).toBe(
        'Back field 1 link 1 text: 27 characters; Google Wallet recommends at most 20, so it may be cut.',
      );
    });

    it('refuses field keys Google module ids cannot hold', () => {
      const checks = runPassChecks(
        pass({ topField: { key: 'points.total', value: '1' }, secondaryFields: [{ key: 'ok_key-1', value: 'x' }] }),
      );
      const check = byId(checks, 'google-module-id:passMetadata.topField.key');
      expect(check).toMatchObject({ severity: 'error', platform: 'google' });
      expect(check.message).toBe(
        'Top field: the key “points.total” has characters Google Wallet refuses in module ids; use only letters, digits, _ and -.',
      );
      expect(checks.filter((c) => c.id.startsWith('google-module-id'))).toHaveLength(1);
    });
  });

  describe('Google images', () => {
    it('warns about a logo below 660 px square', () => {
      const check = byId(
        runPassChecks(pass({}, { imageSizes: { logo: { width: 480, height: 150 } } })),
        'google-logo-size:images.logo',
      );
      expect(check).toMatchObject({ severity: 'warning', platform: 'google' });
      expect(check.message).toBe(
        'Logo: 480×150 px; Google Wallet masks the logo to a circle and wants at least 660×660 px, so it will look soft on Android. A square 660 px logo suits both wallets.',
      );
    });

    it('warns when the artwork leaves Google’s safe circle', () => {
      const logo = { width: 660, height: 660, outsideSafeCircle: 0.37 };
      const check = byId(runPassChecks(pass({}, { imageSizes: { logo } })), 'google-logo-circle:images.logo');
      expect(check.message).toBe(
        'Logo: about 37 % of the artwork lies outside the circle Google Wallet keeps (a 15 % margin on each side of the centred square). Crop it as a square with room around the artwork.',
      );
      expect(runPassChecks(pass({}, { imageSizes: { logo: { ...logo, outsideSafeCircle: 0.01 } } }))).toEqual([]);
    });

    it('warns when the hero loses more than a store-card strip does', () => {
      const check = byId(
        runPassChecks(pass({}, { imageSizes: { strip: { width: 1000, height: 500 } } })),
        'google-hero-ratio:images.strip',
      );
      expect(check.message).toBe(
        'Strip image: 1000×500 px is taller than a store-card strip; Google Wallet shows it as a 3:1 hero and cuts about 33 % of its height (top and bottom). Crop it to 1125×432 px.',
      );
    });
  });
});
