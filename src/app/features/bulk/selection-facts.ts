import { REQUIRED_PASS_IMAGES } from '../../../contract/rules';
import { type WalletPass, uploadKeyOf } from '../../../contract/schemas';
import { formatCount as n } from '../../lib/format';

export interface SelectionFacts {
  total: number;
  published: number;
  drafts: number;
  /** Active holders of the passes counted (Apple, Google). */
  apple: number;
  google: number;
  /** Drafts without a logo, icon or strip: the API refuses to publish them. */
  unpublishable: number;
}

const holders = (passes: readonly WalletPass[]) => ({
  apple: passes.reduce((sum, p) => sum + (p.appleActiveCount ?? 0), 0),
  google: passes.reduce((sum, p) => sum + (p.googleActiveCount ?? 0), 0),
});

function lacksImages(pass: WalletPass): boolean {
  const present = new Set((pass.uploadInfoList ?? []).filter((i) => uploadKeyOf(i)).map((i) => i.fileName));
  return REQUIRED_PASS_IMAGES.some((name) => !present.has(name));
}

/** What a confirmation says about the passes an action touches. */
export function selectionFacts(passes: readonly WalletPass[]): SelectionFacts {
  const published = passes.filter((p) => p.status === 'Published');
  const drafts = passes.filter((p) => p.status === 'Draft');
  return {
    total: passes.length,
    published: published.length,
    drafts: drafts.length,
    ...holders(passes),
    unpublishable: drafts.filter(lacksImages).length,
  };
}

export const plural = (count: number, one: string, many = `${one}s`) => `${n(count)} ${count === 1 ? one : many}`;

/** "1,204 active holders (800 in Apple Wallet, 404 in Google Wallet)". */
export function describeHolders(apple: number, google: number): string {
  return `${plural(apple + google, 'active holder')} (${n(apple)} in Apple Wallet, ${n(google)} in Google Wallet)`;
}

/** Holders of the published passes alone: those a status change or a deletion reaches. */
export function publishedHolders(passes: readonly WalletPass[]) {
  return holders(passes.filter((p) => p.status === 'Published'));
}
