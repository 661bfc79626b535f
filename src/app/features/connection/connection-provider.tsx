import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, Suspense, lazy, useCallback, useMemo, useState } from 'react';
import type { Workspace } from '../../../contract/queries';
import { WalletPassPageSchema } from '../../../contract/schemas';
import { Alert } from '../../components/ui/alert';
import { Button, Spinner } from '../../components/ui/button';
import { createApiClient } from '../../lib/api-client';
import { describeError } from '../../lib/api-error';
import { ConnectionContext, type ConnectionValue } from '../../lib/connection';
import { clearStoredKey, fingerprint, readStoredKey, storeKey } from './key-storage';
import { mergeWorkspaces, readSavedWorkspaces, saveWorkspaces } from './saved-workspaces';
import { studioConfigQuery } from './studio-config';

// The Connect screen shows only without a key (proxy mode before connecting, or after "Use
// another key"); the sandbox and every later visit never need its code.
const ConnectPage = lazy(() => import('./connect-page').then((m) => ({ default: m.ConnectPage })));

/**
 * Loads the studio config, picks the API key (stored, or the sandbox's first demo key on a first
 * run) and provides the connection. Without a key (proxy mode) it shows the Connect screen.
 */
export function ConnectionProvider({ children }: { children: ReactNode }) {
  const configQuery = useQuery(studioConfigQuery);
  const queryClient = useQueryClient();
  const [storedKey, setStoredKey] = useState(() => readStoredKey()?.apiKey ?? null);
  const [disconnected, setDisconnected] = useState(false);
  const [savedWorkspaces, setSavedWorkspaces] = useState(readSavedWorkspaces);

  const config = configQuery.data;
  const demoKeys = config?.mode === 'sandbox' ? (config.demoKeys ?? []) : [];
  const apiKey = storedKey ?? (disconnected ? null : (demoKeys[0]?.apiKey ?? null));
  const demoKey = demoKeys.find((k) => k.apiKey === apiKey);
  const connectionId = apiKey ? fingerprint(apiKey) : '';
  const client = useMemo(() => (apiKey ? createApiClient({ apiKey }) : null), [apiKey]);

  // The key's default workspace: what the API answers when no x-workspace-id is sent.
  const defaultWorkspaceQuery = useQuery({
    queryKey: ['connection', connectionId, 'default-workspace'],
    enabled: client !== null,
    staleTime: Infinity,
    queryFn: async ({ signal }) => {
      const page = await client!.request('/wallet-pass', {
        query: { limit: 1 },
        schema: WalletPassPageSchema,
        signal,
      });
      return page.items[0]?.workspaceId ?? null;
    },
  });

  const connect = useCallback(
    (key: string, options: { remember: boolean }) => {
      storeKey(key, options.remember);
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'studio-config' });
      setDisconnected(false);
      setStoredKey(key);
    },
    [queryClient],
  );

  const disconnect = useCallback(() => {
    clearStoredKey();
    queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'studio-config' });
    setStoredKey(null);
    setDisconnected(true);
  }, [queryClient]);

  const addWorkspace = useCallback((workspace: Workspace) => {
    setSavedWorkspaces((current) => {
      const next = mergeWorkspaces(current, [workspace]);
      saveWorkspaces(next);
      return next;
    });
  }, []);

  const defaultWorkspaceId = defaultWorkspaceQuery.data ?? undefined;
  const workspaces = useMemo(() => {
    if (!config) return [];
    // A demo key says which workspaces it reaches; other keys may reach any configured one.
    const known = demoKey ? config.workspaces.filter((w) => demoKey.workspaceIds.includes(w.id)) : config.workspaces;
    const discovered = defaultWorkspaceId ? [{ id: defaultWorkspaceId, name: 'Default workspace' }] : [];
    return mergeWorkspaces(known, discovered, savedWorkspaces);
  }, [config, demoKey, defaultWorkspaceId, savedWorkspaces]);

  const value = useMemo<ConnectionValue | null>(
    () =>
      config && client
        ? {
            config,
            client,
            connectionId,
            keyLabel: demoKey?.label,
            workspaces,
            defaultWorkspaceId: defaultWorkspaceId ?? demoKey?.workspaceIds[0],
            discoveringWorkspace: defaultWorkspaceQuery.isPending,
            connect,
            disconnect,
            addWorkspace,
          }
        : null,
    [
      config,
      client,
      connectionId,
      demoKey,
      workspaces,
      defaultWorkspaceId,
      defaultWorkspaceQuery.isPending,
      connect,
      disconnect,
      addWorkspace,
    ],
  );

  if (configQuery.isPending) {
    return <StartingSpinner />;
  }
  if (configQuery.isError || !config) {
    return (
      <main className="mx-auto mt-24 max-w-lg px-6">
        <Alert
          tone="danger"
          title="Pass Studio could not start"
          action={
            <Button size="sm" onClick={() => void configQuery.refetch()}>
              Try again
            </Button>
          }
        >
          {describeError(configQuery.error)}
        </Alert>
      </main>
    );
  }
  if (!value)
    return (
      <Suspense fallback={<StartingSpinner />}>
        <ConnectPage config={config} onConnect={connect} />
      </Suspense>
    );
  return <ConnectionContext value={value}>{children}</ConnectionContext>;
}

function StartingSpinner() {
  return (
    <main className="grid min-h-screen place-items-center">
      <Spinner label="Starting Pass Studio…" />
    </main>
  );
}
