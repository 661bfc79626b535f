import type { WalletPass } from '../../../../contract/schemas';
import { useToast } from '../../../components/ui/toast';
import { DeletePassDialog } from './delete-pass-dialog';
import { RecentlyDeletedDialog } from './recently-deleted';

/**
 * The pass list's deletion dialogs, loaded only when one opens: deleting a row's pass (with the
 * same confirmation as the editor), or the recently deleted passes to restore.
 */
export default function ListDeletion({
  workspaceId,
  deleting,
  onClose,
}: {
  workspaceId: string;
  /** The row's pass to delete; absent: the recently deleted list. */
  deleting?: WalletPass | undefined;
  onClose: () => void;
}) {
  const { notify } = useToast();
  if (!deleting) return <RecentlyDeletedDialog workspaceId={workspaceId} onClose={onClose} />;
  return (
    <DeletePassDialog
      pass={deleting}
      workspaceId={workspaceId}
      open
      onClose={onClose}
      onDeleted={(deleted) => {
        onClose();
        notify({
          tone: 'success',
          title: `“${deleted.passName}” deleted`,
          message: 'Its last version is kept: restore it from Recently deleted.',
        });
      }}
    />
  );
}
