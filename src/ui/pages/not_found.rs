//! The page for addresses that lead nowhere.

use crate::ui::hooks::use_i18n;
use crate::ui::routes;
use leptos::prelude::*;

/// Not found.
#[component]
pub fn NotFound() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="g-page g-page--narrow">
            <h1>{move || i18n.t().not_found_title}</h1>
            <p>{move || i18n.t().not_found_body}</p>
            <p>
                <a href=routes::home()>{move || i18n.t().board().back_home}</a>
            </p>
        </section>
    }
}
