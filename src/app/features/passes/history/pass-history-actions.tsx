import { Suspense, useState } from 'react';
import type { PassVersion } from '../../../../contract/pass-versions';
import type { WalletPass } from '../../../../contract/schemas';
import { Button } from '../../../components/ui/button';
import { LoadingOverlay } from '../../../components/ui/loading-overlay';
import { useToast } from '../../../components/ui/toast';
import { navigate, paths } from '../../../history-router';
import { describeError } from '../../../lib/api-error';
import { useConnection } from '../../../lib/connection';
import { lazyOnUse, prefetchOnIntent } from '../../../lib/lazy-on-use';

// Both dialogs load when their button is pointed at or focused: opening the editor needs neither.
const historyDialog = lazyOnUse(() => import('./history-dialog').then((m) => m.HistoryDialog));
const HistoryDialog = historyDialog.Component;
const deleteDialog = lazyOnUse(() => import('./delete-pass-dialog').then((m) => m.DeletePassDialog));
const DeletePassDialog = deleteDialog.Component;
// Export (a zip of the pass's JSON and images) loads its zip code on use.
const loadExports = () => import('../../transfer/export-passes');

/** History, Export and Delete, beside the pass's name in the editor. */
export function PassHistoryActions({
  pass,
  workspaceId,
  onRestore,
}: {
  pass: WalletPass;
  workspaceId: string;
  /** Loads a version into the form as unsaved changes. */
  onRestore: (version: PassVersion) => void;
}) {
  const [open, setOpen] = useState<'history' | 'delete' | null>(null);
  const { notify } = useToast();
  const { client } = useConnection();
  const [exporting, setExporting] = useState(false);
  const exportPass = () => {
    setExporting(true);
    loadExports()
      .then(async ({ exportPasses, downloadBlob, fileSafeName }) =>
        downloadBlob(await exportPasses(client, workspaceId, [pass.id]), `${fileSafeName(pass.passName)}.zip`),
      )
      .catch((error: unknown) =>
        notify({ tone: 'danger', title: 'The pass could not be exported', message: describeError(error) }),
      )
      .finally(() => setExporting(false));
  };
  return (
    <div className="flex items-center gap-2">
      <Button size="sm" onClick={() => setOpen('history')} {...prefetchOnIntent(historyDialog.load)}>
        History
      </Button>
      <Button
        size="sm"
        busy={exporting}
        title="Downloads the saved pass as a zip: its JSON and images"
        onClick={exportPass}
        {...prefetchOnIntent(loadExports)}
      >
        Export
      </Button>
      <Button
        size="sm"
        variant="ghost"
        className="text-danger-700 hover:text-danger-700"
        onClick={() => setOpen('delete')}
        {...prefetchOnIntent(deleteDialog.load)}
      >
        Delete
      </Button>
      {open === 'history' ? (
        <Suspense fallback={<LoadingOverlay label="Opening the history…" />}>
          <HistoryDialog
            workspaceId={workspaceId}
            pass={pass}
            onClose={() => setOpen(null)}
            onRestore={(version) => {
              onRestore(version);
              notify({
                tone: 'info',
                title: 'Version loaded as unsaved changes',
                message: 'Review it, then save to make it the current version.',
              });
            }}
          />
        </Suspense>
      ) : null}
      {open === 'delete' ? (
        <Suspense fallback={<LoadingOverlay label="Opening…" />}>
          <DeletePassDialog
            pass={pass}
            workspaceId={workspaceId}
            open
            onClose={() => setOpen(null)}
            onDeleted={(deleted) => {
              setOpen(null);
              notify({
                tone: 'success',
                title: `“${deleted.passName}” deleted`,
                message: 'Its last version is kept: restore it from Recently deleted on the pass list.',
              });
              navigate(paths.passes(workspaceId));
            }}
          />
        </Suspense>
      ) : null}
    </div>
  );
}
