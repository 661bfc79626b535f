/** `/v1/wallet-pass`: search, create, read (an array, as the real API does), update, delete. */
import { Hono } from 'hono';
import { ListPassesQuerySchema, splitListParam } from '../../contract/queries';
import { WalletPassSchema } from '../../contract/schemas';
import { CreatePassRequestSchema, UpdatePassRequestSchema } from '../../contract/input-schemas';
import type { AppEnv } from '../app-env';
import { invalidInput, notFound } from '../errors';
import { methodNotAllowed, parseWith, pathId, readJsonObject, requestOrigin } from '../http';
import type { PublicOrigin } from '../http';
import { decodeCursor, encodeCursor } from '../store/cursor';
import type { SortKey } from '../store/cursor';
import type { PassRecord } from '../store/records';
import type { SandboxStore } from '../store/sandbox-store';
import { ListResponseCache } from './list-response-cache';
import { PassJsonCache } from './pass-json-cache';
import { passView } from './views';

export const DEFAULT_PAGE_LIMIT = 20;

export function parseCursor(cursor: string | undefined): SortKey | undefined {
  if (cursor === undefined || cursor === '') return undefined;
  const key = decodeCursor(cursor);
  if (!key) throw invalidInput({ cursor: 'is not a cursor returned by this API' });
  return key;
}

const JSON_HEADERS = { 'Content-Type': 'application/json' };
const utf8 = new TextEncoder();

export function passRoutes(store: SandboxStore, publicOrigin?: PublicOrigin): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const cache = new PassJsonCache(store);
  const pages = new ListResponseCache(store);

  /** The pass as JSON text, from the cache or built (and cached) from the store. */
  const serialise = (pass: PassRecord, origin: string, locations = store.locations.ofPass(pass.id)): string => {
    const json = JSON.stringify(passView(pass, locations, { origin }));
    cache.set(pass.id, pass.workspaceId, origin, json);
    return json;
  };

  app.get('/', (c) => {
    const { workspaceId } = c.get('auth');
    // The whole URL: its query is the search, its origin the links' (publicOrigin, when set, is
    // fixed for this cache's lifetime).
    const pageKey = c.req.url;
    const cached = pages.get(workspaceId, pageKey);
    // A closed store (shutting down) answers nothing, cached or not.
    if (cached && store.isOpen) return pages.respond(c, cached);

    const all = c.req.queries();
    const query = parseWith(ListPassesQuerySchema, {
      query: all.query?.[0],
      passName: all.passName?.[0],
      id: all.id?.[0],
      ids: splitListParam(all.ids),
      status: splitListParam(all.status),
      cursor: all.cursor?.[0],
      limit: all.limit?.[0],
      includePassAssets: all.includePassAssets?.[0],
      summary: all.summary?.[0],
    });
    const limit = query.limit === undefined ? DEFAULT_PAGE_LIMIT : Number(query.limit);
    const page = store.listPassKeys(
      workspaceId,
      {
        query: query.query,
        passName: query.passName,
        id: query.id,
        ids: query.ids,
        statuses: query.status,
        after: parseCursor(query.cursor),
      },
      limit,
    );
    const origin = requestOrigin(c, publicOrigin);
    const includeAssets = query.includePassAssets !== 'false';
    const ids = page.items.map((k) => k.id);
    const jsons = new Map<string, string>();
    if (includeAssets) {
      for (const id of ids) {
        const hit = cache.get(id, origin);
        if (hit) jsons.set(id, hit.json);
      }
    }
    const missing = ids.filter((id) => !jsons.has(id));
    if (missing.length > 0) {
      const records = store.getPasses(workspaceId, missing);
      const locations = store.locations.ofPasses(missing);
      for (const [id, pass] of records) {
        const passLocations = locations.get(id) ?? [];
        jsons.set(
          id,
          includeAssets
            ? serialise(pass, origin, passLocations)
            : JSON.stringify(passView(pass, passLocations, { origin, includeAssets })),
        );
      }
    }
    const last = page.items.at(-1);
    const items = ids.flatMap((id) => jsons.get(id) ?? []).join(',');
    // The spec types `cursor` as a string: an empty page leaves it out rather than send null.
    const cursor = last ? `"cursor":${JSON.stringify(encodeCursor(last))},` : '';
    // Assembled as text so cached passes are not parsed and stringified again, then encoded once.
    const body = utf8.encode(`{"items":[${items}],${cursor}"hasMore":${page.hasMore}}`);
    return pages.respond(c, pages.set(workspaceId, pageKey, body));
  });

  app.post('/', async (c) => {
    const body = parseWith(CreatePassRequestSchema, await readJsonObject(c));
    const { workspaceId, key } = c.get('auth');
    const pass = store.createPass(workspaceId, body, key.userId);
    const view = passView(pass, [], { origin: requestOrigin(c, publicOrigin) });
    // Cheap on a write, and it catches a stored shape drifting from the contract.
    WalletPassSchema.parse(view);
    return c.json(view, 201);
  });

  app.get('/:id', (c) => {
    const id = pathId(c, 'id');
    const { workspaceId } = c.get('auth');
    const origin = requestOrigin(c, publicOrigin);
    let json = cache.get(id, origin);
    if (json?.workspaceId !== workspaceId) json = undefined;
    let text = json?.json;
    if (text === undefined) {
      const pass = store.getPass(workspaceId, id);
      if (!pass) throw notFound({ id });
      text = serialise(pass, origin);
    }
    // Quirk kept from the real API: one pass, answered as a one-element array.
    return c.body(`[${text}]`, 200, JSON_HEADERS);
  });

  app.patch('/:id', async (c) => {
    const id = pathId(c, 'id');
    const body = parseWith(UpdatePassRequestSchema, await readJsonObject(c));
    const { workspaceId, key } = c.get('auth');
    const pass = store.updatePass(workspaceId, id, body, key.userId);
    const view = passView(pass, store.locations.ofPass(pass.id), { origin: requestOrigin(c, publicOrigin) });
    WalletPassSchema.parse(view);
    return c.json(view);
  });

  app.delete('/:id', (c) => {
    const id = pathId(c, 'id');
    if (!store.deletePass(c.get('auth').workspaceId, id)) throw notFound({ id });
    return c.body(null, 204);
  });

  app.all('/', methodNotAllowed(['GET', 'HEAD', 'POST']));
  app.all('/:id', methodNotAllowed(['GET', 'HEAD', 'PATCH', 'DELETE']));

  return app;
}
