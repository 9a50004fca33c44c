//! Storage: one asynchronous [`Store`] trait over JSON documents in named collections,
//! with optimistic concurrency (a `version` in every document), and its implementations.
//! The UI reaches typed entities through [`StoreExt`] and never knows which store it has.

pub mod community;
pub mod couch;
mod error;
pub mod http;
pub mod memory;
pub mod migrate;
mod net;
pub mod outbox;
mod query;
pub mod rest;
pub mod seed;
mod tally;
mod typed;

#[cfg(target_arch = "wasm32")]
pub mod local;
#[cfg(target_arch = "wasm32")]
pub mod outbox_local;

pub use error::StoreError;
pub use query::{Filter, Order, Query};
pub use tally::BoardTallies;
pub use typed::{Entity, Listed, StoreExt, Unreadable};

use async_trait::async_trait;
use serde_json::Value;
use std::rc::Rc;

/// A named set of documents of one entity type.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Collection {
    /// Members and staff.
    Members,
    /// Boards.
    Boards,
    /// Ideas.
    Ideas,
    /// Votes.
    Votes,
    /// Comments.
    Comments,
    /// Surveys.
    Surveys,
    /// Survey responses.
    Responses,
    /// Activity events.
    Events,
    /// Changelog entries.
    Changelog,
    /// Reports of posts.
    Reports,
    /// The moderation log.
    ModLog,
    /// Community-wide settings (word filter).
    Settings,
}

impl Collection {
    /// Every collection.
    pub const ALL: [Collection; 12] = [
        Collection::Members,
        Collection::Boards,
        Collection::Ideas,
        Collection::Votes,
        Collection::Comments,
        Collection::Surveys,
        Collection::Responses,
        Collection::Events,
        Collection::Changelog,
        Collection::Reports,
        Collection::ModLog,
        Collection::Settings,
    ];

    /// The collection's name, as used in storage keys and REST paths.
    pub fn as_str(self) -> &'static str {
        match self {
            Collection::Members => "members",
            Collection::Boards => "boards",
            Collection::Ideas => "ideas",
            Collection::Votes => "votes",
            Collection::Comments => "comments",
            Collection::Surveys => "surveys",
            Collection::Responses => "responses",
            Collection::Events => "events",
            Collection::Changelog => "changelog",
            Collection::Reports => "reports",
            Collection::ModLog => "modlog",
            Collection::Settings => "settings",
        }
    }

    /// One document of the collection, in words (`idea`).
    pub fn singular(self) -> &'static str {
        match self {
            Collection::Members => "member",
            Collection::Boards => "board",
            Collection::Ideas => "idea",
            Collection::Votes => "vote",
            Collection::Comments => "comment",
            Collection::Surveys => "survey",
            Collection::Responses => "response",
            Collection::Events => "event",
            Collection::Changelog => "changelog entry",
            Collection::Reports => "report",
            Collection::ModLog => "moderation log entry",
            Collection::Settings => "settings record",
        }
    }

    /// The collection named `name`.
    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.as_str() == name)
    }
}

/// Called with the collection that changed outside this app instance (another tab, the server).
pub type Listener = Rc<dyn Fn(Collection)>;

/// Asynchronous document storage. Every document is a JSON object with a text `id` and a
/// numeric `version`; the store sets `version` to 1 on create and increments it on update.
///
/// The rules every implementation follows (checked by the store contract suite):
/// - `create` of an existing id fails with [`StoreError::AlreadyExists`] and changes nothing,
///   so a client-derived id (a vote's) makes a repeated write collide instead of duplicating;
/// - `update` succeeds only when the document's `version` equals the stored one, else
///   [`StoreError::Conflict`]; nothing is overwritten silently;
/// - `delete` with `Some(version)` checks it the same way; deleting a missing id is `NotFound`;
/// - `list` returns documents in id order unless the query sorts.
#[async_trait(?Send)]
pub trait Store {
    /// A short name of the implementation (`memory`, `local`, `rest`, `couch`).
    fn kind(&self) -> &'static str;

    /// One document, or `None`.
    async fn get(&self, collection: Collection, id: &str) -> Result<Option<Value>, StoreError>;

    /// The documents matching `query`.
    async fn list(&self, collection: Collection, query: &Query) -> Result<Vec<Value>, StoreError>;

    /// Stores a new document; returns it as stored (with `version` 1).
    async fn create(&self, collection: Collection, doc: Value) -> Result<Value, StoreError>;

    /// Replaces a document whose `version` matches the stored one; returns it as stored.
    async fn update(&self, collection: Collection, doc: Value) -> Result<Value, StoreError>;

    /// Removes a document (checking `version` when given).
    async fn delete(
        &self,
        collection: Collection,
        id: &str,
        version: Option<u64>,
    ) -> Result<(), StoreError>;

    /// How many documents match `query`'s filters (its sort, offset and limit aside):
    /// a store that can count on the server's side reads no documents for it.
    async fn count(&self, collection: Collection, query: &Query) -> Result<u64, StoreError> {
        count_by_listing(self, collection, query).await
    }

    /// Registers a listener for changes made elsewhere (other tabs, other users).
    fn subscribe(&self, listener: Listener);

    /// The per-idea counts of `board` summed by the server, with the votes of `voter`
    /// (`m:<member>` or `d:<device>`) there: a board lists without reading every vote.
    /// `Ok(None)` when this store cannot sum on its side (the caller lists the votes).
    async fn board_tallies(
        &self,
        board: &str,
        voter: &str,
    ) -> Result<Option<BoardTallies>, StoreError> {
        let _ = (board, voter);
        Ok(None)
    }
}

/// How many documents `store` lists for `query`'s filters: [`Store::count`] for a store
/// that cannot count on the server's side (or a server that would not).
pub async fn count_by_listing<S: Store + ?Sized>(
    store: &S,
    collection: Collection,
    query: &Query,
) -> Result<u64, StoreError> {
    Ok(store.list(collection, &query.filters_only()).await?.len() as u64)
}

/// Reads a document's `id`.
pub fn doc_id(doc: &Value) -> Result<&str, StoreError> {
    doc.get("id")
        .and_then(Value::as_str)
        .filter(|id| !id.is_empty())
        .ok_or_else(|| StoreError::Malformed("a document needs a non-empty text \"id\"".into()))
}

/// Reads a document's `version` (0 when absent).
pub fn doc_version(doc: &Value) -> u64 {
    doc.get("version").and_then(Value::as_u64).unwrap_or(0)
}

/// Sets a document's `version`.
pub fn set_version(doc: &mut Value, version: u64) {
    if let Some(map) = doc.as_object_mut() {
        map.insert("version".into(), Value::from(version));
    }
}
