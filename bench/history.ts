/**
 * Count history at scale: `npx tsx bench/history.ts [--passes 5000] [--skip-chart]`.
 *
 * Builds a sandbox with one workspace of N Published passes (5,000 by default) and lets the real
 * app seed their 90-day demo history into a new studio.db (the generator of a new DATA_DIR:
 * daily beyond 30 days, hourly beyond a day, every 10 minutes after), then measures over real
 * HTTP, each request authorised through the in-process Passport API as in production:
 * - `GET /studio/installs/passes/{id}` at 24 h, 30 d and 90 d (random passes, 200 each),
 * - `GET /studio/installs/workspace` at 30 d and 90 d (100 each),
 * - `GET /studio/installs/changes` for a list page of 20 passes at 7 d (100),
 * - the storage: bytes per sample row (SQLite's dbstat) and bytes per pass per year at steady
 *   state, for proxy mode (one sample per 5 minutes) and the sandbox (one per 4 s tick),
 * - unless `--skip-chart`: the chart's first draw in Chromium (a production build served by the
 *   same app): `installs-chart:draw` (building the plot and drawing it) and the time from
 *   navigation to that draw, on the editor of a pass, 10 times.
 * Prints a table and writes bench/history-results.json (median, p95 and n of every figure).
 */
import { rmSync, statSync, writeFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { createApp } from '../src/server/app';
import { listen } from '../src/server/server.test-utils';
import type { SeedData, SeedPass } from '../src/server/seed/seed-types';
import { openStore } from '../src/server/store/sandbox-store';
import { COMPACTION_TIERS } from '../src/server/studio/install-history';
import { openStudioDb } from '../src/server/studio/studio-db';
import { tempDir } from '../src/server/server.test-utils';
import { median, p95, round } from './lib/stats';

const args = process.argv.slice(2);
const PASSES = Number(args[args.indexOf('--passes') + 1] ?? 5000) || 5000;
const WITH_CHART = !args.includes('--skip-chart');
const WS = 'ws-bench';
const KEY = 'ub_test_bench_history';

function seed(): SeedData {
  const now = Date.now();
  const passes: SeedPass[] = Array.from({ length: PASSES }, (_, i) => ({
    id: randomUUID(),
    passName: `Bench pass ${i}`,
    status: 'Published',
    notificationHeader: 'BENCH',
    passLinkSlug: `bench-${i}`,
    passMetadata: { description: 'Bench', organizationName: 'Bench Co', backgroundColor: '#112233' },
    images: [],
    locations: [],
    counts: { appleIssued: 800 + i, googleIssued: 400 + i, appleActive: 700 + i, googleActive: 350 + i },
    createdTime: new Date(now - 400 * 86_400_000 + i * 1000).toISOString(),
    updatedTime: new Date(now - 10 * 86_400_000).toISOString(),
    createdBy: 'bench',
  }));
  return {
    workspaces: [{ id: WS, name: 'Bench workspace', passes }],
    demoKeys: [{ apiKey: KEY, label: 'Bench key', workspaceIds: [WS] }],
  };
}

interface Figure {
  name: string;
  unit: string;
  samples: number[];
}

async function time(url: string, n: number, path: (i: number) => string): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const started = performance.now();
    const response = await fetch(`${url}${path(i)}`, { headers: { 'api-key': KEY, 'x-workspace-id': WS } });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`${path(i)} answered ${response.status}`);
    samples.push(performance.now() - started);
  }
  return samples;
}

