import type { WalletPass } from '../../../../contract/schemas';
import { Button } from '../../../components/ui/button';
import { Dialog } from '../../../components/ui/dialog';
import { formatCount } from '../../../lib/format';

/** "Publish …?": how many active holders the change reaches, and the pass's blocking problems. */
export function PublishConfirmDialog({
  pass,
  name,
  blockingIssues,
  onCancel,
  onConfirm,
}: {
  pass: WalletPass;
  name: string;
  blockingIssues: readonly string[];
  onCancel: () => void;
  onConfirm: () => void;
}) {
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
      <p className="text-sm text-ink">
        This change reaches <strong>{formatCount(pass.totalActiveCount)}</strong> active holders:{' '}
        {formatCount(pass.appleActiveCount)} on Apple Wallet and {formatCount(pass.googleActiveCount)} on Google Wallet.
      </p>
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
