/**
 * `npm run bench`: builds the dashboard, starts a sandbox server on a free port with a throw-away
 * DATA_DIR, seeds it through the API (a large pass and a workspace of 1,000 passes), measures the
 * figures of the "Performance" section of README.md, each beside its floor measured in the same
 * run and interleaved with it (see lib/floors.ts), prints a table and writes bench/results.json.
 * Nothing is asserted: figures that miss their target are marked FAIL.
 *
 * `npm run bench -- --skip lighthouse,memory` leaves groups out (bundle, api, keystroke, open, list,
 * memory, lighthouse, history); `npm run bench -- --only api` runs just the listed groups. Without a
 * group that needs the dashboard (bundle, keystroke, open, memory, lighthouse, history) nothing is
 * built. `--history-passes 500` runs the history group (lib/history-figures.ts) at 500 passes
 * instead of 5,000.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzeBundle, buildWithManifest, EDITOR_BUDGET_KB, kb, LIST_BUDGET_KB } from './lib/bundle';
import { heapGrowth, launchBrowser, openEditorFromList } from './lib/browser';
import { buildFloorPages, FLOOR_PATHS } from './lib/floors';
import { keystrokeFigures } from './lib/keystroke-figures';
import { runLighthouse, type LighthouseRun } from './lib/lighthouse';
import { consoleTable, freeMemoryGiB, load1, machine, markdownTable, type Figure } from './lib/report';
import { seed } from './lib/seed';
import { startServer, type BenchServer } from './lib/server';
import { apiFigures } from './lib/api-figures';
import { historyFigures } from './lib/history-figures';
import { lighthouseFigures } from './lib/lighthouse-figures';
import { listAtScale, listFigures } from './lib/list-scale';
import { TARGET } from './lib/targets';
import { median, p95, round } from './lib/stats';

const GROUPS = ['bundle', 'api', 'keystroke', 'open', 'memory', 'list', 'lighthouse', 'history'] as const;
type Group = (typeof GROUPS)[number];

const settings = {
  passes: 1000,
  load: { connections: 10, durationS: 10, warmupS: 2 },
  /**
   * 4 rounds of 50 keystrokes, each round on the app and its same-DOM copy for the large pass and
   * the 50 × 10 links pass, then the React page, in turn; 3 unthrottled CPU profiles on each pass.
   */
  keystroke: {
    keystrokes: 200,
    rounds: 4,
    cpuSlowdown: 4,
    delayMs: 50,
    profiles: { runs: 3, keystrokes: 60, delayMs: 30 },
  },
  open: { repetitions: 20 },
  memory: { rounds: 20, keystrokesPerRound: 50 },
  lighthouse: { runs: 3 },
  /** Count history: passes × 90 days (`--history-passes`), requests of each kind, chart loads. */
  history: { passes: 5000, requests: { pass: 200, workspace: 100, changes: 100 }, chartRounds: 10 },
};

function log(message: string) {
  const t = ((performance.now() - started) / 1000).toFixed(0).padStart(4);
  console.log(`[${t} s] ${message}`);
}
const started = performance.now();

/** The groups to leave out: those of `--skip a,b`, or all but those of `--only a,b`. */
function parseSkip(): Set<Group> {
  const args = process.argv.slice(2);
  const listAfter = (flag: string): Group[] | undefined => {
    const i = args.indexOf(flag);
    if (i < 0) return undefined;
    const list = (args[i + 1] ?? '').split(',');
    for (const g of list)
      if (!GROUPS.includes(g as Group)) throw new Error(`${flag}: unknown group "${g}" (${GROUPS.join(', ')})`);
    return list as Group[];
  };
  const skip = listAfter('--skip') ?? [];
  const only = listAfter('--only');
  return new Set([...skip, ...(only ? GROUPS.filter((g) => !only.includes(g)) : [])]);
}

/** The whole number of passes after `flag` (`--passes 5000`), if given. */
function passCountAfter(flag: string): number | undefined {
  const i = process.argv.indexOf(flag);
  if (i < 0) return undefined;
  const count = Number(process.argv[i + 1]);
  if (!Number.isInteger(count) || count < 1) throw new Error(`${flag}: a whole number of passes, 1 or more`);
  return count;
}

function stat(values: number[]) {
  return { median: median(values), p95: p95(values), samples: values.length };
}

