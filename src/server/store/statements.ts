/**
 * The sandbox store's fixed statements, prepared once per connection. (Filtered lists have
 * their own few shapes, built by list-query.ts and prepared on first use.)
 */
import type Database from 'better-sqlite3';
import type { LocationRow, PassRow } from './rows';
import { LOCATION_COLUMNS, PASS_COLUMNS } from './rows';

export type Statements = ReturnType<typeof prepareStatements>;

export function prepareStatements(db: Database.Database) {
  return {
    passById: db.prepare<[string, string], PassRow>(
      `SELECT ${PASS_COLUMNS} FROM passes WHERE id = ? AND workspace_id = ?`,
    ),
    passesByIds: db.prepare<[string, string], PassRow>(
      `SELECT ${PASS_COLUMNS} FROM passes WHERE workspace_id = ? AND id IN (SELECT value FROM json_each(?))`,
    ),
    passBySlug: db.prepare<[string], PassRow>(`SELECT ${PASS_COLUMNS} FROM passes WHERE slug = ?`),
    passIdByNameKey: db.prepare<[string, string], { id: string }>(
      'SELECT id FROM passes WHERE workspace_id = ? AND pass_name_key = ?',
    ),
    passIdBySlug: db.prepare<[string], { id: string }>('SELECT id FROM passes WHERE slug = ?'),
    insertPass: db.prepare(
      `INSERT INTO passes (id, workspace_id, account_id, pass_name, pass_name_key, pass_name_lower, status, slug,
         google_pass_link, doc, apple_issued, google_issued, apple_active, google_active,
         created_time, updated_time, created_by, updated_by)
       VALUES (@id, @workspaceId, @accountId, @passName, @nameKey, @nameLower, @status, @slug,
         @googlePassLink, @doc, @appleIssued, @googleIssued, @appleActive, @googleActive,
         @createdTime, @updatedTime, @createdBy, @updatedBy)`,
    ),
    updatePass: db.prepare(
      `UPDATE passes SET pass_name = @passName, pass_name_key = @nameKey, pass_name_lower = @nameLower,
         status = @status, slug = @slug, doc = @doc, updated_time = @updatedTime, updated_by = @updatedBy
       WHERE id = @id AND workspace_id = @workspaceId`,
    ),
    deletePass: db.prepare<[string, string]>('DELETE FROM passes WHERE id = ? AND workspace_id = ?'),
    publishedCounts: db.prepare<
      [],
      Pick<PassRow, 'id' | 'workspace_id' | 'apple_issued' | 'google_issued' | 'apple_active' | 'google_active'>
    >(
      `SELECT id, workspace_id, apple_issued, google_issued, apple_active, google_active FROM passes WHERE status = 'Published'`,
    ),
    updateCounts: db.prepare(
      `UPDATE passes SET apple_issued = @appleIssued, google_issued = @googleIssued,
         apple_active = @appleActive, google_active = @googleActive WHERE id = @id`,
    ),
    locationById: db.prepare<[string, string], LocationRow>(
      `SELECT ${LOCATION_COLUMNS} FROM locations WHERE id = ? AND workspace_id = ?`,
    ),
    locationsOfPass: db.prepare<[string], LocationRow>(
      `SELECT ${LOCATION_COLUMNS} FROM locations WHERE pass_id = ? ORDER BY created_time, id`,
    ),
    locationsOfPasses: db.prepare<[string], LocationRow>(
      `SELECT ${LOCATION_COLUMNS} FROM locations WHERE pass_id IN (SELECT value FROM json_each(?))
       ORDER BY created_time, id`,
    ),
    countLocationsOfPass: db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM locations WHERE pass_id = ?'),
    insertLocation: db.prepare(
      `INSERT INTO locations (id, workspace_id, pass_id, name, name_lower, doc, created_time, updated_time, created_by, updated_by)
       VALUES (@id, @workspaceId, @passId, @name, @nameLower, @doc, @createdTime, @updatedTime, @createdBy, @updatedBy)`,
    ),
    replaceLocation: db.prepare(
      `UPDATE locations SET name = @name, name_lower = @nameLower, doc = @doc, updated_time = @updatedTime,
         updated_by = @updatedBy WHERE id = @id AND workspace_id = @workspaceId`,
    ),
    deleteLocation: db.prepare<[string, string]>('DELETE FROM locations WHERE id = ? AND workspace_id = ?'),
    insertUpload: db.prepare(
      `INSERT INTO uploads (key, workspace_id, png, width, height, created_time)
       VALUES (@key, @workspaceId, @png, @width, @height, @createdTime)`,
    ),
    uploadPng: db.prepare<[string], { png: Buffer }>('SELECT png FROM uploads WHERE key = ?'),
    uploadInWorkspace: db.prepare<[string, string], { key: string }>(
      'SELECT key FROM uploads WHERE key = ? AND workspace_id = ?',
    ),
  };
}
