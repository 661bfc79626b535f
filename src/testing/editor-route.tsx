/**
 * Route-level tests of the editor: the editor route rendered with a fresh QueryClient, the toasts
 * and the real API client, talking over HTTP to a real sandbox server started by the test.
 */
import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ToastProvider } from '../app/components/ui/toast';
import PassEditorPage from '../app/features/passes/editor/pass-editor-page';
import { createApiClient } from '../app/lib/api-client';
import { ConnectionContext } from '../app/lib/connection';
import { createQueryClient } from '../app/lib/query-client';
import { type WalletPass, WalletPassSchema } from '../contract/schemas';
import { passQueries } from '../app/features/passes/api/pass-queries';
import {
  KEY_ALL,
  type SandboxOptions,
  type TestSandbox,
  WS_A,
  makePng,
  passBody,
  startSandbox,
} from '../server/server.test-utils';
import { testConnection } from './editor-harness';

// jsdom has <dialog> but not its modal API; what matters here is that an open dialog shows.
if (typeof HTMLDialogElement !== 'undefined' && !HTMLDialogElement.prototype.showModal) {
  HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement) {
    this.removeAttribute('open');
  };
}

export type { TestSandbox };
/** The workspace the editor tests work in. */
export const WORKSPACE = WS_A;

/** An API client for the sandbox with the key that reaches every workspace; `fetch` may wrap the real one. */
export const sandboxClient = (sandbox: TestSandbox, fetch?: typeof globalThis.fetch) =>
  createApiClient({ apiKey: KEY_ALL, baseUrl: `${sandbox.url}/v1`, ...(fetch ? { fetch } : {}) });

/** Uploads a small PNG as a hand-built multipart body (jsdom's FormData is not Node's fetch's). */
export async function uploadPng(
  sandbox: TestSandbox,
  fileName: string,
): Promise<{ fileName: string; uploadKey: string }> {
  const boundary = 'test-upload-boundary';
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: image/png\r\n\r\n`,
    ),
    Buffer.from(makePng()),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const response = await sandbox.api('POST', '/v1/uploads', {
    workspace: WS_A,
    body,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  });
  if (response.status !== 200) throw new Error(`The upload answered ${response.status}: ${await response.text()}`);
  return { fileName, uploadKey: ((await response.json()) as { key: string }).key };
}

/** A sandbox server on a free port with an empty throw-away database. */
export const startEditorSandbox = (options?: SandboxOptions): Promise<TestSandbox> => startSandbox(options);

export async function createPass(sandbox: TestSandbox, overrides: Record<string, unknown> = {}): Promise<WalletPass> {
  const response = await sandbox.api('POST', '/v1/wallet-pass', { workspace: WS_A, json: passBody(overrides) });
  if (response.status !== 201) throw new Error(`Creating a pass answered ${response.status}: ${await response.text()}`);
  return WalletPassSchema.parse(await response.json());
}

export async function storedPass(sandbox: TestSandbox, id: string): Promise<WalletPass> {
  const response = await sandbox.api('GET', `/v1/wallet-pass/${id}`, { workspace: WS_A });
  const [pass] = (await response.json()) as unknown[];
  return WalletPassSchema.parse(pass);
}

/** Someone else saves the pass: the stored metadata with `metadata` laid over it. */
export async function saveElsewhere(
  sandbox: TestSandbox,
  id: string,
  changes: { passName?: string; metadata?: Record<string, unknown> },
): Promise<WalletPass> {
  const current = await storedPass(sandbox, id);
  const response = await sandbox.api('PATCH', `/v1/wallet-pass/${id}`, {
    workspace: WS_A,
    json: {
      passName: changes.passName ?? current.passName,
      passMetadata: { ...current.passMetadata, locations: undefined, ...changes.metadata },
    },
  });
  if (response.status !== 200) throw new Error(`The PATCH answered ${response.status}: ${await response.text()}`);
  return WalletPassSchema.parse(await response.json());
}

/** Renders the editor route of `pass` and waits until the form shows it. */
export async function renderEditorRoute(sandbox: TestSandbox, pass: WalletPass) {
  const queryClient = createQueryClient();
  const client = createApiClient({ apiKey: KEY_ALL, baseUrl: `${sandbox.url}/v1` });
  const user = userEvent.setup();
  const connection = testConnection(client);
  const view = render(
    <QueryClientProvider client={queryClient}>
      <ToastProvider>
        <ConnectionContext value={connection}>
          <PassEditorPage workspaceId={WS_A} passId={pass.id} />
        </ConnectionContext>
      </ToastProvider>
    </QueryClientProvider>,
  );
  await screen.findByRole('heading', { level: 1, name: pass.passName ?? '' }, { timeout: 30_000 });
  return {
    ...view,
    user,
    queryClient,
    /** Replaces a field's text, as a user would. */
    async fill(label: string, text: string) {
      // The lower sections mount just after the top of the form.
      const input = await screen.findByLabelText(label, undefined, { timeout: 30_000 });
      await user.clear(input);
      // Pasted rather than typed key by key: the editor re-renders its preview on every keystroke.
      if (text) await user.paste(text);
    },
    save: () => user.click(screen.getByRole('button', { name: 'Save' })),
    /** The pass in the query cache's detail entry. */
    cached: (id: string) =>
      queryClient.getQueryData(passQueries.detail(client, connection.connectionId, WS_A, id).queryKey),
  };
}
