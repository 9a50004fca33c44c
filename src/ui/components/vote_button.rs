//! The vote toggle: a pressed/unpressed button with the count, its accessible name saying
//! what it does, busy while a change is being saved, disabled when voting is closed or
//! while the viewer's own votes load.

use crate::ui::hooks::use_i18n;
use crate::ui::i18n::fill;
use leptos::prelude::*;

/// Vote / unvote button.
#[component]
pub fn VoteButton(
    /// Votes shown.
    #[prop(into)]
    count: Signal<u32>,
    /// Whether the viewer has voted.
    #[prop(into)]
    voted: Signal<bool>,
    /// Whether voting is closed.
    #[prop(into)]
    closed: Signal<bool>,
    /// Whether a change is being saved (or the viewer's votes are still loading).
    #[prop(into)]
    pending: Signal<bool>,
    /// Whether the viewer's votes are still loading (after a sign-in): disabled until then.
    #[prop(optional, into)]
    waiting: Signal<bool>,
    /// The idea's title (for the accessible name).
    #[prop(into)]
    title: Signal<String>,
    /// Called on click.
    on_toggle: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    // The name keeps the visible count in it (WCAG 2.5.3) and stays the same when toggled;
    // `aria-pressed` tells whether the viewer has voted.
    let label = move || {
        let t = i18n.t();
        let n = count.get();
        let votes = t.count(t.board().votes, u64::from(n), &n.to_string());
        title.with(|title| {
            if closed.get() {
                format!("{title} · {votes} · {}", t.board().voting_closed)
            } else {
                fill(t.board().vote_for, &[("title", title), ("votes", &votes)])
            }
        })
    };
    view! {
        <button
            type="button"
            class="g-vote"
            class:g-vote--voted=move || voted.get()
            class:g-vote--closed=move || closed.get()
            aria-pressed=move || if voted.get() { "true" } else { "false" }
            aria-label=label
            aria-busy=move || pending.get().then_some("true")
            disabled=move || closed.get() || waiting.get()
            on:click=move |_| {
                if !pending.get_untracked() {
                    on_toggle.run(());
                }
            }
        >
            <span class="g-vote__arrow" aria-hidden="true">"▲"</span>
            <span class="g-vote__count">{move || count.get()}</span>
        </button>
    }
}
