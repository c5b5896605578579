// The floor for single-mention POSTs: a bare Hono route doing one raw better-sqlite3 insert per
// request (WAL, synchronous=NORMAL), on the same HTTP server library Baton uses.
import { serve } from '@hono/node-server';
import Database from 'better-sqlite3';
import { Hono } from 'hono';

const db = new Database(process.argv[2] ?? ':memory:');
db.pragma('journal_mode = WAL');
db.pragma('synchronous = NORMAL');
db.exec('create table if not exists mentions (id text primary key, body text not null)');
const insert = db.prepare('insert or ignore into mentions (id, body) values (?, ?)');
const app = new Hono();
app.post('/api/mentions', async (c) => {
  const body = await c.req.json<{ id: string }>();
  insert.run(body.id, JSON.stringify(body));
  return c.json({ results: [{ id: body.id, status: 'stored' }] });
});
const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => console.log(`PORT ${info.port}`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
