//! The [`Store`] over any JSON backend that follows docs/backend.md (json-server's
//! conventions): `GET /ideas?board_id=b1&_sort=score,id&_order=desc,asc&_start=0&_limit=20`,
//! `GET|PUT|DELETE /ideas/:id`, `POST /ideas`. Ids come from the client (a vote's from its
//! idea and voter), so a repeated create collides (409) instead of duplicating; every
//! update and delete carries `If-Match: "<version>"` and a stale one is refused (412 or
//! 409, with the stored document), never overwritten.
//!
//! Failures are classified for the outbox: unreachable or timed out → [`StoreError::Offline`],
//! 5xx and 429 → [`StoreError::Busy`] (with `Retry-After`), other 4xx →
//! [`StoreError::Rejected`] with the server's reason, anything unreadable →
//! [`StoreError::BadResponse`]. Nothing here panics on what a server sends.

use super::http::{Http, HttpRequest, HttpResponse};
use super::net::{busy, describe_http, parse_json, server_reason, Hooks};
use super::{
    count_by_listing, doc_id, doc_version, set_version, Collection, Listener, Order, Query, Store,
    StoreError,
};
use crate::domain::config::RestConfig;
use async_trait::async_trait;
use serde_json::Value;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

/// A REST backend.
pub struct RestStore {
    http: Rc<dyn Http>,
    config: RestConfig,
    hooks: Hooks,
    /// ETag of each collection's last full listing, for cheap change checks.
    etags: RefCell<HashMap<Collection, String>>,
}

/// Percent-encodes a path segment or query value (RFC 3986 unreserved characters kept).
pub fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The server's reason from an error body: `{"error": …}`, `{"message": …}`, plain text.
fn reason(response: &HttpResponse) -> String {
    server_reason(response, &["error", "message", "reason", "detail"])
}

/// A document as the server sent it: an object with the expected text id.
fn checked_doc(
    value: Value,
    collection: Collection,
    id: Option<&str>,
) -> Result<Value, StoreError> {
    let Value::Object(_) = &value else {
        return Err(StoreError::BadResponse(format!(
            "a {} that is not a JSON object",
            collection.singular()
        )));
    };
    match (doc_id(&value), id) {
        (Err(_), _) => Err(StoreError::BadResponse(format!(
            "a {} without a text id",
            collection.singular()
        ))),
        (Ok(got), Some(want)) if got != want => Err(StoreError::BadResponse(format!(
            "asked for {} {want}, got {got}",
            collection.singular()
        ))),
        _ => Ok(value),
    }
}

impl RestStore {
    /// A store talking to `config.base_url` through `http`.
    pub fn new(http: Rc<dyn Http>, config: RestConfig) -> Self {
        Self {
            http,
            config,
            hooks: Hooks::default(),
            etags: RefCell::new(HashMap::new()),
        }
    }

    /// Calls `hook` with the collection after every write that took effect.
    pub fn after_write(&self, hook: Listener) {
        self.hooks.after_write(hook);
    }

    /// The collection's URL (no trailing slash).
    pub fn collection_url(&self, collection: Collection) -> String {
        let name = collection.as_str();
        let path = self
            .config
            .paths
            .iter()
            .find(|(c, _)| c == name)
            .map_or(name, |(_, p)| p.as_str());
        format!("{}/{}", self.config.base_url.trim_end_matches('/'), path)
    }

    fn doc_url(&self, collection: Collection, id: &str) -> String {
        format!("{}/{}", self.collection_url(collection), encode(id))
    }

