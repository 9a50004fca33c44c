// Against a real json-server 0.17 (scripts/backend/json-server.mjs, the demo community
// from examples/seed_db.rs): two browsers see each other's votes and comments; a
// concurrent status change is a visible conflict, not a lost update; a vote made while
// the backend is unreachable waits in the outbox (shown) and lands once when it is back;
// a read that fails is said on the page, never shown as "nothing there"; an answered survey
// shows as answered after a reload even when who is acting is known only later.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { createBackend } from '../../scripts/backend/json-server.mjs';
import { startFaultProxy } from './faults.mjs';
import { boardUrl, concurrentStatusIsAConflict, IDEA, offlineVoteLandsOnce, twoBrowsersSeeEachOther } from './shared-backend.mjs';
import { DEMO_BOARD, launch, openApp, recordingContext, startServer } from './support.mjs';

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

// The comments of an idea, the voters, the moderation queue and the changelog are read
// apart from the board: when such a read fails the page says so (it once showed "No
// comments yet." and an empty queue); a busy or unreachable backend is read again by
// itself (after 1, 2, 4… s), a refusal at the next change or by "Try again".
test('a read that fails is said, not shown as empty, tried again, and the page recovers by itself', async () => {
  const { context } = await recordingContext(browser);
  let failing = true;
  let status = 403; // refused: read again at the next change, or by "Try again"
  const down = (route) => (failing && route.request().method() === 'GET'
    ? route.fulfill({ status, contentType: 'text/html', headers: { 'Access-Control-Allow-Origin': '*' }, body: '<html><body><h1>Internal Server Error</h1></body></html>' })
    : route.fallback());
  // The board's own read (which counts comments) works: only the idea's comments fail.
  await context.route((u) => u.origin === api && u.pathname === '/comments' && u.searchParams.has('idea_id'), down);
  await context.route((u) => u.origin === api && u.pathname === '/reports', down);
  const [idea] = await get(`/ideas?title=${encodeURIComponent(IDEA)}`);
  assert.ok((await get(`/comments?idea_id=${idea.id}`)).length > 0, 'the demo idea has comments');
  const page = await openApp(context, `${app.url}b/${DEMO_BOARD}/ideas/${idea.id}`);
  const problem = page.locator('.g-read-problem');
  await problem.first().waitFor();
  assert.match(await problem.first().innerText(), /^This could not be loaded: .*HTTP 403.* It is tried again after the next change\./);
  assert.equal(await page.getByText('No comments yet.').count(), 0, 'a failed read is not "no comments"');
  // A refusal is not read again by itself; "Try again" reads at once. A server error
  // (the backend busy) is read again by itself.
  let reads = 0;
  page.on('request', (r) => { if (r.url().includes('/comments?idea_id=')) reads++; });
  await page.waitForTimeout(1500);
  assert.equal(reads, 0, 'a refused read is not repeated by itself');
  status = 500;
  await problem.first().getByRole('button', { name: 'Try again' }).click();
  await page.waitForFunction(() => /HTTP 500.* It is tried again by itself in a few seconds\./.test(document.querySelector('.g-read-problem')?.innerText ?? ''));
  assert.ok(reads >= 1, '"Try again" read the comments again');
  // A moderator's queue: the failure, not "The queue is empty".
  await page.locator('.g-role-switcher select').selectOption('m-marta');
  await page.goto(`${app.url}moderation`);
  await page.locator('.g-read-problem').first().waitFor();
  assert.equal(await page.locator('.g-moderation .g-empty').count(), 0, 'a failed read is not an empty queue');
  failing = false;
  // The backend answers again: the page recovers by itself, without a reload.
  await page.locator('.g-moderation :is(.g-queue, .g-empty)').first().waitFor({ timeout: 40_000 });
  assert.equal(await page.locator('.g-read-problem').count(), 0, 'the failure is gone once the backend answers');
  await page.goto(`${app.url}b/${DEMO_BOARD}/ideas/${idea.id}`);
  await page.locator('.g-comment').first().waitFor();
  assert.equal(await problem.count(), 0, 'the comments are read');
  await context.close();
  // Members failing to load: said once, the board still works.
  const second = (await recordingContext(browser)).context;
  await second.route((u) => u.origin === api && u.pathname === '/members', down);
  failing = true;
  const board = await openApp(second, `${app.url}b/${DEMO_BOARD}`);
  await board.getByText("The community's members could not be read").waitFor();
  await board.locator('button[aria-label^="Vote for “"]').first().waitFor();
  await second.close();
});

