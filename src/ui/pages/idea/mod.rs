//! An idea's page: description, votes (and, for admins, the voters), status history,
//! where it shipped and whom it thanks, merged duplicates, comments in order with
//! official staff answers marked, and the tools its author and the staff may use.

mod comments;
mod edit_form;
mod staff_tools;

use crate::domain::board::Board;
use crate::domain::board::Lane;
use crate::domain::idea::{Idea, Visibility};
use crate::domain::member::{Actor, Role};
use crate::domain::moderation::PostRef;
use crate::domain::permissions::{can, Action};
use crate::domain::vote::Vote;
use crate::store::{Query, StoreError, StoreExt};
use crate::ui::components::{
    status_badge_name, ContributorBadge, PlainText, ReadProblem, ReportForm, StatusBadge,
    VoteButton,
};
use crate::ui::format;
use crate::ui::hooks::{
    use_board, use_community, use_i18n, use_read, use_viewer, BoardState, UseBoard,
};
use crate::ui::i18n::fill;
use crate::ui::routes;
use comments::Comments;
use edit_form::EditIdeaForm;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use staff_tools::StaffTools;

/// A person's name with a link to their profile (members) or "Anonymous visitor".
#[component]
pub fn ActorName(
    /// Who.
    actor: Actor,
) -> impl IntoView {
    let i18n = use_i18n();
    let viewer = use_viewer();
    match actor {
        Actor::Member(m) => {
            let name = viewer.name_of(&m).unwrap_or_else(|| m.to_string());
            view! {
                <a class="g-person" href=routes::profile(m.as_str())>{name}</a>
                <ContributorBadge member=m/>
            }
            .into_any()
        }
        Actor::Device(_) => {
            view! { <span class="g-person">{move || i18n.t().board().anonymous_visitor}</span> }
                .into_any()
        }
    }
}

/// The idea page.
#[component]
pub fn IdeaPage() -> impl IntoView {
    let params = use_params_map();
    let slug = move || params.with(|p| p.get("slug").unwrap_or_default());
    let idea_id = Memo::new(move |_| params.with(|p| p.get("id").unwrap_or_default()));
    let board = use_board(slug);
    let i18n = use_i18n();
    // What the page shows, changing only when the idea or its board changes: not on every
    // vote or reload of the board. The details (with the comment form, its draft, its
    // running operation) are built again only then, never under the member's hands.
    let shown = Memo::new(move |_| {
        let id = idea_id.get();
        board.state.with(|s| match s {
            None => Shown::Loading,
            Some(Err(e)) => Shown::Failed(e.clone()),
            Some(Ok(None)) => Shown::Missing,
            Some(Ok(Some(st))) => st
                .index
                .ideas
                .iter()
                .find(|i| i.id.as_str() == id)
                .map_or(Shown::Missing, |i| {
                    Shown::Found(Box::new((st.board.clone(), i.clone())))
                }),
        })
    });
    view! {
        <article class="g-page g-idea-page">
            {move || match shown.get() {
                Shown::Loading => view! { <p class="g-loading">{move || i18n.t().loading}</p> }.into_any(),
                Shown::Failed(e) => view! { <ReadProblem error=Some(e)/> }.into_any(),
                Shown::Found(found) => view! { <IdeaDetails board=board idea=found.1/> }.into_any(),
                Shown::Missing => view! {
                    <div class="g-page--narrow">
                        <h1>{move || i18n.t().not_found_title}</h1>
                        <p>{move || i18n.t().board().idea_not_found}</p>
                        <p><a href=routes::home()>{move || i18n.t().board().back_home}</a></p>
                    </div>
                }
                .into_any(),
            }}
        </article>
    }
}

/// What the idea page shows.
#[derive(Clone, PartialEq)]
enum Shown {
    Loading,
    Failed(StoreError),
    Missing,
    /// The idea and its board.
    Found(Box<(Board, Idea)>),
}

fn with_state<T>(board: UseBoard, f: impl FnOnce(&BoardState) -> T) -> Option<T> {
    board.state.with(|s| match s {
        Some(Ok(Some(st))) => Some(f(st)),
        _ => None,
    })
}

