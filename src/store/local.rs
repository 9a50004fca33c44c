//! The browser's localStorage as a [`Store`]: one key per document
//! (`gromada:<namespace>:d:<collection>:<id>`), a schema version with migrations, damaged
//! entries moved aside (kept for download, never deleted), quota errors that lose nothing,
//! and other tabs' writes picked up through `storage` events.

use super::migrate::{self, CURRENT_SCHEMA, MIGRATIONS};
use super::{doc_id, doc_version, set_version, Collection, Listener, Query, Store, StoreError};
use async_trait::async_trait;
use serde_json::{json, Value};
use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap};
use std::rc::{Rc, Weak};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// A stored entry that could not be read and was moved to a backup key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Damaged {
    /// The key it had.
    pub key: String,
    /// The key it is kept under now.
    pub backup_key: String,
    /// Its raw text.
    pub raw: String,
}

/// localStorage-backed store for one namespace.
pub struct LocalStore {
    storage: web_sys::Storage,
    prefix: String,
    cache: RefCell<HashMap<Collection, BTreeMap<String, Value>>>,
    listeners: RefCell<Vec<Listener>>,
    read_only: Option<StoreError>,
}

/// The error text of a failed browser call.
fn js_text(value: &JsValue) -> String {
    if let Some(e) = value.dyn_ref::<js_sys::Error>() {
        return String::from(e.message());
    }
    if let Some(e) = value.dyn_ref::<web_sys::DomException>() {
        return format!("{}: {}", e.name(), e.message());
    }
    value
        .as_string()
        .unwrap_or_else(|| "unknown browser error".into())
}

fn write_error(value: &JsValue) -> StoreError {
    let quota = value
        .dyn_ref::<web_sys::DomException>()
        .is_some_and(|e| e.name() == "QuotaExceededError" || e.code() == 22);
    if quota {
        StoreError::QuotaExceeded
    } else {
        StoreError::Unavailable(js_text(value))
    }
}

impl LocalStore {
    /// Opens the store for `namespace`: loads every document, migrates older schemas, moves
    /// damaged entries aside, and starts listening to other tabs.
    pub fn open(namespace: &str) -> Result<Rc<Self>, StoreError> {
        let window =
            web_sys::window().ok_or_else(|| StoreError::Unavailable("no window".into()))?;
        let storage = window
            .local_storage()
            .map_err(|e| StoreError::Unavailable(js_text(&e)))?
            .ok_or_else(|| {
                StoreError::Unavailable("localStorage is disabled in this browser".into())
            })?;
        let prefix = format!("gromada:{namespace}:");
        let mut store = Self {
            storage,
            prefix,
            cache: RefCell::default(),
            listeners: RefCell::default(),
            read_only: None,
        };
        store.load()?;
        let store = Rc::new(store);
        Self::listen(&store, &window);
        Ok(store)
    }

    fn meta_key(&self) -> String {
        format!("{}meta", self.prefix)
    }

    fn doc_key(&self, collection: Collection, id: &str) -> String {
        format!("{}d:{}:{id}", self.prefix, collection.as_str())
    }

    fn damaged_prefix(&self) -> String {
        format!("{}damaged:", self.prefix)
    }

    /// Keys of this namespace currently in storage.
    fn keys(&self) -> Vec<String> {
        let n = self.storage.length().unwrap_or(0);
        (0..n)
            .filter_map(|i| self.storage.key(i).ok().flatten())
            .filter(|k| k.starts_with(&self.prefix))
            .collect()
    }

