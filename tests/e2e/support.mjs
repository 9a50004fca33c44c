// Shared pieces of the end-to-end suite: servers for the built app, a headless Chromium
// (Debian's, driven by playwright-core), a recorder of console errors and CSP violations,
// and an axe-core scan. Elements are found by role and label, as a user would.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { chromium } from 'playwright-core';
import { startServer } from '../../scripts/serve.mjs';

export { startServer };

export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export async function launch() {
  return chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/**
 * A browser context that records console errors, page errors and CSP violations in every
 * frame. `problems()` returns them; tests assert it is empty.
 */
export async function recordingContext(browser, options = {}) {
  const context = await browser.newContext({ locale: 'en-US', ...options });
  const problems = [];
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'}`);
    });
  });
  const watch = (page) => {
    page.on('console', (m) => {
      // HTTP errors are judged below with their URL: a static host answers an unknown
      // path (a deep link) with 404.html and status 404, which is expected.
      if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) problems.push(`console: ${m.text()}`);
    });
    page.on('response', (r) => {
      if (r.status() >= 400 && r.request().resourceType() !== 'document') problems.push(`HTTP ${r.status()} for ${r.url()}`);
    });
    page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`));
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  };
  context.on('page', watch);
  return { context, problems, watch };
}

/** Opens a page and waits until the app has rendered its main landmark. */
export async function openApp(context, url) {
  const page = await context.newPage();
  await page.goto(url);
  await page.getByRole('main').first().waitFor();
  return page;
}

const AXE = readFileSync(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');

/** Runs axe-core on the page; returns serious and critical violations. */
export async function axeSerious(page) {
  // evaluate() runs through the DevTools protocol, so the page's CSP stays in force.
  await page.evaluate(`${AXE}\n;0`);
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** A plain page on another origin that embeds the app with the documented snippet. */
export async function startHostPage(appUrl, snippet) {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Brand page</title></head>
<body><h1>Our product</h1>${snippet}<script src="${appUrl}gromada-embed.js" async></script></body></html>`;
  const server = createServer((req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(html);
  });
  await new Promise((ok) => server.listen(0, 'localhost', ok));
  return { url: `http://localhost:${server.address().port}/`, close: () => new Promise((ok) => server.close(ok)) };
}

/** Board slug of the demo. */
export const DEMO_BOARD = 'feature-requests';
