/** Fixtures of the pass checks' tests: a pass with nothing to report, and ways to read the checks. */
import { expect } from 'vitest';
import type { PassCheck, PassCheckInput, PassCheckMetadata } from './pass-checks';

/** A pass with nothing to report. */
export function goodPass(): PassCheckInput & { passMetadata: PassCheckMetadata } {
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

export type Meta = PassCheckMetadata;
export const withMeta = (meta: Partial<Meta>): PassCheckInput => {
  const pass = goodPass();
  return { ...pass, passMetadata: { ...pass.passMetadata, ...meta } };
};
export const find = (checks: PassCheck[], path: string) => checks.filter((c) => c.path === path);
export const one = (checks: PassCheck[], path: string): PassCheck => {
  const hits = find(checks, path);
  expect(hits).toHaveLength(1);
  return hits[0]!;
};
export const field = (n: number, extra: object = {}) => ({ key: `k${n}`, label: `L${n}`, value: `v${n}`, ...extra });
