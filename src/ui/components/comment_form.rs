//! Commenting on an idea, with a friendly countdown when slow mode says to wait.

use crate::domain::error::{DomainError, FieldError};
use crate::domain::idea::Idea;
use crate::store::community::OpError;
use crate::ui::components::field_error::invalid;
use crate::ui::components::FieldErrorText;
use crate::ui::hooks::{use_i18n, use_notices, use_ops};
use crate::ui::i18n::{fill, wait_text};
use leptos::prelude::*;
use std::cell::RefCell;
use std::collections::{HashMap, HashSet};

thread_local! {
    /// Unsent comment text per idea, so a page that re-renders (fresh data from the
    /// server, another tab's change) never loses what the member was typing.
    static DRAFTS: RefCell<HashMap<String, String>> = RefCell::new(HashMap::new());
    /// When slow mode lets the member post again, per idea (milliseconds since the
    /// epoch), so a form built again meanwhile still counts down.
    static WAIT_UNTIL: RefCell<HashMap<String, f64>> = RefCell::new(HashMap::new());
    /// Comments on their way, per idea, and comments just posted whose form had been
    /// built again meanwhile: the form that is shown then stays busy while one is sent,
    /// and lets go of a posted text instead of offering it to be posted twice.
    static SENDING: RefCell<HashSet<String>> = RefCell::new(HashSet::new());
    static POSTED: RefCell<HashMap<String, String>> = RefCell::new(HashMap::new());
}

/// Whole seconds left before slow mode lets the member comment on `idea` again.
fn wait_left(idea: Option<&str>) -> i64 {
    let Some(id) = idea else { return 0 };
    let until = WAIT_UNTIL.with(|w| w.borrow().get(id).copied());
    until.map_or(0, |until| {
        ((until - js_sys::Date::now()) / 1000.0).ceil().max(0.0) as i64
    })
}

fn keep_wait(idea: &Idea, seconds: i64) {
    let until = js_sys::Date::now() + seconds as f64 * 1000.0;
    WAIT_UNTIL.with(|w| w.borrow_mut().insert(idea.id.to_string(), until));
}

fn draft_of(idea: Option<&Idea>) -> String {
    idea.and_then(|i| DRAFTS.with(|d| d.borrow().get(i.id.as_str()).cloned()))
        .unwrap_or_default()
}

fn keep_draft(idea: Option<&Idea>, text: &str) {
    if let Some(i) = idea {
        DRAFTS.with(|d| {
            let mut d = d.borrow_mut();
            if text.is_empty() {
                d.remove(i.id.as_str());
            } else {
                d.insert(i.id.to_string(), text.to_owned());
            }
        });
    }
}

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
    let body = RwSignal::new(idea.with_untracked(|i| draft_of(i.as_ref())));
    Effect::new(move |_| {
        let text = body.get();
        idea.with_untracked(|i| keep_draft(i.as_ref(), &text));
    });
    let errors = RwSignal::new(Vec::<FieldError>::new());
    // Seconds left before slow mode lets the member post again. The deadline is kept
    // outside the form, which may be built again while an operation runs: its result
    // then reaches the form that is shown (this one is gone; it only writes, and writes
    // to a disposed signal do nothing).
    let idea_id = idea.with_untracked(|i| i.as_ref().map(|i| i.id.to_string()));
    let wait = RwSignal::new(wait_left(idea_id.as_deref()));
    // Whether a comment on this idea is on its way (from this form or one it replaced).
    let sending_now =
        |id: Option<&str>| id.is_some_and(|id| SENDING.with(|s| s.borrow().contains(id)));
    let sending = RwSignal::new(sending_now(idea_id.as_deref()));
    if let Ok(handle) = set_interval_with_handle(
        move || {
            let left = wait_left(idea_id.as_deref());
            if wait.get_untracked() != left {
                wait.set(left);
            }
            let now = sending_now(idea_id.as_deref());
            if sending.get_untracked() != now {
                sending.set(now);
            }
            let posted = idea_id
                .as_deref()
                .and_then(|id| POSTED.with(|p| p.borrow_mut().remove(id)));
            if posted.is_some_and(|p| body.with_untracked(|b| *b == p)) {
                body.set(String::new());
            }
        },
        std::time::Duration::from_millis(250),
    ) {
        on_cleanup(move || handle.clear());
    }
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(idea) = idea.get_untracked() else {
            return;
        };
        let text = body.get_untracked();
        let sent = text.clone();
        let idea_for_draft = idea.clone();
        let id = idea.id.to_string();
        SENDING.with(|s| s.borrow_mut().insert(id.clone()));
        sending.set(true);
        ops.run(
            move |c| async move { c.post_comment(&idea, &text).await },
            move |result| {
                let t = i18n.t_untracked();
                SENDING.with(|s| s.borrow_mut().remove(&id));
                sending.set(false);
                match result {
                    Ok(comment) => {
                        // Keep what the member typed meanwhile (a slow server); the form
                        // may have been rebuilt since, so the draft is cleared too, and
                        // the form shown now lets go of the posted text.
                        if draft_of(Some(&idea_for_draft)) == sent {
                            keep_draft(Some(&idea_for_draft), "");
                        }
                        if body.try_get_untracked().is_some_and(|b| b == sent) {
                            body.set(String::new());
                        } else {
                            POSTED.with(|p| p.borrow_mut().insert(id.clone(), sent.clone()));
                        }
                        errors.set(Vec::new());
                        notices.success(if comment.visibility.is_published() {
                            t.app().comment_posted
                        } else {
                            t.app().comment_held
                        });
                    }
                    Err(OpError::Rule(DomainError::Invalid(e))) => errors.set(e),
                    Err(OpError::Rule(DomainError::SlowMode { wait_s })) => {
                        keep_wait(&idea_for_draft, wait_s);
                        wait.set(wait_s);
                    }
                    Err(OpError::Rule(e)) => notices.error(t.domain_error(&e)),
                    Err(OpError::Store(_)) => {}
                }
            },
        );
    };
    view! {
        <form class="g-form g-comment-form" on:submit=submit novalidate>
            <div class="g-field">
                <label class="g-field__label" for="g-comment-body">{move || i18n.t().app().comment_label}</label>
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
                        (w > 0).then(|| fill(i18n.t().app().slow_mode_wait, &[("time", &wait_text(i18n.locale(), w))]))
                    }}
                </p>
            </div>
            <div class="g-form__actions">
                <button type="submit" class="g-button g-button--primary" disabled=move || { ops.busy() || sending.get() || wait.get() > 0 }>
                    {move || i18n.t().app().post_comment}
                </button>
            </div>
        </form>
    }
}
