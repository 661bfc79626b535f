// The API floor: the least a Hono + better-sqlite3 server can do for the two figures. The same
// pass JSON as the sandbox answers (read from the file given as argv[2]) in one SQLite table,
// the api-key checked against a set, pages of 20 and reads by id as prepared statements that
// return the stored text. No validation, no views, no caches: plain JavaScript in plain Node,
// as the sandbox runs. Prints its port once listening.
import { readFileSync } from 'node:fs';
import { serve } from '@hono/node-server';
import Database from 'better-sqlite3';
import { Hono } from 'hono';

const { apiKey, passes } = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const db = new Database(':memory:');
db.pragma('journal_mode = WAL');
db.exec('CREATE TABLE passes (seq INTEGER PRIMARY KEY, id TEXT UNIQUE NOT NULL, json TEXT NOT NULL)');
const insert = db.prepare('INSERT INTO passes (id, json) VALUES (?, ?)');
db.transaction(() => {
  for (const pass of passes) insert.run(pass.id, JSON.stringify(pass));
})();
const page = db.prepare('SELECT seq, json FROM passes WHERE seq > ? ORDER BY seq LIMIT ?').raw();
const byId = db.prepare('SELECT json FROM passes WHERE id = ?').pluck();
const keys = new Set([apiKey]);
const json = { 'Content-Type': 'application/json' };

const app = new Hono();
app.use('/v1/*', async (c, next) => {
  if (!keys.has(c.req.header('api-key') ?? '')) return c.json({ errorCode: 'FORBIDDEN' }, 403);
  return next();
});
app.get('/v1/wallet-pass', (c) => {
  const limit = Math.min(20, Number(c.req.query('limit') ?? 20));
  const rows = page.all(Number(c.req.query('cursor') ?? 0), limit + 1);
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return c.body(
    `{"items":[${items.map((r) => r[1]).join(',')}],"cursor":"${last ? last[0] : ''}","hasMore":${rows.length > limit}}`,
    200,
    json,
  );
});
app.get('/v1/wallet-pass/:id', (c) => {
  const found = byId.get(c.req.param('id'));
  return found ? c.body(`[${found}]`, 200, json) : c.json({ errorCode: 'NOT_FOUND' }, 404);
});

const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => console.log(String(info.port)));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