    fn request(&self, method: &'static str, url: String) -> HttpRequest {
        let mut r = HttpRequest::new(method, url).header("Accept", "application/json");
        r.timeout_ms = self.config.timeout_ms;
        if let Some(token) = &self.config.token {
            r = r.header("Authorization", format!("Bearer {token}"));
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

    /// The conflict a 409/412 answer describes (the body may carry the stored document).
    fn conflict(
        &self,
        collection: Collection,
        id: &str,
        expected: u64,
        response: &HttpResponse,
    ) -> StoreError {
        let actual = serde_json::from_str::<Value>(&response.body)
            .ok()
            .and_then(|b| b.get("current").map(doc_version))
            .unwrap_or(0);
        StoreError::Conflict {
            collection,
            id: id.to_owned(),
            expected,
            actual,
        }
    }

    fn rejected(response: &HttpResponse) -> StoreError {
        StoreError::Rejected {
            status: response.status,
            reason: reason(response),
        }
    }

    /// The query string of `query` in json-server's conventions (ties broken by id, so
    /// pages are stable).
    pub fn query_string(query: &Query) -> String {
        let mut parts: Vec<String> = query
            .filters
            .iter()
            .map(|f| {
                let value = match &f.value {
                    Value::String(s) => s.clone(),
                    other => other.to_string(),
                };
                format!("{}={}", encode(&f.field), encode(&value))
            })
            .collect();
        match &query.sort {
            Some((key, order)) if key != "id" => {
                let o = if *order == Order::Desc { "desc" } else { "asc" };
                parts.push(format!("_sort={},id&_order={o},asc", encode(key)));
            }
            Some((_, Order::Desc)) => parts.push("_sort=id&_order=desc".into()),
            _ => parts.push("_sort=id&_order=asc".into()),
        }
        if query.offset > 0 || query.limit.is_some() {
            parts.push(format!("_start={}", query.offset));
            if let Some(limit) = query.limit {
                parts.push(format!("_end={}", query.offset + limit));
            }
        }
        parts.join("&")
    }

    /// Checks every collection for changes made elsewhere (a conditional GET with the last
    /// ETag: unchanged costs a 304), tells the listeners, and returns what changed; `None`
    /// when the backend did not answer (unreachable, or busy: 5xx, 429).
    pub async fn refresh(&self) -> Option<Vec<Collection>> {
        let mut changed = Vec::new();
        let mut answered = false;
        for collection in Collection::ALL {
            let mut request = self.request(
                "GET",
                format!("{}?_sort=id", self.collection_url(collection)),
            );
            let previous = self.etags.borrow().get(&collection).cloned();
            if let Some(tag) = &previous {
                request = request.header("If-None-Match", tag.clone());
            }
            let Ok(response) = self.http.send(request).await else {
                break;
            };
            answered |= busy(&response).is_none();
            if response.status == 304 || !response.is_success() {
                continue;
            }
            let tag = response.header("etag").map(str::to_owned);
            let differs = match (&previous, &tag) {
                (Some(a), Some(b)) => a != b,
                (None, _) => false,
                _ => true,
            };
            if let Some(tag) = tag {
                self.etags.borrow_mut().insert(collection, tag);
            }
            if differs {
                changed.push(collection);
            }
        }
        if !changed.is_empty() {
            self.notify(&changed);
        }
        answered.then_some(changed)
    }

    /// Tells the listeners that `collections` changed elsewhere.
    pub fn notify(&self, collections: &[Collection]) {
        self.hooks.notify(collections);
    }
}

#[async_trait(?Send)]
impl Store for RestStore {
    fn kind(&self) -> &'static str {
        "rest"
    }

    async fn get(&self, collection: Collection, id: &str) -> Result<Option<Value>, StoreError> {
        let response = self
            .send(self.request("GET", self.doc_url(collection, id)))
            .await?;
        match response.status {
            200 => checked_doc(parse_json(&response)?, collection, Some(id)).map(Some),
            404 => Ok(None),
            _ => Err(Self::rejected(&response)),
        }
    }

    async fn list(&self, collection: Collection, query: &Query) -> Result<Vec<Value>, StoreError> {
        let url = format!(
            "{}?{}",
            self.collection_url(collection),
            Self::query_string(query)
        );
        let response = self.send(self.request("GET", url)).await?;
        if !response.is_success() {
            return Err(Self::rejected(&response));
        }
        let Value::Array(items) = parse_json(&response)? else {
            return Err(StoreError::BadResponse(format!(
                "the {} list is not a JSON array",
                collection.as_str()
            )));
        };
        let mut docs = Vec::with_capacity(items.len());
        for item in items {
            let doc = checked_doc(item, collection, None)?;
            // The server filtered already; checking again keeps a lax server honest.
            if query.matches(&doc) {
                docs.push(doc);
            }
        }
        Ok(docs)
    }

    /// json-server's convention: a sliced list (`_start=0&_end=1`) says in `X-Total-Count`
    /// how many match, so at most one document is read. A server that does not send the
    /// header has the list read and counted.
    async fn count(&self, collection: Collection, query: &Query) -> Result<u64, StoreError> {
        let probe = query.filters_only().page(0, 1);
        let url = format!(
            "{}?{}",
            self.collection_url(collection),
            Self::query_string(&probe)
        );
        let response = self.send(self.request("GET", url)).await?;
        if !response.is_success() {
            return Err(Self::rejected(&response));
        }
        match response
            .header("x-total-count")
            .and_then(|n| n.trim().parse::<u64>().ok())
        {
            Some(n) => Ok(n),
            None => count_by_listing(self, collection, query).await,
        }
    }

    async fn create(&self, collection: Collection, mut doc: Value) -> Result<Value, StoreError> {
        let id = doc_id(&doc)?.to_owned();
        set_version(&mut doc, 1);
        let body = serde_json::to_string(&doc).map_err(|e| StoreError::Malformed(e.to_string()))?;
        let request = self
            .request("POST", self.collection_url(collection))
            .json(body);
        let response = self.send(request).await?;
        match response.status {
            200 | 201 => checked_doc(parse_json(&response)?, collection, Some(&id)),
            409 => Err(StoreError::AlreadyExists { collection, id }),
            _ => Err(Self::rejected(&response)),
        }
    }

    async fn update(&self, collection: Collection, mut doc: Value) -> Result<Value, StoreError> {
        let id = doc_id(&doc)?.to_owned();
        let expected = doc_version(&doc);
        set_version(&mut doc, expected + 1);
        let body = serde_json::to_string(&doc).map_err(|e| StoreError::Malformed(e.to_string()))?;
        let request = self
            .request("PUT", self.doc_url(collection, &id))
            .header("If-Match", format!("\"{expected}\""))
            .json(body);
        let response = self.send(request).await?;
        let result = match response.status {
            200 | 201 => checked_doc(parse_json(&response)?, collection, Some(&id)),
            404 => Err(StoreError::NotFound { collection, id }),
            409 | 412 => Err(self.conflict(collection, &id, expected, &response)),
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
        let mut request = self.request("DELETE", self.doc_url(collection, id));
        if let Some(v) = version {
            request = request.header("If-Match", format!("\"{v}\""));
        }
        let response = self.send(request).await?;
        let result = match response.status {
            // A body that is there must be readable: a garbled answer is not a confirmation.
            200 | 202 if !response.body.trim().is_empty() => parse_json(&response).map(|_| ()),
            200 | 202 | 204 => Ok(()),
            404 => Err(StoreError::NotFound {
                collection,
                id: id.to_owned(),
            }),
            409 | 412 => Err(self.conflict(collection, id, version.unwrap_or(0), &response)),
            _ => Err(Self::rejected(&response)),
        };
        self.hooks.wrote(collection, result)
    }

    fn subscribe(&self, listener: Listener) {
        self.hooks.subscribe(listener);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_strings_follow_json_server_with_stable_ties() {
        let q = Query::all()
            .eq("board_id", "b 1/ą")
            .eq("meta.hot", true)
            .sort("score", Order::Desc)
            .page(20, 10);
        assert_eq!(
            RestStore::query_string(&q),
            "board_id=b%201%2F%C4%85&meta.hot=true&_sort=score,id&_order=desc,asc&_start=20&_end=30"
        );
        assert_eq!(
            RestStore::query_string(&Query::all()),
            "_sort=id&_order=asc"
        );
    }

    #[test]
    fn server_reasons_are_short_text_never_html() {
        let r = |body: &str| HttpResponse {
            status: 400,
            headers: Vec::new(),
            body: body.into(),
        };
        assert_eq!(
            reason(&r(r#"{"error":"title too long"}"#)),
            "title too long"
        );
        assert_eq!(
            reason(&r("<html><body>Bad gateway</body></html>")),
            "the server sent an HTML page instead of JSON"
        );
        assert_eq!(reason(&r(&"x".repeat(500))).chars().count(), 201);
        assert_eq!(encode("vote:i1:m:ola"), "vote%3Ai1%3Am%3Aola");
    }
}
