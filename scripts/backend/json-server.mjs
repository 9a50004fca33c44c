// json-server 0.17 (npm) configured as a Gromada backend: the stock router and defaults,
// plus the two rules of docs/backend.md that json-server lacks (a guard in front of its
// router, json-server's documented way to add behaviour):
//  - a POST of an id that exists is 409 (json-server would answer 500 "duplicate id");
//  - PUT/PATCH/DELETE with `If-Match: "<version>"` is refused with 412 and the stored
//    document when the stored version differs (optimistic concurrency); PUT/PATCH
//    without it is 428.
// It also exposes ETag, Retry-After and X-Total-Count to browsers on other origins.
//
// Usage: node scripts/backend/json-server.mjs --db db.json [--port 3000] [--host 127.0.0.1]
//        [--seed seed.json] [--test-reset]
// --seed copies a seed file into --db when --db does not exist yet; --test-reset adds
// POST /__reset (empties every collection; for the test suite only).
import { createRequire } from 'node:module';
import { copyFileSync, existsSync, writeFileSync } from 'node:fs';

const require = createRequire(import.meta.url);
const jsonServer = require('json-server');

export const COLLECTIONS = ['members', 'boards', 'ideas', 'votes', 'comments', 'surveys', 'responses', 'events', 'changelog', 'reports', 'modlog', 'settings'];

export function emptyDb() {
  return Object.fromEntries(COLLECTIONS.map((c) => [c, []]));
}

function versionOf(header) {
  if (header === undefined) return undefined;
  const n = Number(String(header).trim().replace(/^W\//, '').replace(/"/g, ''));
  return Number.isFinite(n) ? n : NaN;
}

export function guard(router) {
  const db = router.db;
  return (req, res, next) => {
    res.setHeader('Access-Control-Expose-Headers', 'ETag, Retry-After, X-Total-Count, Location');
    const m = req.path.match(/^\/([^/]+)(?:\/([^/]+))?\/?$/);
    if (!m || !COLLECTIONS.includes(m[1])) return next();
    const collection = m[1];
    const id = m[2] === undefined ? undefined : decodeURIComponent(m[2]);
    const find = (key) => db.get(collection).find((d) => d.id === key).value();
    if (req.method === 'POST' && id === undefined) {
      const body = req.body ?? {};
      if (typeof body.id !== 'string' || body.id === '') {
        return res.status(422).json({ error: 'a document needs a non-empty text "id" chosen by the client' });
      }
      const current = find(body.id);
      if (current) return res.status(409).json({ error: `${collection} ${body.id} already exists`, current });
      return next();
    }
    if (id !== undefined && ['PUT', 'PATCH', 'DELETE'].includes(req.method)) {
      const current = find(id);
      if (!current) return res.status(404).json({ error: `${collection} ${id} was not found` });
      const expected = versionOf(req.get('If-Match'));
      if (expected === undefined && req.method !== 'DELETE') {
        return res.status(428).json({ error: 'send If-Match: "<version>" with every change' });
      }
      if (expected !== undefined && current.version !== expected) {
        return res.status(412).json({ error: `${collection} ${id} is at version ${current.version}, not ${expected}`, current });
      }
    }
    return next();
  };
}

export function createBackend(dbFile, { testReset = false } = {}) {
  const server = jsonServer.create();
  const router = jsonServer.router(dbFile);
  // Collections missing from an older db.json are added, so every route exists.
  for (const c of COLLECTIONS) if (!router.db.has(c).value()) router.db.set(c, []).write();
  server.use(jsonServer.defaults({ logger: false, noCors: false }));
  server.use(jsonServer.bodyParser);
  if (testReset) {
    server.post('/__reset', (req, res) => {
      for (const c of COLLECTIONS) router.db.set(c, []).write();
      res.sendStatus(204);
    });
  }
  server.use(guard(router));
  server.use(router);
  return server;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const opt = (name, fallback) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : fallback;
  };
  const dbFile = opt('--db', 'db.json');
  const seed = opt('--seed');
  if (!existsSync(dbFile)) {
    if (seed) copyFileSync(seed, dbFile);
    else writeFileSync(dbFile, JSON.stringify(emptyDb(), null, 2));
  }
  const port = Number(opt('--port', 3000));
  const host = opt('--host', '127.0.0.1');
  const server = createBackend(dbFile, { testReset: args.includes('--test-reset') });
  const listener = server.listen(port, host, () => {
    console.log(`json-server (Gromada backend) at http://${host}:${listener.address().port}/ with ${dbFile}`);
  });
}
