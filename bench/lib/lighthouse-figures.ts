/** The Lighthouse rows of the bench table: scores of the list and the editor, and LCP beside the floor page's. */
import { CATEGORIES, type LighthouseRun } from './lighthouse';
import type { Figure } from './report';
import { median } from './stats';
import { ratio, TARGET } from './targets';

type Stat = (values: number[]) => { median: number; p95: number; samples: number };

export function lighthouseFigures(runs: Record<string, LighthouseRun[]>, stat: Stat): Figure[] {
  const figures: Figure[] = [];
  const floorRuns = runs.floor ?? [];
  const lcp = (page: string) => (runs[page] ?? []).map((r) => r.metrics['largest-contentful-paint'] ?? Number.NaN);
  const floorLcp = median(lcp('floor'));
  for (const page of ['list', 'editor']) {
    const pageRuns = runs[page] ?? [];
    for (const category of CATEGORIES) {
      const s = stat(pageRuns.map((r) => r.scores[category]));
      const min = TARGET.lighthouse[page]![category]!;
      const floorScore = median(floorRuns.map((r) => r.scores[category]));
      const failing = [
        ...new Set(pageRuns.flatMap((r) => r.failedAudits.filter((a) => a.category === category).map((a) => a.id))),
      ];
      figures.push({
        figure: `Lighthouse ${page}: ${category}`,
        unit: 'score',
        ...s,
        measured: s.median,
        measuredAs: 'median',
        floor: { name: 'minimal Vite + React page', measured: floorScore, ratio: ratio(s.median, floorScore) },
        target: min === 100 ? '100' : `≥ ${min}`,
        pass: s.median >= min,
        ...(failing.length > 0 ? { note: `audits below 90: ${failing.join(', ')}` } : {}),
      });
    }
    const s = stat(lcp(page));
    const r = ratio(s.median, floorLcp);
    const metric = (id: string) => Math.round(median(pageRuns.map((run) => run.metrics[id] ?? Number.NaN)));
    figures.push({
      figure: `Lighthouse ${page}: LCP`,
      unit: 'ms',
      ...s,
      measured: s.median,
      measuredAs: 'median',
      floor: { name: 'minimal Vite + React page', measured: floorLcp, ratio: r },
      target: `≤ ${TARGET.lcpRatio}× floor`,
      pass: r <= TARGET.lcpRatio,
      note: `FCP ${metric('first-contentful-paint')} ms, TBT ${metric('total-blocking-time')} ms, CLS ${median(pageRuns.map((run) => run.metrics['cumulative-layout-shift'] ?? 0))} (medians); scripts fetched in run 1: ${(pageRuns[0]?.scripts ?? []).map((f) => `${f.file} ${Math.round(f.transferBytes / 100) / 10} KB`).join(', ')}`,
    });
  }
  const floorPerf = stat(floorRuns.map((r) => r.scores.performance));
  figures.push({
    figure: 'Lighthouse floor (minimal Vite + React): performance',
    unit: 'score',
    ...floorPerf,
    measured: floorPerf.median,
    measuredAs: 'median',
    target: '—',
    pass: null,
  });
  return figures;
}
