//! Gromada: feature-voting boards, pulse surveys and engagement metrics for a brand's
//! community, running entirely in the browser.
//!
//! - [`domain`]: the pure model (no I/O, no browser), tested natively.
//! - [`store`]: the asynchronous [`store::Store`] trait and its implementations.
//! - [`ui`]: the Leptos app (browser builds; its string tables also build natively).

pub mod domain;
pub mod store;
pub mod ui;
