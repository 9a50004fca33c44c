// `./x serve-couch`: pouchdb-server (CouchDB's HTTP API, in memory) with the design
// document installed by scripts/couch/setup.mjs and the demo community loaded, and the
// app served with config.json pointing at it and `connect-src` allowing it. The data
// lives as long as this process (pouchdb-server runs in memory).
// Usage: node scripts/serve-couch.mjs [--dir dist] [--port 8080] [--couch-port 5984]
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadSeed, startPouch } from './couch/pouch.mjs';
import { startServer } from './serve.mjs';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const dir = '.tools/pouchdb';
mkdirSync(dir, { recursive: true });
const db = 'gromada';
const couch = await startPouch({ dir, port: Number(opt('couch-port', 5984)) });
process.on('exit', couch.stop);
process.on('SIGINT', () => process.exit(0));
process.on('SIGTERM', () => process.exit(0));
execFileSync('node', ['scripts/couch/setup.mjs', '--url', couch.url, '--db', db], { stdio: 'inherit' });
const seed = join(dir, 'seed.json');
execFileSync('cargo', ['run', '--quiet', '--example', 'seed_db', '--', seed], { stdio: 'inherit' });
console.log(`loaded ${await loadSeed(couch.call, db, seed)} demo documents`);
const config = { storage: { type: 'couch', base_url: couch.url, database: db }, demo: false };
const { url } = await startServer({
  dir: opt('dir', 'dist'),
  port: Number(opt('port', process.env.PORT || 8080)),
  connect: [couch.url],
  overrides: { '/config.json': { body: JSON.stringify(config) } },
});
console.log(`pouchdb-server (the data, in memory) at ${couch.url}/_utils  ·  database ${db}`);
console.log(`Gromada is being served at ${url}  (Ctrl+C to stop; open it in two browsers to see each other's changes live)`);
