//! An idea's page: description, votes (and, for admins, the voters), comments in order
//! with official staff answers marked, and the history of status changes.

use crate::domain::board::Lane;
use crate::domain::comment::Comment;
use crate::domain::member::{Actor, Role};
use crate::domain::vote::Vote;
use crate::store::{Query, StoreExt};
use crate::ui::components::{status_badge_name, PlainText, StatusBadge, VoteButton};
use crate::ui::format;
use crate::ui::hooks::{use_board, use_i18n, use_store, use_viewer};
use crate::ui::i18n::fill;
use crate::ui::routes;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// The idea page.
#[component]
pub fn IdeaPage() -> impl IntoView {
    let params = use_params_map();
    let slug = move || params.with(|p| p.get("slug").unwrap_or_default());
    let idea_id = move || params.with(|p| p.get("id").unwrap_or_default());
    let board = use_board(slug);
    let i18n = use_i18n();
    let viewer = use_viewer();
    let store_ctx = use_store();

    let comments = LocalResource::new(move || {
        store_ctx.version();
        let store = store_ctx.store();
        let id = idea_id();
        async move {
            store
                .list_as::<Comment>(
                    &Query::all()
                        .eq("idea_id", id.as_str())
                        .sort("created_at", crate::store::Order::Asc),
                )
                .await
        }
    });
    let voters = LocalResource::new(move || {
        store_ctx.version();
        let store = store_ctx.store();
        let id = idea_id();
        let admin = viewer.role() == Role::Admin;
        async move {
            if admin {
                store
                    .list_as::<Vote>(&Query::all().eq("idea_id", id.as_str()))
                    .await
                    .map(|l| l.items)
            } else {
                Ok(Vec::new())
            }
        }
    });
    let name_of = move |actor: &Actor| match actor {
        Actor::Member(m) => viewer.name_of(m).unwrap_or_else(|| m.to_string()),
        Actor::Device(_) => i18n.t().anonymous_visitor.to_owned(),
    };

    view! {
        <article class="g-page g-idea-page">
            {move || {
                let id = idea_id();
                match board.state.get() {
                    None => view! { <p class="g-loading">{move || i18n.t().loading}</p> }.into_any(),
                    Some(Err(e)) => view! { <p class="g-error" role="alert">{i18n.t().store_error(&e)}</p> }.into_any(),
                    Some(Ok(st)) => {
                        let found = st.as_ref().and_then(|st| st.index.ideas.iter().find(|i| i.id.as_str() == id).cloned().map(|idea| (st.clone(), idea)));
                        let Some((st, idea)) = found else {
                            return view! {
                                <div class="g-page--narrow">
                                    <h1>{move || i18n.t().not_found_title}</h1>
                                    <p>{move || i18n.t().idea_not_found}</p>
                                    <p><a href=routes::home()>{move || i18n.t().back_home}</a></p>
                                </div>
                            }
                            .into_any();
                        };
                        let status = st.board.status(&idea.status_id).cloned();
                        let closed = status.as_ref().is_some_and(|s| s.lane == Lane::Closed) || idea.merged_into.is_some();
                        let idea_key = idea.id.clone();
                        let stats = Memo::new(move |_| {
                            board.state.with(|s| match s {
                                Some(Ok(Some(s))) => s.index.stats(&idea_key),
                                _ => Default::default(),
                            })
                        });
                        let voted_key = idea.id.clone();
                        let voted = Signal::derive(move || {
                            let actor = viewer.actor();
                            board.state.with(|s| matches!(s, Some(Ok(Some(s))) if s.index.has_voted(&actor, &voted_key)))
                        });
                        let pending_key = idea.id.clone();
                        let pending = Signal::derive(move || board.pending.with(|p| p.contains(&pending_key)));
                        let toggle_key = idea.id.clone();
                        let toggle = Callback::new(move |_| board.toggle_vote.run(toggle_key.clone()));
                        let merged = idea.merged_into.as_ref().and_then(|target| {
                            st.index.ideas.iter().find(|i| &i.id == target).map(|t| (routes::idea(&st.board.slug, t.id.as_str()), t.title.clone()))
                        });
                        let history = idea.status_history.clone();
                        let statuses = st.board.clone();
                        let author = name_of(&idea.author);
                        let created = idea.created_at;
                        let category = idea.category_id.as_ref().and_then(|c| st.board.category(c)).map(|c| c.name.clone());
                        view! {
                            <p class="g-breadcrumb">
                                <a href=routes::board(&st.board.slug, "")>{move || i18n.t().back_to_board} ": " {st.board.name.clone()}</a>
                            </p>
                            <header class="g-idea-page__header">
                                <VoteButton
                                    count=Signal::derive(move || stats.get().votes())
                                    voted=voted
                                    closed=closed
                                    pending=pending
                                    title=idea.title.clone()
                                    on_toggle=toggle
                                />
                                <div>
                                    <h1 class="g-idea-page__title">{idea.title.clone()}</h1>
                                    <p class="g-idea__meta">
                                        {status.map(|s| view! { <StatusBadge status=s/> })}
                                        {category.map(|c| view! { <span class="g-tag">{c}</span> })}
                                        <span>
                                            {move || {
                                                let t = i18n.t();
                                                format!("{} · {}", fill(t.posted_by, &[("name", &author)]), format::date(i18n.locale(), created))
                                            }}
                                        </span>
                                    </p>
                                    <p class="g-idea-page__votes" aria-live="polite">
                                        {move || {
                                            let t = i18n.t();
                                            let s = stats.get();
                                            let n = u64::from(s.votes());
                                            let mut text = t.count(t.votes, n, &format::count(i18n.locale(), n));
                                            if s.anonymous_votes > 0 {
                                                text = format!("{text} ({})", fill(t.anonymous_votes_count, &[("n", &s.anonymous_votes.to_string())]));
                                            }
                                            text
                                        }}
                                    </p>
                                </div>
                            </header>
                            {merged.map(|(href, title)| view! {
                                <p class="g-banner g-banner--info">{move || i18n.t().merged_into} " " <a href=href>{title}</a></p>
                            })}
                            <section class="g-section" aria-labelledby="g-description">
                                <h2 id="g-description" class="g-visually-hidden">{move || i18n.t().description}</h2>
                                <PlainText text=idea.description.clone()/>
                            </section>
                            {(!history.is_empty()).then(|| view! {
                                <section class="g-section" aria-labelledby="g-history">
                                    <h2 id="g-history">{move || i18n.t().status}</h2>
                                    <ol class="g-history">
                                        {history.into_iter().map(|change| {
                                            let board = statuses.clone();
                                            let by = name_of(&change.by);
                                            view! {
                                                <li>
                                                    {move || {
                                                        let t = i18n.t();
                                                        let name = |id: &crate::domain::ids::StatusId| board.status(id).map(|s| status_badge_name(s, t)).unwrap_or_else(|| id.to_string());
                                                        format!("{} → {} · {} · {}", name(&change.from), name(&change.to), by, format::date(i18n.locale(), change.at))
                                                    }}
                                                </li>
                                            }
                                        }).collect_view()}
                                    </ol>
                                </section>
                            })}
                            <Show when=move || viewer.role() == Role::Admin>
                                <section class="g-section" aria-labelledby="g-voters">
                                    <h2 id="g-voters">{move || i18n.t().votes.2}</h2>
                                    <ul class="g-voters">
                                        {move || voters.get().and_then(Result::ok).unwrap_or_default().into_iter().map(|v| view! { <li>{name_of(&v.voter)}</li> }).collect_view()}
                                    </ul>
                                </section>
                            </Show>
                        }
                        .into_any()
                    }
                }
            }}
            <section class="g-section" aria-labelledby="g-comments">
                <h2 id="g-comments">{move || i18n.t().comments_heading}</h2>
                {move || {
                    let list = comments.get().and_then(Result::ok).map(|l| l.items).unwrap_or_default();
                    let visible: Vec<Comment> = list.into_iter().filter(|c| c.visibility.is_published()).collect();
                    if visible.is_empty() {
                        return view! { <p class="g-empty">{move || i18n.t().no_comments}</p> }.into_any();
                    }
                    view! {
                        <ol class="g-comments">
                            {visible.into_iter().map(|c| {
                                let who = name_of(&c.author);
                                let at = c.created_at;
                                view! {
                                    <li class="g-comment" class:g-comment--official=c.official>
                                        <p class="g-comment__byline">
                                            <span class="g-comment__author">{who}</span>
                                            {c.official.then(|| view! { <span class="g-tag g-tag--official">{move || i18n.t().official}</span> })}
                                            <span class="g-comment__time">{move || format::date_time(i18n.locale(), at)}</span>
                                        </p>
                                        <PlainText text=c.body.clone()/>
                                    </li>
                                }
                            }).collect_view()}
                        </ol>
                    }
                    .into_any()
                }}
            </section>
        </article>
    }
}
