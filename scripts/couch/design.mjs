// Gromada's CouchDB design document: the views (per-idea tallies, responses per survey)
// and the server-side rules (validate_doc_update). Installed and upgraded by scripts/couch/setup.mjs (`./x couch-setup`).
//
// The functions below are sent to CouchDB as source text (Function.prototype.toString),
// so they must stay plain ES5 without closures over this module: CouchDB 3 runs them in
// SpiderMonkey, pouchdb-server in Node.

/* eslint-disable no-var */

// Everything a board's list needs per idea, summed on the server (`_sum` of arrays):
// [member votes, device votes, Σ growth of vote times, published comments, Σ growth of
// comment times], where growth(t) = e^(ln 2 / 7 days × (t − 2024-01-01)) (capped at e^700)
// lets the client turn a sum into the Trending weight Σ ½^(age / 7 days) at any moment
// (src/domain/ranking.rs: growth, IdeaTally). GET …/_view/board_tally?group_level=2
// &startkey=["<board>"]&endkey=["<board>",{}]: one row per idea, one request per board.
// How many responses each survey has (the surveys list): GET …/_view/survey_responses
// ?reduce=true&key="<survey>": one row with the count, none when there is no response.
function surveyResponses(doc) {
  if (doc.type === "responses" && typeof doc.survey_id === "string") emit(doc.survey_id, null);
}

function boardTally(doc) {
  var EPOCH = 1704067200000;
  var K = Math.LN2 / 7 / 86400000;
  function growth(at) {
    var t = typeof at === "string" ? Date.parse(at) : NaN;
    return isNaN(t) ? 0 : Math.exp(Math.min(700, K * (t - EPOCH)));
  }
  if (typeof doc.board_id !== "string" || typeof doc.idea_id !== "string") return;
  if (doc.type === "votes" && typeof doc.voter === "string") {
    var device = doc.voter.charAt(0) === "d";
    emit([doc.board_id, doc.idea_id], [device ? 0 : 1, device ? 1 : 0, growth(doc.created_at), 0, 0]);
  } else if (doc.type === "comments" && (doc.visibility === undefined || doc.visibility === "published")) {
    emit([doc.board_id, doc.idea_id], [0, 0, 0, 1, growth(doc.created_at)]);
  }
}

