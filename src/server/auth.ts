/**
 * API-key authentication and workspace selection for `/v1/*` in sandbox mode, followed by the
 * per-key rate limit. Missing key → 401, unknown key → 403 (passport-api.md §1); a workspace the
 * key cannot reach → 403 naming it, so a client can tell "wrong workspace" from "wrong key".
 */
import type { MiddlewareHandler } from 'hono';
import { ERROR_CODES } from '../contract/schemas';
import { ID_PATTERN } from '../contract/rules';
import type { AppEnv } from './app-env';
import { ApiError, forbidden, invalidInput, unauthorized } from './errors';
import type { TokenBucketLimiter } from './rate-limit';
import type { SandboxStore } from './store/sandbox-store';

export function apiKeyAuth(store: SandboxStore, limiter: TokenBucketLimiter | undefined): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const apiKey = c.req.header('api-key');
    if (!apiKey) throw unauthorized();
    const key = store.findApiKey(apiKey);
    if (!key) throw forbidden({}, 'The API key is not valid.');

    const requested = c.req.header('x-workspace-id');
    let workspaceId: string | undefined;
    if (requested === undefined || requested === '') {
      workspaceId = key.workspaceIds[0];
    } else if (!ID_PATTERN.test(requested)) {
      throw invalidInput({ 'x-workspace-id': 'must be letters, digits, dashes and underscores' });
    } else if (key.workspaceIds.includes(requested)) {
      workspaceId = requested;
    } else {
      throw forbidden({ workspaceId: requested }, 'This API key has no access to the workspace.');
    }
    if (workspaceId === undefined) throw forbidden({}, 'This API key has no workspace.');

    if (limiter) {
      const taken = limiter.take(key.apiKey);
      if (!taken.ok) {
        throw new ApiError(
          429,
          ERROR_CODES.tooManyRequests,
          'Too many requests. Retry after the time in the Retry-After header.',
          { retryAfterSeconds: taken.retryAfterSeconds },
          { 'Retry-After': String(taken.retryAfterSeconds) },
        );
      }
    }

    c.set('auth', { key, workspaceId });
    await next();
  };
}