/// Everything about one idea.
#[component]
fn IdeaDetails(board: UseBoard, idea: Idea) -> impl IntoView {
    let i18n = use_i18n();
    let viewer = use_viewer();
    let community = use_community();
    let Some(st) = with_state(board, |st| (st.board.clone(), st.index.ideas.clone())) else {
        return ().into_any();
    };
    let (b, ideas) = st;
    let status = b.status(&idea.status_id).cloned();
    let closed =
        status.as_ref().is_some_and(|s| s.lane == Lane::Closed) || idea.merged_into.is_some();
    let id = idea.id.clone();
    let stats = {
        let id = id.clone();
        Memo::new(move |_| with_state(board, |s| s.index.stats(&id)).unwrap_or_default())
    };
    let voted = {
        let id = id.clone();
        Signal::derive(move || {
            let actor = viewer.actor();
            with_state(board, |s| s.index.has_voted(&actor, &id)).unwrap_or(false)
        })
    };
    let pending = {
        let id = id.clone();
        Signal::derive(move || board.is_pending(&id))
    };
    let toggle = {
        let id = id.clone();
        Callback::new(move |_| board.toggle_vote.run(id.clone()))
    };
    let merged_into = idea
        .merged_into
        .as_ref()
        .and_then(|t| ideas.iter().find(|i| &i.id == t))
        .map(|t| (routes::idea(&b.slug, t.id.as_str()), t.title.clone()));
    let merged_from: Vec<(String, String)> = ideas
        .iter()
        .filter(|i| i.merged_into.as_ref() == Some(&idea.id))
        .map(|i| (routes::idea(&b.slug, i.id.as_str()), i.title.clone()))
        .collect();
    let shipped_in = idea.shipped_in.clone();
    let shipped_entry = Memo::new(move |_| {
        let target = shipped_in.clone()?;
        community.changelog.with(|c| {
            c.iter()
                .find(|e| e.id == target)
                .map(|e| (e.title.clone(), e.contributors.len()))
        })
    });
    let announce = status.as_ref().is_some_and(|s| s.shipped) && idea.shipped_in.is_none();
    let history = idea.status_history.clone();
    let category = idea
        .category_id
        .as_ref()
        .and_then(|c| b.category(c))
        .map(|c| c.name.clone());
    let created = idea.created_at;
    let visibility = idea.visibility.clone();
    let editing = RwSignal::new(false);
    let author = idea.author.clone();
    let may_edit = {
        let author = author.clone();
        move || viewer.actor() == author || can(viewer.role(), Action::Moderate)
    };
    let is_author = {
        let author = author.clone();
        move || viewer.actor() == author
    };
    let idea_signal = RwSignal::new(Some(idea.clone()));
    let voters = {
        let id = id.clone();
        use_read(move |store| {
            let id = id.clone();
            let admin = can(viewer.role(), Action::SeeVoters);
            async move {
                if admin {
                    store
                        .list_as::<Vote>(&Query::all().eq("idea_id", id.as_str()))
                        .await
                        .map(|l| l.items)
                } else {
                    Ok(Vec::new())
                }
            }
        })
    };
    let board_for_status = b.clone();
    let board_id = b.id.clone();
    let report_key = idea.id.to_string();
    view! {
        <p class="g-breadcrumb">
            <a href=routes::board(&b.slug, "")>{move || i18n.t().app().back_to_board} ": " {b.name.clone()}</a>
        </p>
        <header class="g-idea-page__header">
            <VoteButton
                count=Signal::derive(move || stats.get().votes())
                voted=voted
                closed=closed
                pending=pending
                waiting=board.catching_up
                title=idea.title.clone()
                on_toggle=toggle
            />
            <div class="g-idea-page__heading">
                <h1 class="g-idea-page__title">{idea.title.clone()}</h1>
                <p class="g-idea__meta">
                    {status.map(|s| view! { <StatusBadge status=s/> })}
                    {category.map(|c| view! { <span class="g-tag">{c}</span> })}
                    <span>{move || i18n.t().app().posted_by_label} " " <ActorName actor=author.clone()/> " · " {move || format::date(i18n.locale(), created)}</span>
                </p>
                <p class="g-idea-page__votes" aria-live="polite">
                    {move || {
                        let t = i18n.t();
                        let s = stats.get();
                        let n = u64::from(s.votes());
                        let mut text = t.count(t.board().votes, n, &format::count(i18n.locale(), n));
                        if s.anonymous_votes > 0 {
                            text = format!("{text} ({})", fill(t.board().anonymous_votes_count, &[("n", &s.anonymous_votes.to_string())]));
                        }
                        text
                    }}
                </p>
            </div>
        </header>
        {match visibility {
            Visibility::Pending(_) => Some(view! { <p class="g-banner g-banner--warning">{move || i18n.t().app().pending_note}</p> }.into_any()),
            Visibility::Rejected => Some(view! { <p class="g-banner g-banner--warning">{move || i18n.t().app().rejected_note}</p> }.into_any()),
            Visibility::Published => None,
        }}
        {merged_into.map(|(href, title)| view! {
            <p class="g-banner g-banner--info">{move || i18n.t().board().merged_into} " " <a href=href>{title}</a></p>
        })}
        {move || shipped_entry.get().map(|(title, n)| view! {
            <p class="g-banner g-banner--success">
                {move || i18n.t().board().shipped_in} " " <a href=routes::changelog(None)>{title.clone()}</a> ". "
                {move || fill(i18n.t().app().thanks_to, &[("n", &n.to_string())])}
            </p>
        })}
        <section class="g-section" aria-labelledby="g-description">
            <h2 id="g-description" class="g-visually-hidden">{move || i18n.t().board().description}</h2>
            <Show when=move || !editing.get() fallback=move || view! {
                <EditIdeaForm idea=idea_signal board=b.clone() on_done=Callback::new(move |_| editing.set(false))/>
            }>
                <PlainText text=idea.description.clone()/>
            </Show>
            <div class="g-toolbar">
                <Show when=may_edit.clone()>
                    <button type="button" class="g-button" aria-expanded=move || if editing.get() { "true" } else { "false" } on:click=move |_| editing.update(|e| *e = !*e)>
                        {move || i18n.t().app().edit}
                    </button>
                </Show>
                <Show when=move || !is_author()>
                    <ReportForm post=PostRef::Idea(id.clone()) board=board_id.clone() key=report_key.clone()/>
                </Show>
            </div>
        </section>
        {(!merged_from.is_empty()).then(|| view! {
            <section class="g-section" aria-labelledby="g-merged">
                <h2 id="g-merged">{move || i18n.t().app().merged_from}</h2>
                <ul>{merged_from.into_iter().map(|(href, title)| view! { <li><a href=href>{title}</a></li> }).collect_view()}</ul>
            </section>
        })}
        <Show when=move || can(viewer.role(), Action::ChangeStatus)>
            <StaffTools board=board idea=idea_signal announce=announce/>
        </Show>
        {(!history.is_empty()).then(|| view! {
            <section class="g-section" aria-labelledby="g-history">
                <h2 id="g-history">{move || i18n.t().app().status_history}</h2>
                <ol class="g-history">
                    {history.into_iter().map(|change| {
                        let b = board_for_status.clone();
                        view! {
                            <li>
                                {move || {
                                    let t = i18n.t();
                                    let name = |id: &crate::domain::ids::StatusId| b.status(id).map(|s| status_badge_name(s, t)).unwrap_or_else(|| id.to_string());
                                    format!("{} → {} · ", name(&change.from), name(&change.to))
                                }}
                                <ActorName actor=change.by.clone()/>
                                {move || format!(" · {}", format::date_time(i18n.locale(), change.at))}
                            </li>
                        }
                    }).collect_view()}
                </ol>
            </section>
        })}
        <Show when=move || viewer.role() == Role::Admin>
            <section class="g-section" aria-labelledby="g-voters">
                <h2 id="g-voters">{move || i18n.t().app().voters}</h2>
                {move || voters.get().map(|read| view! {
                    <ReadProblem error=read.error.clone() shown_before=read.value.is_some()/>
                    <ul class="g-voters">
                        {read.value_or_default().into_iter().map(|v| view! { <li><ActorName actor=v.voter.clone()/></li> }).collect_view()}
                    </ul>
                })}
            </section>
        </Show>
        <Comments idea=idea_signal/>
    }
    .into_any()
}
