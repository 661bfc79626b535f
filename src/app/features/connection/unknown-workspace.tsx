import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { WalletPassPageSchema } from '../../../contract/schemas';
import { Alert } from '../../components/ui/alert';
import { Button, Spinner } from '../../components/ui/button';
import { isApiError } from '../../lib/api-error';
import { useConnection } from '../../lib/connection';
import { Link, paths } from '../../history-router';
import { disconnectAndLeave } from './disconnect';

/**
 * A workspace the key is not known to reach (workspace-gate.tsx). A demo key lists every
 * workspace it reaches, so for one the answer is known; any other key is tried with one small
 * read. A refusal shows one clear state instead of the pages (no placeholders waiting on refused
 * reads, no New pass), with the way to a workspace the key can open; anything else opens the
 * pages, which show their own errors.
 */
export default function UnknownWorkspace({ workspaceId, children }: { workspaceId: string; children: ReactNode }) {
  const { client, connectionId, keyLabel } = useConnection();
  const demoKey = keyLabel !== undefined;
  const access = useQuery({
    queryKey: ['connection', connectionId, 'workspace-access', workspaceId],
    enabled: !demoKey,
    staleTime: Infinity,
    queryFn: ({ signal }) =>
      client.request('/wallet-pass', { query: { limit: 1 }, schema: WalletPassPageSchema, workspaceId, signal }).then(
        () => true,
        (error: unknown) => {
          if (isApiError(error) && (error.isAuthError || error.status === 404)) return false;
          throw error;
        },
      ),
  });
  if (!demoKey && (access.data === true || access.isError)) return children;
  if (!demoKey && access.isPending) {
    return (
      <div className="grid min-h-[50vh] place-items-center">
        <Spinner label="Opening the workspace…" />
      </div>
    );
  }
  return <NoAccess />;
}

function NoAccess() {
  const { workspaces, defaultWorkspaceId, disconnect } = useConnection();
  const home = workspaces.find((w) => w.id === defaultWorkspaceId) ?? workspaces[0];
  return (
    <div className="mx-auto w-full max-w-2xl px-4 py-12 sm:px-6">
      <Alert tone="danger" title="This API key cannot open that workspace">
        The address leads to a workspace this key has no access to. Open one of the key&rsquo;s own workspaces, or
        connect with a key that can open this one.
      </Alert>
      <div className="mt-4 flex flex-wrap gap-2">
        {home ? (
          <Link
            to={paths.passes(home.id)}
            className="inline-flex h-10 items-center rounded-lg bg-brand-600 px-4 text-sm font-medium text-ink-inverse hover:bg-brand-700"
          >
            Open {home.name}
          </Link>
        ) : null}
        <Button onClick={() => disconnectAndLeave(disconnect)}>Use another key</Button>
      </div>
    </div>
  );
}
