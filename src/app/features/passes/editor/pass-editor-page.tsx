import { useQuery } from '@tanstack/react-query';
import { Alert } from '../../../components/ui/alert';
import { Button, Spinner } from '../../../components/ui/button';
import { describeError } from '../../../lib/api-error';
import { useConnection } from '../../../lib/connection';
import { Link, paths } from '../../../history-router';
import { passQueries } from '../api/pass-queries';
import { PassEditor } from './pass-editor';

/** The editor route. Loaded on demand so the list route stays small. */
export default function PassEditorPage({ workspaceId, passId }: { workspaceId: string; passId: string }) {
  const { client, connectionId } = useConnection();
  const pass = useQuery({
    ...passQueries.detail(client, connectionId, workspaceId, passId),
    // The form holds the user's edits; a background refresh must not swap the pass beneath it.
    refetchOnWindowFocus: false,
    staleTime: Infinity,
  });

  return (
    <div className="mx-auto w-full max-w-[1680px] px-4 py-6 sm:px-6 lg:px-8">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link to={paths.passes(workspaceId)} className="text-brand-700 hover:underline">
          ← All passes
        </Link>
      </nav>
      {pass.data ? (
        // Once loaded, the editor stays: a failed background read never takes the form away.
        <PassEditor key={pass.data.id} pass={pass.data} workspaceId={workspaceId} />
      ) : pass.isPending ? (
        <div className="mt-8">
          <Spinner label="Loading pass…" />
        </div>
      ) : (
        <Alert
          tone="danger"
          className="mt-6"
          title="This pass could not be opened"
          action={
            <Button size="sm" onClick={() => void pass.refetch()}>
              Try again
            </Button>
          }
        >
          {describeError(pass.error)}
        </Alert>
      )}
    </div>
  );
}
