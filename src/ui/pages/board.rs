//! A board: sort, filter and search its ideas (all kept in the URL, so views are
//! shareable and the back button works), and vote.

use crate::domain::board::Board;
use crate::domain::ids::{CategoryId, IdeaId, StatusId};
use crate::domain::ranking::{keep_order, IdeaFilter, Sort};
use crate::domain::text::fold;
use crate::ui::components::{status_badge_name, ReadProblem};
use crate::ui::format;
use crate::ui::hooks::{use_board, use_i18n, use_viewer, BoardQuery, UseBoard};
use crate::ui::i18n::fill;
use crate::ui::pages::IdeaRow;
use crate::ui::routes;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use std::collections::HashSet;
use wasm_bindgen::JsCast;

/// Ideas shown before "Show more".
const PAGE: usize = 20;

/// The board page.
#[component]
pub fn BoardPage() -> impl IntoView {
    let params = use_params_map();
    let slug = move || params.with(|p| p.get("slug").unwrap_or_default());
    let board = use_board(slug);
    let slug = Signal::derive(slug);
    view! { <BoardView board=board query=BoardQuery::from_url(slug) tools=crate::ui::pages::board_tools::app_tools/> }
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
    /// The board's tools under its description (posting, exports, settings), given by
    /// the page so that the embed build does not carry what it does not show.
    #[prop(optional)]
    tools: Option<fn(UseBoard, String) -> AnyView>,
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

    // The order is computed when the board loads or the filter, sort or viewer change, not
    // on every vote (rows must not jump under the pointer; see UseBoard::loaded).
    let without_query = Memo::new(move |_| IdeaFilter {
        query: String::new(),
        ..filter.get()
    });
    // Which computation of `base` the last search refined (see `selection`).
    let base_runs = StoredValue::new(0u64);
    let base = Memo::new(move |_| {
        let v = viewer.get();
        let f = without_query.get();
        let s = sort.get();
        board.loaded.track();
        base_runs.update_value(|n| *n += 1);
        board.state.with_untracked(|st| match st {
            Some(Ok(Some(st))) => st.index.select(&f, s, &v),
            _ => Vec::new(),
        })
    });
    // Typing refines the sorted base list: no sorting per keystroke. A query that extends
    // the previous one (the next letter typed) can only match fewer ideas, so it filters
    // the previous result instead of the whole board.
    let last_search = StoredValue::new((0u64, String::new(), Vec::<usize>::new()));
    let selection = Memo::new(move |_| {
        let q = filter.with(|f| f.query.clone());
        let folded = fold(q.trim());
        base.with(|b| {
            board.state.with_untracked(|st| {
                let Some(Ok(Some(st))) = st else {
                    return Vec::new();
                };
                let run = base_runs.get_value();
                let result = last_search.with_value(|(last_run, last_q, last)| {
                    if *last_run == run && !last_q.is_empty() && folded.starts_with(last_q.as_str())
                    {
                        st.index.matching(last, &q)
                    } else {
                        st.index.matching(b, &q)
                    }
                });
                last_search.set_value((run, folded, result.clone()));
                result
            })
        })
    });
    // While the member points at the list or works in it (focus inside), a refresh does
    // not reorder the rows under them: the fresh order is applied when they leave.
    let pointer_in = RwSignal::new(false);
    let focus_in = RwSignal::new(false);
    let last_shown = StoredValue::new((IdeaFilter::default(), Sort::default(), Vec::new()));
    let visible = Memo::new(move |_| {
        let n = shown.get();
        board.loaded.track();
        let held = pointer_in.get() || focus_in.get();
        let (f, s) = (filter.get_untracked(), sort.get_untracked());
        let keep =
            held && last_shown.with_value(|(last_f, last_s, _)| *last_f == f && *last_s == s);
        // The page, and for a held list the rows shown before that now rank past it (they
        // stay): the scan stops once all of those are found.
        let fresh: Vec<(IdeaId, u64)> = selection.with(|sel| {
            board.state.with_untracked(|st| {
                let Some(Ok(Some(st))) = st else {
                    return Vec::new();
                };
                last_shown.with_value(|(_, _, last)| {
                    let mut wanted: HashSet<&IdeaId> = if keep {
                        last.iter().collect()
                    } else {
                        HashSet::new()
                    };
                    let mut out = Vec::with_capacity(n.max(wanted.len()));
                    for (k, &i) in sel.iter().enumerate() {
                        if k >= n && wanted.is_empty() {
                            break;
                        }
                        let idea = &st.index.ideas[i];
                        if wanted.remove(&idea.id) || k < n {
                            out.push((idea.id.clone(), idea.version));
                        }
                    }
                    out
                })
            })
        });
        let out = if keep {
            last_shown.with_value(|(_, _, last)| keep_order(last, fresh, n))
        } else {
            fresh
        };
        last_shown.set_value((f, s, out.iter().map(|(id, _)| id.clone()).collect()));
        out
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
                        placeholder=move || i18n.t().board().search_placeholder
                        prop:value=move || filter.get().query
                        on:input=move |ev| set_param("q", event_target_value(&ev), true)
                    />
                </label>
                <label class="g-field">
                    <span class="g-field__label">{move || i18n.t().board().sort_by}</span>
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
                                        Sort::Trending => t.board().sort_trending,
                                        Sort::Top => t.board().sort_top,
                                        Sort::New => t.board().sort_new,
                                        Sort::Discussed => t.board().sort_discussed,
                                    }
                                };
                                view! { <option value=s.as_str() selected=move || sort.get() == s>{label}</option> }
                            })
                            .collect_view()}
                    </select>
                </label>
                <label class="g-field">
                    <span class="g-field__label">{move || i18n.t().board().filter_status}</span>
                    <select
                        class="g-select"
                        prop:value=move || filter.get().status.map(|s| s.0).unwrap_or_default()
                        on:change=move |ev| set_param("status", event_target_value(&ev), false)
                    >
                        <option value="">{move || i18n.t().board().all}</option>
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
                                <span class="g-field__label">{move || i18n.t().board().filter_category}</span>
                                <select
                                    class="g-select"
                                    prop:value=move || filter.get().category.map(|c| c.0).unwrap_or_default()
                                    on:change=move |ev| set_param("category", event_target_value(&ev), false)
                                >
                                    <option value="">{move || i18n.t().board().all}</option>
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
                    <legend class="g-visually-hidden">{move || i18n.t().board().show_whose}</legend>
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
                                                1 => t.board().my_votes,
                                                2 => t.board().my_ideas,
                                                _ => t.board().all,
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
    view! {
        <section class="g-page g-board" class:g-board--embedded=embedded>
            {move || match head.get() {
                None => view! { <p class="g-loading">{move || i18n.t().loading}</p> }.into_any(),
                Some(Err(e)) => view! { <ReadProblem error=Some(e)/> }.into_any(),
                Some(Ok(None)) => view! {
                    <div class="g-page--narrow">
                        <h1>{move || i18n.t().not_found_title}</h1>
                        <p>{move || i18n.t().board().board_not_found}</p>
                        <p><a href=routes::home()>{move || i18n.t().board().back_home}</a></p>
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
                                                    i18n.t().board().votes_left,
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
                                            {move || fill(i18n.t().board().unreadable_records, &[("n", &unreadable.to_string())])}
                                        </p>
                                    }
                                })}
                            {tools.map(|f| f(board, slug.clone()))}
                        </header>
                        {controls(&b)}
                    }
                        .into_any()
                }
            }}
            {move || board.stale.get().map(|e| view! { <ReadProblem error=Some(e) shown_before=true/> })}
            <p class="g-board__summary" aria-live="polite">
                {move || {
                    let total = selection.with(Vec::len);
                    let l = i18n.locale();
                    fill(
                        i18n.t().board().showing_ideas,
                        &[("shown", &format::count(l, visible.with(Vec::len) as u64)), ("total", &format::count(l, total as u64))],
                    )
                }}
            </p>
            <ul
                class="g-ideas"
                role="list"
                on:pointerenter=move |_| pointer_in.set(true)
                on:pointerleave=move |_| pointer_in.set(false)
                on:focusin=move |_| focus_in.set(true)
                on:focusout=move |ev: leptos::ev::FocusEvent| {
                    // Focus moving to another row stays inside the list.
                    let inside = ev
                        .related_target()
                        .and_then(|t| t.dyn_into::<web_sys::Node>().ok())
                        .zip(ev.current_target().and_then(|t| t.dyn_into::<web_sys::Node>().ok()))
                        .is_some_and(|(to, list)| list.contains(Some(&to)));
                    if !inside {
                        focus_in.set(false);
                    }
                }
            >
                // One row per slot, kept while the list changes: rows update in place.
                <For
                    each=move || 0..visible.with(Vec::len)
                    key=|slot| *slot
                    children=move |slot| {
                        let id = Signal::derive(move || visible.with(|v| v.get(slot).map(|(id, _)| id.clone())));
                        view! { <IdeaRow board=board id=id new_tab=embedded explain=Signal::derive(move || sort.get() == Sort::Trending)/> }
                    }
                />
            </ul>
            <Show when=move || selection.with(|s| s.is_empty()) && matches!(head.get(), Some(Ok(Some(_))))>
                <p class="g-empty">{move || i18n.t().board().no_matching_ideas}</p>
            </Show>
            <Show when=move || { selection.with(Vec::len) > shown.get() }>
                <button type="button" class="g-button" on:click=move |_| shown.update(|n| *n += PAGE)>
                    {move || i18n.t().board().show_more}
                </button>
            </Show>
        </section>
    }
}