test('an answered survey shows as answered after a reload, also when the members arrive after the survey', async () => {
  const { context } = await recordingContext(browser);
  const [survey] = await get('/surveys?_sort=id');
  const page = await openApp(context, `${app.url}b/${DEMO_BOARD}`);
  await page.waitForFunction(() => document.querySelectorAll('.g-role-switcher option').length > 3);
  const member = (await page.locator('.g-role-switcher option').evaluateAll((os) => os.map((o) => o.value)))
    .filter((v) => v && !['m-marta', 'm-piotr'].includes(v))
    .at(-1);
  await page.locator('.g-role-switcher select').selectOption(member);
  await page.goto(`${app.url}s/${survey.id}`);
  const send = page.getByRole('button', { name: 'Send answers' });
  const edit = page.getByRole('button', { name: 'Edit my answers' });
  await send.or(edit).waitFor();
  if (await edit.isVisible()) await edit.click();
  const group = (name) => page.getByRole('group', { name });
  await group(/How likely are you to recommend/).getByRole('radio', { name: '8', exact: true }).check();
  await group(/How satisfied are you/).getByRole('radio').nth(3).check();
  await group(/Which feature do you/).getByRole('radio').first().check();
  await send.click();
  await page.locator('.g-thanks').waitFor();
  // The members (so who is acting) now come 1.5 s after everything else: the page first
  // reads as nobody, then must read the answer again for the member.
  await context.route((u) => u.origin === api && u.pathname === '/members', async (route) => {
    await new Promise((ok) => setTimeout(ok, 1_500));
    await route.fallback();
  });
  await page.reload();
  await edit.waitFor({ timeout: 10_000 });
  assert.equal(await send.count(), 0, 'not offered as unanswered');
  await edit.click();
  assert.ok(await group(/How likely are you to recommend/).getByRole('radio', { name: '8', exact: true }).isChecked(), 'the answer given');
  await context.close();
});

// The embeds for storage in the browser carry no backend stores (a much smaller
// download): a visit configured for a backend moves to the twin built with them, which
// reads and writes json-server's data like the app does.
test('the light embeds hand a backend visit to their twins built for one', async () => {
  const { context, problems } = await recordingContext(browser);
  const page = await context.newPage();
  const wasm = [];
  page.on('request', (r) => r.url().endsWith('.wasm') && wasm.push(new URL(r.url()).pathname.replace(/-[0-9a-f]{16}_bg/, '')));
  await page.goto(`${app.url}embed.html?embed=board:${DEMO_BOARD}`);
  await page.waitForURL((u) => u.pathname === '/embed-remote.html' && u.searchParams.get('embed') === `board:${DEMO_BOARD}`);
  const open = page.locator('button[aria-label^="Vote for “"][aria-pressed="false"]:not([disabled])').first();
  await open.waitFor();
  assert.deepEqual(wasm, ['/gromada-embed.wasm', '/gromada-embed.wasm'], 'the light build, then its twin');
  const label = await open.getAttribute('aria-label');
  const title = label.slice('Vote for “'.length, label.indexOf('” ·'));
  const [idea] = await get(`/ideas?title=${encodeURIComponent(title)}`);
  const before = (await get(`/votes?idea_id=${idea.id}`)).length;
  await open.click();
  await page.locator(`button[aria-pressed="true"][aria-label^="Vote for “${title}” ·"]`).waitFor();
  for (let i = 0; i < 50 && (await get(`/votes?idea_id=${idea.id}`)).length === before; i++) await page.waitForTimeout(100);
  assert.equal((await get(`/votes?idea_id=${idea.id}`)).length, before + 1, 'the vote reached json-server');

  // (Another page: leaving this one would cut its board refreshes short.)
  const [survey] = await get('/surveys?_sort=id');
  const surveyPage = await context.newPage();
  await surveyPage.goto(`${app.url}embed-survey.html?embed=survey:${survey.id}`);
  await surveyPage.waitForURL((u) => u.pathname === '/embed-survey-remote.html');
  await surveyPage.locator('.g-question').first().waitFor();
  assert.equal(await surveyPage.getByRole('banner').count(), 0, 'no app header in the embed');
  // (The member's own response is read by its id: none yet is json-server's 404.)
  assert.deepEqual(problems.filter((p) => !/^HTTP 404 for \S+\/responses\/resp%3A/.test(p)), []);
  await context.close();
});

