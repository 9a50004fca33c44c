// Dashboard journeys in Chromium: the community's own activity as tiles and charts;
// importing a members/events CSV pair (with a bad row, an unknown member and hostile
// text) gives the hand-computed figures; channel filter; CSV and PNG export; Polish.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { axeSerious, launch, openApp, recordingContext, startServer } from './support.mjs';

let browser, app;

before(async () => {
  browser = await launch();
  app = await startServer({ dir: 'dist' });
});

after(async () => {
  await browser?.close();
  await app?.close();
});

const MEMBERS = `id,name,role,joined_at,left_at
a,Ann,member,2025-01-01T00:00:00Z,
b,"Bob, Jr.",member,2025-01-01T00:00:00Z,
c,Cy,member,2025-01-01T00:00:00Z,
d,Dee,member,2025-03-05T08:00:00+02:00,
s,Staff,staff,2025-01-01T00:00:00Z,
bot,Bot,bot,2025-01-01T00:00:00Z,
`;

// By hand, for 2025-03-01 … 2025-03-07: active a, b, c, -, -, a, d (DAU average 5/7);
// WAU = MAU = members = 4 on the 7th (engagement 100 %); UGC e1, e3, e4, e10 (4/7 a day);
// roots e1 (answered in 1 h), e4 (3 h), e10 (never): median 2 h, p90 2.8 h, 1 unanswered.
// The second e4 repeats an id and is skipped (counted, c would be active on the 5th too).
const EVENTS = `id,member_id,kind,channel,created_at,parent_id,text
e1,a,post,general,2025-03-01T10:00:00Z,,"Dark mode, please"
e2,s,comment,general,2025-03-01T11:00:00Z,e1,On it
e3,b,comment,general,2025-03-02T09:00:00Z,e1,"Great idea, thanks!"
e4,c,idea,ideas,2025-03-03T12:00:00Z,,<script>alert(1)</script>
e5,s,comment,ideas,2025-03-03T15:00:00Z,e4,Planned
e6,a,reaction,general,2025-03-06T08:00:00Z,e1,
e7,bot,post,general,2025-03-06T09:00:00Z,,Build passed
e8,<img src=x onerror=alert(1)>,post,general,2025-03-06T10:00:00Z,,hi
e9,a,post,general,yesterday,,bad time
e10,d,post,ideas,2025-03-07T18:00:00Z,,This is broken and slow
e4,c,idea,ideas,2025-03-05T12:00:00Z,,the same id again (an overlapping export)
`;

async function tile(page, label) {
  return page.locator('.g-tile').filter({ has: page.getByRole('heading', { name: label, exact: true }) });
}

test('the community\'s own activity fills the dashboard', async () => {
  const { context, problems } = await recordingContext(browser);
  const page = await openApp(context, app.url);
  await page.locator('.g-role-switcher select').selectOption('m-piotr');
  await page.getByRole('link', { name: 'Dashboard' }).click();
  await page.getByRole('heading', { level: 1, name: 'Engagement dashboard' }).waitFor();
  const mau = await tile(page, 'Monthly active members');
  await mau.locator('.g-tile__value').waitFor();
  assert.match(await mau.locator('.g-tile__value').innerText(), /^\d+$/);
  assert.notEqual(await mau.locator('.g-tile__value').innerText(), '0');
  const nps = await tile(page, 'Latest survey NPS');
  assert.match(await nps.locator('.g-tile__value').innerText(), /^[−-]?\d+$/);
  assert.match(await nps.locator('.g-tile__detail').innerText(), /wave \d+/);
  const response = await tile(page, 'Median first staff response');
  assert.match(await response.locator('.g-tile__value').innerText(), /(min|h|days)$/);
  // Charts draw (ECharts loaded from our own origin) and have data tables.
  await page.locator('.g-dash-chart canvas').first().waitFor();
  const tables = await page.locator('.g-dash-chart details.g-data-table').count();
  assert.ok(tables >= 7, `every chart has a data table (${tables})`);
  // Members do not see it.
  await page.locator('.g-role-switcher select').selectOption('m-ola');
  await page.getByText('Only moderators and admins').first().waitFor();
  const violations = await axeSerious(page);
  assert.deepEqual(violations, []);
  assert.deepEqual(problems, []);
  await context.close();
});

