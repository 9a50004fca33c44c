// Prints the size of the release build: every file in dist/ (raw and gzip -9), and what
// the first page actually loads for the full app, a board embed and a survey embed
// (measured in headless Chromium with an empty cache; each loaded resource counted at its
// gzip size). The embeds are measured with the demo already stored, as a brand's embeds
// run on stored data; a demo's very first visit (empty storage) is handed to the full app
// and measured as such.
// Usage: node scripts/size.mjs [dist]   (./x size builds first)
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { startServer } from './serve.mjs';

const dist = process.argv[2] || 'dist';
const BUDGET_EMBED_GZIP = 250 * 1024;
const gz = (buf) => gzipSync(buf, { level: 9 }).length;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

function walk(dir) {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

const files = walk(dist).filter((f) => !f.includes('.stage'));
const kind = (f) => (f.endsWith('.wasm') ? 'wasm' : f.endsWith('.js') ? 'js' : f.endsWith('.css') ? 'css' : f.endsWith('.html') ? 'html' : 'other');
const totals = {};
console.log(`Files in ${dist}/ (raw / gzip -9):`);
for (const f of files.sort()) {
  const buf = readFileSync(f);
  const k = kind(f);
  totals[k] ??= { raw: 0, gzip: 0 };
  totals[k].raw += buf.length;
  totals[k].gzip += gz(buf);
  console.log(`  ${relative(dist, f).padEnd(44)} ${kb(buf.length).padStart(10)} ${kb(gz(buf)).padStart(10)}`);
}
console.log('By kind:');
for (const [k, t] of Object.entries(totals)) console.log(`  ${k.padEnd(6)} ${kb(t.raw).padStart(10)} ${kb(t.gzip).padStart(10)}`);

const server = await startServer({ dir: dist });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

async function firstPage(label, path, ready, storageState) {
  const context = await browser.newContext(storageState ? { storageState } : {});
  const page = await context.newPage();
  const loaded = [];
  page.on('requestfinished', async (req) => {
    const url = new URL(req.url());
    if (url.origin === new URL(server.url).origin) loaded.push(url.pathname);
  });
  await page.goto(server.url + path);
  await page.locator(ready).first().waitFor();
  await page.waitForLoadState('networkidle');
  let raw = 0, gzip = 0;
  const rows = [];
  for (const p of loaded) {
    const file = join(dist, p === '/' || p.startsWith('/b/') ? 'index.html' : decodeURIComponent(p.slice(1)));
    let buf;
    try { buf = readFileSync(file); } catch { buf = readFileSync(join(dist, 'index.html')); }
    raw += buf.length;
    gzip += gz(buf);
    rows.push(`    ${p.padEnd(44)} ${kb(gz(buf)).padStart(10)}`);
  }
  const echarts = loaded.some((p) => p.includes('echarts'));
  console.log(`${label}: ${loaded.length} requests, ${kb(raw)} raw, ${kb(gzip)} gzip; echarts ${echarts ? 'loaded' : 'not loaded'}`);
  rows.forEach((r) => console.log(r));
  await context.close();
  return gzip;
}

const app = await firstPage('First page of the app (home)', '', 'h1');
// The demo's storage as the app leaves it after its first visit.
const seeding = await browser.newContext();
const seeded = await seeding.newPage();
await seeded.goto(server.url);
await seeded.locator('h1').first().waitFor();
const stored = await seeding.storageState();
await seeding.close();
const embed = await firstPage('First page of a board embed (embed.html)', 'embed.html?embed=board:feature-requests', '.g-idea', stored);
await firstPage('First page of a survey embed (embed-survey.html)', 'embed-survey.html?embed=survey:s-monthly-pulse', '.g-question', stored);
await firstPage("A demo's first visit to a board embed (empty storage: handed to the app)", 'embed.html?embed=board:feature-requests', '.g-idea');
await browser.close();
await server.close();
console.log(`Budget for the board embed's first page: ${kb(BUDGET_EMBED_GZIP)} gzip -> ${embed <= BUDGET_EMBED_GZIP ? 'within' : 'OVER'} (${kb(embed)})`);
void app;
