//! The public roadmap: a board's ideas in lanes by status (Planned, In progress, Done by
//! default). Staff move ideas between lanes with buttons (keyboard-operable); members see
//! it read-only.

use crate::domain::board::Board;
use crate::domain::board::Status;
use crate::domain::idea::Idea;
use crate::domain::permissions::{can, Action};
use crate::domain::ranking::{IdeaFilter, Sort};
use crate::store::community::OpError;
use crate::store::{Query, StoreExt};
use crate::ui::components::{status_badge_name, ReadProblem, StatusBadge};
use crate::ui::format;
use crate::ui::hooks::{use_board, use_i18n, use_notices, use_ops, use_read, use_viewer};
use crate::ui::i18n::fill;
use crate::ui::routes;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

/// The roadmap page (`/roadmap?board=<slug>`).
#[component]
pub fn RoadmapPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let read =
        use_read(|store| async move { Ok(store.list_as::<Board>(&Query::all()).await?.items) });
    let boards = move || read.get().and_then(|r| r.value);
    let slug = Memo::new(move |_| {
        query
            .with(|q| q.get("board"))
            .filter(|s| !s.is_empty())
            .unwrap_or_else(|| {
                boards()
                    .and_then(|b| b.first().map(|b| b.slug.clone()))
                    .unwrap_or_default()
            })
    });
    let navigate = use_navigate();
    view! {
        <section class="g-page g-roadmap">
            <h1>{move || i18n.t().app().roadmap_title}</h1>
            <p class="g-hero__intro">{move || i18n.t().app().roadmap_intro}</p>
            {move || read.get().map(|r| view! { <ReadProblem error=r.error shown_before=r.value.is_some()/> })}
            <Show when=move || boards().is_some_and(|b| b.len() > 1)>
                <label class="g-field g-field--inline">
                    <span class="g-field__label">{move || i18n.t().app().board_label}</span>
                    <select class="g-select" prop:value=move || slug.get() on:change={
                        let navigate = navigate.clone();
                        move |ev| {
                            let s = event_target_value(&ev);
                            navigate(&routes::roadmap(&s), NavigateOptions { resolve: false, ..Default::default() });
                        }
                    }>
                        {move || boards().unwrap_or_default().into_iter().map(|b| {
                            let s = b.slug.clone();
                            view! { <option value=b.slug.clone() selected=move || slug.get() == s>{b.name.clone()}</option> }
                        }).collect_view()}
                    </select>
                </label>
            </Show>
            {move || {
                let s = slug.get();
                (!s.is_empty()).then(|| view! { <RoadmapBoard slug=s/> })
            }}
        </section>
    }
}

/// The roadmap of one board.
#[component]
fn RoadmapBoard(slug: String) -> impl IntoView {
    let i18n = use_i18n();
    let board = use_board(move || slug.clone());
    // Lanes are rebuilt only when the board's statuses change, not on every vote.
    let lanes = Memo::new(move |_| {
        board.state.with(|s| {
            s.as_ref().map(|r| {
                r.as_ref()
                    .map(|o| {
                        o.as_ref().map(|st| {
                            st.board
                                .statuses
                                .iter()
                                .filter(|s| s.roadmap)
                                .cloned()
                                .collect::<Vec<Status>>()
                        })
                    })
                    .map_err(Clone::clone)
            })
        })
    });
    move || match lanes.get() {
        Some(Ok(Some(lanes))) => view! { <Lanes board=board lanes=lanes/> }.into_any(),
        Some(Ok(None)) => view! { <p>{move || i18n.t().board().board_not_found}</p> }.into_any(),
        Some(Err(e)) => view! { <ReadProblem error=Some(e)/> }.into_any(),
        None => view! { <p class="g-loading">{move || i18n.t().loading}</p> }.into_any(),
    }
}

