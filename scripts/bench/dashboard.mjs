// Dashboard benchmark (not a test): the same year of activity (1 000 000 events from
// 50 000 members over 2025, examples/metrics_data.rs) computed natively and in the
// browser, side by side in one run.
//  - native: the `gromada-metrics` CLI (no sentiment), and examples/engine_time.rs doing
//    exactly the dashboard's work (sentiment scored on every post and comment);
//  - browser: the release build in headless Chromium; the file is imported through the
//    dashboard's file input; reported are the engine pass (performance measure
//    `gromada-compute`, file already in memory), import to tiles shown, import to every
//    chart drawn, and the longest main-thread task while it ran (the page must not freeze).
// The browser's daily series (its CSV export) is compared field by field with the CLI's
// JSON: the same engine must give the same numbers.
// Usage: node scripts/bench/dashboard.mjs [dist] [--events N] [--members N] [--reps N]
//        (./x bench-dashboard builds first)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { startServer } from '../serve.mjs';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const dist = args[0] && !args[0].startsWith('--') ? args[0] : 'dist';
const EVENTS = Number(opt('--events', 1_000_000));
const MEMBERS = Number(opt('--members', 50_000));
const REPS = Number(opt('--reps', 3));
const FROM = '2025-01-01';
const TO = '2025-12-31';
const target = process.env.CARGO_TARGET_DIR || 'target';
const bin = (p) => join(target, 'release', p);

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const ms = (x) => `${Math.round(x)} ms`;

execFileSync('cargo', ['build', '--release', '--bin', 'gromada-metrics', '--example', 'metrics_data', '--example', 'engine_time'], { stdio: 'inherit' });
const dir = mkdtempSync(join(tmpdir(), 'gromada-dash-bench-'));
try {
  const members = join(dir, 'members.csv');
  const events = join(dir, 'events.csv');
  execFileSync(bin('examples/metrics_data'), [dir, String(EVENTS), String(MEMBERS)], { stdio: 'inherit' });
  const size = (f) => readFileSync(f).length;
  console.log(`data: ${EVENTS} events (${(size(events) / 1e6).toFixed(1)} MB), ${MEMBERS} members`);

  // Native, alternating with the browser runs below would mix their caches less fairly
  // than running each block warm; each block gets one warm-up run first.
  const cli = () => {
    const t0 = performance.now();
    const out = execFileSync(bin('gromada-metrics'), ['--members', members, '--events', events, '--from', FROM, '--to', TO], { maxBuffer: 1 << 28 });
    return { ms: performance.now() - t0, days: JSON.parse(out).days };
  };
  const engine = () => Number(execFileSync(bin('examples/engine_time'), [members, events, FROM, TO]).toString().split(' ')[0]);
  const reference = cli().days;
  engine();
  const cliMs = [];
  const engineMs = [];
  for (let i = 0; i < REPS; i++) {
    cliMs.push(cli().ms);
    engineMs.push(engine());
  }

  // Browser.
  const server = await startServer({ dir: dist });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const runs = [];
  let mismatches = null;
  for (let i = 0; i < REPS + 1; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    // Long tasks, recorded from the start (through DevTools, so the CSP stays in force).
    await context.addInitScript(() => {
      window.__long = [];
      new PerformanceObserver((l) => l.getEntries().forEach((e) => window.__long.push([e.startTime, e.duration]))).observe({ type: 'longtask', buffered: true });
    });
    const page = await context.newPage();
    page.on('pageerror', (e) => console.error('page error:', e.message));
    await page.goto(server.url);
    await page.locator('.g-role-switcher select').selectOption('m-piotr');
    await page.goto(`${server.url}dashboard?from=${FROM}&to=${TO}`);
    await page.locator('.g-dash-chart canvas').first().waitFor();
    await page.waitForTimeout(300);
    const t0 = await page.evaluate(() => performance.now());
    await page.locator('.g-dropzone input[type=file]').setInputFiles([members, events]);
    await page.locator('.g-dash-imported').waitFor({ timeout: 300_000 });
    const tiles = await page.evaluate(() => performance.now());
    await page.waitForFunction(() => {
      const charts = [...document.querySelectorAll('.g-chart__canvas')];
      return charts.length >= 7 && charts.every((c) => c.querySelector('canvas'));
    }, null, { timeout: 120_000 });
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
    const drawn = await page.evaluate(() => performance.now());
    const compute = await page.evaluate(() => performance.getEntriesByName('gromada-compute').at(-1)?.duration ?? NaN);
    const longest = await page.evaluate((from) => Math.max(0, ...window.__long.filter(([s]) => s >= from).map(([, d]) => d)), t0);
    if (i > 0) runs.push({ compute, tiles: tiles - t0, drawn: drawn - t0, longest });
    if (i === 0) {
      // Same numbers as the CLI, every day and field.
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download the daily series (CSV)' }).click()]);
      const lines = readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/);
      const header = lines[0].split(',');
      mismatches = 0;
      lines.slice(1).forEach((line, d) => {
        const cells = line.split(',');
        header.forEach((field, k) => {
          const want = reference[d]?.[field];
          const got = field === 'date' ? cells[k] : cells[k] === '' ? null : Number(cells[k]);
          if (want !== got) {
            mismatches++;
            if (mismatches <= 5) console.error(`differs: ${cells[0]} ${field}: browser ${cells[k]}, CLI ${want}`);
          }
        });
      });
      if (lines.length - 1 !== reference.length) {
        mismatches++;
        console.error(`days: browser ${lines.length - 1}, CLI ${reference.length}`);
      }
    }
    await context.close();
  }
  await browser.close();
  await server.close();

  const cliMed = median(cliMs);
  const engineMed = median(engineMs);
  const compute = median(runs.map((r) => r.compute));
  console.log('');
  console.log(`| ${EVENTS} events, medians of ${REPS} | time | vs CLI | vs native, same work |`);
  console.log('|---|---:|---:|---:|');
  console.log(`| native CLI (no sentiment) | ${ms(cliMed)} | 1.00× | |`);
  console.log(`| native engine, dashboard's work (with sentiment) | ${ms(engineMed)} | ${(engineMed / cliMed).toFixed(2)}× | 1.00× |`);
  console.log(`| browser engine pass (gromada-compute) | ${ms(compute)} | ${(compute / cliMed).toFixed(2)}× | ${(compute / engineMed).toFixed(2)}× |`);
  console.log(`| browser, file chosen → tiles shown | ${ms(median(runs.map((r) => r.tiles)))} | ${(median(runs.map((r) => r.tiles)) / cliMed).toFixed(2)}× | ${(median(runs.map((r) => r.tiles)) / engineMed).toFixed(2)}× |`);
  console.log(`| browser, file chosen → every chart drawn | ${ms(median(runs.map((r) => r.drawn)))} | | |`);
  console.log(`| longest main-thread task during import (max of runs) | ${ms(Math.max(...runs.map((r) => r.longest)))} | | |`);
  console.log('');
  console.log(`daily series, browser vs CLI: ${mismatches === 0 ? `identical (${reference.length} days × 11 fields)` : `${mismatches} differences`}`);
  if (mismatches !== 0) process.exitCode = 1;
} finally {
  if (existsSync(dir)) rmSync(dir, { recursive: true, force: true });
}
