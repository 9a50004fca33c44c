// The embed: a brand page on another origin adds the documented snippet; the widget
// renders without the app's chrome, takes the brand colour, and its iframe follows the
// content's height. Messages from anywhere else are ignored.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { axeSerious, launch, recordingContext, startHostPage, startServer } from './support.mjs';

let browser, app, host;

before(async () => {
  browser = await launch();
  app = await startServer({ dir: 'dist' });
  host = await startHostPage(
    app.url,
    '<div data-gromada="board:feature-requests" data-title="Feature requests" data-theme-primary="#c2410c" data-height="200"></div>',
  );
});

after(async () => {
  await browser?.close();
  await app?.close();
  await host?.close();
});

test('the board embed renders without chrome and resizes its iframe', async () => {
  const { context, problems } = await recordingContext(browser);
  const page = await context.newPage();
  await page.goto(host.url);
  const iframe = page.locator('iframe[title="Feature requests"]');
  await iframe.waitFor();
  const frame = page.frameLocator('iframe[title="Feature requests"]');
  await frame.getByRole('heading', { level: 1, name: 'Feature requests' }).waitFor();
  assert.equal(await frame.getByRole('banner').count(), 0, 'no app header in the embed');
  assert.equal(await frame.getByRole('contentinfo').count(), 0, 'no footer in the embed');
  assert.equal(await frame.getByRole('link', { name: 'Skip to content' }).count(), 0);
  // The iframe grows from its initial 200px to the widget's full height.
  await page.waitForFunction(() => {
    const f = document.querySelector('iframe');
    return f && parseInt(f.style.height, 10) > 1000;
  });
  const inner = await frame.locator('.g-embed').evaluate((el) => el.scrollHeight);
  const outer = await iframe.evaluate((f) => parseInt(f.style.height, 10));
  assert.ok(Math.abs(outer - inner) <= 2, `iframe ${outer}px vs content ${inner}px`);
  // The brand colour reaches the widget.
  const primary = await frame.locator('html').evaluate((el) => getComputedStyle(el).getPropertyValue('--g-primary').trim());
  assert.equal(primary, '#c2410c');
  // A forged resize message from the host page itself is ignored.
  const id = await iframe.evaluate((f) => new URL(f.src).searchParams.get('frame'));
  await page.evaluate((frameId) => window.postMessage({ type: 'gromada:resize', id: frameId, height: 5 }, '*'), id);
  await page.waitForTimeout(200);
  assert.equal(await iframe.evaluate((f) => parseInt(f.style.height, 10)), outer);
  // Voting works inside the embed.
  const vote = frame.getByRole('button', { name: /^Vote for “Apple Watch app”/ });
  assert.equal(await vote.getAttribute('aria-pressed'), 'false');
  await vote.click();
  await frame.locator('button[aria-pressed="true"][aria-label^="Vote for “Apple Watch app”"]').waitFor();
  // A demo with nothing stored (here the browser even denies a third-party frame its
  // storage, so the widget keeps the demo in memory): the light embed page hands the
  // visit to the full app, which creates the demo, with the same parameters.
  const embedPage = page.frames().find((f) => f.url().includes('embed='));
  assert.match(new URL(embedPage.url()).pathname, /\/index\.html$/);
  assert.deepEqual(await axeSerious(embedPage), []);
  assert.deepEqual(problems, []);
  await context.close();
});

test('with data stored, the board embed is the light build and keeps votes', async () => {
  const { context, problems } = await recordingContext(browser);
  const first = await context.newPage();
  await first.goto(app.url);
  await first.getByRole('main').first().waitFor();
  const wasm = [];
  const page = await context.newPage();
  page.on('request', (r) => r.url().endsWith('.wasm') && wasm.push(new URL(r.url()).pathname));
  await page.goto(`${app.url}embed.html?embed=board:feature-requests`);
  await page.getByRole('heading', { level: 1, name: 'Feature requests' }).waitFor();
  assert.equal(new URL(page.url()).pathname, '/embed.html');
  assert.deepEqual(wasm.map((p) => p.replace(/-[0-9a-f]{16}_bg/, '')), ['/gromada-embed.wasm']);
  assert.equal(await page.getByRole('banner').count(), 0, 'no app header in the embed');
  const vote = page.getByRole('button', { name: /^Vote for “Apple Watch app”/ });
  assert.equal(await vote.getAttribute('aria-pressed'), 'false');
  await vote.click();
  await page.locator('button[aria-pressed="true"][aria-label^="Vote for “Apple Watch app”"]').waitFor();
  await page.reload();
  await page.locator('button[aria-pressed="true"][aria-label^="Vote for “Apple Watch app”"]').waitFor();
  assert.deepEqual(await axeSerious(page), []);
  assert.deepEqual(problems, []);
  await context.close();
});

// A brand on a shared backend says so to the loader (data-backend), which then opens the
// embed built with the backend stores at once; the local builds would hand the visit over.
test('the loader opens the backend build of an embed when the brand names its backend', async () => {
  const brand = await startHostPage(
    app.url,
    '<div data-gromada="board:feature-requests" data-backend="rest" data-title="On REST"></div>'
      + '<div data-gromada="survey:s-monthly-pulse" data-backend="couch" data-title="On CouchDB"></div>'
      + '<div data-gromada="board:feature-requests" data-backend="local" data-title="In the browser"></div>',
  );
  const { context } = await recordingContext(browser);
  const page = await context.newPage();
  await page.goto(brand.url);
  const pathOf = (title) => page.locator(`iframe[title="${title}"]`).evaluate((f) => new URL(f.src).pathname);
  await page.locator('iframe').nth(2).waitFor();
  assert.equal(await pathOf('On REST'), '/embed-remote.html');
  assert.equal(await pathOf('On CouchDB'), '/embed-survey-remote.html');
  assert.equal(await pathOf('In the browser'), '/embed.html');
  // The backend build runs on browser storage too (here the configured one).
  await page.frameLocator('iframe[title="On REST"]').getByRole('heading', { level: 1, name: 'Feature requests' }).waitFor();
  await context.close();
  await brand.close();
});

test('the loader is small', async () => {
  const res = await fetch(`${app.url}gromada-embed.js`);
  const body = await res.text();
  assert.ok(body.length < 2048, `gromada-embed.js is ${body.length} bytes`);
});
