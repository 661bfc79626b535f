import type { FieldErrors, Path } from 'react-hook-form';
import type { PassFormValues } from '../model/form-model';

const FORM_PATH = /^(passName|notificationHeader|passLinkSlug|passMetadata|locations|images)(\.|$)/;

/** A path from outside the form (an error, a check, the API) that names one of its fields. */
export function isFormPath(path: string): path is Path<PassFormValues> {
  return FORM_PATH.test(path);
}

export interface Problem {
  path: Path<PassFormValues>;
  message: string;
}

/** Flattens react-hook-form errors into `path → message`, in form order. */
export function flattenErrors(errors: FieldErrors, prefix = ''): Problem[] {
  const problems: Problem[] = [];
  for (const [key, value] of Object.entries(errors)) {
    if (!value || key === 'ref' || (key === 'root' && !prefix)) continue;
    // A list's own error (e.g. too many locations) sits under `root`: report it on the list.
    const path = key === 'root' ? prefix : prefix ? `${prefix}.${key}` : key;
    const message = (value as { message?: unknown }).message;
    if (typeof message === 'string' && message) {
      if (isFormPath(path)) problems.push({ path, message });
    } else if (typeof value === 'object') problems.push(...flattenErrors(value as FieldErrors, path));
  }
  return problems;
}
