import type { ApiErrorBody } from '../../contract/schemas';

export type ApiErrorKind = 'http' | 'network' | 'timeout' | 'invalid-response';

/**
 * Every failure of a Passport request. Carries the HTTP status and the parsed Passport error
 * body (`errorCode`, `context`) so field errors can reach a form. Never carries the API key.
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly status: number;
  readonly kind: ApiErrorKind;
  readonly body: ApiErrorBody | undefined;
  /** Seconds to wait before retrying, from `Retry-After` on a 429 or 503. */
  readonly retryAfter: number | undefined;
  /** The request's method, when the client knows it (writes are judged by it before a retry). */
  readonly method: string | undefined;

  constructor(options: {
    message: string;
    status?: number;
    kind?: ApiErrorKind;
    body?: ApiErrorBody;
    retryAfter?: number;
    method?: string;
  }) {
    super(options.message);
    this.status = options.status ?? 0;
    this.kind = options.kind ?? 'http';
    this.body = options.body;
    this.retryAfter = options.retryAfter;
    this.method = options.method;
  }

  get code(): string | undefined {
    return this.body?.errorCode;
  }

  /** Field path → message, as the API's `context` gives it (only string messages). */
  get fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [key, value] of Object.entries(this.body?.context ?? {})) {
      if (typeof value === 'string') out[key] = value;
    }
    return out;
  }

  get isAuthError(): boolean {
    return this.status === 401 || this.status === 403;
  }

  /**
   * The request may have done its work although it failed: the proxy says so on a 504 or 502
   * that came after the Passport API received it (`context.mayHaveBeenApplied`), and a timeout
   * or a dropped connection leaves the outcome unknown. A 429 or a refusal did nothing.
   */
  get mayHaveBeenApplied(): boolean {
    if (this.body?.context?.mayHaveBeenApplied === true) return true;
    return this.kind === 'network' || this.kind === 'timeout';
  }

  /** POST creates: sending one again after it may have been applied would create a second. */
  get isNonIdempotentWrite(): boolean {
    return this.method === 'POST';
  }

  get isRetryable(): boolean {
    return this.kind === 'network' || this.kind === 'timeout' || this.status === 429 || this.status >= 500;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** A sentence a marketer can act on, for any error a request may throw. */
export function describeError(error: unknown): string {
  if (!isApiError(error)) return 'Something went wrong. Try again.';
  if (error.kind === 'network') return 'Could not reach the Passport API. Check your connection and try again.';
  if (error.kind === 'timeout') return 'The Passport API took too long to answer. Try again.';
  if (error.kind === 'invalid-response') return 'The Passport API sent an answer Pass Studio could not read.';
  switch (error.status) {
    case 401:
      return 'No API key was sent. Connect again with your Passport API key.';
    case 403:
      return error.body?.context && 'workspaceId' in error.body.context
        ? 'This API key cannot open that workspace.'
        : 'The API key was refused. Check that it is correct and still active.';
    case 404:
      return 'Not found. It may have been deleted, or it belongs to another workspace.';
    case 413:
      return 'That is too large for the Passport API.';
    case 429:
      return 'The Passport API is rate limiting requests. Pass Studio will retry shortly.';
    case 502:
    case 504:
      if (error.mayHaveBeenApplied && error.method !== undefined && error.method !== 'GET') {
        return 'The Passport API did not confirm the change, but it may have been saved. Reload to see the current state before trying again.';
      }
      return 'The Passport API did not answer. Try again in a moment.';
    default:
      if (error.status >= 500) return 'The Passport API had a problem. Try again in a moment.';
      return error.body?.errorMessage ?? error.message;
  }
}
