//! A read from the store that failed: said in words, with what to expect.

use crate::store::StoreError;
use crate::ui::hooks::use_i18n;
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
    error.map(|e| {
        view! {
            <p class="g-error g-read-problem" role="alert">
                {move || {
                    let t = i18n.t();
                    let template = if shown_before { t.read_failed_stale } else { t.read_failed };
                    fill(template, &[("reason", &t.store_error(&e))])
                }}
            </p>
        }
    })
}
