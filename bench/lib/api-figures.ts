/**
 * The API rows of the bench table: the sandbox under load beside a bare Hono + better-sqlite3
 * server holding the same passes (lib/floors.ts), each warmed up right before its run, and the
 * server's RSS after the load.
 */
import { startBareApi, type BareApi } from './floors';
import { load, type LoadResult } from './load';
import type { Figure } from './report';
import { Api, type Seeded } from './seed';
import type { BenchServer } from './server';
import { median, p95, percentile, round } from './stats';
import { ratio, TARGET } from './targets';

const stat = (values: number[]) => ({ median: median(values), p95: p95(values), samples: values.length });

export async function apiFigures(
  server: BenchServer,
  seeded: Seeded,
  settings: { load: { connections: number; durationS: number; warmupS: number } },
  log: (message: string) => void,
  rssAtStart: number,
  rssSeeded: number,
): Promise<{ figures: Figure[]; details: Record<string, unknown> }> {
  const figures: Figure[] = [];
  const details: Record<string, unknown> = {};
  log('API floor: a bare Hono + better-sqlite3 server with the same passes…');
  const floor: BareApi = await startBareApi(new Api(server.url, seeded.apiKey, seeded.workspaceId));
  try {
    const listPaths = ['/v1/wallet-pass?limit=20'];
    const byIdPaths = seeded.passIds.map((id) => `/v1/wallet-pass/${id}`);
    const results: LoadResult[] = [];
    const floorResults: LoadResult[] = [];
    for (const [title, paths] of [
      ['GET /v1/wallet-pass?limit=20', listPaths],
      ['GET /v1/wallet-pass/{id}', byIdPaths],
    ] as const) {
      // App and floor in turn, each warmed up right before its run.
      const run = async (url: string, name: string) => {
        const base = { url, apiKey: seeded.apiKey, workspaceId: seeded.workspaceId, title: name };
        const common = { ...base, paths: [...paths], connections: settings.load.connections };
        await load({ ...common, durationS: settings.load.warmupS });
        return load({ ...common, durationS: settings.load.durationS });
      };
      const result = await run(server.url, title);
      const bare = await run(floor.url, `${title} (bare floor)`);
      results.push(result);
      floorResults.push(bare);
      const p99 = percentile(result.latencies, 99);
      const bareP99 = percentile(bare.latencies, 99);
      log(
        `${title}: ${Math.round(result.reqPerSec)} req/s (floor ${Math.round(bare.reqPerSec)}), p99 ${round(p99, 2)} ms (floor ${round(bareP99, 2)}), non-2xx ${result.non2xx}, errors ${result.errors}`,
      );
      const ok = result.non2xx === 0 && result.errors === 0;
      const bad = ok ? undefined : `${result.non2xx} non-2xx, ${result.errors} errors`;
      figures.push({
        figure: `${title} throughput`,
        unit: 'req/s',
        ...stat(result.perSecond),
        measured: result.reqPerSec,
        measuredAs: 'mean',
        floor: {
          name: 'bare Hono + SQLite',
          measured: bare.reqPerSec,
          ratio: ratio(result.reqPerSec, bare.reqPerSec),
        },
        target: `≥ ${TARGET.reqPerSec.toLocaleString('en-US')} req/s`,
        pass: ok && result.reqPerSec >= TARGET.reqPerSec,
        note: `per-second counts over ${settings.load.durationS} s, ${settings.load.connections} connections${bad ? `; ${bad}` : ''}`,
      });
      const byId = title.endsWith('{id}');
      figures.push({
        figure: `${title} latency`,
        unit: 'ms',
        ...stat(result.latencies),
        measured: p99,
        measuredAs: 'p99',
        floor: { name: 'bare Hono + SQLite', measured: bareP99, ratio: ratio(p99, bareP99) },
        target: byId ? `p99 ≤ ${TARGET.byIdP99Ms} ms` : '—',
        pass: byId ? ok && p99 <= TARGET.byIdP99Ms : null,
      });
    }
    details.loadFloor = floorResults.map(({ latencies, ...rest }) => ({
      ...rest,
      latencyP99Ms: percentile(latencies, 99),
    }));
    details.load = results.map(({ latencies, ...rest }) => ({
      ...rest,
      latencyMs: {
        p50: median(latencies),
        p95: p95(latencies),
        p99: percentile(latencies, 99),
        // Not Math.max(...latencies): a fast run has more samples than the call stack takes arguments.
        max: latencies.reduce((a, b) => Math.max(a, b), 0),
      },
    }));
    const rss: number[] = [];
    for (let i = 0; i < 5; i++) {
      rss.push(server.rssMb());
      await new Promise((r) => setTimeout(r, 200));
    }
    figures.push({
      figure: 'Server RSS after the load test',
      unit: 'MB',
      ...stat(rss),
      measured: Math.max(...rss),
      measuredAs: 'max',
      target: `≤ ${TARGET.rssMb} MB`,
      pass: Math.max(...rss) <= TARGET.rssMb,
      note: `RSS at start ${round(rssAtStart)} MB, after seeding ${round(rssSeeded)} MB`,
    });
  } finally {
    await floor.stop();
  }
  return { figures, details };
}
