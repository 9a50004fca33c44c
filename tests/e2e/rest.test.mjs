// Against a real json-server 0.17 (scripts/backend/json-server.mjs, the demo community
// from examples/seed_db.rs): two browsers see each other's votes and comments; a
// concurrent status change is a visible conflict, not a lost update; a vote made while
// the backend is unreachable waits in the outbox (shown) and lands once when it is back.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { createBackend } from '../../scripts/backend/json-server.mjs';
import { concurrentStatusIsAConflict, IDEA, offlineVoteLandsOnce, twoBrowsersSeeEachOther } from './shared-backend.mjs';
import { launch, startServer } from './support.mjs';

let browser, app, api, apiServer, dir;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gromada-rest-e2e-'));
  const db = join(dir, 'db.json');
  execFileSync('cargo', ['run', '--quiet', '--example', 'seed_db', '--', db], { stdio: 'inherit' });
  apiServer = await new Promise((ok) => {
    const s = createBackend(db).listen(0, '127.0.0.1', () => ok(s));
  });
  api = `http://127.0.0.1:${apiServer.address().port}`;
  browser = await launch();
  app = await startServer({
    dir: 'dist',
    connect: [api],
    overrides: { '/config.json': { body: JSON.stringify({ storage: { type: 'rest', base_url: api, refresh_s: 1 }, demo: false }) } },
  });
});

after(async () => {
  await browser?.close();
  await app?.close();
  await new Promise((ok) => (apiServer ? apiServer.close(ok) : ok()));
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const get = async (path) => (await fetch(`${api}${path}`)).json();
/** json-server's data, as the shared scenarios read it. */
const server = {
  votes: async (member) => {
    const [idea] = await get(`/ideas?title=${encodeURIComponent(IDEA)}`);
    return (await get(`/votes?idea_id=${idea.id}&voter=${encodeURIComponent(`m:${member}`)}`)).length;
  },
  comments: async (text) => (await get(`/comments?body=${encodeURIComponent(text)}`)).length,
  idea: async (title) => (await get(`/ideas?title=${encodeURIComponent(title)}`))[0],
};

test('two browsers see each other\'s votes and comments', () => twoBrowsersSeeEachOther(browser, app, server));

// B's page does not hear of A's change before B acts (its refreshes are held back).
test('a concurrent status change is a conflict, not a lost update', () =>
  concurrentStatusIsAConflict(browser, app, server, (u) => u.href.endsWith('?_sort=id')));

test('a vote made while the backend is unreachable waits, is shown, and lands once', () =>
  offlineVoteLandsOnce(browser, app, server, `${api}/**`));
