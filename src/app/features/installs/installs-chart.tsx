/**
 * The count chart (uPlot, loaded with this module only). The plot is created once per layout
 * (split or not) and then fed with `setData` as samples arrive: a live update redraws the canvas
 * and nothing else. The read-out under the title is written directly too (no React render per
 * mouse move): the hovered point, or the latest one.
 */
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { InstallEvent, InstallSeries } from '../../../contract/installs';
import { formatCount } from '../../lib/format';
import { describeEvent, eventsByPoint } from './series-events';

export interface InstallsChartProps {
  series: InstallSeries;
  /** Apple and Google as their own lines instead of the totals. */
  split: boolean;
  /** What the chart shows, for screen readers (the table view has the figures). */
  label: string;
}

const COLORS = {
  issued: '#2A4BCB',
  active: '#067647',
  apple: '#111111',
  google: '#1A73E8',
};

const EVENT_STYLE: Record<InstallEvent['kind'], { color: string; label: string }> = {
  published: { color: '#067647', label: 'Published' },
  unpublished: { color: '#B54708', label: 'Unpublished' },
  notification: { color: '#7A3DB8', label: 'Notification' },
};

export const CHART_SERIES = {
  totals: [
    { label: 'Issued', stroke: COLORS.issued, dash: undefined },
    { label: 'Active', stroke: COLORS.active, dash: undefined },
  ],
  split: [
    { label: 'Apple issued', stroke: COLORS.apple, dash: undefined },
    { label: 'Google issued', stroke: COLORS.google, dash: undefined },
    { label: 'Apple active', stroke: COLORS.apple, dash: [5, 4] },
    { label: 'Google active', stroke: COLORS.google, dash: [5, 4] },
  ],
} as const;

const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });
const dateTime = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' });

interface PlotData {
  data: uPlot.AlignedData;
  /** For each plotted x, the index of its point in the series (-1 for an inserted gap). */
  source: number[];
}

/** The series as uPlot wants it; where nobody looked for longer than `gapMs`, a break in the line. */
function toPlotData(series: InstallSeries, split: boolean): PlotData {
  const keys = split
    ? (['appleIssued', 'googleIssued', 'appleActive', 'googleActive'] as const)
    : (['totalIssued', 'totalActive'] as const);
  const x: number[] = [];
  const ys: (number | null)[][] = keys.map(() => []);
  const source: number[] = [];
  series.t.forEach((t, i) => {
    const previous = series.t[i - 1];
    if (series.gapMs !== null && previous !== undefined && t - previous > series.gapMs) {
      x.push(previous + 1);
      ys.forEach((y) => y.push(null));
      source.push(-1);
    }
    x.push(t);
    keys.forEach((key, k) => ys[k]?.push(series[key][i] ?? null));
    source.push(i);
  });
  return { data: [x, ...ys] as uPlot.AlignedData, source };
}

/**
 * "Nov 30, 2026, 9:41 AM · Issued 22,074 (Apple 12,854, Google 9,220) · Active … · Notification
 * sent: Spring sale" (the markers in the point's bucket last).
 */
export function describePoint(series: InstallSeries, i: number, markers?: Map<number, InstallEvent[]>): string {
  const t = series.t[i];
  if (t === undefined) return '';
  const part = (what: string, total: number[], apple: number[], google: number[]) =>
    `${what} ${formatCount(total[i])} (Apple ${formatCount(apple[i])}, Google ${formatCount(google[i])})`;
  return [
    dateTime.format(t),
    part('Issued', series.totalIssued, series.appleIssued, series.googleIssued),
    part('Active', series.totalActive, series.appleActive, series.googleActive),
    ...(markers?.get(i) ?? []).map(describeEvent),
  ].join(' · ');
}

