/**
 * Route-level tests of the notification composer: the route rendered with a fresh QueryClient, the
 * toasts and the real API client, over HTTP to a real sandbox server started by the test.
 */
import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ToastProvider } from '../app/components/ui/toast';
import ComposerPage from '../app/features/notifications/composer-page';
import { createApiClient } from '../app/lib/api-client';
import { ConnectionContext } from '../app/lib/connection';
import type { ConnectionValue } from '../app/lib/connection';
import { createQueryClient } from '../app/lib/query-client';
import { NotificationPageSchema } from '../contract/notifications';
import type { Notification } from '../contract/notifications';
import { WalletPassSchema } from '../contract/schemas';
import type { WalletPass } from '../contract/schemas';
import { ControllableClock } from '../server/clock';
import { KEY_ALL, WS_A, passBody, startSandbox } from '../server/server.test-utils';
import type { SandboxOptions, TestSandbox } from '../server/server.test-utils';

export type { TestSandbox };
export const WORKSPACE = WS_A;

/** A sandbox server with an empty database; `clockAheadMs` puts its notifications' clock ahead of ours. */
export function startComposerSandbox(options: SandboxOptions & { clockAheadMs?: number } = {}): Promise<TestSandbox> {
  const { clockAheadMs, ...rest } = options;
  if (clockAheadMs === undefined) return startSandbox(rest);
  const clock = new ControllableClock();
  clock.advance(clockAheadMs);
  return startSandbox({ ...rest, app: { ...rest.app, clock } });
}

export async function createPass(sandbox: TestSandbox): Promise<WalletPass> {
  const response = await sandbox.api('POST', '/v1/wallet-pass', { workspace: WS_A, json: passBody() });
  if (response.status !== 201) throw new Error(`Creating a pass answered ${response.status}`);
  return WalletPassSchema.parse(await response.json());
}

/** The pass's notifications as stored (retrying the read while the test's own 429s last). */
export async function storedNotifications(sandbox: TestSandbox, passId: string): Promise<Notification[]> {
  for (;;) {
    const response = await sandbox.api('GET', `/v1/wallet-pass/notifications?passSerialNumber=${passId}`, {
      workspace: WS_A,
    });
    if (response.status === 429) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      continue;
    }
    return NotificationPageSchema.parse(await response.json()).items;
  }
}

export async function renderComposer(sandbox: TestSandbox, pass: WalletPass) {
  const queryClient = createQueryClient();
  const client = createApiClient({ apiKey: KEY_ALL, baseUrl: `${sandbox.url}/v1` });
  const connection: ConnectionValue = {
    config: { mode: 'sandbox', workspaces: [] },
    client,
    connectionId: 'test-connection',
    keyLabel: undefined,
    workspaces: [],
    defaultWorkspaceId: WS_A,
    discoveringWorkspace: false,
    connect: () => undefined,
    disconnect: () => undefined,
    addWorkspace: () => undefined,
  };
  const user = userEvent.setup();
  const view = render(
    <QueryClientProvider client={queryClient}>
      <ToastProvider>
        <ConnectionContext value={connection}>
          <ComposerPage workspaceId={WS_A} passId={pass.id} />
        </ConnectionContext>
      </ToastProvider>
    </QueryClientProvider>,
  );
  await screen.findByLabelText('Internal name', undefined, { timeout: 30_000 });
  return { ...view, user, queryClient };
}
