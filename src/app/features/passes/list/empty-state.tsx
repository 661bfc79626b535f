import { Button } from '../../../components/ui/button';
import { setSearchParams, useSearchParams } from '../../../history-router';

/**
 * No passes: in the workspace, or for this search and status filter. Then it offers only the
 * actions that change something: Clear search when there is a search, Show all statuses when a
 * status is chosen.
 */
export default function EmptyState({ filtering }: { filtering: boolean }) {
  const params = useSearchParams();
  const searching = (params.get('q') ?? '').trim() !== '';
  const status = params.get('status');
  const filtered = filtering && status !== null;
  return (
    <div className="rounded-card border border-dashed border-surface-strong bg-surface px-6 py-12 text-center">
      {filtering ? (
        <>
          <h2 className="text-base font-semibold text-ink">
            {searching ? 'No passes match this search' : `No ${status?.toLowerCase() ?? ''} passes yet`}
          </h2>
          <p className="mt-1 text-sm text-ink-muted">
            {searching && filtered
              ? `Try another name, or look among passes of every status.`
              : searching
                ? 'Try another name.'
                : 'Passes of the other status are under All.'}
          </p>
          <div className="mt-4 flex flex-wrap justify-center gap-2">
            {searching ? <Button onClick={() => setSearchParams({ q: null })}>Clear search</Button> : null}
            {filtered ? <Button onClick={() => setSearchParams({ status: null })}>Show all statuses</Button> : null}
          </div>
        </>
      ) : (
        <>
          <h2 className="text-base font-semibold text-ink">This workspace has no passes yet</h2>
          <p className="mt-1 text-sm text-ink-muted">Create one with New pass to start designing it.</p>
        </>
      )}
    </div>
  );
}
