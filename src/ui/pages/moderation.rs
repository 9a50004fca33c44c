//! Moderation: one queue of held and reported posts (approve, reject, edit, or keep them),
//! the word filter per language, and the log of every decision.

use crate::domain::board::Board;
use crate::domain::comment::Comment;
use crate::domain::idea::{Idea, IdeaDraft, Visibility};
use crate::domain::locale::Locale;
use crate::domain::moderation::{CommunitySettings, Decision, ModLogEntry, PostRef, Report};
use crate::domain::permissions::{can, Action};
use crate::store::community::OpError;
use crate::store::{Query, StoreError, StoreExt};
use crate::ui::components::ReadProblem;
use crate::ui::format;
use crate::ui::hooks::{use_community, use_i18n, use_notices, use_ops, use_read, use_viewer};
use crate::ui::i18n::fill;
use crate::ui::pages::idea::ActorName;
use crate::ui::routes;
use leptos::prelude::*;

/// How many log entries are shown.
const LOG: usize = 50;

/// One post waiting for a decision.
#[derive(Clone)]
struct Item {
    post: PostRef,
    board: Board,
    idea: Idea,
    comment: Option<Comment>,
    reports: Vec<Report>,
}

#[derive(Clone)]
struct Loaded {
    queue: Vec<Item>,
    log: Vec<ModLogEntry>,
}

async fn load(store: std::rc::Rc<dyn crate::store::Store>) -> Result<Loaded, StoreError> {
    let all = Query::all();
    let boards = store.list_as::<Board>(&all).await?.items;
    let ideas = store.list_as::<Idea>(&all).await?.items;
    let comments = store.list_as::<Comment>(&all).await?.items;
    let reports: Vec<Report> = store
        .list_as::<Report>(&all)
        .await?
        .items
        .into_iter()
        .filter(|r| !r.resolved)
        .collect();
    let mut log = store.list_as::<ModLogEntry>(&all).await?.items;
    log.sort_by_key(|l| std::cmp::Reverse(l.at));
    log.truncate(LOG);
    let board_of = |id: &crate::domain::ids::BoardId| boards.iter().find(|b| &b.id == id).cloned();
    let mut queue = Vec::new();
    for idea in &ideas {
        let post = PostRef::Idea(idea.id.clone());
        let r: Vec<Report> = reports.iter().filter(|r| r.post == post).cloned().collect();
        if matches!(idea.visibility, Visibility::Pending(_)) || !r.is_empty() {
            if let Some(board) = board_of(&idea.board_id) {
                queue.push(Item {
                    post,
                    board,
                    idea: idea.clone(),
                    comment: None,
                    reports: r,
                });
            }
        }
    }
    for c in &comments {
        let post = PostRef::Comment(c.id.clone(), c.idea_id.clone());
        let r: Vec<Report> = reports.iter().filter(|r| r.post == post).cloned().collect();
        if matches!(c.visibility, Visibility::Pending(_)) || !r.is_empty() {
            let idea = ideas.iter().find(|i| i.id == c.idea_id).cloned();
            if let (Some(board), Some(idea)) = (board_of(&c.board_id), idea) {
                queue.push(Item {
                    post,
                    board,
                    idea,
                    comment: Some(c.clone()),
                    reports: r,
                });
            }
        }
    }
    queue.sort_by_key(|i| {
        i.comment
            .as_ref()
            .map_or(i.idea.created_at, |c| c.created_at)
    });
    Ok(Loaded { queue, log })
}

