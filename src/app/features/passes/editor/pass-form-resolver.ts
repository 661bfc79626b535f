/**
 * The editor's resolver: the form's values checked with the editor's schema, each problem placed
 * at its field path (the first message of a path wins, as the form shows one per field). Written
 * for this one zod/mini schema, so the editor does not load a resolver for every zod version.
 */
import { toNestErrors, validateFieldsNatively } from '@hookform/resolvers';
import type { FieldError, FieldErrors, Resolver } from 'react-hook-form';
import type * as z from 'zod/mini';
import type { PassFormValues } from '../model/form-model';

export function passFormResolver(schema: z.ZodMiniType<PassFormValues, PassFormValues>): Resolver<PassFormValues> {
  return async (values, _context, options) => {
    const result = await schema.safeParseAsync(values);
    if (result.success) {
      if (options.shouldUseNativeValidation) validateFieldsNatively({}, options);
      return { values: result.data, errors: {} };
    }
    const byPath: Record<string, FieldError> = {};
    for (const issue of result.error.issues) {
      const path = issue.path.join('.');
      byPath[path] ??= { message: issue.message, type: issue.code };
    }
    return { values: {}, errors: toNestErrors(byPath, options) as FieldErrors<PassFormValues> };
  };
}
