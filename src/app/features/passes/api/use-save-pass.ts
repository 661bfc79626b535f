import { useMutation, useQueryClient } from '@tanstack/react-query';
import { LocationSchema, type WalletPass, WalletPassSchema } from '../../../../contract/schemas';
import {
  CreateLocationRequestSchema,
  UpdateLocationRequestSchema,
  UpdatePassRequestSchema,
  type UpdatePassRequest,
} from '../../../../contract/input-schemas';
import type { ApiClient } from '../../../lib/api-client';
import { type ApiError, isApiError } from '../../../lib/api-error';
import { useConnection } from '../../../lib/connection';
import { type RetryOptions, withRetry } from '../../../lib/retry';
import type { LocationChanges } from '../model/form-model';
import { fetchPass, passQueries } from './pass-queries';

export interface SaveInput {
  passId: string;
  document: UpdatePassRequest;
  locations: LocationChanges;
  /** Told before each retry of a transient failure (429, 5xx, timeout, dropped connection). */
  onRetry?: RetryOptions['onRetry'];
  /** Told as soon as a new location exists, so a retried save never creates it twice. */
  onLocationCreated?: (index: number, id: string) => void;
}

/** Creating is not idempotent: retry it only when the API says it did nothing (429). */
const rateLimitedOnly = (error: unknown) => isApiError(error) && error.status === 429;

export interface SaveResult {
  pass: WalletPass;
  /** Location writes the API refused, by their index in the form's list. */
  locationErrors: { index: number; error: ApiError }[];
  /** Indexes whose writes went through (the form takes the stored version for these). */
  savedLocationIndexes: number[];
}

/**
 * The save path of a pass, outside React: the PATCH with the whole editable document, then the
 * location writes the changes call for, then the pass is read again. The editor's save and the
 * bulk field edit both write through it.
 */
export async function writePass(
  client: ApiClient,
  workspaceId: string,
  { passId, document, locations, onRetry, onLocationCreated }: SaveInput,
): Promise<SaveResult> {
  const id = encodeURIComponent(passId);
  const retry = <T>(task: () => Promise<T>, retryable?: (error: unknown) => boolean) =>
    withRetry(task, { ...(onRetry ? { onRetry } : {}), ...(retryable ? { retryable } : {}) });
  // The whole document each time: repeating the PATCH is harmless.
  await retry(() =>
    client.request(`/wallet-pass/${id}`, {
      method: 'PATCH',
      workspaceId,
      body: document,
      bodySchema: UpdatePassRequestSchema,
      schema: WalletPassSchema,
    }),
  );

  const locationErrors: SaveResult['locationErrors'] = [];
  const savedLocationIndexes: number[] = [];
  for (const locationId of locations.remove) {
    try {
      await client.request(`/wallet-pass-location/${encodeURIComponent(locationId)}`, {
        method: 'DELETE',
        workspaceId,
      });
    } catch (error) {
      // Already gone is what the user wanted.
      if (!(isApiError(error) && error.status === 404)) throw error;
    }
  }
  for (const { index, id: locationId, body } of locations.update) {
    try {
      await retry(() =>
        client.request(`/wallet-pass-location/${encodeURIComponent(locationId)}`, {
          method: 'PUT',
          workspaceId,
          body,
          bodySchema: UpdateLocationRequestSchema,
          schema: LocationSchema,
        }),
      );
      savedLocationIndexes.push(index);
    } catch (error) {
      if (!isApiError(error)) throw error;
      locationErrors.push({ index, error });
    }
  }
  for (const { index, body } of locations.create) {
    try {
      const created = await retry(
        () =>
          client.request('/wallet-pass-location', {
            method: 'POST',
            workspaceId,
            body,
            bodySchema: CreateLocationRequestSchema,
            schema: LocationSchema,
          }),
        rateLimitedOnly,
      );
      if (created.id) onLocationCreated?.(index, created.id);
      savedLocationIndexes.push(index);
    } catch (error) {
      if (!isApiError(error)) throw error;
      locationErrors.push({ index, error });
    }
  }

  const pass = await retry(() => fetchPass(client, workspaceId, passId));
  return { pass, locationErrors, savedLocationIndexes };
}

/** Saves a pass through `writePass`. The cache gets the fresh pass; lists refresh. */
export function useSavePass(workspaceId: string) {
  const { client, connectionId } = useConnection();
  const queryClient = useQueryClient();

  return useMutation({
    mutationKey: ['save-pass', connectionId, workspaceId],
    mutationFn: async (input: SaveInput): Promise<SaveResult> => {
      const result = await writePass(client, workspaceId, input);
      queryClient.setQueryData(
        passQueries.detail(client, connectionId, workspaceId, input.passId).queryKey,
        result.pass,
      );
      return result;
    },
    onSuccess: ({ pass }) => {
      // The studio recorded the saved version: History shows it the next time it opens.
      void queryClient.invalidateQueries({
        queryKey: passQueries.versions(connectionId, workspaceId, pass.id),
        exact: true,
      });
      return queryClient.invalidateQueries({ queryKey: passQueries.lists(connectionId, workspaceId) });
    },
  });
}
