// The chart's floor: uPlot alone on a bare page (no React, no app), drawing the same series the
// editor's Installs card draws (the pass's 30 days, hourly: about 720 points of issued and
// active) with the same options, at the same width. Measures, like the app, from creating the
// plot to the end of its first draw (`floor-chart:draw`), and marks when that draw ended
// (`floor-chart:drawn`, from navigation). The pass, key and width come in the URL's hash.
/* global uPlot */
const params = new URLSearchParams(location.hash.slice(1));
const host = document.getElementById('chart');
host.style.width = `${params.get('width') ?? 480}px`;

const axis = {
  stroke: '#4B5563',
  grid: { stroke: '#E3E6EB', width: 1 },
  ticks: { stroke: '#E3E6EB', width: 1 },
  font: '11px Inter, ui-sans-serif, system-ui, sans-serif',
};
const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });

fetch(`/studio/installs/passes/${encodeURIComponent(params.get('pass') ?? '')}?range=30d`, {
  headers: { 'api-key': params.get('key') ?? '', 'x-workspace-id': params.get('workspace') ?? '' },
})
  .then((response) => response.json())
  .then((series) => {
    const started = performance.now();
    let measured = false;
    new uPlot(
      {
        width: host.clientWidth,
        height: host.clientWidth < 500 ? 180 : 220,
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
          { label: 'Issued', stroke: '#2A4BCB', width: 2, spanGaps: false, points: { show: false } },
          { label: 'Active', stroke: '#067647', width: 2, spanGaps: false, points: { show: false } },
        ],
        hooks: {
          draw: [
            () => {
              if (measured) return;
              measured = true;
              const end = performance.now();
              performance.measure('floor-chart:draw', { start: started, end });
              performance.mark('floor-chart:drawn', { startTime: end });
            },
          ],
        },
      },
      [series.t, series.totalIssued, series.totalActive],
      host,
    );
  });
