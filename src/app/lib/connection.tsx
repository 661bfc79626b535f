/**
 * The current connection to the Passport API: studio config, the API key in use and a client
 * bound to it. Provided by the connection feature; read by every feature through this hook.
 */
import { createContext, useContext } from 'react';
import type { StudioConfig, Workspace } from '../../contract/queries';
import type { ApiClient } from './api-client';

export interface ConnectionValue {
  config: StudioConfig;
  client: ApiClient;
  /** A non-secret id of the key in use; part of every query key so keys never share a cache. */
  connectionId: string;
  /** Label of the key when it is one of the sandbox's demo keys. */
  keyLabel: string | undefined;
  /** The workspaces this key can be pointed at (known, default and user-added). */
  workspaces: Workspace[];
  /** The key's default workspace, once known. */
  defaultWorkspaceId: string | undefined;
  /** True while the default workspace is still being discovered. */
  discoveringWorkspace: boolean;
  connect: (apiKey: string, options: { remember: boolean }) => void;
  disconnect: () => void;
  addWorkspace: (workspace: Workspace) => void;
}

export const ConnectionContext = createContext<ConnectionValue | null>(null);

export function useConnection(): ConnectionValue {
  const value = useContext(ConnectionContext);
  if (!value) throw new Error('useConnection must be used inside the connection provider');
  return value;
}