export default function InstallsChart({ series, split, label }: InstallsChartProps) {
  const hostRef = useRef<HTMLDivElement>(null);
  const readoutRef = useRef<HTMLParagraphElement>(null);
  const plotRef = useRef<uPlot | null>(null);
  // What the plot shows now: read by uPlot's hooks, which outlive any one render.
  const current = useRef<{ series: InstallSeries; plot: PlotData; markers: Map<number, InstallEvent[]> } | null>(null);
  current.current ??= { series, plot: toPlotData(series, split), markers: eventsByPoint(series) };

  const showReadout = (plotIndex: number | null | undefined) => {
    const readout = readoutRef.current;
    if (!readout) return;
    if (!current.current) return;
    const { series: s, plot, markers } = current.current;
    const i = plotIndex === null || plotIndex === undefined ? s.t.length - 1 : (plot.source[plotIndex] ?? -1);
    const prefix = plotIndex === null || plotIndex === undefined ? 'Latest: ' : '';
    const text = i >= 0 && s.t.length > 0 ? `${prefix}${describePoint(s, i, markers)}` : 'No sample at this time.';
    readout.textContent = text;
    hostRef.current?.setAttribute('aria-valuetext', text);
    if (i >= 0) hostRef.current?.setAttribute('aria-valuenow', String(i + 1));
  };

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const height = host.clientWidth < 500 ? 180 : 220;
    const lines = split ? CHART_SERIES.split : CHART_SERIES.totals;
    // Marks for the benchmark (the bench's history group): from here to the end of uPlot's first
    // draw (its canvas is painted in a microtask after the constructor, then the draw hooks run).
    const started = performance.now();
    let measured = false;
    const shown = { series, plot: toPlotData(series, split), markers: eventsByPoint(series) };
    current.current = shown;
    const axis: uPlot.Axis = {
      stroke: '#4B5563',
      grid: { stroke: '#E3E6EB', width: 1 },
      ticks: { stroke: '#E3E6EB', width: 1 },
      font: '11px Inter, ui-sans-serif, system-ui, sans-serif',
    };
    const plot = new uPlot(
      {
        width: Math.max(200, host.clientWidth),
        height,
        ms: 1,
        legend: { show: false },
        cursor: { y: false, points: { size: 7 } },
        scales: { x: { time: true } },
        axes: [
          { ...axis, space: 70 },
          { ...axis, size: 48, values: (_u, values) => values.map((v) => compact.format(v)) },
        ],
        series: [
          {},
          ...lines.map((line) => ({
            label: line.label,
            stroke: line.stroke,
            width: 2,
            ...(line.dash ? { dash: [...line.dash] } : {}),
            spanGaps: false,
            points: { show: false },
          })),
        ],
        hooks: {
          setCursor: [(u) => showReadout(u.cursor.idx)],
          draw: [
            (u) => drawEvents(u, current.current?.series.events ?? []),
            () => {
              if (measured) return;
              measured = true;
              performance.measure('installs-chart:draw', { start: started, end: performance.now() });
            },
          ],
        },
      },
      shown.plot.data,
      host,
    );
    plotRef.current = plot;
    showReadout(null);
    const observer = new ResizeObserver(() => {
      const width = host.clientWidth;
      if (width > 0 && width !== plot.width) plot.setSize({ width, height: width < 500 ? 180 : 220 });
    });
    observer.observe(host);
    return () => {
      observer.disconnect();
      plot.destroy();
      plotRef.current = null;
    };
    // The plot is rebuilt only when its lines change; data arrives through setData below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [split]);

  useEffect(() => {
    const plot = toPlotData(series, split);
    current.current = { series, plot, markers: eventsByPoint(series) };
    const u = plotRef.current;
    if (!u) return;
    u.setData(plot.data);
    showReadout(u.cursor.idx);
  }, [series, split]);

  /** Arrow keys walk the points (the read-out says each), Home and End jump, Escape lets go. */
  const onKeyDown = (event: React.KeyboardEvent) => {
    const u = plotRef.current;
    if (!u) return;
    const count = current.current?.plot.source.length ?? 0;
    if (count === 0) return;
    const at = u.cursor.idx ?? count - 1;
    const next =
      event.key === 'ArrowLeft'
        ? Math.max(0, at - 1)
        : event.key === 'ArrowRight'
          ? Math.min(count - 1, at + 1)
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? count - 1
              : null;
    if (event.key === 'Escape') {
      u.setCursor({ left: -10, top: -10 });
      showReadout(null);
      return;
    }
    if (next === null) return;
    event.preventDefault();
    readoutRef.current?.setAttribute('aria-live', 'polite');
    const x = (u.data[0] as number[])[next] ?? 0;
    u.setCursor({ left: u.valToPos(x, 'x'), top: u.bbox.height / devicePixelRatio / 2 });
  };

  const lines = split ? CHART_SERIES.split : CHART_SERIES.totals;
  return (
    <div>
      <p
        ref={readoutRef}
        className="min-h-10 text-xs text-ink-muted tabular-nums sm:min-h-5"
        data-testid="installs-readout"
      />
      <div
        ref={hostRef}
        // A slider over the points in time: arrow keys move it and its value text is the read-out.
        role="slider"
        tabIndex={0}
        aria-label={`${label}: point in time`}
        aria-valuemin={1}
        aria-valuemax={Math.max(1, series.t.length)}
        aria-valuenow={series.t.length}
        onKeyDown={onKeyDown}
        onBlur={() => readoutRef.current?.setAttribute('aria-live', 'off')}
        className="mt-2 w-full overflow-hidden rounded-md"
      />
      <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-ink-muted" aria-label="Legend">
        {lines.map((line) => (
          <li key={line.label} className="flex items-center gap-1.5">
            <svg width="18" height="8" aria-hidden="true">
              <line
                x1="0"
                y1="4"
                x2="18"
                y2="4"
                stroke={line.stroke}
                strokeWidth="2"
                strokeDasharray={line.dash?.join(' ')}
              />
            </svg>
            {line.label}
          </li>
        ))}
        {series.events.length > 0
          ? [...new Set(series.events.map((e) => e.kind))].map((kind) => (
              <li key={kind} className="flex items-center gap-1.5">
                <svg width="8" height="12" aria-hidden="true">
                  <line
                    x1="4"
                    y1="0"
                    x2="4"
                    y2="12"
                    stroke={EVENT_STYLE[kind].color}
                    strokeWidth="2"
                    strokeDasharray="3 2"
                  />
                </svg>
                {EVENT_STYLE[kind].label}
              </li>
            ))
          : null}
      </ul>
    </div>
  );
}

