/**
 * The studio database: `DATA_DIR/studio.db`, what Pass Studio itself records about passes (count
 * history, and whatever other studio features add). It is separate from the sandbox's Passport
 * database (`sandbox.db`) and is opened in both modes, sandbox and proxy. Nothing derived from an
 * API key is ever written to it.
 *
 * API
 * - `registerStudioMigration(name, sql)`: a module that owns tables calls this at its top level
 *   (import time), with a name unique across the studio (prefix it with the module, e.g.
 *   `'installs/001-samples'`). Migrations run once each, in registration order, inside one
 *   transaction each, when the database is opened; their names are kept in `studio_migrations`.
 *   Never edit a migration that has shipped: register a new one.
 * - `openStudioDb(dataDir)`: creates the folder and file if needed, sets WAL with
 *   `synchronous=FULL` (an acknowledged write survives a SIGKILL), applies pending migrations and
 *   returns a `StudioDb` (`db` is the better-sqlite3 handle; prepare statements on it after open).
 *   `studioDb.migrate()` applies migrations registered after opening (tests, late imports);
 *   `studioDb.onClose(fn)` runs `fn` just before the database closes (to flush buffered writes).
 * - `createStudioAccess(passport)`: the authorisation every `/studio` history read goes through.
 *   `passport(path, headers)` performs a Passport API GET (in-process on the sandbox, upstream in
 *   proxy mode) with the caller's own `api-key` and `x-workspace-id`. `access.pass(c, passId)` and
 *   `access.workspace(c)` resolve to the workspace the key may read, or throw the Passport API's
 *   own refusal (401, 403, 404) as an `ApiError`. Answers are cached for `ACCESS_CACHE_MS`, keyed
 *   by a salted SHA-256 of the key (the key itself is never kept), in memory only.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Context } from 'hono';
import { ERROR_CODES } from '../../contract/schemas';
import type { AppEnv } from '../app-env';
import { ApiError, forbidden, notFound, unauthorized } from '../errors';

interface Migration {
  name: string;
  sql: string;
}

const migrations: Migration[] = [];

/** Adds a migration to the registry (idempotent for the same name and SQL). */
export function registerStudioMigration(name: string, sql: string): void {
  const existing = migrations.find((m) => m.name === name);
  if (existing) {
    if (existing.sql !== sql) throw new Error(`Studio migration "${name}" is registered twice with different SQL`);
    return;
  }
  migrations.push({ name, sql });
}

export interface StudioDb {
  readonly db: Database.Database;
  /** Runs `fn` just before the database closes (flushing what a module still holds). */
  onClose(fn: () => void): void;
  /** Applies registered migrations that have not run yet; returns their names. */
  migrate(): string[];
  close(): void;
  readonly isOpen: boolean;
  pragmas(): { journalMode: unknown; synchronous: unknown };
}

