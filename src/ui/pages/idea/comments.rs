//! An idea's comments, oldest first: official staff answers marked, Contributor badges,
//! held comments visible to their author and the staff, a report link on each, and the
//! form to add one.

use super::ActorName;
use crate::domain::comment::Comment;
use crate::domain::idea::{Idea, Visibility};
use crate::domain::moderation::PostRef;
use crate::store::{Order, Query, StoreExt};
use crate::ui::components::{CommentForm, PlainText, ReadProblem, ReportForm};
use crate::ui::format;
use crate::ui::hooks::{use_i18n, use_read, use_viewer};
use leptos::prelude::*;

/// The comments section.
#[component]
pub fn Comments(
    /// The idea.
    idea: RwSignal<Option<Idea>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let viewer = use_viewer();
    let id = idea
        .with_untracked(|i| i.as_ref().map(|i| i.id.to_string()))
        .unwrap_or_default();
    let comments = use_read(move |store| {
        let id = id.clone();
        async move {
            store
                .list_as::<Comment>(
                    &Query::all()
                        .eq("idea_id", id.as_str())
                        .sort("created_at", Order::Asc),
                )
                .await
                .map(|l| l.items)
        }
    });
    let visible = move |list: Vec<Comment>| {
        let v = viewer.get();
        list.into_iter()
            .filter(|c| c.visibility.is_published() || v.role.is_staff() || c.author == v.actor)
            .collect::<Vec<_>>()
    };
    let open = move || idea.with(|i| i.as_ref().is_some_and(|i| i.merged_into.is_none()));
    view! {
        <section class="g-section" aria-labelledby="g-comments">
            <h2 id="g-comments">{move || i18n.t().app().comments_heading}</h2>
            {move || {
                let Some(read) = comments.get() else {
                    return view! { <p class="g-loading">{move || i18n.t().loading}</p> }.into_any();
                };
                let problem = view! { <ReadProblem error=read.error.clone() shown_before=read.value.is_some()/> };
                let Some(list) = read.value.map(visible) else {
                    return problem.into_any();
                };
                if list.is_empty() {
                    return view! { {problem} <p class="g-empty">{move || i18n.t().app().no_comments}</p> }.into_any();
                }
                view! {
                    {problem}
                    <ol class="g-comments">
                        {list.into_iter().map(|c| {
                            let at = c.created_at;
                            let mine = c.author == viewer.get_untracked().actor;
                            let held = !matches!(c.visibility, Visibility::Published);
                            let post = PostRef::Comment(c.id.clone(), c.idea_id.clone());
                            view! {
                                <li class="g-comment" class:g-comment--official=c.official class:g-comment--held=held>
                                    <p class="g-comment__byline">
                                        <span class="g-comment__author"><ActorName actor=c.author.clone()/></span>
                                        {c.official.then(|| view! { <span class="g-tag g-tag--official">{move || i18n.t().app().official}</span> })}
                                        {held.then(|| view! { <span class="g-tag g-tag--warning">{move || i18n.t().board().pending_approval}</span> })}
                                        <span class="g-comment__time">{move || format::date_time(i18n.locale(), at)}</span>
                                    </p>
                                    <PlainText text=c.body.clone()/>
                                    {(!mine).then(|| view! { <ReportForm post=post board=c.board_id.clone() key=c.id.to_string()/> })}
                                </li>
                            }
                        }).collect_view()}
                    </ol>
                }
                .into_any()
            }}
            <Show when=open fallback=move || view! { <p class="g-empty">{move || i18n.t().app().comments_closed}</p> }>
                <CommentForm idea=idea/>
            </Show>
        </section>
    }
}
