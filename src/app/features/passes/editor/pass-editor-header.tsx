import type { WalletPass } from '../../../../contract/schemas';
import type { PassVersion } from '../../../../contract/pass-versions';
import { Link, paths } from '../../../history-router';
import { PassHistoryActions } from '../history/pass-history-actions';
import { StatusToggle } from '../status/status-toggle';
import { IMAGES_SECTION_ID, showSection } from './section-ids';

/** The editor's title row: the pass's name and status switch, and what can be done with it. */
export function PassEditorHeader({
  pass,
  workspaceId,
  blockingIssues,
  onRestore,
}: {
  pass: WalletPass;
  workspaceId: string;
  /** Pass-check errors the publish confirmation lists. */
  blockingIssues: string[];
  /** A version from History, loaded into the form as unsaved changes. */
  onRestore: (version: PassVersion) => void;
}) {
  return (
    <header className="mt-3 mb-6 flex flex-wrap items-center gap-x-4 gap-y-2">
      <h1 className="min-w-0 truncate text-2xl font-semibold text-ink">{pass.passName || 'Untitled pass'}</h1>
      {pass.status === 'Draft' || pass.status === 'Published' ? (
        <StatusToggle
          pass={pass}
          workspaceId={workspaceId}
          blockingIssues={blockingIssues}
          onShowImages={() => showSection(IMAGES_SECTION_ID)}
        />
      ) : null}
      <div className="ml-auto flex flex-wrap items-center gap-2">
        <Link
          to={paths.notify(workspaceId, pass.id)}
          className="inline-flex h-8 items-center rounded-lg border border-surface-strong bg-surface px-3 text-sm font-medium text-ink hover:bg-surface-sunken"
        >
          Notify holders
        </Link>
        <PassHistoryActions pass={pass} workspaceId={workspaceId} onRestore={onRestore} />
      </div>
    </header>
  );
}
