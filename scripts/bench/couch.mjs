// CouchDB store at board scale, against pouchdb-server (in memory) on this machine:
// 10 000 ideas and 200 000 votes on one board, loaded in bulk; then, with the requests
// Gromada's CouchStore sends (same selectors, views and page sizes):
//   - the per-idea tallies of the whole board from the board_tally view (one request,
//     reduced on the server),
//   - one voter's own votes with Mango `_find` (type+board_id+voter index),
//   - one page of 50 ideas with Mango `_find` on the type+board_id index,
//   - the board as the app loads it: its ideas (pages of 1 000), the tallies, the
//     viewer's votes,
//   - every vote of the board paged 1 000 at a time (what the board loaded before the
//     view, and what a store without one still does),
//   - the changes feed answering a longpoll after one write.
// Each is timed cold (first call, index built) and warm (median of 5).
// Usage: node scripts/bench/couch.mjs [ideas] [votes]      (./x bench-couch)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, startPouch } from '../couch/pouch.mjs';

const IDEAS = Number(process.argv[2] ?? 10_000);
const VOTES = Number(process.argv[3] ?? 200_000);
const DB = 'bench';
const BOARD = 'b-big';

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const time = async (f) => {
  const t = performance.now();
  const r = await f();
  return [performance.now() - t, r];
};