// The surveys list counts each survey's responses on the server (X-Total-Count of a
// one-document slice) instead of downloading them all.
test('the surveys list counts responses without downloading them', async () => {
  const { context, problems } = await recordingContext(browser);
  const asked = [];
  context.on('request', (r) => {
    const u = new URL(r.url());
    if (u.origin === api && u.pathname === '/responses') asked.push(u.search);
  });
  const page = await openApp(context, `${app.url}surveys`);
  const surveys = await get('/surveys?_sort=id');
  for (const s of surveys) {
    const n = (await get(`/responses?survey_id=${encodeURIComponent(s.id)}`)).length;
    const card = page.locator('.g-card').filter({ has: page.getByRole('heading', { name: s.title, exact: true }) });
    await card.getByText(`${n} ${n === 1 ? 'response' : 'responses'}`, { exact: true }).waitFor();
  }
  assert.ok(asked.length >= surveys.length, `asked: ${asked.join(' ')}`);
  assert.deepEqual(asked.filter((q) => !q.includes('_start=0&_end=1')), [], 'every read of the responses is a count');
  assert.deepEqual(problems, []);
  await context.close();
});

// The store keeps its own freshness: only its change check (`?_sort=id`, with the last
// ETag) asks json-server "changed since?". The browser's HTTP cache once revalidated the
// app's other reads by itself (json-server answers `Cache-Control: no-cache` with an
// ETag), and a 304 it did not resolve reached a list read as an error ("The community's
// members could not be read … HTTP 304"); every backend fetch now bypasses that cache.
test('only the change check asks the backend "changed since?": the HTTP cache stays out', async () => {
  const proxy = await startFaultProxy(api); // faults off: it only forwards and notes
  const via = proxy.url;
  const viaApp = await startServer({
    dir: 'dist',
    connect: [via],
    overrides: { '/config.json': { body: JSON.stringify({ storage: { type: 'rest', base_url: via, refresh_s: 1 }, demo: false }) } },
  });
  try {
    const { context, problems } = await recordingContext(browser);
    const page = await openApp(context, boardUrl(viaApp));
    // The same reads, several times over, moving within the app: board → idea → board →
    // surveys → board, twice.
    for (let round = 0; round < 2; round++) {
      await page.getByRole('link', { name: IDEA }).first().click();
      await page.getByRole('heading', { level: 1, name: IDEA }).waitFor();
      await page.goBack();
      await page.locator(`button[aria-label^="Vote for “${IDEA}”"]`).first().waitFor();
      await page.getByRole('banner').getByRole('link', { name: 'Surveys' }).click();
      await page.locator('.g-card').first().waitFor();
      await page.goBack();
      await page.locator(`button[aria-label^="Vote for “${IDEA}”"]`).first().waitFor();
    }
    await page.waitForTimeout(2500); // change checks run every second
    const gets = proxy.state.log.filter((r) => r.method === 'GET').map((r) => r.url);
    assert.ok(gets.length > new Set(gets).size, 'some reads were repeated (what a cache would revalidate)');
    const conditional = proxy.state.log.filter((r) => r.ifNoneMatch);
    assert.ok(conditional.some((r) => r.url.endsWith('?_sort=id')), 'the change check sends its ETag');
    assert.deepEqual(conditional.filter((r) => !r.url.endsWith('?_sort=id')).map((r) => r.url), [], 'no other read is conditional');
    assert.deepEqual(problems, []);
    await context.close();
  } finally {
    await viaApp.close();
    await proxy.close();
  }
});
