//! Loading the demo community into a store: only into an empty store, and never over
//! anything already there.

use super::{Collection, Entity, Query, Store, StoreError};
use crate::domain::demo::DemoCommunity;
use serde_json::Value;

/// Whether the store holds no document at all.
pub async fn is_empty(store: &dyn Store) -> Result<bool, StoreError> {
    for collection in Collection::ALL {
        if !store
            .list(collection, &Query::all().page(0, 1))
            .await?
            .is_empty()
        {
            return Ok(false);
        }
    }
    Ok(true)
}

fn push_all<T: Entity>(items: &[T], out: &mut Vec<(Collection, Value)>) -> Result<(), StoreError> {
    for item in items {
        let doc = serde_json::to_value(item).map_err(|e| StoreError::Malformed(e.to_string()))?;
        out.push((T::COLLECTION, doc));
    }
    Ok(())
}

/// The demo as documents, in the order they should be stored.
pub fn documents(demo: &DemoCommunity) -> Result<Vec<(Collection, Value)>, StoreError> {
    let mut docs = Vec::new();
    push_all(&demo.members, &mut docs)?;
    push_all(&demo.boards, &mut docs)?;
    push_all(&demo.ideas, &mut docs)?;
    push_all(&demo.votes, &mut docs)?;
    push_all(&demo.comments, &mut docs)?;
    push_all(&demo.surveys, &mut docs)?;
    push_all(&demo.responses, &mut docs)?;
    push_all(&demo.events, &mut docs)?;
    push_all(&demo.changelog, &mut docs)?;
    push_all(&demo.settings, &mut docs)?;
    Ok(docs)
}

/// Stores the demo if the store is empty; returns whether it did. Documents that already
/// exist (another tab seeding at the same moment) are left as they are.
pub async fn seed_if_empty(store: &dyn Store, demo: &DemoCommunity) -> Result<bool, StoreError> {
    if !is_empty(store).await? {
        return Ok(false);
    }
    for (collection, doc) in documents(demo)? {
        match store.create(collection, doc).await {
            Ok(_) | Err(StoreError::AlreadyExists { .. }) => {}
            Err(e) => return Err(e),
        }
    }
    Ok(true)
}
