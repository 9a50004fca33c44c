//! Reporting a post: a disclosure with the reason and an optional note.

use crate::domain::ids::BoardId;
use crate::domain::moderation::{PostRef, ReportReason};
use crate::store::community::OpError;
use crate::ui::hooks::{use_i18n, use_notices, use_ops};
use leptos::prelude::*;

/// A "Report" disclosure for one post.
#[component]
pub fn ReportForm(
    /// The post.
    post: PostRef,
    /// Its board.
    board: BoardId,
    /// Unique suffix for element ids.
    key: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let notices = use_notices();
    let ops = use_ops();
    let open = RwSignal::new(false);
    let reason = RwSignal::new(ReportReason::Spam);
    let note = RwSignal::new(String::new());
    let sent = RwSignal::new(false);
    let post = StoredValue::new(post);
    let board = StoredValue::new(board);
    let send = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (p, b, r, n) = (
            post.get_value(),
            board.get_value(),
            reason.get_untracked(),
            note.get_untracked(),
        );
        ops.run(
            move |c| async move { c.report(p, &b, r, &n).await },
            move |result| {
                let t = i18n.t_untracked();
                match result {
                    Ok(()) => {
                        open.set(false);
                        sent.set(true);
                        notices.success(t.app().report_sent);
                    }
                    Err(OpError::Rule(e)) => notices.error(t.domain_error(&e)),
                    Err(OpError::Store(_)) => {}
                }
            },
        );
    };
    let group = format!("g-report-{key}");
    let note_id = format!("g-report-note-{key}");
    view! {
        <div class="g-report">
            <button
                type="button"
                class="g-link-button"
                aria-expanded=move || if open.get() { "true" } else { "false" }
                disabled=move || sent.get()
                on:click=move |_| open.update(|o| *o = !*o)
            >
                {move || if sent.get() { i18n.t().app().reported } else { i18n.t().app().report }}
            </button>
            <Show when=move || open.get()>
                <form class="g-form g-report__form" on:submit=send>
                    <fieldset class="g-field">
                        <legend class="g-field__label">{move || i18n.t().app().report_reason}</legend>
                        {ReportReason::ALL
                            .into_iter()
                            .map(|r| {
                                let name = group.clone();
                                view! {
                                    <label class="g-choice">
                                        <input type="radio" name=name prop:checked=move || reason.get() == r on:change=move |_| reason.set(r)/>
                                        <span>{move || i18n.t().report_reason_name(r)}</span>
                                    </label>
                                }
                            })
                            .collect_view()}
                    </fieldset>
                    <div class="g-field">
                        <label class="g-field__label" for=note_id.clone()>{move || i18n.t().app().report_note}</label>
                        <input id=note_id.clone() class="g-input" type="text" maxlength="500" prop:value=move || note.get() on:input=move |ev| note.set(event_target_value(&ev))/>
                    </div>
                    <div class="g-form__actions">
                        <button type="submit" class="g-button g-button--primary" disabled=move || ops.busy()>{move || i18n.t().app().send_report}</button>
                        <button type="button" class="g-button" on:click=move |_| open.set(false)>{move || i18n.t().app().cancel}</button>
                    </div>
                </form>
            </Show>
        </div>
    }
}
