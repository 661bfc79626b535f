/** `/v1/wallet-pass-location`: geofences of a pass, at most ten per pass (Apple Wallet's limit). */
import { Hono } from 'hono';
import { ListLocationsQuerySchema, splitListParam } from '../../contract/queries';
import { LocationSchema } from '../../contract/schemas';
import { CreateLocationRequestSchema, UpdateLocationRequestSchema } from '../../contract/input-schemas';
import type { AppEnv } from '../app-env';
import { notFound } from '../errors';
import { methodNotAllowed, parseWith, pathId, readJsonObject } from '../http';
import { encodeCursor } from '../store/cursor';
import type { SandboxStore } from '../store/sandbox-store';
import { DEFAULT_PAGE_LIMIT, parseCursor } from './passes';
import { locationView } from './views';

export function locationRoutes(store: SandboxStore): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/', (c) => {
    const all = c.req.queries();
    const query = parseWith(ListLocationsQuerySchema, {
      query: all.query?.[0],
      name: all.name?.[0],
      passSerialNumbers: splitListParam(all.passSerialNumbers),
      ids: splitListParam(all.ids),
      id: all.id?.[0],
      cursor: all.cursor?.[0],
      limit: all.limit?.[0],
    });
    const limit = query.limit === undefined ? DEFAULT_PAGE_LIMIT : Number(query.limit);
    const page = store.locations.list(
      c.get('auth').workspaceId,
      {
        query: query.query,
        name: query.name,
        id: query.id,
        ids: query.ids,
        passIds: query.passSerialNumbers,
        after: parseCursor(query.cursor),
      },
      limit,
    );
    const last = page.items.at(-1);
    // The spec types `cursor` as a string: an empty page leaves it out rather than send null.
    return c.json({
      items: page.items.map(locationView),
      ...(last ? { cursor: encodeCursor(last) } : {}),
      hasMore: page.hasMore,
    });
  });

  app.post('/', async (c) => {
    const body = parseWith(CreateLocationRequestSchema, await readJsonObject(c));
    const { workspaceId, key } = c.get('auth');
    // Gen 2 names the pass as walletPass.id, Gen 1 as passSerialNumber; the schema requires one.
    const passId = body.walletPass?.id ?? body.passSerialNumber ?? '';
    const view = locationView(store.locations.create(workspaceId, passId, body, key.userId));
    LocationSchema.parse(view);
    return c.json(view, 201);
  });

  app.get('/:locationId', (c) => {
    const id = pathId(c, 'locationId');
    const location = store.locations.get(c.get('auth').workspaceId, id);
    if (!location) throw notFound({ id });
    return c.json(locationView(location));
  });

  app.put('/:locationId', async (c) => {
    const id = pathId(c, 'locationId');
    const body = parseWith(UpdateLocationRequestSchema, await readJsonObject(c));
    const { workspaceId, key } = c.get('auth');
    const view = locationView(store.locations.replace(workspaceId, id, body, key.userId));
    LocationSchema.parse(view);
    return c.json(view);
  });

  app.delete('/:locationId', (c) => {
    const id = pathId(c, 'locationId');
    if (!store.locations.delete(c.get('auth').workspaceId, id)) throw notFound({ id });
    return c.body(null, 204);
  });

  app.all('/', methodNotAllowed(['GET', 'HEAD', 'POST']));
  app.all('/:locationId', methodNotAllowed(['GET', 'HEAD', 'PUT', 'DELETE']));

  return app;
}
