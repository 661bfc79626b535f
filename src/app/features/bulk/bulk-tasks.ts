import type { PassStatus } from '../../../contract/rules';
import { WalletPassSchema } from '../../../contract/schemas';
import { UpdatePassRequestSchema } from '../../../contract/input-schemas';
import type { ApiClient } from '../../lib/api-client';
import { isApiError } from '../../lib/api-error';
import { describeNotCopied, duplicatePass } from '../passes/api/duplicate-pass';
import { fetchPass } from '../passes/api/pass-queries';
import { editableDocument } from '../passes/model/pass-document';
import type { TaskOutcome } from './bulk-runner';

const passPath = (id: string) => `/wallet-pass/${encodeURIComponent(id)}`;

/**
 * Draft ↔ Published for one pass: read as stored now (a list copy may be stale), then the whole
 * document with the new status, as the status switch does. Already there: skipped, nothing sent.
 */
export async function setPassStatus(
  client: ApiClient,
  workspaceId: string,
  passId: string,
  status: PassStatus,
): Promise<TaskOutcome> {
  const fresh = await fetchPass(client, workspaceId, passId);
  if (fresh.status === status)
    return { status: 'skipped', message: status === 'Published' ? 'Already published.' : 'Already a draft.' };
  await client.request(passPath(passId), {
    method: 'PATCH',
    workspaceId,
    body: { ...editableDocument(fresh), status },
    bodySchema: UpdatePassRequestSchema,
    schema: WalletPassSchema,
  });
  return { status: 'done', message: status === 'Published' ? 'Published.' : 'Now a draft.' };
}

/** Deletes one pass (the studio keeps its last version: Recently deleted can restore it). */
export async function deletePass(client: ApiClient, workspaceId: string, passId: string): Promise<TaskOutcome> {
  try {
    await client.request(passPath(passId), { method: 'DELETE', workspaceId });
    return { status: 'done', message: 'Deleted.' };
  } catch (error) {
    if (isApiError(error) && error.status === 404) return { status: 'skipped', message: 'Already deleted.' };
    throw error;
  }
}

/**
 * A Draft copy of one pass with its images and locations ("Copy of …", numbered when taken),
 * through the list's own Duplicate; whatever the copy lacks is reported with the result.
 */
export async function duplicatePassTask(client: ApiClient, workspaceId: string, passId: string): Promise<TaskOutcome> {
  const { pass, notCopied } = await duplicatePass(client, workspaceId, passId);
  if (notCopied.length > 0)
    throw new Error(`Copied as “${pass.passName}”, but not all of it: ${describeNotCopied(notCopied)}`);
  return { status: 'done', message: `Copied as “${pass.passName}”.` };
}