/// The lanes of one board.
#[component]
fn Lanes(board: crate::ui::hooks::UseBoard, lanes: Vec<Status>) -> impl IntoView {
    let i18n = use_i18n();
    let viewer = use_viewer();
    let n = lanes.len();
    let all_lanes = StoredValue::new(lanes.clone());
    view! {
        <div class="g-lanes">
            {lanes.into_iter().enumerate().map(|(pos, lane)| {
                let lane_id = lane.id.clone();
                let cards = Memo::new(move |_| {
                    let v = viewer.get();
                    board.state.with(|s| match s {
                        Some(Ok(Some(st))) => {
                            let f = IdeaFilter { status: Some(lane_id.clone()), ..Default::default() };
                            st.index.select(&f, Sort::Top, &v).into_iter().map(|i| {
                                let idea = &st.index.ideas[i];
                                (idea.clone(), st.index.stats(&idea.id).votes(), st.board.slug.clone())
                            }).collect::<Vec<_>>()
                        }
                        _ => Vec::new(),
                    })
                });
                let heading = format!("g-lane-{pos}");
                let labelled = heading.clone();
                view! {
                    <section class="g-lane" aria-labelledby=labelled>
                        <h2 id=heading class="g-lane__title"><StatusBadge status=lane.clone()/> " " <span class="g-lane__count">{move || cards.with(Vec::len)}</span></h2>
                        <ul class="g-lane__cards" role="list">
                            <For each=move || cards.get() key=|(i, votes, _)| (i.id.clone(), i.version, *votes) children=move |(idea, votes, slug)| {
                                view! { <Card idea=idea votes=votes slug=slug pos=pos lanes=all_lanes n=n/> }
                            }/>
                        </ul>
                        <Show when=move || cards.with(Vec::is_empty)>
                            <p class="g-empty">{move || i18n.t().app().lane_empty}</p>
                        </Show>
                    </section>
                }
            }).collect_view()}
        </div>
    }
}

/// One card, with move buttons for staff.
#[component]
fn Card(
    idea: Idea,
    votes: u32,
    slug: String,
    pos: usize,
    lanes: StoredValue<Vec<Status>>,
    n: usize,
) -> impl IntoView {
    let i18n = use_i18n();
    let viewer = use_viewer();
    let notices = use_notices();
    let ops = use_ops();
    let href = routes::idea(&slug, idea.id.as_str());
    let title = idea.title.clone();
    let idea = StoredValue::new(idea);
    let mover = move |to: usize| {
        let Some(status) = lanes.with_value(|l| l.get(to).cloned()) else {
            return ().into_any();
        };
        let label = {
            let title = title.clone();
            let status = status.clone();
            move || {
                fill(
                    i18n.t().app().move_to,
                    &[
                        ("title", &title),
                        ("status", &status_badge_name(&status, i18n.t())),
                    ],
                )
            }
        };
        let arrow = if to < pos { "←" } else { "→" };
        view! {
            <button type="button" class="g-button g-button--small" aria-label=label.clone() title=label disabled=move || ops.busy() on:click=move |_| {
                let current = idea.get_value();
                let to_id = status.id.clone();
                let name = status_badge_name(&status, i18n.t_untracked());
                ops.run(move |c| async move { c.change_status(&current, &to_id).await }, move |r| match r {
                    Ok(_) => notices.success(fill(i18n.t_untracked().app().status_changed, &[("status", &name)])),
                    Err(OpError::Rule(e)) => notices.error(i18n.t_untracked().domain_error(&e)),
                    Err(OpError::Store(_)) => {}
                });
            }>
                <span aria-hidden="true">{arrow}</span>
            </button>
        }
        .into_any()
    };
    view! {
        <li class="g-card g-card--roadmap">
            <a href=href class="g-card__title">{idea.with_value(|i| i.title.clone())}</a>
            <p class="g-card__meta">{move || { let t = i18n.t(); t.count(t.board().votes, u64::from(votes), &format::count(i18n.locale(), u64::from(votes))) }}</p>
            {move || can(viewer.role(), Action::ChangeStatus).then(|| view! {
                <div class="g-card__moves">{(pos > 0).then(|| mover(pos - 1))}{(pos + 1 < n).then(|| mover(pos + 1))}</div>
            })}
        </li>
    }
}
