#!/usr/bin/env node
// Installs or upgrades Gromada's database on a CouchDB server (or pouchdb-server):
// creates the database if missing, installs the design document (votes view and the
// validate_doc_update rules) only when it differs from what is stored, and creates the
// Mango indexes. Needs a server admin (or database admin) credential.
//
//   node scripts/couch/setup.mjs --url http://127.0.0.1:5984 --db gromada
//        [--user admin] [--password …]     (or COUCHDB_USER / COUCHDB_PASSWORD)
//        [--private]                        (only signed-in users may read)
//        [--shards Q] [--replicas N]        (a new database on a CouchDB 3 cluster:
//                                            q shards, n copies of each; see README)
//
// Exit codes: 0 done, 1 the server refused or is unreachable, 2 wrong arguments.
import { designDoc, DESIGN_ID, MANGO_INDEXES } from "./design.mjs";

function parseArgs(argv) {
  const args = { url: null, db: null, user: process.env.COUCHDB_USER, password: process.env.COUCHDB_PASSWORD, private: false, q: null, n: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) usage(`${a} needs a value`);
      return v;
    };
    if (a === "--url") args.url = value();
    else if (a === "--db") args.db = value();
    else if (a === "--user") args.user = value();
    else if (a === "--password") args.password = value();
    else if (a === "--private") args.private = true;
    else if (a === "--shards") args.q = count(a, value());
    else if (a === "--replicas") args.n = count(a, value());
    else usage(`unknown argument ${a}`);
  }
  if (!args.url || !args.db) usage("--url and --db are required");
  if (!/^[a-z][a-z0-9_$()+/-]*$/.test(args.db)) usage(`"${args.db}" is not a CouchDB database name`);
  return args;
}

/** JSON with sorted keys, so two documents compare equal whatever their key order. */
function canonical(value) {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

function count(flag, text) {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > 64) usage(`${flag} needs a whole number from 1 to 64`);
  return n;
}

function usage(problem) {
  console.error(`couch-setup: ${problem}\nusage: setup.mjs --url URL --db NAME [--user U --password P] [--private] [--shards Q] [--replicas N]`);
  process.exit(2);
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const base = args.url.replace(/\/+$/, "");
  const db = `${base}/${encodeURIComponent(args.db)}`;
  const headers = { "Content-Type": "application/json", Accept: "application/json" };
  if (args.user) headers.Authorization = "Basic " + Buffer.from(`${args.user}:${args.password ?? ""}`).toString("base64");
  const call = async (method, url, body) => {
    let res;
    try {
      res = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    } catch (e) {
      throw new Error(`cannot reach ${base} (${e.cause?.code ?? e.message}); is CouchDB running?`);
    }
    const text = await res.text();
    let json = null;
    try { json = JSON.parse(text); } catch { /* reported below */ }
    return { status: res.status, json, text };
  };
  const fail = (what, r) => {
    throw new Error(`${what}: HTTP ${r.status} ${r.json?.reason ?? r.json?.error ?? r.text.slice(0, 200)}`);
  };

  const placement = [args.q && `q=${args.q}`, args.n && `n=${args.n}`].filter(Boolean).join("&");
  let r = await call("PUT", placement ? `${db}?${placement}` : db);
  if (r.status === 201 || r.status === 202) console.log(`created database ${args.db}${placement ? ` (${placement})` : ""}`);
  else if (r.status !== 412) fail(`creating database ${args.db}`, r);
  else if (placement) console.log(`database ${args.db} exists: --shards/--replicas apply only to a new database`);

  const wanted = designDoc();
  r = await call("GET", `${db}/${DESIGN_ID}`);
  if (r.status === 200) {
    const { _rev, ...stored } = r.json;
    if (canonical(stored) === canonical(wanted)) {
      console.log("design document up to date");
    } else {
      const put = await call("PUT", `${db}/${DESIGN_ID}`, { ...wanted, _rev });
      if (put.status >= 300) fail("upgrading the design document", put);
      console.log(`design document upgraded (${_rev} -> ${put.json.rev})`);
    }
  } else if (r.status === 404) {
    const put = await call("PUT", `${db}/${DESIGN_ID}`, wanted);
    if (put.status >= 300) fail("installing the design document", put);
    console.log("design document installed");
  } else {
    fail("reading the design document", r);
  }

  for (const fields of MANGO_INDEXES) {
    const name = fields.join("-");
    const ix = await call("POST", `${db}/_index`, { index: { fields }, ddoc: "gromada-mango", name, type: "json" });
    if (ix.status >= 300) fail(`creating the Mango index ${name}`, ix);
  }
  console.log(`Mango indexes ready: ${MANGO_INDEXES.map((f) => f.join("+")).join(", ")}`);

  if (args.private) {
    const sec = await call("PUT", `${db}/_security`, {
      admins: { names: [], roles: ["gromada_admin"] },
      members: { names: [], roles: ["gromada_member", "gromada_moderator", "gromada_admin"] },
    });
    if (sec.status >= 300) fail("setting the database security", sec);
    console.log("database is private: only users with a gromada_* role may read");
  }
}

main().catch((e) => {
  console.error(`couch-setup: ${e.message}`);
  process.exit(1);
});
