//! The Contributor badge: shown next to members thanked in the changelog.

use crate::domain::ids::MemberId;
use crate::ui::hooks::{use_community, use_i18n};
use leptos::prelude::*;

/// A badge when `member` is a Contributor; nothing otherwise.
#[component]
pub fn ContributorBadge(
    /// The member.
    member: MemberId,
) -> impl IntoView {
    let i18n = use_i18n();
    let community = use_community();
    view! {
        <Show when=move || community.is_contributor(&member)>
            <span class="g-badge g-badge--contributor" title=move || i18n.t().app().contributor_note>
                {move || i18n.t().app().contributor}
            </span>
        </Show>
    }
}
