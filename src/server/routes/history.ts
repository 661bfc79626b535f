/**
 * `/studio/passes/{id}/versions` and `/studio/deleted-passes`: the version history the studio
 * keeps (see studio/version-history.ts). Every call is authorised by the Passport API itself,
 * with the caller's key: a pass's history is readable by whoever may read the pass; a deleted
 * pass's history by whoever may read the workspace it was deleted from.
 */
import { Hono } from 'hono';
import type { Context } from 'hono';
import type { AppEnv } from '../app-env';
import { ApiError, notFound } from '../errors';
import { pathId } from '../http';
import type { StudioAccess } from '../studio/studio-db';
import type { VersionHistory } from '../studio/version-history';

export function historyRoutes(history: VersionHistory, access: StudioAccess): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  /** The workspace whose history of `passId` the caller may read; throws the API's refusal. */
  const passWorkspace = async (c: Context<AppEnv>, passId: string) => {
    try {
      return (await access.pass(c, passId)).workspaceId;
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 404) throw error;
      // Deleted: readable by whoever may read the workspace it was deleted from. Anything else
      // answers as the API did for the pass.
      const workspaceId = await access.workspace(c).then(
        (w) => w.workspaceId,
        () => undefined,
      );
      if (workspaceId === undefined || history.deletedAt(passId, workspaceId) === undefined) throw error;
      return workspaceId;
    }
  };

  app.get('/passes/:id/versions', async (c) => {
    const passId = pathId(c, 'id');
    const workspaceId = await passWorkspace(c, passId);
    c.header('Cache-Control', 'no-store');
    return c.json({
      items: history.versions(passId, workspaceId),
      deletedAt: history.deletedAt(passId, workspaceId) ?? null,
    });
  });

  app.get('/passes/:id/versions/:versionId', async (c) => {
    const passId = pathId(c, 'id');
    const raw = c.req.param('versionId');
    const workspaceId = await passWorkspace(c, passId);
    const version = /^\d{1,15}$/.test(raw) ? history.version(passId, workspaceId, Number(raw)) : undefined;
    if (!version) throw notFound({ versionId: raw }, 'No such version of this pass.');
    c.header('Cache-Control', 'no-store');
    return c.json(version);
  });

  app.get('/deleted-passes', async (c) => {
    const { workspaceId } = await access.workspace(c);
    c.header('Cache-Control', 'no-store');
    return c.json({ items: history.deletedPasses(workspaceId) });
  });

  // After "Restore as new pass" (or to dismiss it): the entry leaves the list, its history stays.
  app.delete('/deleted-passes/:id', async (c) => {
    const passId = pathId(c, 'id');
    const { workspaceId } = await access.workspace(c);
    if (!history.dismissDeleted(passId, workspaceId)) throw notFound({ id: passId }, 'No deleted pass with this id.');
    return c.body(null, 204);
  });

  return app;
}
