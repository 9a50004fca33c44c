//! The app header: community name, main navigation, language and role switchers.

use crate::domain::permissions::{can, Action};
use crate::ui::components::{LanguageSwitcher, RoleSwitcher};
use crate::ui::hooks::{use_community, use_i18n, use_viewer};
use crate::ui::i18n::fill;
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
        let href = href.split('?').next().unwrap_or(href);
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
    let viewer = use_viewer();
    let community = use_community();
    let roadmap = crate::ui::routes::base() + "/roadmap";
    let changelog = routes::changelog(None);
    let surveys = routes::surveys();
    let moderation = routes::moderation();
    let new_board = routes::new_board();
    let dashboard = routes::dashboard("");
    view! {
        <header class="g-header">
            <a class="g-skip-link" href="#main">{move || i18n.t().app().skip_to_content}</a>
            <div class="g-header__inner">
                <a class="g-header__brand" href=home_link>{community_name}</a>
                <nav class="g-header__nav" aria-label=move || i18n.t().app().nav_label>
                    <a class="g-header__link" href=home.clone() aria-current=move || current(&home)>
                        {move || i18n.t().app().nav_home}
                    </a>
                    <a class="g-header__link" href=roadmap.clone() aria-current=move || current(&roadmap)>
                        {move || i18n.t().app().nav_roadmap}
                    </a>
                    <a class="g-header__link" href=changelog.clone() aria-current=move || current(&changelog)>
                        {move || i18n.t().app().nav_changelog}
                    </a>
                    <a class="g-header__link" href=surveys.clone() aria-current=move || current(&surveys)>
                        {move || i18n.t().app().nav_surveys}
                    </a>
                    <Show when=move || can(viewer.role(), Action::Moderate)>
                        <a class="g-header__link" href=moderation.clone() aria-current={let m = moderation.clone(); move || current(&m)}>
                            {move || i18n.t().app().nav_moderation}
                            <Show when=move || { community.pending.get() > 0 }>
                                " " <span class="g-count" aria-label=move || fill(i18n.t().app().pending_count, &[("n", &community.pending.get().to_string())])>
                                    {move || community.pending.get()}
                                </span>
                            </Show>
                        </a>
                    </Show>
                    <Show when=move || can(viewer.role(), Action::SeeDashboard)>
                        <a class="g-header__link" href=dashboard.clone() aria-current={let d = dashboard.clone(); move || current(&d)}>
                            {move || i18n.t().app().nav_dashboard}
                        </a>
                    </Show>
                    <Show when=move || can(viewer.role(), Action::ConfigureBoards)>
                        <a class="g-header__link" href=new_board.clone() aria-current={let n = new_board.clone(); move || current(&n)}>
                            {move || i18n.t().app().new_board}
                        </a>
                    </Show>
                </nav>
                <crate::ui::backend::SyncStatusLine/>
                <div class="g-header__tools">
                    <LanguageSwitcher/>
                    <RoleSwitcher/>
                </div>
            </div>
        </header>
    }
}
