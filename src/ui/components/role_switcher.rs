//! The demo role switcher: act as a stored member (or anonymously). Clearly labelled,
//! because without a backend there is no sign-in and therefore no security.

use crate::domain::ids::MemberId;
use crate::domain::member::Role;
use crate::ui::hooks::{use_i18n, use_ops, use_viewer};
use leptos::prelude::*;

/// How many ordinary members the switcher lists besides staff.
const MEMBERS_LISTED: usize = 8;

/// Lets the viewer act as another member; shown only when members exist.
#[component]
pub fn RoleSwitcher() -> impl IntoView {
    let i18n = use_i18n();
    let viewer = use_viewer();
    let choices = Memo::new(move |_| {
        let current = viewer.get().member_id().cloned();
        let mut members = viewer.members();
        members.retain(|m| m.left_at.is_none());
        // Staff first, then the demo member and whoever is acting now, then the longest-standing.
        let rank = |m: &crate::domain::member::Member| {
            let pinned = Some(&m.id) == current.as_ref()
                || m.id.as_str() == crate::domain::demo::DEMO_MEMBER;
            (std::cmp::Reverse(m.role), !pinned, m.joined_at)
        };
        members.sort_by_key(rank);
        let keep = members.iter().filter(|m| m.role >= Role::Moderator).count() + MEMBERS_LISTED;
        members.truncate(keep);
        members
    });
    let current = move || {
        viewer
            .get()
            .member_id()
            .map(|m| m.to_string())
            .unwrap_or_default()
    };
    let ops = use_ops();
    let on_change = move |ev| {
        let value = event_target_value(&ev);
        let was_anonymous = viewer.get_untracked().actor.is_anonymous();
        if value.is_empty() {
            viewer.act_as(None);
        } else {
            viewer.act_as(Some(&MemberId(value)));
            // Signing in on a device that voted anonymously: those votes become the member's.
            if was_anonymous {
                let device = viewer.get_untracked().device;
                ops.run(
                    move |c| async move { c.claim_device_votes(&device).await },
                    |_| {},
                );
            }
        }
    };
    view! {
        <Show when=move || !choices.get().is_empty()>
            <div class="g-role-switcher">
                <label class="g-field g-field--inline">
                    <span class="g-field__label">{move || i18n.t().app().acting_as}</span>
                    <select class="g-select" on:change=on_change prop:value=current aria-describedby="g-role-note">
                        <option value="" selected=move || current().is_empty()>
                            {move || i18n.t().board().anonymous_visitor}
                        </option>
                        <For
                            each=move || choices.get()
                            key=|m| (m.id.clone(), m.role)
                            children=move |m| {
                                let id = m.id.to_string();
                                let selected_id = id.clone();
                                view! {
                                    <option value=id selected=move || current() == selected_id>
                                        {m.name.clone()} " · " {move || i18n.t().role(m.role)}
                                    </option>
                                }
                            }
                        />
                    </select>
                </label>
                <p id="g-role-note" class="g-role-switcher__note">{move || i18n.t().app().demo_roles_note}</p>
            </div>
        </Show>
    }
}