    fn parse_key<'a>(&self, key: &'a str) -> Option<(Collection, &'a str)> {
        let rest = key.strip_prefix(&self.prefix)?.strip_prefix("d:")?;
        let (collection, id) = rest.split_once(':')?;
        Some((Collection::parse(collection)?, id))
    }

    /// Moves a damaged entry to a backup key. If even that fails (quota), it stays where it
    /// is and is skipped, so nothing is lost.
    fn set_aside(&self, key: &str, raw: &str) {
        let backup = format!(
            "{}{}:{key}",
            self.damaged_prefix(),
            js_sys::Date::now() as i64
        );
        if self.storage.set_item(&backup, raw).is_ok() {
            let _ = self.storage.remove_item(key);
        }
    }

    /// Parses one stored document; damaged ones are set aside.
    fn read_doc(&self, key: &str, raw: &str, id: &str) -> Option<Value> {
        match serde_json::from_str::<Value>(raw) {
            Ok(doc) if doc.is_object() && doc.get("id").and_then(Value::as_str) == Some(id) => {
                Some(doc)
            }
            _ => {
                self.set_aside(key, raw);
                None
            }
        }
    }

    fn load(&mut self) -> Result<(), StoreError> {
        let meta_raw = self.storage.get_item(&self.meta_key()).ok().flatten();
        let schema = match meta_raw.as_deref().map(serde_json::from_str::<Value>) {
            None => CURRENT_SCHEMA,
            Some(Ok(meta)) => match meta.get("schema").and_then(Value::as_u64) {
                Some(s) => u32::try_from(s).unwrap_or(u32::MAX),
                None => {
                    self.set_aside(&self.meta_key(), meta_raw.as_deref().unwrap_or_default());
                    CURRENT_SCHEMA
                }
            },
            Some(Err(_)) => {
                self.set_aside(&self.meta_key(), meta_raw.as_deref().unwrap_or_default());
                CURRENT_SCHEMA
            }
        };
        let mut docs: Vec<(Collection, Value)> = Vec::new();
        for key in self.keys() {
            let Some((collection, id)) = self.parse_key(&key) else {
                continue;
            };
            let Some(raw) = self.storage.get_item(&key).ok().flatten() else {
                continue;
            };
            if let Some(doc) = self.read_doc(&key, &raw, id) {
                docs.push((collection, doc));
            }
        }
        if schema > CURRENT_SCHEMA {
            self.read_only = Some(StoreError::NewerSchema {
                found: schema,
                supported: CURRENT_SCHEMA,
            });
        } else if schema < CURRENT_SCHEMA {
            // All or nothing: documents are rewritten only after every one migrated.
            let migrated = migrate::migrate(schema, CURRENT_SCHEMA, MIGRATIONS, docs.clone())
                .map_err(|e| {
                    StoreError::Unavailable(format!("stored data could not be upgraded: {e}"))
                })?;
            for (collection, doc) in &migrated {
                let id = doc_id(doc)?;
                self.storage
                    .set_item(&self.doc_key(*collection, id), &doc.to_string())
                    .map_err(|e| write_error(&e))?;
            }
            docs = migrated;
        }
        if self.read_only.is_none() {
            self.write_meta(CURRENT_SCHEMA)?;
        }
        let mut cache: HashMap<Collection, BTreeMap<String, Value>> = HashMap::new();
        for (collection, doc) in docs {
            if let Ok(id) = doc_id(&doc) {
                cache
                    .entry(collection)
                    .or_default()
                    .insert(id.to_owned(), doc);
            }
        }
        *self.cache.borrow_mut() = cache;
        Ok(())
    }

    fn write_meta(&self, schema: u32) -> Result<(), StoreError> {
        let mut meta = self
            .storage
            .get_item(&self.meta_key())
            .ok()
            .flatten()
            .and_then(|raw| serde_json::from_str::<Value>(&raw).ok())
            .filter(Value::is_object)
            .unwrap_or_else(|| json!({}));
        if meta.get("schema").and_then(Value::as_u64) == Some(u64::from(schema)) {
            return Ok(());
        }
        meta["schema"] = json!(schema);
        self.storage
            .set_item(&self.meta_key(), &meta.to_string())
            .map_err(|e| write_error(&e))
    }

    /// A flag kept in the namespace's metadata (e.g. `demo_seeded`).
    pub fn meta_flag(&self, name: &str) -> bool {
        self.storage
            .get_item(&self.meta_key())
            .ok()
            .flatten()
            .and_then(|raw| serde_json::from_str::<Value>(&raw).ok())
            .and_then(|m| m.get(name).and_then(Value::as_bool))
            .unwrap_or(false)
    }

    /// Sets a metadata flag.
    pub fn set_meta_flag(&self, name: &str, value: bool) -> Result<(), StoreError> {
        let mut meta = self
            .storage
            .get_item(&self.meta_key())
            .ok()
            .flatten()
            .and_then(|raw| serde_json::from_str::<Value>(&raw).ok())
            .filter(Value::is_object)
            .unwrap_or_else(|| json!({ "schema": CURRENT_SCHEMA }));
        meta[name] = json!(value);
        self.storage
            .set_item(&self.meta_key(), &meta.to_string())
            .map_err(|e| write_error(&e))
    }

    /// Whether no document is stored.
    pub fn is_empty(&self) -> bool {
        self.cache.borrow().values().all(BTreeMap::is_empty)
    }

    /// Damaged entries kept under backup keys (from this and earlier visits).
    pub fn damaged(&self) -> Vec<Damaged> {
        let prefix = self.damaged_prefix();
        self.keys()
            .into_iter()
            .filter(|k| k.starts_with(&prefix))
            .map(|backup_key| {
                let raw = self
                    .storage
                    .get_item(&backup_key)
                    .ok()
                    .flatten()
                    .unwrap_or_default();
                let key = backup_key[prefix.len()..]
                    .split_once(':')
                    .map(|(_, k)| k.to_owned())
                    .unwrap_or_default();
                Damaged {
                    key,
                    backup_key,
                    raw,
                }
            })
            .collect()
    }

    /// The damaged entries as one JSON document for download (`{"<key>": "<raw text>"}`).
    pub fn damaged_json(&self) -> String {
        let map: serde_json::Map<String, Value> = self
            .damaged()
            .into_iter()
            .map(|d| (d.backup_key, Value::String(d.raw)))
            .collect();
        serde_json::to_string_pretty(&Value::Object(map)).unwrap_or_default()
    }

    /// Deletes the backups of damaged entries (after the user downloaded or gave them up).
    pub fn discard_damaged(&self) {
        for d in self.damaged() {
            let _ = self.storage.remove_item(&d.backup_key);
        }
    }

    /// Why writes are refused, if they are.
    pub fn read_only(&self) -> Option<&StoreError> {
        self.read_only.as_ref()
    }

    fn check_writable(&self) -> Result<(), StoreError> {
        match &self.read_only {
            Some(e) => Err(e.clone()),
            None => Ok(()),
        }
    }

    /// The stored document, read from localStorage itself (not the cache), so a write
    /// judges versions against what another tab may just have written.
    fn current(&self, collection: Collection, id: &str) -> Option<Value> {
        let key = self.doc_key(collection, id);
        let raw = self.storage.get_item(&key).ok().flatten()?;
        self.read_doc(&key, &raw, id)
    }

    fn put(&self, collection: Collection, id: &str, doc: &Value) -> Result<(), StoreError> {
        self.storage
            .set_item(&self.doc_key(collection, id), &doc.to_string())
            .map_err(|e| write_error(&e))?;
        self.cache
            .borrow_mut()
            .entry(collection)
            .or_default()
            .insert(id.to_owned(), doc.clone());
        Ok(())
    }

    fn listen(store: &Rc<Self>, window: &web_sys::Window) {
        let weak: Weak<Self> = Rc::downgrade(store);
        let on_storage =
            Closure::<dyn Fn(web_sys::StorageEvent)>::new(move |event: web_sys::StorageEvent| {
                if let Some(store) = weak.upgrade() {
                    store.on_storage(&event);
                }
            });
        let _ =
            window.add_event_listener_with_callback("storage", on_storage.as_ref().unchecked_ref());
        // The store lives as long as the page; the listener checks the weak reference.
        on_storage.forget();
    }

    fn on_storage(&self, event: &web_sys::StorageEvent) {
        let changed: Vec<Collection> = match event.key() {
            None => {
                // Another tab cleared storage: reload everything.
                let mut fresh = Self {
                    storage: self.storage.clone(),
                    prefix: self.prefix.clone(),
                    cache: RefCell::default(),
                    listeners: RefCell::default(),
                    read_only: None,
                };
                if fresh.load().is_ok() {
                    *self.cache.borrow_mut() = fresh.cache.take();
                }
                Collection::ALL.to_vec()
            }
            Some(key) => match self.parse_key(&key) {
                Some((collection, id)) => {
                    let doc = event
                        .new_value()
                        .and_then(|raw| self.read_doc(&key, &raw, id));
                    let mut cache = self.cache.borrow_mut();
                    let docs = cache.entry(collection).or_default();
                    match doc {
                        Some(doc) => docs.insert(id.to_owned(), doc),
                        None => docs.remove(id),
                    };
                    vec![collection]
                }
                None => Vec::new(),
            },
        };
        let listeners = self.listeners.borrow().clone();
        for collection in changed {
            for listener in &listeners {
                listener(collection);
            }
        }
    }
}

