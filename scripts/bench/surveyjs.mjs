// Peer benchmark (not a test): the same 10-question survey rendered by Gromada's survey
// embed and by SurveyJS (npm survey-core + survey-js-ui, served locally), in the same
// headless Chromium, alternating, each run in a fresh browser context (cold cache).
// Reports bytes transferred (each response counted at its gzip -9 size) and the time from
// navigation start until all 10 questions are in the page, median of the runs.
// Usage: node scripts/bench/surveyjs.mjs [dist] [runs]      (./x bench-survey builds first)
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { startServer } from '../serve.mjs';

const dist = process.argv[2] || 'dist';
const runs = Number(process.argv[3] || 9);

// The survey, in SurveyJS's format…
const choices = (labels) => labels.map((text, i) => ({ value: `c${i + 1}`, text }));
const surveyjs = {
  title: 'Product pulse',
  pages: [{ elements: [
    { type: 'rating', name: 'q1', title: 'How likely are you to recommend us to a friend?', rateMin: 0, rateMax: 10, isRequired: true },
    { type: 'rating', name: 'q2', title: 'How satisfied are you with the latest update?', rateMin: 1, rateMax: 5 },
    { type: 'rating', name: 'q3', title: 'Rate the mobile app', rateType: 'stars', rateCount: 5 },
    { type: 'radiogroup', name: 'q4', title: 'Which feature do you use most?', choices: choices(['Scenes', 'Schedules', 'Voice', 'Widget']) },
    { type: 'checkbox', name: 'q5', title: 'What should we improve?', choices: choices(['Reliability', 'App', 'Integrations', 'Docs', 'Price']) },
    { type: 'boolean', name: 'q6', title: 'Did you join a community event?' },
    { type: 'dropdown', name: 'q7', title: 'How long have you used Lumo?', choices: choices(['< 1 month', '1–6 months', '6–12 months', '1–2 years', '> 2 years']) },
    { type: 'text', name: 'q8', title: 'Your favourite scene name' },
    { type: 'comment', name: 'q9', title: 'Anything else?' },
    { type: 'rating', name: 'q10', title: 'How easy was setup?', rateMin: 1, rateMax: 10 },
  ] }],
};

// …and the same survey in Gromada's format.
const options = (labels) => labels.map((label, i) => ({ id: `c${i + 1}`, label }));
const q = (id, text, kind, required = false) => ({ id, text, help: '', required, kind, show_if: null });
const gromada = {
  id: 'bench',
  title: 'Product pulse',
  intro: '',
  thanks: 'Thank you!',
  questions: [
    q('q1', 'How likely are you to recommend us to a friend?', 'nps', true),
    q('q2', 'How satisfied are you with the latest update?', 'csat'),
    q('q3', 'Rate the mobile app', { rating: { max: 5, style: 'stars' } }),
    q('q4', 'Which feature do you use most?', { single_choice: { options: options(['Scenes', 'Schedules', 'Voice', 'Widget']) } }),
    q('q5', 'What should we improve?', { multiple_choice: { options: options(['Reliability', 'App', 'Integrations', 'Docs', 'Price']), min: 0, max: null, other: false } }),
    q('q6', 'Did you join a community event?', 'yes_no'),
    q('q7', 'How long have you used Lumo?', { single_choice: { options: options(['< 1 month', '1–6 months', '6–12 months', '1–2 years', '> 2 years']) } }),
    q('q8', 'Your favourite scene name', 'short_text'),
    q('q9', 'Anything else?', 'long_text'),
    q('q10', 'How easy was setup?', { rating: { max: 10, style: 'numbers' } }),
  ],
  layout: 'one_page',
  anonymous: true,
  threshold: 5,
  schedule: { opens_at: new Date(Date.now() - 86_400_000).toISOString(), open_days: 366, recurrence: 'once', utc_offset_min: 0 },
  published: [],
  created_at: '2020-01-01T00:00:00.000Z',
};

// SurveyJS page: the packages' own minified files and stylesheet, served locally.
const sjsDir = join(tmpdir(), 'gromada-bench-surveyjs');
mkdirSync(sjsDir, { recursive: true });
for (const [from, to] of [
  ['node_modules/survey-core/survey.core.min.js', 'survey.core.min.js'],
  ['node_modules/survey-js-ui/survey-js-ui.min.js', 'survey-js-ui.min.js'],
  ['node_modules/survey-core/survey-core.min.css', 'survey-core.min.css'],
]) copyFileSync(from, join(sjsDir, to));
writeFileSync(join(sjsDir, 'survey.js'), `const survey = new Survey.Model(${JSON.stringify(surveyjs)});\nsurvey.render(document.getElementById('survey'));\n`);
writeFileSync(join(sjsDir, 'index.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>SurveyJS</title>
<link rel="stylesheet" href="survey-core.min.css"></head><body><div id="survey"></div>
<script src="survey.core.min.js"></script><script src="survey-js-ui.min.js"></script><script src="survey.js"></script></body></html>`);

const gromadaServer = await startServer({
  dir: dist,
  overrides: {
    '/config.json': { body: JSON.stringify({ storage: 'memory', demo: false, seed_url: 'bench-seed.json' }) },
    '/bench-seed.json': { body: JSON.stringify({ surveys: [gromada] }) },
  },
});
const sjsServer = await startServer({ dir: sjsDir, csp: false });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

async function run(url, selector) {
  const context = await browser.newContext();
  const page = await context.newPage();
  let raw = 0, gzip = 0, requests = 0;
  const pending = [];
  page.on('response', (r) => pending.push(r.body().then((b) => { raw += b.length; gzip += gzipSync(b, { level: 9 }).length; requests++; }).catch(() => {})));
  await page.addInitScript((sel) => {
    const check = () => {
      if (!window.__rendered && document.querySelectorAll(sel).length >= 10) window.__rendered = performance.now();
    };
    new MutationObserver(check).observe(document, { childList: true, subtree: true });
  }, selector);
  await page.goto(url);
  await page.waitForFunction(() => window.__rendered, null, { timeout: 60_000 });
  const ms = await page.evaluate(() => window.__rendered);
  await page.waitForLoadState('networkidle');
  await Promise.all(pending);
  await context.close();
  return { ms, raw, gzip, requests };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const results = { gromada: [], surveyjs: [] };
for (let i = 0; i < runs; i++) {
  results.gromada.push(await run(`${gromadaServer.url}embed-survey.html?embed=survey:bench`, '.g-question'));
  results.surveyjs.push(await run(sjsServer.url, '.sd-question'));
}
await browser.close();
await gromadaServer.close();
await sjsServer.close();

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const summary = (name, rs) => ({ name, ms: median(rs.map((r) => r.ms)), gzip: median(rs.map((r) => r.gzip)), raw: median(rs.map((r) => r.raw)), requests: median(rs.map((r) => r.requests)) });
const g = summary('Gromada (survey embed)', results.gromada);
const s = summary('SurveyJS 2.5.38 (survey-core + survey-js-ui)', results.surveyjs);
console.log(`Survey peer benchmark (${new Date().toISOString().slice(0, 10)}), same 10 questions, headless Chromium, ${runs} cold runs each, medians`);
for (const r of [g, s]) console.log(`  ${r.name.padEnd(46)} ${String(r.requests).padStart(3)} requests  ${kb(r.gzip).padStart(10)} gzip  ${kb(r.raw).padStart(10)} raw  first render ${r.ms.toFixed(0)} ms`);
console.log(`  ratio Gromada / SurveyJS: bytes (gzip) ${(g.gzip / s.gzip).toFixed(2)}, time to first render ${(g.ms / s.ms).toFixed(2)}`);
