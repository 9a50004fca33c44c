//! Board settings (admins): name, address, description, who may post, moderation, vote
//! budget, anonymous votes, slow mode, categories, and statuses (rename, add, reorder,
//! colour, lane, roadmap, shipped). Also creates new boards.

use crate::domain::board::{
    slugify, Board, Category, Label, Lane, Moderation, Posting, SlowMode, Status,
};
use crate::domain::error::{DomainError, FieldError};
use crate::domain::ids::{BoardId, CategoryId, StatusId};
use crate::domain::permissions::{can, Action};
use crate::store::community::OpError;
use crate::store::{Query, StoreExt};
use crate::ui::components::field_error::invalid;
use crate::ui::components::{status_badge_name, FieldErrorText};
use crate::ui::format::now;
use crate::ui::hooks::{use_i18n, use_navigator, use_notices, use_ops, use_store, use_viewer};
use crate::ui::routes;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// `/b/:slug/settings`.
#[component]
pub fn BoardSettingsPage() -> impl IntoView {
    let i18n = use_i18n();
    let store_ctx = use_store();
    let params = use_params_map();
    let slug = Memo::new(move |_| params.with(|p| p.get("slug").unwrap_or_default()));
    let loaded = crate::ui::hooks::use_async(move || {
        let store = store_ctx.store();
        let slug = slug.get();
        async move {
            store
                .list_as::<Board>(&Query::all().eq("slug", slug.as_str()))
                .await
                .map(|l| l.items.into_iter().next())
        }
    });
    view! {
        <section class="g-page g-page--narrow g-settings">
            {move || match loaded.get() {
                None => view! { <p class="g-loading">{move || i18n.t().loading}</p> }.into_any(),
                Some(Err(e)) => view! { <crate::ui::components::ReadProblem error=Some(e)/> }.into_any(),
                Some(Ok(None)) => view! { <p>{move || i18n.t().board().board_not_found}</p> }.into_any(),
                Some(Ok(Some(b))) => view! { <BoardForm board=b is_new=false/> }.into_any(),
            }}
        </section>
    }
}

/// `/boards/new`.
#[component]
pub fn NewBoardPage() -> impl IntoView {
    let board = Board {
        id: BoardId(crate::ui::hooks::new_id()),
        slug: String::new(),
        name: String::new(),
        description: String::new(),
        categories: Vec::new(),
        statuses: Board::default_statuses(),
        settings: Default::default(),
        created_at: now(),
        version: 0,
    };
    view! { <section class="g-page g-page--narrow g-settings"><BoardForm board=board is_new=true/></section> }
}

