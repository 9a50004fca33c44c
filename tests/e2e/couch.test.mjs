// Against a real CouchDB-compatible server (npm pouchdb-server, in memory) holding the
// demo community: two browsers see each other's votes and comments through the
// `_changes` feed (no reload, no polling interval); a concurrent status change is a
// visible conflict, not a lost update; a vote made while the database is unreachable
// waits in the outbox (shown) and lands once when it is back.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { loadSeed, startPouch } from '../../scripts/couch/pouch.mjs';
import { axeSerious, DEMO_BOARD, launch, openApp, recordingContext, startServer } from './support.mjs';

const DB = 'community';
let browser, app, couch, couchUrl, dir;

const freePort = () => new Promise((ok) => {
  const s = createServer().listen(0, '127.0.0.1', () => {
    const { port } = s.address();
    s.close(() => ok(port));
  });
});

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

const actAs = (page, id) => page.locator('.g-role-switcher select').selectOption(id);
const members = async (page) => {
  await page.waitForFunction(() => document.querySelectorAll('.g-role-switcher option').length > 3);
  return page.locator('.g-role-switcher option').evaluateAll((os) => os.map((o) => o.value).filter((v) => v && !['m-marta', 'm-piotr'].includes(v)));
};
const IDEA = 'Export energy usage to CSV';
const voteButton = (page) => page.locator(`button[aria-label^="Vote for “${IDEA}”"]`).first();
const votesIn = async (page) => Number((await voteButton(page).getAttribute('aria-label')).match(/([\d,]+) votes?/)[1].replace(/,/g, ''));
const boardUrl = () => `${app.url}b/${DEMO_BOARD}?q=${encodeURIComponent('Export energy usage')}`;
const changesFeed = (u) => u.pathname.endsWith('/_changes');

test('two browsers see each other\'s votes and comments through the changes feed', async () => {
  const a = await recordingContext(browser);
  const b = await recordingContext(browser);
  const pa = await openApp(a.context, boardUrl());
  const [member] = await members(pa);
  await actAs(pa, member);
  // B is following the feed (a longpoll is open) before A acts.
  let following;
  const longpoll = new Promise((ok) => { following = ok; });
  b.context.on('request', (r) => { if (changesFeed(new URL(r.url())) && r.url().includes('feed=longpoll')) following(); });
  const pb = await openApp(b.context, boardUrl());
  await actAs(pb, 'm-piotr');
  await voteButton(pa).waitFor();
  await voteButton(pb).waitFor();
  await longpoll;
  const before = await votesIn(pb);
  const wasPressed = (await voteButton(pa).getAttribute('aria-pressed')) === 'true';
  const started = Date.now();
  await voteButton(pa).click();
  const expected = wasPressed ? before - 1 : before + 1;
  await pb.waitForFunction(([t, n]) => {
    const label = document.querySelector(`button[aria-label^="Vote for “${t}”"]`)?.getAttribute('aria-label') ?? '';
    return label.includes(`${n} vote`);
  }, [IDEA, expected], { timeout: 10_000 });
  console.log(`the vote reached the other browser in ${Date.now() - started} ms`);
  const [idea] = await find('ideas', { title: IDEA });
  const votes = await find('votes', { idea_id: idea.id, voter: `m:${member}` });
  assert.equal(votes.length, wasPressed ? 0 : 1, 'exactly one vote per member and idea in the database');
  if (!wasPressed) assert.equal(votes[0]._id, `votes:vote:${idea.id}:m:${member}`, 'a meaningful, collision-safe id');

  await pa.getByRole('link', { name: IDEA }).first().click();
  await pa.getByRole('heading', { level: 1, name: IDEA }).waitFor();
  await pb.getByRole('link', { name: IDEA }).first().click();
  const text = 'Seen from the other browser <img src=x onerror=alert(1)> ✓';
  await pb.getByLabel('Your comment').fill(text);
  await pb.getByRole('button', { name: 'Post comment' }).click();
  await pa.getByText(text).waitFor({ timeout: 10_000 });
  assert.equal((await find('comments', { body: text })).length, 1);
  assert.deepEqual(await axeSerious(pa), []);
  assert.deepEqual([...a.problems, ...b.problems], []);
  await a.context.close();
  await b.context.close();
});

