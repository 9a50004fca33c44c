//! The [`Store`] over CouchDB (a CouchDB 3 cluster, or anything that speaks its HTTP API,
//! such as pouchdb-server). All collections live in one database; a document's `_id` is
//! `<collection>:<id>` (`votes:vote:i1:m:ola`), so ids are meaningful, collision-safe and
//! a repeated vote is a 409 conflict instead of a duplicate. Each document keeps
//! Gromada's own `version` next to CouchDB's `_rev`: an update or delete first reads the
//! stored revision, refuses a stale `version` as [`StoreError::Conflict`], and writes with
//! that `_rev`, so a write racing another one is refused by CouchDB itself (409) and
//! reported as a conflict too. Nothing is ever overwritten.
//!
//! Queries go to Mango (`_find`) with a selector on `type` and the query's equality
//! filters, page by page (by bookmark where the server gives one, by `skip` where it does
//! not); votes per idea come from the `gromada` design document's view with a `_count`
//! reduce. Other people's changes come from the `_changes` feed ([`CouchStore::changes`]).
//! The design document (views, Mango indexes, `validate_doc_update` rules) is installed by
//! `./x couch-setup` (docs/couchdb.md).
//!
//! Failures are classified like the REST store's, for the outbox: unreachable or timed
//! out → [`StoreError::Offline`], 5xx and 429 → [`StoreError::Busy`], a refusal (the
//! rules, a missing session) → [`StoreError::Rejected`] with CouchDB's reason, anything
//! unreadable → [`StoreError::BadResponse`].

use super::http::{Http, HttpError, HttpRequest, HttpResponse};
use super::net::{busy, describe_http, parse_json, server_reason, shorten, Hooks};
use super::rest::encode;
use super::{
    count_by_listing, doc_id, doc_version, set_version, BoardTallies, Collection, Listener, Query,
    Store, StoreError,
};
use crate::domain::config::CouchConfig;
use crate::domain::ranking::IdeaTally;
use async_trait::async_trait;
use serde_json::{json, Map, Value};
use std::cell::RefCell;
use std::collections::{BTreeMap, HashSet};
use std::rc::Rc;

/// Documents asked for per `_find` request.
pub const PAGE_SIZE: usize = 1_000;

/// How much longer than the longpoll's own `timeout` a changes request may take.
pub const LONGPOLL_GRACE_MS: u32 = 3_000;

/// The design document holding the views and the rules.
pub const DESIGN_DOC: &str = "_design/gromada";

/// A CouchDB database.
pub struct CouchStore {
    http: Rc<dyn Http>,
    config: CouchConfig,
    hooks: Hooks,
    /// The `AuthSession` cookie from [`CouchStore::log_in`], where the transport shows it
    /// (native code; a browser keeps it in its own cookie jar instead).
    session: RefCell<Option<String>>,
    page_size: usize,
    /// Index field lists already asked for (created, found, or refused): asked once each.
    indexes_tried: RefCell<HashSet<Vec<String>>>,
}

/// The CouchDB `_id` of a Gromada document.
pub fn couch_id(collection: Collection, id: &str) -> String {
    format!("{}:{id}", collection.as_str())
}

/// The collection a CouchDB `_id` belongs to (`None` for design documents and strangers).
pub fn collection_of(couch_id: &str) -> Option<Collection> {
    couch_id
        .split_once(':')
        .and_then(|(name, _)| Collection::parse(name))
}

/// CouchDB's reason from an error body (`{"error": "forbidden", "reason": "…"}`).
fn reason(response: &HttpResponse) -> String {
    server_reason(response, &["reason", "error", "message"])
}

