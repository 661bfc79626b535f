/**
 * A faithful copy of a pass: every field and image (one create, images referenced by their upload
 * keys), then every location through the location endpoints (the pass document cannot carry
 * them), then a read of the copy to check that it holds what the source held. Anything that did
 * not make it is listed by name in `notCopied`, so a caller never presents a partial copy as whole.
 * A plain function (Duplicate in the list, bulk duplicate) plus the hook the dialogs use.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  type Location,
  LocationSchema,
  type WalletPass,
  WalletPassSchema,
  uploadKeyOf,
} from '../../../../contract/schemas';
import {
  CreateLocationRequestSchema,
  type CreatePassRequest,
  CreatePassRequestSchema,
} from '../../../../contract/input-schemas';
import type { ApiClient } from '../../../lib/api-client';
import { describeError, isApiError } from '../../../lib/api-error';
import { useConnection } from '../../../lib/connection';
import { withRetry } from '../../../lib/retry';
import { editableDocument } from '../model/pass-document';
import { sameValue } from '../model/same-value';
import { fetchPass, passQueries } from './pass-queries';

/** One part of the source the copy lacks: what (named for a marketer) and why. */
export interface NotCopied {
  what: string;
  reason: string;
}

export interface DuplicateResult {
  /** The copy as stored after every write. */
  pass: WalletPass;
  /** Empty when the copy holds everything the source held. */
  notCopied: NotCopied[];
}

/** A copy of `source` under a new name, as a draft with its own link (the slug is left to the API). */
export function copyOfPass(source: WalletPass, passName: string): CreatePassRequest {
  const { passLinkSlug: _slug, ...document } = editableDocument(source);
  return { ...document, passName, status: 'Draft', passMetadata: document.passMetadata ?? {} };
}

/** Only a 429 says the API did nothing: other failures of a create are never repeated blindly. */
const rateLimitedOnly = (error: unknown) => isApiError(error) && error.status === 429;
const nameTaken = (error: unknown) => isApiError(error) && error.status === 400 && 'passName' in error.fieldErrors;

/** Keys a copy sets differently on purpose. */
const OWN_KEYS = new Set(['passName', 'passLinkSlug', 'status']);

const locationName = (location: Location) => `Location “${location.name ?? 'unnamed'}”`;

/** What the stored copy lacks of the source: images by file, fields by key. */
function missingFromCopy(source: WalletPass, copy: WalletPass): NotCopied[] {
  const missing: NotCopied[] = [];
  const copied = new Map((copy.uploadInfoList ?? []).map((info) => [info.fileName, uploadKeyOf(info)]));
  for (const info of source.uploadInfoList ?? []) {
    const key = uploadKeyOf(info);
    if (key && copied.get(info.fileName) !== key)
      missing.push({ what: `Image ${info.fileName}`, reason: 'The copy does not hold it.' });
  }
  const from = editableDocument(source) as Record<string, unknown>;
  const to = editableDocument(copy) as Record<string, unknown>;
  for (const key of Object.keys(from)) {
    if (OWN_KEYS.has(key) || key === 'uploadInfoList' || key === 'passMetadata') continue;
    if (!sameValue(from[key], to[key])) missing.push({ what: `Field ${key}`, reason: 'The copy holds another value.' });
  }
  const fromMeta = (from.passMetadata ?? {}) as Record<string, unknown>;
  const toMeta = (to.passMetadata ?? {}) as Record<string, unknown>;
  for (const key of Object.keys(fromMeta)) {
    if (!sameValue(fromMeta[key], toMeta[key]))
      missing.push({ what: `Field ${key}`, reason: 'The copy holds another value.' });
  }
  return missing;
}

/**
 * Duplicates `sourceId` as a Draft. With `passName`, that name is used (a taken name fails the
 * whole duplicate, nothing created); without, "Copy of …" numbered until free. Throws when the
 * copy could not be created at all; once it exists, failures are reported in `notCopied`.
 */
export async function duplicatePass(
  client: ApiClient,
  workspaceId: string,
  sourceId: string,
  options: { passName?: string } = {},
): Promise<DuplicateResult> {
  const source = await fetchPass(client, workspaceId, sourceId);
  const base = options.passName ?? `Copy of ${source.passName ?? 'pass'}`;
  let created: WalletPass | undefined;
  for (let n = 1; !created; n++) {
    try {
      created = await withRetry(
        () =>
          client.request('/wallet-pass', {
            method: 'POST',
            workspaceId,
            body: copyOfPass(source, n === 1 ? base : `${base} (${n})`),
            bodySchema: CreatePassRequestSchema,
            schema: WalletPassSchema,
          }),
        { retryable: rateLimitedOnly },
      );
    } catch (error) {
      if (options.passName !== undefined || !nameTaken(error) || n >= 20) throw error;
    }
  }

  const copyId = created.id;
  const notCopied: NotCopied[] = [];
  for (const location of source.passMetadata?.locations ?? []) {
    const { name, latitude, longitude, altitude, relevantText, enabled } = location;
    try {
      await withRetry(
        () =>
          client.request('/wallet-pass-location', {
            method: 'POST',
            workspaceId,
            body: {
              name: name ?? '',
              latitude: latitude ?? Number.NaN,
              longitude: longitude ?? Number.NaN,
              ...(altitude !== null && altitude !== undefined ? { altitude } : {}),
              relevantText: relevantText ?? '',
              enabled: enabled ?? true,
              walletPass: { id: copyId },
            },
            bodySchema: CreateLocationRequestSchema,
            schema: LocationSchema,
          }),
        { retryable: rateLimitedOnly, attempts: 6 },
      );
    } catch (error) {
      notCopied.push({ what: locationName(location), reason: describeError(error) });
    }
  }

  let copy = created;
  try {
    copy = await withRetry(() => fetchPass(client, workspaceId, copyId));
    notCopied.push(...missingFromCopy(source, copy));
    const stored = copy.passMetadata?.locations?.length ?? 0;
    const expected =
      (source.passMetadata?.locations?.length ?? 0) - notCopied.filter((n) => n.what.startsWith('Location')).length;
    if (stored < expected)
      notCopied.push({ what: `${expected - stored} of the locations`, reason: 'The copy does not list them.' });
  } catch (error) {
    notCopied.push({ what: 'The check of the copy', reason: `It could not be read back: ${describeError(error)}` });
  }
  return { pass: copy, notCopied };
}

/** One line for a toast or a dialog: "Location “Shop” (reason); Image strip.png (reason)". */
export function describeNotCopied(notCopied: readonly NotCopied[]): string {
  return notCopied.map(({ what, reason }) => `${what}: ${reason}`).join(' · ');
}

/** Duplicate in the dialogs: the copy enters the cache and the lists refresh. */
export function useDuplicatePass(workspaceId: string) {
  const { client, connectionId } = useConnection();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ sourceId, passName }: { sourceId: string; passName?: string }) =>
      duplicatePass(client, workspaceId, sourceId, passName === undefined ? {} : { passName }),
    onSuccess: ({ pass }) => {
      queryClient.setQueryData(passQueries.detail(client, connectionId, workspaceId, pass.id).queryKey, pass);
      return queryClient.invalidateQueries({ queryKey: passQueries.lists(connectionId, workspaceId) });
    },
  });
}
