/**
 * The list at scale: every "Load more passes" of the workspace, from the click to the end of the
 * first frame whose table counts the new page (`aria-rowcount`), then the JS heap with every
 * pass loaded. No CPU throttling.
 */
import { expect, type Browser } from '@playwright/test';
import { appHeapBytes, newPage } from './browser';
import type { Figure } from './report';
import { median, p95, round } from './stats';
import { ratio, TARGET } from './targets';

export interface ListScaleResult {
  /** Per click, in order: the first is 20 → 40 rows, the last brings the workspace's final page. */
  loadMoreMs: number[];
  rows: number;
  domElements: number;
  heapUsedBytes: number;
  appObjectsBytes: number;
}

export async function listAtScale(browser: Browser, baseURL: string, workspaceId: string): Promise<ListScaleResult> {
  const page = await newPage(browser, baseURL);
  try {
    await page.goto(`/w/${workspaceId}/passes`);
    const table = page.getByRole('table', { name: 'Passes with their status and install counts' });
    const more = page.getByRole('button', { name: 'Load more passes' });
    await expect(more).toBeVisible({ timeout: 30_000 });
    const times: number[] = [];
    while (await more.isVisible()) {
      const before = Number(await table.getAttribute('aria-rowcount'));
      await page.evaluate((rows) => {
        const state = { start: 0, end: 0 };
        (window as unknown as { __more: typeof state }).__more = state;
        document.addEventListener('click', (event) => (state.start ||= event.timeStamp), { capture: true, once: true });
        const channel = new MessageChannel();
        channel.port1.onmessage = () => (state.end = performance.now());
        const frame = () => {
          const count = Number(document.querySelector('table[aria-rowcount]')?.getAttribute('aria-rowcount'));
          if (state.start && count > rows) channel.port2.postMessage(null);
          else requestAnimationFrame(frame);
        };
        requestAnimationFrame(frame);
      }, before);
      await more.click();
      await page.waitForFunction(() => (window as unknown as { __more: { end: number } }).__more.end > 0, undefined, {
        timeout: 30_000,
      });
      const { start, end } = await page.evaluate(
        () => (window as unknown as { __more: { start: number; end: number } }).__more,
      );
      times.push(end - start);
      await expect(more.or(page.getByText(/passes are shown/))).toBeVisible();
      await expect(page.getByRole('button', { name: 'Loading more…' })).toHaveCount(0);
    }
    const rows = Number(await table.getAttribute('aria-rowcount')) - 1;
    const domElements = await page.evaluate(() => document.querySelectorAll('*').length);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const app = await appHeapBytes(cdp);
    const { metrics } = await cdp.send('Performance.getMetrics');
    const heapUsedBytes = metrics.find((m) => m.name === 'JSHeapUsedSize')!.value;
    return { loadMoreMs: times, rows, domElements, heapUsedBytes, appObjectsBytes: app.total };
  } finally {
    await page.context().close();
  }
}

/** "Load more" at the end of the list against the start (the first and last five clicks), and the heap. */
export function listFigures(result: ListScaleResult): Figure[] {
  const first = result.loadMoreMs.slice(0, 5);
  const last = result.loadMoreMs.slice(-5);
  const r = ratio(median(last), median(first));
  const heapMb = result.heapUsedBytes / 1e6;
  return [
    {
      figure: `"Load more" at ${result.rows} rows vs at 20`,
      unit: 'ms',
      median: median(last),
      p95: p95(last),
      samples: last.length,
      measured: median(last),
      measuredAs: 'median, last 5',
      floor: { name: 'first 5 clicks', measured: median(first), ratio: r },
      target: `≤ ${TARGET.loadMoreRatio}× the first clicks`,
      pass: r <= TARGET.loadMoreRatio,
      note: `every click (ms): ${result.loadMoreMs.map((t) => round(t, 0)).join(', ')}; ${result.domElements} DOM elements at the end`,
    },
    {
      figure: `JS heap with ${result.rows} passes loaded`,
      unit: 'MB',
      median: heapMb,
      p95: heapMb,
      samples: 1,
      measured: heapMb,
      measuredAs: 'JSHeapUsedSize',
      target: `≤ ${TARGET.listHeapMb} MB`,
      pass: heapMb <= TARGET.listHeapMb,
      note: `JavaScript objects in a heap snapshot: ${round(result.appObjectsBytes / 1e6, 1)} MB`,
    },
  ];
}
