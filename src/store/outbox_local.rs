//! The outbox kept in localStorage, so queued writes survive a reload. A damaged entry
//! is set aside under a `.damaged` key (kept for support, never silently dropped) and the
//! outbox starts empty.

use super::outbox::{OutboxPersistence, OutboxState};
use super::StoreError;

/// The outbox of one backend, under `key`.
pub struct LocalOutbox {
    key: String,
}

impl LocalOutbox {
    /// The outbox for the backend at `base_url` (its key never contains a token).
    pub fn for_backend(base_url: &str) -> Self {
        Self {
            key: format!("gromada-outbox:{base_url}"),
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
}

impl OutboxPersistence for LocalOutbox {
    fn load(&self) -> Result<OutboxState, StoreError> {
        let storage = Self::storage()?;
        let Some(text) = storage.get_item(&self.key).ok().flatten() else {
            return Ok(OutboxState::default());
        };
        match serde_json::from_str(&text) {
            Ok(state) => Ok(state),
            Err(_) => {
                let _ = storage.set_item(&format!("{}.damaged", self.key), &text);
                let _ = storage.remove_item(&self.key);
                Ok(OutboxState::default())
            }
        }
    }

    fn save(&self, state: &OutboxState) -> Result<(), StoreError> {
        let storage = Self::storage()?;
        if state.pending.is_empty() && state.failed.is_empty() {
            let _ = storage.remove_item(&self.key);
            return Ok(());
        }
        let text =
            serde_json::to_string(state).map_err(|e| StoreError::Malformed(e.to_string()))?;
        storage
            .set_item(&self.key, &text)
            .map_err(|_| StoreError::QuotaExceeded)
    }
}
