/**
 * The app's own JavaScript per keystroke, from a Chromium CPU profile (CDP `Profiler`), with no
 * CPU throttling: the self time of every sample whose function comes from the build's scripts
 * (`/assets/*.js`: the app, React, react-hook-form…), summed and divided by the keystrokes typed.
 * Style, layout, paint and garbage collection are the browser's and are left out; they are what the
 * same-DOM floor pays too.
 */
import type { Browser, Locator, Page } from '@playwright/test';
import { newPage, typingText } from './browser';

export interface KeystrokeProfile {
  keystrokes: number;
  /** App JS self time per keystroke, ms. */
  appJsMsPerKeystroke: number;
  /** The functions with the most self time over the whole run, ms, for the README's explanations. */
  top: { name: string; url: string; ms: number }[];
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export async function keystrokeCpuProfile(
  browser: Browser,
  baseURL: string,
  open: (page: Page) => Promise<Locator>,
  options: { keystrokes: number; delayMs: number; seed?: number },
): Promise<KeystrokeProfile> {
  const page = await newPage(browser, baseURL);
  try {
    const input = await open(page);
    const preview = page.getByRole('region', { name: 'Apple Wallet preview' });
    await input.fill('Typed ');
    await preview.getByText('Typed ').first().waitFor();
    await input.click();
    await page.keyboard.press('End');
    // Let the editor settle (sections mounted in a transition, lazy parts loaded).
    await page.waitForTimeout(1_000);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
    await page.keyboard.type(typingText(options.keystrokes, options.seed), { delay: options.delayMs });
    await page.waitForTimeout(300);
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
    await cdp.detach();

    const byNode = new Map<number, number>();
    // timeDeltas[i] is the time before sample i; the time until the next sample is spent at sample i.
    for (let i = 0; i < profile.samples.length; i++) {
      const next = profile.timeDeltas[i + 1] ?? 0;
      const id = profile.samples[i]!;
      byNode.set(id, (byNode.get(id) ?? 0) + next);
    }
    const app = (url: string) => url.includes('/assets/') && url.endsWith('.js');
    let appMicros = 0;
    const byFunction = new Map<string, { name: string; url: string; ms: number }>();
    for (const node of profile.nodes) {
      const micros = byNode.get(node.id) ?? 0;
      if (!micros || !app(node.callFrame.url)) continue;
      appMicros += micros;
      const url = node.callFrame.url.replace(/^.*\/assets\//, '');
      const key = `${node.callFrame.functionName}@${url}:${node.callFrame.lineNumber}`;
      const entry = byFunction.get(key) ?? { name: node.callFrame.functionName || '(anonymous)', url, ms: 0 };
      entry.ms += micros / 1000;
      byFunction.set(key, entry);
    }
    const top = [...byFunction.values()].sort((a, b) => b.ms - a.ms).slice(0, 8);
    return {
      keystrokes: options.keystrokes,
      appJsMsPerKeystroke: appMicros / 1000 / options.keystrokes,
      top: top.map((t) => ({ ...t, ms: Math.round(t.ms * 10) / 10 })),
    };
  } finally {
    await page.context().close();
  }
}