test('a concurrent status change is a conflict, not a lost update', async () => {
  const a = await recordingContext(browser);
  const b = await recordingContext(browser);
  const [idea] = await find('ideas', { title: 'Adjustable fade duration for scenes' });
  assert.ok(idea, 'the demo has the idea');
  const url = `${app.url}b/${DEMO_BOARD}/ideas/${idea.id}`;
  const pa = await openApp(a.context, url);
  await actAs(pa, 'm-marta');
  const pb = await openApp(b.context, url);
  await actAs(pb, 'm-piotr');
  const tools = (p) => p.getByRole('region', { name: 'Moderator tools' });
  await tools(pa).waitFor();
  await tools(pb).waitFor();
  // B does not hear of A's change before acting (its feed is held back).
  await pb.route((u) => changesFeed(u), (route) => route.abort());
  await tools(pa).getByRole('combobox', { name: /^Status/ }).selectOption('planned');
  await pa.getByRole('button', { name: 'Apply' }).click();
  await pa.getByText('Status changed to Planned.').waitFor();
  await tools(pb).getByRole('combobox', { name: /^Status/ }).selectOption('declined');
  await pb.getByRole('button', { name: 'Apply' }).click();
  await pb.getByText(/changed elsewhere since you opened it/).waitFor();
  const stored = await call('GET', `${DB}/ideas:${encodeURIComponent(idea.id)}`);
  assert.equal(stored.status_id, 'planned', 'A\'s change is not overwritten');
  await a.context.close();
  await b.context.close();
});

test('a vote made while the database is unreachable waits, is shown, and lands once', async () => {
  const { context, problems } = await recordingContext(browser);
  const page = await openApp(context, boardUrl());
  const member = (await members(page))[1];
  await actAs(page, member);
  await voteButton(page).waitFor();
  const pressed = (await voteButton(page).getAttribute('aria-pressed')) === 'true';
  await page.route(`${couchUrl}/**`, (route) => route.abort('connectionrefused'));
  await voteButton(page).click();
  await page.getByText('Changes waiting to be sent to the server: 1.').waitFor();
  assert.equal(await voteButton(page).getAttribute('aria-pressed'), pressed ? 'false' : 'true', 'shown at once');
  await page.unroute(`${couchUrl}/**`);
  await page.getByRole('button', { name: 'Send now' }).click();
  await page.getByText('Changes waiting to be sent to the server').waitFor({ state: 'detached', timeout: 15_000 });
  const [idea] = await find('ideas', { title: IDEA });
  const votes = await find('votes', { idea_id: idea.id, voter: `m:${member}` });
  assert.equal(votes.length, pressed ? 0 : 1);
  assert.deepEqual(problems.filter((p) => !p.includes('ERR_CONNECTION_REFUSED') && !p.includes('Failed to load resource')), []);
  await context.close();
});

// Last: it ends pouchdb-server's "admin party", so the rules judge every write.
test('with a CouchDB session the app acts as that member; the server refuses acting as another', async () => {
  const basic = `Basic ${Buffer.from('admin:s3cret').toString('base64')}`;
  await call('PUT', '_config/admins/admin', 's3cret');
  const { context, problems } = await recordingContext(browser);
  const page = await openApp(context, boardUrl());
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
  await voteButton(page).waitFor();
  const pressed = (await voteButton(page).getAttribute('aria-pressed')) === 'true';
  await voteButton(page).click();
  await page.waitForFunction(([t, p]) => document.querySelector(`button[aria-label^="Vote for “${t}”"]`)?.getAttribute('aria-pressed') === String(!p) && document.querySelector(`button[aria-label^="Vote for “${t}”"]`)?.getAttribute('aria-busy') !== 'true', [IDEA, pressed]);
  const [idea] = await find('ideas', { title: IDEA });
  assert.equal((await find('votes', { idea_id: idea.id, voter: `m:${me}` })).length, pressed ? 0 : 1);
  // Acting as another member in the demo switcher does not fool the server.
  await actAs(page, other);
  await voteButton(page).waitFor();
  const theirs = (await find('votes', { idea_id: idea.id, voter: `m:${other}` })).length;
  await voteButton(page).click();
  await page.getByText(/members may only add and remove their own votes/).first().waitFor({ timeout: 10_000 });
  assert.equal((await find('votes', { idea_id: idea.id, voter: `m:${other}` })).length, theirs, 'nothing written for the other member');
  // Expected: requests cut short by the reload, and the server's refusal itself.
  const expected = (p) => p.includes('net::ERR_ABORTED') || p.includes('Failed to load resource') || p.startsWith(`HTTP 403 for ${couchUrl}/${DB}/votes%3A`);
  assert.deepEqual(problems.filter((p) => !expected(p)), []);
  await context.close();
});
