/**
 * `GET /studio/config`: what the dashboard needs to start (mode, workspaces, demo keys);
 * `GET /studio/workspaces/{id}/summary`: the workspace's totals (see workspace-summary.ts).
 */
import { Hono } from 'hono';
import type { StudioConfig, Workspace } from '../../contract/queries';
import type { AppEnv } from '../app-env';
import type { SandboxStore } from '../store/sandbox-store';
import type { SummarySource } from './workspace-summary';

export function sandboxConfig(store: SandboxStore): StudioConfig {
  return {
    mode: 'sandbox',
    workspaces: store.listWorkspaces().map(({ id, name }) => ({ id, name })),
    // Seed order puts the key that reaches every workspace first.
    demoKeys: store.listApiKeys().map((k) => ({ apiKey: k.apiKey, workspaceIds: k.workspaceIds, label: k.label })),
  };
}

export function studioRoutes(config: () => StudioConfig, summary?: SummarySource): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/config', (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json(config());
  });
  if (summary) {
    app.get('/workspaces/:workspaceId/summary', async (c) => {
      const totals = await summary(c, c.req.param('workspaceId'));
      // Totals of one key's workspace: never kept by a shared cache.
      c.header('Cache-Control', 'private, no-store');
      return c.json(totals);
    });
  }
  return app;
}

export function proxyConfig(workspaces: readonly Workspace[]): StudioConfig {
  return { mode: 'proxy', workspaces: [...workspaces] };
}
