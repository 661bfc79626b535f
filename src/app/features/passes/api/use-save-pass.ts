import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  CreateLocationRequestSchema,
  LocationSchema,
  UpdateLocationRequestSchema,
  UpdatePassRequestSchema,
  type UpdatePassRequest,
  type WalletPass,
  WalletPassSchema,
} from '../../../../contract/schemas';
import { type ApiError, isApiError } from '../../../lib/api-error';
import { useConnection } from '../../../lib/connection';
import type { LocationChanges } from '../editor/form-model';
import { passQueries } from './pass-queries';

export interface SaveInput {
  passId: string;
  document: UpdatePassRequest;
  locations: LocationChanges;
}

export interface SaveResult {
  pass: WalletPass;
  /** Location writes the API refused, by their index in the form's list. */
  locationErrors: { index: number; error: ApiError }[];
  /** Indexes whose writes went through (the form takes the stored version for these). */
  savedLocationIndexes: number[];
}

/**
 * Saves a pass: the PATCH with the whole editable document, then the location writes the user's
 * changes call for, then the pass is read again. The cache gets the fresh pass; lists refresh.
 */
export function useSavePass(workspaceId: string) {
  const { client, connectionId } = useConnection();
  const queryClient = useQueryClient();

  return useMutation({
    mutationKey: ['save-pass', connectionId, workspaceId],
    mutationFn: async ({ passId, document, locations }: SaveInput): Promise<SaveResult> => {
      const id = encodeURIComponent(passId);
      await client.request(`/wallet-pass/${id}`, {
        method: 'PATCH',
        workspaceId,
        body: document,
        bodySchema: UpdatePassRequestSchema,
        schema: WalletPassSchema,
      });

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
          await client.request(`/wallet-pass-location/${encodeURIComponent(locationId)}`, {
            method: 'PUT',
            workspaceId,
            body,
            bodySchema: UpdateLocationRequestSchema,
            schema: LocationSchema,
          });
          savedLocationIndexes.push(index);
        } catch (error) {
          if (!isApiError(error)) throw error;
          locationErrors.push({ index, error });
        }
      }
      for (const { index, body } of locations.create) {
        try {
          await client.request('/wallet-pass-location', {
            method: 'POST',
            workspaceId,
            body,
            bodySchema: CreateLocationRequestSchema,
            schema: LocationSchema,
          });
          savedLocationIndexes.push(index);
        } catch (error) {
          if (!isApiError(error)) throw error;
          locationErrors.push({ index, error });
        }
      }

      const pass = await queryClient.fetchQuery({
        ...passQueries.detail(client, connectionId, workspaceId, passId),
        staleTime: 0,
      });
      return { pass, locationErrors, savedLocationIndexes };
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: passQueries.lists(connectionId, workspaceId) }),
  });
}
