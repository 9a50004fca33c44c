// Trunk post-build step for strict CSP (script-src 'self'; style-src 'self'):
// 1. moves every inline <script> Trunk wrote (its module loader) into a hashed file and
//    references it with src + integrity;
// 2. fails the build if any inline script, inline style element or style attribute remains;
// 3. minifies wasm-bindgen's JS glue (about 50 KB as written, 22 KB minified: 2 KB
//    gzip off every page's first load) and updates its integrity hash in the page;
// 4. on an embed page, fails the build if its wasm names a class that its stylesheet (a
//    subset of the app's, see concat-styles.mjs) leaves out;
// 5. writes 404.html (a copy of index.html) so static hosts that serve it for unknown
//    paths (GitHub Pages, Netlify, Cloudflare Pages) open deep links.
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { minify } from 'terser';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error('post-build: TRUNK_STAGING_DIR is not set (run through trunk)');
  process.exit(1);
}
const publicUrl = process.env.TRUNK_PUBLIC_URL || '/';
// ./x builds each embed page first (GROMADA_HTML_OUTPUT=embed.html into
// target/embed-dist, embed-remote.html into target/embed-remote-dist, and so on for
// embed-survey.html and embed-survey-remote.html), then index.html
// with GROMADA_EMBED_DIST listing those outputs (colon-separated), whose files are added
// to this build.
const htmlName = process.env.GROMADA_HTML_OUTPUT || 'index.html';
const file = join(staging, htmlName);
let html = readFileSync(file, 'utf8');

html = html.replace(/<script([^>]*)>([\s\S]*?)<\/script>/gi, (all, attrs, body) => {
  if (/\ssrc\s*=/i.test(attrs) || !body.trim()) return all;
  const isModule = /\stype\s*=\s*"?module"?/i.test(attrs);
  const code = body.trim() + '\n';
  const digest = createHash('sha384').update(code).digest('base64');
  const name = `boot-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.js`;
  writeFileSync(join(staging, name), code);
  return `<script${isModule ? ' type="module"' : ''} src="${publicUrl}${name}" integrity="sha384-${digest}" crossorigin="anonymous"></script>`;
});

// The glue of each wasm module (NAME.js next to NAME_bg.wasm), as wasm-bindgen wrote it.
const sri = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
for (const f of readdirSync(staging)) {
  if (!f.endsWith('.js') || !existsSync(join(staging, f.replace(/\.js$/, '_bg.wasm')))) continue;
  const path = join(staging, f);
  const before = readFileSync(path, 'utf8');
  const { code } = await minify(before, {
    module: true,
    compress: { passes: 2 },
    mangle: true,
    format: { comments: false },
  });
  writeFileSync(path, code);
  // Only this file's <link> (modulepreload) carries its hash.
  const href = `${publicUrl}${f}`;
  html = html.replace(/<link\b[^>]*>/gi, (tag) =>
    tag.includes(href) ? tag.replace(/sha384-[A-Za-z0-9+/=]+/, sri(code)) : tag,
  );
}

// An embed's stylesheet leaves out the files of app-only pages: every class the app's
// stylesheet defines and the embed's wasm names must still be defined in the embed's.
if (htmlName !== 'index.html') {
  const classes = (css) => new Set(css.match(/\.g-[A-Za-z0-9_-]+/g)?.map((c) => c.slice(1)) ?? []);
  const source = process.env.TRUNK_SOURCE_DIR || process.cwd();
  const everything = classes(readFileSync(join(source, 'target', 'gromada-style', 'gromada.css'), 'utf8'));
  const staged = readdirSync(staging);
  const kept = classes(staged.filter((f) => f.endsWith('.css')).map((f) => readFileSync(join(staging, f), 'utf8')).join('\n'));
  const wasm = staged.filter((f) => f.endsWith('.wasm')).map((f) => readFileSync(join(staging, f)).toString('latin1')).join('');
  const missing = [...everything].filter((c) => !kept.has(c) && wasm.includes(c));
  if (missing.length) {
    console.error(`post-build: ${htmlName} uses classes its stylesheet leaves out: ${missing.join(', ')} (see scripts/build/concat-styles.mjs)`);
    process.exit(1);
  }
}

const problems = [];
if (/<script(?![^>]*\ssrc\s*=)[^>]*>/i.test(html)) problems.push('an inline <script> remains');
if (/<style[\s>]/i.test(html)) problems.push('an inline <style> element is present');
if (/\sstyle\s*=/i.test(html)) problems.push('a style="" attribute is present');
if (/\son[a-z]+\s*=/i.test(html)) problems.push('an inline event handler attribute is present');
if (problems.length) {
  console.error(`post-build: index.html would violate the strict CSP: ${problems.join('; ')}`);
  process.exit(1);
}
writeFileSync(file, html);
if (htmlName === 'index.html') {
  writeFileSync(join(staging, '404.html'), html);
  const embedDists = (process.env.GROMADA_EMBED_DIST || '').split(':').filter(Boolean);
  if (!embedDists.length) {
    console.warn('post-build: GROMADA_EMBED_DIST not set; this build has no embed pages (use ./x build)');
  }
  for (const embedDist of embedDists) {
    const page = embedDist.replace(/\/+$/, '').split('/').pop().replace(/-dist$/, '.html');
    if (!existsSync(join(embedDist, page))) {
      console.error(`post-build: ${embedDist}/${page} is missing (build the embed pages first)`);
      process.exit(1);
    }
    for (const f of readdirSync(embedDist, { withFileTypes: true })) {
      if (f.isFile() && !existsSync(join(staging, f.name))) copyFileSync(join(embedDist, f.name), join(staging, f.name));
    }
  }
}