/// The moderation page.
#[component]
pub fn ModerationPage() -> impl IntoView {
    let i18n = use_i18n();
    let viewer = use_viewer();
    let community = use_community();
    let data = use_read(load);
    view! {
        <section class="g-page g-moderation">
            <h1>{move || i18n.t().app().nav_moderation}</h1>
            <Show when=move || can(viewer.role(), Action::Moderate) fallback=move || view! { <p>{move || i18n.t().app().moderators_only}</p> }>
                <h2>{move || i18n.t().app().queue_heading}</h2>
                {move || {
                    let Some(read) = data.get() else {
                        return view! { <p class="g-loading">{move || i18n.t().loading}</p> }.into_any();
                    };
                    let problem = view! { <ReadProblem error=read.error.clone() shown_before=read.value.is_some()/> };
                    let Some(d) = read.value else { return problem.into_any() };
                    if d.queue.is_empty() {
                        return view! { {problem} <p class="g-empty">{move || i18n.t().app().queue_empty}</p> }.into_any();
                    }
                    view! { {problem} <ul class="g-queue" role="list">{d.queue.into_iter().map(|item| view! { <QueueItem item=item/> }).collect_view()}</ul> }.into_any()
                }}
                {move || community.error.get().map(|e| view! { <ReadProblem error=Some(e) shown_before=true/> })}
                <WordFilter/>
                <h2>{move || i18n.t().app().log_heading}</h2>
                {move || {
                    let Some(d) = data.get().and_then(|r| r.value) else { return ().into_any() };
                    if d.log.is_empty() {
                        return view! { <p class="g-empty">{move || i18n.t().app().log_empty}</p> }.into_any();
                    }
                    view! {
                        <table class="g-table">
                            <thead><tr>
                                <th scope="col">{move || i18n.t().app().log_when}</th>
                                <th scope="col">{move || i18n.t().app().log_who}</th>
                                <th scope="col">{move || i18n.t().app().log_what}</th>
                                <th scope="col">{move || i18n.t().app().log_note}</th>
                            </tr></thead>
                            <tbody>
                                {d.log.into_iter().map(|l| {
                                    let at = l.at;
                                    let decision = l.decision.clone();
                                    view! {
                                        <tr>
                                            <td>{move || format::date_time(i18n.locale(), at)}</td>
                                            <td><ActorName actor=l.by.clone()/></td>
                                            <td>{move || i18n.t().decision_name(&decision)}</td>
                                            <td>{l.note.clone()}</td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    }
                    .into_any()
                }}
            </Show>
        </section>
    }
}

/// One queued post with its decisions.
#[component]
fn QueueItem(item: Item) -> impl IntoView {
    let i18n = use_i18n();
    let notices = use_notices();
    let ops = use_ops();
    let editing = RwSignal::new(false);
    let (visibility, text, author) = match &item.comment {
        Some(c) => (c.visibility.clone(), c.body.clone(), c.author.clone()),
        None => (
            item.idea.visibility.clone(),
            item.idea.description.clone(),
            item.idea.author.clone(),
        ),
    };
    let title = RwSignal::new(item.idea.title.clone());
    let body = RwSignal::new(text.clone());
    let item = StoredValue::new(item);
    let decide = move |decision: Decision| {
        let it = item.get_value();
        let (post, board) = (it.post.clone(), it.board.id.clone());
        let edit = editing.get_untracked();
        let (new_title, new_body) = (title.get_untracked(), body.get_untracked());
        ops.run(
            move |c| async move {
                if edit {
                    match &it.comment {
                        Some(comment) => {
                            c.edit_comment(comment, &new_body).await?;
                        }
                        None => {
                            let draft = IdeaDraft {
                                title: new_title,
                                description: new_body,
                                category_id: it.idea.category_id.clone(),
                            };
                            c.edit_idea(&it.idea, &draft).await?;
                        }
                    }
                }
                c.decide(&post, &board, decision, "").await
            },
            move |r| match r {
                Ok(()) => notices.success(i18n.t_untracked().app().saved),
                Err(OpError::Rule(e)) => notices.error(i18n.t_untracked().domain_error(&e)),
                Err(OpError::Store(_)) => {}
            },
        );
    };
    let (board_name, idea_href, idea_title, is_comment, reports) = item.with_value(|it| {
        (
            it.board.name.clone(),
            routes::idea(&it.board.slug, it.idea.id.as_str()),
            it.idea.title.clone(),
            it.comment.is_some(),
            it.reports.clone(),
        )
    });
    let held = match &visibility {
        Visibility::Pending(reason) => Some(reason.clone()),
        _ => None,
    };
    let published = visibility.is_published();
    view! {
        <li class="g-queue__item">
            <p class="g-queue__where">
                {move || if is_comment { i18n.t().app().queue_comment_on } else { i18n.t().app().queue_idea_on }} " "
                <a href=idea_href>{idea_title.clone()}</a> " · " {board_name} " · " <ActorName actor=author/>
            </p>
            {held.map(|r| view! { <p class="g-tag g-tag--warning">{move || i18n.t().hold_reason(&r)}</p> })}
            {(!reports.is_empty()).then(|| {
                let n = reports.len();
                view! {
                    <details class="g-queue__reports">
                        <summary>{move || fill(i18n.t().app().reports_count, &[("n", &n.to_string())])}</summary>
                        <ul>{reports.iter().map(|r| {
                            let reason = r.reason;
                            let note = r.note.clone();
                            view! { <li>{move || i18n.t().report_reason_name(reason)} {(!note.is_empty()).then(|| format!(": {note}"))}</li> }
                        }).collect_view()}</ul>
                    </details>
                }
            })}
            <Show when=move || !editing.get() fallback=move || view! {
                <div class="g-form">
                    {(!is_comment).then(|| view! {
                        <label class="g-field"><span class="g-field__label">{move || i18n.t().app().idea_title}</span>
                            <input class="g-input" type="text" prop:value=move || title.get() on:input=move |ev| title.set(event_target_value(&ev))/></label>
                    })}
                    <label class="g-field"><span class="g-field__label">{move || i18n.t().app().text_label}</span>
                        <textarea class="g-textarea" rows="4" prop:value=move || body.get() on:input=move |ev| body.set(event_target_value(&ev))></textarea></label>
                </div>
            }>
                <crate::ui::components::PlainText text=text.clone()/>
            </Show>
            <div class="g-toolbar">
                {(!published).then(|| view! {
                    <button type="button" class="g-button g-button--primary" disabled=move || ops.busy() on:click=move |_| decide(Decision::Approve)>
                        {move || if editing.get() { i18n.t().app().save_and_approve } else { i18n.t().app().approve }}
                    </button>
                })}
                {published.then(|| view! {
                    <button type="button" class="g-button g-button--primary" disabled=move || ops.busy() on:click=move |_| decide(Decision::DismissReports)>
                        {move || i18n.t().app().dismiss_reports}
                    </button>
                })}
                <button type="button" class="g-button g-button--danger" disabled=move || ops.busy() on:click=move |_| decide(Decision::Reject)>{move || i18n.t().app().reject}</button>
                <button type="button" class="g-button" aria-expanded=move || if editing.get() { "true" } else { "false" } on:click=move |_| editing.update(|e| *e = !*e)>
                    {move || i18n.t().app().edit}
                </button>
            </div>
        </li>
    }
}

/// The word filter editor.
#[component]
fn WordFilter() -> impl IntoView {
    let i18n = use_i18n();
    let notices = use_notices();
    let community = use_community();
    let ops = use_ops();
    let lists = RwSignal::new(Vec::<(Locale, String)>::new());
    let hold_links = RwSignal::new(true);
    let loaded = StoredValue::new(CommunitySettings::default());
    Effect::new(move |_| {
        let s = community.settings.get();
        lists.set(
            Locale::ALL
                .iter()
                .map(|l| {
                    (
                        *l,
                        s.word_filter
                            .get(l)
                            .map(|w| w.join("\n"))
                            .unwrap_or_default(),
                    )
                })
                .collect(),
        );
        hold_links.set(s.hold_bare_links);
        loaded.set_value(s);
    });
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut s = loaded.get_value();
        for (l, text) in lists.get_untracked() {
            s.word_filter
                .insert(l, text.lines().map(str::to_owned).collect());
        }
        s.hold_bare_links = hold_links.get_untracked();
        ops.run(
            move |c| async move { c.save_settings(&s).await },
            move |r| match r {
                Ok(_) => notices.success(i18n.t_untracked().app().settings_saved),
                Err(OpError::Rule(e)) => notices.error(i18n.t_untracked().domain_error(&e)),
                Err(OpError::Store(_)) => {}
            },
        );
    };
    view! {
        <section class="g-section" aria-labelledby="g-word-filter">
            <h2 id="g-word-filter">{move || i18n.t().app().word_filter_heading}</h2>
            <form class="g-form" on:submit=save>
                <p class="g-field__hint">{move || i18n.t().app().word_filter_hint}</p>
                <div class="g-columns">
                    {Locale::ALL.into_iter().map(|l| {
                        let id = format!("g-words-{}", l.tag());
                        view! {
                            <div class="g-field">
                                <label class="g-field__label" for=id.clone()>{l.native_name()}</label>
                                <textarea id=id class="g-textarea" rows="5" lang=l.tag()
                                    prop:value=move || lists.with(|v| v.iter().find(|(x, _)| *x == l).map(|(_, t)| t.clone()).unwrap_or_default())
                                    on:input=move |ev| { let v = event_target_value(&ev); lists.update(|ls| { if let Some(e) = ls.iter_mut().find(|(x, _)| *x == l) { e.1 = v; } }) }></textarea>
                            </div>
                        }
                    }).collect_view()}
                </div>
                <label class="g-choice">
                    <input type="checkbox" prop:checked=move || hold_links.get() on:change=move |ev| hold_links.set(event_target_checked(&ev))/>
                    <span>{move || i18n.t().app().hold_links}</span>
                </label>
                <div class="g-form__actions">
                    <button type="submit" class="g-button g-button--primary" disabled=move || ops.busy() || !community.settings_read.get()>{move || i18n.t().app().save}</button>
                </div>
            </form>
        </section>
    }
}
