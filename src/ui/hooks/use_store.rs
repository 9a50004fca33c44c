//! The store context: the configured [`Store`] and a data version that increases after
//! every write here and every change made elsewhere, so resources keyed on it refetch.

use crate::store::Store;
use leptos::prelude::*;
use std::rc::Rc;

/// The store and its change counter.
#[derive(Clone, Copy)]
pub struct StoreContext {
    store: StoredValue<Rc<dyn Store>, LocalStorage>,
    version: RwSignal<u64>,
}

impl StoreContext {
    /// The store.
    pub fn store(&self) -> Rc<dyn Store> {
        self.store.get_value()
    }

    /// The data version (tracked: read it inside a resource to refetch on changes).
    pub fn version(&self) -> u64 {
        self.version.get()
    }

    /// Marks data as changed.
    pub fn changed(&self) {
        self.version.update(|v| *v += 1);
    }
}

/// Provides the store to the app.
pub fn provide_store(store: Rc<dyn Store>) -> StoreContext {
    let version = RwSignal::new(0u64);
    store.subscribe(Rc::new(move |_| version.update(|v| *v += 1)));
    let ctx = StoreContext {
        store: StoredValue::new_local(store),
        version,
    };
    provide_context(ctx);
    ctx
}

/// The store context.
pub fn use_store() -> StoreContext {
    expect_context()
}

/// A new UUID v7 id (time-ordered, random tail from the browser's crypto).
pub fn new_id() -> String {
    let random = uuid::Uuid::new_v4();
    let bytes = random.as_bytes();
    let mut tail = [0u8; 10];
    tail.copy_from_slice(&bytes[6..16]);
    crate::domain::ids::uuid_v7(js_sys::Date::now() as i64, tail)
}
