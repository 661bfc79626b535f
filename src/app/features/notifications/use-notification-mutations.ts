import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  CreateNotificationRequestSchema,
  NotificationSchema,
  UpdateNotificationRequestSchema,
} from '../../../contract/notifications';
import type {
  CreateNotificationRequest,
  Notification,
  UpdateNotificationRequest,
} from '../../../contract/notifications';
import type { ApiClient } from '../../lib/api-client';
import { isApiError } from '../../lib/api-error';
import { useConnection } from '../../lib/connection';
import { retryDelay } from '../../lib/query-client';
import { notificationQueries } from './notification-queries';

const MAX_TRIES = 3;

/**
 * Sending is not idempotent: a POST that timed out or lost its answer may have sent the
 * notification, and trying again would send it twice. Only a 429 proves the API did nothing, so
 * only a 429 is retried (after its Retry-After); everything else goes back to the user.
 */
export function retryRateLimitedOnly(failureCount: number, error: unknown): boolean {
  return failureCount < MAX_TRIES && isApiError(error) && error.status === 429;
}

/** Writes the saved notification into its detail and makes every list of the workspace refresh. */
function useSettle(workspaceId: string) {
  const { client, connectionId } = useConnection();
  const queryClient = useQueryClient();
  return {
    saved: (n: Notification) => {
      if (n.id)
        queryClient.setQueryData(notificationQueries.detail(client, connectionId, workspaceId, n.id).queryKey, n);
      return queryClient.invalidateQueries({ queryKey: notificationQueries.lists(connectionId, workspaceId) });
    },
    removed: (id: string) => {
      queryClient.removeQueries({
        queryKey: notificationQueries.detail(client, connectionId, workspaceId, id).queryKey,
      });
      return queryClient.invalidateQueries({ queryKey: notificationQueries.lists(connectionId, workspaceId) });
    },
    /** After an answer that never came, only a fresh list can tell what happened. */
    unsure: () => queryClient.invalidateQueries({ queryKey: notificationQueries.lists(connectionId, workspaceId) }),
  };
}

/**
 * A write that answers the saved notification. A PATCH to Processing sends, like a POST, so both
 * follow the same retry rule.
 */
function useNotificationWrite<V>(
  workspaceId: string,
  name: string,
  write: (client: ApiClient, variables: V) => Promise<Notification>,
) {
  const { client, connectionId } = useConnection();
  const settle = useSettle(workspaceId);
  return useMutation({
    mutationKey: [name, connectionId, workspaceId],
    mutationFn: (variables: V) => write(client, variables),
    retry: retryRateLimitedOnly,
    retryDelay,
    onSuccess: settle.saved,
    onError: settle.unsure,
  });
}

export function useCreateNotification(workspaceId: string) {
  return useNotificationWrite(workspaceId, 'create-notification', (client, body: CreateNotificationRequest) =>
    client.request('/wallet-pass/notifications', {
      method: 'POST',
      workspaceId,
      body,
      bodySchema: CreateNotificationRequestSchema,
      schema: NotificationSchema,
    }),
  );
}

export function useUpdateNotification(workspaceId: string) {
  return useNotificationWrite(
    workspaceId,
    'update-notification',
    (client, { id, body }: { id: string; body: UpdateNotificationRequest }) =>
      client.request(`/wallet-pass/notifications/${encodeURIComponent(id)}`, {
        method: 'PATCH',
        workspaceId,
        body,
        bodySchema: UpdateNotificationRequestSchema,
        schema: NotificationSchema,
      }),
  );
}

export function useDeleteNotification(workspaceId: string) {
  const { client, connectionId } = useConnection();
  const settle = useSettle(workspaceId);
  return useMutation({
    mutationKey: ['delete-notification', connectionId, workspaceId],
    mutationFn: (id: string) =>
      client.request(`/wallet-pass/notifications/${encodeURIComponent(id)}`, { method: 'DELETE', workspaceId }),
    retry: retryRateLimitedOnly,
    retryDelay,
    onSuccess: (_data, id) => settle.removed(id),
  });
}
