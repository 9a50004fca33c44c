//! The app header: community name, main navigation, language and role switchers.

use crate::ui::components::{LanguageSwitcher, RoleSwitcher};
use crate::ui::hooks::use_i18n;
use crate::ui::routes;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// The header of the full app (hidden in embeds).
#[component]
pub fn Header(
    /// The community's name.
    community_name: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let location = use_location();
    let current = move |href: &str| {
        let path = location.pathname.get();
        let here = if href == routes::home() {
            path == href || format!("{path}/") == href
        } else {
            path.starts_with(href)
        };
        here.then_some("page")
    };
    let home = routes::home();
    let home_link = home.clone();
    view! {
        <header class="g-header">
            <a class="g-skip-link" href="#main">{move || i18n.t().skip_to_content}</a>
            <div class="g-header__inner">
                <a class="g-header__brand" href=home_link>{community_name}</a>
                <nav class="g-header__nav" aria-label=move || i18n.t().nav_label>
                    <a class="g-header__link" href=home.clone() aria-current=move || current(&home)>
                        {move || i18n.t().nav_home}
                    </a>
                </nav>
                <div class="g-header__tools">
                    <LanguageSwitcher/>
                    <RoleSwitcher/>
                </div>
            </div>
        </header>
    }
}
