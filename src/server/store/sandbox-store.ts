/**
 * The sandbox's persistence: one SQLite file (DATA_DIR/sandbox.db) behind prepared statements.
 * WAL with synchronous=FULL so an acknowledged write survives a SIGKILL; every write runs in a
 * transaction so checks (unique names, the 10-location cap) and the write cannot interleave.
 *
 * The store speaks in records (columns + the JSON `doc`); `routes/views.ts` turns them into API
 * objects, because links and image URLs depend on the request's origin.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { CreatePassRequest, UpdatePassRequest } from '../../contract/input-schemas';
import { uploadKeyOf } from '../../contract/schemas';
import { invalidInput, notFound } from '../errors';
import { fakeGoogleSaveToken, newId, newUploadKey, randomSlug } from '../ids';
import type { SeedData } from '../seed/seed-types';
import type { SortKey } from './cursor';
import { assertPublishable, isObject, passDocOf, patchDoc } from './documents';
import { ListPages } from './list-query';
import type { Page } from './list-query';
import { LocationStore } from './location-store';
import { PASS_FILTER_COLUMNS, readDirectory } from './records';
import type { ApiKeyRecord, PassFilter, PassRecord, WorkspaceRecord } from './records';
import { nameKey, toPass } from './rows';
import { prepareStatements } from './statements';
import type { Statements } from './statements';
import { prepareDatabase } from './migrate';
import { seedDatabase } from './seeding';

export type { Page };

export interface OpenStoreOptions {
  dataDir: string;
  /** What a new database starts with; the seed module's `buildSeed` by default. */
  seed?: () => SeedData;
}

export class SandboxStore {
  readonly #db: Database.Database;
  #keys = new Map<string, ApiKeyRecord>();
  #workspaces = new Map<string, WorkspaceRecord>();
  readonly #listeners = new Set<(passId: string, workspaceId: string) => void>();
  readonly #statements: Statements;
  readonly #lists: ListPages;
  /** The passes' locations, in the same file and transactions. */
  readonly locations: LocationStore;

