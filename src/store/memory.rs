//! A store in memory: for tests, benchmarks and the `memory` storage setting.
//! It follows the same contract as every other store.

use super::{doc_id, doc_version, set_version, Collection, Listener, Query, Store, StoreError};
use async_trait::async_trait;
use serde_json::Value;
use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap};

/// Documents held in memory, lost when the page closes.
#[derive(Default)]
pub struct MemoryStore {
    data: RefCell<HashMap<Collection, BTreeMap<String, Value>>>,
    listeners: RefCell<Vec<Listener>>,
}

impl MemoryStore {
    /// An empty store.
    pub fn new() -> Self {
        Self::default()
    }

    /// Tells listeners that `collection` changed (used by tests to simulate other writers).
    pub fn notify(&self, collection: Collection) {
        let listeners = self.listeners.borrow().clone();
        for l in listeners {
            l(collection);
        }
    }
}

#[async_trait(?Send)]
impl Store for MemoryStore {
    fn kind(&self) -> &'static str {
        "memory"
    }

    async fn get(&self, collection: Collection, id: &str) -> Result<Option<Value>, StoreError> {
        Ok(self
            .data
            .borrow()
            .get(&collection)
            .and_then(|c| c.get(id))
            .cloned())
    }

    async fn list(&self, collection: Collection, query: &Query) -> Result<Vec<Value>, StoreError> {
        let data = self.data.borrow();
        Ok(match data.get(&collection) {
            Some(docs) => query.apply(docs.values()),
            None => Vec::new(),
        })
    }

    async fn create(&self, collection: Collection, mut doc: Value) -> Result<Value, StoreError> {
        let id = doc_id(&doc)?.to_owned();
        let mut data = self.data.borrow_mut();
        let docs = data.entry(collection).or_default();
        if docs.contains_key(&id) {
            return Err(StoreError::AlreadyExists { collection, id });
        }
        set_version(&mut doc, 1);
        docs.insert(id, doc.clone());
        Ok(doc)
    }

    async fn update(&self, collection: Collection, mut doc: Value) -> Result<Value, StoreError> {
        let id = doc_id(&doc)?.to_owned();
        let mut data = self.data.borrow_mut();
        let stored = data
            .get_mut(&collection)
            .and_then(|c| c.get_mut(&id))
            .ok_or_else(|| StoreError::NotFound {
                collection,
                id: id.clone(),
            })?;
        let (expected, actual) = (doc_version(&doc), doc_version(stored));
        if expected != actual {
            return Err(StoreError::Conflict {
                collection,
                id,
                expected,
                actual,
            });
        }
        set_version(&mut doc, actual + 1);
        *stored = doc.clone();
        Ok(doc)
    }

    async fn delete(
        &self,
        collection: Collection,
        id: &str,
        version: Option<u64>,
    ) -> Result<(), StoreError> {
        let mut data = self.data.borrow_mut();
        let docs = data.entry(collection).or_default();
        let stored = docs.get(id).ok_or_else(|| StoreError::NotFound {
            collection,
            id: id.to_owned(),
        })?;
        if let Some(expected) = version {
            let actual = doc_version(stored);
            if expected != actual {
                return Err(StoreError::Conflict {
                    collection,
                    id: id.to_owned(),
                    expected,
                    actual,
                });
            }
        }
        docs.remove(id);
        Ok(())
    }

    fn subscribe(&self, listener: Listener) {
        self.listeners.borrow_mut().push(listener);
    }
}
