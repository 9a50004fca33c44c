// A small static server for dist/: correct MIME types, the strict Content-Security-Policy
// header, an optional sub-path, and two fallbacks for unknown paths:
//   --mode spa     serves index.html (what nginx `try_files $uri /index.html` does)
//   --mode static  serves 404.html with status 404 (what GitHub Pages does)
// Tests may replace single paths (`overrides: { '/config.json': { status, body } }`).
// Usage: node scripts/serve.mjs [--dir dist] [--port 8080] [--base /] [--mode spa] [--no-csp]
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:";

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/** Starts a server; resolves to { server, url, close() }. */
export function startServer({ dir = 'dist', port = 0, base = '/', mode = 'spa', csp = true, connect = [], host = '127.0.0.1', headers = {}, overrides = {} } = {}) {
  const root = resolve(dir);
  // A backend on another origin needs `connect-src` (README: Content-Security-Policy).
  const policy = connect.length ? `${CSP}; connect-src 'self' ${connect.join(' ')}` : CSP;
  const prefix = base.endsWith('/') ? base : base + '/';
  const send = async (res, file, status = 200) => {
    const body = await readFile(file);
    const head = { 'Content-Type': TYPES[extname(file)] || 'application/octet-stream', 'Cache-Control': 'no-cache', ...headers };
    if (csp) head['Content-Security-Policy'] = policy;
    res.writeHead(status, head);
    res.end(body);
  };
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url, 'http://x');
      let path = decodeURIComponent(url.pathname);
      if (!path.startsWith(prefix) && path + '/' !== prefix) {
        res.writeHead(404, { 'Content-Type': 'text/plain' });
        res.end(`Not found: Gromada is served under ${prefix}`);
        return;
      }
      path = path.slice(prefix.length - 1) || '/';
      if (Object.hasOwn(overrides, path)) {
        const o = overrides[path];
        const head = { 'Content-Type': TYPES[extname(path)] || 'text/plain', 'Cache-Control': 'no-cache' };
        if (csp) head['Content-Security-Policy'] = policy;
        res.writeHead(o.status || 200, head);
        res.end(o.body ?? '');
        return;
      }
      const file = normalize(join(root, path));
      if (!file.startsWith(root)) {
        res.writeHead(403);
        res.end();
        return;
      }
      const info = await stat(file).catch(() => null);
      if (info && info.isFile()) return await send(res, file);
      if (info && info.isDirectory()) {
        const index = join(file, 'index.html');
        if (await stat(index).catch(() => null)) return await send(res, index);
      }
      if (mode === 'static') return await send(res, join(root, '404.html'), 404);
      return await send(res, join(root, 'index.html'));
    } catch (err) {
      res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end(String(err));
    }
  });
  return new Promise((ok) => {
    server.listen(port, host, () => {
      const { port: p } = server.address();
      ok({ server, url: `http://${host}:${p}${prefix}`, close: () => new Promise((done) => server.close(done)) });
    });
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const opt = (name, fallback) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : fallback;
  };
  const { url } = await startServer({
    dir: opt('dir', 'dist'),
    port: Number(opt('port', process.env.PORT || 8080)),
    base: opt('base', '/'),
    mode: opt('mode', 'spa'),
    csp: !args.includes('--no-csp'),
    host: opt('host', '127.0.0.1'),
  });
  console.log(`Gromada is being served at ${url}  (Ctrl+C to stop)`);
}
