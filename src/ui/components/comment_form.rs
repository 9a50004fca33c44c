//! Commenting on an idea, with a friendly countdown when slow mode says to wait.

use crate::domain::error::{DomainError, FieldError};
use crate::domain::idea::Idea;
use crate::store::community::OpError;
use crate::ui::components::field_error::invalid;
use crate::ui::components::FieldErrorText;
use crate::ui::hooks::{use_i18n, use_notices, use_ops};
use crate::ui::i18n::{fill, wait_text};
use leptos::prelude::*;

/// The comment form of an idea.
#[component]
pub fn CommentForm(
    /// The idea.
    #[prop(into)]
    idea: Signal<Option<Idea>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let notices = use_notices();
    let ops = use_ops();
    let body = RwSignal::new(String::new());
    let errors = RwSignal::new(Vec::<FieldError>::new());
    // Seconds left before slow mode lets the member post again.
    let wait = RwSignal::new(0i64);
    let ticking = StoredValue::new(false);
    let start_countdown = move |seconds: i64| {
        wait.set(seconds);
        if ticking.get_value() {
            return;
        }
        ticking.set_value(true);
        let handle = set_interval_with_handle(
            move || wait.update(|w| *w = (*w - 1).max(0)),
            std::time::Duration::from_secs(1),
        );
        if let Ok(handle) = handle {
            Effect::new(move |_| {
                if wait.get() == 0 {
                    handle.clear();
                    ticking.set_value(false);
                }
            });
        }
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(idea) = idea.get_untracked() else {
            return;
        };
        let text = body.get_untracked();
        let sent = text.clone();
        ops.run(
            move |c| async move { c.post_comment(&idea, &text).await },
            move |result| {
                let t = i18n.t_untracked();
                match result {
                    Ok(comment) => {
                        // Keep what the member typed meanwhile (a slow server).
                        if body.get_untracked() == sent {
                            body.set(String::new());
                        }
                        errors.set(Vec::new());
                        notices.success(if comment.visibility.is_published() {
                            t.comment_posted
                        } else {
                            t.comment_held
                        });
                    }
                    Err(OpError::Rule(DomainError::Invalid(e))) => errors.set(e),
                    Err(OpError::Rule(DomainError::SlowMode { wait_s })) => start_countdown(wait_s),
                    Err(OpError::Rule(e)) => notices.error(t.domain_error(&e)),
                    Err(OpError::Store(_)) => {}
                }
            },
        );
    };
    view! {
        <form class="g-form g-comment-form" on:submit=submit novalidate>
            <div class="g-field">
                <label class="g-field__label" for="g-comment-body">{move || i18n.t().comment_label}</label>
                <textarea
                    id="g-comment-body"
                    class="g-textarea"
                    rows="3"
                    aria-describedby="g-comment-error g-comment-wait"
                    aria-invalid=move || errors.with(|e| invalid(e, "body"))
                    prop:value=move || body.get()
                    on:input=move |ev| body.set(event_target_value(&ev))
                ></textarea>
                <FieldErrorText id="g-comment-error" field="body" errors=errors/>
                <p id="g-comment-wait" class="g-field__hint" role="status">
                    {move || {
                        let w = wait.get();
                        (w > 0).then(|| fill(i18n.t().slow_mode_wait, &[("time", &wait_text(i18n.locale(), w))]))
                    }}
                </p>
            </div>
            <div class="g-form__actions">
                <button type="submit" class="g-button g-button--primary" disabled=move || { ops.busy() || wait.get() > 0 }>
                    {move || i18n.t().post_comment}
                </button>
            </div>
        </form>
    }
}
