//! A member's profile: name, role, since when, the Contributor badge, and their ideas.

use crate::domain::board::Board;
use crate::domain::idea::Idea;
use crate::domain::ids::MemberId;
use crate::domain::member::{Actor, Member};
use crate::store::{Query, StoreExt};
use crate::ui::components::{ContributorBadge, ReadProblem};
use crate::ui::format;
use crate::ui::hooks::{use_community, use_i18n, use_read};
use crate::ui::i18n::fill;
use crate::ui::routes;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// The profile page (`/u/<member id>`).
#[component]
pub fn ProfilePage() -> impl IntoView {
    let i18n = use_i18n();
    let community = use_community();
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").unwrap_or_default()));
    let data = use_read(move |store| {
        let id = id.get();
        async move {
            let member = store.get_as::<Member>(&id).await?;
            let author = Actor::Member(MemberId(id.clone())).key();
            let ideas = store
                .list_as::<Idea>(&Query::all().eq("author", author.as_str()))
                .await?
                .items;
            let boards = store.list_as::<Board>(&Query::all()).await?.items;
            Ok((member, ideas, boards))
        }
    });
    view! {
        <section class="g-page g-profile">
            {move || data.get().map(|r| view! { <ReadProblem error=r.error shown_before=r.value.is_some()/> })}
            {move || match data.get().map(|r| r.value) {
                None => view! { <p class="g-loading">{move || i18n.t().loading}</p> }.into_any(),
                Some(None) => ().into_any(),
                Some(Some((None, _, _))) => view! {
                    <h1>{move || i18n.t().not_found_title}</h1>
                    <p>{move || i18n.t().app().member_not_found}</p>
                }
                .into_any(),
                Some(Some((Some(m), ideas, boards))) => {
                    let joined = m.joined_at;
                    let mid = m.id.clone();
                    let visible: Vec<(String, String)> = ideas
                        .iter()
                        .filter(|i| i.visibility.is_published() && i.merged_into.is_none())
                        .filter_map(|i| boards.iter().find(|b| b.id == i.board_id).map(|b| (routes::idea(&b.slug, i.id.as_str()), i.title.clone())))
                        .collect();
                    let count = visible.len() as u64;
                    view! {
                        <h1>{m.name.clone()} " " <ContributorBadge member=m.id.clone()/></h1>
                        <p class="g-profile__meta">
                            {move || format!("{} · {}", i18n.t().role(m.role), fill(i18n.t().app().joined, &[("date", &format::date(i18n.locale(), joined))]))}
                        </p>
                        <Show when=move || community.is_contributor(&mid)>
                            <p class="g-banner g-banner--success">{move || i18n.t().app().contributor_note}</p>
                        </Show>
                        <h2>{move || i18n.t().app().ideas_posted} " (" {count} ")"</h2>
                        <ul>{visible.into_iter().map(|(href, title)| view! { <li><a href=href>{title}</a></li> }).collect_view()}</ul>
                    }
                    .into_any()
                }
            }}
        </section>
    }
}
