// Scale benchmark of a board (not a test): 10 000 ideas and 200 000 votes in the memory
// store (`"demo": "large"`), driven in headless Chromium. Reports
//  - start-up (page load → home rendered, including generating and storing the data),
//  - board open (click → first idea rows painted),
//  - search keystroke → work done and laid out (p50/p95/max over many keystrokes),
//  - vote click → DOM updated and laid out (p50/p95/max),
// and, for each interaction, the time to the next animation frame as well (that adds the
// wait for the display's next frame, up to ~16.7 ms at 60 Hz).
// Usage: node scripts/bench/board.mjs [dist]      (./x bench-board builds first)
import { chromium } from 'playwright-core';
import { startServer } from '../serve.mjs';

const dist = process.argv[2] || 'dist';
const server = await startServer({
  dir: dist,
  overrides: { '/config.json': { body: JSON.stringify({ storage: 'memory', demo: 'large', community: { name: 'Bench' } }) } },
});
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
page.on('pageerror', (e) => console.error('page error:', e.message));

const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};
const fmt = (xs) => `p50 ${pct(xs, 50).toFixed(1)} ms, p95 ${pct(xs, 95).toFixed(1)} ms, max ${Math.max(...xs).toFixed(1)} ms (n=${xs.length})`;

// In the page: run `action`, let its synchronous work and any follow-up tasks run (a
// zero-delay timeout runs after them), force style and layout, and return
// [work ms, to-next-frame ms]. No reliance on the DOM changing (a keystroke that keeps
// the same results is measured too).
const MEASURE = `window.__measure = (action) => new Promise((resolve) => {
  const t0 = performance.now();
  action();
  setTimeout(() => {
    void document.body.offsetHeight;
    const t1 = performance.now();
    let settled = false;
    const finish = () => { if (!settled) { settled = true; resolve([t1 - t0, performance.now() - t0]); } };
    requestAnimationFrame(finish);
    setTimeout(finish, 100);
  }, 0);
});`;

const t0 = Date.now();
await page.goto(server.url);
await page.getByRole('link', { name: 'Big board (benchmark)' }).waitFor({ timeout: 120_000 });
const startup = Date.now() - t0;
await page.evaluate(MEASURE);

const open = await page.evaluate(
  () =>
    new Promise((resolve) => {
      const t = performance.now();
      const link = [...document.querySelectorAll('a')].find((a) => a.textContent.includes('Big board'));
      link.click();
      const poll = () => {
        if (document.querySelectorAll('.g-idea').length >= 20) {
          void document.body.offsetHeight;
          requestAnimationFrame(() => resolve(performance.now() - t));
        } else setTimeout(poll, 1);
      };
      poll();
    }),
);
const total = await page.locator('.g-board__summary').innerText();

// Search: type words letter by letter (with diacritics and without), clearing between.
const words = ['sensor', 'zrodlo', 'harmonogram', 'sunrise', 'ściemniacz', 'night 1', 'export', 'widget 99'];
const search = { work: [], frame: [] };
for (const word of words) {
  for (let i = 1; i <= word.length; i++) {
    const [work, frame] = await page.evaluate((value) => {
      const input = document.querySelector('input[type="search"]');
      return window.__measure(() => {
        input.value = value;
        input.dispatchEvent(new InputEvent('input', { bubbles: true }));
      });
    }, word.slice(0, i));
    search.work.push(work);
    search.frame.push(frame);
  }
  await page.evaluate(() => {
    const input = document.querySelector('input[type="search"]');
    input.value = '';
    input.dispatchEvent(new InputEvent('input', { bubbles: true }));
  });
  await page.waitForTimeout(50);
}
const found = await page.locator('.g-board__summary').innerText();

// Votes: toggle every votable row on the first page on, then off again.
const vote = { work: [], frame: [] };
const votable = await page.locator('.g-idea .g-vote:not([disabled])').count();
for (const round of [0, 1]) {
  for (let i = 0; i < votable; i++) {
    const [work, frame] = await page.evaluate((n) => {
      const buttons = document.querySelectorAll('.g-idea .g-vote:not([disabled])');
      const b = buttons[n];
      return window.__measure(() => b.click());
    }, i);
    vote.work.push(work);
    vote.frame.push(frame);
    await page.waitForTimeout(20);
  }
  void round;
}

console.log(`Board scale benchmark (${new Date().toISOString().slice(0, 10)}), headless Chromium, memory store`);
console.log(`  data: ${total}`);
console.log(`  start-up (load, generate and store 10 000 ideas + 200 000 votes, render home): ${startup} ms`);
console.log(`  open the board (click → first 20 rows painted): ${open.toFixed(0)} ms`);
console.log(`  search keystroke → work done, style and layout: ${fmt(search.work)}`);
console.log(`  search keystroke → next frame: ${fmt(search.frame)}`);
console.log(`  vote click → work done, style and layout: ${fmt(vote.work)}`);
console.log(`  vote click → next frame: ${fmt(vote.frame)}`);
console.log(`  (last search state: ${found})`);
await browser.close();
await server.close();
