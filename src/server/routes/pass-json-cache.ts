/**
 * Serialised passes, kept until the store reports a change to them. Reads are the hot path (the
 * dashboard lists and opens passes far more often than it saves them), and building a pass means
 * parsing its JSON document, querying its locations and stringifying the result; a hit skips all
 * of it. Correct because this process is the database's only writer and the store notifies
 * synchronously after every commit, counts ticks and location edits included.
 */
import type { SandboxStore } from '../store/sandbox-store';

interface Entry {
  workspaceId: string;
  origin: string;
  json: string;
}

export class PassJsonCache {
  readonly #entries = new Map<string, Entry>();

  constructor(
    store: SandboxStore,
    private readonly maxEntries = 5000,
  ) {
    store.onPassChanged((id) => this.#entries.delete(id));
  }

  /** The serialised pass if cached for this origin (links inside it are absolute). */
  get(id: string, origin: string): Entry | undefined {
    const entry = this.#entries.get(id);
    return entry && entry.origin === origin ? entry : undefined;
  }

  set(id: string, workspaceId: string, origin: string, json: string): void {
    if (this.#entries.size >= this.maxEntries && !this.#entries.has(id)) {
      // Maps iterate in insertion order: drop the oldest entry.
      const oldest = this.#entries.keys().next().value;
      if (oldest !== undefined) this.#entries.delete(oldest);
    }
    this.#entries.set(id, { workspaceId, origin, json });
  }
}
