//! One idea in a list: vote toggle, title link, status, category, counts, author and age.
//! The row follows an idea id that may change (a list slot showing another idea after a
//! search keystroke), updating its text in place instead of being rebuilt, which keeps
//! typing in the search box fast on boards with thousands of ideas.

use crate::domain::board::{Lane, Status};
use crate::domain::idea::Visibility;
use crate::domain::ids::IdeaId;
use crate::domain::member::Actor;
use crate::domain::time::Timestamp;
use crate::ui::components::{StatusBadge, VoteButton};
use crate::ui::format;
use crate::ui::hooks::{use_i18n, use_viewer, UseBoard};
use crate::ui::i18n::fill;
use crate::ui::routes;
use leptos::prelude::*;

/// What a row shows of its idea (changes only when the idea or its board changes).
#[derive(Clone, Debug, PartialEq)]
struct RowData {
    id: IdeaId,
    title: String,
    href: String,
    status: Option<Status>,
    category: Option<String>,
    author: Actor,
    created: Timestamp,
    closed: bool,
    held: bool,
    rejected: bool,
    shipped: bool,
}

/// An idea row of a board list.
#[component]
pub fn IdeaRow(
    /// The board's state.
    board: UseBoard,
    /// Which idea (may change: the row then shows the other idea).
    #[prop(into)]
    id: Signal<Option<IdeaId>>,
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
    let row = Memo::new(move |_| {
        let id = id.get()?;
        board.loaded.track();
        state.with_untracked(|s| {
            let s = s.as_ref()?.as_ref().ok()?.as_ref()?;
            let idea = s.index.idea(&id)?;
            let status = s.board.status(&idea.status_id).cloned();
            Some(RowData {
                title: idea.title.clone(),
                href: routes::idea(&s.board.slug, idea.id.as_str()),
                closed: status.as_ref().is_some_and(|s| s.lane == Lane::Closed)
                    || idea.merged_into.is_some(),
                status,
                category: idea
                    .category_id
                    .as_ref()
                    .and_then(|c| s.board.category(c))
                    .map(|c| c.name.clone()),
                author: idea.author.clone(),
                created: idea.created_at,
                held: matches!(idea.visibility, Visibility::Pending(_)),
                rejected: matches!(idea.visibility, Visibility::Rejected),
                shipped: idea.shipped_in.is_some(),
                id,
            })
        })
    });
    let stats = Memo::new(move |_| {
        let Some(id) = id.get() else {
            return Default::default();
        };
        state
            .with(|s| {
                s.as_ref()
                    .and_then(|r| r.as_ref().ok())
                    .and_then(|s| s.as_ref())
                    .map(|s| s.index.stats(&id))
            })
            .unwrap_or_default()
    });
    let voted = Signal::derive(move || {
        let Some(id) = id.get() else { return false };
        let actor = viewer.actor();
        state.with(|s| {
            s.as_ref()
                .and_then(|r| r.as_ref().ok())
                .and_then(|s| s.as_ref())
                .is_some_and(|s| s.index.has_voted(&actor, &id))
        })
    });
    let pending =
        Signal::derive(move || id.with(|id| id.as_ref().is_some_and(|id| board.is_pending(id))));
    let toggle = Callback::new(move |_| {
        if let Some(id) = id.get_untracked() {
            board.toggle_vote.run(id);
        }
    });
    let field = move |f: fn(&RowData) -> bool| move || row.with(|r| r.as_ref().is_some_and(f));
    view! {
        <li class="g-idea" class:g-idea--closed=field(|r| r.closed)>
            <VoteButton
                count=Signal::derive(move || stats.get().votes())
                voted=voted
                closed=Signal::derive(field(|r| r.closed))
                pending=pending
                waiting=board.catching_up
                title=Signal::derive(move || row.with(|r| r.as_ref().map(|r| r.title.clone()).unwrap_or_default()))
                on_toggle=toggle
            />
            <div class="g-idea__body">
                <h3 class="g-idea__title">
                    <a
                        href=move || row.with(|r| r.as_ref().map(|r| r.href.clone()).unwrap_or_default())
                        target=new_tab.then_some("_blank")
                        rel=new_tab.then_some("noopener")
                    >
                        {move || row.with(|r| r.as_ref().map(|r| r.title.clone()).unwrap_or_default())}
                    </a>
                </h3>
                <p class="g-idea__meta">
                    {move || row.with(|r| r.as_ref().and_then(|r| r.status.clone())).map(|s| view! { <StatusBadge status=s/> })}
                    {move || row.with(|r| r.as_ref().and_then(|r| r.category.clone())).map(|c| view! { <span class="g-tag">{c}</span> })}
                    {move || field(|r| r.held)().then(|| view! { <span class="g-tag g-tag--warning">{move || i18n.t().board().pending_approval}</span> })}
                    {move || field(|r| r.rejected)().then(|| view! { <span class="g-tag g-tag--warning">{move || i18n.t().board().rejected}</span> })}
                    {move || field(|r| r.shipped)().then(|| view! { <span class="g-tag g-tag--shipped">{move || i18n.t().board().shipped}</span> })}
                    <span class="g-idea__counts">
                        {move || {
                            let t = i18n.t();
                            let s = stats.get();
                            let c = u64::from(s.comments);
                            let mut text = t.count(t.board().comments, c, &format::count(i18n.locale(), c));
                            if s.anonymous_votes > 0 {
                                text.push_str(" · ");
                                text.push_str(&fill(t.board().anonymous_votes_count, &[("n", &s.anonymous_votes.to_string())]));
                            }
                            text
                        }}
                    </span>
                    <span class="g-idea__byline">
                        {move || {
                            let t = i18n.t();
                            row.with(|r| {
                                let Some(r) = r else { return String::new() };
                                let name = match &r.author {
                                    Actor::Member(m) => viewer.name_of(m),
                                    Actor::Device(_) => None,
                                }
                                .unwrap_or_else(|| t.board().anonymous_visitor.to_owned());
                                format!(
                                    "{} · {}",
                                    fill(t.board().posted_by, &[("name", &name)]),
                                    format::relative(i18n.locale(), r.created, format::now())
                                )
                            })
                        }}
                    </span>
                </p>
                <Show when=move || explain.get()>
                    <details class="g-why">
                        <summary>{move || i18n.t().board().why_here}</summary>
                        <p>
                            {move || {
                                let st = stats.get();
                                let l = i18n.locale();
                                fill(
                                    i18n.t().board().trending_explain,
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
}
