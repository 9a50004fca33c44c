// Survey journeys in Chromium: build a survey with every question type (validation names
// the field), answer it as three members (one with the keyboard only), the anonymity
// threshold hides results until enough answered, publish results that members then see,
// a partial answer survives a reload, hostile text stays text, CSV export, SurveyJS import.
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

async function actAs(page, memberId) {
  await page.locator('.g-role-switcher select').selectOption(memberId);
}

/** Ids of ordinary members offered by the demo's role switcher. */
async function members(page) {
  return page.locator('.g-role-switcher option').evaluateAll((os) => os.map((o) => o.value).filter((v) => v && !['m-marta', 'm-piotr'].includes(v)));
}

const TYPES = [
  ['csat', 'How happy are you with support?'],
  ['rating', 'Rate the new app'],
  ['emoji_slider', 'How do you feel today?'],
  ['single_choice', 'Which room do you light most?'],
  ['multiple_choice', 'Which features do you use?'],
  ['yes_no', 'Would you join a meetup?'],
  ['short_text', 'Your favourite scene name'],
  ['long_text', 'Anything else?'],
];

test('build, answer, hide below the threshold, publish, export', async () => {
  const { context, problems } = await recordingContext(browser, { acceptDownloads: true });
  const page = await openApp(context, app.url);
  await actAs(page, 'm-piotr');
  await page.goto(`${app.url}surveys/new`);
  await page.getByRole('heading', { level: 1, name: 'New survey' }).waitFor();
  // Saving without a title names the field.
  await page.getByRole('button', { name: 'Save changes' }).click();
  await page.locator('#g-survey-title-error').filter({ hasText: 'This field is required.' }).waitFor();
  await page.getByLabel('Title', { exact: true }).fill('Lighting habits');
  await page.getByLabel('Thank-you text').fill('Thanks for helping!');
  await page.getByLabel('Show results from (responses)').fill('3');
  const q1 = page.getByRole('group', { name: 'Question 1' });
  await q1.getByRole('textbox', { name: 'Question' }).fill('Would you recommend Lumo?');
  await q1.getByRole('checkbox', { name: 'Required' }).check();
  for (const [kind, text] of TYPES) {
    const adder = page.locator('.g-toolbar').filter({ has: page.getByRole('button', { name: 'Add question' }) });
    await adder.getByRole('combobox').selectOption(kind);
    await adder.getByRole('button', { name: 'Add question' }).click();
    const n = await page.locator('.g-question-editor').count();
    await page.getByRole('group', { name: `Question ${n}` }).getByRole('textbox', { name: 'Question' }).fill(text);
  }
  // Show "Anything else?" only to detractors.
  const last = page.getByRole('group', { name: 'Question 9' });
  await last.getByRole('combobox', { name: 'Show only if' }).selectOption({ label: 'Would you recommend Lumo?' });
  await last.getByLabel('to').fill('6');
  await last.getByLabel('to').blur();
  await page.getByRole('button', { name: 'Save changes' }).click();
  await page.getByRole('heading', { level: 1, name: /^Edit survey: Lighting habits$/ }).waitFor();
  const surveyUrl = page.url().replace(/\/edit$/, '');

  // Member 1 answers with the mouse.
  const ids = await members(page);
  await actAs(page, ids[0]);
  await page.goto(surveyUrl);
  await page.getByRole('heading', { level: 1, name: 'Lighting habits' }).waitFor();
  const nps = page.getByRole('group', { name: /Would you recommend Lumo\?/ });
  await nps.locator('label').filter({ hasText: /^10/ }).click();
  assert.equal(await page.getByRole('group', { name: 'Anything else?' }).count(), 0, 'hidden for a promoter');
  await page.getByRole('group', { name: /How happy are you with support/ }).locator('label').nth(3).click();
  await page.getByRole('group', { name: 'Which features do you use?' }).getByRole('checkbox').first().check();
  await page.getByRole('group', { name: 'Your favourite scene name' }).getByRole('textbox').fill('<img src=x onerror="window.__pwned=1">Evening');
  await page.getByRole('button', { name: 'Send answers' }).click();
  await page.getByText('Thanks for helping!').waitFor();

  // Member 2 answers with the keyboard only: digits pick scale values.
  await actAs(page, ids[1]);
  await page.goto(surveyUrl);
  await page.getByRole('heading', { level: 1, name: 'Lighting habits' }).waitFor();
  await page.locator('.g-scale input').first().focus();
  await page.keyboard.press('3');
  await page.getByRole('group', { name: 'Anything else?' }).waitFor();
  await page.keyboard.press('Tab');
  await page.keyboard.press('5');
  // The slider: arrows move it.
  await page.locator('.g-slider__input').focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.getByRole('group', { name: 'Anything else?' }).getByRole('textbox').focus();
  await page.keyboard.type('Hub drops offline, terrible.');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await page.getByText('Thanks for helping!').waitFor();

  // Two responses < threshold 3: members see nothing of the results yet; the admin does.
  await page.goto(`${surveyUrl}/results`);
  await page.getByText(/Results appear once at least 3 people have answered this wave \(now 2\)/).waitFor();
  await actAs(page, 'm-piotr');
  await page.getByRole('heading', { name: 'Would you recommend Lumo?' }).waitFor();

  // Member 3 answers; a partial answer first survives a reload.
  await actAs(page, ids[2]);
  await page.goto(surveyUrl);
  await page.getByRole('group', { name: /Would you recommend Lumo\?/ }).locator('label').filter({ hasText: /^8/ }).click();
  await page.getByRole('group', { name: 'Your favourite scene name' }).getByRole('textbox').fill('Cosy');
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Lighting habits' }).waitFor();
  assert.equal(await page.getByRole('group', { name: 'Your favourite scene name' }).getByRole('textbox').inputValue(), 'Cosy');
  assert.ok(await page.getByRole('group', { name: /Would you recommend Lumo\?/ }).getByRole('radio', { name: '8' }).isChecked());
  await page.getByRole('button', { name: 'Send answers' }).click();
  await page.getByText('Thanks for helping!').waitFor();
  await page.goto(`${surveyUrl}/results`);
  await page.getByRole('heading', { name: 'Would you recommend Lumo?' }).waitFor();
  // 10, 3, 8 → one promoter, one passive, one detractor: NPS 0.
  await page.getByText(/^NPS 0 · promoters 33%, passives 33%, detractors 33%$/).waitFor();
  assert.ok(await page.getByText('NPS = % promoters (9–10) − % detractors (0–6), of those who answered').isVisible());
  // Hostile text is shown as text.
  await page.getByText('<img src=x onerror="window.__pwned=1">Evening').waitFor();
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.equal(await page.locator('main img').count(), 0);
  assert.deepEqual(await axeSerious(page), []);

  // The admin publishes a summary; members see it; the admin exports the responses.
  await actAs(page, 'm-piotr');
  await page.getByLabel('What we learned').fill('Evenings matter most to you.');
  await page.getByLabel('What we will do about it').fill('We add more evening scenes in January.');
  await page.getByRole('button', { name: 'Publish' }).click();
  await page.getByText('Published. Members see it with the results and after answering.').waitFor();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export responses (CSV)' }).click()]);
  const csv = readFileSync(await download.path(), 'utf8');
  const lines = csv.trim().split('\r\n');
  assert.equal(lines.length, 4, 'a header and three responses');
  assert.ok(lines[0].includes('Would you recommend Lumo?') && lines[0].includes('Anything else?'));
  assert.ok(csv.includes('Hub drops offline, terrible.'));
  await actAs(page, ids[0]);
  await page.goto(surveyUrl);
  await page.getByText('Evenings matter most to you.').waitFor();
  await page.getByText('We add more evening scenes in January.').waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test('SurveyJS import lists what it could not import', async () => {
  const { context, problems } = await recordingContext(browser);
  const page = await openApp(context, app.url);
  await actAs(page, 'm-piotr');
  await page.goto(`${app.url}surveys/new`);
  await page.getByRole('button', { name: 'Import from SurveyJS' }).click();
  await page.getByLabel('SurveyJS JSON').fill(JSON.stringify({
    title: 'Imported',
    pages: [{ elements: [
      { type: 'rating', name: 'nps', title: 'Recommend us?', rateMin: 0, rateMax: 10 },
      { type: 'radiogroup', name: 'color', title: 'Colour', choices: ['Red', 'Blue'] },
      { type: 'comment', name: 'why', title: 'Why blue?', visibleIf: "{color} = 'Blue'" },
      { type: 'matrix', name: 'grid', title: 'Grid', columns: ['a'], rows: ['b'] },
    ] }],
  }));
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByText('Imported 3 questions.').waitFor();
  await page.getByText('question type “matrix” is not supported').waitFor();
  assert.equal(await page.locator('.g-question-editor').count(), 3);
  assert.equal(await page.getByLabel('Title', { exact: true }).inputValue(), 'Imported');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the survey and pulse embeds render without chrome', async () => {
  const { context, problems } = await recordingContext(browser);
  // A hand-written URL for the board embed page moves to the survey embed page; with
  // this demo's storage still empty, that hands the first visit to the full app.
  const page = await openApp(context, `${app.url}embed.html?embed=pulse:s-monthly-pulse:mood`);
  await page.locator('.g-slider__input').waitFor();
  assert.equal(new URL(page.url()).pathname, '/index.html');
  assert.equal(new URL(page.url()).searchParams.get('embed'), 'pulse:s-monthly-pulse:mood');
  assert.equal(await page.getByRole('banner').count(), 0);
  assert.equal(await page.locator('.g-question').count(), 1, 'the pulse shows one question');
  // With the demo stored, the survey embed page (survey widgets only) stays.
  await page.goto(`${app.url}embed-survey.html?embed=survey:s-monthly-pulse`);
  await page.getByRole('heading', { level: 1, name: 'Monthly community pulse' }).waitFor();
  assert.equal(new URL(page.url()).pathname, '/embed-survey.html');
  assert.equal(await page.getByRole('banner').count(), 0);
  assert.ok((await page.locator('.g-question').count()) >= 6);
  await page.goto(`${app.url}embed.html?embed=pulse:s-monthly-pulse:mood`);
  await page.locator('.g-slider__input').waitFor();
  assert.equal(new URL(page.url()).pathname, '/embed-survey.html');
  assert.deepEqual(problems, []);
  await context.close();
});
