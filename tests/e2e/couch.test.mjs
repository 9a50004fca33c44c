// Against a real CouchDB-compatible server (npm pouchdb-server, in memory) holding the
// demo community: two browsers see each other's votes and comments through the
// `_changes` feed (no reload, no polling interval); a concurrent status change is a
// visible conflict, not a lost update; a vote made while the database is unreachable
// waits in the outbox (shown) and lands once when it is back.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { freePort, loadSeed, startPouch } from '../../scripts/couch/pouch.mjs';
import { actAs, boardUrl, concurrentStatusIsAConflict, IDEA, members, offlineVoteLandsOnce, twoBrowsersSeeEachOther, votable, voteButton } from './shared-backend.mjs';
import { launch, openApp, recordingContext, startServer } from './support.mjs';

const DB = 'community';
let browser, app, couch, couchUrl, dir;

let call;
/** Documents of a collection matching `selector`, as Gromada sees them. */
const find = async (type, selector = {}) => (await call('POST', `${DB}/_find`, { selector: { type, ...selector }, limit: 100000 })).docs;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gromada-couch-e2e-'));
  couch = await startPouch({ dir, port: await freePort() });
  couchUrl = couch.url;
  call = couch.call;
  execFileSync('node', ['scripts/couch/setup.mjs', '--url', couchUrl, '--db', DB], { stdio: 'inherit' });
  // The demo community (the same generator as the other e2e suites), loaded in bulk.
  const seed = join(dir, 'db.json');
  execFileSync('cargo', ['run', '--quiet', '--example', 'seed_db', '--', seed], { stdio: 'inherit' });
  await loadSeed(call, DB, seed);
  browser = await launch();
  app = await startServer({
    dir: 'dist',
    connect: [couchUrl],
    overrides: { '/config.json': { body: JSON.stringify({ storage: { type: 'couch', base_url: couchUrl, database: DB }, demo: false }) } },
  });
});

after(async () => {
  await browser?.close();
  await app?.close();
  couch?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const changesFeed = (u) => u.pathname.endsWith('/_changes');
/** The database's data, as the shared scenarios read it. */
const server = {
  votes: async (member) => {
    const [idea] = await find('ideas', { title: IDEA });
    return (await find('votes', { idea_id: idea.id, voter: `m:${member}` })).length;
  },
  comments: async (text) => (await find('comments', { body: text })).length,
  idea: async (title) => (await find('ideas', { title }))[0],
};

test('two browsers see each other\'s votes and comments through the changes feed', () =>
  twoBrowsersSeeEachOther(browser, app, server, {
    // B follows the feed (a longpoll is open) before A acts.
    following: (context) => new Promise((ok) => {
      context.on('request', (r) => { if (changesFeed(new URL(r.url())) && r.url().includes('feed=longpoll')) ok(); });
    }),
    checkVote: async (member) => {
      const [idea] = await find('ideas', { title: IDEA });
      const [vote] = await find('votes', { idea_id: idea.id, voter: `m:${member}` });
      assert.equal(vote._id, `votes:vote:${idea.id}:m:${member}`, 'a meaningful, collision-safe id');
    },
  }));

// B does not hear of A's change before acting (its feed is held back).
test('the board lists from the tally view and the viewer\'s own votes, never every vote', async () => {
  const { context, problems } = await recordingContext(browser);
  const reads = [];
  context.on('request', (r) => {
    if (r.url().startsWith(couchUrl)) reads.push(`${r.method()} ${new URL(r.url()).pathname} ${r.postData() ?? ''}`);
  });
  const page = await openApp(context, boardUrl(app));
  const [member] = await members(page);
  await actAs(page, member);
  await votable(page);
  assert.ok(reads.some((r) => r.includes('/_view/board_tally')), reads.join('\n'));
  const voteReads = reads.filter((r) => r.includes('/_find') && r.includes('"type":"votes"'));
  assert.ok(voteReads.length > 0 && voteReads.every((r) => r.includes('"voter"')), `votes are read only per voter:\n${voteReads.join('\n')}`);
  assert.ok(voteReads.some((r) => r.includes(`m:${member}`)), 'the member\'s own votes are read after the switch');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a concurrent status change is a conflict, not a lost update', () =>
  concurrentStatusIsAConflict(browser, app, server, changesFeed));

test('a vote made while the database is unreachable waits, is shown, and lands once', () =>
  offlineVoteLandsOnce(browser, app, server, `${couchUrl}/**`));

// Last: it ends pouchdb-server's "admin party", so the rules judge every write.
test('with a CouchDB session the app acts as that member; the server refuses acting as another', async () => {
  const basic = `Basic ${Buffer.from('admin:s3cret').toString('base64')}`;
  await call('PUT', '_config/admins/admin', 's3cret');
  const { context, problems } = await recordingContext(browser);
  const page = await openApp(context, boardUrl(app));
  const [me, other] = await members(page);
  const res = await fetch(`${couchUrl}/_users/org.couchdb.user:${me}`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json', Authorization: basic },
    body: JSON.stringify({ name: me, password: 'pw', roles: [], type: 'user' }),
  });
  assert.equal(res.status, 201, await res.text());
  // The brand's site signs the member in (here: the page itself, as such a site would).
  await page.evaluate(async ([url, name]) => {
    const r = await fetch(`${url}/_session`, { method: 'POST', credentials: 'include', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ name, password: 'pw' }) });
    if (!r.ok) throw new Error(await r.text());
  }, [couchUrl, me]);
  await page.reload();
  await page.waitForFunction((m) => document.querySelector('.g-role-switcher select')?.value === m, me, { timeout: 10_000 });
  // Voting as oneself lands.
  await votable(page);
  const pressed = (await voteButton(page).getAttribute('aria-pressed')) === 'true';
  await voteButton(page).click();
  await page.waitForFunction(([t, p]) => document.querySelector(`button[aria-label^="Vote for “${t}”"]`)?.getAttribute('aria-pressed') === String(!p) && document.querySelector(`button[aria-label^="Vote for “${t}”"]`)?.getAttribute('aria-busy') !== 'true', [IDEA, pressed]);
  const [idea] = await find('ideas', { title: IDEA });
  assert.equal((await find('votes', { idea_id: idea.id, voter: `m:${me}` })).length, pressed ? 0 : 1);
  // Acting as another member in the demo switcher does not fool the server.
  await actAs(page, other);
  await votable(page);
  const theirs = (await find('votes', { idea_id: idea.id, voter: `m:${other}` })).length;
  await voteButton(page).click();
  await page.getByText(/members may only add and remove their own votes/).first().waitFor({ timeout: 10_000 });
  assert.equal((await find('votes', { idea_id: idea.id, voter: `m:${other}` })).length, theirs, 'nothing written for the other member');
  // Expected: requests cut short by the reload, and the server's refusal itself.
  const expected = (p) => p.includes('net::ERR_ABORTED') || p.includes('Failed to load resource') || p.startsWith(`HTTP 403 for ${couchUrl}/${DB}/votes%3A`);
  assert.deepEqual(problems.filter((p) => !expected(p)), []);
  await context.close();
});
