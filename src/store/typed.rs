//! Typed access on top of the JSON [`Store`]: entities know their collection, and a
//! stored document that no longer fits its type is reported, never dropped silently.

use super::{doc_id, Collection, Query, Store, StoreError};
use crate::domain::{activity, board, changelog, comment, idea, member, moderation, survey, vote};
use async_trait::async_trait;
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;

/// A domain type kept in a collection.
pub trait Entity: Serialize + DeserializeOwned + 'static {
    /// Its collection.
    const COLLECTION: Collection;
    /// Its id.
    fn entity_id(&self) -> &str;
}

macro_rules! entity {
    ($($ty:ty => $coll:ident),* $(,)?) => {$(
        impl Entity for $ty {
            const COLLECTION: Collection = Collection::$coll;
            fn entity_id(&self) -> &str {
                self.id.as_str()
            }
        }
    )*};
}

entity!(
    member::Member => Members,
    board::Board => Boards,
    idea::Idea => Ideas,
    vote::Vote => Votes,
    comment::Comment => Comments,
    survey::Survey => Surveys,
    survey::Response => Responses,
    activity::Event => Events,
    changelog::ChangelogEntry => Changelog,
    moderation::Report => Reports,
    moderation::ModLogEntry => ModLog,
    moderation::CommunitySettings => Settings,
);

/// A stored document that could not be read as its type.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unreadable {
    /// Collection.
    pub collection: Collection,
    /// Id (or `?` when it has none).
    pub id: String,
    /// Why.
    pub reason: String,
}

/// Listed entities, and the documents that could not be read (kept in storage, shown to the user).
#[derive(Clone, Debug)]
pub struct Listed<T> {
    /// The readable ones.
    pub items: Vec<T>,
    /// The others.
    pub unreadable: Vec<Unreadable>,
}

fn decode<T: Entity>(doc: Value) -> Result<T, Unreadable> {
    let id = doc
        .get("id")
        .and_then(Value::as_str)
        .unwrap_or("?")
        .to_owned();
    serde_json::from_value(doc).map_err(|e| Unreadable {
        collection: T::COLLECTION,
        id,
        reason: e.to_string(),
    })
}

fn encode<T: Entity>(entity: &T) -> Result<Value, StoreError> {
    let doc = serde_json::to_value(entity).map_err(|e| StoreError::Malformed(e.to_string()))?;
    doc_id(&doc)?;
    Ok(doc)
}

fn unreadable_error(u: Unreadable) -> StoreError {
    StoreError::Unreadable {
        collection: u.collection,
        id: u.id,
        reason: u.reason,
    }
}

/// Typed operations for every [`Store`].
#[async_trait(?Send)]
pub trait StoreExt: Store {
    /// One entity.
    async fn get_as<T: Entity>(&self, id: &str) -> Result<Option<T>, StoreError> {
        match self.get(T::COLLECTION, id).await? {
            Some(doc) => decode(doc).map(Some).map_err(unreadable_error),
            None => Ok(None),
        }
    }

    /// Entities matching `query`, with those that could not be read listed apart.
    async fn list_as<T: Entity>(&self, query: &Query) -> Result<Listed<T>, StoreError> {
        let docs = self.list(T::COLLECTION, query).await?;
        let mut listed = Listed {
            items: Vec::with_capacity(docs.len()),
            unreadable: Vec::new(),
        };
        for doc in docs {
            match decode(doc) {
                Ok(item) => listed.items.push(item),
                Err(u) => listed.unreadable.push(u),
            }
        }
        Ok(listed)
    }

    /// Creates an entity; returns it as stored.
    async fn create_as<T: Entity>(&self, entity: &T) -> Result<T, StoreError> {
        let doc = self.create(T::COLLECTION, encode(entity)?).await?;
        decode(doc).map_err(unreadable_error)
    }

    /// Updates an entity (its `version` must be current); returns it as stored.
    async fn update_as<T: Entity>(&self, entity: &T) -> Result<T, StoreError> {
        let doc = self.update(T::COLLECTION, encode(entity)?).await?;
        decode(doc).map_err(unreadable_error)
    }
}

impl<S: Store + ?Sized> StoreExt for S {}
