// The fault run of rest-faults.test.mjs against the CouchDB store: the app talks to
// pouchdb-server (CouchDB's API, the demo community loaded) through the fault proxy of
// faults.mjs, which fails a share of every request (writes, Mango queries, the tally
// view, the changes feed) while a member performs 200 operations in Chromium; then the
// proxy heals and the database must hold exactly what the member saw.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { freePort, loadSeed, startPouch } from '../../scripts/couch/pouch.mjs';
import { faultRun } from './fault-run.mjs';
import { startFaultProxy } from './faults.mjs';
import { DEMO_BOARD, launch, startServer } from './support.mjs';

const OPERATIONS = 200;
const DB = 'community';
let browser, app, couch, proxy, dir;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gromada-couch-faults-e2e-'));
  couch = await startPouch({ dir, port: await freePort() });
  execFileSync('node', ['scripts/couch/setup.mjs', '--url', couch.url, '--db', DB], { stdio: 'inherit' });
  const seed = join(dir, 'db.json');
  execFileSync('cargo', ['run', '--quiet', '--example', 'seed_db', '--', seed], { stdio: 'inherit' });
  await loadSeed(couch.call, DB, seed);
  proxy = await startFaultProxy(couch.url, { seed: Number(process.env.GROMADA_FAULT_SEED ?? 2026), share: 0.4, holdMs: 1500 });
  browser = await launch();
  const config = { storage: { type: 'couch', base_url: proxy.url, database: DB, timeout_ms: 1000 }, demo: false };
  app = await startServer({ dir: 'dist', connect: [proxy.url], overrides: { '/config.json': { body: JSON.stringify(config) } } });
});

after(async () => {
  await browser?.close();
  await app?.close();
  await proxy?.close();
  couch?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Documents of a collection matching `selector`, read from pouchdb-server directly. */
const find = async (type, selector = {}) =>
  (await couch.call('POST', `${DB}/_find`, { selector: { type, ...selector }, limit: 100000 })).docs;
const byId = (a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const server = {
  slowMode: async (slowMode) => {
    const [board] = await find('boards', { slug: DEMO_BOARD });
    const updated = { ...board, settings: { ...board.settings, slow_mode: slowMode }, version: board.version + 1 };
    const saved = await couch.call('PUT', `${DB}/${encodeURIComponent(board._id)}`, updated);
    assert.ok(saved.ok, `slow mode set: ${JSON.stringify(saved)}`);
    return board.id;
  },
  firstOpenIdea: async () => (await find('ideas', { status_id: 'open' })).sort(byId)[0].id,
  firstSurvey: async () => (await find('surveys')).sort(byId)[0],
  responses: (survey, member) => find('responses', { survey_id: survey, respondent: member }),
  ideasTitled: (title) => find('ideas', { title }),
  votes: (idea, voter) => find('votes', { idea_id: idea, voter }),
  commentsWithBody: (body) => find('comments', { body }),
  commentsBy: (author) => find('comments', { author }),
  ideasOfBoard: (board) => find('ideas', { board_id: board }),
};

// GROMADA_FAULT_SEED=N replays the proxy with another seed.
test(`${OPERATIONS} operations on CouchDB under faults: nothing lost, nothing twice`, { timeout: 600_000 }, () =>
  faultRun({ browser, app, proxy, server, operations: OPERATIONS }));
