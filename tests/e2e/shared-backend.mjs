// Scenarios every shared backend (REST, CouchDB) must pass in Chromium, written once:
// each suite supplies how to read its server's data and how to cut its traffic.
import assert from 'node:assert/strict';
import { axeSerious, DEMO_BOARD, openApp, recordingContext } from './support.mjs';

export const IDEA = 'Export energy usage to CSV';
export const actAs = (page, id) => page.locator('.g-role-switcher select').selectOption(id);
/** Ordinary members offered by the role switcher (not the demo's staff). */
export const members = async (page) => {
  await page.waitForFunction(() => document.querySelectorAll('.g-role-switcher option').length > 3);
  return page.locator('.g-role-switcher option').evaluateAll((os) => os.map((o) => o.value).filter((v) => v && !['m-marta', 'm-piotr'].includes(v)));
};
export const voteButton = (page) => page.locator(`button[aria-label^="Vote for “${IDEA}”"]`).first();
/**
 * Waits until IDEA's vote button shows the current viewer's vote: on a store that sums
 * votes on the server (CouchDB) the board reloads with the viewer's own votes after a
 * sign-in or a switch of member, and the button is disabled until then.
 */
export const votable = async (page) => {
  await voteButton(page).waitFor();
  await page.waitForFunction((t) => {
    const b = document.querySelector(`button[aria-label^="Vote for “${t}”"]`);
    return b && !b.disabled;
  }, IDEA);
};
const votesIn = async (page) => Number((await voteButton(page).getAttribute('aria-label')).match(/([\d,]+) votes?/)[1].replace(/,/g, ''));
export const boardUrl = (app) => `${app.url}b/${DEMO_BOARD}?q=${encodeURIComponent('Export energy usage')}`;

/**
 * Two browsers see each other's votes and comments without a reload.
 * `server.votes(member)` counts the member's votes on IDEA; `server.comments(text)` counts
 * comments with that body; `following(context)` (optional) resolves once the second
 * browser listens for changes; `checkVote(member)` (optional) checks the stored vote.
 */
export async function twoBrowsersSeeEachOther(browser, app, server, { following, checkVote } = {}) {
  const a = await recordingContext(browser);
  const b = await recordingContext(browser);
  const pa = await openApp(a.context, boardUrl(app));
  const [member] = await members(pa);
  await actAs(pa, member);
  const listening = following ? following(b.context) : Promise.resolve();
  const pb = await openApp(b.context, boardUrl(app));
  await actAs(pb, 'm-piotr');
  await votable(pa);
  await votable(pb);
  await listening;
  const before = await votesIn(pb);
  const wasPressed = (await voteButton(pa).getAttribute('aria-pressed')) === 'true';
  const started = Date.now();
  await voteButton(pa).click();
  const expected = wasPressed ? before - 1 : before + 1;
  await pb.waitForFunction(([t, n]) => {
    const label = document.querySelector(`button[aria-label^="Vote for “${t}”"]`)?.getAttribute('aria-label') ?? '';
    return label.includes(`${n} vote`);
  }, [IDEA, expected], { timeout: 15_000 });
  console.log(`the vote reached the other browser in ${Date.now() - started} ms`);
  assert.equal(await server.votes(member), wasPressed ? 0 : 1, 'exactly one vote per member and idea on the server');
  if (!wasPressed && checkVote) await checkVote(member);

  // B comments on the idea; A, on the idea's page, sees it appear.
  await pa.getByRole('link', { name: IDEA }).first().click();
  await pa.getByRole('heading', { level: 1, name: IDEA }).waitFor();
  await pb.getByRole('link', { name: IDEA }).first().click();
  const text = 'Seen from the other browser <img src=x onerror=alert(1)> <b>bold?</b> ✓';
  await pb.getByLabel('Your comment').fill(text);
  await pb.getByRole('button', { name: 'Post comment' }).click();
  await pa.getByText(text).waitFor({ timeout: 15_000 });
  assert.equal(await server.comments(text), 1);
  assert.deepEqual(await axeSerious(pa), []);
  assert.deepEqual([...a.problems, ...b.problems], []);
  await a.context.close();
  await b.context.close();
}

/**
 * A concurrent status change is a visible conflict, not a lost update. `server.idea(title)`
 * reads the stored idea; `holdBack(url)` matches the requests through which the second
 * browser would hear of the first one's change.
 */
export async function concurrentStatusIsAConflict(browser, app, server, holdBack) {
  const a = await recordingContext(browser);
  const b = await recordingContext(browser);
  const title = 'Adjustable fade duration for scenes';
  const idea = await server.idea(title);
  assert.ok(idea, 'the demo has the idea');
  const url = `${app.url}b/${DEMO_BOARD}/ideas/${idea.id}`;
  const pa = await openApp(a.context, url);
  await actAs(pa, 'm-marta');
  const pb = await openApp(b.context, url);
  await actAs(pb, 'm-piotr');
  const tools = (p) => p.getByRole('region', { name: 'Moderator tools' });
  await tools(pa).waitFor();
  await tools(pb).waitFor();
  await pb.route(holdBack, (route) => route.abort());
  await tools(pa).getByRole('combobox', { name: /^Status/ }).selectOption('planned');
  await pa.getByRole('button', { name: 'Apply' }).click();
  await pa.getByText('Status changed to Planned.').waitFor();
  await tools(pb).getByRole('combobox', { name: /^Status/ }).selectOption('declined');
  await pb.getByRole('button', { name: 'Apply' }).click();
  await pb.getByText(/changed elsewhere since you opened it/).waitFor();
  assert.equal((await server.idea(title)).status_id, 'planned', 'A\'s change is not overwritten');
  await a.context.close();
  await b.context.close();
}

/** A vote made while every request to `backend` (a URL glob) fails waits, is shown, and lands once. */
export async function offlineVoteLandsOnce(browser, app, server, backend) {
  const { context, problems } = await recordingContext(browser);
  const page = await openApp(context, boardUrl(app));
  const member = (await members(page))[1];
  await actAs(page, member);
  await votable(page);
  const pressed = (await voteButton(page).getAttribute('aria-pressed')) === 'true';
  await page.route(backend, (route) => route.abort('connectionrefused'));
  await voteButton(page).click();
  await page.getByText('Changes waiting to be sent to the server: 1.').waitFor();
  assert.equal(await voteButton(page).getAttribute('aria-pressed'), pressed ? 'false' : 'true', 'shown at once');
  await page.unroute(backend);
  await page.getByRole('button', { name: 'Send now' }).click();
  await page.getByText('Changes waiting to be sent to the server').waitFor({ state: 'detached', timeout: 15_000 });
  assert.equal(await server.votes(member), pressed ? 0 : 1);
  // Refused connections are expected while the backend was away; nothing else.
  assert.deepEqual(problems.filter((p) => !p.includes('ERR_CONNECTION_REFUSED') && !p.includes('Failed to load resource')), []);
  await context.close();
}
