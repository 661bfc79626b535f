import { useState } from 'react';
import type { WalletPass } from '../../../contract/schemas';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { Dialog } from '../../components/ui/dialog';
import { useConnection } from '../../lib/connection';
import { plural } from './selection-facts';

type State =
  | { step: 'confirm' }
  | { step: 'running' }
  | { step: 'done'; file: string; blob: Blob }
  | { step: 'failed'; message: string };

const fileName = () => `passes-${new Date().toISOString().slice(0, 10)}.zip`;

/**
 * Export of the selection: one zip with `passes.json` (the Passport shape) and each pass's images,
 * built in the browser by the transfer feature's exporter (loaded with this dialog), then saved.
 */
export default function BulkExportDialog({
  workspaceId,
  passes: given,
  onClose,
}: {
  workspaceId: string;
  passes: readonly WalletPass[];
  onClose: () => void;
}) {
  const { client } = useConnection();
  const [passes] = useState(given);
  const [state, setState] = useState<State>({ step: 'confirm' });
  const count = plural(passes.length, 'pass', 'passes');

  const run = async () => {
    setState({ step: 'running' });
    try {
      const { exportPasses, downloadBlob } = await import('../transfer/export-passes');
      const blob = await exportPasses(
        client,
        workspaceId,
        passes.map((p) => p.id),
      );
      const file = fileName();
      downloadBlob(blob, file);
      setState({ step: 'done', file, blob });
    } catch (error) {
      setState({ step: 'failed', message: error instanceof Error ? error.message : 'The export failed.' });
    }
  };

  return (
    <Dialog
      open
      onClose={() => (state.step === 'running' ? undefined : onClose())}
      title={state.step === 'done' ? `Exported ${count}` : `Export ${count}?`}
      description="One zip file: passes.json in the Passport shape (keys sorted, easy to compare) and each pass’s images."
      footer={
        <div className="flex w-full flex-wrap justify-end gap-2">
          {state.step === 'confirm' ? (
            <>
              <Button onClick={onClose}>Cancel</Button>
              <Button variant="primary" onClick={() => void run()}>
                Export {count}
              </Button>
            </>
          ) : state.step === 'failed' ? (
            <>
              <Button onClick={onClose}>Close</Button>
              <Button variant="primary" onClick={() => void run()}>
                Try again
              </Button>
            </>
          ) : state.step === 'done' ? (
            <>
              <Button
                onClick={() => import('../transfer/export-passes').then((m) => m.downloadBlob(state.blob, state.file))}
              >
                Download again
              </Button>
              <Button variant="primary" onClick={onClose}>
                Close
              </Button>
            </>
          ) : (
            <Button busy disabled>
              Exporting…
            </Button>
          )}
        </div>
      }
    >
      {state.step === 'running' ? (
        <div>
          <div
            role="progressbar"
            aria-label="Exporting passes"
            aria-valuetext={`Reading ${count} and their images`}
            className="h-2.5 overflow-hidden rounded-full bg-surface-sunken"
          >
            <div className="h-full w-1/3 animate-pulse rounded-full bg-brand-600" />
          </div>
          <p className="mt-2 text-sm text-ink-muted">Reading {count} and their images…</p>
        </div>
      ) : state.step === 'done' ? (
        <Alert tone="success" title={`${state.file} is saved`}>
          {count} with{' '}
          {plural(
            passes.reduce((sum, p) => sum + (p.uploadInfoList?.length ?? 0), 0),
            'image',
          )}
          .
        </Alert>
      ) : state.step === 'failed' ? (
        <Alert tone="danger" title="The export did not finish">
          {state.message} Nothing was saved.
        </Alert>
      ) : (
        <p className="text-sm text-ink">Nothing in the workspace changes: the passes are only read.</p>
      )}
    </Dialog>
  );
}
