//! The store contract against the memory store (the browser tests run it against
//! localStorage).

#![allow(clippy::unwrap_used, clippy::expect_used)]
#![cfg(not(target_arch = "wasm32"))]

mod contract;

use gromada::store::memory::MemoryStore;
use std::rc::Rc;

#[test]
fn memory_store_keeps_the_contract() {
    futures::executor::block_on(contract::run_all(|| Rc::new(MemoryStore::new())));
}
