/**
 * Writes a whole count history at once into an empty history (the demo seed of a new studio.db):
 * the same rows `InstallHistory.record` would write step by step, with one prepared insert per
 * sample and the workspace totals summed in memory, inside the caller's transaction. At 5,000
 * passes × 90 days (4.5 million samples) the step-by-step path spent its time on five statements
 * and several object copies per sample; this one is one statement per sample.
 */
import type Database from 'better-sqlite3';
import type { Counts } from './install-history';

export class BulkHistoryWriter {
  readonly #grid: readonly number[];
  readonly #insertPass;
  readonly #insertSample;
  readonly #insertWorkspaceSample;
  /** Per workspace: the four counts summed at each grid step, and which steps had a sample. */
  readonly #workspaces = new Map<string, { sums: Float64Array; sampled: Uint8Array }>();
  #written = 0;

  /** `grid`: the sample times, oldest first, shared by every pass. */
  constructor(db: Database.Database, grid: readonly number[]) {
    this.#grid = grid;
    this.#insertPass = db.prepare<[string, string, number, number, number, number, number, string]>(
      `INSERT INTO install_passes (pass_id, workspace_id, t, apple_issued, google_issued, apple_active, google_active, status)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.#insertSample = db.prepare<[number, number, number, number, number, number]>(
      `INSERT INTO install_samples (pid, t, apple_issued, google_issued, apple_active, google_active)
       VALUES (?, ?, ?, ?, ?, ?)`,
    );
    this.#insertWorkspaceSample = db.prepare<[string, number, number, number, number, number]>(
      `INSERT INTO workspace_install_samples (workspace_id, t, apple_issued, google_issued, apple_active, google_active)
       VALUES (?, ?, ?, ?, ?, ?)`,
    );
  }

  /**
   * A pass's samples at grid steps `first`, `first + 1`, …; its last sample is its current
   * figure and counts in its workspace's total at every later step too.
   */
  addPass(passId: string, workspaceId: string, status: string, first: number, samples: readonly Counts[]): void {
    const last = samples.at(-1);
    if (!last) return;
    const steps = this.#grid.length;
    const lastT = this.#grid[first + samples.length - 1] ?? 0;
    const pid = Number(
      this.#insertPass.run(
        passId,
        workspaceId,
        lastT,
        last.appleIssued,
        last.googleIssued,
        last.appleActive,
        last.googleActive,
        status,
      ).lastInsertRowid,
    );
    let workspace = this.#workspaces.get(workspaceId);
    if (!workspace) {
      workspace = { sums: new Float64Array(steps * 4), sampled: new Uint8Array(steps) };
      this.#workspaces.set(workspaceId, workspace);
    }
    const { sums, sampled } = workspace;
    for (let step = first; step < steps; step++) {
      const k = step - first;
      const c = samples[Math.min(k, samples.length - 1)]!;
      if (k < samples.length) {
        this.#insertSample.run(pid, this.#grid[step]!, c.appleIssued, c.googleIssued, c.appleActive, c.googleActive);
        sampled[step] = 1;
        this.#written++;
      }
      const at = step * 4;
      sums[at] = (sums[at] ?? 0) + c.appleIssued;
      sums[at + 1] = (sums[at + 1] ?? 0) + c.googleIssued;
      sums[at + 2] = (sums[at + 2] ?? 0) + c.appleActive;
      sums[at + 3] = (sums[at + 3] ?? 0) + c.googleActive;
    }
  }

  /** Writes the workspace totals (a row at every step where one of its passes had a sample). */
  finish(): number {
    for (const [workspaceId, { sums, sampled }] of this.#workspaces) {
      sampled.forEach((had, step) => {
        if (!had) return;
        const at = step * 4;
        this.#insertWorkspaceSample.run(
          workspaceId,
          this.#grid[step]!,
          sums[at]!,
          sums[at + 1]!,
          sums[at + 2]!,
          sums[at + 3]!,
        );
      });
    }
    this.#workspaces.clear();
    return this.#written;
  }
}