test('import a CSV pair: hand-computed tiles, filter, exports, Polish', async () => {
  const { context, problems } = await recordingContext(browser, { acceptDownloads: true });
  const page = await openApp(context, app.url);
  await page.locator('.g-role-switcher select').selectOption('m-piotr');
  await page.goto(`${app.url}dashboard?from=2025-03-01&to=2025-03-07`);
  await page.getByRole('heading', { level: 1, name: 'Engagement dashboard' }).waitFor();
  await page.locator('.g-dropzone input[type=file]').setInputFiles([
    { name: 'events.csv', mimeType: 'text/csv', buffer: Buffer.from(EVENTS) },
    { name: 'members.csv', mimeType: 'text/csv', buffer: Buffer.from(MEMBERS) },
  ]);
  await page.getByText('Imported: members.csv, events.csv').or(page.getByText('Imported: events.csv, members.csv')).first().waitFor();
  // The bad row is reported with its line; the unknown member is shown as text.
  await page.getByText('Rows of events.csv skipped: 1').waitFor();
  await page.getByText(/line 10: .*yesterday/).waitFor();
  await page.getByText('Events by people missing from the members file, skipped: 1 (for example <img src=x onerror=alert(1)>).').waitFor();
  await page.getByText(/^Events whose id repeats an earlier event .*: 1 \(for example e4\)\./).waitFor();
  // 11 rows: one bad, one by an unknown member, one repeated; the bot's counts as read.
  await page.getByText('Imported: 8 events from 6 people.').waitFor();
  assert.equal(await page.locator('.g-main img').count(), 0);
  const value = async (label) => (await tile(page, label)).locator('.g-tile__value').innerText();
  assert.equal(await value('Daily active members (average)'), '0.7');
  assert.equal(await value('Weekly active members'), '4');
  assert.equal(await value('Monthly active members'), '4');
  assert.equal(await value('Engagement rate'), '100%');
  assert.equal(await value('Stickiness'), '34.5%');
  assert.equal(await value('Posts, comments and ideas per day'), '0.6');
  assert.equal(await value('Median first staff response'), '2 h');
  assert.match(await (await tile(page, 'Median first staff response')).locator('.g-tile__detail').innerText(), /2\.8 h; 1 unanswered/);
  assert.equal(await value('Latest survey NPS'), '—');
  assert.match(await (await tile(page, 'Monthly active members')).locator('.g-tile__change').innerText(), /no activity in the previous period/);

  // The data table has the numbers the chart draws.
  const active = page.locator('.g-dash-chart').filter({ has: page.getByRole('heading', { name: 'Active members: daily, weekly, monthly' }) });
  await active.locator('summary').click();
  await active.locator('tbody tr').first().waitFor();
  const row = active.locator('tbody tr').filter({ hasText: '2025-03-07' });
  assert.deepEqual(await row.locator('th, td').allInnerTexts(), ['2025-03-07', '1', '4', '4', '100%', '25%']);

  // CSV export of the daily series.
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download the daily series (CSV)' }).click()]);
  assert.equal(csv.suggestedFilename(), 'gromada-daily-2025-03-01-2025-03-07.csv');
  const text = readFileSync(await csv.path(), 'utf8').replace(/^\uFEFF/, '');
  const lines = text.trim().split(/\r?\n/);
  assert.equal(lines[0], 'date,dau,wau,mau,members,engagement_rate,stickiness,ugc,first_response_median_s,first_response_p90_s,unanswered');
  assert.equal(lines[1], '2025-03-01,1,1,1,3,0.3333333333333333,1,1,3600,3600,0');
  assert.equal(lines[7], '2025-03-07,1,4,4,4,1,0.25,1,,,1');

  // PNG export of a chart.
  await active.locator('canvas').waitFor();
  const [png] = await Promise.all([page.waitForEvent('download'), active.getByRole('button', { name: 'Save as PNG' }).click()]);
  assert.equal(png.suggestedFilename(), 'gromada-active-members.png');
  const bytes = readFileSync(await png.path());
  assert.ok(bytes.length > 2000, 'a real image');
  assert.deepEqual([...bytes.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47]);

  // A supplied tickets series adds MAU next to tickets; a bad cell is reported.
  await page.locator('.g-dropzone input[type=file]').setInputFiles([
    { name: 'tickets.csv', mimeType: 'text/csv', buffer: Buffer.from('date,tickets\n2025-03-01,12\n2025-03-02,x\n2025-03-07,3\n') },
  ]);
  await page.getByText('Daily series added: tickets.').waitFor();
  await page.getByText(/line 3: tickets 'x' is not a number/).waitFor();
  const tickets = page.locator('.g-dash-chart').filter({ has: page.getByRole('heading', { name: 'Monthly active members and support tickets' }) });
  await tickets.locator('summary').click();
  await tickets.locator('tbody tr').first().waitFor();
  assert.deepEqual(await tickets.locator('tbody tr').first().locator('th, td').allInnerTexts(), ['2025-03-01', '1', '12']);
  assert.deepEqual(await tickets.locator('tbody tr').nth(1).locator('th, td').allInnerTexts(), ['2025-03-02', '2', '—']);

  // Channel filter: only "ideas" (c's idea, d's post) counts.
  await page.getByRole('checkbox', { name: 'ideas' }).check();
  await page.waitForURL(/ch=ideas/);
  await page.waitForFunction(() => [...document.querySelectorAll('.g-tile')].some((t) => t.textContent.includes('Monthly active members') && t.querySelector('.g-tile__value')?.textContent === '2'));
  assert.equal(await value('Posts, comments and ideas per day'), '0.3');
  await page.getByRole('checkbox', { name: 'All channels' }).check();
  await page.waitForFunction(() => !location.search.includes('ch='));

  // Polish labels, numbers and units.
  await page.getByLabel('Language').selectOption('pl');
  await page.getByRole('heading', { level: 1, name: 'Panel zaangażowania' }).waitFor();
  const pl = async (label) => (await tile(page, label)).locator('.g-tile__value').innerText();
  assert.equal(await pl('Aktywni w miesiącu'), '4');
  assert.equal(await pl('Aktywni dziennie (średnio)'), '0,7');
  assert.equal(await pl('Mediana pierwszej odpowiedzi zespołu'), '2 godz.');
  await page.getByRole('heading', { name: 'Aktywni członkowie: dziennie, tygodniowo, miesięcznie' }).waitFor();
  await page.getByRole('button', { name: 'Zapisz jako PNG' }).first().waitFor();

  // The printable report keeps the period and the imported data.
  await page.getByRole('link', { name: 'Raport do druku' }).click();
  await page.getByRole('heading', { level: 1, name: /Zaangażowanie społeczności/ }).waitFor();
  assert.equal(await pl('Aktywni w miesiącu'), '4');
  const violations = await axeSerious(page);
  assert.deepEqual(violations, []);
  assert.deepEqual(problems, []);
  await context.close();
});
