//! The outbox kept in localStorage, so queued writes survive a reload.
//!
//! Tabs of one browser share the outbox, and a tab may read localStorage before another
//! tab's latest change reaches it (Chromium keeps a copy per renderer process). So each
//! write has a key of its own (`<outbox>:p:<ms>:<seq>:<write>` waiting,
//! `<outbox>:f:…` refused), and a tab only ever writes or removes the keys of writes it
//! knows: a write added by another tab meanwhile is never overwritten or dropped by a
//! tab saving its own view. The keys sort in the order the writes were queued. The short
//! list of completed writes (for display only) is one key, `<outbox>:done`, and the lease
//! of the tab sending now another, `<outbox>:sender`. A damaged entry is set aside under a
//! `…damaged…` key (kept for support, never silently dropped).
//!
//! The lease is only as current as this tab's copy of localStorage: another renderer's
//! claim may reach it a few milliseconds late, against requests that take hundreds.

use super::outbox::{FailedWrite, OutboxPersistence, OutboxState, PendingWrite};
use super::StoreError;
use std::cell::{Cell, RefCell};
use std::collections::HashMap;

/// The outbox of one backend, under keys starting with `key`.
pub struct LocalOutbox {
    key: String,
    /// Storage key of each write this tab saw at its last load or save (by write key).
    known: RefCell<HashMap<String, String>>,
    /// Orders the writes this tab queues within one millisecond.
    seq: Cell<u32>,
}

impl LocalOutbox {
    /// The outbox for the backend at `base_url` (its key never contains a token).
    pub fn for_backend(base_url: &str) -> Self {
        Self {
            key: format!("gromada-outbox:{base_url}"),
            known: RefCell::new(HashMap::new()),
            seq: Cell::new(0),
        }
    }

    fn storage() -> Result<web_sys::Storage, StoreError> {
        web_sys::window()
            .and_then(|w| w.local_storage().ok().flatten())
            .ok_or_else(|| {
                StoreError::Unavailable(
                    "this browser does not allow storage, so changes made while the server is away cannot be kept".into(),
                )
            })
    }

    fn pending_prefix(&self) -> String {
        format!("{}:p:", self.key)
    }

    fn failed_prefix(&self) -> String {
        format!("{}:f:", self.key)
    }

    fn done_key(&self) -> String {
        format!("{}:done", self.key)
    }

    fn sender_key(&self) -> String {
        format!("{}:sender", self.key)
    }

    /// Writes `text` under `key` unless it is there already: every write wakes the other
    /// tabs (a `storage` event), so an unchanged entry is not written again.
    fn set_if_changed(storage: &web_sys::Storage, key: &str, text: &str) -> Result<(), StoreError> {
        if storage.get_item(key).ok().flatten().as_deref() == Some(text) {
            return Ok(());
        }
        storage
            .set_item(key, text)
            .map_err(|_| StoreError::QuotaExceeded)
    }

    /// Keeps a damaged entry aside (for support) and removes it from the outbox.
    fn set_aside(storage: &web_sys::Storage, key: &str, text: &str) {
        let _ = storage.set_item(&format!("{key}.damaged"), text);
        let _ = storage.remove_item(key);
    }

    /// The storage keys starting with `prefix`, sorted (queue order).
    fn keys_with(storage: &web_sys::Storage, prefix: &str) -> Vec<String> {
        let n = storage.length().unwrap_or(0);
        let mut keys: Vec<String> = (0..n)
            .filter_map(|i| storage.key(i).ok().flatten())
            .filter(|k| k.starts_with(prefix) && !k.ends_with(".damaged"))
            .collect();
        keys.sort();
        keys
    }

    /// A new storage key for a write queued now.
    fn new_key(&self, prefix: &str, write: &str) -> String {
        let seq = self.seq.get().wrapping_add(1);
        self.seq.set(seq);
        format!(
            "{prefix}{:015}:{seq:08}:{write}",
            js_sys::Date::now() as u64
        )
    }

