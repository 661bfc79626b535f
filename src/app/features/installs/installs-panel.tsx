/**
 * A card with the count history of a pass or of the workspace: range, chart or table, Apple and
 * Google apart or together, CSV export. Its query refreshes while it is on screen, so the chart
 * follows new samples; only this card re-renders, the page around it does not.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { QueryKey, UseQueryOptions } from '@tanstack/react-query';
import { Suspense, lazy, useId, useState } from 'react';
import type { ReactNode } from 'react';
import { INSTALL_RANGES } from '../../../contract/install-changes';
import type { InstallRange } from '../../../contract/install-changes';
import type { InstallSeries } from '../../../contract/installs';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { describeError } from '../../lib/api-error';
import { useConnection } from '../../lib/connection';
import { cx } from '../../lib/cx';
import { useNearViewport } from '../../lib/use-near-viewport';
import { formatCount } from '../../lib/format';
import { liveRefreshMs } from '../../lib/installs/install-queries';
import { RANGE_LABELS } from '../../lib/installs/install-range';
import { InstallsTable } from './installs-table';
import { downloadText, seriesToCsv } from './series-csv';

// The chart and its charting library load when the card comes near the screen: in the editor it
// sits below the preview, on the list below the table, and neither needs it to open.
const InstallsChart = lazy(() => import('./installs-chart'));

export interface InstallsPanelProps<TKey extends QueryKey> {
  title: string;
  /** What the figures are of, for labels and the CSV's name ("Copperline Rewards"). */
  subject: string;
  options: (range: InstallRange) => UseQueryOptions<InstallSeries, Error, InstallSeries, TKey>;
  range: InstallRange;
  onRangeChange: (range: InstallRange) => void;
  /** Under the title: what the figures cover. */
  note?: ReactNode;
  className?: string;
}

export function InstallsPanel<TKey extends QueryKey>({
  title,
  subject,
  options,
  range,
  onRangeChange,
  note,
  className,
}: InstallsPanelProps<TKey>) {
  const { config } = useConnection();
  const headingId = useId();
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const [split, setSplit] = useState(false);
  const [chartArea, setChartArea] = useState<HTMLDivElement | null>(null);
  const chartNear = useNearViewport(chartArea);
  const query = useQuery({
    ...options(range),
    placeholderData: keepPreviousData,
    refetchInterval: liveRefreshMs(config.mode),
  });
  const series = query.data;
  const empty = series !== undefined && series.t.length === 0;
  const label = `Issued and active passes of ${subject}, ${RANGE_LABELS[range]}`;

  return (
    <section
      aria-labelledby={headingId}
      className={cx('min-w-0 rounded-card border border-surface-border bg-surface p-5 shadow-card', className)}
    >
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <h2 id={headingId} className="text-base font-semibold text-ink">
            {title}
          </h2>
          {note ? <p className="mt-0.5 text-xs text-ink-muted">{note}</p> : null}
        </div>
      </div>

      <div className="mt-3 flex flex-wrap items-center gap-x-4 gap-y-2">
        <div role="group" aria-label="Period" className="inline-flex rounded-lg border border-surface-strong p-0.5">
          {INSTALL_RANGES.map((r) => (
            <button
              key={r}
              type="button"
              aria-pressed={r === range}
              onClick={() => onRangeChange(r)}
              className={cx(
                'h-7 rounded-md px-2 text-xs font-medium whitespace-nowrap',
                r === range ? 'bg-brand-600 text-ink-inverse' : 'text-ink-muted hover:bg-surface-sunken hover:text-ink',
              )}
            >
              {RANGE_LABELS[r]}
            </button>
          ))}
        </div>
        <div role="group" aria-label="View" className="inline-flex rounded-lg border border-surface-strong p-0.5">
          {(['chart', 'table'] as const).map((v) => (
            <button
              key={v}
              type="button"
              aria-pressed={v === view}
              onClick={() => setView(v)}
              className={cx(
                'h-7 rounded-md px-2 text-xs font-medium',
                v === view ? 'bg-surface-sunken text-ink' : 'text-ink-muted hover:text-ink',
              )}
            >
              {v === 'chart' ? 'Chart' : 'Table'}
            </button>
          ))}
        </div>
        {view === 'chart' ? (
          <label className="inline-flex items-center gap-1.5 text-xs text-ink-muted">
            <input
              type="checkbox"
              checked={split}
              onChange={(e) => setSplit(e.target.checked)}
              className="size-4 accent-brand-600"
            />
            Apple and Google apart
          </label>
        ) : null}
        <Button
          className="ml-auto"
          size="sm"
          variant="secondary"
          disabled={!series || empty}
          onClick={() => series && downloadText(seriesToCsv(series), `${fileSafe(subject)}-installs-${range}.csv`)}
        >
          Download CSV
        </Button>
      </div>

      <div className="mt-3">
        {query.isError && !series ? (
          <Alert
            tone="danger"
            title="Could not load the count history"
            action={
              <Button size="sm" onClick={() => void query.refetch()}>
                Try again
              </Button>
            }
          >
            {describeError(query.error)}
          </Alert>
        ) : !series ? (
          <ChartSkeleton />
        ) : empty ? (
          <p className="rounded-md bg-surface-sunken px-3 py-6 text-center text-sm text-ink-muted">
            No counts recorded in this period yet.{' '}
            {config.mode === 'proxy'
              ? 'The studio records counts whenever a pass is looked at through it.'
              : 'Counts are recorded as they change.'}
          </p>
        ) : (
          <>
            <Change series={series} range={range} />
            {view === 'chart' ? (
              <div ref={setChartArea}>
                {chartNear ? (
                  <Suspense fallback={<ChartSkeleton />}>
                    <InstallsChart series={series} split={split} label={label} />
                  </Suspense>
                ) : (
                  <ChartSkeleton />
                )}
              </div>
            ) : (
              <InstallsTable series={series} caption={label} />
            )}
          </>
        )}
      </div>
    </section>
  );
}

function ChartSkeleton() {
  return (
    <div role="status" className="h-[246px] animate-pulse rounded-md bg-surface-sunken">
      <span className="sr-only">Loading the count history…</span>
    </div>
  );
}

/** "+1,204 issued · +310 active in 30 d": first and last point of the period. */
function Change({ series, range }: { series: InstallSeries; range: InstallRange }) {
  const last = series.t.length - 1;
  const delta = (values: number[]) => (values[last] ?? 0) - (values[0] ?? 0);
  const signed = (n: number) => `${n > 0 ? '+' : n < 0 ? '−' : '±'}${formatCount(Math.abs(n))}`;
  return (
    <p className="mb-1 text-sm text-ink">
      <span className="font-semibold tabular-nums">{signed(delta(series.totalIssued))}</span> issued ·{' '}
      <span className="font-semibold tabular-nums">{signed(delta(series.totalActive))}</span> active
      <span className="text-ink-muted"> in {RANGE_LABELS[range]}</span>
    </p>
  );
}

function fileSafe(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'pass'
  );
}
