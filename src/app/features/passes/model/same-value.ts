/** Marker of list rows in the form (see form-model.ts `ROW`); never part of a comparison. */
export const ROW_MARKER = '_storedRow';

/** Equality of JSON-like values, ignoring key order, `undefined` members and null vs missing. */
export function sameValue(a: unknown, b: unknown): boolean {
  return stableJson(a) === stableJson(b);
}

function stableJson(value: unknown): string {
  return JSON.stringify(normalise(value)) ?? 'null';
}

function normalise(value: unknown): unknown {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value === 'number' && Number.isNaN(value)) return null;
  if (Array.isArray(value)) return value.map(normalise);
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      if (key === ROW_MARKER) continue;
      const item = normalise((value as Record<string, unknown>)[key]);
      if (item !== null) out[key] = item;
    }
    return out;
  }
  return value;
}
