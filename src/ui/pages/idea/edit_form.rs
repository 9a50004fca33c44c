//! Editing an idea: its author (re-checked by the word filter and link rule) or a moderator.

use crate::domain::board::Board;
use crate::domain::error::{DomainError, FieldError};
use crate::domain::idea::{Idea, IdeaDraft};
use crate::domain::ids::CategoryId;
use crate::store::community::OpError;
use crate::ui::components::field_error::invalid;
use crate::ui::components::FieldErrorText;
use crate::ui::hooks::{use_i18n, use_notices, use_ops};
use leptos::prelude::*;

/// The edit form.
#[component]
pub fn EditIdeaForm(
    /// The idea.
    idea: RwSignal<Option<Idea>>,
    /// Its board.
    board: Board,
    /// Called when done (saved or cancelled).
    on_done: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let notices = use_notices();
    let ops = use_ops();
    let current = idea.get_untracked();
    let title = RwSignal::new(
        current
            .as_ref()
            .map(|i| i.title.clone())
            .unwrap_or_default(),
    );
    let description = RwSignal::new(
        current
            .as_ref()
            .map(|i| i.description.clone())
            .unwrap_or_default(),
    );
    let category = RwSignal::new(
        current
            .as_ref()
            .and_then(|i| i.category_id.clone())
            .map(|c| c.0)
            .unwrap_or_default(),
    );
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let categories = board.categories.clone();
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(original) = idea.get_untracked() else {
            return;
        };
        let draft = IdeaDraft {
            title: title.get_untracked(),
            description: description.get_untracked(),
            category_id: Some(category.get_untracked())
                .filter(|c| !c.is_empty())
                .map(CategoryId),
        };
        ops.run(
            move |c| async move { c.edit_idea(&original, &draft).await },
            move |result| {
                let t = i18n.t_untracked();
                match result {
                    Ok(saved) => {
                        idea.set(Some(saved));
                        notices.success(t.app().saved);
                        on_done.try_run(());
                    }
                    Err(OpError::Rule(DomainError::Invalid(e))) => errors.set(e),
                    Err(OpError::Rule(e)) => notices.error(t.domain_error(&e)),
                    Err(OpError::Store(_)) => {}
                }
            },
        );
    };
    view! {
        <form class="g-form" on:submit=save novalidate>
            <div class="g-field">
                <label class="g-field__label" for="g-edit-title">{move || i18n.t().app().idea_title}</label>
                <input id="g-edit-title" class="g-input" type="text" aria-describedby="g-edit-title-error"
                    aria-invalid=move || errors.with(|e| invalid(e, "title"))
                    prop:value=move || title.get() on:input=move |ev| title.set(event_target_value(&ev))/>
                <FieldErrorText id="g-edit-title-error" field="title" errors=errors/>
            </div>
            <div class="g-field">
                <label class="g-field__label" for="g-edit-description">{move || i18n.t().app().idea_description}</label>
                <textarea id="g-edit-description" class="g-textarea" rows="6" aria-describedby="g-edit-description-error"
                    aria-invalid=move || errors.with(|e| invalid(e, "description"))
                    prop:value=move || description.get() on:input=move |ev| description.set(event_target_value(&ev))></textarea>
                <FieldErrorText id="g-edit-description-error" field="description" errors=errors/>
            </div>
            {(!categories.is_empty()).then(|| view! {
                <div class="g-field">
                    <label class="g-field__label" for="g-edit-category">{move || i18n.t().board().category}</label>
                    <select id="g-edit-category" class="g-select" prop:value=move || category.get() on:change=move |ev| category.set(event_target_value(&ev))>
                        <option value="">{move || i18n.t().app().no_category}</option>
                        {categories.iter().map(|c| {
                            let id = c.id.0.clone();
                            let sel = id.clone();
                            view! { <option value=id selected=move || category.get() == sel>{c.name.clone()}</option> }
                        }).collect_view()}
                    </select>
                </div>
            })}
            <div class="g-form__actions">
                <button type="submit" class="g-button g-button--primary" disabled=move || ops.busy()>{move || i18n.t().app().save_changes}</button>
                <button type="button" class="g-button" on:click=move |_| on_done.run(())>{move || i18n.t().app().cancel}</button>
            </div>
        </form>
    }
}
