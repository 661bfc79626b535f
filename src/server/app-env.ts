/** The Hono context the server's middleware fills in and its routes read. */
import type { ApiKeyRecord } from './store/records';

export interface RequestAuth {
  key: ApiKeyRecord;
  /** The request's workspace: `x-workspace-id`, or the key's first workspace. */
  workspaceId: string;
}

export interface AppEnv {
  Variables: {
    txId: string;
    auth: RequestAuth;
  };
}