/// The CouchDB form of a Gromada document: its fields plus `_id`, `type` and `_rev`.
fn to_couch(collection: Collection, doc: &Value, rev: Option<&str>) -> Result<Value, StoreError> {
    let Value::Object(map) = doc else {
        return Err(StoreError::Malformed(
            "a document must be a JSON object".into(),
        ));
    };
    if let Some(key) = map.keys().find(|k| k.starts_with('_') || *k == "type") {
        return Err(StoreError::Malformed(format!(
            "the field \"{key}\" is reserved by the CouchDB store (fields starting with _ and \"type\")"
        )));
    }
    let id = doc_id(doc)?;
    let mut out = Map::with_capacity(map.len() + 3);
    out.insert("_id".into(), Value::from(couch_id(collection, id)));
    if let Some(rev) = rev {
        out.insert("_rev".into(), Value::from(rev));
    }
    out.insert("type".into(), Value::from(collection.as_str()));
    out.extend(map.iter().map(|(k, v)| (k.clone(), v.clone())));
    Ok(Value::Object(out))
}

/// A Gromada document and its revision from what CouchDB sent, checked.
fn from_couch(
    collection: Collection,
    value: Value,
    id: Option<&str>,
) -> Result<(Value, String), StoreError> {
    let Value::Object(mut map) = value else {
        return Err(StoreError::BadResponse(format!(
            "a {} that is not a JSON object",
            collection.singular()
        )));
    };
    let rev = match map.remove("_rev") {
        Some(Value::String(rev)) => rev,
        _ => {
            return Err(StoreError::BadResponse(format!(
                "a {} without a revision",
                collection.singular()
            )))
        }
    };
    let couch = map.remove("_id");
    let kind = map.remove("type");
    map.retain(|k, _| !k.starts_with('_'));
    let doc = Value::Object(map);
    let got = doc_id(&doc).map_err(|_| {
        StoreError::BadResponse(format!("a {} without a text id", collection.singular()))
    })?;
    if kind.as_ref().and_then(Value::as_str) != Some(collection.as_str())
        || couch.as_ref().and_then(Value::as_str) != Some(couch_id(collection, got).as_str())
    {
        return Err(StoreError::BadResponse(format!(
            "a document filed as {} whose _id or type says otherwise",
            collection.as_str()
        )));
    }
    if let Some(want) = id {
        if got != want {
            return Err(StoreError::BadResponse(format!(
                "asked for {} {want}, got {got}",
                collection.singular()
            )));
        }
    }
    Ok((doc, rev))
}

