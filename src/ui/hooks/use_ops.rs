//! Running community operations from the UI: each runs as the current viewer, reports
//! failures as notices in the viewer's language, and marks data as changed on success
//! (so pages that read it refresh).

use super::{use_i18n, use_notices, use_store, use_viewer};
use crate::store::community::{Community, OpError};
use crate::ui::format::now;
use leptos::prelude::*;
use std::future::Future;
use std::rc::Rc;

/// Runs operations.
#[derive(Clone, Copy)]
pub struct Ops {
    store: super::StoreContext,
    viewer: super::ViewerContext,
    notices: super::Notices,
    i18n: super::I18n,
    busy: RwSignal<bool>,
}

impl Ops {
    /// The operations as the current viewer, now.
    pub fn community(&self) -> Community {
        Community {
            store: self.store.store(),
            viewer: self.viewer.get_untracked(),
            now: now(),
            new_id: Rc::new(super::use_store::new_id),
        }
    }

    /// Whether an operation is running (tracked; forms disable their submit button).
    pub fn busy(&self) -> bool {
        self.busy.get()
    }

    /// Runs `op`; on success marks data changed and calls `done(Ok(value))`; on failure
    /// calls `done(Err(error))` (a rule error for the form to show) after showing storage
    /// failures as a notice.
    ///
    /// `done` may run after the component that started the operation is gone (the page
    /// was built again with fresh data, or the member moved on): it must only write to
    /// its signals (a no-op once disposed) and read them with the `try_` methods, since
    /// reading a disposed value panics, and a panic stops the whole app.
    pub fn run<T, F, Fut>(&self, op: F, done: impl FnOnce(Result<T, OpError>) + 'static)
    where
        T: 'static,
        F: FnOnce(Community) -> Fut + 'static,
        Fut: Future<Output = Result<T, OpError>> + 'static,
    {
        let this = *self;
        let community = self.community();
        this.busy.set(true);
        leptos::task::spawn_local(async move {
            let result = op(community).await;
            this.busy.set(false);
            match &result {
                Ok(_) => this.store.changed(),
                Err(OpError::Store(e)) => {
                    this.notices.error(this.i18n.t_untracked().store_error(e))
                }
                Err(OpError::Rule(_)) => {}
            }
            done(result);
        });
    }
}

/// The operations runner.
pub fn use_ops() -> Ops {
    Ops {
        store: use_store(),
        viewer: use_viewer(),
        notices: use_notices(),
        i18n: use_i18n(),
        busy: RwSignal::new(false),
    }
}
