//! Staff tools on an idea: change its status, approve or reject it while held, merge it
//! into another idea (found by search), and announce it in the changelog once shipped.

use crate::domain::idea::{Idea, Visibility};
use crate::domain::ids::IdeaId;
use crate::domain::member::Role;
use crate::domain::moderation::{Decision, PostRef};
use crate::domain::ranking::{IdeaFilter, Sort};
use crate::store::community::OpError;
use crate::ui::components::status_badge_name;
use crate::ui::hooks::{use_i18n, use_notices, use_ops, use_viewer, UseBoard};
use crate::ui::i18n::fill;
use crate::ui::routes;
use leptos::prelude::*;

/// How many merge candidates are listed.
const CANDIDATES: usize = 8;

/// The staff tools section.
#[component]
pub fn StaffTools(
    /// The board.
    board: UseBoard,
    /// The idea (updated after changes).
    idea: RwSignal<Option<Idea>>,
    /// Whether to offer announcing it in the changelog.
    announce: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let notices = use_notices();
    let viewer = use_viewer();
    let ops = use_ops();
    let statuses = move || {
        board.state.with(|s| match s {
            Some(Ok(Some(s))) => s.board.statuses.clone(),
            _ => Vec::new(),
        })
    };
    let chosen = RwSignal::new(
        idea.get_untracked()
            .map(|i| i.status_id.0)
            .unwrap_or_default(),
    );
    let report = move |result: Result<Idea, OpError>, ok: String| match result {
        Ok(saved) => {
            idea.set(Some(saved));
            notices.success(ok);
        }
        Err(OpError::Rule(e)) => notices.error(i18n.t_untracked().domain_error(&e)),
        Err(OpError::Store(_)) => {}
    };
    let apply_status = move |_| {
        let Some(current) = idea.get_untracked() else {
            return;
        };
        let to = crate::domain::ids::StatusId(chosen.get_untracked());
        let name = statuses()
            .into_iter()
            .find(|s| s.id == to)
            .map(|s| status_badge_name(&s, i18n.t_untracked()))
            .unwrap_or_default();
        ops.run(
            move |c| async move { c.change_status(&current, &to).await },
            move |r| {
                report(
                    r,
                    fill(
                        i18n.t_untracked().app().status_changed,
                        &[("status", &name)],
                    ),
                )
            },
        );
    };
    let decide = move |decision: Decision| {
        let Some(current) = idea.get_untracked() else {
            return;
        };
        let post = PostRef::Idea(current.id.clone());
        let board_id = current.board_id.clone();
        let ok = if decision == Decision::Approve {
            i18n.t_untracked().app().approved
        } else {
            i18n.t_untracked().board().rejected
        };
        ops.run(
            move |c| async move { c.decide(&post, &board_id, decision, "").await },
            move |r| match r {
                Ok(()) => notices.success(ok),
                Err(OpError::Rule(e)) => notices.error(i18n.t_untracked().domain_error(&e)),
                Err(OpError::Store(_)) => {}
            },
        );
    };
    // Merge: search the board, pick the idea to keep.
    let search = RwSignal::new(String::new());
    let target = RwSignal::new(None::<IdeaId>);
    let candidates = Memo::new(move |_| {
        let q = search.get();
        let me = idea.with(|i| i.as_ref().map(|i| i.id.clone()));
        if q.trim().is_empty() {
            return Vec::new();
        }
        let v = viewer.get();
        board.state.with(|s| match s {
            Some(Ok(Some(s))) => s
                .index
                .select(
                    &IdeaFilter {
                        query: q,
                        ..Default::default()
                    },
                    Sort::Top,
                    &v,
                )
                .into_iter()
                .map(|i| &s.index.ideas[i])
                .filter(|i| Some(&i.id) != me.as_ref())
                .take(CANDIDATES)
                .map(|i| (i.id.clone(), i.title.clone()))
                .collect::<Vec<_>>(),
            _ => Vec::new(),
        })
    });
    let merge = move |_| {
        let Some(from) = idea.get_untracked() else {
            return;
        };
        let Some(into_id) = target.get_untracked() else {
            return;
        };
        let Some(into) = board.state.with_untracked(|s| match s {
            Some(Ok(Some(s))) => s.index.ideas.iter().find(|i| i.id == into_id).cloned(),
            _ => None,
        }) else {
            return;
        };
        let title = into.title.clone();
        ops.run(
            move |c| async move { c.merge(&from, &into).await },
            move |r| {
                report(
                    r,
                    fill(i18n.t_untracked().app().merged_ok, &[("title", &title)]),
                )
            },
        );
    };
    let held = move || {
        idea.with(|i| {
            i.as_ref()
                .is_some_and(|i| !matches!(i.visibility, Visibility::Published))
        })
    };
    let idea_id = idea
        .with_untracked(|i| i.as_ref().map(|i| i.id.to_string()))
        .unwrap_or_default();
    view! {
        <section class="g-section g-staff" aria-labelledby="g-staff-title">
            <h2 id="g-staff-title">{move || i18n.t().app().moderation_tools}</h2>
            <Show when=held>
                <div class="g-toolbar">
                    <button type="button" class="g-button g-button--primary" on:click=move |_| decide(Decision::Approve)>{move || i18n.t().app().approve}</button>
                    <button type="button" class="g-button g-button--danger" on:click=move |_| decide(Decision::Reject)>{move || i18n.t().app().reject}</button>
                </div>
            </Show>
            <div class="g-toolbar">
                <label class="g-field g-field--inline">
                    <span class="g-field__label">{move || i18n.t().app().change_status}</span>
                    <select class="g-select" prop:value=move || chosen.get() on:change=move |ev| chosen.set(event_target_value(&ev))>
                        {move || statuses().into_iter().map(|s| {
                            let id = s.id.0.clone();
                            let sel = id.clone();
                            view! { <option value=id selected=move || chosen.get() == sel>{status_badge_name(&s, i18n.t())}</option> }
                        }).collect_view()}
                    </select>
                </label>
                <button type="button" class="g-button" disabled=move || ops.busy() on:click=apply_status>{move || i18n.t().app().apply}</button>
            </div>
            <Show when=move || idea.with(|i| i.as_ref().is_some_and(|i| i.merged_into.is_none()))>
                <fieldset class="g-field g-merge">
                    <legend class="g-field__label">{move || i18n.t().app().merge_into}</legend>
                    <label class="g-field">
                        <span class="g-field__hint">{move || i18n.t().app().merge_search}</span>
                        <input class="g-input" type="search" prop:value=move || search.get() on:input=move |ev| search.set(event_target_value(&ev))/>
                    </label>
                    <ul class="g-merge__list" role="list">
                        <For each=move || candidates.get() key=|(id, _)| id.clone() children=move |(id, title)| {
                            let value = id.clone();
                            view! {
                                <li>
                                    <label class="g-choice">
                                        <input type="radio" name="g-merge-target" prop:checked=move || target.get().as_ref() == Some(&id) on:change=move |_| target.set(Some(value.clone()))/>
                                        <span>{title}</span>
                                    </label>
                                </li>
                            }
                        }/>
                    </ul>
                    <button type="button" class="g-button g-button--danger" disabled=move || target.get().is_none() || ops.busy() on:click=merge>
                        {move || {
                            let into = target.get().and_then(|t| candidates.with(|c| c.iter().find(|(i, _)| *i == t).map(|(_, title)| title.clone()))).unwrap_or_default();
                            let from = idea.with(|i| i.as_ref().map(|i| i.title.clone())).unwrap_or_default();
                            if into.is_empty() { i18n.t().app().merge_pick.to_owned() } else { fill(i18n.t().app().merge_confirm, &[("from", &from), ("into", &into)]) }
                        }}
                    </button>
                </fieldset>
            </Show>
            {(announce).then(|| view! {
                <Show when=move || viewer.role() == Role::Admin>
                    <p><a class="g-button" href=routes::changelog(Some(&idea_id))>{move || i18n.t().app().publish_changelog}</a></p>
                </Show>
            })}
        </section>
    }
}
