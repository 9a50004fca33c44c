//! Reading from the store for a page: read again after every change, and a failed read
//! is shown, never passed off as "nothing there". A read that fails after one that
//! worked keeps what was read before (a flaky backend does not blank the page); the page
//! shows it together with the failure.

use super::{use_async, use_store};
use crate::store::{Store, StoreError};
use leptos::prelude::*;
use std::future::Future;
use std::rc::Rc;

/// What the latest read gave.
#[derive(Clone, Debug, PartialEq)]
pub struct Read<T> {
    /// The value of the latest read that worked, if any did.
    pub value: Option<T>,
    /// Why the latest read failed, if it did.
    pub error: Option<StoreError>,
}

impl<T: Clone + Default> Read<T> {
    /// The value read, or the empty value when nothing could be read.
    pub fn value_or_default(&self) -> T {
        self.value.clone().unwrap_or_default()
    }
}

/// Runs `fetch` now and after every change to the store's data (see [`use_async`]).
/// Signals `fetch` reads before its future starts are tracked too.
pub fn use_read<T, F, Fut>(fetch: F) -> ReadSignal<Option<Read<T>>, LocalStorage>
where
    T: Clone + 'static,
    F: Fn(Rc<dyn Store>) -> Fut + 'static,
    Fut: Future<Output = Result<T, StoreError>> + 'static,
{
    let ctx = use_store();
    let last = StoredValue::new_local(None::<T>);
    use_async(move || {
        ctx.version();
        let read = fetch(ctx.store());
        async move {
            match read.await {
                Ok(v) => {
                    last.try_set_value(Some(v.clone()));
                    Read {
                        value: Some(v),
                        error: None,
                    }
                }
                Err(e) => Read {
                    value: last.try_get_value().flatten(),
                    error: Some(e),
                },
            }
        }
    })
}