    /// Moves an outbox saved by an earlier version (one key for everything) to one key
    /// per write.
    fn upgrade(&self, storage: &web_sys::Storage) {
        let Some(text) = storage.get_item(&self.key).ok().flatten() else {
            return;
        };
        match serde_json::from_str::<OutboxState>(&text) {
            Ok(state) => {
                if self.save(&state).is_ok() {
                    let _ = storage.remove_item(&self.key);
                }
            }
            Err(_) => Self::set_aside(storage, &self.key, &text),
        }
    }
}

impl OutboxPersistence for LocalOutbox {
    fn load(&self) -> Result<OutboxState, StoreError> {
        let storage = Self::storage()?;
        self.upgrade(&storage);
        let mut state = OutboxState::default();
        let mut known = HashMap::new();
        let (pending, failed) = (self.pending_prefix(), self.failed_prefix());
        // One pass over the storage keys; sorted, so each kind is in queue order.
        for key in Self::keys_with(&storage, &format!("{}:", self.key)) {
            let Some(text) = storage.get_item(&key).ok().flatten() else {
                continue; // removed by another tab meanwhile
            };
            let read = if key.starts_with(&pending) {
                serde_json::from_str::<PendingWrite>(&text).map(|w| {
                    known.insert(w.key.clone(), key.clone());
                    state.pending.push(w);
                })
            } else if key.starts_with(&failed) {
                serde_json::from_str::<FailedWrite>(&text).map(|f| {
                    known.insert(f.write.key.clone(), key.clone());
                    state.failed.push(f);
                })
            } else {
                continue; // the list of completed writes, read below
            };
            if read.is_err() {
                Self::set_aside(&storage, &key, &text);
            }
        }
        if let Some(text) = storage.get_item(&self.done_key()).ok().flatten() {
            // Display only: a damaged list is dropped, not set aside.
            state.done = serde_json::from_str(&text).unwrap_or_default();
        }
        if let Some(text) = storage.get_item(&self.sender_key()).ok().flatten() {
            // A damaged lease is no lease: whoever sends next claims it anew.
            state.sender = serde_json::from_str(&text).ok();
        }
        *self.known.borrow_mut() = known;
        Ok(state)
    }

    fn save(&self, state: &OutboxState) -> Result<(), StoreError> {
        let storage = Self::storage()?;
        let (pending, failed) = (self.pending_prefix(), self.failed_prefix());
        let mut known = self.known.borrow_mut();
        let mut now: HashMap<String, String> = HashMap::new();
        let entries = state
            .pending
            .iter()
            .map(|w| (&w.key, &pending, serde_json::to_string(w)))
            .chain(
                state
                    .failed
                    .iter()
                    .map(|f| (&f.write.key, &failed, serde_json::to_string(f))),
            );
        for (write, prefix, text) in entries {
            let text = text.map_err(|e| StoreError::Malformed(e.to_string()))?;
            let key = match known.get(write) {
                Some(k) if k.starts_with(prefix.as_str()) => k.clone(),
                _ => self.new_key(prefix, write),
            };
            Self::set_if_changed(&storage, &key, &text)?;
            now.insert(write.clone(), key);
        }
        // Only what this tab knew and no longer has (sent, moved, discarded) is removed.
        let current: std::collections::HashSet<&String> = now.values().collect();
        for key in known.values().filter(|k| !current.contains(k)) {
            let _ = storage.remove_item(key);
        }
        *known = now;
        if state.done.is_empty() {
            let _ = storage.remove_item(&self.done_key());
        } else if let Ok(text) = serde_json::to_string(&state.done) {
            // Display only: when full, it is simply not kept.
            let _ = Self::set_if_changed(&storage, &self.done_key(), &text);
        }
        match state.sender.as_ref().map(serde_json::to_string) {
            Some(Ok(text)) => Self::set_if_changed(&storage, &self.sender_key(), &text)?,
            _ => {
                let _ = storage.remove_item(&self.sender_key());
            }
        }
        Ok(())
    }
}