const dir = mkdtempSync(join(tmpdir(), 'gromada-bench-couch-'));
const couch = await startPouch({ dir, port: await freePort() });
const { call } = couch;
try {
  execFileSync('node', ['scripts/couch/setup.mjs', '--url', couch.url, '--db', DB], { stdio: 'ignore' });
  // Deterministic data: idea i gets a Zipf-like share of the votes from 50 000 members.
  // mulberry32: a small seeded generator with 32-bit integer arithmetic.
  let seed = 42;
  const rand = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const ideas = Array.from({ length: IDEAS }, (_, i) => ({
    _id: `ideas:i${i}`, type: 'ideas', id: `i${i}`, board_id: BOARD, title: `Idea number ${i}`,
    description: 'A description of some length, as members write them.', author: `m:m${i % 5000}`,
    status_id: 'open', created_at: '2026-06-01T00:00:00Z', version: 1,
  }));
  const seen = new Set();
  const votes = [];
  while (votes.length < VOTES) {
    const idea = Math.floor(IDEAS * rand() ** 2);
    const voter = `m:m${Math.floor(rand() * 50_000)}`;
    const id = `vote:i${idea}:${voter}`;
    if (seen.has(id)) continue;
    seen.add(id);
    votes.push({ _id: `votes:${id}`, type: 'votes', id, idea_id: `i${idea}`, board_id: BOARD, voter, created_at: '2026-07-01T00:00:00Z', version: 1 });
  }
  const [loadMs] = await time(async () => {
    for (const docs of [ideas, votes]) {
      for (let i = 0; i < docs.length; i += 5000) await call('POST', `${DB}/_bulk_docs`, { docs: docs.slice(i, i + 5000) });
    }
  });
  const range = `startkey=${encodeURIComponent(JSON.stringify([BOARD]))}&endkey=${encodeURIComponent(JSON.stringify([BOARD, {}]))}`;
  const tallies = () => call('GET', `${DB}/_design/gromada/_view/board_tally?group_level=2&${range}`);
  const VIEWER = 'm:m7';
  const ownVotes = () => call('POST', `${DB}/_find`, { selector: { type: 'votes', board_id: { $eq: BOARD }, voter: { $eq: VIEWER } }, limit: 1000 });
  const page = () => call('POST', `${DB}/_find`, { selector: { type: 'ideas', board_id: { $eq: BOARD } }, limit: 50 });
  // Pages of 1 000 by skip (pouchdb-server has no bookmarks; CouchDB 3 follows them).
  const paged = async (selector) => {
    let n = 0;
    let requests = 0;
    for (let skip = 0; ; skip += 1000) {
      const r = await call('POST', `${DB}/_find`, { selector, limit: 1000, skip });
      requests++;
      n += r.docs.length;
      if (r.docs.length < 1000) return [n, requests];
    }
  };
  const boardLoad = async () => {
    let requests = 1;
    await call('POST', `${DB}/_find`, { selector: { type: 'boards', slug: { $eq: BOARD } }, limit: 1000 });
    const [n, k] = await paged({ type: 'ideas', board_id: { $eq: BOARD } });
    requests += k;
    const t = await tallies();
    const own = await ownVotes();
    requests += 2;
    return [n, t.rows.length, own.docs.length, requests];
  };
  const rows = [];
  const notes = new Map();
  const measure = async (name, f, check, runs = 5) => {
    const [cold, first] = await time(f);
    check(first);
    const warm = [];
    for (let i = 0; i < runs; i++) warm.push((await time(f))[0]);
    rows.push([name, cold, runs ? median(warm) : null]);
  };
  const expectedOwn = votes.filter((v) => v.voter === VIEWER).length;
  await measure('per-idea tallies (board_tally view, 1 request)', tallies, (r) => {
    const total = r.rows.reduce((s, row) => s + row.value[0] + row.value[1], 0);
    if (total !== VOTES || r.rows.length > IDEAS) throw new Error(`the view counted ${total} votes`);
  });
  await measure(`one member's votes (_find, ${expectedOwn} votes)`, ownVotes, (r) => {
    if (r.docs.length !== expectedOwn) throw new Error(`found ${r.docs.length} own votes`);
  });
  await measure('50 ideas (_find, type+board_id)', page, (r) => { if (r.docs.length !== 50) throw new Error('page short'); });
  await measure('the board as the app loads it', boardLoad, ([n, , own, k]) => {
    if (n !== IDEAS || own !== expectedOwn) throw new Error(`loaded ${n} ideas, ${own} own votes`);
    notes.set('the board as the app loads it', `${k} requests: board, ideas in ${k - 3} pages, tallies, own votes`);
  }, 3);
  await measure('every vote of the board (_find, pages of 1000)', () => paged({ type: 'votes', board_id: { $eq: BOARD } }), ([n, k]) => {
    if (n !== VOTES) throw new Error(`listed ${n} votes`);
    notes.set('every vote of the board (_find, pages of 1000)', `${k} requests`);
  }, 0);
  const { last_seq: since } = await call('GET', `${DB}/_changes?since=now`);
  const [feedMs] = await time(async () => {
    const poll = call('GET', `${DB}/_changes?feed=longpoll&since=${since}&timeout=10000`);
    await call('PUT', `${DB}/votes:vote:i1:m:late`, { type: 'votes', id: 'vote:i1:m:late', idea_id: 'i1', board_id: BOARD, voter: 'm:late', created_at: '2026-07-02T00:00:00Z', version: 1 });
    const r = await poll;
    if (!r.results.some((x) => x.id === 'votes:vote:i1:m:late')) throw new Error('the feed missed the write');
  });
  console.log(`pouchdb-server 4.2.0 (in memory), ${IDEAS} ideas + ${VOTES} votes on one board, loaded in bulk in ${(loadMs / 1000).toFixed(1)} s`);
  console.log('| request | cold | warm (median of 5; 3 for the board) |');
  console.log('|---|---:|---:|');
  for (const [name, cold, warm] of rows) {
    const note = notes.has(name) ? ` — ${notes.get(name)}` : '';
    console.log(`| ${name}${note} | ${(cold / 1000).toFixed(1)} s | ${warm === null ? '—' : `${warm.toFixed(1)} ms`} |`);
  }
  console.log(`| a write reaching a waiting longpoll | ${feedMs.toFixed(0)} ms | — |`);
} finally {
  couch.stop();
  rmSync(dir, { recursive: true, force: true });
}
