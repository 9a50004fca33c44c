//! What the network stores (REST, CouchDB) share: reading a server's answer, classifying
//! failures for the outbox, and telling listeners about changes.

use super::http::{HttpError, HttpResponse};
use super::{Collection, Listener, StoreError};
use serde_json::Value;
use std::cell::RefCell;

/// The server's reason from an error body: the first of `keys` holding text in a JSON
/// object, else the plain text; an HTML page is named as such rather than shown.
pub fn server_reason(response: &HttpResponse, keys: &[&str]) -> String {
    let body = response.body.trim();
    if let Ok(Value::Object(map)) = serde_json::from_str::<Value>(body) {
        for key in keys {
            if let Some(text) = map.get(*key).and_then(Value::as_str) {
                return shorten(text);
            }
        }
    }
    if body.starts_with('<') {
        return "the server sent an HTML page instead of JSON".into();
    }
    if body.is_empty() {
        return "no reason given".into();
    }
    shorten(body)
}

/// At most 200 characters, without control characters.
pub fn shorten(text: &str) -> String {
    let mut s: String = text.chars().filter(|c| !c.is_control()).take(200).collect();
    if text.chars().count() > 200 {
        s.push('…');
    }
    s
}

/// A transport failure as the outbox sees it: unreachable or timed out is offline.
pub fn describe_http(e: HttpError) -> StoreError {
    match e {
        HttpError::TooLarge(_) => StoreError::BadResponse(e.to_string()),
        HttpError::Timeout(_) | HttpError::Unreachable(_) => StoreError::Offline {
            reason: e.to_string(),
        },
    }
}

/// The answer's JSON, or why it is unreadable.
pub fn parse_json(response: &HttpResponse) -> Result<Value, StoreError> {
    serde_json::from_str(&response.body).map_err(|e| {
        if response.body.trim_start().starts_with('<') {
            StoreError::BadResponse("an HTML page instead of JSON".into())
        } else {
            StoreError::BadResponse(format!("malformed JSON: {e}"))
        }
    })
}

/// 429 and 5xx: busy, to be retried (after `Retry-After` when given).
pub fn busy(response: &HttpResponse) -> Option<StoreError> {
    (response.status == 429 || response.status >= 500).then(|| StoreError::Busy {
        status: response.status,
        retry_after_ms: response.retry_after_ms(),
    })
}

/// Who hears of changes: listeners (changes made elsewhere) and a hook told after each
/// write that took effect here (other tabs hear of it that way).
#[derive(Default)]
pub struct Hooks {
    listeners: RefCell<Vec<Listener>>,
    after_write: RefCell<Option<Listener>>,
}

impl Hooks {
    /// Adds a listener.
    pub fn subscribe(&self, listener: Listener) {
        self.listeners.borrow_mut().push(listener);
    }

    /// Sets the after-write hook.
    pub fn after_write(&self, hook: Listener) {
        *self.after_write.borrow_mut() = Some(hook);
    }

    /// Passes `result` on, calling the after-write hook when it is a success.
    pub fn wrote<T>(
        &self,
        collection: Collection,
        result: Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        if result.is_ok() {
            let hook = self.after_write.borrow().clone();
            if let Some(hook) = hook {
                hook(collection);
            }
        }
        result
    }

    /// Tells the listeners that `collections` changed elsewhere.
    pub fn notify(&self, collections: &[Collection]) {
        let listeners: Vec<Listener> = self.listeners.borrow().clone();
        for c in collections {
            for l in &listeners {
                l(*c);
            }
        }
    }
}
