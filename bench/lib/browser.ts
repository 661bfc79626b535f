/**
 * Browser figures in Chromium driven by Playwright (the browser the e2e tests use): keystroke →
 * preview latency under 4× CPU slowdown, opening the editor from the list, and JS heap growth.
 */
import { existsSync } from 'node:fs';
import { chromium, expect, type Browser, type CDPSession, type Locator, type Page } from '@playwright/test';

export const chromiumPath =
  process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    ...(chromiumPath ? { executablePath: chromiumPath } : {}),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export async function newPage(browser: Browser, baseURL: string): Promise<Page> {
  const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 800 } });
  // tsx compiles the functions passed to page.evaluate with esbuild's keepNames, whose `__name`
  // helper does not exist in the page.
  await context.addInitScript({ content: 'globalThis.__name ??= (fn) => fn;' });
  return context.newPage();
}

const editorPath = (workspaceId: string, passId: string) => `/w/${workspaceId}/passes/${passId}`;

export async function openEditor(page: Page, workspaceId: string, passId: string, passName: string) {
  await page.goto(editorPath(workspaceId, passId));
  await expect(page.getByLabel('Pass name')).toHaveValue(passName, { timeout: 30_000 });
  return page.getByRole('group', { name: 'Secondary field 1', exact: true }).getByLabel('Value');
}

/** Random lowercase letters that do not occur in the seeded pass text by accident. */
export function typingText(length: number, seed = 7): string {
  let x = seed;
  let text = '';
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    text += 'qxzjkvwy'[x % 8];
  }
  return text;
}

export interface KeystrokeResult {
  latenciesMs: number[];
  /** Keystrokes whose text never showed in the preview within 2 s. */
  missed: number;
  /** Event Timing entries (keydown/keypress/input/keyup) of 16 ms or more: the browser's own view. */
  slowEventTimings: { name: string; duration: number }[];
}

/**
 * Per keystroke: from the `input` event's timestamp to the end of the first frame whose DOM has the
 * new value in the Apple preview (found in a requestAnimationFrame loop; the frame's end is taken
 * as the next task after that frame's rendering, via MessageChannel).
 */
export async function keystrokeToPreview(
  browser: Browser,
  baseURL: string,
  open: (page: Page) => Promise<Locator>,
  options: { keystrokes: number; cpuSlowdown: number; delayMs: number; seed?: number },
): Promise<KeystrokeResult> {
  const page = await newPage(browser, baseURL);
  try {
    const input = await open(page);
    const preview = page.getByRole('region', { name: 'Apple Wallet preview' });
    await expect(preview).toBeVisible();
    // A distinctive start so that each expected value is found only where this field is drawn.
    await input.fill('Typed ');
    await expect(preview).toContainText('Typed ');
    await input.click();
    await page.keyboard.press('End');

    const inputHandle = await input.elementHandle();
    const previewHandle = await preview.elementHandle();
    await page.evaluate(
      ([field, region]) => {
        interface Pending {
          t: number;
          text: string;
        }
        const state = {
          pending: [] as Pending[],
          latencies: [] as number[],
          missed: 0,
          slow: [] as { name: string; duration: number }[],
          running: true,
        };
        (window as unknown as { __bench: typeof state }).__bench = state;
        field!.addEventListener('input', (event) => {
          state.pending.push({ t: event.timeStamp, text: (field as HTMLInputElement).value });
        });
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries())
            if (/^key|input/.test(entry.name)) state.slow.push({ name: entry.name, duration: entry.duration });
        }).observe({ type: 'event', durationThreshold: 16 } as PerformanceObserverInit);
        const channel = new MessageChannel();
        let shownInFrame: Pending[] = [];
        channel.port1.onmessage = () => {
          const end = performance.now();
          for (const p of shownInFrame) state.latencies.push(end - p.t);
          shownInFrame = [];
        };
        const frame = () => {
          if (!state.running) return;
          if (state.pending.length > 0) {
            const shown = region!.textContent ?? '';
            const now = performance.now();
            const still: Pending[] = [];
            for (const p of state.pending) {
              if (shown.includes(p.text)) shownInFrame.push(p);
              else if (now - p.t > 2000) state.missed += 1;
              else still.push(p);
            }
            state.pending = still;
            // Runs after this frame's style, layout and paint.
            if (shownInFrame.length > 0) channel.port2.postMessage(null);
          }
          requestAnimationFrame(frame);
        };
        requestAnimationFrame(frame);
      },
      [inputHandle, previewHandle] as const,
    );

    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: options.cpuSlowdown });
    await page.keyboard.type(typingText(options.keystrokes, options.seed), { delay: options.delayMs });
    await page.waitForFunction(
      () => (window as unknown as { __bench: { pending: unknown[] } }).__bench.pending.length === 0,
      undefined,
      { timeout: 10_000 },
    );
    await page.waitForTimeout(100);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    const state = await page.evaluate(() => {
      const s = (
        window as unknown as {
          __bench: {
            latencies: number[];
            missed: number;
            slow: { name: string; duration: number }[];
            running: boolean;
          };
        }
      ).__bench;
      s.running = false;
      return { latencies: s.latencies, missed: s.missed, slow: s.slow };
    });
    return { latenciesMs: state.latencies, missed: state.missed, slowEventTimings: state.slow };
  } finally {
    await page.context().close();
  }
}

