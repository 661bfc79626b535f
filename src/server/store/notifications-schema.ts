/**
 * The notifications table: created by the notification store when it opens (IF NOT EXISTS, so an
 * existing database gains it without a schema version of its own). Columns for what the API
 * filters and sorts on and what delivery moves along; unknown keys of a request in `doc`.
 */
export const NOTIFICATIONS_SQL = `
CREATE TABLE IF NOT EXISTS notifications (
  id              TEXT PRIMARY KEY,
  workspace_id    TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  account_id      TEXT NOT NULL,
  pass_id         TEXT NOT NULL REFERENCES passes(id) ON DELETE CASCADE,
  name            TEXT NOT NULL,
  name_lower      TEXT NOT NULL,
  message         TEXT NOT NULL,
  status          TEXT NOT NULL,
  scheduled_time  TEXT,
  -- ms: the slot of a Scheduled one, the start of a Processing one; null otherwise
  due_ms          INTEGER,
  sent_time       TEXT,
  apple_sent      INTEGER NOT NULL DEFAULT 0,
  google_sent     INTEGER NOT NULL DEFAULT 0,
  -- drives the simulated outcome and stats, so both read the same after a restart
  seed            INTEGER NOT NULL,
  doc             TEXT NOT NULL,
  created_time    TEXT NOT NULL,
  updated_time    TEXT NOT NULL,
  created_by      TEXT NOT NULL,
  updated_by      TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS notifications_by_workspace_time ON notifications (workspace_id, created_time, id);
CREATE INDEX IF NOT EXISTS notifications_by_pass ON notifications (pass_id, sent_time);
CREATE INDEX IF NOT EXISTS notifications_due ON notifications (status, due_ms);
`;
