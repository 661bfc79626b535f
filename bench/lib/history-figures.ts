/**
 * The bench's `history` group: count history at scale (`--history-passes`, 5,000 by default).
 *
 * Opens a sandbox with one workspace of N Published passes and lets the real app seed their
 * 90-day demo history into a new studio.db (the generator of a new DATA_DIR: daily beyond 30
 * days, hourly beyond a day, every 10 minutes after, about 900 samples a pass), timing the seed.
 * Then, over real HTTP to the app in this process (each request authorised through the
 * in-process Passport API as in production), interleaved with the same query on the same
 * database without HTTP or authorisation (the floor):
 * - `GET /studio/installs/passes/{id}` at 24 h, 30 d and 90 d (random passes),
 * - `GET /studio/installs/workspace` at 30 d and 90 d,
 * - `GET /studio/installs/changes` for a list page of 20 passes at 7 d;
 * the storage (bytes per sample row from SQLite's dbstat, a pass-year at steady state in proxy
 * mode and in the sandbox); and, in Chromium on the bench build, the chart's first draw on the
 * editor of a pass (`installs-chart:draw`: creating the plot to the end of its first draw of
 * about 720 hourly points) and navigation → drawn (the Installs card scrolled into view as soon
 * as it is there), each beside uPlot alone drawing the same series on a bare page
 * (bench/floors/uplot-chart.js: fetch, then draw), in turn.
 */
import { copyFileSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { join, resolve } from 'node:path';
import { createApp } from '../../src/server/app';
import { listen, tempDir } from '../../src/server/server.test-utils';
import type { SeedData, SeedPass } from '../../src/server/seed/seed-types';
import { openStore } from '../../src/server/store/sandbox-store';
import { COMPACTION_TIERS, InstallHistory } from '../../src/server/studio/install-history';
import { openStudioDb } from '../../src/server/studio/studio-db';
import { launchBrowser } from './browser';
import type { Figure } from './report';
import { median, p95, round } from './stats';
import { ratio } from './targets';

const WS = 'ws-bench-history';
const KEY = 'ub_test_bench_history';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const RANGE_MS = { '24h': DAY, '7d': 7 * DAY, '30d': 30 * DAY, '90d': 90 * DAY } as const;
const BUCKET_MS = { '24h': 60_000, '7d': HOUR, '30d': HOUR, '90d': DAY } as const;
const FLOOR_PAGE = '/bench-floor/uplot.html';
/**
 * Targets: a series answer well within a frame budget of a chart that refreshes every few
 * seconds, and the chart's own draw close to uPlot's alone (the app adds its data shaping, the
 * markers and the read-out).
 */
export const HISTORY_TARGET = { seriesP95Ms: 50, drawRatio: 1.5 };

export interface HistorySettings {
  passes: number;
  requests: { pass: number; workspace: number; changes: number };
  chartRounds: number;
}

function seedData(passes: number): SeedData {
  const now = Date.now();
  const list: SeedPass[] = Array.from({ length: passes }, (_, i) => ({
    id: randomUUID(),
    passName: `History pass ${i}`,
    status: 'Published',
    notificationHeader: 'BENCH',
    passLinkSlug: `history-${i}`,
    passMetadata: { description: 'Bench', organizationName: 'Bench Co', backgroundColor: '#112233' },
    images: [],
    locations: [],
    counts: { appleIssued: 800 + i, googleIssued: 400 + i, appleActive: 700 + i, googleActive: 350 + i },
    createdTime: new Date(now - 400 * DAY + i * 1000).toISOString(),
    updatedTime: new Date(now - 10 * DAY).toISOString(),
    createdBy: 'bench',
  }));
  return {
    workspaces: [{ id: WS, name: 'History bench workspace', passes: list }],
    demoKeys: [{ apiKey: KEY, label: 'History bench key', workspaceIds: [WS] }],
  };
}

/** uPlot and the floor script into the build folder, served by the app as it serves the build. */
function writeFloorPage(staticDir: string) {
  const dir = join(staticDir, 'bench-floor');
  mkdirSync(dir, { recursive: true });
  const uplot = resolve(import.meta.dirname, '../../node_modules/uplot/dist');
  copyFileSync(join(uplot, 'uPlot.iife.min.js'), join(dir, 'uplot.js'));
  copyFileSync(join(uplot, 'uPlot.min.css'), join(dir, 'uplot.css'));
  copyFileSync(resolve(import.meta.dirname, '../floors/uplot-chart.js'), join(dir, 'uplot-chart.js'));
  writeFileSync(
    join(staticDir, FLOOR_PAGE),
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Floor: uPlot alone</title>' +
      '<link rel="stylesheet" href="/bench-floor/uplot.css"><script src="/bench-floor/uplot.js"></script>' +
      '<script defer src="/bench-floor/uplot-chart.js"></script></head><body><div id="chart"></div></body></html>',
  );
}

const stat = (values: number[]) => ({ median: median(values), p95: p95(values), samples: values.length });

export async function historyFigures(
  staticDir: string | null,
  settings: HistorySettings,
  log: (message: string) => void,
): Promise<{ figures: Figure[]; details: Record<string, unknown> }> {
  const figures: Figure[] = [];
  const details: Record<string, unknown> = { passes: settings.passes };
  const dataDir = tempDir('pass-studio-bench-history-');
  try {
    const store = await openStore({ dataDir, seed: () => seedData(settings.passes) });
    const studio = openStudioDb(dataDir);
    log(`History: seeding ${settings.passes.toLocaleString('en-US')} passes × 90 days into a new studio.db…`);
    const seeding = performance.now();
    // A new studio.db: creating the app seeds the demo history of every pass.
    const app = createApp({ mode: 'sandbox', store, studio, staticDir });
    const seedS = (performance.now() - seeding) / 1000;
    const history = new InstallHistory(studio);
    const server = await listen(app);
    const rows = (studio.db.prepare('SELECT count(*) AS n FROM install_samples').get() as { n: number }).n;
    log(`History: ${rows.toLocaleString('en-US')} samples seeded in ${round(seedS)} s`);
    figures.push({
      figure: `Seed the count history (${settings.passes.toLocaleString('en-US')} passes × 90 d)`,
      unit: 's',
      median: seedS,
      p95: seedS,
      samples: 1,
      measured: seedS,
      measuredAs: 'value',
      target: '—',
      pass: null,
      note: `${rows.toLocaleString('en-US')} sample rows, one transaction`,
    });

    const ids = store.listPasses(WS, {}, settings.passes).items.map((p) => p.id);
    const pick = (i: number) => ids[(i * 7919) % ids.length]!;
    const get = async (path: string) => {
      const started = performance.now();
      const response = await fetch(`${server.url}${path}`, { headers: { 'api-key': KEY, 'x-workspace-id': WS } });
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
      return performance.now() - started;
    };
    const timed = (work: () => unknown) => {
      const started = performance.now();
      work();
      return performance.now() - started;
    };
    // Each request, then its query alone on the same database (the floor), in turn.
    const measure = async (
      figure: string,
      n: number,
      request: (i: number) => string,
      query: (i: number, now: number) => unknown,
    ) => {
      const app_: number[] = [];
      const floor: number[] = [];
      for (let i = 0; i < n; i++) {
        app_.push(await get(request(i)));
        floor.push(timed(() => query(i, Date.now())));
      }
      const s = stat(app_);
      figures.push({
        figure,
        unit: 'ms',
        ...s,
        measured: s.p95,
        measuredAs: 'p95',
        floor: { name: 'the SQL query alone', measured: p95(floor), ratio: ratio(s.p95, p95(floor)) },
        target: `p95 ≤ ${HISTORY_TARGET.seriesP95Ms} ms`,
        pass: s.p95 <= HISTORY_TARGET.seriesP95Ms,
        note: `median ${round(s.median, 2)} ms vs ${round(median(floor), 2)} ms for the query alone`,
      });
      log(
        `History: ${figure}: median ${round(s.median, 2)} ms, p95 ${round(s.p95, 2)} ms (query alone p95 ${round(p95(floor), 2)} ms)`,
      );
    };
    for (const range of ['24h', '30d', '90d'] as const) {
      await measure(
        `GET /studio/installs/passes/{id}?range=${range}`,
        settings.requests.pass,
        (i) => `/studio/installs/passes/${pick(i)}?range=${range}`,
        (i, now) => {
          history.passSeries(pick(i), now - RANGE_MS[range], now, BUCKET_MS[range]);
          history.passEvents(pick(i), now - RANGE_MS[range], now);
        },
      );
    }
    for (const range of ['30d', '90d'] as const) {
      await measure(
        `GET /studio/installs/workspace?range=${range}`,
        settings.requests.workspace,
        () => `/studio/installs/workspace?range=${range}`,
        (_i, now) => {
          history.workspaceSeries(WS, now - RANGE_MS[range], now, BUCKET_MS[range]);
          history.workspaceEvents(WS, now - RANGE_MS[range], now);
        },
      );
    }
    const page20 = (i: number) => Array.from({ length: 20 }, (_, k) => pick(i * 20 + k));
    await measure(
      'GET /studio/installs/changes (20 passes, 7 d)',
      settings.requests.changes,
      (i) => `/studio/installs/changes?range=7d&ids=${page20(i).join(',')}`,
      (i, now) => history.changes(WS, page20(i), now - 7 * DAY, (7 * DAY) / 24),
    );

    // Storage: the sample table's pages per row, then a pass-year at the tiers' bounds.
    studio.db.pragma('wal_checkpoint(TRUNCATE)');
    const bytes = (
      studio.db.prepare("SELECT sum(pgsize) AS b FROM dbstat WHERE name = 'install_samples'").get() as { b: number }
    ).b;
    const perRow = bytes / rows;
    const [minute, hour, day] = COMPACTION_TIERS;
    const rowsPerYear = (everyMs: number) =>
      Math.min(minute.age / everyMs, minute.age) +
      (hour.age - minute.age) / Math.max(everyMs, minute.bucket) +
      (day.age - hour.age) / Math.max(everyMs, hour.bucket) +
      (365 * DAY - day.age) / day.bucket;
    const storage = {
      sampleRows: rows,
      bytesPerRow: round(perRow, 1),
      studioDbBytes: statSync(join(dataDir, 'studio.db')).size,
      bytesPerPassPerYearProxy: Math.round(perRow * rowsPerYear(5 * 60_000)),
      bytesPerPassPerYearSandbox: Math.round(perRow * rowsPerYear(4_000)),
    };
    details.storage = storage;
    for (const [name, value] of [
      ['proxy, a sample per 5 min', storage.bytesPerPassPerYearProxy],
      ['sandbox, a sample per 4 s', storage.bytesPerPassPerYearSandbox],
    ] as const) {
      const kb = round(value / 1000, 1);
      figures.push({
        figure: `Count history per pass-year (${name})`,
        unit: 'KB',
        median: kb,
        p95: kb,
        samples: 1,
        measured: kb,
        measuredAs: 'value',
        target: '—',
        pass: null,
        note: `${storage.bytesPerRow} bytes per sample row (dbstat); studio.db ${round(storage.studioDbBytes / 1e6)} MB at ${rows.toLocaleString('en-US')} rows`,
      });
    }

    if (staticDir) {
      writeFloorPage(staticDir);
      const browser = await launchBrowser();
      const context = await browser.newContext({ baseURL: server.url, viewport: { width: 1440, height: 900 } });
      await context.addInitScript({ content: 'globalThis.__name ??= (fn) => fn;' });
      const page = await context.newPage();
      const runs = {
        draw: [] as number[],
        drawn: [] as number[],
        floorDraw: [] as number[],
        floorDrawn: [] as number[],
      };
      let width = 480;
      try {
        log(`History: the chart's first draw, ${settings.chartRounds} editor loads and as many floor pages, in turn…`);
        for (let i = 0; i < settings.chartRounds; i++) {
          const passId = pick(i);
          await page.goto(`/w/${WS}/passes/${passId}`);
          // The card sits below the preview in the editor's side column; its chart loads when it
          // comes near the screen, so it is scrolled to as soon as it is there (as a user would).
          const card = page.getByRole('region', { name: 'Installs', exact: true });
          await card.waitFor({ timeout: 120_000 });
          await card.scrollIntoViewIfNeeded();
          const app_ = await page.waitForFunction(
            () => {
              const entry = performance.getEntriesByName('installs-chart:draw')[0];
              const canvas = document.querySelector('.uplot canvas');
              return entry
                ? {
                    duration: entry.duration,
                    end: entry.startTime + entry.duration,
                    width: canvas?.parentElement?.clientWidth ?? 0,
                  }
                : null;
            },
            undefined,
            { timeout: 60_000 },
          );
          const drawnApp = (await app_.jsonValue()) as { duration: number; end: number; width: number };
          runs.draw.push(drawnApp.duration);
          runs.drawn.push(drawnApp.end);
          if (drawnApp.width > 0) width = drawnApp.width;
          await page.goto(
            `${FLOOR_PAGE}#${new URLSearchParams({ pass: passId, key: KEY, workspace: WS, width: String(width) })}`,
          );
          const floor = await page.waitForFunction(
            () => {
              const entry = performance.getEntriesByName('floor-chart:draw')[0];
              return entry ? { duration: entry.duration, end: entry.startTime + entry.duration } : null;
            },
            undefined,
            { timeout: 60_000 },
          );
          const drawnFloor = (await floor.jsonValue()) as { duration: number; end: number };
          runs.floorDraw.push(drawnFloor.duration);
          runs.floorDrawn.push(drawnFloor.end);
        }
      } finally {
        await browser.close();
      }
      details.chart = {
        width,
        ...Object.fromEntries(Object.entries(runs).map(([k, v]) => [k, v.map((x) => round(x, 2))])),
      };
      for (const [figure, appRuns, floorRuns] of [
        ['Chart first draw (create the plot → first draw, ~720 hourly points)', runs.draw, runs.floorDraw],
        ['Editor navigation → chart drawn', runs.drawn, runs.floorDrawn],
      ] as const) {
        const s = stat(appRuns);
        const drawRatio = ratio(s.p95, p95(floorRuns));
        const isDraw = appRuns === runs.draw;
        figures.push({
          figure,
          unit: 'ms',
          ...s,
          measured: s.p95,
          measuredAs: 'p95',
          floor: { name: 'uPlot alone, bare page', measured: p95(floorRuns), ratio: drawRatio },
          target: isDraw ? `p95 ≤ ${HISTORY_TARGET.drawRatio}× uPlot alone` : '—',
          pass: isDraw ? drawRatio <= HISTORY_TARGET.drawRatio : null,
          note: `median ${round(s.median)} ms vs ${round(median(floorRuns))} ms for uPlot alone (chart ${width} px wide)`,
        });
      }
      log(
        `History: chart draw median ${round(median(runs.draw))} ms (floor ${round(median(runs.floorDraw))} ms), navigation → drawn median ${round(median(runs.drawn))} ms (floor ${round(median(runs.floorDrawn))} ms)`,
      );
    }
    await server.close();
    studio.close();
    store.close();
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  return { figures, details };
}
