// A fault-injecting HTTP proxy for the backend tests: it stands between the app and a
// real backend and, while faults are on, answers a share of requests with 500s, 429 with
// Retry-After, refused connections, timeouts (held past the app's timeout), answers lost
// after the backend applied the write, truncated bodies and malformed JSON. Preflight
// requests always pass (the browser would otherwise report CORS, not the fault).
import { createServer, request } from 'node:http';

/** A small seeded generator, so a failing run can be replayed. */
export function rng(seed) {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

export const FAULTS = ['500', '429', 'refuse', 'timeout', 'lost', 'truncated', 'malformed'];

export function startFaultProxy(target, { seed = 1, share = 0.4, holdMs = 2500 } = {}) {
  const random = rng(seed);
  const state = { on: false, log: [], counts: Object.fromEntries([...FAULTS, 'passed'].map((f) => [f, 0])) };
  const forward = (req, body) =>
    new Promise((ok, fail) => {
      const url = new URL(req.url, target);
      const headers = { ...req.headers, host: url.host };
      const out = request(url, { method: req.method, headers }, (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => ok({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
        res.on('error', fail);
      });
      out.on('error', fail);
      out.end(body);
    });
  const cors = (req) => ({
    'Access-Control-Allow-Origin': req.headers.origin || '*',
    'Access-Control-Allow-Credentials': 'true', // the CouchDB store sends its session cookie
    'Access-Control-Expose-Headers': 'ETag, Retry-After, X-Total-Count',
  });
  const server = createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', async () => {
      const body = Buffer.concat(chunks);
      const pass = async () => {
        const r = await forward(req, body);
        res.writeHead(r.status, r.headers);
        res.end(r.body);
      };
      try {
        // What came (and whether it asked "changed since?"), and what it got.
        const note = (what) => state.log.push({ what, method: req.method, url: req.url, ifNoneMatch: req.headers['if-none-match'] ?? null });
        if (req.method === 'OPTIONS' || !state.on || random() >= share) {
          state.counts.passed++;
          if (req.method !== 'OPTIONS') note('pass');
          return await pass();
        }
        const fault = FAULTS[Math.floor(random() * FAULTS.length)];
        state.counts[fault]++;
        note(fault);
        switch (fault) {
          case '500':
            res.writeHead(500, { ...cors(req), 'Content-Type': 'text/html' });
            return res.end('<html><body><h1>Internal Server Error</h1></body></html>');
          case '429':
            res.writeHead(429, { ...cors(req), 'Retry-After': '1', 'Content-Type': 'application/json' });
            return res.end('{"error":"slow down"}');
          case 'refuse':
            return req.socket.destroy();
          case 'timeout':
            return setTimeout(() => req.socket.destroy(), holdMs);
          case 'lost': {
            await forward(req, body); // the backend applied it; the answer never arrives
            return req.socket.destroy();
          }
          case 'truncated': {
            const r = await forward(req, body);
            const half = r.body.subarray(0, Math.floor(r.body.length / 2));
            const headers = { ...r.headers };
            delete headers['content-length'];
            delete headers.etag;
            res.writeHead(r.status, headers);
            return res.end(half);
          }
          case 'malformed':
            res.writeHead(200, { ...cors(req), 'Content-Type': 'application/json' });
            return res.end('{"id": "oops", "version": ');
          default:
            return await pass();
        }
      } catch {
        req.socket.destroy();
      }
    });
  });
  return new Promise((ok) => {
    server.listen(0, '127.0.0.1', () => {
      ok({
        url: `http://127.0.0.1:${server.address().port}`,
        state,
        faults: (on) => {
          state.on = on;
        },
        close: () => new Promise((done) => {
          server.closeAllConnections?.();
          server.close(done);
        }),
      });
    });
  });
}