/**
 * From the click on the pass's row link in the list (searched by its name) to the first frame in
 * which the editor's Pass name input holds the name and the Apple preview shows the top field.
 * Each repetition starts from a fresh load of the list page (a new document: empty query cache,
 * the editor chunk from the HTTP cache after the first time).
 */
export async function openEditorFromList(
  browser: Browser,
  baseURL: string,
  target: { workspaceId: string; passId: string; passName: string; topValue: string },
  repetitions: number,
): Promise<number[]> {
  const page = await newPage(browser, baseURL);
  const times: number[] = [];
  try {
    for (let i = 0; i < repetitions; i++) {
      await page.goto(`/w/${target.workspaceId}/passes?q=${encodeURIComponent(target.passName)}`);
      const link = page.getByRole('table').getByRole('link', { name: target.passName, exact: true });
      await expect(link).toBeVisible({ timeout: 30_000 });
      await page.evaluate(
        ({ passName, topValue }) => {
          const state = { start: 0, end: 0 };
          (window as unknown as { __open: typeof state }).__open = state;
          document.addEventListener('click', (event) => (state.start ||= event.timeStamp), {
            capture: true,
            once: true,
          });
          const channel = new MessageChannel();
          channel.port1.onmessage = () => (state.end = performance.now());
          const ready = () => {
            const name = [...document.querySelectorAll('input')].find(
              (input) =>
                input.type !== 'search' && [...(input.labels ?? [])].some((l) => l.textContent?.trim() === 'Pass name'),
            );
            const preview = document.querySelector('[aria-label="Apple Wallet preview"]');
            return name?.value === passName && Boolean(preview?.textContent?.includes(topValue));
          };
          const frame = () => {
            if (state.start && ready()) channel.port2.postMessage(null);
            else requestAnimationFrame(frame);
          };
          requestAnimationFrame(frame);
        },
        { passName: target.passName, topValue: target.topValue },
      );
      await link.click();
      await page.waitForFunction(() => (window as unknown as { __open: { end: number } }).__open.end > 0, undefined, {
        timeout: 30_000,
      });
      // The same condition, checked the way the e2e tests would.
      await expect(page.getByLabel('Pass name')).toHaveValue(target.passName);
      await expect(page.getByRole('region', { name: 'Apple Wallet preview' })).toContainText(target.topValue);
      const { start, end } = await page.evaluate(
        () => (window as unknown as { __open: { start: number; end: number } }).__open,
      );
      times.push(end - start);
    }
    return times;
  } finally {
    await page.context().close();
  }
}

