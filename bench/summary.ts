/**
 * `npx tsx bench/summary.ts [--passes 5000]`: latency of `GET /studio/workspaces/{id}/summary`
 * (the list's workspace totals) with that many passes in the first demo workspace.
 *
 * Writes the demo seed plus that many draft passes (with counts) into a throw-away DATA_DIR in one
 * transaction (creating 5,000 passes through the API, one durable write each, takes minutes on 2
 * cores), starts the bundled server on it as `npm run serve` does (no rate limit, counts still),
 * then measures one client asking in sequence:
 * - sandbox: 200 requests (one SQL aggregate each);
 * - proxy, counted: a second server in proxy mode in front of the first pages the upstream list
 *   with the caller's key; 3 requests, each after the proxy's 15 s cache has run out;
 * - proxy, cached: 200 requests within the cache time (one upstream access check per 5 s).
 * Prints median, p95 and n of each; nothing is asserted.
 */
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StudioConfigSchema } from '../src/contract/queries';
import { WorkspaceSummarySchema } from '../src/contract/workspace-summary';
import { buildSeed } from '../src/server/seed/seed-data';
import type { SeedPass } from '../src/server/seed/seed-types';
import { openStore } from '../src/server/store/sandbox-store';
import { freePort } from './lib/server';
import { median, p95, round } from './lib/stats';

const passesArg = process.argv.indexOf('--passes');
const PASSES = passesArg > 0 ? Number(process.argv[passesArg + 1]) : 5000;
const PROXY_CACHE_MS = 15_000;

async function time(url: string, key: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(url, { headers: { 'api-key': key } });
  WorkspaceSummarySchema.parse(await response.json());
  return performance.now() - started;
}

function report(name: string, samples: number[]) {
  console.log(
    `${name.padEnd(34)} median ${String(round(median(samples), 2)).padStart(8)} ms   p95 ${String(round(p95(samples), 2)).padStart(8)} ms   n ${samples.length}`,
  );
}

const empty = mkdtempSync(join(tmpdir(), 'pass-studio-bench-static-'));
const dataDir = mkdtempSync(join(tmpdir(), 'pass-studio-bench-data-'));
const seeded = performance.now();
const store = await openStore({
  dataDir,
  seed: () => {
    const seed = buildSeed();
    const first = seed.workspaces[0]!;
    const template = first.passes.find((p) => p.status === 'Draft')!;
    const extra: SeedPass[] = Array.from({ length: PASSES - first.passes.length }, (_, i) => ({
      ...template,
      id: crypto.randomUUID(),
      passName: `Bench summary ${i}`,
      passLinkSlug: `bench-summary-${i}`,
      images: [],
      locations: [],
      counts: { appleIssued: i % 97, googleIssued: i % 53, appleActive: i % 41, googleActive: i % 29 },
    }));
    first.passes.push(...extra);
    return seed;
  },
});
store.close();
console.log(`Seeded ${PASSES} passes in ${round((performance.now() - seeded) / 1000)} s`);

async function serve(env: Record<string, string>) {
  const port = await freePort();
  const child = spawn(process.execPath, ['src/server/launch.mjs', 'serve'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', STATIC_DIR: empty, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let tries = 0; ; tries++) {
    const ready = await fetch(`${url}/studio/config`).catch(() => undefined);
    if (ready?.ok) break;
    if (tries > 600) throw new Error('The server did not start');
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url, child };
}

const sandbox = await serve({ DATA_DIR: dataDir, SANDBOX_RATE_LIMIT: '0', SANDBOX_SIMULATE_INSTALLS: '0' });
const proxy = await serve({
  DATA_DIR: mkdtempSync(join(tmpdir(), 'pass-studio-bench-proxy-')),
  PASSPORT_API_URL: `${sandbox.url}/v1`,
});
try {
  const config = StudioConfigSchema.parse(await (await fetch(`${sandbox.url}/studio/config`)).json());
  const key = config.demoKeys![0]!.apiKey;
  const workspaceId = config.workspaces[0]!.id;
  const headers = { 'api-key': key };

  const path = `/studio/workspaces/${workspaceId}/summary`;
  const sandboxUrl = `${sandbox.url}${path}`;
  const check = WorkspaceSummarySchema.parse(await (await fetch(sandboxUrl, { headers })).json());
  if (check.passes < PASSES) throw new Error(`The summary counts ${check.passes} passes, expected ${PASSES}`);
  for (let i = 0; i < 20; i++) await time(sandboxUrl, key); // warm-up
  const sandboxSamples: number[] = [];
  for (let i = 0; i < 200; i++) sandboxSamples.push(await time(sandboxUrl, key));
  report('sandbox (SQL aggregate)', sandboxSamples);

  const proxyUrl = `${proxy.url}${path}`;
  const counted: number[] = [];
  for (let i = 0; i < 3; i++) {
    if (i > 0) await new Promise((r) => setTimeout(r, PROXY_CACHE_MS + 500));
    counted.push(await time(proxyUrl, key));
  }
  report(`proxy, counted (${Math.ceil(PASSES / 20)} upstream pages)`, counted);
  const cached: number[] = [];
  for (let i = 0; i < 200; i++) cached.push(await time(proxyUrl, key));
  report('proxy, cached', cached);
} finally {
  proxy.child.kill('SIGTERM');
  sandbox.child.kill('SIGTERM');
}