async function main() {
  const skip = parseSkip();
  settings.history.passes = passCountAfter('--history-passes') ?? settings.history.passes;
  settings.passes = passCountAfter('--passes') ?? settings.passes;
  const on = (g: Group) => !skip.has(g);
  const figures: Figure[] = [];
  const details: Record<string, unknown> = {};
  let server: BenchServer | undefined;
  let chromiumVersion = 'not started';
  let outDir: string | undefined;
  const loadAtStart = load1();
  if (loadAtStart > cpus().length / 2)
    log(
      `Warning: load average ${loadAtStart} on ${cpus().length} cores; other work on this machine will skew the timings`,
    );

  try {
    if (GROUPS.some((g) => g !== 'api' && on(g))) {
      log('Building the dashboard (vite build with a manifest)…');
      outDir = await buildWithManifest();
      if (on('keystroke') || on('lighthouse')) await buildFloorPages(outDir);
    } else {
      // The API figures need no dashboard: the server gets an empty STATIC_DIR.
      outDir = mkdtempSync(join(tmpdir(), 'pass-studio-bench-empty-'));
    }
    if (on('bundle')) {
      const bundle = analyzeBundle(outDir);
      details.bundle = bundle;
      const list = kb(bundle.list.gzipBytes);
      const editor = kb(bundle.editor.gzipBytes);
      const biggest = (files: typeof bundle.list.files) =>
        [...files]
          .sort((a, b) => b.gzipBytes - a.gzipBytes)
          .map((f) => `${f.file.replace(/^assets\//, '')} ${kb(f.gzipBytes)} KB`)
          .join(', ');
      figures.push(
        {
          figure: 'JS of the list route (gzip)',
          unit: 'KB',
          median: list,
          p95: list,
          samples: 1,
          measured: list,
          measuredAs: 'value',
          target: `≤ ${LIST_BUDGET_KB} KB`,
          pass: list <= LIST_BUDGET_KB,
          note: biggest(bundle.list.files),
        },
        {
          figure: 'JS of the editor route (gzip)',
          unit: 'KB',
          median: editor,
          p95: editor,
          samples: 1,
          measured: editor,
          measuredAs: 'value',
          target: `≤ ${EDITOR_BUDGET_KB} KB`,
          pass: editor <= EDITOR_BUDGET_KB,
          note: biggest(bundle.editor.files),
        },
      );
      log(`Bundle: list ${list} KB, editor ${editor} KB gzip`);
    }

    if (on('history')) {
      // Its own sandbox (one workspace of N Published passes, a new studio.db), in this process.
      const history = await historyFigures(outDir, settings.history, log);
      figures.push(...history.figures);
      details.history = history.details;
    }

    server = await startServer(outDir);
    const rssAtStart = server.rssMb();
    log(`Server on ${server.url} (pid ${server.pid}, RSS ${round(rssAtStart)} MB). Seeding ${settings.passes} passes…`);
    const seeded = await seed(server.url, settings.passes);
    const rssSeeded = server.rssMb();
    details.seed = {
      workspaceId: seeded.workspaceId,
      passes: seeded.passIds.length,
      largePass: seeded.large,
      rssAtStartMb: round(rssAtStart),
      rssAfterSeedMb: round(rssSeeded),
    };
    log(`Seeded: ${seeded.passIds.length} passes in workspace ${seeded.workspaceId}`);

    if (on('api')) {
      const api = await apiFigures(server, seeded, settings, log, rssAtStart, rssSeeded);
      figures.push(...api.figures);
      Object.assign(details, api.details);
    }
    const target = {
      workspaceId: seeded.workspaceId,
      passId: seeded.large.id,
      passName: seeded.large.passName,
      topValue: seeded.large.topValue,
    };
    if (on('keystroke') || on('open') || on('memory') || on('list')) {
      const browser = await launchBrowser();
      chromiumVersion = browser.version();
      try {
        if (on('keystroke')) {
          const result = await keystrokeFigures(
            browser,
            server.url,
            outDir!,
            seeded.workspaceId,
            { large: seeded.large, links: seeded.links },
            settings.keystroke,
            log,
          );
          figures.push(...result.figures);
          details.keystroke = result.details;
        }
        if (on('open')) {
          log(`Open the editor from the list, ${settings.open.repetitions} times…`);
          const times = await openEditorFromList(browser, server.url, target, settings.open.repetitions);
          const s = stat(times);
          details.open = { timesMs: times.map((v) => round(v)) };
          figures.push({
            figure: 'Open the editor (click in list → form + preview)',
            unit: 'ms',
            ...s,
            measured: s.p95,
            measuredAs: 'p95',
            target: `p95 ≤ ${TARGET.openP95Ms} ms`,
            pass: s.p95 <= TARGET.openP95Ms,
          });
          log(`Open the editor: median ${round(s.median)} ms, p95 ${round(s.p95)} ms`);
        }
        if (on('memory')) {
          const { rounds, keystrokesPerRound } = settings.memory;
          log(`Memory: ${rounds} rounds of ${keystrokesPerRound} keystrokes and a save…`);
          const result = await heapGrowth(browser, server.url, target, settings.memory).catch((error: unknown) => {
            log(`Memory failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
            details.memoryError = String(error);
            return undefined;
          });
          if (result) {
            const used = result.afterRoundBytes.map((b) => ((b - result.baselineBytes) / result.baselineBytes) * 100);
            const { baseline, final: after, byType } = result.appObjectsBytes;
            const final = ((after - baseline) / baseline) * 100;
            details.memory = {
              ...settings.memory,
              baselineBytes: result.baselineBytes,
              afterRoundBytes: result.afterRoundBytes,
              appObjectsBytes: { baseline, final: after },
              snapshotBytesByType: byType,
            };
            figures.push(
              {
                figure: `Retained JS objects growth (${rounds * keystrokesPerRound} keystrokes, ${rounds} saves)`,
                unit: '%',
                median: final,
                p95: final,
                samples: 1,
                measured: final,
                measuredAs: 'snapshot diff',
                target: `≤ ${TARGET.heapGrowthPct} %`,
                pass: final <= TARGET.heapGrowthPct,
                note: `JavaScript objects in heap snapshots (after GC): ${round(baseline / 1e6, 2)} MB after round 1 → ${round(after / 1e6, 2)} MB after round ${rounds}`,
              },
              {
                figure: 'JSHeapUsedSize growth (same rounds)',
                unit: '%',
                ...stat(used),
                measured: used.at(-1)!,
                measuredAs: 'final',
                target: '—',
                pass: null,
                note: `${round(result.baselineBytes / 1e6, 2)} MB after round 1 → ${round(result.afterRoundBytes.at(-1)! / 1e6, 2)} MB after round ${rounds}, V8's compiled code included`,
              },
            );
            log(`Memory: retained JS objects +${round(final)} % after ${rounds} rounds`);
          }
        }
        if (on('list')) {
          log(`List at scale: every "Load more" of ${seeded.passIds.length} passes, then the heap…`);
          try {
            const result = await listAtScale(browser, server.url, seeded.workspaceId);
            figures.push(...listFigures(result));
            details.list = result;
          } catch (error) {
            // One group's failure must not lose the figures of the others.
            log(`List at scale failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
            details.listError = String(error);
          }
        }
      } finally {
        await browser.close();
      }
    }

    if (on('lighthouse')) {
      const urls = {
        list: `${server.url}/w/${seeded.workspaceId}/passes`,
        editor: `${server.url}/w/${seeded.workspaceId}/passes/${seeded.typical.id}`,
        floor: `${server.url}${FLOOR_PATHS.vite}`,
      };
      const runs: Record<string, LighthouseRun[]> = { list: [], editor: [], floor: [] };
      // Interleaved: each round runs the list, the editor and the floor page in turn.
      for (let i = 0; i < settings.lighthouse.runs; i++) {
        for (const [page, url] of Object.entries(urls)) {
          log(`Lighthouse ${page} run ${i + 1}/${settings.lighthouse.runs}…`);
          try {
            runs[page]!.push(await runLighthouse(url));
          } catch (error) {
            log(
              `Lighthouse ${page} run ${i + 1} failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
            );
          }
        }
      }
      figures.push(...lighthouseFigures(runs, stat));
      details.lighthouse = { urls, runs };
    }
  } finally {
    await server?.stop();
    if (outDir) rmSync(outDir, { recursive: true, force: true });
  }

  const durationS = round((performance.now() - started) / 1000, 0);
  const info = machine(chromiumVersion);
  const results = {
    generatedAt: new Date().toISOString(),
    durationS,
    machine: info,
    freeMemoryGiB: freeMemoryGiB(),
    loadAverage1m: { atStart: loadAtStart, atEnd: load1() },
    settings,
    figures,
    markdown: markdownTable(figures),
    details,
  };
  writeFileSync(join(import.meta.dirname, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);

  console.log('');
  console.log(consoleTable(figures));
  const notes = figures.filter((f) => f.note);
  if (notes.length > 0) {
    console.log('');
    for (const f of notes) console.log(`- ${f.figure}: ${f.note}`);
  }
  console.log('');
  console.log(
    `Machine: ${info.cpu}, ${info.cores} cores, ${info.memoryGiB} GiB, ${info.os}, Node ${info.node}, Chromium ${info.chromium}`,
  );
  console.log(`Load average (1 min): ${loadAtStart} at start, ${results.loadAverage1m.atEnd} at end`);
  const failed = figures.filter((f) => f.pass === false);
  console.log(
    `${figures.length} figures in ${durationS} s, ${failed.length} missing their target. Written to bench/results.json`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
