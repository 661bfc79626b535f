/**
 * Page cursors: base64url of the last item's sort key (`created_time`, `id`). Opaque to clients,
 * stable under inserts and deletes (keyset pagination, not offsets).
 */
export interface SortKey {
  createdTime: string;
  id: string;
}

export function encodeCursor(key: SortKey): string {
  return Buffer.from(JSON.stringify([key.createdTime, key.id])).toString('base64url');
}

/** The sort key inside a cursor, or null when the text is not a cursor this server wrote. */
export function decodeCursor(cursor: string): SortKey | null {
  if (cursor.length > 512 || !/^[A-Za-z0-9_-]+$/.test(cursor)) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && typeof value[1] === 'string') {
      return { createdTime: value[0], id: value[1] };
    }
  } catch {
    // Falls through: not JSON, so not ours.
  }
  return null;
}

/** `%`, `_` and the escape character itself match literally in a `LIKE ... ESCAPE '\'` pattern. */
export function likeContains(text: string): string {
  return `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}
