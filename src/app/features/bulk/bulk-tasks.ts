import type { PassStatus } from '../../../contract/rules';
import {
  CreateLocationRequestSchema,
  CreatePassRequestSchema,
  LocationSchema,
  UpdatePassRequestSchema,
  type WalletPass,
  WalletPassSchema,
} from '../../../contract/schemas';
import type { ApiClient } from '../../lib/api-client';
import { isApiError } from '../../lib/api-error';
import { withRetry } from '../../lib/retry';
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

/** Only a 429 says the API did nothing: the other failures of a create are not repeated blindly. */
const rateLimitedOnly = (error: unknown) => isApiError(error) && error.status === 429;
/** A copy of `source` under a new name, as a draft with its own link (the slug is left to the API). */
function copyOf(source: WalletPass, passName: string) {
  const { passLinkSlug: _slug, ...document } = editableDocument(source);
  return { ...document, passName, status: 'Draft' as const, passMetadata: document.passMetadata ?? {} };
}

const nameTaken = (error: unknown) => isApiError(error) && error.status === 400 && 'passName' in error.fieldErrors;

/**
 * A Draft copy of one pass with its locations, named "Copy of …" (numbered when that name is
 * taken: names are unique per workspace). Once the copy exists, its location writes wait out 429s
 * themselves, so repeating the task after a rate limit never makes a second copy.
 */
export async function duplicatePass(client: ApiClient, workspaceId: string, passId: string): Promise<TaskOutcome> {
  const source = await fetchPass(client, workspaceId, passId);
  const base = `Copy of ${source.passName ?? 'pass'}`;
  let created: WalletPass | undefined;
  for (let n = 1; !created; n++) {
    try {
      created = await client.request('/wallet-pass', {
        method: 'POST',
        workspaceId,
        body: copyOf(source, n === 1 ? base : `${base} (${n})`),
        bodySchema: CreatePassRequestSchema,
        schema: WalletPassSchema,
      });
    } catch (error) {
      if (!nameTaken(error) || n >= 20) throw error;
    }
  }
  const copy = created;
  for (const location of source.passMetadata?.locations ?? []) {
    const { name, latitude, longitude, altitude, relevantText, enabled } = location;
    await withRetry(
      () =>
        client.request('/wallet-pass-location', {
          method: 'POST',
          workspaceId,
          body: {
            name,
            latitude,
            longitude,
            altitude,
            relevantText,
            enabled: enabled ?? true,
            walletPass: { id: copy.id },
          },
          bodySchema: CreateLocationRequestSchema,
          schema: LocationSchema,
        }),
      { retryable: rateLimitedOnly, attempts: 6 },
    );
  }
  return { status: 'done', message: `Copied as “${copy.passName}”.` };
}
