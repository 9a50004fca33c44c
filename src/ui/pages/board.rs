//! A board: sort, filter and search its ideas (all kept in the URL, so views are
//! shareable and the back button works), and vote.

use crate::domain::board::Board;
use crate::domain::export;
use crate::domain::ids::{CategoryId, StatusId};
use crate::domain::member::{Actor, Member};
use crate::domain::permissions::{can, Action};
use crate::domain::ranking::{IdeaFilter, Sort};
use crate::ui::components::{status_badge_name, IdeaForm};
use crate::ui::format;
use crate::ui::hooks::{use_board, use_i18n, use_viewer, BoardQuery, BoardState, UseBoard};
use crate::ui::i18n::fill;
use crate::ui::i18n::Messages;
use crate::ui::pages::IdeaRow;
use crate::ui::routes;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// Ideas shown before "Show more".
const PAGE: usize = 50;

/// The board page.
#[component]
pub fn BoardPage() -> impl IntoView {
    let params = use_params_map();
    let slug = move || params.with(|p| p.get("slug").unwrap_or_default());
    let board = use_board(slug);
    let slug = Signal::derive(slug);
    view! { <BoardView board=board query=BoardQuery::from_url(slug)/> }
}

/// The board list with its controls; also used by the board embed.
#[component]
pub fn BoardView(
    /// Board state.
    board: UseBoard,
    /// Where sort, filters and search are kept.
    query: BoardQuery,
    /// Embedded: compact, links open in a new tab.
    #[prop(optional)]
    embedded: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let viewer = use_viewer();
    let shown = RwSignal::new(PAGE);

    let filter = Memo::new(move |_| {
        let mine = query.get("mine").unwrap_or_default();
        IdeaFilter {
            status: query.get("status").filter(|s| !s.is_empty()).map(StatusId),
            category: query
                .get("category")
                .filter(|s| !s.is_empty())
                .map(CategoryId),
            my_votes: mine == "votes",
            my_ideas: mine == "ideas",
            query: query.get("q").unwrap_or_default(),
        }
    });
    let sort = Memo::new(move |_| Sort::parse(&query.get("sort").unwrap_or_default()));
    let set_param = move |key: &'static str, value: String, replace: bool| {
        shown.set(PAGE);
        query.set(key, value, replace);
    };

    let selection = Memo::new(move |_| {
        let v = viewer.get();
        let f = filter.get();
        let s = sort.get();
        board.state.with(|st| match st {
            Some(Ok(Some(st))) => st
                .index
                .select(&f, s, &v)
                .into_iter()
                .map(|i| (st.index.ideas[i].id.clone(), st.index.ideas[i].version))
                .collect(),
            _ => Vec::new(),
        })
    });

    let controls = move |b: &Board| {
        let statuses = b.statuses.clone();
        let categories = b.categories.clone();
        view! {
            <div class="g-controls" role="search">
                <label class="g-field g-field--grow">
                    <span class="g-field__label">{move || i18n.t().search}</span>
                    <input
                        class="g-input"
                        type="search"
                        placeholder=move || i18n.t().search_placeholder
                        prop:value=move || filter.get().query
                        on:input=move |ev| set_param("q", event_target_value(&ev), true)
                    />
                </label>
                <label class="g-field">
                    <span class="g-field__label">{move || i18n.t().sort_by}</span>
                    <select
                        class="g-select"
                        prop:value=move || sort.get().as_str()
                        on:change=move |ev| set_param("sort", event_target_value(&ev), false)
                    >
                        {Sort::ALL
                            .into_iter()
                            .map(|s| {
                                let label = move || {
                                    let t = i18n.t();
                                    match s {
                                        Sort::Trending => t.sort_trending,
                                        Sort::Top => t.sort_top,
                                        Sort::New => t.sort_new,
                                        Sort::Discussed => t.sort_discussed,
                                    }
                                };
                                view! { <option value=s.as_str() selected=move || sort.get() == s>{label}</option> }
                            })
                            .collect_view()}
                    </select>
                </label>
                <label class="g-field">
                    <span class="g-field__label">{move || i18n.t().filter_status}</span>
                    <select
                        class="g-select"
                        prop:value=move || filter.get().status.map(|s| s.0).unwrap_or_default()
                        on:change=move |ev| set_param("status", event_target_value(&ev), false)
                    >
                        <option value="">{move || i18n.t().all}</option>
                        {statuses
                            .into_iter()
                            .map(|s| {
                                let id = s.id.0.clone();
                                let sel = id.clone();
                                view! {
                                    <option value=id selected=move || filter.get().status.map(|x| x.0) == Some(sel.clone())>
                                        {move || status_badge_name(&s, i18n.t())}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                </label>
                {(!categories.is_empty())
                    .then(|| {
                        view! {
                            <label class="g-field">
                                <span class="g-field__label">{move || i18n.t().filter_category}</span>
                                <select
                                    class="g-select"
                                    prop:value=move || filter.get().category.map(|c| c.0).unwrap_or_default()
                                    on:change=move |ev| set_param("category", event_target_value(&ev), false)
                                >
                                    <option value="">{move || i18n.t().all}</option>
                                    {categories
                                        .into_iter()
                                        .map(|c| {
                                            let id = c.id.0.clone();
                                            let sel = id.clone();
                                            view! {
                                                <option value=id selected=move || filter.get().category.map(|x| x.0) == Some(sel.clone())>
                                                    {c.name.clone()}
                                                </option>
                                            }
                                        })
                                        .collect_view()}
                                </select>
                            </label>
                        }
                    })}
                <fieldset class="g-field g-segmented">
                    <legend class="g-visually-hidden">{move || i18n.t().show_whose}</legend>
                    {[("", 0u8), ("votes", 1), ("ideas", 2)]
                        .into_iter()
                        .map(|(value, n)| {
                            let checked = move || {
                                let f = filter.get();
                                match n {
                                    1 => f.my_votes,
                                    2 => f.my_ideas,
                                    _ => !f.my_votes && !f.my_ideas,
                                }
                            };
                            view! {
                                <label class="g-segmented__option">
                                    <input
                                        type="radio"
                                        name="g-mine"
                                        value=value
                                        prop:checked=checked
                                        on:change=move |_| set_param("mine", value.to_owned(), false)
                                    />
                                    <span>
                                        {move || {
                                            let t = i18n.t();
                                            match n {
                                                1 => t.my_votes,
                                                2 => t.my_ideas,
                                                _ => t.all,
                                            }
                                        }}
                                    </span>
                                </label>
                            }
                        })
                        .collect_view()}
                </fieldset>
            </div>
        }
    };

    // The board itself changes rarely (votes do not change it): render its header and
    // controls from this memo so voting never rebuilds them.
    let head = Memo::new(move |_| {
        board.state.with(|s| {
            s.as_ref().map(|r| {
                r.as_ref()
                    .map(|o| o.as_ref().map(|st| (st.board.clone(), st.unreadable)))
                    .map_err(Clone::clone)
            })
        })
    });
    let form_open = RwSignal::new(false);
    let may_export = move || can(viewer.role(), Action::Export);
    let may_configure = move || can(viewer.role(), Action::ConfigureBoards);
    let export = move |votes: bool| {
        let t = i18n.t_untracked();
        board.state.with_untracked(|s| {
            if let Some(Ok(Some(st))) = s {
                let names = viewer.members_untracked();
                let (name, csv) = if votes {
                    ("votes", votes_csv(st, &names, t))
                } else {
                    ("ideas", ideas_csv(st, &names, t))
                };
                crate::ui::download::download(
                    &format!("{}-{name}.csv", st.board.slug),
                    "text/csv;charset=utf-8",
                    &csv,
                );
            }
        });
    };

    view! {
        <section class="g-page g-board" class:g-board--embedded=embedded>
            {move || match head.get() {
                None => view! { <p class="g-loading">{move || i18n.t().loading}</p> }.into_any(),
                Some(Err(e)) => view! { <p class="g-error" role="alert">{i18n.t().store_error(&e)}</p> }.into_any(),
                Some(Ok(None)) => view! {
                    <div class="g-page--narrow">
                        <h1>{move || i18n.t().not_found_title}</h1>
                        <p>{move || i18n.t().board_not_found}</p>
                        <p><a href=routes::home()>{move || i18n.t().back_home}</a></p>
                    </div>
                }
                .into_any(),
                Some(Ok(Some((b, unreadable)))) => {
                    let budget = b.settings.vote_budget;
                    let slug = b.slug.clone();
                    view! {
                        <header class="g-board__header">
                            <h1 class="g-board__title">{b.name.clone()}</h1>
                            <p class="g-board__description">{b.description.clone()}</p>
                            {budget
                                .map(|budget| {
                                    view! {
                                        <p class="g-budget" aria-live="polite">
                                            {move || {
                                                let used = board.state.with(|s| match s {
                                                    Some(Ok(Some(s))) => s.index.open_votes_of(&viewer.actor()),
                                                    _ => 0,
                                                });
                                                fill(
                                                    i18n.t().votes_left,
                                                    &[("left", &budget.saturating_sub(used).to_string()), ("budget", &budget.to_string())],
                                                )
                                            }}
                                        </p>
                                    }
                                })}
                            {(unreadable > 0)
                                .then(|| {
                                    view! {
                                        <p class="g-warning">
                                            {move || fill(i18n.t().unreadable_records, &[("n", &unreadable.to_string())])}
                                        </p>
                                    }
                                })}
                            <div class="g-toolbar">
                                <button
                                    type="button"
                                    class="g-button g-button--primary"
                                    aria-expanded=move || if form_open.get() { "true" } else { "false" }
                                    on:click=move |_| form_open.update(|o| *o = !*o)
                                >
                                    {move || i18n.t().post_idea}
                                </button>
                                {(!embedded).then(|| {
                                    let roadmap = routes::roadmap(&slug);
                                    let settings = routes::board_settings(&slug);
                                    view! {
                                        <a class="g-button" href=roadmap>{move || i18n.t().nav_roadmap}</a>
                                        <Show when=may_export>
                                            <button type="button" class="g-button" on:click=move |_| export(false)>{move || i18n.t().export_ideas}</button>
                                            <button type="button" class="g-button" on:click=move |_| export(true)>{move || i18n.t().export_votes}</button>
                                        </Show>
                                        <Show when=may_configure>
                                            <a class="g-button" href=settings.clone()>{move || i18n.t().board_settings}</a>
                                        </Show>
                                    }
                                })}
                            </div>
                        </header>
                        <Show when=move || form_open.get()>
                            <IdeaForm board=board on_done=Callback::new(move |_| form_open.set(false))/>
                        </Show>
                        {controls(&b)}
                    }
                        .into_any()
                }
            }}
            <p class="g-board__summary" aria-live="polite">
                {move || {
                    let total = selection.with(Vec::len);
                    let l = i18n.locale();
                    fill(
                        i18n.t().showing_ideas,
                        &[("shown", &format::count(l, total.min(shown.get()) as u64)), ("total", &format::count(l, total as u64))],
                    )
                }}
            </p>
            <ul class="g-ideas" role="list">
                <For
                    each=move || selection.get().into_iter().take(shown.get())
                    key=|entry| entry.clone()
                    children=move |(id, _)| {
                        view! { <IdeaRow board=board id=id new_tab=embedded explain=Signal::derive(move || sort.get() == Sort::Trending)/> }
                    }
                />
            </ul>
            <Show when=move || selection.with(|s| s.is_empty()) && matches!(head.get(), Some(Ok(Some(_))))>
                <p class="g-empty">{move || i18n.t().no_matching_ideas}</p>
            </Show>
            <Show when=move || { selection.with(Vec::len) > shown.get() }>
                <button type="button" class="g-button" on:click=move |_| shown.update(|n| *n += PAGE)>
                    {move || i18n.t().show_more}
                </button>
            </Show>
        </section>
    }
}

/// Display name of an actor for exports and lists.
fn actor_name(actor: &Actor, members: &[Member], t: &Messages) -> (String, String) {
    match actor {
        Actor::Member(id) => (
            id.to_string(),
            members
                .iter()
                .find(|m| &m.id == id)
                .map(|m| m.name.clone())
                .unwrap_or_default(),
        ),
        Actor::Device(id) => (format!("device:{id}"), t.anonymous_visitor.to_owned()),
    }
}

/// The board's ideas as CSV (every idea, including held and merged ones).
fn ideas_csv(st: &BoardState, members: &[Member], t: &Messages) -> String {
    let rows: Vec<Vec<(String, bool)>> = st
        .index
        .ideas
        .iter()
        .map(|i| {
            let s = st.index.stats(&i.id);
            let status = st
                .board
                .status(&i.status_id)
                .map(|s| status_badge_name(s, t))
                .unwrap_or_else(|| i.status_id.to_string());
            let category = i
                .category_id
                .as_ref()
                .and_then(|c| st.board.category(c))
                .map(|c| c.name.clone())
                .unwrap_or_default();
            vec![
                (i.id.to_string(), false),
                (i.title.clone(), false),
                (status, false),
                (category, false),
                (s.votes().to_string(), true),
                (s.comments.to_string(), true),
                (actor_name(&i.author, members, t).1, false),
                (i.created_at.to_rfc3339(), false),
            ]
        })
        .collect();
    export::write(
        &export::IDEAS_HEADER,
        rows.iter().map(|r| r.iter().map(cell).collect()),
    )
}

/// Every vote on the board as CSV.
fn votes_csv(st: &BoardState, members: &[Member], t: &Messages) -> String {
    let rows: Vec<Vec<(String, bool)>> = st
        .index
        .votes()
        .map(|(idea, actor, at)| {
            let title = st
                .index
                .ideas
                .iter()
                .find(|i| &i.id == idea)
                .map(|i| i.title.clone())
                .unwrap_or_default();
            let (id, name) = actor_name(actor, members, t);
            vec![
                (idea.to_string(), false),
                (title, false),
                (id, false),
                (name, false),
                (
                    (if actor.is_anonymous() { "yes" } else { "no" }).to_owned(),
                    false,
                ),
                (at.to_rfc3339(), false),
            ]
        })
        .collect();
    export::write(
        &export::VOTES_HEADER,
        rows.iter().map(|r| r.iter().map(cell).collect()),
    )
}

fn cell((text, number): &(String, bool)) -> export::Cell<'_> {
    match (number, text.parse::<u64>()) {
        (true, Ok(n)) => export::Cell::Number(n),
        _ => export::Cell::Text(text),
    }
}
