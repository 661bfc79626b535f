import type { InstallSeries } from '../../../contract/installs';
import { formatCount } from '../../lib/format';
import { SERIES_COLUMNS } from './series-csv';
import { describeEvent, eventsByPoint } from './series-events';

const dateTime = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' });

/** The chart's figures as a table, newest first, with its markers: the accessible view of the same data. */
export function InstallsTable({ series, caption }: { series: InstallSeries; caption: string }) {
  const rows = series.t.map((t, i) => ({ t, i })).reverse();
  const markers = eventsByPoint(series);
  return (
    // A scrolling region: Chromium makes scroll containers keyboard-focusable by themselves.
    <div role="region" aria-label={caption} className="max-h-80 overflow-auto rounded-md border border-surface-border">
      <table className="w-full min-w-[48rem] border-collapse text-right text-xs tabular-nums">
        <caption className="sr-only">{caption}</caption>
        <thead className="sticky top-0 bg-surface-sunken text-ink-muted">
          <tr>
            <th scope="col" className="px-2 py-1.5 text-left font-medium">
              Time
            </th>
            {SERIES_COLUMNS.map(([key, label]) => (
              <th key={key} scope="col" className="px-2 py-1.5 font-medium">
                {label}
              </th>
            ))}
            <th scope="col" className="px-2 py-1.5 text-left font-medium">
              Markers
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ t, i }) => (
            <tr key={t} className="border-t border-surface-border text-ink">
              <th scope="row" className="px-2 py-1 text-left font-normal whitespace-nowrap">
                <time dateTime={new Date(t).toISOString()}>{dateTime.format(t)}</time>
              </th>
              {SERIES_COLUMNS.map(([key]) => (
                <td key={key} className="px-2 py-1">
                  {formatCount(series[key][i])}
                </td>
              ))}
              <td className="px-2 py-1 text-left">{(markers.get(i) ?? []).map(describeEvent).join('; ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
