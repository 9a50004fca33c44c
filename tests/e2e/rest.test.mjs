// Against a real json-server 0.17 (scripts/backend/json-server.mjs, the demo community
// from examples/seed_db.rs): two browsers see each other's votes and comments; a
// concurrent status change is a visible conflict, not a lost update; a vote made while
// the backend is unreachable waits in the outbox (shown) and lands once when it is back.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { createBackend } from '../../scripts/backend/json-server.mjs';
import { axeSerious, DEMO_BOARD, launch, openApp, recordingContext, startServer } from './support.mjs';

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

const actAs = (page, id) => page.locator('.g-role-switcher select').selectOption(id);
/** Ordinary members offered by the role switcher. */
const members = async (page) => {
  await page.waitForFunction(() => document.querySelectorAll('.g-role-switcher option').length > 3);
  return memberOptions(page);
};
const memberOptions = (page) => page.locator('.g-role-switcher option').evaluateAll((os) => os.map((o) => o.value).filter((v) => v && !['m-marta', 'm-piotr'].includes(v)));
const IDEA = 'Export energy usage to CSV';
const voteButton = (page) => page.locator(`button[aria-label^="Vote for “${IDEA}”"]`).first();
const votesIn = async (page) => Number((await voteButton(page).getAttribute('aria-label')).match(/([\d,]+) votes?/)[1].replace(/,/g, ''));
const boardUrl = () => `${app.url}b/${DEMO_BOARD}?q=${encodeURIComponent('Export energy usage')}`;
const get = async (path) => (await fetch(`${api}${path}`)).json();

test('two browsers see each other\'s votes and comments', async () => {
  const a = await recordingContext(browser);
  const b = await recordingContext(browser);
  const pa = await openApp(a.context, boardUrl());
  const [member] = await members(pa);
  await actAs(pa, member);
  const pb = await openApp(b.context, boardUrl());
  await actAs(pb, 'm-piotr');
  await voteButton(pa).waitFor();
  await voteButton(pb).waitFor();
  const before = await votesIn(pb);
  const wasPressed = (await voteButton(pa).getAttribute('aria-pressed')) === 'true';
  await voteButton(pa).click();
  const expected = wasPressed ? before - 1 : before + 1;
  // B's page learns of it by itself (refresh every second), no reload.
  await pb.waitForFunction(([t, n]) => {
    const label = document.querySelector(`button[aria-label^="Vote for “${t}”"]`)?.getAttribute('aria-label') ?? '';
    return label.includes(`${n} vote`);
  }, [IDEA, expected], { timeout: 15_000 });
  const ideas = await get(`/ideas?title=${encodeURIComponent(IDEA)}`);
  const votes = await get(`/votes?idea_id=${ideas[0].id}&voter=${encodeURIComponent(`m:${member}`)}`);
  assert.equal(votes.length, wasPressed ? 0 : 1, 'exactly one vote per member and idea on the server');

  // B comments on the idea; A, on the idea's page, sees it appear.
  await pa.getByRole('link', { name: IDEA }).first().click();
  await pa.getByRole('heading', { level: 1, name: IDEA }).waitFor();
  await pb.getByRole('link', { name: IDEA }).first().click();
  await pb.getByLabel('Your comment').fill('Seen from the other browser <b>bold?</b>');
  await pb.getByRole('button', { name: 'Post comment' }).click();
  await pa.getByText('Seen from the other browser <b>bold?</b>').waitFor({ timeout: 15_000 });
  assert.equal((await get(`/comments?body=${encodeURIComponent('Seen from the other browser <b>bold?</b>')}`)).length, 1);
  assert.deepEqual(await axeSerious(pa), []);
  assert.deepEqual([...a.problems, ...b.problems], []);
  await a.context.close();
  await b.context.close();
});

test('a concurrent status change is a conflict, not a lost update', async () => {
  const a = await recordingContext(browser);
  const b = await recordingContext(browser);
  const [idea] = await get(`/ideas?title=${encodeURIComponent('Adjustable fade duration for scenes')}`);
  assert.ok(idea, 'the demo has the idea');
  const url = `${app.url}b/${DEMO_BOARD}/ideas/${idea.id}`;
  const pa = await openApp(a.context, url);
  await actAs(pa, 'm-marta');
  const pb = await openApp(b.context, url);
  await actAs(pb, 'm-piotr');
  const tools = (p) => p.getByRole('region', { name: 'Moderator tools' });
  await tools(pa).waitFor();
  await tools(pb).waitFor();
  // B's page does not hear of A's change before B acts (its refreshes are held back).
  await pb.route((u) => u.href.endsWith('?_sort=id'), (route) => route.abort());
  await tools(pa).getByRole('combobox', { name: /^Status/ }).selectOption('planned');
  await pa.getByRole('button', { name: 'Apply' }).click();
  await pa.getByText('Status changed to Planned.').waitFor();
  await tools(pb).getByRole('combobox', { name: /^Status/ }).selectOption('declined');
  await pb.getByRole('button', { name: 'Apply' }).click();
  await pb.getByText(/changed elsewhere since you opened it/).waitFor();
  const stored = await get(`/ideas/${idea.id}`);
  assert.equal(stored.status_id, 'planned', 'A\'s change is not overwritten');
  await a.context.close();
  await b.context.close();
});

test('a vote made while the backend is unreachable waits, is shown, and lands once', async () => {
  const { context, problems } = await recordingContext(browser);
  const page = await openApp(context, boardUrl());
  const member = (await members(page))[1];
  await actAs(page, member);
  await voteButton(page).waitFor();
  const pressed = (await voteButton(page).getAttribute('aria-pressed')) === 'true';
  // The backend goes away (every request to it fails at the network level).
  await page.route(`${api}/**`, (route) => route.abort('connectionrefused'));
  await voteButton(page).click();
  await page.getByText('Changes waiting to be sent to the server: 1.').waitFor();
  assert.equal(await voteButton(page).getAttribute('aria-pressed'), pressed ? 'false' : 'true', 'shown at once');
  // Back: the queued vote is sent, once.
  await page.unroute(`${api}/**`);
  await page.getByRole('button', { name: 'Send now' }).click();
  await page.getByText('Changes waiting to be sent to the server').waitFor({ state: 'detached', timeout: 15_000 });
  const [idea] = await get(`/ideas?title=${encodeURIComponent(IDEA)}`);
  const votes = await get(`/votes?idea_id=${idea.id}&voter=${encodeURIComponent(`m:${member}`)}`);
  assert.equal(votes.length, pressed ? 0 : 1);
  // Refused connections are expected while the backend was away; nothing else.
  assert.deepEqual(problems.filter((p) => !p.includes('ERR_CONNECTION_REFUSED') && !p.includes('Failed to load resource')), []);
  await context.close();
});
