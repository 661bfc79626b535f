/**
 * One value of a merge unit as a marketer reads it, for the conflict dialog's side-by-side choice:
 * texts as written, fields as "LABEL: value", locations and links by name, images as kept or none.
 */
export function describeUnitValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '(empty)';
  if (typeof value === 'string') return `“${value}”`;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.length === 0 ? '(none)' : value.map(describeItem).join(' · ');
  return describeItem(value);
}

function describeItem(item: unknown): string {
  if (item === null || typeof item !== 'object') return String(item ?? '');
  const record = item as Record<string, unknown>;
  if ('label' in record || 'value' in record) {
    const value = Array.isArray(record.value)
      ? record.value.map((part) => describeItem(part)).join(', ')
      : String(record.value ?? '');
    return `${String(record.label ?? '')}: ${value}`;
  }
  if (typeof record.name === 'string') return record.name || '(unnamed)';
  if (typeof record.text === 'string') return record.link ? `${record.text} (${String(record.link)})` : record.text;
  return JSON.stringify(record);
}
