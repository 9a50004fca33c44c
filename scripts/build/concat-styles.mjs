// Concatenates style/*.css (one file per component) into one stylesheet for Trunk:
// files named in style/ORDER first, then the rest alphabetically.
import { readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

const root = process.env.TRUNK_SOURCE_DIR || process.cwd();
const dir = join(root, 'style');
const first = readFileSync(join(dir, 'ORDER'), 'utf8').split('\n').map((s) => s.trim()).filter(Boolean);
const rest = readdirSync(dir).filter((f) => f.endsWith('.css') && !first.includes(f)).sort();
const out = [...first, ...rest].map((f) => `/* ${f} */\n${readFileSync(join(dir, f), 'utf8')}`).join('\n');
mkdirSync(join(root, 'target', 'gromada-style'), { recursive: true });
writeFileSync(join(root, 'target', 'gromada-style', 'gromada.css'), out);
