//! A read from the store that failed: said in words, with what to expect.

use crate::store::StoreError;
use crate::ui::hooks::{use_i18n, use_store};
use crate::ui::i18n::fill;
use leptos::prelude::*;

/// Shows why a read failed (nothing when it did not). `shown_before` says whether the
/// page still shows what an earlier read gave.
#[component]
pub fn ReadProblem(
    error: Option<StoreError>,
    #[prop(optional)] shown_before: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    error.map(|e| {
        // A backend away or busy is read again by itself shortly; other failures (a
        // refusal, a document that is not what it should be) at the next change. "Try
        // again" reads now either way.
        let soon = e.is_retryable();
        if soon {
            store.retry_reads_soon();
        }
        view! {
            <p class="g-error g-read-problem" role="alert">
                {move || {
                    let t = i18n.t();
                    let template = if shown_before { t.read_failed_stale } else { t.read_failed };
                    let next = if soon { t.read_retry_soon } else { t.read_retry_later };
                    format!("{} {next} ", fill(template, &[("reason", &t.store_error(&e))]))
                }}
                <button type="button" class="g-link-button" on:click=move |_| store.changed()>
                    {move || i18n.t().retry}
                </button>
            </p>
        }
    })
}
