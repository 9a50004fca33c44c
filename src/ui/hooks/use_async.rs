//! A value a future computes, computed again whenever a signal read while starting the
//! future changes.
//!
//! Leptos's `LocalResource` does this too, and more that Gromada does not use (`Suspense`,
//! tracking signals read inside the future, an async lock per resource). Its machinery
//! took 11.5 KB gzip of the board embed's wasm (measured 2026-12-03); this hook is an
//! effect, a task and a signal. The home page (a `Transition`) and the dashboard (whose
//! computation reports progress while it runs) keep `LocalResource`.

use leptos::prelude::*;
use leptos::task::spawn_local;
use std::future::Future;

/// Runs the future `start()` returns, now and again after every change to the signals
/// `start` reads (before the future starts: reads inside the future are not tracked).
/// The signal holds the result of the latest future started, `None` until the first one
/// ends; the result of a future overtaken by a newer one is dropped, so a slow early read
/// never replaces a later one.
pub fn use_async<T, F, Fut>(start: F) -> ReadSignal<Option<T>, LocalStorage>
where
    T: 'static,
    F: Fn() -> Fut + 'static,
    Fut: Future<Output = T> + 'static,
{
    let value = RwSignal::new_local(None::<T>);
    let started = StoredValue::new(0u64);
    Effect::new(move |_| {
        let future = start();
        started.update_value(|n| *n += 1);
        let mine = started.get_value();
        spawn_local(async move {
            let result = future.await;
            if started.try_get_value() == Some(mine) {
                value.try_set(Some(result));
            }
        });
    });
    value.read_only()
}
