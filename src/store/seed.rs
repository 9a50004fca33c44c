//! Loading the demo community into a store: only into an empty store, and never over
//! anything already there.

use super::{Collection, Query, Store, StoreError, StoreExt};
use crate::domain::demo::DemoCommunity;

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

/// Stores the demo if the store is empty; returns whether it did. Documents that already
/// exist (another tab seeding at the same moment) are left as they are.
pub async fn seed_if_empty(store: &dyn Store, demo: &DemoCommunity) -> Result<bool, StoreError> {
    if !is_empty(store).await? {
        return Ok(false);
    }
    async fn put_all<T: super::Entity>(store: &dyn Store, items: &[T]) -> Result<(), StoreError> {
        for item in items {
            match store.create_as(item).await {
                Ok(_) | Err(StoreError::AlreadyExists { .. }) => {}
                Err(e) => return Err(e),
            }
        }
        Ok(())
    }
    put_all(store, &demo.members).await?;
    put_all(store, &demo.boards).await?;
    put_all(store, &demo.ideas).await?;
    put_all(store, &demo.votes).await?;
    put_all(store, &demo.comments).await?;
    put_all(store, &demo.surveys).await?;
    put_all(store, &demo.responses).await?;
    put_all(store, &demo.events).await?;
    Ok(true)
}
