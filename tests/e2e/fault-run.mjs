// The fault run, written once for every shared backend (REST, CouchDB): a member
// performs random operations in Chromium (votes, unvotes, comments, new ideas and survey
// answers, from four tabs sharing one outbox) while a proxy (faults.mjs) fails a share of
// the requests in every way a network and a server can; then the proxy heals and the
// server must hold exactly what the member saw: nothing lost, nothing twice, nothing the
// page said was refused; the UI agrees after a reload.
import assert from 'node:assert/strict';
import { rng } from './faults.mjs';
import { DEMO_BOARD, openApp, recordingContext } from './support.mjs';

/** Dismisses the error notices shown so far (at most five are kept). */
const dismissErrors = async (page) => {
  await page.locator('.g-notices[role=alert] .g-notice__close').evaluateAll((bs) => bs.forEach((b) => b.click()));
  await page.waitForFunction(() => document.querySelectorAll('.g-notices[role=alert] .g-notice').length === 0);
};
const titleOf = (label) => label.match(/^Vote for “(.*)” ·/)?.[1];

// Each operation must end, within 30 s, as the member sees it done or with an error that
// says why. Two causes of operations that did neither are fixed in the app: the idea
// page rebuilt its comment form on every reload and a slow-mode answer reaching the old
// form panicked (the app stopped); a write Chromium sent twice was reported as refused
// though stored.
/**
 * Runs `operations` operations against the app at `app.url`, whose backend is reached
 * through `proxy`. `server` reads the backend directly (not through the proxy):
 * `slowMode(settings)` sets the demo board's slow mode and resolves to the board's id;
 * `firstOpenIdea()` the id of an open idea; `firstSurvey()` a survey; `responses(survey,
 * member)`, `ideasTitled(title)`, `votes(idea, voter)`, `commentsWithBody(text)`,
 * `commentsBy(author)` and `ideasOfBoard(board)` the matching documents.
 */
