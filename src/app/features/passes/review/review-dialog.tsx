import { Button } from '../../../components/ui/button';
import { Dialog } from '../../../components/ui/dialog';
import { formatCount as n } from '../../../lib/format';
import { ChangeList } from './change-list';
import { HolderBanners } from './holder-banners';
import type { PassChanges } from './pass-changes';

export interface Reach {
  apple: number;
  google: number;
}

const plural = (count: number, one: string, many = `${one}s`) => `${n(count)} ${count === 1 ? one : many}`;

/**
 * What a save sends to holders' phones, before it does: every change, the lock-screen banners
 * it produces and how many active holders it reaches. `onConfirm` absent: a read-only review
 * (from the save bar of a Draft, or before there is anything to save).
 */
export function ReviewDialog({
  open,
  onClose,
  onConfirm,
  changes,
  reach,
  published,
}: {
  open: boolean;
  onClose: () => void;
  onConfirm?: (() => void) | undefined;
  changes: PassChanges;
  /** Active holders; null when unknown. */
  reach: Reach | null;
  published: boolean;
}) {
  const total = reach ? reach.apple + reach.google : 0;
  const summary = published
    ? reach
      ? `Saving updates this pass on ${plural(total, 'phone')} holding it: ${n(reach.apple)} in Apple Wallet, ${n(reach.google)} in Google Wallet.`
      : 'Saving updates this pass in every wallet holding it.'
    : 'This pass is a draft: saving changes no one’s wallet until it is published.';
  return (
    <Dialog
      open={open}
      onClose={onClose}
      size="lg"
      title={onConfirm ? 'Review before saving' : 'Review changes'}
      description={
        <>
          <span className="font-medium text-ink">
            {changes.count === 0 ? 'No changes' : plural(changes.count, 'change')}
          </span>
          . {summary}
        </>
      }
      footer={
        onConfirm ? (
          <div className="flex w-full flex-wrap justify-end gap-2">
            <Button onClick={onClose}>Back to editing</Button>
            <Button variant="primary" onClick={onConfirm} disabled={changes.count === 0}>
              {published && total > 0 ? `Save and update ${plural(total, 'holder')}` : 'Save'}
            </Button>
          </div>
        ) : (
          <Button onClick={onClose}>Close</Button>
        )
      }
    >
      <div className="-mx-6 max-h-[min(60vh,36rem)] space-y-5 overflow-y-auto px-6">
        <section aria-labelledby="review-banners">
          <h3 id="review-banners" className="mb-1.5 text-sm font-semibold text-ink">
            Notifications on holders’ lock screens
          </h3>
          <HolderBanners banners={published ? changes.banners : []} />
        </section>
        <section aria-labelledby="review-changes">
          <h3 id="review-changes" className="mb-2 text-sm font-semibold text-ink">
            What changes
          </h3>
          <ChangeList changes={changes} emptyText="Nothing differs from the saved pass." />
        </section>
      </div>
    </Dialog>
  );
}
