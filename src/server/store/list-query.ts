/**
 * The one WHERE builder of the list endpoints (passes and locations): a workspace, filter terms
 * and the keyset cursor, newest first. Each filter becomes a placeholder, never text in the SQL,
 * so a list has a handful of statement shapes that the store prepares once each.
 */
import type Database from 'better-sqlite3';
import type { Statement } from 'better-sqlite3';
import type { SortKey } from './cursor';
import { likeContains } from './cursor';

/** How a filter's value matches its column: a lower-cased substring, equality, or one of a list. */
export type Match = 'contains' | 'equals' | 'oneOf';

/** Filter key → the column it searches and how; keys not listed (and `after`) are not terms. */
export type FilterColumns<F> = Partial<Record<keyof F, readonly [column: string, match: Match]>>;

export interface ListQuery {
  sql: string;
  params: unknown[];
}

/**
 * `SELECT {select} FROM {table}` of the workspace's rows matching every set filter value, after
 * the cursor's sort key (`filter.after`), newest first, one row more than `limit` (its presence
 * means `hasMore`). An undefined value, or an empty `contains` text, is no filter.
 */
export function listQuery<F extends { after?: SortKey | undefined }>(
  select: string,
  table: string,
  columns: FilterColumns<F>,
  workspaceId: string,
  filter: F,
  limit: number,
): ListQuery {
  const where = ['workspace_id = ?'];
  const params: unknown[] = [workspaceId];
  for (const [key, spec] of Object.entries(columns) as [keyof F, readonly [string, Match]][]) {
    const value = filter[key];
    if (value === undefined || value === null) continue;
    const [column, match] = spec;
    if (match === 'contains') {
      if (value === '') continue;
      where.push(`${column} LIKE ? ESCAPE '\\'`);
      params.push(likeContains(String(value).toLowerCase()));
    } else if (match === 'equals') {
      where.push(`${column} = ?`);
      params.push(value);
    } else {
      where.push(`${column} IN (SELECT value FROM json_each(?))`);
      params.push(JSON.stringify(value));
    }
  }
  const { after } = filter;
  if (after) {
    where.push('(created_time, id) < (?, ?)');
    params.push(after.createdTime, after.id);
  }
  params.push(limit + 1);
  return {
    sql: `SELECT ${select} FROM ${table} WHERE ${where.join(' AND ')} ORDER BY created_time DESC, id DESC LIMIT ?`,
    params,
  };
}

/** A page of a list and whether more rows follow. */
export interface Page<T> {
  items: T[];
  hasMore: boolean;
}

/** Pages of the list endpoints: the query `listQuery` builds, its statement prepared once per shape. */
export class ListPages {
  /** Filtered lists have a handful of shapes; each is prepared once and reused. */
  readonly #prepared = new Map<string, Statement>();

  constructor(private readonly db: Database.Database) {}

  page<Row, F extends { after?: SortKey | undefined }>(
    select: string,
    table: string,
    columns: FilterColumns<F>,
    workspaceId: string,
    filter: F,
    limit: number,
  ): Page<Row> {
    const { sql, params } = listQuery(select, table, columns, workspaceId, filter, limit);
    let statement = this.#prepared.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.#prepared.set(sql, statement);
    }
    const rows = (statement as Statement<unknown[], Row>).all(...params);
    return { items: rows.slice(0, limit), hasMore: rows.length > limit };
  }
}
