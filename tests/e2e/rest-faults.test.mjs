// Fault injection: the app talks to json-server through a proxy that fails a share of
// requests in every way a network and a server can (tests/e2e/faults.mjs). A member
// performs 200 random operations in Chromium (votes, unvotes, comments, new ideas and
// survey answers, from four tabs sharing one outbox) while faults come and go; then the
// proxy heals and json-server must hold exactly what the member saw: nothing lost,
// nothing twice, nothing the page said was refused; the UI agrees after a reload.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { createBackend } from '../../scripts/backend/json-server.mjs';
import { faultRun } from './fault-run.mjs';
import { startFaultProxy } from './faults.mjs';
import { DEMO_BOARD, launch, startServer } from './support.mjs';

const OPERATIONS = 200;
let browser, app, api, apiServer, proxy, dir;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gromada-faults-e2e-'));
  const db = join(dir, 'db.json');
  execFileSync('cargo', ['run', '--quiet', '--example', 'seed_db', '--', db], { stdio: 'inherit' });
  apiServer = await new Promise((ok) => {
    const s = createBackend(db).listen(0, '127.0.0.1', () => ok(s));
  });
  api = `http://127.0.0.1:${apiServer.address().port}`;
  proxy = await startFaultProxy(api, { seed: Number(process.env.GROMADA_FAULT_SEED ?? 2026), share: 0.4, holdMs: 1500 });
  browser = await launch();
  const config = { storage: { type: 'rest', base_url: proxy.url, timeout_ms: 1000, refresh_s: 15 }, demo: false };
  app = await startServer({ dir: 'dist', connect: [proxy.url], overrides: { '/config.json': { body: JSON.stringify(config) } } });
});

after(async () => {
  await browser?.close();
  await app?.close();
  await proxy?.close();
  await new Promise((ok) => (apiServer ? apiServer.close(ok) : ok()));
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const get = async (path) => (await fetch(`${api}${path}`)).json();
const q = encodeURIComponent;
/** json-server's data, read directly. */
const server = {
  slowMode: async (slowMode) => {
    const [board] = await get(`/boards?slug=${DEMO_BOARD}`);
    const patched = await fetch(`${api}/boards/${board.id}`, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json', 'If-Match': `"${board.version}"` },
      body: JSON.stringify({ settings: { ...board.settings, slow_mode: slowMode }, version: board.version + 1 }),
    });
    assert.ok(patched.ok, `slow mode set: ${patched.status}`);
    return board.id;
  },
  firstOpenIdea: async () => (await get('/ideas?status_id=open&_sort=id'))[0].id,
  firstSurvey: async () => (await get('/surveys?_sort=id'))[0],
  responses: (survey, member) => get(`/responses?survey_id=${q(survey)}&respondent=${q(member)}`),
  ideasTitled: (title) => get(`/ideas?title=${q(title)}`),
  votes: (idea, voter) => get(`/votes?idea_id=${q(idea)}&voter=${q(voter)}`),
  commentsWithBody: (text) => get(`/comments?body=${q(text)}`),
  commentsBy: (author) => get(`/comments?author=${q(author)}`),
  ideasOfBoard: (board) => get(`/ideas?board_id=${q(board)}`),
};

// GROMADA_FAULT_SEED=N replays the proxy with another seed.
test(`${OPERATIONS} operations under faults: nothing lost, nothing twice`, { timeout: 600_000 }, () =>
  faultRun({ browser, app, proxy, server, operations: OPERATIONS }));