export interface MemoryResult {
  /** JSHeapUsedSize after round 1 (the first 50 keystrokes and the first save), after GC. */
  baselineBytes: number;
  /** JSHeapUsedSize after each later round, after GC; the last is after 1,000 keystrokes and 20 saves. */
  afterRoundBytes: number[];
  /** JavaScript objects in heap snapshots after round 1 and after the last round (appHeapBytes). */
  appObjectsBytes: { baseline: number; final: number; byType: Record<string, [number, number]> };
}

/** Heap-snapshot node types that are JavaScript values the page's code made. */
const APP_NODE_TYPES = new Set([
  'object',
  'closure',
  'array',
  'string',
  'concatenated string',
  'sliced string',
  'number',
  'regexp',
  'symbol',
  'bigint',
]);

/**
 * The bytes the page's JavaScript objects hold: the self sizes of the JavaScript values in a heap
 * snapshot (taken after a full GC, so only what is retained). Left out: V8's code, bytecode and
 * feedback ('code', 'hidden', 'object shape'), Blink's native objects ('native', among them the
 * text fields' undo history) and 'synthetic' roots. This is what the app retains; the engine's
 * compiled code, which JSHeapUsedSize counts too, grows as functions get hot.
 */
export async function appHeapBytes(cdp: CDPSession): Promise<{ total: number; byType: Record<string, number> }> {
  const chunks: string[] = [];
  const onChunk = ({ chunk }: { chunk: string }) => chunks.push(chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  const snapshot = JSON.parse(chunks.join('')) as {
    snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } };
    nodes: number[];
  };
  const { node_fields: fields, node_types: types } = snapshot.snapshot.meta;
  const typeAt = fields.indexOf('type');
  const sizeAt = fields.indexOf('self_size');
  const byType: Record<string, number> = {};
  let total = 0;
  for (let i = 0; i < snapshot.nodes.length; i += fields.length) {
    const type = types[0][snapshot.nodes[i + typeAt]!]!;
    const size = snapshot.nodes[i + sizeAt]!;
    byType[type] = (byType[type] ?? 0) + size;
    if (APP_NODE_TYPES.has(type)) total += size;
  }
  return { total, byType };
}

/**
 * 20 rounds on the large pass: select the secondary field's value, type 50 characters over it,
 * save with Ctrl+S and wait for "All changes saved". The JS heap (CDP Performance.getMetrics,
 * JSHeapUsedSize) is read after a forced GC once the first round is done and after every round.
 */
export async function heapGrowth(
  browser: Browser,
  baseURL: string,
  target: { workspaceId: string; passId: string; passName: string },
  options: { rounds: number; keystrokesPerRound: number },
): Promise<MemoryResult> {
  const page = await newPage(browser, baseURL);
  try {
    const input = await openEditor(page, target.workspaceId, target.passId, target.passName);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const heap = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      await cdp.send('HeapProfiler.collectGarbage');
      const { metrics } = await cdp.send('Performance.getMetrics');
      return metrics.find((m) => m.name === 'JSHeapUsedSize')!.value;
    };
    const saved = page.getByText('All changes saved');
    const sizes: number[] = [];
    let first: Awaited<ReturnType<typeof appHeapBytes>> | undefined;
    let last: Awaited<ReturnType<typeof appHeapBytes>> | undefined;
    for (let round = 0; round < options.rounds; round++) {
      await input.click();
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.type(typingText(options.keystrokesPerRound, round + 11), { delay: 5 });
      await expect(saved).toBeHidden();
      await page.keyboard.press('ControlOrMeta+S');
      await expect(saved).toBeVisible({ timeout: 15_000 });
      sizes.push(await heap());
      if (round === 0) first = await appHeapBytes(cdp);
      if (round === options.rounds - 1) last = await appHeapBytes(cdp);
    }
    const byType = Object.fromEntries(
      Object.keys({ ...first!.byType, ...last!.byType }).map((t) => [
        t,
        [first!.byType[t] ?? 0, last!.byType[t] ?? 0] as [number, number],
      ]),
    );
    return {
      baselineBytes: sizes[0]!,
      afterRoundBytes: sizes.slice(1),
      appObjectsBytes: { baseline: first!.total, final: last!.total, byType },
    };
  } finally {
    await page.context().close();
  }
}
