import { queryOptions } from '@tanstack/react-query';
import { StudioConfigSchema } from '../../../contract/queries';
import { ApiError } from '../../lib/api-error';
import { env } from '../../lib/env';

/** `/studio/config`: mode, known workspaces and (in the sandbox) the demo keys. */
export const studioConfigQuery = queryOptions({
  queryKey: ['studio-config'],
  staleTime: Infinity,
  queryFn: async ({ signal }) => {
    let response: Response;
    try {
      response = await fetch(env.studioConfigUrl, { signal, headers: { accept: 'application/json' } });
    } catch (error) {
      if (signal.aborted) throw error;
      throw new ApiError({ kind: 'network', message: 'Could not reach the Pass Studio server.' });
    }
    if (!response.ok) {
      throw new ApiError({ status: response.status, message: `The Pass Studio server answered ${response.status}.` });
    }
    const parsed = StudioConfigSchema.safeParse(await response.json().catch(() => null));
    if (!parsed.success) throw new ApiError({ kind: 'invalid-response', message: 'Unreadable studio configuration.' });
    return parsed.data;
  },
});