async function main() {
  const dataDir = tempDir('pass-studio-bench-history-');
  const figures: Figure[] = [];
  try {
    const store = await openStore({ dataDir, seed });
    const studio = openStudioDb(dataDir);
    const seeding = performance.now();
    const staticDir = WITH_CHART ? await (await import('./lib/bundle')).buildWithManifest() : null;
    const app = createApp({ mode: 'sandbox', store, studio, staticDir });
    const seedSeconds = (performance.now() - seeding) / 1000;
    const server = await listen(app);
    const ids = store.listPasses(WS, {}, PASSES).items.map((p) => p.id);
    const pick = (i: number) => ids[(i * 7919) % ids.length]!;

    for (const range of ['24h', '30d', '90d'] as const) {
      figures.push({
        name: `GET /studio/installs/passes/{id}?range=${range}`,
        unit: 'ms',
        samples: await time(server.url, 200, (i) => `/studio/installs/passes/${pick(i)}?range=${range}`),
      });
    }
    for (const range of ['30d', '90d'] as const) {
      figures.push({
        name: `GET /studio/installs/workspace?range=${range}`,
        unit: 'ms',
        samples: await time(server.url, 100, () => `/studio/installs/workspace?range=${range}`),
      });
    }
    figures.push({
      name: 'GET /studio/installs/changes (20 passes, 7d)',
      unit: 'ms',
      samples: await time(
        server.url,
        100,
        (i) =>
          `/studio/installs/changes?range=7d&ids=${Array.from({ length: 20 }, (_, k) => pick(i * 20 + k)).join(',')}`,
      ),
    });

    // Storage: the sample table's pages per row, then a pass-year at the tiers' bounds.
    studio.db.pragma('wal_checkpoint(TRUNCATE)');
    const rows = (studio.db.prepare('SELECT count(*) AS n FROM install_samples').get() as { n: number }).n;
    const bytes = (
      studio.db.prepare("SELECT sum(pgsize) AS b FROM dbstat WHERE name = 'install_samples'").get() as { b: number }
    ).b;
    const perRow = bytes / rows;
    const [minute, hour, day] = COMPACTION_TIERS;
    const rowsPerYear = (everyMs: number) =>
      Math.min(minute.age / everyMs, minute.age) +
      (hour.age - minute.age) / Math.max(everyMs, minute.bucket) +
      (day.age - hour.age) / Math.max(everyMs, hour.bucket) +
      (365 * 86_400_000 - day.age) / day.bucket;
    const fileBytes = statSync(`${dataDir}/studio.db`).size;

    let chart: { draw: number[]; fromNavigation: number[] } | undefined;
    if (WITH_CHART) {
      const { launchBrowser, newPage } = await import('./lib/browser');
      const browser = await launchBrowser();
      const page = await newPage(browser, server.url);
      chart = { draw: [], fromNavigation: [] };
      for (let i = 0; i < 10; i++) {
        await page.goto(`/w/${WS}/passes/${pick(i)}`);
        const measured = await page.waitForFunction(
          () => {
            const entry = performance.getEntriesByName('installs-chart:draw')[0];
            return entry ? { duration: entry.duration, end: entry.startTime + entry.duration } : null;
          },
          undefined,
          { timeout: 60_000 },
        );
        const { duration, end } = (await measured.jsonValue()) as { duration: number; end: number };
        chart.draw.push(duration);
        chart.fromNavigation.push(end);
      }
      await browser.close();
      figures.push({
        name: 'Chart first draw (build the plot, draw 720 hourly points)',
        unit: 'ms',
        samples: chart.draw,
      });
      figures.push({ name: 'Editor navigation → chart drawn', unit: 'ms', samples: chart.fromNavigation });
    }

    await server.close();
    studio.close();
    store.close();

    console.log(
      `\nCount history at ${PASSES.toLocaleString('en-US')} passes × 90 days (seeded in ${round(seedSeconds)} s)\n`,
    );
    console.log('| figure | median | p95 | n |\n|---|---:|---:|---:|');
    for (const f of figures) {
      console.log(
        `| ${f.name} | ${round(median(f.samples), 2)} ${f.unit} | ${round(p95(f.samples), 2)} ${f.unit} | ${f.samples.length} |`,
      );
    }
    const storage = {
      sampleRows: rows,
      bytesPerRow: round(perRow, 1),
      studioDbBytes: fileBytes,
      bytesPerPassPerYearProxy: Math.round(perRow * rowsPerYear(5 * 60_000)),
      bytesPerPassPerYearSandbox: Math.round(perRow * rowsPerYear(4_000)),
    };
    console.log(
      `\nStorage: ${rows.toLocaleString('en-US')} sample rows, ${storage.bytesPerRow} bytes per row, studio.db ${round(fileBytes / 1e6)} MB; ` +
        `a pass-year at steady state: ${round(storage.bytesPerPassPerYearProxy / 1000)} KB (proxy, a sample per 5 min), ` +
        `${round(storage.bytesPerPassPerYearSandbox / 1000)} KB (sandbox, a sample per 4 s)`,
    );
    writeFileSync(
      new URL('./history-results.json', import.meta.url),
      `${JSON.stringify(
        {
          passes: PASSES,
          measured: new Date().toISOString(),
          seedSeconds: round(seedSeconds),
          figures: figures.map((f) => ({
            name: f.name,
            unit: f.unit,
            median: round(median(f.samples), 2),
            p95: round(p95(f.samples), 2),
            n: f.samples.length,
          })),
          storage,
        },
        null,
        2,
      )}\n`,
    );
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
