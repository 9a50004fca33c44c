// Feature-voting journeys in Chromium, as members and staff would go through them:
// post (with a duplicate hint) → vote → reload → status → roadmap → changelog → badge;
// merge; approval queue (in Polish); word filter; slow mode; hostile input; CSV export.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { DEMO_BOARD, launch, openApp, recordingContext, startServer } from './support.mjs';

let browser, app;

before(async () => {
  browser = await launch();
  app = await startServer({ dir: 'dist' });
});

after(async () => {
  await browser?.close();
  await app?.close();
});

/** Chooses who the demo acts as ('' = anonymous). */
async function actAs(page, memberId) {
  await page.locator('.g-role-switcher select').selectOption(memberId);
}

async function postIdea(page, title, description = '') {
  await page.getByRole('button', { name: /^(Post an idea|Dodaj pomysł)$/ }).first().click();
  await page.locator('#g-idea-title').fill(title);
  if (description) await page.locator('#g-idea-description').fill(description);
  await page.getByRole('button', { name: /^(Post idea|Opublikuj pomysł)$/ }).click();
}

const voteButton = (page, title) => page.locator(`button[aria-label^="Vote for “${title}”"], button[aria-label^="${title} ·"]`).first();

test('post with a duplicate hint, vote, ship it and thank the contributors', async () => {
  const { context, problems } = await recordingContext(browser, { acceptDownloads: true });
  const page = await openApp(context, `${app.url}b/${DEMO_BOARD}`);
  await page.getByRole('heading', { level: 1, name: 'Feature requests' }).waitFor();
  await page.getByRole('button', { name: 'Post an idea' }).first().click();
  await page.locator('#g-idea-title').fill('Dark theme in the mobile app at night');
  // The similar existing idea is offered, with its own vote button.
  const hints = page.getByRole('region', { name: /Similar ideas already exist/ });
  await hints.getByRole('link', { name: 'Dark mode for the mobile app' }).waitFor();
  assert.ok(await hints.getByRole('button', { name: /Dark mode for the mobile app/ }).isVisible());
  const title = 'Schedule a dark theme for night-time use';
  await page.locator('#g-idea-title').fill(title);
  await page.locator('#g-idea-description').fill('Switch automatically at sunset.\n\nSee https://example.com/spec for details.');
  await page.getByRole('button', { name: 'Post idea' }).click();
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
  const link = page.getByRole('link', { name: 'https://example.com/spec' });
  assert.equal(await link.getAttribute('rel'), 'noopener noreferrer nofollow');
  // Vote, reload: the vote is kept.
  await voteButton(page, title).click();
  await page.waitForFunction((t) => document.querySelector(`button[aria-label^="Vote for “${t}”"]`)?.getAttribute('aria-pressed') === 'true', title);
  await page.reload();
  await voteButton(page, title).waitFor();
  assert.equal(await voteButton(page, title).getAttribute('aria-pressed'), 'true');
  const ideaUrl = page.url();
  await page.getByLabel('Your comment').fill('I would use this every evening.');
  await page.getByRole('button', { name: 'Post comment' }).click();
  await page.getByText('I would use this every evening.').waitFor();

  // The admin ships it: status → Done, visible on the roadmap, announced in the changelog.
  await actAs(page, 'm-piotr');
  await page.getByRole('heading', { name: 'Moderator tools' }).waitFor();
  const tools = page.getByRole('region', { name: 'Moderator tools' });
  await tools.getByRole('combobox', { name: /^Status/ }).selectOption('done');
  await page.getByRole('button', { name: 'Apply' }).click();
  await page.getByText('Status changed to Done.').waitFor();
  await page.getByRole('link', { name: 'Roadmap', exact: true }).first().click();
  const done = page.getByRole('region', { name: /Done/ });
  await done.getByRole('link', { name: title }).waitFor();
  await page.goto(ideaUrl);
  await page.getByRole('link', { name: 'Announce in the changelog' }).click();
  await page.getByRole('button', { name: 'New changelog entry' }).waitFor();
  assert.ok(await page.getByRole('checkbox', { name: title }).isChecked(), 'the idea is preselected');
  await page.getByLabel('Headline').fill('Night-time dark theme');
  await page.getByLabel('What changed').fill('It switches at sunset.');
  await page.getByRole('button', { name: 'Publish' }).click();
  await page.getByText(/Published\. \d+ contributors are thanked\./).waitFor();
  await page.getByRole('heading', { name: 'Night-time dark theme' }).waitFor();

  // Ola (author, voter, commenter) now carries the Contributor badge.
  await actAs(page, 'm-ola');
  await page.goto(ideaUrl);
  await page.getByText(/Shipped in/).waitFor();
  const byline = page.locator('.g-comment').filter({ hasText: 'I would use this every evening.' });
  await byline.getByText('Contributor').waitFor();
  await page.goto(`${app.url}u/m-ola`);
  await page.getByRole('heading', { level: 1, name: /Ola Nowak/ }).getByText('Contributor').waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test('merging a duplicate moves its votes once and closes it', async () => {
  const { context, problems } = await recordingContext(browser);
  const page = await openApp(context, `${app.url}b/${DEMO_BOARD}?sort=new`);
  await actAs(page, 'm-ola');
  await postIdea(page, 'Random lights while on holiday');
  await page.getByRole('heading', { level: 1, name: 'Random lights while on holiday' }).waitFor();
  await voteButton(page, 'Random lights while on holiday').click();
  await page.waitForFunction(() => document.querySelector('button[aria-pressed="true"]'));
  const dupUrl = page.url();
  const target = 'Harmonogram świateł na wakacje (symulacja obecności)';
  await page.goto(`${app.url}b/${DEMO_BOARD}?q=harmonogram`);
  const olaVotedTarget = (await voteButton(page, target).getAttribute('aria-pressed')) === 'true';
  const before = Number((await voteButton(page, target).innerText()).replace(/\D+/g, ''));
  await actAs(page, 'm-marta');
  await page.goto(dupUrl);
  await page.getByLabel('Search for the idea to keep').fill('harmonogram');
  await page.getByRole('radio', { name: target }).check();
  await page.getByRole('button', { name: /^Merge “Random lights while on holiday” into/ }).click();
  await page.getByText(/^Merged\. Its votes now count for/).waitFor();
  await page.reload();
  await page.locator('.g-banner').filter({ hasText: 'Merged into' }).waitFor();
  assert.equal(await page.getByRole('button', { name: /Voting closed/ }).isDisabled(), true);
  await page.goto(`${app.url}b/${DEMO_BOARD}?q=harmonogram`);
  const afterCount = Number((await voteButton(page, target).innerText()).replace(/\D+/g, ''));
  // Ola's vote moves unless she already voted for the target: nobody is counted twice.
  assert.equal(afterCount, olaVotedTarget ? before : before + 1);
  await page.getByRole('link', { name: target }).click();
  await page.getByRole('heading', { name: 'Merged duplicates' }).waitFor();
  assert.ok(await page.getByRole('link', { name: 'Random lights while on holiday' }).isVisible());
  assert.deepEqual(problems, []);
  await context.close();
});

test('approval queue, in Polish: a held idea appears only after a moderator approves it', async () => {
  const { context, problems } = await recordingContext(browser, { locale: 'pl-PL' });
  const page = await openApp(context, `${app.url}b/lumo-studio`);
  await page.getByLabel('Szukaj pomysłów').waitFor();
  await actAs(page, 'm-ola');
  const title = 'Eksport pokazu do pliku wideo';
  await postIdea(page, title);
  await page.getByText('Dziękujemy! Moderator sprawdzi pomysł, zanim się pojawi.').waitFor();
  await actAs(page, '');
  await page.reload();
  await page.getByLabel('Szukaj pomysłów').waitFor();
  assert.equal(await page.getByRole('link', { name: title }).count(), 0, 'others do not see a held idea');
  await actAs(page, 'm-marta');
  await page.getByRole('link', { name: /^Moderacja/ }).click();
  const item = page.getByRole('listitem').filter({ hasText: title });
  await item.getByText('Wstrzymane: ta tablica zatwierdza każdy wpis').waitFor();
  await item.getByRole('button', { name: 'Zatwierdź' }).click();
  await page.getByText('Zapisano.').first().waitFor();
  await page.getByRole('table').getByText('Zatwierdzono').first().waitFor();
  await actAs(page, '');
  await page.goto(`${app.url}b/lumo-studio`);
  await page.getByRole('link', { name: title }).waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test('the word filter holds a matching post; slow mode counts down', async () => {
  const { context, problems } = await recordingContext(browser);
  const page = await openApp(context, `${app.url}b/${DEMO_BOARD}`);
  await actAs(page, 'm-ola');
  await postIdea(page, 'This giveaway is a SCAM, beware');
  await page.getByText('Thanks! A moderator will review your idea before it appears.').waitFor();
  await actAs(page, 'm-marta');
  await page.goto(`${app.url}moderation`);
  const item = page.getByRole('listitem').filter({ hasText: 'This giveaway is a SCAM, beware' });
  await item.getByText('Held: contains “scam” from the word filter').waitFor();

  // Slow mode on this board: 5 posts and comments per 10 minutes.
  await actAs(page, 'm-ola');
  await page.goto(`${app.url}b/${DEMO_BOARD}`);
  await page.getByRole('link', { name: 'Apple Watch app' }).click();
  const box = page.getByLabel('Your comment');
  // One idea already counts; four comments fill the window.
  for (let i = 1; i <= 4; i++) {
    await box.fill(`Comment number ${i}`);
    await page.getByRole('button', { name: 'Post comment' }).click();
    await page.getByText(`Comment number ${i}`).waitFor();
  }
  await box.fill('One too many');
  await page.getByRole('button', { name: 'Post comment' }).click();
  await page.getByText(/^Slow mode: you can post again in \d+ min \d+ s\.$/).waitFor();
  assert.ok(await page.getByRole('button', { name: 'Post comment' }).isDisabled());
  assert.equal(await box.inputValue(), 'One too many', 'the text stays in the box, nothing is lost');
  assert.deepEqual(problems, []);
  await context.close();
});

test('hostile input stays text and the layout holds', async () => {
  const { context, problems } = await recordingContext(browser);
  const page = await openApp(context, `${app.url}b/${DEMO_BOARD}`);
  await actAs(page, 'm-ola');
  const evil = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2"> javascript:window.__pwned=3 \u202Eevil\u202C 😀';
  // Too long titles are refused with a message, not cut silently.
  await postIdea(page, 'x'.repeat(10_000));
  await page.getByText(/Use at most 120 characters \(now 10000\)\./).waitFor();
  await page.locator('#g-idea-title').fill(`${evil}`.slice(0, 118));
  await page.locator('#g-idea-description').fill(`${evil}\n\n${'y'.repeat(4_800)}`);
  await page.getByRole('button', { name: 'Post idea' }).click();
  await page.locator('h1').filter({ hasText: '<script>' }).waitFor();
  await page.getByLabel('Your comment').fill(`${evil} ${'z'.repeat(3000)}`);
  await page.getByRole('button', { name: 'Post comment' }).click();
  await page.locator('.g-comment').filter({ hasText: 'javascript:window.__pwned=3' }).waitFor();
  for (const url of [page.url(), `${app.url}b/${DEMO_BOARD}?sort=new`]) {
    await page.goto(url);
    await page.locator('h1').first().waitFor();
    await page.waitForTimeout(300);
    assert.equal(await page.evaluate(() => window.__pwned), undefined, 'nothing executed');
    assert.equal(await page.locator('main script, main img[onerror], main [onerror]').count(), 0);
    assert.equal(await page.locator('a[href^="javascript:"]').count(), 0);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 1, `no horizontal overflow (${overflow}px)`);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test('the ideas CSV is RFC 4180, UTF-8, and neutralises formulas', async () => {
  const { context, problems } = await recordingContext(browser, { acceptDownloads: true });
  const page = await openApp(context, `${app.url}b/${DEMO_BOARD}`);
  await actAs(page, 'm-ola');
  await postIdea(page, '=HYPERLINK("http://evil.example","Click, me")');
  await page.locator('h1').filter({ hasText: 'HYPERLINK' }).waitFor();
  await actAs(page, 'm-piotr');
  await page.goto(`${app.url}b/${DEMO_BOARD}`);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export ideas (CSV)' }).click()]);
  assert.equal(download.suggestedFilename(), 'feature-requests-ideas.csv');
  const text = readFileSync(await download.path(), 'utf8');
  assert.ok(text.startsWith('\uFEFFid,title,status,category,votes,comments,author,created\r\n'));
  assert.ok(text.includes(`"'=HYPERLINK(""http://evil.example"",""Click, me"")"`), 'quoted, quotes doubled, formula neutralised');
  assert.ok(text.includes('Źródło zasilania awaryjnego dla hubu'), 'UTF-8 kept');
  const rows = text.trim().split('\r\n');
  assert.ok(rows.length >= 32, `${rows.length} rows`);
  const [votes] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export votes (CSV)' }).click()]);
  const votesText = readFileSync(await votes.path(), 'utf8');
  assert.ok(votesText.startsWith('\uFEFFidea_id,idea_title,voter_id,voter,anonymous,created\r\n'));
  assert.ok(votesText.split('\r\n').length > 500);
  assert.deepEqual(problems, []);
  await context.close();
});
