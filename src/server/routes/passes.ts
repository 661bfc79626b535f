/** `/v1/wallet-pass`: search, create, read (an array, as the real API does), update, delete. */
import { Hono } from 'hono';
import { ListPassesQuerySchema, splitListParam } from '../../contract/queries';
import { CreatePassRequestSchema, UpdatePassRequestSchema, WalletPassSchema } from '../../contract/schemas';
import type { AppEnv } from '../app-env';
import { invalidInput, notFound } from '../errors';
import { parseWith, pathId, readJsonObject, requestOrigin } from '../http';
import { decodeCursor, encodeCursor } from '../store/cursor';
import type { SortKey } from '../store/cursor';
import type { SandboxStore } from '../store/sandbox-store';
import { passView } from './views';

export const DEFAULT_PAGE_LIMIT = 20;

export function parseCursor(cursor: string | undefined): SortKey | undefined {
  if (cursor === undefined || cursor === '') return undefined;
  const key = decodeCursor(cursor);
  if (!key) throw invalidInput({ cursor: 'is not a cursor returned by this API' });
  return key;
}

export function passRoutes(store: SandboxStore, publicOrigin?: string): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/', (c) => {
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
    const { workspaceId } = c.get('auth');
    const page = store.listPasses(
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
    const locations = store.locationsOfPasses(page.items.map((p) => p.id));
    const origin = requestOrigin(c, publicOrigin);
    const includeAssets = query.includePassAssets !== 'false';
    const last = page.items.at(-1);
    return c.json({
      items: page.items.map((p) => passView(p, locations.get(p.id) ?? [], { origin, includeAssets })),
      cursor: last ? encodeCursor(last) : null,
      hasMore: page.hasMore,
    });
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
    const pass = store.getPass(c.get('auth').workspaceId, id);
    if (!pass) throw notFound({ id });
    // Quirk kept from the real API: one pass, answered as a one-element array.
    return c.json([passView(pass, store.locationsOfPass(pass.id), { origin: requestOrigin(c, publicOrigin) })]);
  });

  app.patch('/:id', async (c) => {
    const id = pathId(c, 'id');
    const body = parseWith(UpdatePassRequestSchema, await readJsonObject(c));
    const { workspaceId, key } = c.get('auth');
    const pass = store.updatePass(workspaceId, id, body, key.userId);
    const view = passView(pass, store.locationsOfPass(pass.id), { origin: requestOrigin(c, publicOrigin) });
    WalletPassSchema.parse(view);
    return c.json(view);
  });

  app.delete('/:id', (c) => {
    const id = pathId(c, 'id');
    if (!store.deletePass(c.get('auth').workspaceId, id)) throw notFound({ id });
    return c.body(null, 204);
  });

  return app;
}