export function openStudioDb(dataDir: string): StudioDb {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(join(dataDir, 'studio.db'));
  try {
    db.pragma('journal_mode = WAL');
    // FULL: a sample or version the server acknowledged is on disk even after a SIGKILL.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    db.exec(`CREATE TABLE IF NOT EXISTS studio_migrations (
      name          TEXT PRIMARY KEY,
      applied_time  TEXT NOT NULL
    )`);
    const applied = db.prepare<[string], { name: string }>('SELECT name FROM studio_migrations WHERE name = ?');
    const record = db.prepare<[string, string]>('INSERT INTO studio_migrations (name, applied_time) VALUES (?, ?)');
    const migrate = (): string[] => {
      const ran: string[] = [];
      for (const migration of migrations) {
        if (applied.get(migration.name)) continue;
        db.transaction(() => {
          db.exec(migration.sql);
          record.run(migration.name, new Date().toISOString());
        })();
        ran.push(migration.name);
      }
      return ran;
    };
    migrate();
    const closing: (() => void)[] = [];
    return {
      db,
      migrate,
      onClose: (fn) => closing.push(fn),
      close: () => {
        if (!db.open) return;
        for (const fn of closing.splice(0)) fn();
        db.close();
      },
      get isOpen() {
        return db.open;
      },
      pragmas: () => ({
        journalMode: db.pragma('journal_mode', { simple: true }),
        synchronous: db.pragma('synchronous', { simple: true }),
      }),
    };
  } catch (error) {
    db.close();
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------
// Authorisation through the Passport API

/** How long an access answer (yes or no) is reused for the same key, workspace and target. */
export const ACCESS_CACHE_MS = 5_000;
const ACCESS_CACHE_MAX = 2_000;

/** A GET against the Passport API with the given headers; `path` starts after `/v1`. */
export type PassportGet = (path: string, headers: Headers) => Promise<Response>;

export interface StudioAccess {
  /** The workspace of the pass when the caller's key may read it; otherwise throws the API's refusal. */
  pass(c: Context<AppEnv>, passId: string): Promise<{ workspaceId: string; pass: unknown }>;
  /** The workspace the caller's key may read (its `x-workspace-id`, or the key's default). */
  workspace(c: Context<AppEnv>): Promise<{ workspaceId: string }>;
}

interface Cached {
  expires: number;
  ok: boolean;
  workspaceId: string;
  pass?: unknown;
  error?: ApiError;
}

export function createStudioAccess(passport: PassportGet, now: () => number = Date.now): StudioAccess {
  // A per-process salt: even the in-memory cache key cannot be checked against a guessed key.
  const salt = randomBytes(16);
  const cache = new Map<string, Cached>();

  const ask = async (c: Context<AppEnv>, target: string): Promise<Cached> => {
    const apiKey = c.req.header('api-key');
    if (!apiKey) throw unauthorized();
    const requested = c.req.header('x-workspace-id') ?? '';
    const keyHash = createHash('sha256').update(salt).update(apiKey).digest('base64url');
    const cacheKey = `${keyHash}\n${requested}\n${target}`;
    const hit = cache.get(cacheKey);
    if (hit && hit.expires > now()) return hit;

    const headers = new Headers({ 'api-key': apiKey, accept: 'application/json' });
    if (requested) headers.set('x-workspace-id', requested);
    const path = target === '' ? '/wallet-pass?limit=1' : `/wallet-pass/${encodeURIComponent(target)}`;
    let response: Response;
    try {
      response = await passport(path, headers);
    } catch {
      throw new ApiError(502, 'BAD_GATEWAY', 'The Passport API could not be reached to check access.', {});
    }
    const body: unknown = await response.json().catch(() => null);
    let entry: Cached;
    if (response.ok) {
      // By id the API answers a one-element array; a list answers `{ items }`.
      const items = Array.isArray(body) ? body : (body as { items?: unknown } | null)?.items;
      const first: unknown = Array.isArray(items) ? items[0] : undefined;
      const seen = (first as { workspaceId?: unknown } | undefined)?.workspaceId;
      const workspaceId = requested || (typeof seen === 'string' ? seen : '');
      if (!workspaceId) {
        throw new ApiError(400, ERROR_CODES.invalidInput, 'Name the workspace in the x-workspace-id header.', {
          'x-workspace-id': 'required',
        });
      }
      entry = { expires: now() + ACCESS_CACHE_MS, ok: true, workspaceId, pass: target === '' ? undefined : first };
    } else if (response.status === 401 || response.status === 403 || response.status === 404) {
      const message = (body as { errorMessage?: unknown } | null)?.errorMessage;
      const error =
        response.status === 401
          ? unauthorized()
          : response.status === 403
            ? forbidden({}, typeof message === 'string' ? message : 'This API key has no access.')
            : notFound({ id: target }, 'No pass with this id in the workspace.');
      entry = { expires: now() + ACCESS_CACHE_MS, ok: false, workspaceId: '', error };
    } else {
      // 429, 5xx: not an answer about access, so not cached.
      const retryAfter = response.headers.get('retry-after');
      throw new ApiError(
        response.status === 429 ? 429 : 502,
        response.status === 429 ? ERROR_CODES.tooManyRequests : 'BAD_GATEWAY',
        'The Passport API could not confirm access right now. Try again shortly.',
        {},
        retryAfter ? { 'Retry-After': retryAfter } : {},
      );
    }
    if (cache.size >= ACCESS_CACHE_MAX) {
      for (const [k, v] of cache) if (v.expires <= now() || cache.size >= ACCESS_CACHE_MAX) cache.delete(k);
    }
    cache.set(cacheKey, entry);
    return entry;
  };

  const settle = (entry: Cached) => {
    if (!entry.ok) throw entry.error ?? forbidden({}, 'This API key has no access.');
    return entry;
  };

  return {
    pass: async (c, passId) => {
      const entry = settle(await ask(c, passId));
      return { workspaceId: entry.workspaceId, pass: entry.pass };
    },
    workspace: async (c) => ({ workspaceId: settle(await ask(c, '')).workspaceId }),
  };
}