/// The settings form.
#[component]
fn BoardForm(board: Board, is_new: bool) -> impl IntoView {
    let i18n = use_i18n();
    let viewer = use_viewer();
    let notices = use_notices();
    let ops = use_ops();
    let b = RwSignal::new(board);
    let slug_edited = RwSignal::new(!is_new);
    let navigator = use_navigator();
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let budget_text = RwSignal::new(b.with_untracked(|b| {
        b.settings
            .vote_budget
            .map(|n| n.to_string())
            .unwrap_or_default()
    }));
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut board = b.get_untracked();
        let budget = budget_text.get_untracked();
        board.settings.vote_budget = match budget.trim() {
            "" => None,
            text => match text.parse::<u32>() {
                Ok(n) if (1..=1000).contains(&n) => Some(n),
                _ => {
                    errors.set(vec![FieldError::new(
                        "budget",
                        crate::domain::error::Problem::OutOfRange { min: 1, max: 1000 },
                    )]);
                    return;
                }
            },
        };
        ops.run(
            move |c| async move { c.save_board(&board).await },
            move |r| {
                let t = i18n.t_untracked();
                match r {
                    Ok(saved) => {
                        errors.set(Vec::new());
                        notices.success(t.app().saved);
                        if let Some(nav) = navigator {
                            nav.go(&routes::board(&saved.slug, ""));
                        }
                    }
                    Err(OpError::Rule(DomainError::Invalid(e))) => errors.set(e),
                    Err(OpError::Rule(e)) => notices.error(t.domain_error(&e)),
                    Err(OpError::Store(_)) => {}
                }
            },
        );
    };
    let text_field = move |id: &'static str,
                           field: &'static str,
                           label: fn(&crate::ui::i18n::Messages) -> &'static str,
                           get: fn(&Board) -> String,
                           set: fn(&mut Board, String)| {
        let err_id: &'static str = match field {
            "name" => "g-board-name-error",
            "slug" => "g-board-slug-error",
            _ => "g-board-description-error",
        };
        view! {
            <div class="g-field">
                <label class="g-field__label" for=id>{move || label(i18n.t())}</label>
                <input id=id class="g-input" type="text" aria-describedby=err_id aria-invalid=move || errors.with(|e| invalid(e, field))
                    prop:value=move || b.with(get)
                    on:input=move |ev| {
                        let v = event_target_value(&ev);
                        if field == "slug" { slug_edited.set(true); }
                        b.update(|b| {
                            set(b, v);
                            if field == "name" && !slug_edited.get_untracked() { b.slug = slugify(&b.name); }
                        });
                    }/>
                <FieldErrorText id=err_id field=field errors=errors/>
            </div>
        }
    };
    view! {
        <Show when=move || can(viewer.role(), Action::ConfigureBoards) fallback=move || view! { <p>{move || i18n.t().app().admins_only}</p> }>
            <h1>{move || if is_new { i18n.t().app().new_board.to_owned() } else { format!("{}: {}", i18n.t().app().board_settings, b.with(|b| b.name.clone())) }}</h1>
            <form class="g-form" on:submit=save novalidate>
                {text_field("g-board-name", "name", |t| t.app().board_name, |b| b.name.clone(), |b, v| b.name = v)}
                {text_field("g-board-slug", "slug", |t| t.app().board_slug, |b| b.slug.clone(), |b, v| b.slug = v)}
                {text_field("g-board-description", "description", |t| t.app().board_description, |b| b.description.clone(), |b, v| b.description = v)}
                <fieldset class="g-field">
                    <legend class="g-field__label">{move || i18n.t().app().posting_label}</legend>
                    {[(Posting::Anyone, 0u8), (Posting::Members, 1)].into_iter().map(|(p, n)| view! {
                        <label class="g-choice">
                            <input type="radio" name="g-posting" prop:checked=move || b.with(|b| b.settings.posting == p) on:change=move |_| b.update(|b| b.settings.posting = p)/>
                            <span>{move || if n == 0 { i18n.t().app().posting_anyone } else { i18n.t().app().posting_members }}</span>
                        </label>
                    }).collect_view()}
                </fieldset>
                <fieldset class="g-field">
                    <legend class="g-field__label">{move || i18n.t().app().moderation_label}</legend>
                    {[(Moderation::Publish, 0u8), (Moderation::Approve, 1)].into_iter().map(|(m, n)| view! {
                        <label class="g-choice">
                            <input type="radio" name="g-moderation" prop:checked=move || b.with(|b| b.settings.moderation == m) on:change=move |_| b.update(|b| b.settings.moderation = m)/>
                            <span>{move || if n == 0 { i18n.t().app().moderation_publish } else { i18n.t().app().moderation_approve }}</span>
                        </label>
                    }).collect_view()}
                </fieldset>
                <div class="g-field">
                    <label class="g-field__label" for="g-board-budget">{move || i18n.t().app().budget_label}</label>
                    <input id="g-board-budget" class="g-input" type="number" min="1" max="1000" inputmode="numeric" aria-describedby="g-board-budget-error"
                        aria-invalid=move || errors.with(|e| invalid(e, "budget"))
                        prop:value=move || budget_text.get() on:input=move |ev| budget_text.set(event_target_value(&ev))/>
                    <FieldErrorText id="g-board-budget-error" field="budget" errors=errors/>
                </div>
                <label class="g-choice">
                    <input type="checkbox" prop:checked=move || b.with(|b| b.settings.anonymous_votes) on:change=move |ev| b.update(|b| b.settings.anonymous_votes = event_target_checked(&ev))/>
                    <span>{move || i18n.t().app().anonymous_votes_label}</span>
                </label>
                <fieldset class="g-field">
                    <legend class="g-field__label">{move || i18n.t().app().slow_mode_label}</legend>
                    <label class="g-choice">
                        <input type="checkbox" prop:checked=move || b.with(|b| b.settings.slow_mode.is_some())
                            on:change=move |ev| { let on = event_target_checked(&ev); b.update(|b| b.settings.slow_mode = on.then_some(SlowMode { max_posts: 3, minutes: 10 })) }/>
                        <span>{move || i18n.t().app().slow_mode_on}</span>
                    </label>
                    <Show when=move || b.with(|b| b.settings.slow_mode.is_some())>
                        <div class="g-inline-fields">
                            <label class="g-field"><span class="g-field__label">{move || i18n.t().app().slow_posts}</span>
                                <input class="g-input" type="number" min="1" max="100" prop:value=move || b.with(|b| b.settings.slow_mode.map(|s| s.max_posts).unwrap_or(3).to_string())
                                    on:input=move |ev| { let n = event_target_value(&ev).parse().unwrap_or(1u32).clamp(1, 100); b.update(|b| if let Some(s) = &mut b.settings.slow_mode { s.max_posts = n }) }/></label>
                            <label class="g-field"><span class="g-field__label">{move || i18n.t().app().slow_minutes}</span>
                                <input class="g-input" type="number" min="1" max="1440" prop:value=move || b.with(|b| b.settings.slow_mode.map(|s| s.minutes).unwrap_or(10).to_string())
                                    on:input=move |ev| { let n = event_target_value(&ev).parse().unwrap_or(1u32).clamp(1, 1440); b.update(|b| if let Some(s) = &mut b.settings.slow_mode { s.minutes = n }) }/></label>
                        </div>
                    </Show>
                </fieldset>
                <Categories b=b errors=errors/>
                <Statuses b=b errors=errors/>
                <div class="g-form__actions">
                    <button type="submit" class="g-button g-button--primary" disabled=move || ops.busy()>{move || if is_new { i18n.t().app().create_board } else { i18n.t().app().save_changes }}</button>
                </div>
            </form>
        </Show>
    }
}

