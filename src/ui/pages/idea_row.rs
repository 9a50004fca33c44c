//! One idea in a list: vote toggle, title link, status, category, counts, author and age.

use crate::domain::board::Lane;
use crate::domain::ids::IdeaId;
use crate::domain::member::Actor;
use crate::ui::components::{StatusBadge, VoteButton};
use crate::ui::format;
use crate::ui::hooks::{use_i18n, use_viewer, UseBoard};
use crate::ui::i18n::fill;
use crate::ui::routes;
use leptos::prelude::*;

/// An idea row of a board list.
#[component]
pub fn IdeaRow(
    /// The board's state.
    board: UseBoard,
    /// Which idea.
    id: IdeaId,
    /// Open links in a new tab (embeds).
    #[prop(optional)]
    new_tab: bool,
    /// Offer the Trending explanation ("Why here?").
    #[prop(optional, into)]
    explain: Signal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let viewer = use_viewer();
    let state = board.state;
    let snapshot = state.with_untracked(|s| {
        let s = s.as_ref()?.as_ref().ok()?.as_ref()?;
        let idea = s.index.ideas.iter().find(|i| i.id == id)?.clone();
        let status = s.board.status(&idea.status_id).cloned();
        let category = idea
            .category_id
            .as_ref()
            .and_then(|c| s.board.category(c))
            .map(|c| c.name.clone());
        Some((idea, status, category, s.board.slug.clone()))
    });
    let Some((idea, status, category, slug)) = snapshot else {
        return ().into_any();
    };
    let stats = {
        let id = id.clone();
        Memo::new(move |_| {
            state
                .with(|s| {
                    s.as_ref()
                        .and_then(|r| r.as_ref().ok())
                        .and_then(|s| s.as_ref())
                        .map(|s| s.index.stats(&id))
                })
                .unwrap_or_default()
        })
    };
    let voted = {
        let id = id.clone();
        Signal::derive(move || {
            let actor = viewer.actor();
            state.with(|s| {
                s.as_ref()
                    .and_then(|r| r.as_ref().ok())
                    .and_then(|s| s.as_ref())
                    .is_some_and(|s| s.index.has_voted(&actor, &id))
            })
        })
    };
    let closed =
        status.as_ref().is_some_and(|s| s.lane == Lane::Closed) || idea.merged_into.is_some();
    let pending = {
        let id = id.clone();
        Signal::derive(move || board.pending.with(|p| p.contains(&id)))
    };
    let toggle = {
        let id = id.clone();
        Callback::new(move |_| board.toggle_vote.run(id.clone()))
    };
    let href = routes::idea(&slug, idea.id.as_str());
    let author = match &idea.author {
        Actor::Member(m) => viewer.name_of(m),
        Actor::Device(_) => None,
    };
    let created = idea.created_at;
    let pending_approval = matches!(idea.visibility, crate::domain::idea::Visibility::Pending(_));
    let rejected = matches!(idea.visibility, crate::domain::idea::Visibility::Rejected);
    let shipped = idea.shipped_in.is_some();
    view! {
        <li class="g-idea" class:g-idea--closed=closed>
            <VoteButton
                count=Signal::derive(move || stats.get().votes())
                voted=voted
                closed=closed
                pending=pending
                title=idea.title.clone()
                on_toggle=toggle
            />
            <div class="g-idea__body">
                <h3 class="g-idea__title">
                    <a href=href target=new_tab.then_some("_blank") rel=new_tab.then_some("noopener")>
                        {idea.title.clone()}
                    </a>
                </h3>
                <p class="g-idea__meta">
                    {status.map(|s| view! { <StatusBadge status=s/> })}
                    {category.map(|c| view! { <span class="g-tag">{c}</span> })}
                    {pending_approval.then(|| view! { <span class="g-tag g-tag--warning">{move || i18n.t().pending_approval}</span> })}
                    {rejected.then(|| view! { <span class="g-tag g-tag--warning">{move || i18n.t().rejected}</span> })}
                    {shipped.then(|| view! { <span class="g-tag g-tag--shipped">{move || i18n.t().shipped}</span> })}
                    <span class="g-idea__counts">
                        {move || {
                            let t = i18n.t();
                            let s = stats.get();
                            let c = u64::from(s.comments);
                            let mut text = t.count(t.comments, c, &format::count(i18n.locale(), c));
                            if s.anonymous_votes > 0 {
                                text.push_str(" · ");
                                text.push_str(&fill(t.anonymous_votes_count, &[("n", &s.anonymous_votes.to_string())]));
                            }
                            text
                        }}
                    </span>
                    <span class="g-idea__byline">
                        {move || {
                            let t = i18n.t();
                            let name = author.clone().unwrap_or_else(|| t.anonymous_visitor.to_owned());
                            format!("{} · {}", fill(t.posted_by, &[("name", &name)]), format::relative(i18n.locale(), created, format::now()))
                        }}
                    </span>
                </p>
                <Show when=move || explain.get()>
                    <details class="g-why">
                        <summary>{move || i18n.t().why_here}</summary>
                        <p>
                            {move || {
                                let st = stats.get();
                                let l = i18n.locale();
                                fill(
                                    i18n.t().trending_explain,
                                    &[
                                        ("score", &format::number(l, st.trending(), 2)),
                                        ("votes", &format::number(l, st.weighted_votes, 2)),
                                        ("comments", &format::number(l, st.weighted_comments, 2)),
                                        ("n", &st.votes().to_string()),
                                        ("c", &st.comments.to_string()),
                                    ],
                                )
                            }}
                        </p>
                    </details>
                </Show>
            </div>
        </li>
    }
    .into_any()
}
