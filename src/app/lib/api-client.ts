/**
 * The thin typed client of the Passport API. It sends `api-key` and `x-workspace-id`, validates
 * request bodies and parses responses with the contract, forwards the caller's AbortSignal, and
 * throws `ApiError` for every failure. It shows nothing and navigates nowhere.
 */
import type * as z from 'zod/mini';
import { issuesToContext } from '../../contract/errors';
import { STUDIO_CLIENT_HEADER } from '../../contract/studio-headers';
import { ApiErrorBodySchema, ERROR_CODES } from '../../contract/schemas';
import { ApiError } from './api-error';
import { env } from './env';

export type QueryValue = string | number | boolean | readonly string[] | null | undefined;

export interface RequestOptions<S extends z.ZodMiniType | undefined> {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Record<string, QueryValue>;
  body?: unknown;
  /** Validates `body` strictly before anything is sent. */
  bodySchema?: z.ZodMiniType;
  /** Parses the response; omit for 204 answers. */
  schema?: S;
  /** The workspace the request acts in; omitted → the key's default workspace. */
  workspaceId?: string | undefined;
  signal?: AbortSignal | undefined;
  timeoutMs?: number;
  /** URL prefix of `path`: the Passport API (`/v1`) unless given, e.g. `env.studioBase`. */
  base?: string;
}

export interface UploadOptions<S extends z.ZodMiniType> {
  schema: S;
  workspaceId?: string | undefined;
  signal?: AbortSignal | undefined;
  /** Fraction sent so far, 0 to 1. */
  onProgress?: (fraction: number) => void;
}

export interface ApiClient {
  /** Multipart upload with progress (fetch cannot report upload progress, XMLHttpRequest can). */
  upload<S extends z.ZodMiniType>(path: string, body: FormData, options: UploadOptions<S>): Promise<z.output<S>>;
  request<S extends z.ZodMiniType | undefined = undefined>(
    path: string,
    options?: RequestOptions<S>,
  ): Promise<S extends z.ZodMiniType ? z.output<S> : undefined>;
}

const DEFAULT_TIMEOUT_MS = 20_000;

export function buildQuery(query: Record<string, QueryValue> | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) {
      if (value.length > 0) params.set(key, value.join(','));
    } else {
      params.set(key, String(value));
    }
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

function retryAfterSeconds(response: Response): number | undefined {
  const header = response.headers.get('retry-after');
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, (date - Date.now()) / 1000);
}

async function errorFromResponse(response: Response, method: string): Promise<ApiError> {
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  const parsed = ApiErrorBodySchema.safeParse(body);
  const errorBody = parsed.success ? parsed.data : undefined;
  return new ApiError({
    status: response.status,
    message: errorBody?.errorMessage ?? errorBody?.errorCode ?? `Request failed with status ${response.status}`,
    ...(errorBody ? { body: errorBody } : {}),
    ...(retryAfterSeconds(response) !== undefined ? { retryAfter: retryAfterSeconds(response) } : {}),
    method,
  });
}

export function createApiClient(options: { apiKey: string; baseUrl?: string; fetch?: typeof fetch }): ApiClient {
  const baseUrl = options.baseUrl ?? env.apiBase;
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));

  return {
    upload(path, body, { schema, workspaceId, signal, onProgress }) {
      return new Promise((resolve, reject) => {
        const xhr = new XMLHttpRequest();
        xhr.open('POST', `${baseUrl}${path}`);
        xhr.setRequestHeader('api-key', options.apiKey);
        xhr.setRequestHeader('accept', 'application/json');
        if (workspaceId) xhr.setRequestHeader('x-workspace-id', workspaceId);
        xhr.timeout = 120_000;
        xhr.upload.onprogress = (event) => {
          if (event.lengthComputable) onProgress?.(event.loaded / event.total);
        };
        xhr.onload = () => {
          const response = new Response(xhr.status === 204 ? null : xhr.responseText, {
            status: xhr.status,
            headers: { 'content-type': 'application/json', 'retry-after': xhr.getResponseHeader('retry-after') ?? '' },
          });
          if (!response.ok) {
            void errorFromResponse(response, 'POST').then(reject);
            return;
          }
          void response
            .json()
            .then((json: unknown) => {
              const parsed = schema.safeParse(json);
              if (parsed.success) resolve(parsed.data as z.output<typeof schema>);
              else
                reject(
                  new ApiError({ kind: 'invalid-response', status: xhr.status, message: 'Unexpected upload answer.' }),
                );
            })
            .catch(() =>
              reject(
                new ApiError({ kind: 'invalid-response', status: xhr.status, message: 'The answer was not JSON.' }),
              ),
            );
        };
        xhr.onerror = () => reject(new ApiError({ kind: 'network', message: 'The upload failed.', method: 'POST' }));
        xhr.ontimeout = () =>
          reject(new ApiError({ kind: 'timeout', message: 'The upload timed out.', method: 'POST' }));
        xhr.onabort = () => reject(new DOMException('The upload was cancelled.', 'AbortError'));
        signal?.addEventListener('abort', () => xhr.abort(), { once: true });
        xhr.send(body);
      });
    },

    async request(path, requestOptions = {}) {
      const { method = 'GET', query, body, bodySchema, schema, workspaceId, signal } = requestOptions;

      if (bodySchema) {
        const checked = bodySchema.safeParse(body);
        if (!checked.success) {
          throw new ApiError({
            status: 400,
            message: 'Some values are not valid.',
            body: {
              errorCode: ERROR_CODES.invalidInput,
              context: issuesToContext(checked.error.issues),
            },
          });
        }
      }

      const headers: Record<string, string> = {
        accept: 'application/json',
        'api-key': options.apiKey,
        // Tells the studio server a save comes from here (version history: saved vs observed).
        [STUDIO_CLIENT_HEADER]: 'dashboard',
      };
      if (workspaceId) headers['x-workspace-id'] = workspaceId;
      let payload: BodyInit | undefined;
      if (body instanceof FormData) {
        payload = body;
      } else if (body !== undefined) {
        headers['content-type'] = 'application/json';
        payload = JSON.stringify(body);
      }

      const timeout = AbortSignal.timeout(requestOptions.timeoutMs ?? DEFAULT_TIMEOUT_MS);
      const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;

      let response: Response;
      try {
        response = await doFetch(`${requestOptions.base ?? baseUrl}${path}${buildQuery(query)}`, {
          method,
          headers,
          body: payload ?? null,
          signal: combined,
          credentials: 'omit',
          referrerPolicy: 'no-referrer',
        });
      } catch (error) {
        // The caller's own abort (a query cancelled) propagates as is, so react-query ignores it.
        if (signal?.aborted) throw error;
        if (timeout.aborted) {
          throw new ApiError({ kind: 'timeout', message: 'The request timed out.', method });
        }
        throw new ApiError({ kind: 'network', message: 'The network request failed.', method });
      }

      if (!response.ok) throw await errorFromResponse(response, method);
      if (!schema) return undefined as never;

      let json: unknown;
      try {
        json = await response.json();
      } catch {
        throw new ApiError({ kind: 'invalid-response', status: response.status, message: 'The answer was not JSON.' });
      }
      const parsed = schema.safeParse(json);
      if (!parsed.success) {
        throw new ApiError({
          kind: 'invalid-response',
          status: response.status,
          message: `Unexpected answer: ${parsed.error.issues
            .slice(0, 3)
            .map((i) => `${i.path.join('.')} ${i.message}`)
            .join('; ')}`,
        });
      }
      return parsed.data as never;
    },
  };
}