/** Dashed vertical markers where the pass was published, unpublished or notified. */
function drawEvents(u: uPlot, events: readonly InstallEvent[]) {
  const [min, max] = [u.scales.x?.min ?? 0, u.scales.x?.max ?? 0];
  const { ctx } = u;
  const { top, height } = u.bbox;
  ctx.save();
  ctx.lineWidth = devicePixelRatio * 1.5;
  ctx.setLineDash([4 * devicePixelRatio, 3 * devicePixelRatio]);
  ctx.font = `${11 * devicePixelRatio}px Inter, ui-sans-serif, system-ui, sans-serif`;
  for (const event of events) {
    if (event.t < min || event.t > max) continue;
    const x = Math.round(u.valToPos(event.t, 'x', true));
    const style = EVENT_STYLE[event.kind];
    ctx.strokeStyle = style.color;
    ctx.fillStyle = style.color;
    ctx.beginPath();
    ctx.moveTo(x, top);
    ctx.lineTo(x, top + height);
    ctx.stroke();
    const text = event.label ?? style.label;
    const width = ctx.measureText(text).width;
    const right = u.bbox.left + u.bbox.width;
    ctx.fillText(
      text,
      x + width + 4 * devicePixelRatio > right ? x - width - 4 * devicePixelRatio : x + 4 * devicePixelRatio,
      top + 12 * devicePixelRatio,
    );
  }
  ctx.restore();
}
