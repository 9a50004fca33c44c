//! The changelog: what shipped and whom it thanks. Admins publish entries for shipped
//! ideas here; everyone who posted or voted for them becomes a Contributor.

use crate::domain::board::Board;
use crate::domain::changelog::ChangelogEntry;
use crate::domain::error::{DomainError, FieldError};
use crate::domain::idea::Idea;
use crate::domain::ids::IdeaId;
use crate::domain::member::Role;
use crate::store::community::OpError;
use crate::store::{Query, StoreExt};
use crate::ui::components::field_error::invalid;
use crate::ui::components::{FieldErrorText, PlainText, ReadProblem};
use crate::ui::format;
use crate::ui::hooks::{use_community, use_i18n, use_notices, use_ops, use_read, use_viewer};
use crate::ui::i18n::fill;
use crate::ui::routes;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use std::collections::BTreeSet;

/// How many contributors are named before "and N more".
const NAMED: usize = 12;

/// The changelog page.
#[component]
pub fn ChangelogPage() -> impl IntoView {
    let i18n = use_i18n();
    let community = use_community();
    let viewer = use_viewer();
    let boards_and_ideas = use_read(|store| async move {
        let boards = store.list_as::<Board>(&Query::all()).await?.items;
        let ideas = store.list_as::<Idea>(&Query::all()).await?.items;
        Ok((boards, ideas))
    });
    view! {
        <section class="g-page g-changelog">
            <h1>{move || i18n.t().app().changelog_title}</h1>
            <p class="g-hero__intro">{move || i18n.t().app().changelog_intro}</p>
            <Show when=move || viewer.role() == Role::Admin>
                {move || boards_and_ideas.get().and_then(|r| r.value).map(|(boards, ideas)| view! { <Composer boards=boards ideas=ideas/> })}
            </Show>
            {move || boards_and_ideas.get().map(|r| view! { <ReadProblem error=r.error shown_before=r.value.is_some()/> })}
            {move || community.error.get().map(|e| view! { <ReadProblem error=Some(e) shown_before=true/> })}
            {move || {
                let entries = community.changelog.get();
                if entries.is_empty() {
                    return view! { <p class="g-empty">{move || i18n.t().app().no_entries}</p> }.into_any();
                }
                let (boards, ideas) = boards_and_ideas.get().map(|r| r.value_or_default()).unwrap_or_default();
                view! {
                    <ol class="g-entries" role="list">
                        {entries.into_iter().map(|e| view! { <Entry entry=e boards=boards.clone() ideas=ideas.clone()/> }).collect_view()}
                    </ol>
                }
                .into_any()
            }}
        </section>
    }
}

/// One published entry.
#[component]
fn Entry(entry: ChangelogEntry, boards: Vec<Board>, ideas: Vec<Idea>) -> impl IntoView {
    let i18n = use_i18n();
    let viewer = use_viewer();
    let slug = boards
        .iter()
        .find(|b| b.id == entry.board_id)
        .map(|b| b.slug.clone())
        .unwrap_or_default();
    let shipped: Vec<(String, String)> = entry
        .idea_ids
        .iter()
        .filter_map(|id| ideas.iter().find(|i| &i.id == id))
        .map(|i| (routes::idea(&slug, i.id.as_str()), i.title.clone()))
        .collect();
    let contributors = entry.contributors.clone();
    let at = entry.published_at;
    view! {
        <li class="g-entry">
            <article>
                <h2 class="g-entry__title">{entry.title.clone()}</h2>
                <p class="g-entry__date">{move || format::date(i18n.locale(), at)}</p>
                <PlainText text=entry.body.clone()/>
                <ul class="g-entry__ideas">
                    {shipped.into_iter().map(|(href, title)| view! { <li><a href=href>{title}</a></li> }).collect_view()}
                </ul>
                <p class="g-entry__thanks">
                    {move || {
                        let names: Vec<String> = contributors.iter().take(NAMED).map(|m| viewer.name_of(m).unwrap_or_else(|| m.to_string())).collect();
                        let mut text = fill(i18n.t().app().thanks_names, &[("names", &names.join(", "))]);
                        if contributors.len() > NAMED {
                            text.push(' ');
                            text.push_str(&fill(i18n.t().app().and_more, &[("n", &(contributors.len() - NAMED).to_string())]));
                        }
                        text
                    }}
                </p>
            </article>
        </li>
    }
}

