/**
 * The sandbox database's tables. Passes and locations keep the columns the API filters, sorts or
 * counts on, and everything else of the object as JSON (`doc`), so keys the real API adds (or the
 * dashboard sends) survive a round trip without a migration.
 */
/** 2: pass link slugs are unique across the database (a unique index on `slug`). */
export const SCHEMA_VERSION = 2;

export const SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS workspaces (
  id          TEXT PRIMARY KEY,
  name        TEXT NOT NULL,
  account_id  TEXT NOT NULL,
  position    INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS api_keys (
  api_key   TEXT PRIMARY KEY,
  label     TEXT NOT NULL,
  user_id   TEXT NOT NULL,
  position  INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS api_key_workspaces (
  api_key       TEXT NOT NULL REFERENCES api_keys(api_key) ON DELETE CASCADE,
  workspace_id  TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  position      INTEGER NOT NULL,
  PRIMARY KEY (api_key, workspace_id)
);

CREATE TABLE IF NOT EXISTS uploads (
  key           TEXT PRIMARY KEY,
  workspace_id  TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  png           BLOB NOT NULL,
  width         INTEGER NOT NULL,
  height        INTEGER NOT NULL,
  created_time  TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS uploads_by_workspace ON uploads (workspace_id);

CREATE TABLE IF NOT EXISTS passes (
  id                TEXT PRIMARY KEY,
  workspace_id      TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  account_id        TEXT NOT NULL,
  pass_name         TEXT NOT NULL,
  -- trimmed + lower-cased: names are unique per workspace regardless of case and spacing
  pass_name_key     TEXT NOT NULL,
  -- lower-cased (JavaScript rules, so not only ASCII): the case-insensitive 'query' search
  pass_name_lower   TEXT NOT NULL,
  status            TEXT NOT NULL,
  slug              TEXT NOT NULL,
  google_pass_link  TEXT NOT NULL,
  doc               TEXT NOT NULL,
  apple_issued      INTEGER NOT NULL DEFAULT 0,
  google_issued     INTEGER NOT NULL DEFAULT 0,
  apple_active      INTEGER NOT NULL DEFAULT 0,
  google_active     INTEGER NOT NULL DEFAULT 0,
  created_time      TEXT NOT NULL,
  updated_time      TEXT NOT NULL,
  created_by        TEXT NOT NULL,
  updated_by        TEXT NOT NULL,
  UNIQUE (workspace_id, pass_name_key),
  UNIQUE (workspace_id, slug)
);
-- The list's keyset pagination walks this index backwards (newest first).
CREATE INDEX IF NOT EXISTS passes_by_workspace_time ON passes (workspace_id, created_time, id);
-- The workspace totals (/studio/workspaces/{id}/summary) read only this index, never the rows
-- with their JSON: about ten times faster at 5,000 passes.
CREATE INDEX IF NOT EXISTS passes_counts_by_workspace
  ON passes (workspace_id, status, apple_issued, google_issued, apple_active, google_active);
-- Pass links are global (one link domain for every workspace): a slug names one pass.
CREATE UNIQUE INDEX IF NOT EXISTS passes_by_unique_slug ON passes (slug);

CREATE TABLE IF NOT EXISTS locations (
  id            TEXT PRIMARY KEY,
  workspace_id  TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  pass_id       TEXT NOT NULL REFERENCES passes(id) ON DELETE CASCADE,
  name          TEXT NOT NULL,
  name_lower    TEXT NOT NULL,
  doc           TEXT NOT NULL,
  created_time  TEXT NOT NULL,
  updated_time  TEXT NOT NULL,
  created_by    TEXT NOT NULL,
  updated_by    TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS locations_by_workspace_time ON locations (workspace_id, created_time, id);
CREATE INDEX IF NOT EXISTS locations_by_pass ON locations (pass_id, created_time, id);
`;