#[async_trait(?Send)]
impl Store for LocalStore {
    fn kind(&self) -> &'static str {
        "local"
    }

    async fn get(&self, collection: Collection, id: &str) -> Result<Option<Value>, StoreError> {
        Ok(self
            .cache
            .borrow()
            .get(&collection)
            .and_then(|c| c.get(id))
            .cloned())
    }

    async fn list(&self, collection: Collection, query: &Query) -> Result<Vec<Value>, StoreError> {
        let cache = self.cache.borrow();
        Ok(match cache.get(&collection) {
            Some(docs) => query.apply(docs.values()),
            None => Vec::new(),
        })
    }

    async fn create(&self, collection: Collection, mut doc: Value) -> Result<Value, StoreError> {
        self.check_writable()?;
        let id = doc_id(&doc)?.to_owned();
        if self.current(collection, &id).is_some() {
            return Err(StoreError::AlreadyExists { collection, id });
        }
        set_version(&mut doc, 1);
        self.put(collection, &id, &doc)?;
        Ok(doc)
    }

    async fn update(&self, collection: Collection, mut doc: Value) -> Result<Value, StoreError> {
        self.check_writable()?;
        let id = doc_id(&doc)?.to_owned();
        let stored = self
            .current(collection, &id)
            .ok_or_else(|| StoreError::NotFound {
                collection,
                id: id.clone(),
            })?;
        let (expected, actual) = (doc_version(&doc), doc_version(&stored));
        if expected != actual {
            // Keep the cache in step with what is really stored.
            self.cache
                .borrow_mut()
                .entry(collection)
                .or_default()
                .insert(id.clone(), stored);
            return Err(StoreError::Conflict {
                collection,
                id,
                expected,
                actual,
            });
        }
        set_version(&mut doc, actual + 1);
        self.put(collection, &id, &doc)?;
        Ok(doc)
    }

    async fn delete(
        &self,
        collection: Collection,
        id: &str,
        version: Option<u64>,
    ) -> Result<(), StoreError> {
        self.check_writable()?;
        let stored = self
            .current(collection, id)
            .ok_or_else(|| StoreError::NotFound {
                collection,
                id: id.to_owned(),
            })?;
        if let Some(expected) = version {
            let actual = doc_version(&stored);
            if expected != actual {
                return Err(StoreError::Conflict {
                    collection,
                    id: id.to_owned(),
                    expected,
                    actual,
                });
            }
        }
        self.storage
            .remove_item(&self.doc_key(collection, id))
            .map_err(|e| StoreError::Unavailable(js_text(&e)))?;
        if let Some(docs) = self.cache.borrow_mut().get_mut(&collection) {
            docs.remove(id);
        }
        Ok(())
    }

    fn subscribe(&self, listener: Listener) {
        self.listeners.borrow_mut().push(listener);
    }
}
