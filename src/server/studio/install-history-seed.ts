/**
 * A plausible 90-day count history for the sandbox's demo passes, written once into a new
 * studio.db so the charts are worth looking at on the first start. Each Published pass gets
 * installs that follow a daily rhythm, quieter weekends, a campaign spike shared by its workspace
 * and a wave of removals after it; the newest Published pass of each workspace launches inside
 * the window (ramp from zero, with a "published" marker). Every series ends exactly at the
 * pass's current counts. Invariants: issued never decreases, 0 ≤ active ≤ issued, and totals are
 * Apple + Google by construction (only those two are stored). Passes that are not published keep
 * their counts flat, so the workspace total matches the sum of its passes.
 */
import type { Counts, InstallHistory } from './install-history';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
export const SEED_HISTORY_DAYS = 90;

export interface SeedPass {
  passId: string;
  workspaceId: string;
  status: string;
  createdTime: string;
  counts: Counts;
}

/** Sample times, oldest first: daily beyond 30 days, hourly beyond a day, every 10 minutes after. */
export function seedTimeGrid(now: number): number[] {
  const grid: number[] = [];
  const start = now - SEED_HISTORY_DAYS * DAY;
  for (let t = start; t < now - 30 * DAY; t += DAY) grid.push(t);
  for (let t = now - 30 * DAY; t < now - DAY; t += HOUR) grid.push(t);
  for (let t = now - DAY; t < now; t += 10 * 60_000) grid.push(t);
  grid.push(now);
  return grid;
}

/** Small seeded PRNG (mulberry32): the same pass id gives the same history shape. */
function random(seedText: string): () => number {
  let seed = 2166136261;
  for (let i = 0; i < seedText.length; i++) seed = Math.imul(seed ^ seedText.charCodeAt(i), 16777619);
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

interface Shape {
  /** Fraction of today's issued count held at the start of the window (0 for a launch). */
  startFraction: number;
  launch: number | null;
  spike: number;
  rand: () => number;
}

/** Relative install rate at time t (any unit: it is normalised over the window). */
function rate(t: number, shape: Shape): number {
  if (shape.launch !== null && t < shape.launch) return 0;
  // UTC weekday and hour by arithmetic (1970-01-01 was a Thursday): no Date per mesh step.
  const weekday = (Math.floor(t / DAY) + 4) % 7;
  const weekend = weekday === 0 || weekday === 6 ? 0.55 : 1;
  const hour = (t % DAY) / HOUR;
  const daytime = 0.25 + 1.5 * Math.exp(-((hour - 15) ** 2) / 18);
  const spikeDays = (t - shape.spike) / DAY;
  const campaign = spikeDays >= 0 ? 5 * Math.exp(-spikeDays / 1.6) : 0;
  let ramp = 1;
  if (shape.launch !== null) {
    const days = (t - shape.launch) / DAY;
    ramp = (1 - Math.exp(-days / 2)) * (1 + 2 * Math.exp(-days / 12));
  }
  return weekend * daytime * (1 + campaign) * ramp * (0.75 + 0.5 * shape.rand());
}

/** Share of issued passes still installed at t, ending at `finalRatio`; removals follow the spike. */
function activeRatio(t: number, now: number, start: number, finalRatio: number, shape: Shape): number {
  const progress = (t - start) / (now - start);
  const begin = Math.min(1, finalRatio + 0.06);
  const trend = begin + (finalRatio - begin) * progress;
  const afterSpike = (t - shape.spike) / DAY - 4;
  const removals = afterSpike > 0 ? (0.05 * afterSpike * Math.exp(1 - afterSpike / 3)) / 3 : 0;
  return Math.max(0, Math.min(1, trend - removals * (1 - progress ** 4)));
}

/** One pass's samples on `grid` (issued and active per platform), ending at its current counts. */
export function seedPassSamples(
  pass: SeedPass,
  grid: readonly number[],
  spike: number,
  launch: number | null,
): Counts[] {
  const now = grid[grid.length - 1] ?? Date.now();
  const start = grid[0] ?? now;
  const rand = random(pass.passId);
  const shape: Shape = { startFraction: launch === null ? 0.45 + 0.25 * rand() : 0, launch, spike, rand };
  // Cumulative rate on a 20-minute mesh, read at each grid time.
  const step = 20 * 60_000;
  const cumulative: number[] = [];
  let sum = 0;
  let mesh = start;
  for (const t of grid) {
    while (mesh < t) {
      sum += rate(mesh, shape);
      mesh += step;
    }
    cumulative.push(sum);
  }
  const total = sum || 1;
  const platform = (issuedNow: number, activeNow: number) => {
    const first = Math.floor(issuedNow * shape.startFraction);
    const ratio = issuedNow === 0 ? 0 : activeNow / issuedNow;
    return grid.map((t, i) => {
      const issued = Math.round(first + (issuedNow - first) * ((cumulative[i] ?? 0) / total));
      const active = Math.min(issued, Math.round(issued * activeRatio(t, now, start, ratio, shape)));
      return [issued, active] as const;
    });
  };
  const apple = platform(pass.counts.appleIssued, pass.counts.appleActive);
  const google = platform(pass.counts.googleIssued, pass.counts.googleActive);
  const samples = grid.map((_, i) => ({
    appleIssued: apple[i]?.[0] ?? 0,
    appleActive: apple[i]?.[1] ?? 0,
    googleIssued: google[i]?.[0] ?? 0,
    googleActive: google[i]?.[1] ?? 0,
  }));
  // The last sample is today's figure exactly (rounding can only disagree by one).
  samples[samples.length - 1] = { ...pass.counts };
  return samples;
}

/**
 * Writes the demo history in one transaction (bulk inserts, one prepared statement per sample);
 * returns the number of samples written.
 */
export function seedInstallHistory(history: InstallHistory, passes: readonly SeedPass[], now = Date.now()): number {
  const grid = seedTimeGrid(now);
  const byWorkspace = new Map<string, SeedPass[]>();
  for (const pass of passes) {
    const list = byWorkspace.get(pass.workspaceId);
    if (list) list.push(pass);
    else byWorkspace.set(pass.workspaceId, [pass]);
  }
  let written = 0;
  history.batch(() => {
    const writer = history.bulkWriter(grid);
    for (const [workspaceId, list] of byWorkspace) {
      const rand = random(workspaceId);
      // The campaign: 20 to 45 days ago, at 9:00 UTC.
      const spikeDay = Math.floor((now - (20 + 25 * rand()) * DAY) / DAY) * DAY + 9 * HOUR;
      const published = list.filter((p) => p.status === 'Published');
      const newest = published.reduce<SeedPass | undefined>(
        (a, p) => (a === undefined || p.createdTime > a.createdTime ? p : a),
        undefined,
      );
      for (const pass of list) {
        if (pass.status !== 'Published') {
          // Not published: flat (its holders keep it), so the workspace total adds up.
          writer.addPass(pass.passId, workspaceId, pass.status, 0, [pass.counts]);
          continue;
        }
        const launch = pass === newest && published.length > 1 ? now - Math.round((70 + 10 * rand()) * DAY) : null;
        const samples = seedPassSamples(pass, grid, spikeDay, launch);
        // Before its launch a pass has no history at all (its current figure is always there).
        let first = 0;
        if (launch !== null) {
          while (first < grid.length - 1 && (grid[first] ?? now) < launch) first++;
          history.recordEvent(pass.passId, workspaceId, launch, 'published');
        }
        writer.addPass(pass.passId, workspaceId, 'Published', first, samples.slice(first));
      }
    }
    written = writer.finish();
  });
  return written;
}
