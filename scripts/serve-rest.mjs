// `./x serve-rest`: json-server (scripts/backend/json-server.mjs) with the demo community
// in .tools/json-server/db.json (created on first use; delete it to start over), and the
// app served with config.json pointing at it and `connect-src` allowing it.
// Usage: node scripts/serve-rest.mjs [--dir dist] [--port 8080] [--api-port 3000]
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { createBackend } from './backend/json-server.mjs';
import { startServer } from './serve.mjs';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const dir = '.tools/json-server';
const db = `${dir}/db.json`;
if (!existsSync(db)) {
  mkdirSync(dir, { recursive: true });
  execFileSync('cargo', ['run', '--quiet', '--example', 'seed_db', '--', db], { stdio: 'inherit' });
}
const apiPort = Number(opt('api-port', 3000));
const api = `http://127.0.0.1:${apiPort}`;
await new Promise((ok) => createBackend(db).listen(apiPort, '127.0.0.1', ok));
const config = { storage: { type: 'rest', base_url: api, refresh_s: 5 }, demo: false };
const { url } = await startServer({
  dir: opt('dir', 'dist'),
  port: Number(opt('port', process.env.PORT || 8080)),
  connect: [api],
  overrides: { '/config.json': { body: JSON.stringify(config) } },
});
console.log(`json-server (the data) at ${api}/  ·  ${db}`);
console.log(`Gromada is being served at ${url}  (Ctrl+C to stop; open it in two browsers to see each other's changes)`);