  /** Workspaces and keys are written only by seeding, so they are read once for the hot auth path. */
  #loadDirectory(): void {
    ({ keys: this.#keys, workspaces: this.#workspaces } = readDirectory(this.#db));
  }

  constructor(db: Database.Database) {
    this.#db = db;
    this.#statements = prepareStatements(db);
    this.#lists = new ListPages(db);
    this.locations = new LocationStore(db, this.#statements, this.#lists, (passId, workspaceId) =>
      this.#changed(passId, workspaceId),
    );
    this.#loadDirectory();
  }

  close(): void {
    if (this.#db.open) this.#db.close();
  }

  /** The connection's durability settings, for tests and diagnostics. */
  pragmas(): { journalMode: unknown; synchronous: unknown; foreignKeys: unknown } {
    return {
      journalMode: this.#db.pragma('journal_mode', { simple: true }),
      synchronous: this.#db.pragma('synchronous', { simple: true }),
      foreignKeys: this.#db.pragma('foreign_keys', { simple: true }),
    };
  }

  get isOpen(): boolean {
    return this.#db.open;
  }

  /**
   * The connection, for stores of other features that keep their tables in the same file (one
   * connection: their transactions and the passes' never interleave, and one close ends both).
   */
  get database(): Database.Database {
    return this.#db;
  }

  // -------------------------------------------------------------------------------------------
  // Workspaces and keys (written only by seeding, so cached for the hot auth path)

  /**
   * Calls `listener` with the id and workspace of every pass that was created, deleted or whose
   * API object changed (its row, its counts or its locations), after the change is committed.
   * Readers cache serialised passes and whole list pages on this.
   */
  onPassChanged(listener: (passId: string, workspaceId: string) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #changed(passId: string, workspaceId: string): void {
    for (const listener of this.#listeners) listener(passId, workspaceId);
  }

  /** True for a new database (no workspace yet): it needs seeding. */
  isEmpty(): boolean {
    return this.#workspaces.size === 0;
  }

  /** Writes seed data in one transaction (all or nothing). */
  seed(data: SeedData): void {
    this.#db.transaction(() => seedDatabase(this.#db, data))();
    this.#loadDirectory();
  }

  findApiKey(apiKey: string): ApiKeyRecord | undefined {
    return this.#keys.get(apiKey);
  }

  workspace(id: string): WorkspaceRecord | undefined {
    return this.#workspaces.get(id);
  }

  listWorkspaces(): WorkspaceRecord[] {
    return [...this.#workspaces.values()];
  }

  /** Every key in seed order (the key reaching all workspaces first). */
  listApiKeys(): ApiKeyRecord[] {
    return [...this.#keys.values()];
  }

  // -------------------------------------------------------------------------------------------
  // Passes

  getPass(workspaceId: string, id: string): PassRecord | undefined {
    const row = this.#statements.passById.get(id, workspaceId);
    return row ? toPass(row) : undefined;
  }

  /** For the public `/p/{slug}` page: slugs are unique across the sandbox (pass links are global). */
  findPassBySlug(slug: string): PassRecord | undefined {
    const row = this.#statements.passBySlug.get(slug);
    return row ? toPass(row) : undefined;
  }

  listPasses(workspaceId: string, filter: PassFilter, limit: number): Page<PassRecord> {
    const page = this.listPassKeys(workspaceId, filter, limit);
    const records = this.getPasses(
      workspaceId,
      page.items.map((k) => k.id),
    );
    return { items: page.items.flatMap((k) => records.get(k.id) ?? []), hasMore: page.hasMore };
  }

  /** Passes by id in one query (those of other workspaces are left out). */
  getPasses(workspaceId: string, ids: readonly string[]): Map<string, PassRecord> {
    const found = new Map<string, PassRecord>();
    if (ids.length === 0) return found;
    for (const row of this.#statements.passesByIds.all(workspaceId, JSON.stringify(ids)))
      found.set(row.id, toPass(row));
    return found;
  }

  /**
   * One page of the search as sort keys only, newest first. Without filters this reads the
   * (workspace_id, created_time, id) index alone, so callers holding serialised passes never
   * touch the JSON documents.
   */
  listPassKeys(workspaceId: string, filter: PassFilter, limit: number): Page<SortKey> {
    return this.#lists.page<SortKey, PassFilter>(
      'created_time AS createdTime, id',
      'passes',
      PASS_FILTER_COLUMNS,
      workspaceId,
      filter,
      limit,
    );
  }

  createPass(workspaceId: string, body: CreatePassRequest, actorId: string): PassRecord {
    const workspace = this.#workspaces.get(workspaceId);
    if (!workspace) throw notFound({ workspaceId });
    const id = newId();
    const now = new Date().toISOString();
    this.#db.transaction(() => {
      this.#assertNameFree(workspaceId, body.passName);
      const slug = body.passLinkSlug ? body.passLinkSlug : this.#freeSlug();
      this.#assertSlugFree(slug);
      const doc = passDocOf(body);
      this.#assertUploadsInWorkspace(workspaceId, doc.uploadInfoList);
      assertPublishable(body.status ?? 'Draft', doc.uploadInfoList);
      this.#statements.insertPass.run({
        id,
        workspaceId,
        accountId: workspace.accountId,
        passName: body.passName,
        nameKey: nameKey(body.passName),
        nameLower: body.passName.toLowerCase(),
        status: body.status ?? 'Draft',
        slug,
        googlePassLink: `https://pay.google.com/gp/v/save/${fakeGoogleSaveToken(id)}`,
        doc: JSON.stringify(doc),
        appleIssued: 0,
        googleIssued: 0,
        appleActive: 0,
        googleActive: 0,
        createdTime: now,
        updatedTime: now,
        createdBy: actorId,
        updatedBy: actorId,
      });
    })();
    this.#changed(id, workspaceId);
    return this.#mustGetPass(workspaceId, id);
  }

  /** Each top-level key present in `body` replaces the stored one; read-only keys are ignored. */
  updatePass(workspaceId: string, id: string, body: UpdatePassRequest, actorId: string): PassRecord {
    this.#db.transaction(() => {
      const existing = this.getPass(workspaceId, id);
      if (!existing) throw notFound({ id });
      const passName = body.passName ?? existing.passName;
      if (body.passName !== undefined && nameKey(body.passName) !== nameKey(existing.passName)) {
        this.#assertNameFree(workspaceId, body.passName, id);
      }
      // An empty or null slug keeps the current one: the pass link must not disappear.
      const slug = body.passLinkSlug ? body.passLinkSlug : existing.slug;
      if (slug !== existing.slug) this.#assertSlugFree(slug, id);
      const changes = passDocOf(body);
      if ('uploadInfoList' in changes) this.#assertUploadsInWorkspace(workspaceId, changes.uploadInfoList);
      assertPublishable(
        body.status ?? existing.status,
        // A null list clears the images (see patchDoc).
        body.uploadInfoList === null
          ? []
          : 'uploadInfoList' in changes
            ? changes.uploadInfoList
            : existing.doc.uploadInfoList,
      );
      this.#statements.updatePass.run({
        id,
        workspaceId,
        passName,
        nameKey: nameKey(passName),
        nameLower: passName.toLowerCase(),
        status: body.status ?? existing.status,
        slug,
        doc: JSON.stringify(patchDoc(existing.doc, changes, body)),
        updatedTime: new Date().toISOString(),
        updatedBy: actorId,
      });
    })();
    this.#changed(id, workspaceId);
    return this.#mustGetPass(workspaceId, id);
  }

  /** Deletes the pass and (by cascade) its locations; false when there was none. */
  deletePass(workspaceId: string, id: string): boolean {
    const deleted = this.#db.transaction(() => this.#statements.deletePass.run(id, workspaceId).changes > 0)();
    if (deleted) this.#changed(id, workspaceId);
    return deleted;
  }

  #mustGetPass(workspaceId: string, id: string): PassRecord {
    const pass = this.getPass(workspaceId, id);
    if (!pass) throw notFound({ id });
    return pass;
  }

  #assertNameFree(workspaceId: string, passName: string, exceptId?: string): void {
    const clash = this.#statements.passIdByNameKey.get(workspaceId, nameKey(passName));
    if (clash && clash.id !== exceptId) {
      throw invalidInput({ passName: `A pass named "${passName.trim()}" already exists in this workspace` });
    }
  }

  /** Pass links share one domain, so a slug is free only if no pass of any workspace has it. */
  #assertSlugFree(slug: string, exceptId?: string): void {
    const clash = this.#statements.passIdBySlug.get(slug);
    if (clash && clash.id !== exceptId) {
      // Says nothing of where: the slug's owner may be a workspace this key cannot see.
      throw invalidInput({ passLinkSlug: `The pass link "${slug}" is already taken: choose another` });
    }
  }

  #freeSlug(): string {
    for (;;) {
      const slug = randomSlug();
      if (!this.#statements.passIdBySlug.get(slug)) return slug;
    }
  }

  #assertUploadsInWorkspace(workspaceId: string, list: unknown): void {
    if (!Array.isArray(list)) return;
    const context: Record<string, string> = {};
    list.forEach((item: unknown, index) => {
      if (!isObject(item)) return;
      const key = uploadKeyOf(item);
      const field = item.uploadKey ? 'uploadKey' : 'fileKey';
      if (key && !this.#statements.uploadInWorkspace.get(key, workspaceId)) {
        context[`uploadInfoList.${index}.${field}`] = 'No uploaded image with this key in this workspace';
      }
    });
    if (Object.keys(context).length > 0) throw invalidInput(context);
  }

  /**
   * One step of simulated wallet activity: every Published pass gains a few installs and loses a
   * few. Issued counts only grow, 0 ≤ active ≤ issued. `updated_time` is untouched: nobody edited
   * the pass. Returns how many passes moved.
   */
  tickInstalls(random: () => number = Math.random): number {
    const draw = (max: number) => Math.floor(random() * (max + 1));
    const moved = this.#db.transaction(() => {
      const rows = this.#statements.publishedCounts.all();
      for (const row of rows) {
        const next = (issued: number, active: number, maxNew: number) => {
          const added = draw(maxNew);
          const newIssued = issued + added;
          const removed = draw(Math.max(1, Math.floor(maxNew / 2)));
          const newActive = Math.min(newIssued, Math.max(0, active + added - removed));
          return [newIssued, newActive] as const;
        };
        const [appleIssued, appleActive] = next(row.apple_issued, row.apple_active, 4);
        const [googleIssued, googleActive] = next(row.google_issued, row.google_active, 3);
        this.#statements.updateCounts.run({ id: row.id, appleIssued, appleActive, googleIssued, googleActive });
      }
      return rows;
    })();
    for (const row of moved) this.#changed(row.id, row.workspace_id);
    return moved.length;
  }

  // -------------------------------------------------------------------------------------------
  // Uploads

  saveUpload(workspaceId: string, png: Uint8Array, width: number, height: number): string {
    const key = newUploadKey();
    this.#db.transaction(() => {
      this.#statements.insertUpload.run({
        key,
        workspaceId,
        // A view, not a copy: the bytes are written once, straight from the upload.
        png: Buffer.from(png.buffer, png.byteOffset, png.byteLength),
        width,
        height,
        createdTime: new Date().toISOString(),
      });
    })();
    return key;
  }

  /** The PNG bytes of an upload (any workspace: the key itself is the secret). */
  uploadPng(key: string): Buffer | undefined {
    return this.#statements.uploadPng.get(key)?.png;
  }
}

/**
 * Opens (creating if needed) DATA_DIR/sandbox.db and seeds it when it is new. The seed module is
 * loaded lazily so tests that bring their own seed data never depend on it.
 */
export async function openStore(options: OpenStoreOptions): Promise<SandboxStore> {
  mkdirSync(options.dataDir, { recursive: true });
  const db = new Database(join(options.dataDir, 'sandbox.db'));
  try {
    prepareDatabase(db);
    const store = new SandboxStore(db);
    if (store.isEmpty()) {
      if (options.seed) {
        store.seed(options.seed());
      } else {
        const demo = await import('../seed/seed-data');
        store.seed(demo.buildSeed());
      }
    }
    return store;
  } catch (error) {
    db.close();
    throw error;
  }
}