// The rules. A CouchDB user's name is the Gromada member id; roles gromada_moderator and
// gromada_admin (or the server's _admin) make staff.
function validate(newDoc, oldDoc, userCtx) {
  var roles = userCtx.roles || [];
  function has(role) { return roles.indexOf(role) !== -1; }
  if (has("_admin")) return; // server admins install, migrate and import
  var admin = has("gromada_admin");
  var staff = admin || has("gromada_moderator");
  function refuse(why) { throw { forbidden: why }; }
  function need(ok, why) { if (!ok) refuse(why); }
  function text(doc, field, max) {
    var v = doc[field];
    need(typeof v === "string" && v.length > 0 && v.length <= (max || 200),
      "\"" + field + "\" must be text of 1 to " + (max || 200) + " characters");
  }
  function same(field) {
    return JSON.stringify(newDoc[field]) === JSON.stringify(oldDoc[field]);
  }
  if (!userCtx.name) throw { unauthorized: "Sign in to make changes." };
  var me = "m:" + userCtx.name;
  var deleting = newDoc._deleted === true;
  var doc = deleting ? oldDoc : newDoc;
  if (!doc) return; // deleting what is not there
  var type = doc.type;
  var types = ["members", "boards", "ideas", "votes", "comments", "surveys", "responses",
    "events", "changelog", "reports", "modlog", "settings"];
  need(types.indexOf(type) !== -1, "unknown document type");
  var editing = !deleting && oldDoc && !oldDoc._deleted;
  if (!deleting) {
    text(newDoc, "id", 300);
    need(newDoc._id === type + ":" + newDoc.id, "_id must be \"" + type + ":<id>\"");
    need(typeof newDoc.version === "number" && newDoc.version >= 1, "\"version\" must be a number from 1");
    if (editing) {
      need(oldDoc.type === type, "a document cannot change type");
      need(newDoc.version === oldDoc.version + 1, "\"version\" must grow by one per change");
    } else {
      need(newDoc.version === 1, "a new document has version 1");
    }
  }
  function actor(field) {
    text(newDoc, field);
    need(/^[md]:./.test(newDoc[field]), "\"" + field + "\" must be m:<member> or d:<device>");
  }
  // A member acts as themselves; a device actor cannot be verified (anonymous votes and
  // posts where a board allows them), so any signed-in user may use one.
  function own(value) { return value === me || (typeof value === "string" && value.charAt(0) === "d"); }
  switch (type) {
    case "votes":
      if (!deleting) {
        text(newDoc, "idea_id", 300); text(newDoc, "board_id", 300); actor("voter");
        need(newDoc.id === "vote:" + newDoc.idea_id + ":" + newDoc.voter,
          "a vote's id is vote:<idea>:<voter>");
        need(!editing, "a vote is not edited: remove it and vote again");
      }
      need(staff || own(doc.voter), "members may only add and remove their own votes");
      return;
    case "ideas":
      if (!deleting) {
        text(newDoc, "board_id", 300); text(newDoc, "status_id", 100); actor("author");
        need(typeof newDoc.title === "string" && newDoc.title.length >= 3 && newDoc.title.length <= 120,
          "an idea's title has 3 to 120 characters");
        need(typeof newDoc.description !== "string" || newDoc.description.length <= 5000,
          "an idea's description has at most 5000 characters");
      }
      if (staff) return;
      need(own(doc.author), "members may only post and edit their own ideas");
      need(!deleting, "only moderators remove ideas");
      if (editing) {
        need(same("author") && same("status_id") && same("status_history") && same("merged_into") && same("shipped_in"),
          "only admins change an idea's status, merge it or ship it");
        need(same("visibility") || newDoc.visibility !== "published",
          "only moderators approve ideas");
      } else {
        need(newDoc.merged_into == null && newDoc.shipped_in == null, "only admins merge or ship ideas");
      }
      return;
    case "comments":
      if (!deleting) {
        text(newDoc, "idea_id", 300); actor("author");
        need(typeof newDoc.body === "string" && newDoc.body.length >= 1 && newDoc.body.length <= 5000,
          "a comment has 1 to 5000 characters");
      }
      if (staff) return;
      need(own(doc.author), "members may only post and edit their own comments");
      need(!deleting, "only moderators remove comments");
      need(newDoc.official !== true, "only staff replies are official");
      if (editing) {
        need(same("author") && (same("visibility") || newDoc.visibility !== "published"),
          "only moderators approve comments");
      }
      return;
    case "responses":
      if (!deleting) {
        text(newDoc, "survey_id", 300);
        need(typeof newDoc.answers === "object" && newDoc.answers !== null, "a response has answers");
      }
      if (staff) return;
      need(deleting || newDoc.respondent == null || newDoc.respondent === userCtx.name,
        "members may only answer as themselves");
      need(!deleting, "only admins remove responses");
      if (editing) need(oldDoc.respondent === userCtx.name, "members may only edit their own answers");
      return;
    case "members":
      if (!deleting) {
        text(newDoc, "name", 200);
        need(["member", "moderator", "admin"].indexOf(newDoc.role) !== -1, "role is member, moderator or admin");
      }
      if (admin) return;
      need(!deleting && doc.id === userCtx.name, "members may only edit their own profile");
      need(newDoc.role === "member" && (!editing || oldDoc.role === "member"), "only admins give roles");
      return;
    case "events":
      if (!deleting) { text(newDoc, "member_id", 300); text(newDoc, "kind", 40); }
      if (staff) return;
      need(!deleting && !editing && newDoc.member_id === userCtx.name,
        "members only add their own activity");
      return;
    case "reports":
      if (staff) return;
      need(!deleting && !editing, "only moderators handle reports");
      actor("by");
      need(own(newDoc.by), "members report as themselves");
      need(newDoc.resolved !== true, "only moderators resolve reports");
      return;
    case "changelog":
    case "modlog":
      need(staff, "only moderators and admins write the " + type);
      return;
    default: // boards, surveys, settings
      need(admin, "only admins change " + type);
  }
}

export const DESIGN_ID = "_design/gromada";

/** A function's source as an anonymous function expression, as CouchDB expects. */
function source(fn) {
  return fn.toString().replace(/^function\s+\w+/, "function");
}

/** The design document as CouchDB stores it (without _rev). */
export function designDoc() {
  return {
    _id: DESIGN_ID,
    language: "javascript",
    views: {
      board_tally: { map: source(boardTally), reduce: "_sum" },
      survey_responses: { map: source(surveyResponses), reduce: "_count" },
    },
    validate_doc_update: source(validate),
  };
}

/** The Mango indexes the app's queries use (created by the setup and on first use). */
export const MANGO_INDEXES = [
  ["type"],
  ["type", "board_id"],
  ["type", "board_id", "voter"],
  ["type", "idea_id"],
  ["type", "survey_id"],
  ["type", "member_id"],
];
