/**
 * Whole `GET /v1/wallet-pass` responses, encoded once as UTF-8 bytes. The dashboard asks for the
 * same pages over and over; a hit skips query parsing, the key query, assembling about 36 KB of
 * text per page of 20 and encoding it for the socket.
 *
 * An entry is keyed by workspace, request origin (links inside are absolute) and the raw query
 * string: a page is a function of those and of the stored passes and locations of the workspace,
 * nothing else (no user, no clock). Every change the store reports for a workspace (a pass
 * created, edited or deleted, a location added, replaced or removed, an install-count tick)
 * drops all of that workspace's pages, synchronously, before the write's response is sent; this
 * process is the database's only writer. Only successful pages are stored.
 *
 * A page keeps its brotli and gzip bytes beside its text, made the first time a client asks for
 * that encoding, so a repeated page is compressed once (about 36 KB → 6 KB for 20 passes).
 */
import type { Context } from 'hono';
import type { AppEnv } from '../app-env';
import { type Encoding, MIN_COMPRESS_BYTES, compressFast, pickEncoding } from '../compression';
import type { SandboxStore } from '../store/sandbox-store';

export interface ListCacheLimits {
  /** Pages kept over all workspaces. */
  maxEntries: number;
  /** Bytes of pages kept over all workspaces. */
  maxBytes: number;
}

/** UTF-8 bytes of a response body (what Hono's `c.body` takes). */
type Bytes = Uint8Array<ArrayBuffer>;

/** A cached page: its text as bytes and the compressed forms made so far. */
export interface Page {
  readonly bytes: Bytes;
  br?: Bytes;
  gzip?: Bytes;
  /** Bytes counted against the limits: the text and every compressed form. */
  size: number;
}

const JSON_TYPE = 'application/json';

const DEFAULT_LIMITS: ListCacheLimits = { maxEntries: 200, maxBytes: 8 * 1024 * 1024 };

export class ListResponseCache {
  /** workspace → (origin + query → page); the inner maps iterate oldest first. */
  readonly #byWorkspace = new Map<string, Map<string, Page>>();
  /** The pages currently kept (a page being answered may have just been dropped). */
  readonly #held = new WeakSet<Page>();
  #entries = 0;
  #bytes = 0;

  constructor(
    store: SandboxStore,
    private readonly limits: ListCacheLimits = DEFAULT_LIMITS,
  ) {
    store.onPassChanged((_passId, workspaceId) => this.invalidate(workspaceId));
  }

  get size(): { entries: number; bytes: number } {
    return { entries: this.#entries, bytes: this.#bytes };
  }

  get(workspaceId: string, key: string): Page | undefined {
    return this.#byWorkspace.get(workspaceId)?.get(key);
  }

  /** Keeps the page (when it fits) and returns it, ready for `respond`. */
  set(workspaceId: string, key: string, bytes: Bytes): Page {
    const page: Page = { bytes, size: bytes.byteLength };
    if (page.size > this.limits.maxBytes) return page;
    this.#delete(workspaceId, key);
    while (this.#entries >= this.limits.maxEntries || this.#bytes + page.size > this.limits.maxBytes) {
      if (!this.#evictOne()) break;
    }
    let pages = this.#byWorkspace.get(workspaceId);
    if (!pages) {
      pages = new Map();
      this.#byWorkspace.set(workspaceId, pages);
    }
    pages.set(key, page);
    this.#held.add(page);
    this.#entries++;
    this.#bytes += page.size;
    return page;
  }

  /**
   * The page as the response, in the encoding the client accepts (made once per page and
   * encoding); identity when it accepts none or the page is small.
   */
  respond(c: Context<AppEnv>, page: Page): Response {
    const headers: Record<string, string> = { 'Content-Type': JSON_TYPE, Vary: 'Accept-Encoding' };
    const encoding = page.bytes.byteLength < MIN_COMPRESS_BYTES ? null : pickEncoding(c.req.header('accept-encoding'));
    if (!encoding) return c.body(page.bytes, 200, headers);
    return c.body(this.#compressed(page, encoding), 200, { ...headers, 'Content-Encoding': encoding });
  }

  #compressed(page: Page, encoding: Encoding): Bytes {
    const existing = page[encoding];
    if (existing) return existing;
    const bytes = compressFast(page.bytes, encoding);
    page[encoding] = bytes;
    page.size += bytes.byteLength;
    // Counted only while the page is still held (an evicted or dropped page is just answered).
    if (this.#held.has(page)) this.#bytes += bytes.byteLength;
    return bytes;
  }

  /** Drops every page of the workspace. */
  invalidate(workspaceId: string): void {
    const pages = this.#byWorkspace.get(workspaceId);
    if (!pages) return;
    for (const page of pages.values()) {
      this.#bytes -= page.size;
      this.#held.delete(page);
    }
    this.#entries -= pages.size;
    this.#byWorkspace.delete(workspaceId);
  }

  #delete(workspaceId: string, key: string): void {
    const pages = this.#byWorkspace.get(workspaceId);
    const page = pages?.get(key);
    if (!pages || !page) return;
    pages.delete(key);
    this.#held.delete(page);
    if (pages.size === 0) this.#byWorkspace.delete(workspaceId);
    this.#entries--;
    this.#bytes -= page.size;
  }

  /** Drops the oldest page of the workspace holding the most pages; false when there is none. */
  #evictOne(): boolean {
    let fullestId: string | undefined;
    let fullestSize = 0;
    for (const [id, pages] of this.#byWorkspace) {
      if (pages.size > fullestSize) {
        fullestId = id;
        fullestSize = pages.size;
      }
    }
    if (fullestId === undefined) return false;
    const oldest = this.#byWorkspace.get(fullestId)!.keys().next();
    if (oldest.done) return false;
    this.#delete(fullestId, oldest.value);
    return true;
  }
}
