import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { NotificationPageSchema, NotificationSchema, NotificationStatsSchema } from '../../../contract/notifications';
import type { Notification } from '../../../contract/notifications';
import { WalletPassDetailResponseSchema, WalletPassPageSchema } from '../../../contract/schemas';
import type { ApiClient } from '../../lib/api-client';
import { ApiError } from '../../lib/api-error';
import { cursorPages } from '../../lib/cursor-pages';

/** The status filter of the history; each choice maps to the API statuses it covers. */
export const STATUS_FILTERS = {
  All: undefined,
  Draft: ['Draft'],
  Scheduled: ['Scheduled'],
  Sending: ['Initializing', 'Processing', 'Finalizing'],
  Sent: ['Published'],
  // Partly failed sends are failures to look at, even if one platform got them.
  Failed: ['Failed', 'AppleFailedGoogleSuccess', 'AppleSuccessGoogleFailed'],
} as const satisfies Record<string, readonly string[] | undefined>;
export type StatusFilter = keyof typeof STATUS_FILTERS;

export function isStatusFilter(value: string | null): value is StatusFilter {
  return value !== null && value in STATUS_FILTERS;
}

export interface NotificationListFilters {
  query: string;
  status: StatusFilter;
  /** Only this pass's notifications (the composer's history). */
  passId?: string | undefined;
}

export const NOTIFICATION_PAGE_SIZE = 20;

/** Statuses that will still change on their own: lists holding one keep refreshing. */
const MOVING = new Set(['Scheduled', 'Initializing', 'Processing', 'Finalizing']);

export function isMoving(n: Notification): boolean {
  return MOVING.has(n.status ?? '');
}

/**
 * Query keys and options of notifications. Every key starts with the connection and the
 * workspace, so two keys or two workspaces never share cached data.
 */
export const notificationQueries = {
  all: (connectionId: string, workspaceId: string) => ['notifications', connectionId, workspaceId] as const,
  lists: (connectionId: string, workspaceId: string) =>
    [...notificationQueries.all(connectionId, workspaceId), 'list'] as const,
  list: (client: ApiClient, connectionId: string, workspaceId: string, filters: NotificationListFilters) =>
    infiniteQueryOptions({
      queryKey: [...notificationQueries.lists(connectionId, workspaceId), filters] as const,
      ...cursorPages(client, '/wallet-pass/notifications', {
        workspaceId,
        schema: NotificationPageSchema,
        query: {
          limit: NOTIFICATION_PAGE_SIZE,
          query: filters.query.trim() || undefined,
          status: STATUS_FILTERS[filters.status],
          passSerialNumber: filters.passId ? [filters.passId] : undefined,
        },
      }),
      // Scheduled and sending ones change on the server: follow them while any is on screen.
      refetchInterval: (query) => (query.state.data?.pages.some((page) => page.items.some(isMoving)) ? 5000 : false),
    }),
  detail: (client: ApiClient, connectionId: string, workspaceId: string, id: string) =>
    // `connectionId` in the key stands for `client` (one client per API key).

    queryOptions({
      queryKey: [...notificationQueries.all(connectionId, workspaceId), 'detail', id] as const,
      queryFn: ({ signal }) =>
        client.request(`/wallet-pass/notifications/${encodeURIComponent(id)}`, {
          workspaceId,
          signal,
          schema: NotificationSchema,
        }),
    }),
  stats: (client: ApiClient, connectionId: string, workspaceId: string, id: string) =>
    queryOptions({
      queryKey: [...notificationQueries.all(connectionId, workspaceId), 'stats', id] as const,
      queryFn: ({ signal }) =>
        client.request(`/wallet-pass/notifications/${encodeURIComponent(id)}/stats`, {
          workspaceId,
          signal,
          schema: NotificationStatsSchema,
        }),
      // Delivery and clicks keep arriving for a while after a send.
      staleTime: 30_000,
      refetchInterval: 60_000,
    }),
  /** The pass a notification goes to, with its live holder counts (the reach). */
  pass: (client: ApiClient, connectionId: string, workspaceId: string, passId: string) =>
    queryOptions({
      queryKey: [...notificationQueries.all(connectionId, workspaceId), 'pass', passId] as const,
      queryFn: async ({ signal }) => {
        // Quirk: the API answers GET by id with an array.
        const list = await client.request(`/wallet-pass/${encodeURIComponent(passId)}`, {
          workspaceId,
          signal,
          schema: WalletPassDetailResponseSchema,
        });
        const pass = list.find((p) => p.id === passId) ?? list[0];
        if (!pass) throw new ApiError({ status: 404, message: 'Pass not found.' });
        return pass;
      },
      refetchInterval: 5000,
    }),
  /** Names of the passes on a page of the workspace history, in one request. */
  passNames: (client: ApiClient, connectionId: string, workspaceId: string, passIds: readonly string[]) =>
    queryOptions({
      queryKey: [...notificationQueries.all(connectionId, workspaceId), 'pass-names', passIds] as const,
      queryFn: async ({ signal }) => {
        const page = await client.request('/wallet-pass', {
          workspaceId,
          signal,
          schema: WalletPassPageSchema,
          query: { ids: passIds, limit: Math.max(1, Math.min(20, passIds.length)), includePassAssets: false },
        });
        return new Map(page.items.map((p) => [p.id ?? '', p.passName ?? 'Untitled pass']));
      },
      staleTime: 60_000,
      enabled: passIds.length > 0,
    }),
};
