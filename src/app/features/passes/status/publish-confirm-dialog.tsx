import type { PassImageName } from '../../../../contract/rules';
import type { WalletPass } from '../../../../contract/schemas';
import { Button } from '../../../components/ui/button';
import { Dialog } from '../../../components/ui/dialog';
import { formatCount } from '../../../lib/format';

/**
 * Asks before a status change, in either direction, with what it means for the pass's holders
 * (the current figures: the list and the editor keep `pass` live). A pass the API cannot publish
 * (required images missing) gets no Publish button at all: the dialog says what is missing and
 * leads to the images instead.
 */
export function StatusConfirmDialog({
  pass,
  name,
  target,
  blockingIssues,
  missingImages,
  imagesActionLabel,
  onCancel,
  onConfirm,
  onShowImages,
}: {
  pass: WalletPass;
  name: string;
  target: 'Published' | 'Draft';
  blockingIssues: readonly string[];
  /** Required images the stored pass lacks (publishing only). */
  missingImages: readonly PassImageName[];
  imagesActionLabel: string;
  onCancel: () => void;
  onConfirm: () => void;
  onShowImages: () => void;
}) {
  if (target === 'Published' && missingImages.length > 0) {
    return (
      <Dialog
        open
        onClose={onCancel}
        title={`“${name}” cannot be published yet`}
        description="Apple Wallet and Google Wallet build a pass only with its logo, icon and strip, so the Passport API publishes it only with all three."
        footer={
          <>
            <Button onClick={onCancel}>Cancel</Button>
            <Button variant="primary" onClick={onShowImages}>
              {imagesActionLabel}
            </Button>
          </>
        }
      >
        <div className="rounded-lg border border-warning-600/30 bg-warning-50 p-3 text-sm text-ink">
          <p className="font-semibold">
            Missing {missingImages.length === 1 ? 'image' : `${missingImages.length} images`}:
          </p>
          <ul aria-label="Missing images" className="mt-1 list-disc pl-5">
            {missingImages.map((image) => (
              <li key={image}>{image}</li>
            ))}
          </ul>
        </div>
        <p className="mt-3 text-sm text-ink-muted">Add them in Images, save the pass, then publish it.</p>
      </Dialog>
    );
  }

  const holders = (
    <p className="text-sm text-ink">
      {(pass.totalActiveCount ?? 0) > 0 ? (
        <>
          This change reaches <strong>{formatCount(pass.totalActiveCount)}</strong> active holders:{' '}
          {formatCount(pass.appleActiveCount)} on Apple Wallet and {formatCount(pass.googleActiveCount)} on Google
          Wallet.
        </>
      ) : (
        <>Nobody holds this pass now (0 active holders on Apple Wallet and Google Wallet).</>
      )}
    </p>
  );

  if (target === 'Draft') {
    return (
      <Dialog
        open
        onClose={onCancel}
        title={`Unpublish “${name}”?`}
        description="Back to draft: its link stops offering the pass, so nobody new can add it, and notifications cannot be sent to it."
        footer={
          <>
            <Button onClick={onCancel}>Keep published</Button>
            <Button variant="danger" onClick={onConfirm}>
              Unpublish
            </Button>
          </>
        }
      >
        {holders}
        {(pass.totalActiveCount ?? 0) > 0 ? (
          <p className="mt-2 text-sm text-ink-muted">
            They keep it in their wallets, but it reaches them again only once you publish it again.
          </p>
        ) : null}
      </Dialog>
    );
  }

  return (
    <Dialog
      open
      onClose={onCancel}
      title={`Publish “${name}”?`}
      description="Holders can add a published pass to Apple Wallet and Google Wallet from its link."
      footer={
        <>
          <Button onClick={onCancel}>Cancel</Button>
          <Button variant="primary" onClick={onConfirm}>
            {blockingIssues.length > 0 ? 'Publish anyway' : 'Publish'}
          </Button>
        </>
      }
    >
      {holders}
      {blockingIssues.length > 0 ? (
        <div className="mt-4 rounded-lg border border-danger-600/30 bg-danger-50 p-3 text-sm text-danger-700">
          <p className="font-semibold">This pass has problems that holders will notice:</p>
          <ul className="mt-1 list-disc pl-5">
            {blockingIssues.map((issue) => (
              <li key={issue}>{issue}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </Dialog>
  );
}
