//! The community home: welcome, and every board with its idea and vote counts.

use crate::domain::board::Board;
use crate::domain::config::View;
use crate::domain::idea::Idea;
use crate::domain::vote::Vote;
use crate::store::{Query, StoreError, StoreExt};
use crate::ui::app::AppInfo;
use crate::ui::format;
use crate::ui::hooks::{use_i18n, use_store};
use crate::ui::i18n::fill;
use crate::ui::routes;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;

#[derive(Clone)]
struct BoardSummary {
    board: Board,
    ideas: u64,
    votes: u64,
}

async fn load(
    store: std::rc::Rc<dyn crate::store::Store>,
) -> Result<Vec<BoardSummary>, StoreError> {
    let boards = store.list_as::<Board>(&Query::all()).await?;
    let mut out = Vec::new();
    for board in boards.items {
        let q = Query::all().eq("board_id", board.id.as_str());
        let ideas = store.list_as::<Idea>(&q).await?;
        let votes = store.list_as::<Vote>(&q).await?;
        let published = ideas
            .items
            .iter()
            .filter(|i| i.visibility.is_published() && i.merged_into.is_none())
            .count();
        out.push(BoardSummary {
            board,
            ideas: published as u64,
            votes: votes.items.len() as u64,
        });
    }
    Ok(out)
}

/// The target path of a configured start view, if it has a page.
fn start_path(view: &View) -> Option<String> {
    match view {
        View::Board(slug) => Some(routes::board(slug, "")),
        View::Roadmap => Some(routes::base() + "/roadmap"),
        _ => None,
    }
}

/// Home.
#[component]
pub fn HomePage() -> impl IntoView {
    let i18n = use_i18n();
    let store_ctx = use_store();
    let info = expect_context::<AppInfo>();
    // The configured start view opens once, on the first visit of the home page.
    if !info.start_applied.get_untracked() {
        info.start_applied.set(true);
        if let Some(path) = start_path(&info.start_view) {
            let navigate = use_navigate();
            navigate(
                &path,
                NavigateOptions {
                    replace: true,
                    resolve: false,
                    ..Default::default()
                },
            );
        }
    }
    let summaries = LocalResource::new(move || {
        store_ctx.version();
        let store = store_ctx.store();
        async move { load(store).await }
    });
    let community = info.community_name.clone();
    view! {
        <section class="g-page">
            <div class="g-hero">
                <h1>{move || fill(i18n.t().app().home_title, &[("community", &community)])}</h1>
                <p class="g-hero__intro">{move || i18n.t().app().home_intro}</p>
            </div>
            <h2>{move || i18n.t().app().boards_heading}</h2>
            <Transition fallback=move || view! { <p class="g-loading">{move || i18n.t().loading}</p> }>
                {move || {
                    summaries
                        .get()
                        .map(|result| match result {
                            Err(e) => view! { <crate::ui::components::ReadProblem error=Some(e)/> }.into_any(),
                            Ok(list) if list.is_empty() => view! { <p>{move || i18n.t().app().no_boards}</p> }.into_any(),
                            Ok(list) => {
                                view! {
                                    <ul class="g-cards" role="list">
                                        {list
                                            .into_iter()
                                            .map(|s| {
                                                let href = routes::board(&s.board.slug, "");
                                                let (ideas, votes) = (s.ideas, s.votes);
                                                view! {
                                                    <li class="g-card">
                                                        <h3 class="g-card__title">
                                                            <a href=href>{s.board.name.clone()}</a>
                                                        </h3>
                                                        <p class="g-card__text">{s.board.description.clone()}</p>
                                                        <p class="g-card__meta">
                                                            {move || {
                                                                let t = i18n.t();
                                                                let l = i18n.locale();
                                                                format!(
                                                                    "{} · {}",
                                                                    t.count(t.board().ideas, ideas, &format::count(l, ideas)),
                                                                    t.count(t.board().votes, votes, &format::count(l, votes)),
                                                                )
                                                            }}
                                                        </p>
                                                    </li>
                                                }
                                            })
                                            .collect_view()}
                                    </ul>
                                }
                                    .into_any()
                            }
                        })
                }}
            </Transition>
        </section>
    }
}