export async function faultRun({ browser, app, proxy, server, operations }) {
  // Slow mode stays on, but lets enough posts through that comments and ideas are really
  // sent under faults (the demo board allows 5 per 10 minutes); later ones meet it.
  const boardId = await server.slowMode({ max_posts: 45, minutes: 10 });
  const { context, problems } = await recordingContext(browser);
  const pageProblems = () => problems.filter((p) => p.startsWith('console') || p.startsWith('pageerror'));
  // Rows are updated in place when the list changes, so a reload that reorders it can
  // put another idea under a click already on its way (as for a person). The member
  // votes in one category, newest first: an order no reload changes (the new ideas
  // posted below have no category).
  const boardUrl = `${app.url}b/${DEMO_BOARD}?sort=new`;
  const board = await openApp(context, `${boardUrl}&category=automation`);
  await board.waitForFunction(() => document.querySelectorAll('.g-role-switcher option').length > 3);
  const member = (await board.locator('.g-role-switcher option').evaluateAll((os) => os.map((o) => o.value)))
    .find((v) => v && !['m-marta', 'm-piotr'].includes(v));
  await board.locator('.g-role-switcher select').selectOption(member);
  const buttons = board.locator('button[aria-label^="Vote for “"]:not([disabled])');
  await buttons.first().waitFor();
  /** Shows every idea of the board (20 at first). */
  const showAll = async () => {
    const more = board.getByRole('button', { name: 'Show more' });
    while (await more.isVisible()) await more.click();
  };
  const open = await server.firstOpenIdea();
  const ideaPage = await context.newPage();
  await ideaPage.goto(`${app.url}b/${DEMO_BOARD}/ideas/${open}`);
  await ideaPage.getByLabel('Your comment').waitFor();
  const postPage = await context.newPage();
  const survey = await server.firstSurvey();
  const responsesBefore = await server.responses(survey.id, member);
  const surveyPage = await context.newPage();
  await surveyPage.goto(`${app.url}s/${survey.id}`);
  const sendAnswers = surveyPage.getByRole('button', { name: 'Send answers' });
  const editAnswers = surveyPage.getByRole('button', { name: 'Edit my answers' });
  await sendAnswers.or(editAnswers).waitFor();

  const random = rng(7);
  const voted = new Map(); // title → the state the member last saw
  const comments = [];
  const refusedComments = [];
  const ideas = [];
  const refusedIdeas = [];
  let nps = null; // the last answer the member saw saved
  let failedOps = 0;
  let slowModeSkips = 0;
  const counts = { vote: 0, unvote: 0, comment: 0, idea: 0, answer: 0 };
  const spent = { vote: 0, comment: 0, idea: 0, answer: 0 }; // seconds
  const alerts = (page) => page.locator('.g-notices[role=alert] .g-notice').count();
  const reasons = []; // what the refusals said
  const refusal = async (page, i) => reasons.push(`${i}: ${(await page.locator('.g-notices[role=alert] .g-notice__text').allInnerTexts()).join(' / ')}`);
  // A notice alone does not say the operation was refused: a read elsewhere on the page
  // (the members, a refresh) may have failed meanwhile while the post is still under way
  // and then lands. So a refusal is a notice once the form is idle again (its submit
  // button, disabled while the operation runs, is enabled) and the operation did not end
  // in success.
  /** Waits for `outcome` (a function run in the page) to return a truthy value. */
  const settle = (page, what, outcome, arg) =>
    page.waitForFunction(outcome, arg, { timeout: 30_000 }).then((h) => h.jsonValue()).catch(async (e) => {
      console.log(`${what}: neither done nor explained;`, 'PAGE PROBLEMS:', pageProblems(), '| NOTICES:', (await page.locator('.g-notices').allInnerTexts()).join(' | '), '| SYNC:', await page.locator('.g-sync').innerText().catch(() => ''), '| LOG:', proxy.state.log.filter((l) => !l.includes('?_sort=id')).slice(-12).join('\n'), '| WRITES:', proxy.state.log.filter((l) => !l.includes(' GET ')).slice(-6).join('\n'));
      console.log('STATE:', await page.evaluate((a) => JSON.stringify(a) + [...document.querySelectorAll('button[aria-label^="Vote for “"]')].filter((b) => !a || b.getAttribute('aria-label').includes(a[0])).map((b) => b.outerHTML).join('\n') + `\nSAME LIST: ${document.querySelector('.g-ideas') === window.__list}\nTRACE ` + (window.__trace ?? []).join('\n'), arg));
      console.log('OUTBOX:', await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('gromada-outbox')).map((k) => localStorage.getItem(k)).join('\n').slice(-3000)));
      throw e;
    });
  proxy.faults(true);
  // Operations performed (a comment not tried because slow mode counts down is none).
  for (let i = 0; i < operations; i++) {
    if (i % 40 === 20) proxy.faults(false); // faults come and go
    if (i % 40 === 30) proxy.faults(true);
    const dice = random();
    const began = Date.now();
    const kind = dice < 0.6 ? 'vote' : dice < 0.75 ? 'comment' : dice < 0.87 ? 'idea' : 'answer';
    if (dice < 0.6) {
      // Vote or unvote. The idea is found by its title each time: a reload may show
      // another idea in the same row.
      // The member works in the tab in front (Chromium throttles timers in the others).
      await board.bringToFront();
      await showAll();
      const n = await buttons.count();
      const title = titleOf(await buttons.nth(Math.floor(random() * n)).getAttribute('aria-label'));
      const mine = board.locator(`button[aria-label^="Vote for “${title}” ·"]`).first();
      const was = (await mine.getAttribute('aria-pressed')) === 'true';
      counts[was ? 'unvote' : 'vote']++;
      await dismissErrors(board);
      // What happened to the button, printed if the operation neither ends nor explains.
      await board.evaluate((t) => {
        window.__trace = [];
        const t0 = performance.now();
        window.__obs?.disconnect();
        window.__obs = new MutationObserver((ms) => ms.forEach((m) => {
          const l = m.target.getAttribute?.('aria-label') ?? '';
          if (l.includes(t)) window.__trace.push(`${Math.round(performance.now() - t0)} ${m.attributeName}=${m.target.getAttribute(m.attributeName)} label=${l.slice(-12)}`);
        }));
        window.__list = document.querySelector('.g-ideas');
        window.__obs.observe(window.__list, { attributes: true, subtree: true, attributeFilter: ['aria-pressed', 'aria-busy', 'aria-label', 'disabled'] });
        document.addEventListener('click', (e) => window.__trace.push(`${Math.round(performance.now() - t0)} click on ${e.target.closest('button')?.getAttribute('aria-label')}`), { capture: true, once: true });
      }, title);
      await mine.click();
      const state = ([t, before]) => {
        const b = [...document.querySelectorAll('button[aria-label^="Vote for “"]')].find((x) => x.getAttribute('aria-label').startsWith(`Vote for “${t}” ·`));
        const explained = document.querySelectorAll('.g-notices[role=alert] .g-notice').length > 0;
        if (!b) return false;
        // Registered (saving, or already shown), or refused at once with an explanation
        // (e.g. no votes left in the budget); then saving is over.
        if (b.getAttribute('aria-busy') === 'true') return false;
        return b.getAttribute('aria-pressed') !== before || explained ? b.getAttribute('aria-pressed') : false;
      };
      const now = (await settle(board, `operation ${i}: vote on “${title}”`, state, [title, String(was)])) === 'true';
      // What the member now sees is what must be stored (a refused toggle is rolled back
      // and explained; an accepted one stays, sent now or later).
      if (now === was) {
        failedOps++;
        assert.ok((await alerts(board)) > 0, `operation ${i}: a failed vote is explained`);
        await refusal(board, i);
      }
      voted.set(title, now);
    } else if (dice < 0.75) {
      const text = `Fault run comment #${i}.`;
      counts.comment++;
      // While slow mode counts down, the member cannot comment.
      if ((await ideaPage.locator('#g-comment-wait').innerText()).trim() !== '') {
        slowModeSkips++;
        counts.comment--;
        i--;
        continue;
      }
      await ideaPage.bringToFront();
      await dismissErrors(ideaPage);
      await ideaPage.getByLabel('Your comment').fill(text);
      await ideaPage.getByRole('button', { name: 'Post comment' }).click();
      // Done when the comment shows and the form is cleared, or an error explains why not.
      const outcome = await settle(ideaPage, `operation ${i}: comment`, ([t]) => {
        const cleared = document.querySelector('#g-comment-body')?.value === '';
        if (cleared && [...document.querySelectorAll('.g-comment p')].some((p) => p.textContent.trim() === t)) return 'posted';
        if ((document.querySelector('#g-comment-wait')?.textContent ?? '').trim() !== '') return 'slow mode';
        return document.querySelectorAll('.g-notices[role=alert] .g-notice').length > 0 && ![...document.querySelectorAll('button[type=submit]')].some((b) => b.disabled) ? 'refused' : false;
      }, [text]);
      if (outcome === 'posted') comments.push(text);
      else {
        failedOps++;
        // Slow mode explains itself by its countdown next to the form, not by a notice.
        if (outcome === 'slow mode') reasons.push(`${i}: ${(await ideaPage.locator('#g-comment-wait').innerText()).trim()}`);
        else await refusal(ideaPage, i);
        refusedComments.push(text);
        // Not posted: the text stays in the form; the member clears it.
        await ideaPage.getByLabel('Your comment').fill('');
      }
    } else if (dice < 0.87) {
      const title = `Fault run idea ${i}`;
      counts.idea++;
      await postPage.bringToFront();
      if (postPage.url().includes('/ideas/')) await postPage.goBack();
      if (!postPage.url().startsWith(boardUrl)) await postPage.goto(boardUrl);
      await dismissErrors(postPage);
      const form = postPage.locator('#g-idea-title');
      if (!(await form.isVisible())) await postPage.getByRole('button', { name: 'Post an idea' }).first().click();
      await form.fill(title);
      await postPage.locator('#g-idea-description').fill(`Posted while the network fails (${i}).`);
      await postPage.getByRole('button', { name: 'Post idea' }).click();
      // Posted: the app opens the new idea's page. Refused: explained.
      const outcome = await settle(postPage, `operation ${i}: idea`, () => {
        if (location.pathname.includes('/ideas/')) return 'posted';
        return document.querySelectorAll('.g-notices[role=alert] .g-notice').length > 0 && ![...document.querySelectorAll('button[type=submit]')].some((b) => b.disabled) ? 'refused' : false;
      });
      if (outcome === 'posted') {
        ideas.push(title);
        await postPage.getByRole('heading', { level: 1, name: title }).waitFor({ timeout: 30_000 });
      } else {
        failedOps++;
        await refusal(postPage, i);
        refusedIdeas.push(title);
      }
    } else {
      counts.answer++;
      await surveyPage.bringToFront();
      await dismissErrors(surveyPage);
      if (await editAnswers.isVisible()) await editAnswers.click();
      const score = Math.floor(random() * 11);
      const group = (name) => surveyPage.getByRole('group', { name });
      await group(/How likely are you to recommend/).getByRole('radio', { name: String(score), exact: true }).check();
      await group(/How satisfied are you/).getByRole('radio').nth(3).check();
      await group(/Which feature do you/).getByRole('radio').first().check();
      await sendAnswers.click();
      const outcome = await settle(surveyPage, `operation ${i}: survey answer`, () => {
        if (document.querySelector('.g-thanks')) return 'saved';
        return document.querySelectorAll('.g-notices[role=alert] .g-notice').length > 0 && ![...document.querySelectorAll('button[type=submit]')].some((b) => b.disabled) ? 'refused' : false;
      });
      if (outcome === 'saved') nps = score;
      else {
        failedOps++;
        await refusal(surveyPage, i);
      }
    }
    spent[kind] += (Date.now() - began) / 1000;
  }
  // Heal; the outbox drains by itself (it retries on its own schedule).
  proxy.faults(false);
  for (const page of [board, ideaPage, postPage, surveyPage]) {
    try {
      await page.getByText('Changes waiting to be sent to the server').waitFor({ state: 'detached', timeout: 120_000 });
    } catch (e) {
      // What is stuck, and what the page says about it.
      const stuck = await page.evaluate(() => ({
        sync: document.querySelector('.g-sync')?.innerText ?? '',
        outbox: Object.keys(localStorage).filter((k) => k.startsWith('gromada-outbox:'))
          .map((k) => `${k} = ${localStorage.getItem(k).slice(0, 400)}`),
      })).catch((err) => ({ unreadable: String(err) }));
      throw new Error(`the outbox did not drain on ${page.url()}: ${JSON.stringify(stuck, null, 1)}\n${e.message}`);
    }
  }
  assert.equal(await board.getByText('Changes the server refused').count(), 0, `nothing refused: ${await board.locator('.g-sync').innerText().catch(() => '')}`);
  console.log(`operations: ${JSON.stringify(counts)}; seconds spent: ${JSON.stringify(spent, (k, v) => (typeof v === "number" ? Math.round(v) : v))}; faults injected: ${JSON.stringify(proxy.state.counts)}; refused with an explanation: ${failedOps} of ${operations}; comments skipped during slow mode: ${slowModeSkips}; refusals: ${reasons.join(' | ')}`);
  for (const [kind, n] of Object.entries(counts)) assert.ok(n > 0, `some operations of kind ${kind}`);
  assert.deepEqual(pageProblems(), [], 'no errors in the pages');

  // json-server holds exactly what the member saw.
  for (const [title, on] of voted) {
    const [idea] = await server.ideasTitled(title);
    const votes = await server.votes(idea.id, `m:${member}`);
    assert.equal(votes.length, on ? 1 : 0, `vote on “${title}”`);
  }
  for (const text of comments) {
    assert.equal((await server.commentsWithBody(text)).length, 1, `comment “${text}” exactly once`);
  }
  for (const text of refusedComments) {
    assert.equal((await server.commentsWithBody(text)).length, 0, `refused comment “${text}” not stored`);
  }
  const runComments = (await server.commentsBy(`m:${member}`)).filter((c) => c.body.startsWith('Fault run comment'));
  assert.equal(runComments.length, comments.length, 'no other comments');
  for (const title of ideas) {
    const found = await server.ideasTitled(title);
    assert.equal(found.length, 1, `idea “${title}” exactly once`);
    assert.equal(found[0].author, `m:${member}`, `idea “${title}” by the member`);
  }
  for (const title of refusedIdeas) {
    assert.equal((await server.ideasTitled(title)).length, 0, `refused idea “${title}” not stored`);
  }
  const runIdeas = (await server.ideasOfBoard(boardId)).filter((d) => d.title.startsWith('Fault run idea'));
  assert.equal(runIdeas.length, ideas.length, 'no other ideas');
  const responses = await server.responses(survey.id, member);
  const added = responses.filter((r) => !responsesBefore.some((b) => b.id === r.id));
  assert.ok(added.length <= 1, `at most one new response for this wave: ${JSON.stringify(added)}`);
  if (nps !== null) {
    const latest = responses.reduce((a, b) => (b.wave > a.wave ? b : a));
    assert.deepEqual(latest.answers.nps, { score: nps }, 'the survey answer last saved');
  } else {
    assert.deepEqual(responses, responsesBefore, 'no survey answer saved');
  }
  const injected = Object.entries(proxy.state.counts).filter(([k]) => k !== 'passed');
  assert.ok(injected.every(([, n]) => n > 0), `every kind of fault happened: ${JSON.stringify(proxy.state.counts)}`);

  // And the UI agrees after a reload.
  await board.bringToFront();
  await board.reload();
  await buttons.first().waitFor();
  await showAll();
  // (The member's votes show once the page knows who is acting: wait for that.)
  await board.waitForFunction((m) => document.querySelector('.g-role-switcher select')?.value === m, member);
  for (const [title, on] of voted) {
    const agrees = await board.waitForFunction(([t, want]) => [...document.querySelectorAll('button[aria-label^="Vote for “"]')]
      .some((b) => b.getAttribute('aria-label').startsWith(`Vote for “${t}” ·`) && b.getAttribute('aria-pressed') === want), [title, String(on)], { timeout: 10_000 }).then(() => true, () => false);
    assert.ok(agrees, `after reload, “${title}” shows ${on ? '' : 'no '}vote`);
  }
  await postPage.bringToFront();
  await postPage.goto(boardUrl);
  await postPage.locator('button[aria-label^="Vote for “"]').first().waitFor();
  const more = postPage.getByRole('button', { name: 'Show more' });
  while (await more.isVisible()) await more.click();
  for (const title of ideas) {
    assert.equal(await postPage.locator(`button[aria-label^="Vote for “${title}” ·"]`).count(), 1, `after reload, idea “${title}” listed once`);
  }
  await ideaPage.bringToFront();
  await ideaPage.reload();
  await ideaPage.getByLabel('Your comment').waitFor();
  // The comments are read after the form shows: wait until they are (or said failed).
  await ideaPage.locator('section[aria-labelledby=g-comments] :is(.g-comments, .g-empty, .g-read-problem)').first().waitFor();
  assert.equal(await ideaPage.locator('.g-read-problem').count(), 0, 'after reload, the comments are read');
  for (const text of comments) {
    assert.equal(await ideaPage.locator('.g-comment').filter({ has: ideaPage.getByText(text, { exact: true }) }).count(), 1, `after reload, comment “${text}” shown once`);
  }
  if (nps !== null) {
    await surveyPage.bringToFront();
    await surveyPage.reload();
    await editAnswers.click().catch(async (e) => {
      console.log('SURVEY PAGE AFTER RELOAD:', (await surveyPage.locator('body').innerText()).slice(0, 3000), '| OUTBOX:', await surveyPage.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('gromada-')).map((k) => `${k}=${localStorage.getItem(k).slice(0, 300)}`).join('\n')));
      throw e;
    });
    assert.ok(await surveyPage.getByRole('group', { name: /How likely are you to recommend/ }).getByRole('radio', { name: String(nps), exact: true }).isChecked(), 'after reload, the survey answer');
  }
  await context.close();
}
