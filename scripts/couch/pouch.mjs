// A local CouchDB-compatible server for development and tests: npm pouchdb-server in
// memory (it writes its log and config into `dir`, never into the repo), with CORS
// opened for the app, and the demo community loaded in bulk.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

/** A TCP port free on 127.0.0.1 just now (for a server started next). */
export const freePort = () => new Promise((ok) => {
  const s = createServer().listen(0, '127.0.0.1', () => {
    const { port } = s.address();
    s.close(() => ok(port));
  });
});

/** Starts pouchdb-server on 127.0.0.1:`port`; resolves when it answers. */
export async function startPouch({ dir, port }) {
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(
    resolve('node_modules/.bin/pouchdb-server'),
    ['--in-memory', '--no-stdout-logs', '--port', String(port), '--config', resolve(dir, 'config.json')],
    { cwd: dir, stdio: 'ignore' },
  );
  let failed = null;
  child.on('error', (e) => { failed = e; });
  for (let i = 0; ; i++) {
    if (failed) throw new Error(`pouchdb-server did not start: ${failed.message} (run ./x setup)`);
    try { await fetch(url); break; } catch { /* not yet */ }
    if (i > 300) throw new Error('pouchdb-server did not answer within 30 s');
    await new Promise((ok) => setTimeout(ok, 100));
  }
  const call = async (method, path, body) => {
    const res = await fetch(`${url}/${path}`, {
      method,
      headers: { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = await res.json();
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  };
  // The app talks to it cross-origin, with credentials (the session cookie).
  await call('PUT', '_config/httpd/enable_cors', 'true');
  await call('PUT', '_config/cors/origins', '*');
  await call('PUT', '_config/cors/credentials', 'true');
  return { url, call, stop: () => child.kill() };
}

/** Loads a seed (`{ideas: [...], votes: [...], …}`, as examples/seed_db.rs writes it)
 *  into database `db` as Gromada's CouchDB store files documents. */
export async function loadSeed(call, db, seedPath) {
  const data = JSON.parse(readFileSync(seedPath, 'utf8'));
  let count = 0;
  for (const [type, items] of Object.entries(data)) {
    if (!Array.isArray(items) || items.length === 0) continue;
    for (let i = 0; i < items.length; i += 5000) {
      const docs = items.slice(i, i + 5000).map((d) => ({ _id: `${type}:${d.id}`, type, ...d }));
      const result = await call('POST', `${db}/_bulk_docs`, { docs });
      const bad = result.filter((r) => !r.ok);
      if (bad.length) throw new Error(`${type}: ${bad.length} documents refused, e.g. ${JSON.stringify(bad[0])}`);
      count += docs.length;
    }
  }
  return count;
}
