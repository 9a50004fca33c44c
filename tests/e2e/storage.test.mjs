// What users see when data or configuration is wrong: damaged stored entries are moved
// aside and offered for download; an invalid config.json names each wrong setting.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launch, openApp, recordingContext, startServer } from './support.mjs';

let browser, app, badConfig, brokenJson;

before(async () => {
  browser = await launch();
  app = await startServer({ dir: 'dist' });
  badConfig = await startServer({
    dir: 'dist',
    overrides: { '/config.json': { body: JSON.stringify({ locale: 'de', theme: { primary: 'red' }, view: 'board:Not A Slug' }) } },
  });
  brokenJson = await startServer({ dir: 'dist', overrides: { '/config.json': { body: '{"locale": "en",' } } });
});

after(async () => {
  await browser?.close();
  await Promise.all([app, badConfig, brokenJson].map((s) => s?.close()));
});

test('a damaged stored entry is moved aside, downloadable, and the rest keeps working', async () => {
  const { context, problems } = await recordingContext(browser, { acceptDownloads: true });
  const page = await openApp(context, app.url);
  await page.getByRole('link', { name: 'Feature requests' }).waitFor();
  await page.evaluate(() => localStorage.setItem('gromada:lumo:d:ideas:broken', '{"id": "broken", oops'));
  await page.reload();
  const banner = page.getByRole('alert').filter({ hasText: 'Some saved data could not be read' });
  await banner.waitFor();
  await page.getByRole('link', { name: 'Feature requests' }).waitFor();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download damaged entries' }).click(),
  ]);
  const path = await download.path();
  const { readFileSync } = await import('node:fs');
  const saved = JSON.parse(readFileSync(path, 'utf8'));
  assert.ok(Object.values(saved).includes('{"id": "broken", oops'), 'the raw text is in the download');
  await page.getByRole('button', { name: 'Delete damaged entries' }).click();
  await banner.waitFor({ state: 'detached' });
  assert.deepEqual(problems, []);
  await context.close();
});

test('an invalid configuration names each wrong setting instead of a blank page', async () => {
  const { context } = await recordingContext(browser);
  const page = await context.newPage();
  await page.goto(badConfig.url);
  await page.getByRole('heading', { name: 'Gromada is not configured correctly' }).waitFor();
  for (const field of ['locale', 'theme.primary', 'view']) {
    await page.getByRole('rowheader', { name: field }).waitFor();
  }
  assert.ok(await page.getByText('"en", "pl" or null').isVisible());
  await page.goto(brokenJson.url);
  await page.getByRole('heading', { name: 'Gromada is not configured correctly' }).waitFor();
  assert.ok(await page.getByText('valid JSON').isVisible());
  await context.close();
});
