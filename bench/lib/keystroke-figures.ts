/**
 * The keystroke group of `npm run bench`: keystroke → preview on the large pass and on the pass
 * with 50 back fields × 10 links, each beside a static copy of its own editor DOM (same-DOM floor),
 * plus the minimal React page, interleaved round by round; then the app's JavaScript per
 * keystroke from an unthrottled CPU profile on both passes.
 */
import type { Browser, Page } from '@playwright/test';
import type { SeededPass } from './seed';
import { keystrokeToPreview, type KeystrokeResult, newPage, openEditor } from './browser';
import { FLOOR_PATHS, writeEditorCopy } from './floors';
import { keystrokeCpuProfile, type KeystrokeProfile } from './keystroke-profile';
import type { Figure } from './report';
import { median, p95, round } from './stats';
import { ratio, TARGET } from './targets';

export interface KeystrokeSettings {
  keystrokes: number;
  rounds: number;
  cpuSlowdown: number;
  delayMs: number;
  /** CPU profiles per pass, each of this many keystrokes, unthrottled. */
  profiles: { runs: number; keystrokes: number; delayMs: number };
}

const stat = (values: number[]) => ({ median: median(values), p95: p95(values), samples: values.length });

async function writeCopy(
  browser: Browser,
  baseURL: string,
  workspaceId: string,
  pass: SeededPass,
  outDir: string,
  path: string,
) {
  const page = await newPage(browser, baseURL);
  try {
    const field = await openEditor(page, workspaceId, pass.id, pass.passName);
    await field.fill('Typed ');
    await page.getByRole('region', { name: 'Apple Wallet preview' }).getByText('Typed ').first().waitFor();
    await field.evaluate((el) => el.setAttribute('data-bench-input', ''));
    await writeEditorCopy(page, '[data-bench-input]', 'Typed ', outDir, path);
  } finally {
    await page.context().close();
  }
}

export async function keystrokeFigures(
  browser: Browser,
  baseURL: string,
  outDir: string,
  workspaceId: string,
  passes: { large: SeededPass; links: SeededPass },
  settings: KeystrokeSettings,
  log: (message: string) => void,
): Promise<{ figures: Figure[]; details: Record<string, unknown> }> {
  const { rounds, keystrokes, cpuSlowdown, delayMs } = settings;
  log('Keystroke floors: static copies of the editor with a mirror script, a minimal React page…');
  await writeCopy(browser, baseURL, workspaceId, passes.large, outDir, FLOOR_PATHS.editorCopy);
  await writeCopy(browser, baseURL, workspaceId, passes.links, outDir, FLOOR_PATHS.linksCopy);
  const copy = (path: string) => async (page: Page) => {
    await page.goto(path);
    return page.locator('[data-bench-input]');
  };
  const subjects = {
    app: (page: Page) => openEditor(page, workspaceId, passes.large.id, passes.large.passName),
    copy: copy(FLOOR_PATHS.editorCopy),
    linksApp: (page: Page) => openEditor(page, workspaceId, passes.links.id, passes.links.passName),
    linksCopy: copy(FLOOR_PATHS.linksCopy),
    react: copy(FLOOR_PATHS.react),
  };
  type Subject = keyof typeof subjects;
  const runs = Object.fromEntries(Object.keys(subjects).map((k) => [k, [] as KeystrokeResult[]])) as Record<
    Subject,
    KeystrokeResult[]
  >;
  log(`Keystroke → preview: ${keystrokes} keystrokes at ${cpuSlowdown}× CPU slowdown on each, in ${rounds} rounds…`);
  for (let round_ = 0; round_ < rounds; round_++) {
    for (const name of Object.keys(subjects) as Subject[]) {
      runs[name].push(
        await keystrokeToPreview(browser, baseURL, subjects[name], {
          keystrokes: keystrokes / rounds,
          cpuSlowdown,
          delayMs,
          seed: 7 + round_,
        }),
      );
    }
  }
  const all = (name: Subject) => runs[name].flatMap((r) => r.latenciesMs);
  const missed = (name: Subject) => runs[name].reduce((n, r) => n + r.missed, 0);
  const react = stat(all('react'));

  const figures: Figure[] = [];
  const latency = (app: Subject, floor: Subject, what: string) => {
    const a = stat(all(app));
    const f = stat(all(floor));
    const r = ratio(a.p95, f.p95);
    figures.push({
      figure: `Keystroke → preview, ${what} (${cpuSlowdown}× CPU slowdown)`,
      unit: 'ms',
      ...a,
      measured: a.p95,
      measuredAs: 'p95',
      floor: { name: 'same-DOM static copy', measured: f.p95, ratio: r },
      target: `p95 ≤ ${TARGET.keystrokeRatio}× same-DOM floor`,
      pass: missed(app) === 0 && r <= TARGET.keystrokeRatio,
      note: `${missed(app)} keystrokes never shown; median ${round(a.median)} ms vs ${round(f.median)} ms on the copy (${ratio(a.median, f.median).toFixed(2)}×); p95 ${ratio(a.p95, react.p95).toFixed(2)}× the minimal React page`,
    });
    log(
      `Keystroke → preview, ${what}: p95 app ${round(a.p95)} ms, same-DOM copy ${round(f.p95)} ms (${r.toFixed(2)}×)`,
    );
  };
  latency('app', 'copy', 'large pass');
  latency('linksApp', 'linksCopy', '50 back fields × 10 links');
  figures.push({
    figure: 'Keystroke floor: minimal React page',
    unit: 'ms',
    ...react,
    measured: react.p95,
    measuredAs: 'p95',
    target: '—',
    pass: null,
  });

  const profiles: Record<string, KeystrokeProfile[]> = { large: [], links: [] };
  const p = settings.profiles;
  log(`App JS per keystroke: ${p.runs} CPU profiles of ${p.keystrokes} keystrokes on each pass, unthrottled…`);
  for (let i = 0; i < p.runs; i++) {
    for (const [name, open] of [
      ['large', subjects.app],
      ['links', subjects.linksApp],
    ] as const) {
      profiles[name]!.push(
        await keystrokeCpuProfile(browser, baseURL, open, {
          keystrokes: p.keystrokes,
          delayMs: p.delayMs,
          seed: 21 + i,
        }),
      );
    }
  }
  for (const [name, what] of [
    ['large', 'large pass'],
    ['links', '50 back fields × 10 links'],
  ] as const) {
    const values = profiles[name]!.map((r) => r.appJsMsPerKeystroke);
    const s = stat(values);
    figures.push({
      figure: `App JS per keystroke, ${what} (CPU profile, no throttling)`,
      unit: 'ms',
      ...s,
      measured: s.median,
      measuredAs: `median of ${values.length} profiles`,
      target: `≤ ${TARGET.keystrokeJsMs} ms`,
      pass: s.median <= TARGET.keystrokeJsMs,
      note: `heaviest: ${profiles[name]![0]!.top.slice(0, 4)
        .map((t) => `${t.name} ${t.ms} ms`)
        .join(', ')} (first profile, ${p.keystrokes} keystrokes)`,
    });
    log(`App JS per keystroke, ${what}: ${values.map((v) => round(v, 2)).join(', ')} ms`);
  }

  return {
    figures,
    details: {
      ...settings,
      missed: Object.fromEntries(Object.keys(runs).map((k) => [k, missed(k as Subject)])),
      slowEventTimings: runs.app.flatMap((r) => r.slowEventTimings),
      latenciesMs: Object.fromEntries(Object.keys(runs).map((k) => [k, all(k as Subject).map((v) => round(v))])),
      profiles,
    },
  };
}
