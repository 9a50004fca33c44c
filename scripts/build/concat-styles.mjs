// Concatenates style/*.css (one file per component) into the stylesheets Trunk links:
// files named in style/ORDER first, then the rest alphabetically.
// - gromada.css: every file (the app);
// - embed-board.css and embed-survey.css: without the files of pages an embed never shows
//   (about 1.7 KB gzip less on an embed's first load). The post-build step fails the build
//   if an embed's wasm names a class that is defined only in a file its stylesheet leaves
//   out, so a class moved between files cannot silently lose its style in an embed.
import { readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

const root = process.env.TRUNK_SOURCE_DIR || process.cwd();
const dir = join(root, 'style');
const first = readFileSync(join(dir, 'ORDER'), 'utf8').split('\n').map((s) => s.trim()).filter(Boolean);
const rest = readdirSync(dir).filter((f) => f.endsWith('.css') && !first.includes(f)).sort();
const all = [...first, ...rest];

// The app's pages and chrome, shown by no embed.
const appOnly = ['dashboard.css', 'header.css', 'home.css', 'moderation.css'];
const bundles = {
  'gromada.css': all,
  'embed-board.css': all.filter((f) => ![...appOnly, 'survey.css', 'roadmap.css', 'idea-page.css'].includes(f)),
  'embed-survey.css': all.filter(
    (f) => ![...appOnly, 'board.css', 'idea-page.css', 'idea-row.css', 'roadmap.css', 'vote-button.css'].includes(f),
  ),
};

mkdirSync(join(root, 'target', 'gromada-style'), { recursive: true });
for (const [name, files] of Object.entries(bundles)) {
  const out = files.map((f) => `/* ${f} */\n${readFileSync(join(dir, f), 'utf8')}`).join('\n');
  writeFileSync(join(root, 'target', 'gromada-style', name), out);
}
