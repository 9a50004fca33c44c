//! Posting an idea: title, description and category, with up to five similar ideas
//! offered while the title is typed (vote for one instead of posting a duplicate).

use crate::domain::error::{DomainError, FieldError};
use crate::domain::idea::{IdeaDraft, DESCRIPTION_MAX, TITLE_MAX};
use crate::domain::ids::{CategoryId, IdeaId};
use crate::store::community::OpError;
use crate::ui::components::field_error::invalid;
use crate::ui::components::FieldErrorText;
use crate::ui::hooks::{use_i18n, use_navigator, use_notices, use_ops, UseBoard};
use crate::ui::i18n::fill;
use crate::ui::pages::IdeaRow;
use crate::ui::routes;
use leptos::prelude::*;

/// How many similar ideas are offered.
const HINTS: usize = 5;

/// The "post an idea" form of a board.
#[component]
pub fn IdeaForm(
    /// The board.
    board: UseBoard,
    /// Called after posting (the form closes).
    on_done: Callback<Option<IdeaId>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let notices = use_notices();
    let ops = use_ops();
    let title = RwSignal::new(String::new());
    let description = RwSignal::new(String::new());
    let category = RwSignal::new(String::new());
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let navigator = use_navigator();

    let similar = Memo::new(move |_| {
        let t = title.get();
        if t.trim().chars().count() < 4 {
            return Vec::new();
        }
        board.state.with(|s| match s {
            Some(Ok(Some(s))) => s
                .index
                .similar(&t, HINTS)
                .into_iter()
                .map(|i| s.index.ideas[i].id.clone())
                .collect(),
            _ => Vec::new(),
        })
    });
    let categories = move || {
        board.state.with(|s| match s {
            Some(Ok(Some(s))) => s.board.categories.clone(),
            _ => Vec::new(),
        })
    };

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(target) = board.state.with_untracked(|s| match s {
            Some(Ok(Some(st))) => Some(st.board.clone()),
            _ => None,
        }) else {
            return;
        };
        let draft = IdeaDraft {
            title: title.get_untracked(),
            description: description.get_untracked(),
            category_id: Some(category.get_untracked())
                .filter(|c| !c.is_empty())
                .map(CategoryId),
        };
        let local = draft.validate();
        if !local.is_empty() {
            errors.set(local);
            return;
        }
        let slug = target.slug.clone();
        ops.run(
            move |c| async move { c.post_idea(&target, &draft).await },
            move |result| {
                let t = i18n.t_untracked();
                match result {
                    Ok(idea) => {
                        errors.set(Vec::new());
                        title.set(String::new());
                        description.set(String::new());
                        if idea.visibility.is_published() {
                            notices.success(t.app().idea_posted);
                            if let Some(nav) = navigator {
                                nav.go(&routes::idea(&slug, idea.id.as_str()));
                            }
                        } else {
                            notices.success(t.app().idea_held);
                        }
                        on_done.try_run(Some(idea.id));
                    }
                    Err(OpError::Rule(DomainError::Invalid(e))) => errors.set(e),
                    Err(OpError::Rule(e)) => notices.error(t.domain_error(&e)),
                    Err(OpError::Store(_)) => {}
                }
            },
        );
    };

    view! {
        <form class="g-form g-idea-form" on:submit=submit novalidate>
            <h2 class="g-form__title">{move || i18n.t().board().post_idea}</h2>
            <div class="g-field">
                <label class="g-field__label" for="g-idea-title">{move || i18n.t().app().idea_title}</label>
                <input
                    id="g-idea-title"
                    class="g-input"
                    type="text"
                    autocomplete="off"
                    aria-describedby="g-idea-title-count g-idea-title-error"
                    aria-invalid=move || errors.with(|e| invalid(e, "title"))
                    prop:value=move || title.get()
                    on:input=move |ev| title.set(event_target_value(&ev))
                />
                <p id="g-idea-title-count" class="g-field__hint">
                    {move || fill(i18n.t().app().chars_count, &[("n", &title.with(|t| t.trim().chars().count()).to_string()), ("max", &TITLE_MAX.to_string())])}
                </p>
                <FieldErrorText id="g-idea-title-error" field="title" errors=errors/>
            </div>
            <Show when=move || !similar.with(Vec::is_empty)>
                <section class="g-hints" aria-labelledby="g-hints-title">
                    <h3 id="g-hints-title" class="g-hints__title">{move || i18n.t().app().similar_ideas}</h3>
                    <ul class="g-ideas g-ideas--compact" role="list">
                        <For each=move || similar.get() key=|id| id.clone() children=move |id| view! { <IdeaRow board=board id=Some(id)/> }/>
                    </ul>
                </section>
            </Show>
            <div class="g-field">
                <label class="g-field__label" for="g-idea-description">{move || i18n.t().app().idea_description}</label>
                <textarea
                    id="g-idea-description"
                    class="g-textarea"
                    rows="5"
                    aria-describedby="g-idea-description-hint g-idea-description-error"
                    aria-invalid=move || errors.with(|e| invalid(e, "description"))
                    prop:value=move || description.get()
                    on:input=move |ev| description.set(event_target_value(&ev))
                ></textarea>
                <p id="g-idea-description-hint" class="g-field__hint">
                    {move || i18n.t().app().description_hint} " "
                    {move || fill(i18n.t().app().chars_count, &[("n", &description.with(|d| d.chars().count()).to_string()), ("max", &DESCRIPTION_MAX.to_string())])}
                </p>
                <FieldErrorText id="g-idea-description-error" field="description" errors=errors/>
            </div>
            <Show when=move || !categories().is_empty()>
                <div class="g-field">
                    <label class="g-field__label" for="g-idea-category">{move || i18n.t().board().category}</label>
                    <select id="g-idea-category" class="g-select" on:change=move |ev| category.set(event_target_value(&ev)) prop:value=move || category.get()>
                        <option value="">{move || i18n.t().app().no_category}</option>
                        {move || categories().into_iter().map(|c| view! { <option value=c.id.0.clone()>{c.name.clone()}</option> }).collect_view()}
                    </select>
                    <FieldErrorText id="g-idea-category-error" field="category" errors=errors/>
                </div>
            </Show>
            <div class="g-form__actions">
                <button type="submit" class="g-button g-button--primary" disabled=move || ops.busy()>
                    {move || i18n.t().app().submit_idea}
                </button>
                <button type="button" class="g-button" on:click=move |_| on_done.run(None)>
                    {move || i18n.t().app().cancel}
                </button>
            </div>
        </form>
    }
}
