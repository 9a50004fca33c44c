//! The one-idea card for a product page: "42 votes · Planned" with a vote button, the
//! title linking to the idea in the full app.

use crate::domain::board::{Board, Lane};
use crate::domain::idea::Idea;
use crate::store::StoreExt;
use crate::ui::components::{ReadProblem, StatusBadge, VoteButton};
use crate::ui::format;
use crate::ui::hooks::{use_board, use_i18n, use_read, use_viewer};
use crate::ui::routes;
use leptos::prelude::*;

/// The idea card embed.
#[component]
pub fn IdeaCard(
    /// The idea's id.
    id: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let viewer = use_viewer();
    let lookup = {
        let id = id.clone();
        use_read(move |store| {
            let id = id.clone();
            async move {
                let Some(idea) = store.get_as::<Idea>(&id).await? else {
                    return Ok(None);
                };
                let board = store.get_as::<Board>(idea.board_id.as_str()).await?;
                Ok(board.map(|b| b.slug))
            }
        })
    };
    let slug = Memo::new(move |_| {
        lookup
            .get()
            .and_then(|r| r.value.flatten())
            .unwrap_or_default()
    });
    let board = use_board(move || slug.get());
    let found = Memo::new(move |_| {
        board.state.with(|s| match s {
            Some(Ok(Some(st))) => st
                .index
                .ideas
                .iter()
                .find(|i| i.id.as_str() == id)
                .cloned()
                .map(|i| (st.board.clone(), i)),
            _ => None,
        })
    });
    view! {
        <div class="g-idea-card">
            {move || match found.get() {
                None if lookup.get().is_some_and(|l| l.error.is_some()) => view! { <ReadProblem error=lookup.get().and_then(|l| l.error)/> }.into_any(),
                None if lookup.get().is_some_and(|l| l.value == Some(None)) => view! { <p>{move || i18n.t().board().idea_not_found}</p> }.into_any(),
                None => view! { <p class="g-loading">{move || i18n.t().loading}</p> }.into_any(),
                Some((b, idea)) => {
                    let status = b.status(&idea.status_id).cloned();
                    let closed = status.as_ref().is_some_and(|s| s.lane == Lane::Closed) || idea.merged_into.is_some();
                    let key = idea.id.clone();
                    let stats = Memo::new(move |_| board.state.with(|s| match s {
                        Some(Ok(Some(s))) => s.index.stats(&key),
                        _ => Default::default(),
                    }));
                    let vk = idea.id.clone();
                    let voted = Signal::derive(move || {
                        let a = viewer.actor();
                        board.state.with(|s| matches!(s, Some(Ok(Some(s))) if s.index.has_voted(&a, &vk)))
                    });
                    let pk = idea.id.clone();
                    let tk = idea.id.clone();
                    view! {
                        <VoteButton
                            count=Signal::derive(move || stats.get().votes())
                            voted=voted
                            closed=closed
                            pending=Signal::derive(move || board.is_pending(&pk))
                            waiting=board.catching_up
                            title=idea.title.clone()
                            on_toggle=Callback::new(move |_| board.toggle_vote.run(tk.clone()))
                        />
                        <div class="g-idea-card__body">
                            <h1 class="g-idea-card__title">
                                <a href=routes::idea(&b.slug, idea.id.as_str()) target="_blank" rel="noopener">{idea.title.clone()}</a>
                            </h1>
                            <p class="g-idea__meta" aria-live="polite">
                                {move || { let t = i18n.t(); let n = u64::from(stats.get().votes()); t.count(t.board().votes, n, &format::count(i18n.locale(), n)) }}
                                " · "
                                {status.map(|s| view! { <StatusBadge status=s/> })}
                            </p>
                        </div>
                    }
                    .into_any()
                }
            }}
        </div>
    }
}
