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

    /// After a read failed in a way that may pass (the backend unreachable or busy), reads
    /// again by itself: once after 1 s, then after 2, 4, 8, 16 and every 30 s while reads
    /// keep failing (a quiet minute starts the series over). However many reads failed, one
    /// retry is scheduled at a time, and it reads everything shown again.
    pub fn retry_reads_soon(&self) {
        let now = js_sys::Date::now();
        let delay = RETRY.with(|r| {
            let mut r = r.borrow_mut();
            if r.scheduled {
                return None;
            }
            if now - r.last_ms > QUIET_MS {
                r.streak = 0;
            }
            r.scheduled = true;
            let delay = retry_delay_ms(r.streak);
            r.streak = r.streak.saturating_add(1);
            Some(delay)
        });
        let Some(delay) = delay else { return };
        let version = self.version;
        gloo_timers::callback::Timeout::new(delay, move || {
            RETRY.with(|r| {
                let mut r = r.borrow_mut();
                r.scheduled = false;
                r.last_ms = js_sys::Date::now();
            });
            version.try_update(|v| *v += 1);
        })
        .forget();
    }
}

/// How long without a failed read before the retries start over from 1 s.
const QUIET_MS: f64 = 60_000.0;

/// The wait before the `streak`-th retry in a row: 1, 2, 4, 8, 16, then 30 s.
fn retry_delay_ms(streak: u32) -> u32 {
    1_000u32.saturating_mul(1 << streak.min(5)).min(30_000)
}

#[derive(Default)]
struct RetryState {
    scheduled: bool,
    streak: u32,
    last_ms: f64,
}

thread_local! {
    static RETRY: std::cell::RefCell<RetryState> = std::cell::RefCell::default();
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
