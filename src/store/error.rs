//! What can go wrong when reading or writing data, in words a user can act on.

use super::Collection;

/// A storage failure.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum StoreError {
    /// Someone else changed the document since it was read.
    #[error("this {} was changed elsewhere since you opened it (your copy: version {expected}, stored: version {actual}); reload it, then apply your change again", .collection.singular())]
    Conflict {
        /// Collection.
        collection: Collection,
        /// Id.
        id: String,
        /// The version the writer had.
        expected: u64,
        /// The version stored.
        actual: u64,
    },
    /// A document with this id exists already.
    #[error("{} {id} already exists", .collection.as_str())]
    AlreadyExists {
        /// Collection.
        collection: Collection,
        /// Id.
        id: String,
    },
    /// No such document.
    #[error("{} {id} was not found; it may have been deleted elsewhere", .collection.as_str())]
    NotFound {
        /// Collection.
        collection: Collection,
        /// Id.
        id: String,
    },
    /// The browser refused to store more.
    #[error("browser storage is full, so this change was not saved (nothing already saved was lost); export and delete old data, or ask your admin to use a backend")]
    QuotaExceeded,
    /// The data was written by a newer version of Gromada; it is kept unchanged.
    #[error("this data was written by a newer version of Gromada (schema {found}; this version reads up to {supported}); it is shown read-only and left unchanged, update Gromada to edit it")]
    NewerSchema {
        /// Schema found.
        found: u32,
        /// Newest schema this build understands.
        supported: u32,
    },
    /// A stored document cannot be read as its entity type; it is left as it is.
    #[error("{} {id} is stored in a form this version cannot read ({reason}); it is kept unchanged and hidden", .collection.singular())]
    Unreadable {
        /// Collection.
        collection: Collection,
        /// Id.
        id: String,
        /// Why.
        reason: String,
    },
    /// A document handed to the store is not valid.
    #[error("invalid document: {0}")]
    Malformed(String),
    /// The storage cannot be used at all (disabled, private mode, blocked).
    #[error("storage is unavailable: {0}")]
    Unavailable(String),
    /// The backend cannot be reached or did not answer in time.
    #[error("the server cannot be reached ({reason}); try again in a moment (changes this browser already accepted are kept and sent when it answers)")]
    Offline {
        /// What happened (timeout, refused, offline).
        reason: String,
    },
    /// The backend answered with a temporary failure (HTTP 5xx or 429).
    #[error("the server is failing for now (HTTP {status}); try again in a moment (changes this browser already accepted are kept and sent again)")]
    Busy {
        /// The HTTP status.
        status: u16,
        /// How long the server asked to wait (`Retry-After`), in milliseconds.
        retry_after_ms: Option<u64>,
    },
    /// The backend refused a request for good (a 4xx other than conflicts).
    #[error(
        "the server refused this (HTTP {status}: {reason}); correct it and retry, or discard it"
    )]
    Rejected {
        /// The HTTP status.
        status: u16,
        /// The server's reason, as it gave it (shortened).
        reason: String,
    },
    /// The backend's answer is not what the contract says (HTML, malformed JSON, wrong types).
    #[error("the server sent an answer Gromada cannot read ({0}); nothing here was changed: check the backend address and that it follows docs/backend.md")]
    BadResponse(String),
}

impl StoreError {
    /// Whether trying again later may succeed: the backend was unreachable or busy, or its
    /// answer was unreadable (for a write, whether it took effect is then unknown; sending
    /// it again is safe, the outbox recognises a write that already landed).
    pub fn is_retryable(&self) -> bool {
        matches!(
            self,
            StoreError::Offline { .. } | StoreError::Busy { .. } | StoreError::BadResponse(_)
        )
    }
}
