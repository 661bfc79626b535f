/** The list page's card: the workspace's summed counts over the period the rows show too. */
import { useConnection } from '../../lib/connection';
import { seriesQueries } from './series-queries';
import { setListRange, useListRange } from '../../lib/installs/install-range';
import { InstallsPanel } from './installs-panel';

export default function WorkspaceInstalls({
  workspaceId,
  workspaceName,
}: {
  workspaceId: string;
  workspaceName: string;
}) {
  const { client, connectionId } = useConnection();
  const range = useListRange();
  return (
    <InstallsPanel
      title="Installs in this workspace"
      subject={workspaceName}
      range={range}
      onRangeChange={setListRange}
      options={(r) => seriesQueries.workspace(client, connectionId, workspaceId, r)}
      note="All passes together, with the notifications sent. Each row below shows its own change over the same period."
      className="mt-6"
    />
  );
}
