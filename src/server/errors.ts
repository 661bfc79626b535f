/**
 * The Passport error body (`{ txId, timestamp, errorCode, errorMessage, context }`) and the one
 * exception type the sandbox throws to produce it. Store and routes throw `ApiError`; the app's
 * error handler turns it into a response, so no code path builds error JSON by hand.
 */
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ERROR_CODES } from '../contract/schemas';
import type { ApiErrorBody } from '../contract/schemas';

export type ErrorContext = Record<string, unknown>;

export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly errorCode: string,
    message: string,
    readonly context: ErrorContext = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export function errorBody(
  txId: string,
  errorCode: string,
  errorMessage: string,
  context: ErrorContext = {},
): ApiErrorBody {
  return { txId, timestamp: new Date().toISOString(), errorCode, errorMessage, context };
}

export const invalidInput = (context: ErrorContext, message = 'Invalid input.') =>
  new ApiError(400, ERROR_CODES.invalidInput, message, context);

export const notFound = (context: ErrorContext = {}, message = 'Not found.') =>
  new ApiError(404, ERROR_CODES.notFound, message, context);

export const unauthorized = () =>
  new ApiError(401, ERROR_CODES.unauthorized, 'UNAUTHORIZED.', { 'api-key': 'The api-key header is required' });

export const forbidden = (context: ErrorContext = {}, message = 'FORBIDDEN.') =>
  new ApiError(403, ERROR_CODES.forbidden, message, context);

/**
 * `closeConnection` when the body was refused unread: the connection cannot be reused, and
 * `Connection: close` tells the client to open a new one instead of failing on this socket.
 * A body that was read to its end (see body-limit.ts) leaves the connection usable.
 */
export const payloadTooLarge = (
  context: ErrorContext,
  message = 'The request body is too large.',
  closeConnection = true,
) => new ApiError(413, ERROR_CODES.payloadTooLarge, message, context, closeConnection ? { Connection: 'close' } : {});

/** SQLite could not write: the disk (or its quota) is full, or the write itself failed. */
export function isStorageFull(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code === 'SQLITE_FULL' || code.startsWith('SQLITE_IOERR'));
}

export const insufficientStorage = () =>
  new ApiError(
    507,
    'INSUFFICIENT_STORAGE',
    'The sandbox’s disk is full, so nothing was saved. Reads still work; writes work again once there is free space.',
    {},
  );
