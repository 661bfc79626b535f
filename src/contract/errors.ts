/** Turning validation issues into the Passport error body's `context` (field path → message). */

export interface IssueLike {
  readonly path: readonly PropertyKey[];
  readonly message: string;
}

/** `["passMetadata", "secondaryFields", 0, "key"]` → `"passMetadata.secondaryFields.0.key"`. */
export function issuePath(path: readonly PropertyKey[]): string {
  return path.map((p) => String(p)).join('.');
}

/** One `context` entry per offending field path; the first message for a path wins. */
export function issuesToContext(issues: readonly IssueLike[], prefix?: string): Record<string, string> {
  const context: Record<string, string> = {};
  for (const issue of issues) {
    const key = [prefix, issuePath(issue.path)].filter((p) => p !== undefined && p !== '').join('.') || 'body';
    context[key] ??= issue.message;
  }
  return context;
}
