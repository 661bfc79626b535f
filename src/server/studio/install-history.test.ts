/**
 * Count history on a real studio.db: the seeded demo history keeps its invariants and ends at the
 * current counts, aged samples thin out to their bounds keeping each bucket's last sample, and the
 * workspace total stays the sum of its passes' latest counts.
 */
import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../server.test-utils';
import type { Counts } from './install-history';
import { COMPACTION_TIERS, InstallHistory } from './install-history';
import { SEED_HISTORY_DAYS, seedInstallHistory } from './install-history-seed';
import type { SeedPass } from './install-history-seed';
import type { StudioDb } from './studio-db';
import { openStudioDb } from './studio-db';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 30, 12, 0, 0);
const open: { dir: string; studio: StudioDb }[] = [];
afterEach(() => {
  for (const { dir, studio } of open.splice(0)) {
    studio.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

function history(): InstallHistory {
  const dir = tempDir();
  const studio = openStudioDb(dir);
  open.push({ dir, studio });
  return new InstallHistory(studio);
}

const counts = (appleIssued: number, googleIssued: number, appleActive: number, googleActive: number): Counts => ({
  appleIssued,
  googleIssued,
  appleActive,
  googleActive,
});

const SEED: SeedPass[] = [
  {
    passId: 'p-old',
    workspaceId: 'ws-1',
    status: 'Published',
    createdTime: '2025-02-01T00:00:00Z',
    counts: counts(4210, 2388, 3876, 2051),
  },
  {
    passId: 'p-new',
    workspaceId: 'ws-1',
    status: 'Published',
    createdTime: '2025-07-01T00:00:00Z',
    counts: counts(12840, 9210, 10388, 7215),
  },
  {
    passId: 'p-draft',
    workspaceId: 'ws-1',
    status: 'Draft',
    createdTime: '2025-08-01T00:00:00Z',
    counts: counts(12, 5, 9, 4),
  },
  {
    passId: 'p-other',
    workspaceId: 'ws-2',
    status: 'Published',
    createdTime: '2025-03-01T00:00:00Z',
    counts: counts(968, 512, 811, 430),
  },
];

describe('seeded history', () => {
  it('obeys the invariants, ends at the current counts and spans 90 days', () => {
    const h = history();
    seedInstallHistory(h, SEED, NOW);
    for (const pass of SEED.filter((p) => p.status === 'Published')) {
      const rows = h.passSeries(pass.passId, 0, NOW, 1);
      expect(rows.length).toBeGreaterThan(500);
      for (let i = 0; i < rows.length; i++) {
        const row = rows[i]!;
        expect(row.appleActive).toBeLessThanOrEqual(row.appleIssued);
        expect(row.googleActive).toBeLessThanOrEqual(row.googleIssued);
        expect(Math.min(row.appleActive, row.googleActive)).toBeGreaterThanOrEqual(0);
        if (i > 0) {
          expect(row.appleIssued).toBeGreaterThanOrEqual(rows[i - 1]!.appleIssued);
          expect(row.googleIssued).toBeGreaterThanOrEqual(rows[i - 1]!.googleIssued);
        }
      }
      expect(rows.at(-1)).toEqual({ t: NOW, ...pass.counts });
      // Active goes down somewhere: removals happen.
      expect(
        rows.some(
          (r, i) => i > 0 && r.appleActive + r.googleActive < rows[i - 1]!.appleActive + rows[i - 1]!.googleActive,
        ),
      ).toBe(true);
    }
    // The newest Published pass of a workspace launches inside the window, with a marker.
    const launched = h.passSeries('p-new', 0, NOW, 1);
    expect(launched[0]!.t).toBeGreaterThan(NOW - SEED_HISTORY_DAYS * DAY);
    expect(launched[0]!.appleIssued).toBeLessThan(200);
    expect(h.passEvents('p-new', 0, NOW).map((e) => e.kind)).toEqual(['published']);
    const older = h.passSeries('p-old', 0, NOW, 1);
    expect(older[0]!.t).toBe(NOW - SEED_HISTORY_DAYS * DAY);
    // The workspace series is the sum of its passes, drafts included, at every point and today.
    const workspace = h.workspaceSeries('ws-1', 0, NOW, 1);
    const sum = (key: keyof Counts) =>
      SEED.filter((p) => p.workspaceId === 'ws-1').reduce((n, p) => n + p.counts[key], 0);
    expect(workspace.at(-1)).toEqual({
      t: NOW,
      appleIssued: sum('appleIssued'),
      googleIssued: sum('googleIssued'),
      appleActive: sum('appleActive'),
      googleActive: sum('googleActive'),
    });
    for (let i = 1; i < workspace.length; i++)
      expect(workspace[i]!.appleIssued).toBeGreaterThanOrEqual(workspace[i - 1]!.appleIssued);
    // At every point, each pass counts with its latest sample at or before it (written in bulk).
    const series = SEED.filter((p) => p.workspaceId === 'ws-1').map((p) => h.passSeries(p.passId, 0, NOW, 1));
    for (const point of workspace) {
      const latest = series.map((rows) => rows.filter((r) => r.t <= point.t).at(-1));
      for (const key of ['appleIssued', 'googleIssued', 'appleActive', 'googleActive'] as const)
        expect(point[key], `${key} at ${point.t}`).toBe(latest.reduce((n, r) => n + (r ? r[key] : 0), 0));
    }
  });
});

describe('downsampling', () => {
  it('keeps at most one sample per minute after an hour, per hour after a day, per day after 30 days', () => {
    const h = history();
    const start = NOW - 40 * DAY;
    let issued = 0;
    const lastOfDay = new Map<number, number>();
    // A sample every 5 minutes for 40 days (11,520), counts rising by one each time.
    h.batch(() => {
      for (let t = start; t <= NOW; t += 5 * 60_000) {
        issued += 1;
        h.record([{ passId: 'p', workspaceId: 'ws', t, counts: counts(issued, 0, issued, 0) }]);
        lastOfDay.set(Math.floor(t / DAY), issued);
      }
    });
    // A burst of samples in the last hour stays as it is.
    h.batch(() => {
      for (let t = NOW + 1_000; t < NOW + 60_000; t += 1_000) {
        issued += 1;
        h.record([{ passId: 'p', workspaceId: 'ws', t, counts: counts(issued, 0, issued, 0) }]);
      }
    });
    const before = h.passSeries('p', 0, NOW + DAY, 1).length;
    const deleted = h.compact(NOW + 60_000);
    const rows = h.passSeries('p', 0, NOW + DAY, 1);
    expect(before - rows.length).toBe(deleted / 2); // the workspace table thinned the same way
    const [minute, hour, day] = COMPACTION_TIERS;
    const end = NOW + 60_000;
    const within = (from: number, to: number) => rows.filter((r) => r.t >= from && r.t < to);
    const perBucket = (list: typeof rows, bucket: number) => {
      const seen = new Map<number, number>();
      for (const r of list) seen.set(Math.floor(r.t / bucket), (seen.get(Math.floor(r.t / bucket)) ?? 0) + 1);
      return Math.max(...seen.values());
    };
    expect(perBucket(within(0, end - day.age - DAY), DAY)).toBe(1);
    expect(perBucket(within(end - day.age + DAY, end - hour.age - 3_600_000), 3_600_000)).toBe(1);
    expect(perBucket(within(end - hour.age + 3_600_000, end - minute.age - 60_000), 60_000)).toBe(1);
    expect(within(NOW + 1, end)).toHaveLength(59);
    // Bounded: 11 days daily, 30 days hourly, a day of 5-minute samples and the burst (11,579 written).
    expect(rows.length).toBeLessThanOrEqual(12 + 30 * 24 + 24 * 12 + 60);
    // Each kept daily sample is the last of its day: nothing is averaged or invented.
    for (const row of within(0, end - day.age - DAY))
      expect(row.appleIssued).toBe(lastOfDay.get(Math.floor(row.t / DAY)));
    // The latest figure survives, in the pass and in the workspace total.
    expect(rows.at(-1)?.appleIssued).toBe(issued);
    expect(h.workspaceSeries('ws', 0, end, 1).at(-1)?.appleIssued).toBe(issued);
    // A second run right after has nothing left to do.
    expect(h.compact(NOW + 60_000)).toBe(0);
  });
});

describe('recording', () => {
  it('keeps one sample per pass per interval when asked, records status changes as markers and keeps totals', () => {
    const h = history();
    const t0 = NOW;
    h.record([{ passId: 'a', workspaceId: 'ws', t: t0, counts: counts(10, 5, 8, 4), status: 'Published' }]);
    h.record([{ passId: 'b', workspaceId: 'ws', t: t0 + 1, counts: counts(1, 1, 1, 1), status: 'Draft' }]);
    expect(
      h.record([{ passId: 'a', workspaceId: 'ws', t: t0 + 60_000, counts: counts(11, 5, 9, 4) }], {
        minIntervalMs: 300_000,
      }),
    ).toBe(0);
    expect(
      h.record([{ passId: 'a', workspaceId: 'ws', t: t0 + 300_000, counts: counts(12, 5, 9, 4), status: 'Draft' }], {
        minIntervalMs: 300_000,
      }),
    ).toBe(1);
    expect(h.passEvents('a', 0, t0 + DAY)).toEqual([{ t: t0 + 300_000, kind: 'unpublished', passId: 'a' }]);
    expect(
      h.record([{ passId: 'a', workspaceId: 'ws', t: t0 + 400_000, counts: counts(12, 5, 9, 4) }], {
        onlyChanges: true,
      }),
    ).toBe(0);
    expect(h.workspaceSeries('ws', 0, t0 + DAY, 1).at(-1)).toEqual({ t: t0 + 300_000, ...counts(13, 6, 10, 5) });
  });
});
