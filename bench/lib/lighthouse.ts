/** Lighthouse 12 (mobile defaults) through its CLI, with Debian's Chromium. */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { chromiumPath } from './browser';

export const CATEGORIES = ['performance', 'accessibility', 'best-practices'] as const;
export type Category = (typeof CATEGORIES)[number];

export interface LighthouseRun {
  scores: Record<Category, number>;
  /** Audits that lost points outside performance metrics, for the report. */
  failedAudits: { id: string; title: string; category: Category; nodes?: string[] }[];
  metrics: Record<string, number>;
  /** Scripts the page fetched during the run (file names), and their transferred bytes. */
  scripts: { file: string; transferBytes: number }[];
}

function lighthouseCli(): string {
  const require = createRequire(import.meta.url);
  const pkg = require.resolve('lighthouse/package.json');
  return join(dirname(pkg), 'cli', 'index.js');
}

export async function runLighthouse(url: string): Promise<LighthouseRun> {
  const dir = mkdtempSync(join(tmpdir(), 'pass-studio-lighthouse-'));
  const output = join(dir, 'report.json');
  try {
    await new Promise<void>((resolveRun, reject) => {
      execFile(
        process.execPath,
        [
          lighthouseCli(),
          url,
          '--output=json',
          `--output-path=${output}`,
          `--only-categories=${CATEGORIES.join(',')}`,
          '--chrome-flags=--headless=new --no-sandbox --disable-gpu',
          '--quiet',
        ],
        {
          env: {
            ...process.env,
            ...(chromiumPath && !process.env.CHROME_PATH ? { CHROME_PATH: chromiumPath } : {}),
          },
          timeout: 240_000,
          maxBuffer: 16 * 1024 * 1024,
        },
        (error, _stdout, stderr) =>
          error ? reject(new Error(`lighthouse failed: ${error.message}\n${stderr}`)) : resolveRun(),
      );
    });
    if (!existsSync(output)) throw new Error('lighthouse wrote no report');
    const lhr = JSON.parse(readFileSync(output, 'utf8')) as {
      runtimeError?: { message: string };
      categories: Record<Category, { score: number | null; auditRefs: { id: string; weight: number }[] }>;
      audits: Record<
        string,
        {
          title: string;
          score: number | null;
          scoreDisplayMode: string;
          numericValue?: number;
          details?: {
            items?: {
              node?: { snippet?: string; nodeLabel?: string };
              url?: string;
              resourceType?: string;
              transferSize?: number;
            }[];
          };
        }
      >;
    };
    if (lhr.runtimeError) throw new Error(`lighthouse: ${lhr.runtimeError.message}`);
    const scores = Object.fromEntries(
      CATEGORIES.map((c) => [c, Math.round((lhr.categories[c].score ?? 0) * 100)]),
    ) as Record<Category, number>;
    const failedAudits: LighthouseRun['failedAudits'] = [];
    for (const category of CATEGORIES) {
      for (const ref of lhr.categories[category].auditRefs) {
        const audit = lhr.audits[ref.id];
        if (
          ref.weight > 0 &&
          audit &&
          audit.score !== null &&
          audit.score < 0.9 &&
          audit.scoreDisplayMode !== 'informative'
        )
          failedAudits.push({
            id: ref.id,
            title: audit.title,
            category,
            ...(category !== 'performance'
              ? {
                  nodes: (audit.details?.items ?? [])
                    .map((item) => item.node?.snippet ?? item.node?.nodeLabel)
                    .filter((n): n is string => Boolean(n))
                    .slice(0, 5),
                }
              : {}),
          });
      }
    }
    const metrics: Record<string, number> = {};
    for (const id of [
      'first-contentful-paint',
      'largest-contentful-paint',
      'total-blocking-time',
      'cumulative-layout-shift',
      'speed-index',
    ]) {
      const value = lhr.audits[id]?.numericValue;
      if (value !== undefined) metrics[id] = Math.round(value * 1000) / 1000;
    }
    const scripts = (lhr.audits['network-requests']?.details?.items ?? [])
      .filter((item) => item.resourceType === 'Script' && item.url)
      .map((item) => ({ file: new URL(item.url!).pathname.split('/').pop()!, transferBytes: item.transferSize ?? 0 }));
    return { scores, failedAudits, metrics, scripts };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
