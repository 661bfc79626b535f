import { Button } from '../../../components/ui/button';
import { setSearchParams } from '../../../history-router';

/** No passes: in the workspace, or for this search and filter (then offers to clear them). */
export default function EmptyState({ filtering }: { filtering: boolean }) {
  return (
    <div className="rounded-card border border-dashed border-surface-strong bg-surface px-6 py-12 text-center">
      {filtering ? (
        <>
          <h2 className="text-base font-semibold text-ink">No passes match this search</h2>
          <p className="mt-1 text-sm text-ink-muted">Try another name, or show all statuses.</p>
          <Button className="mt-4" onClick={() => setSearchParams({ q: null, status: null })}>
            Clear search and filter
          </Button>
        </>
      ) : (
        <>
          <h2 className="text-base font-semibold text-ink">This workspace has no passes yet</h2>
          <p className="mt-1 text-sm text-ink-muted">Create a pass to start designing it.</p>
        </>
      )}
    </div>
  );
}