/// The categories editor.
#[component]
fn Categories(b: RwSignal<Board>, errors: RwSignal<Vec<FieldError>>) -> impl IntoView {
    let i18n = use_i18n();
    let add = move |_| {
        b.update(|b| {
            b.categories.push(Category {
                id: CategoryId(crate::ui::hooks::new_id()),
                name: String::new(),
            })
        })
    };
    view! {
        <fieldset class="g-field g-editor">
            <legend class="g-field__label">{move || i18n.t().app().categories_heading}</legend>
            <For each=move || b.with(|b| b.categories.iter().enumerate().map(|(i, c)| (i, c.id.clone())).collect::<Vec<_>>()) key=|(_, id)| id.clone() children=move |(i, id)| {
                let field = format!("categories[{i}].name");
                let id2 = id.clone();
                view! {
                    <div class="g-editor__row">
                        <label class="g-field g-field--grow"><span class="g-visually-hidden">{move || i18n.t().app().category_name}</span>
                            <input class="g-input" type="text" prop:value=move || b.with(|b| b.categories.iter().find(|c| c.id == id).map(|c| c.name.clone()).unwrap_or_default())
                                aria-invalid=move || errors.with(|e| invalid(e, &field))
                                on:input=move |ev| { let v = event_target_value(&ev); b.update(|b| if let Some(c) = b.categories.iter_mut().find(|c| c.id == id2) { c.name = v }) }/></label>
                        <button type="button" class="g-button g-button--danger" on:click=move |_| b.update(|b| { b.categories.remove(i); })>{move || i18n.t().remove}</button>
                    </div>
                }
            }/>
            <button type="button" class="g-button" on:click=add>{move || i18n.t().app().add_category}</button>
        </fieldset>
    }
}

