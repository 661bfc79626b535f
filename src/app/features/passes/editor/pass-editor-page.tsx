import { useQuery } from '@tanstack/react-query';
import { Alert } from '../../../components/ui/alert';
import { Spinner } from '../../../components/ui/button';
import { describeError } from '../../../lib/api-error';
import { useConnection } from '../../../lib/connection';
import { Link, paths } from '../../../router';
import { passQueries } from '../api/pass-queries';
import { StatusBadge } from '../list/status-badge';

/** The editor route. Loaded on demand so the list route stays small. */
export default function PassEditorPage({ workspaceId, passId }: { workspaceId: string; passId: string }) {
  const { client, connectionId } = useConnection();
  const pass = useQuery(passQueries.detail(client, connectionId, workspaceId, passId));

  return (
    <div className="mx-auto w-full max-w-7xl px-4 py-6 sm:px-6 lg:px-8">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link to={paths.passes(workspaceId)} className="text-brand-700 hover:underline">
          ← All passes
        </Link>
      </nav>
      {pass.isPending ? (
        <div className="mt-8">
          <Spinner label="Loading pass…" />
        </div>
      ) : pass.isError ? (
        <Alert tone="danger" className="mt-6" title="This pass could not be opened">
          {describeError(pass.error)}
        </Alert>
      ) : (
        <div className="mt-4">
          <div className="flex items-center gap-3">
            <h1 className="text-2xl font-semibold text-ink">{pass.data.passName || 'Untitled pass'}</h1>
            <StatusBadge status={pass.data.status} />
          </div>
          <p className="mt-2 text-sm text-ink-muted">{pass.data.passMetadata?.description}</p>
        </div>
      )}
    </div>
  );
}