/// A sequence as the next `since` (CouchDB 3 sends text, pouchdb-server numbers).
fn sequence(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// What the changes feed reported.
#[derive(Clone, Debug, PartialEq)]
pub struct Changes {
    /// Where to continue from.
    pub last_seq: String,
    /// The collections with changed documents (sorted, once each).
    pub collections: Vec<Collection>,
}

impl CouchStore {
    /// A store for `config.database` on `config.url`, talking through `http`.
    pub fn new(http: Rc<dyn Http>, config: CouchConfig) -> Self {
        Self {
            http,
            config,
            hooks: Hooks::default(),
            session: RefCell::new(None),
            page_size: PAGE_SIZE,
            indexes_tried: RefCell::new(HashSet::new()),
        }
    }

    /// The same store asking for `size` documents per `_find` page (tests use small pages).
    pub fn with_page_size(mut self, size: usize) -> Self {
        self.page_size = size.max(1);
        self
    }

    /// Calls `hook` with the collection after every write that took effect.
    pub fn after_write(&self, hook: Listener) {
        self.hooks.after_write(hook);
    }

    fn server_url(&self) -> &str {
        self.config.url.trim_end_matches('/')
    }

    /// The database's URL.
    pub fn db_url(&self) -> String {
        format!("{}/{}", self.server_url(), encode(&self.config.database))
    }

    fn doc_url(&self, collection: Collection, id: &str) -> String {
        format!("{}/{}", self.db_url(), encode(&couch_id(collection, id)))
    }

    fn request(&self, method: &'static str, url: String) -> HttpRequest {
        let mut r = HttpRequest::new(method, url).header("Accept", "application/json");
        r.timeout_ms = self.config.timeout_ms;
        if let Some(token) = &self.config.token {
            r = r.header("Authorization", format!("Bearer {token}"));
        } else {
            // The CouchDB session cookie rides along (CORS with credentials).
            r.with_credentials = true;
            if let Some(cookie) = self.session.borrow().as_ref() {
                r = r.header("Cookie", cookie.clone());
            }
        }
        r
    }

    async fn send(&self, request: HttpRequest) -> Result<HttpResponse, StoreError> {
        let response = self.http.send(request).await.map_err(describe_http)?;
        match busy(&response) {
            Some(e) => Err(e),
            None => Ok(response),
        }
    }

    fn rejected(response: &HttpResponse) -> StoreError {
        StoreError::Rejected {
            status: response.status,
            reason: reason(response),
        }
    }

    /// Opens a CouchDB session (`POST /_session`) as `name`. In a browser the session
    /// cookie goes to the browser's cookie jar; elsewhere it is kept here.
    pub async fn log_in(&self, name: &str, password: &str) -> Result<(), StoreError> {
        let body = json!({"name": name, "password": password}).to_string();
        let mut request = HttpRequest::new("POST", format!("{}/_session", self.server_url()))
            .header("Accept", "application/json")
            .json(body);
        request.timeout_ms = self.config.timeout_ms;
        request.with_credentials = true;
        let response = self.send(request).await?;
        if !response.is_success() {
            return Err(Self::rejected(&response));
        }
        if let Some(cookie) = response.header("set-cookie") {
            let pair = cookie
                .split(';')
                .next()
                .unwrap_or_default()
                .trim()
                .to_owned();
            *self.session.borrow_mut() = Some(pair);
        }
        Ok(())
    }

    /// The name of the user the server knows this client as (`GET /_session`), or `None`
    /// when signed out. The name is a member id.
    pub async fn session_user(&self) -> Result<Option<String>, StoreError> {
        let request = self.request("GET", format!("{}/_session", self.server_url()));
        let response = self.send(request).await?;
        if !response.is_success() {
            return Err(Self::rejected(&response));
        }
        let body = parse_json(&response)?;
        Ok(body
            .pointer("/userCtx/name")
            .and_then(Value::as_str)
            .filter(|n| !n.is_empty())
            .map(str::to_owned))
    }

    /// The stored document and its revision, or `None`.
    async fn fetch(
        &self,
        collection: Collection,
        id: &str,
    ) -> Result<Option<(Value, String)>, StoreError> {
        let response = self
            .send(self.request("GET", self.doc_url(collection, id)))
            .await?;
        match response.status {
            200 => from_couch(collection, parse_json(&response)?, Some(id)).map(Some),
            404 => Ok(None),
            _ => Err(Self::rejected(&response)),
        }
    }

    /// The conflict to report after CouchDB refused a revision: reads what is stored now.
    async fn conflict(&self, collection: Collection, id: &str, expected: u64) -> StoreError {
        match self.fetch(collection, id).await {
            Ok(Some((doc, _))) => StoreError::Conflict {
                collection,
                id: id.to_owned(),
                expected,
                actual: doc_version(&doc),
            },
            Ok(None) => StoreError::NotFound {
                collection,
                id: id.to_owned(),
            },
            Err(e) => e,
        }
    }

    /// The Mango selector of `query` on `collection`.
    pub fn selector(collection: Collection, query: &Query) -> Value {
        let mut selector = Map::new();
        selector.insert("type".into(), Value::from(collection.as_str()));
        for f in &query.filters {
            selector.insert(f.field.clone(), json!({ "$eq": f.value }));
        }
        Value::Object(selector)
    }

    /// Creates the Mango index `[type, filter fields…]` when CouchDB answered a `_find`
    /// without a usable one (its `warning`), once per field list and store. Creating an
    /// index needs the database's admin rights: with a member's credentials the server
    /// refuses, the query still works (by a full scan) and `./x couch-setup` is the fix,
    /// so a refusal or failure is only logged.
    async fn index_on_first_use(&self, collection: Collection, query: &Query, answer: &Value) {
        let warned = answer
            .get("warning")
            .and_then(Value::as_str)
            .is_some_and(|w| w.contains("index"));
        if !warned {
            return;
        }
        let mut fields = vec!["type".to_owned()];
        fields.extend(query.filters.iter().map(|f| f.field.clone()));
        if !self.indexes_tried.borrow_mut().insert(fields.clone()) {
            return;
        }
        let body = json!({
            "index": {"fields": fields},
            "ddoc": "gromada-mango",
            "name": fields.join("-"),
            "type": "json",
        });
        let request = self
            .request("POST", format!("{}/_index", self.db_url()))
            .json(body.to_string());
        match self.send(request).await {
            Ok(r) if r.is_success() => {}
            Ok(r) => log_warning(&format!(
                "Gromada: no Mango index for {} by {}, and creating one was refused ({}): run ./x couch-setup",
                collection.as_str(),
                fields.join("+"),
                Self::rejected(&r)
            )),
            Err(e) => log_warning(&format!(
                "Gromada: creating the Mango index {} failed: {e}",
                fields.join("+")
            )),
        }
    }

    /// The rows of view `view` grouped by [board, idea] for `board`, as (idea, value);
    /// `None` when the view is not there (a database set up before it existed).
    async fn board_view(
        &self,
        view: &str,
        board: &str,
    ) -> Result<Option<Vec<(String, Value)>>, StoreError> {
        let start = encode(&json!([board]).to_string());
        let end = encode(&json!([board, {}]).to_string());
        let url = format!(
            "{}/{DESIGN_DOC}/_view/{view}?group_level=2&startkey={start}&endkey={end}",
            self.db_url()
        );
        let response = self.send(self.request("GET", url)).await?;
        if response.status == 404 {
            return Ok(None);
        }
        if !response.is_success() {
            return Err(Self::rejected(&response));
        }
        let mut body = parse_json(&response)?;
        let Some(Value::Array(rows)) = body.get_mut("rows").map(Value::take) else {
            return Err(StoreError::BadResponse("a view answer without rows".into()));
        };
        rows.into_iter()
            .map(|mut row| {
                let idea = row
                    .get("key")
                    .and_then(|k| k.get(1))
                    .and_then(Value::as_str)
                    .map(str::to_owned);
                match (idea, row.get_mut("value").map(Value::take)) {
                    (Some(idea), Some(value)) => Ok((idea, value)),
                    _ => Err(StoreError::BadResponse(format!(
                        "a {view} row without idea or value"
                    ))),
                }
            })
            .collect::<Result<Vec<_>, _>>()
            .map(Some)
    }

    /// The reduced value of view `view` (a `_count`) for `key`; `None` when the view is
    /// not there (a database set up before it existed).
    async fn view_count(&self, view: &str, key: &str) -> Result<Option<u64>, StoreError> {
        let url = format!(
            "{}/{DESIGN_DOC}/_view/{view}?reduce=true&key={}",
            self.db_url(),
            encode(&Value::from(key).to_string())
        );
        let response = self.send(self.request("GET", url)).await?;
        if response.status == 404 {
            return Ok(None);
        }
        if !response.is_success() {
            return Err(Self::rejected(&response));
        }
        let body = parse_json(&response)?;
        let Some(rows) = body.get("rows").and_then(Value::as_array) else {
            return Err(StoreError::BadResponse("a view answer without rows".into()));
        };
        // No row: nothing has that key.
        match rows
            .first()
            .map(|row| row.get("value").and_then(Value::as_u64))
        {
            None => Ok(Some(0)),
            Some(Some(n)) => Ok(Some(n)),
            Some(None) => Err(StoreError::BadResponse(format!(
                "a {view} value that is not a count"
            ))),
        }
    }

    /// The current end of the changes feed (where a follower starts).
    pub async fn current_seq(&self) -> Result<String, StoreError> {
        Ok(self.changes("now", 0).await?.last_seq)
    }

    /// Waits up to `wait_ms` for changes after `since` (a longpoll) and tells the
    /// listeners which collections changed. Design documents and foreign ids are ignored.
    pub async fn changes(&self, since: &str, wait_ms: u32) -> Result<Changes, StoreError> {
        let url = if wait_ms == 0 {
            format!(
                "{}/_changes?since={}&limit=1000",
                self.db_url(),
                encode(since)
            )
        } else {
            format!(
                "{}/_changes?feed=longpoll&since={}&timeout={wait_ms}&limit=1000",
                self.db_url(),
                encode(since)
            )
        };
        let mut request = self.request("GET", url);
        // CouchDB answers after `timeout` even when nothing changed; pouchdb-server (and
        // some proxies) keep the request open, so our own deadline ending the wait means
        // "nothing yet": the position stays, so a change racing the deadline is not lost.
        request.timeout_ms = wait_ms.saturating_add(LONGPOLL_GRACE_MS);
        let response = match self.http.send(request).await {
            Err(HttpError::Timeout(_)) if wait_ms > 0 => {
                return Ok(Changes {
                    last_seq: since.to_owned(),
                    collections: Vec::new(),
                })
            }
            Err(e) => return Err(describe_http(e)),
            Ok(r) => match busy(&r) {
                Some(e) => return Err(e),
                None => r,
            },
        };
        if !response.is_success() {
            return Err(Self::rejected(&response));
        }
        let body = parse_json(&response)?;
        let last_seq = body
            .get("last_seq")
            .and_then(sequence)
            .ok_or_else(|| StoreError::BadResponse("a changes answer without last_seq".into()))?;
        let mut collections: Vec<Collection> = body
            .get("results")
            .and_then(Value::as_array)
            .map(|rows| {
                rows.iter()
                    .filter_map(|r| r.get("id").and_then(Value::as_str))
                    .filter_map(collection_of)
                    .collect()
            })
            .unwrap_or_default();
        collections.sort();
        collections.dedup();
        self.notify(&collections);
        Ok(Changes {
            last_seq,
            collections,
        })
    }

    /// Tells the listeners that `collections` changed elsewhere.
    pub fn notify(&self, collections: &[Collection]) {
        self.hooks.notify(collections);
    }
}

#[async_trait(?Send)]
impl Store for CouchStore {
    fn kind(&self) -> &'static str {
        "couch"
    }

    async fn get(&self, collection: Collection, id: &str) -> Result<Option<Value>, StoreError> {
        Ok(self.fetch(collection, id).await?.map(|(doc, _)| doc))
    }

    async fn list(&self, collection: Collection, query: &Query) -> Result<Vec<Value>, StoreError> {
        let selector = Self::selector(collection, query);
        let mut docs = Vec::new();
        let mut bookmark: Option<String> = None;
        let mut skip = 0;
        let mut fetched = 0;
        loop {
            let mut body = json!({"selector": selector, "limit": self.page_size});
            match &bookmark {
                Some(b) => body["bookmark"] = Value::from(b.clone()),
                None if skip > 0 => body["skip"] = Value::from(skip),
                None => {}
            }
            let request = self
                .request("POST", format!("{}/_find", self.db_url()))
                .json(body.to_string());
            let response = self.send(request).await?;
            if !response.is_success() {
                return Err(Self::rejected(&response));
            }
            let mut answer = parse_json(&response)?;
            if fetched == 0 {
                self.index_on_first_use(collection, query, &answer).await;
            }
            let Some(Value::Array(page)) = answer.get_mut("docs").map(Value::take) else {
                return Err(StoreError::BadResponse(format!(
                    "the {} list has no docs array",
                    collection.as_str()
                )));
            };
            let count = page.len();
            for item in page {
                let (doc, _) = from_couch(collection, item, None)?;
                // The server filtered already; checking again keeps a lax server honest.
                if query.matches(&doc) {
                    docs.push(doc);
                }
            }
            if count < self.page_size {
                break;
            }
            // A bookmark that moves on is followed; without one (pouchdb-server) or when
            // it stops moving, the rest is read by `skip` from what was read so far.
            fetched += count;
            bookmark = match answer.get("bookmark").and_then(Value::as_str) {
                Some(b) if skip == 0 && bookmark.as_deref() != Some(b) => Some(b.to_owned()),
                _ => {
                    skip = fetched;
                    None
                }
            };
        }
        // CouchDB collates ids by Unicode rules; the contract is plain id order.
        docs.sort_by(|a, b| doc_id(a).unwrap_or("").cmp(doc_id(b).unwrap_or("")));
        Ok(query.apply(docs.iter()))
    }

    async fn create(&self, collection: Collection, mut doc: Value) -> Result<Value, StoreError> {
        let id = doc_id(&doc)?.to_owned();
        set_version(&mut doc, 1);
        let body = to_couch(collection, &doc, None)?.to_string();
        let request = self
            .request("PUT", self.doc_url(collection, &id))
            .json(body);
        let response = self.send(request).await?;
        let result = match response.status {
            200..=202 => parse_json(&response).map(|_| doc),
            409 => Err(StoreError::AlreadyExists { collection, id }),
            _ => Err(Self::rejected(&response)),
        };
        self.hooks.wrote(collection, result)
    }

    async fn update(&self, collection: Collection, mut doc: Value) -> Result<Value, StoreError> {
        let id = doc_id(&doc)?.to_owned();
        let expected = doc_version(&doc);
        let Some((stored, rev)) = self.fetch(collection, &id).await? else {
            return Err(StoreError::NotFound { collection, id });
        };
        let actual = doc_version(&stored);
        if actual != expected {
            return Err(StoreError::Conflict {
                collection,
                id,
                expected,
                actual,
            });
        }
        set_version(&mut doc, expected + 1);
        let body = to_couch(collection, &doc, Some(&rev))?.to_string();
        let request = self
            .request("PUT", self.doc_url(collection, &id))
            .json(body);
        let response = self.send(request).await?;
        let result = match response.status {
            200..=202 => parse_json(&response).map(|_| doc),
            409 => Err(self.conflict(collection, &id, expected).await),
            404 => Err(StoreError::NotFound { collection, id }),
            _ => Err(Self::rejected(&response)),
        };
        self.hooks.wrote(collection, result)
    }

    async fn delete(
        &self,
        collection: Collection,
        id: &str,
        version: Option<u64>,
    ) -> Result<(), StoreError> {
        // Without a version to check, a revision that moved on is simply read again.
        for _ in 0..3 {
            let Some((stored, rev)) = self.fetch(collection, id).await? else {
                return Err(StoreError::NotFound {
                    collection,
                    id: id.to_owned(),
                });
            };
            let actual = doc_version(&stored);
            if let Some(expected) = version.filter(|v| *v != actual) {
                return Err(StoreError::Conflict {
                    collection,
                    id: id.to_owned(),
                    expected,
                    actual,
                });
            }
            let url = format!("{}?rev={}", self.doc_url(collection, id), encode(&rev));
            let response = self.send(self.request("DELETE", url)).await?;
            match response.status {
                200..=202 => {
                    return self
                        .hooks
                        .wrote(collection, parse_json(&response).map(|_| ()))
                }
                404 => {
                    return Err(StoreError::NotFound {
                        collection,
                        id: id.to_owned(),
                    })
                }
                409 if version.is_none() => continue,
                409 => return Err(self.conflict(collection, id, version.unwrap_or(0)).await),
                _ => return Err(Self::rejected(&response)),
            }
        }
        Err(StoreError::Busy {
            status: 409,
            retry_after_ms: None,
        })
    }

    /// A survey's responses come from the `survey_responses` view (a `_count` reduce):
    /// one request whatever their number. Other counts (and a database set up before the
    /// view existed) list what Mango matches.
    async fn count(&self, collection: Collection, query: &Query) -> Result<u64, StoreError> {
        if let (Collection::Responses, [only]) = (collection, query.filters.as_slice()) {
            if let ("survey_id", Value::String(survey)) = (only.field.as_str(), &only.value) {
                if let Some(n) = self.view_count("survey_responses", survey).await? {
                    return Ok(n);
                }
            }
        }
        count_by_listing(self, collection, query).await
    }

    /// Two requests whatever the number of votes: the `board_tally` view (reduced on the
    /// server) and a `_find` for the voter's own votes.
    async fn board_tallies(
        &self,
        board: &str,
        voter: &str,
    ) -> Result<Option<BoardTallies>, StoreError> {
        let Some(rows) = self.board_view("board_tally", board).await? else {
            return Ok(None);
        };
        let mut ideas = BTreeMap::new();
        for (idea, value) in rows {
            let n = |i: usize| value.get(i).and_then(Value::as_f64);
            let tally = match (n(0), n(1), n(2), n(3), n(4)) {
                (Some(m), Some(d), Some(vg), Some(c), Some(cg)) => IdeaTally {
                    member_votes: count(m),
                    anonymous_votes: count(d),
                    vote_growth: vg.max(0.0),
                    comments: count(c),
                    comment_growth: cg.max(0.0),
                },
                _ => {
                    return Err(StoreError::BadResponse(format!(
                        "a board_tally value that is not five numbers: {}",
                        shorten(&value.to_string())
                    )))
                }
            };
            ideas.insert(idea, tally);
        }
        let own_votes = self
            .list(
                Collection::Votes,
                &Query::all().eq("board_id", board).eq("voter", voter),
            )
            .await?;
        Ok(Some(BoardTallies { ideas, own_votes }))
    }

    fn subscribe(&self, listener: Listener) {
        self.hooks.subscribe(listener);
    }
}

