/** Targets of `npm run bench`: ratios to the floors measured in the same run where one exists. */
export const TARGET = {
  /** Keystroke → preview p95 at most this many times the same-DOM static floor's p95. */
  keystrokeRatio: 1.2,
  /** The app's JavaScript per keystroke (CPU profile, no throttling), ms. */
  keystrokeJsMs: 1,
  openP95Ms: 300,
  reqPerSec: 5000,
  byIdP99Ms: 5,
  heapGrowthPct: 10,
  rssMb: 150,
  lighthouse: {
    list: { performance: 98, accessibility: 100, 'best-practices': 95 },
    editor: { performance: 95, accessibility: 100, 'best-practices': 95 },
  } as Record<string, Record<string, number>>,
  /** "Load more" with the whole workspace loaded at most this many times the first clicks. */
  loadMoreRatio: 1.2,
  /** JS heap with every pass of the workspace loaded. */
  listHeapMb: 100,
  /** Largest Contentful Paint (Lighthouse median) at most this many times the minimal React page's. */
  lcpRatio: 1.25,
};

export const ratio = (value: number, floor: number) => (floor > 0 ? value / floor : Number.NaN);
