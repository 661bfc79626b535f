/**
 * Query parameters of the search endpoints and the sandbox's own `/studio/config`.
 * List parameters (`status`, `ids`) accept a comma list, repeated keys, or both.
 */
import * as z from 'zod/mini';
import { ID_PATTERN, PAGE_LIMIT, PASS_STATUSES, USER_DEEP_LINK_APP_TYPES } from './rules';

export const LIMIT_MESSAGE = `must be between ${PAGE_LIMIT.min} and ${PAGE_LIMIT.max}`;

/** `limit` arrives as text; anything but a whole number in range is refused with the API's message. */
export const LimitParamSchema = z.optional(
  z.string().check(
    z.refine((v) => {
      if (!/^\d+$/.test(v)) return false;
      const n = Number(v);
      return n >= PAGE_LIMIT.min && n <= PAGE_LIMIT.max;
    }, LIMIT_MESSAGE),
  ),
);

const idList = z.array(z.string().check(z.regex(ID_PATTERN, 'must be ids of letters, digits, dashes and underscores')));

export const ListPassesQuerySchema = z.object({
  query: z.optional(z.string().check(z.maxLength(255, 'must be at most 255 characters'))),
  passName: z.optional(z.string().check(z.maxLength(255, 'must be at most 255 characters'))),
  id: z.optional(z.string().check(z.regex(ID_PATTERN, 'must be an id of letters, digits, dashes and underscores'))),
  ids: z.optional(idList),
  status: z.optional(z.array(z.enum(PASS_STATUSES, { error: 'must be Draft or Published' }))),
  cursor: z.optional(z.string()),
  limit: LimitParamSchema,
  includePassAssets: z.optional(z.enum(['true', 'false'], { error: 'must be true or false' })),
  summary: z.optional(z.enum(['true', 'false'], { error: 'must be true or false' })),
});
export type ListPassesQuery = z.infer<typeof ListPassesQuerySchema>;

export const ListLocationsQuerySchema = z.object({
  query: z.optional(z.string().check(z.maxLength(255, 'must be at most 255 characters'))),
  name: z.optional(z.string().check(z.maxLength(255, 'must be at most 255 characters'))),
  passSerialNumbers: z.optional(idList),
  ids: z.optional(idList),
  id: z.optional(z.string().check(z.regex(ID_PATTERN, 'must be an id of letters, digits, dashes and underscores'))),
  cursor: z.optional(z.string()),
  limit: LimitParamSchema,
});
export type ListLocationsQuery = z.infer<typeof ListLocationsQuerySchema>;

/** Splits repeated and comma-joined values into one list: `a,b` + `c` → `[a, b, c]`. */
export function splitListParam(values: readonly string[] | undefined): string[] | undefined {
  if (!values || values.length === 0) return undefined;
  const parts = values
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v.length > 0);
  return parts.length > 0 ? parts : undefined;
}

export const WorkspaceSchema = z.looseObject({ id: z.string(), name: z.string() });
export type Workspace = z.infer<typeof WorkspaceSchema>;

export const StudioConfigSchema = z.looseObject({
  mode: z.enum(['sandbox', 'proxy']),
  workspaces: z.array(WorkspaceSchema),
  demoKeys: z.optional(
    z.array(z.looseObject({ apiKey: z.string(), workspaceIds: z.array(z.string()), label: z.optional(z.string()) })),
  ),
});
export type StudioConfig = z.infer<typeof StudioConfigSchema>;

export { USER_DEEP_LINK_APP_TYPES };
