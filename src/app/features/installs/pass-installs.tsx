/** The editor's "Installs" card: the pass's counts over time (loaded with the editor, lazily). */
import { useState } from 'react';
import type { InstallRange } from '../../../contract/install-changes';
import { useConnection } from '../../lib/connection';
import { seriesQueries } from './series-queries';
import { InstallsPanel } from './installs-panel';

export default function PassInstalls({
  workspaceId,
  passId,
  passName,
}: {
  workspaceId: string;
  passId: string;
  passName: string;
}) {
  const { client, connectionId } = useConnection();
  const [range, setRange] = useState<InstallRange>('30d');
  return (
    <InstallsPanel
      title="Installs"
      subject={passName || 'this pass'}
      range={range}
      onRangeChange={setRange}
      options={(r) => seriesQueries.pass(client, connectionId, workspaceId, passId, r)}
      note="Issued and active passes over time, with the moments it was published, unpublished or its holders were notified."
    />
  );
}
