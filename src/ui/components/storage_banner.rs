//! The banner shown when stored data could not be read: how many entries were moved aside,
//! a download of their raw text, and a way to delete them once they are safe.

use crate::store::local::LocalStore;
use crate::ui::hooks::use_i18n;
use crate::ui::i18n::fill;
use leptos::prelude::*;
use std::rc::Rc;

/// Damaged-data banner (nothing when all data is readable).
#[component]
pub fn StorageBanner(
    /// The localStorage store, when that is the store in use.
    local: StoredValue<Option<Rc<LocalStore>>, LocalStorage>,
) -> impl IntoView {
    let i18n = use_i18n();
    let Some(local) = local.get_value() else {
        return ().into_any();
    };
    let count = RwSignal::new(local.damaged().len());
    let store = StoredValue::new_local(local);
    let on_download = move |_| {
        store.with_value(|s| {
            crate::ui::download::download(
                "gromada-damaged-entries.json",
                "application/json",
                &s.damaged_json(),
            )
        })
    };
    let on_discard = move |_| {
        store.with_value(|s| s.discard_damaged());
        count.set(0);
    };
    view! {
        <Show when=move || { count.get() > 0 }>
            <section class="g-banner g-banner--warning" role="alert" aria-labelledby="g-storage-problem">
                <h2 id="g-storage-problem" class="g-banner__title">{move || i18n.t().storage_problem_title}</h2>
                <p>{move || fill(i18n.t().storage_problem_body, &[("n", &count.get().to_string())])}</p>
                <div class="g-banner__actions">
                    <button type="button" class="g-button g-button--primary" on:click=on_download>
                        {move || i18n.t().download_backup}
                    </button>
                    <button type="button" class="g-button" on:click=on_discard>
                        {move || i18n.t().discard_backup}
                    </button>
                </div>
            </section>
        </Show>
    }
    .into_any()
}