/// The admin's composer: headline, text and the shipped ideas it announces.
#[component]
fn Composer(boards: Vec<Board>, ideas: Vec<Idea>) -> impl IntoView {
    let i18n = use_i18n();
    let notices = use_notices();
    let ops = use_ops();
    let query = use_query_map();
    let shipped: Vec<(Board, Idea)> = ideas
        .into_iter()
        .filter(|i| i.shipped_in.is_none() && i.merged_into.is_none())
        .filter_map(|i| {
            let b = boards.iter().find(|b| b.id == i.board_id)?;
            b.status(&i.status_id).filter(|s| s.shipped)?;
            Some((b.clone(), i))
        })
        .collect();
    let preselected: BTreeSet<IdeaId> = query
        .with_untracked(|q| q.get("idea"))
        .map(IdeaId)
        .into_iter()
        .collect();
    let picked = RwSignal::new(preselected);
    let title = RwSignal::new(String::new());
    let body = RwSignal::new(String::new());
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let open = RwSignal::new(!picked.get_untracked().is_empty());
    let candidates = StoredValue::new(shipped.clone());
    let publish = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let chosen: Vec<(Board, Idea)> = candidates.with_value(|c| {
            c.iter()
                .filter(|(_, i)| picked.with(|p| p.contains(&i.id)))
                .cloned()
                .collect()
        });
        let Some(board) = chosen.first().map(|(b, _)| b.clone()) else {
            errors.set(vec![FieldError::new(
                "ideas",
                crate::domain::error::Problem::Required,
            )]);
            return;
        };
        let ideas: Vec<Idea> = chosen
            .into_iter()
            .filter(|(b, _)| b.id == board.id)
            .map(|(_, i)| i)
            .collect();
        let (t, b) = (title.get_untracked(), body.get_untracked());
        ops.run(
            move |c| async move { c.publish_changelog(&board, &t, &b, &ideas).await },
            move |r| {
                let t = i18n.t_untracked();
                match r {
                    Ok(entry) => {
                        notices.success(fill(
                            t.app().published_ok,
                            &[("n", &entry.contributors.len().to_string())],
                        ));
                        title.set(String::new());
                        body.set(String::new());
                        picked.set(BTreeSet::new());
                        errors.set(Vec::new());
                        open.set(false);
                    }
                    Err(OpError::Rule(DomainError::Invalid(e))) => errors.set(e),
                    Err(OpError::Rule(e)) => notices.error(t.domain_error(&e)),
                    Err(OpError::Store(_)) => {}
                }
            },
        );
    };
    view! {
        <div class="g-composer">
            <button type="button" class="g-button g-button--primary" aria-expanded=move || if open.get() { "true" } else { "false" } on:click=move |_| open.update(|o| *o = !*o)>
                {move || i18n.t().app().new_entry}
            </button>
            <Show when=move || open.get()>
                <form class="g-form" on:submit=publish novalidate>
                    <div class="g-field">
                        <label class="g-field__label" for="g-entry-title">{move || i18n.t().app().entry_title}</label>
                        <input id="g-entry-title" class="g-input" type="text" aria-describedby="g-entry-title-error" aria-invalid=move || errors.with(|e| invalid(e, "title"))
                            prop:value=move || title.get() on:input=move |ev| title.set(event_target_value(&ev))/>
                        <FieldErrorText id="g-entry-title-error" field="title" errors=errors/>
                    </div>
                    <div class="g-field">
                        <label class="g-field__label" for="g-entry-body">{move || i18n.t().app().entry_body}</label>
                        <textarea id="g-entry-body" class="g-textarea" rows="4" prop:value=move || body.get() on:input=move |ev| body.set(event_target_value(&ev))></textarea>
                        <FieldErrorText id="g-entry-body-error" field="body" errors=errors/>
                    </div>
                    <fieldset class="g-field">
                        <legend class="g-field__label">{move || i18n.t().app().entry_ideas}</legend>
                        {if shipped.is_empty() {
                            view! { <p class="g-empty">{move || i18n.t().app().no_shipped_ideas}</p> }.into_any()
                        } else {
                            shipped.iter().map(|(_, idea)| {
                                let id = idea.id.clone();
                                let toggle = id.clone();
                                view! {
                                    <label class="g-choice">
                                        <input type="checkbox" prop:checked=move || picked.with(|p| p.contains(&id))
                                            on:change=move |_| picked.update(|p| { if !p.remove(&toggle) { p.insert(toggle.clone()); } })/>
                                        <span>{idea.title.clone()}</span>
                                    </label>
                                }
                            }).collect_view().into_any()
                        }}
                        <FieldErrorText id="g-entry-ideas-error" field="ideas" errors=errors/>
                    </fieldset>
                    <div class="g-form__actions">
                        <button type="submit" class="g-button g-button--primary" disabled=move || ops.busy()>{move || i18n.t().app().publish}</button>
                    </div>
                </form>
            </Show>
        </div>
    }
}
