// The app shell in a real Chromium: the demo on first load, navigation, language switch
// that survives a reload, data that persists and reaches other tabs, deep links on the
// documented server and on plain static hosting, a sub-path build, strict CSP and axe.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { axeSerious, DEMO_BOARD, launch, openApp, recordingContext, startServer } from './support.mjs';

let browser, app, staticHost, sub;

before(async () => {
  browser = await launch();
  app = await startServer({ dir: 'dist' });
  staticHost = await startServer({ dir: 'dist', mode: 'static' });
  sub = await startServer({ dir: 'dist-sub', base: '/community/', mode: 'static' });
});

after(async () => {
  await browser?.close();
  await Promise.all([app, staticHost, sub].map((s) => s?.close()));
});

async function ideaLink(page) {
  const link = page.getByRole('link', { name: 'Dark mode for the mobile app' });
  return link.getAttribute('href');
}

test('first load shows the demo community and navigation works', async () => {
  const { context, problems } = await recordingContext(browser);
  const page = await openApp(context, app.url);
  await page.getByRole('heading', { level: 1, name: 'Welcome to Lumo Community' }).waitFor();
  await page.getByRole('link', { name: 'Feature requests' }).click();
  await page.getByRole('heading', { level: 1, name: 'Feature requests' }).waitFor();
  const ideas = page.getByRole('list').filter({ has: page.getByRole('button', { name: /Vote for|Voting closed/ }) }).getByRole('listitem');
  assert.equal(await ideas.count(), 20, 'the first page shows 20 ideas');
  const total = Number((await page.getByText(/^Showing 20 of \d+$/).innerText()).split(' of ')[1]);
  assert.ok(total >= 28 && total <= 32, `about 30 ideas on the board, got ${total}`);
  await page.getByRole('button', { name: 'Show more' }).click();
  await page.getByText(`Showing ${total} of ${total}`).waitFor();
  assert.equal(await ideas.count(), total);
  await page.getByRole('link', { name: 'Dark mode for the mobile app' }).click();
  await page.getByRole('heading', { level: 1, name: 'Dark mode for the mobile app' }).waitFor();
  await page.getByRole('heading', { name: 'Comments' }).waitFor();
  assert.ok(await page.getByText('Official').first().isVisible(), 'staff answer is marked official');
  await page.goBack();
  await page.getByRole('heading', { level: 1, name: 'Feature requests' }).waitFor();
  await page.getByRole('link', { name: 'Home', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Welcome to Lumo Community' }).waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test('switching to Polish changes the UI and survives a reload', async () => {
  const { context, problems } = await recordingContext(browser);
  const page = await openApp(context, `${app.url}b/${DEMO_BOARD}`);
  await page.getByRole('heading', { level: 1, name: 'Feature requests' }).waitFor();
  await page.getByLabel('Language').selectOption('pl');
  await page.getByLabel('Szukaj pomysłów').waitFor();
  assert.equal(await page.getAttribute('html', 'lang'), 'pl');
  assert.ok(await page.locator('.g-ideas').getByText('Zaplanowane').first().isVisible(), 'status names are translated');
  await page.reload();
  await page.getByLabel('Szukaj pomysłów').waitFor();
  assert.equal(await page.getByLabel('Język').inputValue(), 'pl');
  assert.equal(await page.getAttribute('html', 'lang'), 'pl');
  assert.deepEqual(problems, []);
  await context.close();
});

// A refresh (here: another tab's new idea) must not move the rows under the member's
// pointer, where a click would land on another idea than the one aimed at, nor push the
// last row shown behind "Show more" (the row just voted on would vanish).
test('a refresh does not reorder the rows under the pointer; leaving the list applies it', async () => {
  const { context, problems } = await recordingContext(browser);
  const page = await openApp(context, `${app.url}b/${DEMO_BOARD}?sort=new`);
  const other = await openApp(context, `${app.url}b/${DEMO_BOARD}?sort=new`);
  // Every row's title (closed ideas have no vote button).
  const titles = (p) => p.locator('.g-ideas > li .g-idea__title').allInnerTexts();
  const post = async (title) => {
    await other.bringToFront();
    await other.getByRole('button', { name: 'Post an idea' }).first().click();
    await other.locator('#g-idea-title').fill(title);
    await other.locator('#g-idea-description').fill('Posted from another tab.');
    await other.getByRole('button', { name: 'Post idea' }).click();
    await other.waitForURL(/\/ideas\//);
    await page.bringToFront();
  };
  await page.bringToFront();
  await page.locator('.g-ideas > li').first().waitFor();
  const before = await titles(page);
  // A full page is shown, the rest is behind "Show more".
  const total = Number((await page.locator('.g-board__summary').innerText()).match(/^Showing 20 of (\d+)/)?.[1]);
  assert.ok(total > 20 && before.length === 20, `20 of ${total} shown`);
  const summary = await page.locator('.g-board__summary').innerText();
  await page.locator('.g-ideas > li').nth(1).hover();
  // Another tab posts an idea: newest first, it belongs at the top, and the last row
  // shown would move behind "Show more".
  const title = 'Idea posted while the pointer rests on the list';
  await post(title);
  await page.waitForFunction((s) => document.querySelector('.g-board__summary')?.textContent !== s, summary);
  const held = await titles(page);
  assert.deepEqual(held, before, 'every row stays where it was, the last one too');
  assert.equal(await page.locator('.g-board__summary').innerText(), `Showing 20 of ${total + 1}`);
  await page.mouse.move(1, 1);
  await page.waitForFunction((t) => document.querySelector('.g-ideas > li .g-idea__title')?.textContent.trim() === t, title);
  assert.deepEqual((await titles(page)).slice(1), before.slice(0, before.length - 1), 'the fresh order once the pointer left: the last row behind "Show more"');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a vote persists across reloads and appears in another tab', async () => {
  const { context, problems } = await recordingContext(browser);
  const page = await openApp(context, `${app.url}b/${DEMO_BOARD}?sort=new`);
  const other = await openApp(context, `${app.url}b/${DEMO_BOARD}?sort=new`);
  const title = 'Keyboard shortcuts in the web dashboard';
  const button = (p) => p.getByRole('button', { name: `Vote for “${title}”` });
  const count = async (p) => Number((await button(p).innerText()).replace(/\D+/g, ''));
  const before = await count(page);
  assert.equal(await button(page).getAttribute('aria-pressed'), 'false');
  await button(page).click();
  await page.waitForFunction((t) => document.querySelector(`button[aria-label^="Vote for “${t}”"]`)?.getAttribute('aria-pressed') === 'true', title);
  assert.equal(await count(page), before + 1);
  // The other tab hears about it through the storage event.
  await other.waitForFunction((t) => document.querySelector(`button[aria-label^="Vote for “${t}”"]`)?.getAttribute('aria-pressed') === 'true', title);
  assert.equal(await count(other), before + 1);
  await page.reload();
  await button(page).waitFor();
  assert.equal(await button(page).getAttribute('aria-pressed'), 'true');
  assert.equal(await count(page), before + 1);
  // A fast double click is one toggle at a time: never two votes, never a negative count.
  await button(page).dblclick();
  await page.waitForTimeout(300);
  await page.reload();
  await button(page).waitFor();
  const settled = await count(page);
  assert.ok(settled === before || settled === before + 1, `got ${settled} from ${before}`);
  const stored = await page.evaluate((t) => Object.keys(localStorage).filter((k) => k.includes(':d:votes:')).length, title);
  assert.ok(stored > 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test('deep links open on the documented server and on plain static hosting', async () => {
  const { context, problems } = await recordingContext(browser);
  const page = await openApp(context, `${app.url}b/${DEMO_BOARD}`);
  const href = await ideaLink(page);
  assert.match(href, /^\/b\/feature-requests\/ideas\//);
  for (const server of [app, staticHost]) {
    const fresh = await context.newPage();
    await fresh.goto(new URL(href, server.url).href);
    await fresh.getByRole('heading', { level: 1, name: 'Dark mode for the mobile app' }).waitFor();
    await fresh.close();
  }
  const missing = await context.newPage();
  await missing.goto(`${app.url}no/such/page`);
  await missing.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test('a build for a sub-path works there, with its links and deep links', async () => {
  const { context, problems } = await recordingContext(browser);
  const page = await openApp(context, sub.url);
  await page.getByRole('heading', { level: 1, name: 'Welcome to Lumo Community' }).waitFor();
  const boardHref = await page.getByRole('link', { name: 'Feature requests' }).getAttribute('href');
  assert.equal(boardHref, '/community/b/feature-requests');
  await page.getByRole('link', { name: 'Feature requests' }).click();
  const href = await ideaLink(page);
  assert.match(href, /^\/community\/b\/feature-requests\/ideas\//);
  const deep = await context.newPage();
  await deep.goto(new URL(href, sub.url).href);
  await deep.getByRole('heading', { level: 1, name: 'Dark mode for the mobile app' }).waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test('every page passes axe (no serious or critical issue) in English and Polish', async () => {
  const { context, problems } = await recordingContext(browser);
  const page = await openApp(context, `${app.url}b/${DEMO_BOARD}`);
  const ideaHref = await ideaLink(page);
  const paths = ['', `b/${DEMO_BOARD}`, ideaHref.slice(1), 'b/lumo-studio', 'nowhere'];
  for (const locale of ['en', 'pl']) {
    await page.evaluate((l) => localStorage.setItem('gromada:lumo:pref:locale', l), locale);
    for (const path of paths) {
      await page.goto(`${app.url}${path}`);
      await page.getByRole('main').first().waitFor();
      await page.locator('h1').first().waitFor();
      assert.equal(await page.getAttribute('html', 'lang'), locale);
      const serious = await axeSerious(page);
      assert.deepEqual(serious, [], `axe on /${path} (${locale})`);
    }
  }
  assert.deepEqual(problems, []);
  await context.close();
});