/// The statuses editor.
#[component]
fn Statuses(b: RwSignal<Board>, errors: RwSignal<Vec<FieldError>>) -> impl IntoView {
    let i18n = use_i18n();
    let add = move |_| {
        b.update(|b| {
            b.statuses.push(Status {
                id: StatusId(format!("s-{}", &crate::ui::hooks::new_id()[..8])),
                label: Label::Custom(String::new()),
                color: "#5b6472".into(),
                lane: Lane::Open,
                roadmap: false,
                shipped: false,
            })
        })
    };
    let swap = move |i: usize, j: usize| {
        b.update(|b| {
            if j < b.statuses.len() {
                b.statuses.swap(i, j)
            }
        })
    };
    view! {
        <fieldset class="g-field g-editor">
            <legend class="g-field__label">{move || i18n.t().app().statuses_heading}</legend>
            <For each=move || b.with(|b| b.statuses.iter().enumerate().map(|(i, s)| (i, s.id.clone(), b.statuses.len())).collect::<Vec<_>>()) key=|k| k.clone() children=move |(i, id, n)| {
                let get = {
                    let id = id.clone();
                    move || b.with(|b| b.statuses.iter().find(|s| s.id == id).cloned())
                };
                let update = {
                    let id = id.clone();
                    move |f: &dyn Fn(&mut Status)| b.update(|b| if let Some(s) = b.statuses.iter_mut().find(|s| s.id == id) { f(s) })
                };
                let (g1, g2, g3, g4, g5) = (get.clone(), get.clone(), get.clone(), get.clone(), get.clone());
                let (u1, u2, u3, u4, u5) = (update.clone(), update.clone(), update.clone(), update.clone(), update.clone());
                let name_field = format!("statuses[{i}].name");
                let color_field = format!("statuses[{i}].color");
                view! {
                    <div class="g-editor__row g-editor__row--status">
                        <label class="g-field g-field--grow"><span class="g-field__label">{move || i18n.t().app().status_name}</span>
                            <input class="g-input" type="text" aria-invalid=move || errors.with(|e| invalid(e, &name_field))
                                prop:value=move || g1().map(|s| status_badge_name(&s, i18n.t())).unwrap_or_default()
                                on:input=move |ev| { let v = event_target_value(&ev); u1(&|s: &mut Status| s.label = Label::Custom(v.clone())) }/></label>
                        <label class="g-field"><span class="g-field__label">{move || i18n.t().app().status_color}</span>
                            <input class="g-input g-input--color" type="color" aria-invalid=move || errors.with(|e| invalid(e, &color_field))
                                prop:value=move || g2().map(|s| s.color).unwrap_or_default()
                                on:input=move |ev| { let v = event_target_value(&ev); u2(&|s: &mut Status| s.color = v.clone()) }/></label>
                        <label class="g-field"><span class="g-field__label">{move || i18n.t().app().status_lane}</span>
                            <select class="g-select" prop:value=move || g3().map(|s| s.lane.as_str()).unwrap_or("open")
                                on:change=move |ev| { let lane = match event_target_value(&ev).as_str() { "active" => Lane::Active, "closed" => Lane::Closed, _ => Lane::Open }; u3(&|s: &mut Status| s.lane = lane) }>
                                {[Lane::Open, Lane::Active, Lane::Closed].into_iter().map(|l| {
                                    let g = get.clone();
                                    view! { <option value=l.as_str() selected=move || g().is_some_and(|s| s.lane == l)>{move || i18n.t().lane_name(l)}</option> }
                                }).collect_view()}
                            </select></label>
                        <label class="g-choice"><input type="checkbox" prop:checked=move || g4().is_some_and(|s| s.roadmap) on:change=move |ev| { let v = event_target_checked(&ev); u4(&|s: &mut Status| s.roadmap = v) }/>
                            <span>{move || i18n.t().app().on_roadmap}</span></label>
                        <label class="g-choice"><input type="checkbox" prop:checked=move || g5().is_some_and(|s| s.shipped) on:change=move |ev| { let v = event_target_checked(&ev); u5(&|s: &mut Status| s.shipped = v) }/>
                            <span>{move || i18n.t().app().counts_as_shipped}</span></label>
                        <div class="g-editor__moves">
                            <button type="button" class="g-button g-button--small" disabled=i == 0 on:click=move |_| swap(i.saturating_sub(1), i)
                                aria-label=move || format!("{} {}", i18n.t().app().move_up, i + 1)>"↑"</button>
                            <button type="button" class="g-button g-button--small" disabled=i + 1 == n on:click=move |_| swap(i, i + 1)
                                aria-label=move || format!("{} {}", i18n.t().app().move_down, i + 1)>"↓"</button>
                        </div>
                    </div>
                }
            }/>
            <button type="button" class="g-button" on:click=add>{move || i18n.t().app().add_status}</button>
        </fieldset>
    }
}
