/**
 * A list row's "+124 issued, 7 d" with a tiny trend line of total issued over the period the list
 * page looks at (its workspace chart's). Rows on screen ask together in one request.
 */
import { useQuery } from '@tanstack/react-query';
import { useConnection } from '../../lib/connection';
import { formatCount } from '../../lib/format';
import { installQueries } from '../../lib/installs/install-queries';
import { RANGE_LABELS, useListRange } from '../../lib/installs/install-range';

const ROW_REFRESH_MS = 30_000;

export function InstallChange({ passId, workspaceId }: { passId: string; workspaceId: string }) {
  const { client, connectionId } = useConnection();
  const range = useListRange();
  const { data } = useQuery({
    ...installQueries.change(client, connectionId, workspaceId, passId, range),
    refetchInterval: ROW_REFRESH_MS,
  });
  if (!data || data.trend.length === 0) {
    return null;
  }
  const change = data.issuedChange;
  const sign = change > 0 ? '+' : change < 0 ? '−' : '±';
  return (
    <div className="shrink-0 text-right" data-testid="install-change">
      <Trend values={data.trend} />
      <p className="text-[11px] leading-4 whitespace-nowrap text-ink-subtle">
        <span className={change > 0 ? 'font-medium text-success-700' : undefined}>
          {sign}
          {formatCount(Math.abs(change))}
        </span>{' '}
        issued, {RANGE_LABELS[range]}
      </p>
    </div>
  );
}

/** A 64 × 16 line of the values, scaled to their own range. */
function Trend({ values }: { values: number[] }) {
  const width = 64;
  const height = 16;
  const min = Math.min(...values);
  const span = Math.max(...values) - min || 1;
  const step = values.length > 1 ? width / (values.length - 1) : 0;
  const points = values
    .map((v, i) => `${(i * step).toFixed(1)},${(height - 1 - ((v - min) / span) * (height - 2)).toFixed(1)}`)
    .join(' ');
  return (
    <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} className="ml-auto block" aria-hidden="true">
      <polyline points={points} fill="none" stroke="#2A4BCB" strokeWidth="1.5" strokeLinejoin="round" />
    </svg>
  );
}