/// A warning for the operator (the browser console; stderr natively).
fn log_warning(text: &str) {
    #[cfg(target_arch = "wasm32")]
    web_sys::console::warn_1(&text.into());
    #[cfg(not(target_arch = "wasm32"))]
    eprintln!("{text}");
}

/// A count from a summed view value (a whole number sent as a JSON number).
fn count(n: f64) -> u32 {
    if n.is_finite() && n > 0.0 {
        n.round().min(f64::from(u32::MAX)) as u32
    } else {
        0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_prefixed_by_collection_and_read_back() {
        assert_eq!(
            couch_id(Collection::Votes, "vote:i1:m:ola"),
            "votes:vote:i1:m:ola"
        );
        assert_eq!(
            collection_of("votes:vote:i1:m:ola"),
            Some(Collection::Votes)
        );
        assert_eq!(collection_of("_design/gromada"), None);
        assert_eq!(collection_of("stranger:1"), None);
        let doc = json!({"id": "i1", "title": "T", "version": 2});
        let couch = to_couch(Collection::Ideas, &doc, Some("2-ab")).unwrap();
        assert_eq!(couch["_id"], "ideas:i1");
        assert_eq!(couch["type"], "ideas");
        let (back, rev) = from_couch(Collection::Ideas, couch, Some("i1")).unwrap();
        assert_eq!((back, rev.as_str()), (doc, "2-ab"));
    }

    #[test]
    fn reserved_fields_and_misfiled_documents_are_refused() {
        for bad in [
            json!({"id": "x", "type": "a"}),
            json!({"id": "x", "_rev": "1"}),
        ] {
            assert!(matches!(
                to_couch(Collection::Ideas, &bad, None),
                Err(StoreError::Malformed(_))
            ));
        }
        let misfiled = json!({"_id": "comments:x", "_rev": "1-a", "type": "ideas", "id": "x"});
        assert!(matches!(
            from_couch(Collection::Ideas, misfiled, None),
            Err(StoreError::BadResponse(_))
        ));
        let no_rev = json!({"_id": "ideas:x", "type": "ideas", "id": "x"});
        assert!(from_couch(Collection::Ideas, no_rev, None).is_err());
    }

    #[test]
    fn selectors_carry_type_and_filters() {
        let q = Query::all().eq("board_id", "b1").eq("meta.lane", "hot");
        assert_eq!(
            CouchStore::selector(Collection::Ideas, &q),
            json!({"type": "ideas", "board_id": {"$eq": "b1"}, "meta.lane": {"$eq": "hot"}})
        );
    }

    #[test]
    fn couch_reasons_come_first() {
        let r = HttpResponse {
            status: 403,
            headers: Vec::new(),
            body: r#"{"error":"forbidden","reason":"only moderators change statuses"}"#.into(),
        };
        assert_eq!(reason(&r), "only moderators change statuses");
        assert_eq!(sequence(&json!(12)).as_deref(), Some("12"));
        assert_eq!(sequence(&json!("3-g1AAA")).as_deref(), Some("3-g1AAA"));
    }
}
