import { useState } from 'react';
import type { PassVersion } from '../../../../contract/pass-versions';
import type { WalletPass } from '../../../../contract/schemas';
import { Button } from '../../../components/ui/button';
import { useToast } from '../../../components/ui/toast';
import { navigate, paths } from '../../../history-router';
import { DeletePassDialog } from './delete-pass-dialog';
import { HistoryDialog } from './history-dialog';

/** History and Delete, beside the pass's name in the editor. */
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
  return (
    <div className="flex items-center gap-2">
      <Button size="sm" onClick={() => setOpen('history')}>
        History
      </Button>
      <Button
        size="sm"
        variant="ghost"
        className="text-danger-700 hover:text-danger-700"
        onClick={() => setOpen('delete')}
      >
        Delete
      </Button>
      {open === 'history' ? (
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
      ) : null}
      <DeletePassDialog
        pass={pass}
        workspaceId={workspaceId}
        open={open === 'delete'}
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
    </div>
  );
}
