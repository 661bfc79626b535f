/** `GET /studio/config`: what the dashboard needs to start (mode, workspaces, demo keys). */
import { Hono } from 'hono';
import type { StudioConfig, Workspace } from '../../contract/queries';
import type { AppEnv } from '../app-env';
import type { SandboxStore } from '../store/sandbox-store';

export function sandboxConfig(store: SandboxStore): StudioConfig {
  return {
    mode: 'sandbox',
    workspaces: store.listWorkspaces().map(({ id, name }) => ({ id, name })),
    // Seed order puts the key that reaches every workspace first.
    demoKeys: store.listApiKeys().map((k) => ({ apiKey: k.apiKey, workspaceIds: k.workspaceIds, label: k.label })),
  };
}

export function studioRoutes(config: () => StudioConfig): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/config', (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json(config());
  });
  return app;
}

export function proxyConfig(workspaces: readonly Workspace[]): StudioConfig {
  return { mode: 'proxy', workspaces: [...workspaces] };
}
