import { useQuery } from '@tanstack/react-query';
import type { WorkspaceSummary } from '../../../../contract/workspace-summary';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { describeError } from '../../../lib/api-error';
import { useConnection } from '../../../lib/connection';
import { workspaceSummaryQuery } from '../api/workspace-summary-query';
import { SummaryBarSkeleton } from './list-skeleton';
import { LiveCount } from './live-count';

const timeFormat = new Intl.DateTimeFormat('en-US', { timeStyle: 'medium' });
const exactFormat = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'medium' });

function stats(summary: WorkspaceSummary) {
  return [
    { label: 'Passes', value: summary.passes, detail: `${summary.drafts.toLocaleString('en-US')} drafts` },
    {
      label: 'Published',
      value: summary.published,
      detail: summary.passes > 0 ? `${Math.round((summary.published / summary.passes) * 100)} % of passes` : undefined,
    },
    { label: 'Issued', value: summary.totalIssued, apple: summary.appleIssued, google: summary.googleIssued },
    { label: 'Active', value: summary.totalActive, apple: summary.appleActive, google: summary.googleActive },
  ];
}

/**
 * Totals of the whole workspace (every pass, whatever the list below has loaded, searched or
 * filtered), from the studio's summary endpoint, refreshed while the page is visible.
 */
export function SummaryBar({ workspaceId }: { workspaceId: string }) {
  const { client, connectionId, config } = useConnection();
  const summary = useQuery(workspaceSummaryQuery(client, connectionId, workspaceId, config.mode));

  if (summary.isPending) return <SummaryBarSkeleton />;
  if (summary.isError && !summary.data) {
    return (
      <Alert
        tone="warning"
        title="Workspace totals are unavailable"
        className="mt-6"
        action={
          <Button variant="secondary" onClick={() => void summary.refetch()}>
            Try again
          </Button>
        }
      >
        {describeError(summary.error)}
      </Alert>
    );
  }
  const data = summary.data;
  const asOf = new Date(data.asOf);
  return (
    <section aria-labelledby="summary-heading" className="mt-6">
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        <h2 id="summary-heading" className="text-sm font-medium text-ink-muted">
          Workspace totals
        </h2>
        <p className="text-xs text-ink-subtle">
          {summary.isRefetchError ? 'Could not refresh; ' : ''}
          as of{' '}
          <time dateTime={data.asOf} title={exactFormat.format(asOf)}>
            {timeFormat.format(asOf)}
          </time>
        </p>
      </div>
      <div className="mt-2 grid grid-cols-2 gap-3 lg:grid-cols-4">
        {stats(data).map((stat) => (
          <div
            key={stat.label}
            role="group"
            aria-labelledby={`summary-${stat.label}`}
            className="min-w-0 rounded-card border border-surface-border bg-surface px-4 py-3 shadow-card"
          >
            <p id={`summary-${stat.label}`} className="text-xs font-medium tracking-wide text-ink-muted uppercase">
              {stat.label}
            </p>
            <p className="mt-1 text-2xl font-semibold text-ink">
              <LiveCount value={stat.value} />
            </p>
            {'apple' in stat ? (
              <p className="text-xs text-ink-subtle">
                Apple <LiveCount value={stat.apple} /> · Google <LiveCount value={stat.google} />
              </p>
            ) : (
              <p className="text-xs text-ink-subtle">{stat.detail ?? '\u00a0'}</p>
            )}
          </div>
        ))}
      </div>
    </section>
  );
}
