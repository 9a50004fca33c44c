//! A board's tools: in the full app, posting an idea, the roadmap link, CSV exports
//! (admins) and settings (admins); in the embed, a link that opens the full board to post.

use crate::domain::export;
use crate::domain::member::{Actor, Member};
use crate::domain::permissions::{can, Action};
use crate::domain::vote::Vote;
use crate::store::{Query, StoreExt};
use crate::ui::components::{status_badge_name, IdeaForm};
use crate::ui::hooks::{use_i18n, use_notices, use_store, use_viewer, BoardState, UseBoard};
use crate::ui::i18n::Messages;
use crate::ui::routes;
use leptos::prelude::*;

/// The full app's tools.
pub fn app_tools(board: UseBoard, slug: String) -> AnyView {
    view! { <AppTools board=board slug=slug/> }.into_any()
}

/// The embed's tool: post in the full app (a new tab).
pub fn embed_tools(_board: UseBoard, slug: String) -> AnyView {
    view! { <EmbedTools slug=slug/> }.into_any()
}

#[component]
fn EmbedTools(slug: String) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="g-toolbar">
            <a class="g-button g-button--primary" href=routes::board(&slug, "") target="_blank" rel="noopener">
                {move || i18n.t().board().post_idea}
            </a>
        </div>
    }
}

#[component]
fn AppTools(board: UseBoard, slug: String) -> impl IntoView {
    let i18n = use_i18n();
    let viewer = use_viewer();
    let form_open = RwSignal::new(false);
    let store_ctx = use_store();
    let notices = use_notices();
    let save = |slug: &str, name: &str, csv: &str| {
        crate::ui::download::download(&format!("{slug}-{name}.csv"), "text/csv;charset=utf-8", csv);
    };
    let export = move |votes: bool| {
        let t = i18n.t_untracked();
        if !votes {
            board.state.with_untracked(|s| {
                if let Some(Ok(Some(st))) = s {
                    save(
                        &st.board.slug,
                        "ideas",
                        &ideas_csv(st, &viewer.members_untracked(), t),
                    );
                }
            });
            return;
        }
        // Every vote is read from the store: a board loaded from tallies holds only the
        // viewer's own.
        let Some(board_id) = board.state.with_untracked(|s| match s {
            Some(Ok(Some(st))) => Some(st.board.id.clone()),
            _ => None,
        }) else {
            return;
        };
        let store = store_ctx.store();
        leptos::task::spawn_local(async move {
            let listed = store
                .list_as::<Vote>(&Query::all().eq("board_id", board_id.as_str()))
                .await;
            let t = i18n.t_untracked();
            match listed {
                Ok(listed) => board.state.with_untracked(|s| {
                    if let Some(Ok(Some(st))) = s {
                        let names = viewer.members_untracked();
                        save(
                            &st.board.slug,
                            "votes",
                            &votes_csv(st, &listed.items, &names, t),
                        );
                    }
                }),
                Err(e) => notices.error(t.store_error(&e)),
            }
        });
    };
    let roadmap = routes::roadmap(&slug);
    let settings = routes::board_settings(&slug);
    view! {
        <div class="g-toolbar">
            <button
                type="button"
                class="g-button g-button--primary"
                aria-expanded=move || if form_open.get() { "true" } else { "false" }
                on:click=move |_| form_open.update(|o| *o = !*o)
            >
                {move || i18n.t().board().post_idea}
            </button>
            <a class="g-button" href=roadmap>{move || i18n.t().app().nav_roadmap}</a>
            <Show when=move || can(viewer.role(), Action::Export)>
                <button type="button" class="g-button" on:click=move |_| export(false)>{move || i18n.t().app().export_ideas}</button>
                <button type="button" class="g-button" on:click=move |_| export(true)>{move || i18n.t().app().export_votes}</button>
            </Show>
            <Show when=move || can(viewer.role(), Action::ConfigureBoards)>
                <a class="g-button" href=settings.clone()>{move || i18n.t().app().board_settings}</a>
            </Show>
        </div>
        <Show when=move || form_open.get()>
            <IdeaForm board=board on_done=Callback::new(move |_| form_open.set(false))/>
        </Show>
    }
}

/// Display name of an actor for exports.
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
        Actor::Device(id) => (
            format!("device:{id}"),
            t.board().anonymous_visitor.to_owned(),
        ),
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
fn votes_csv(st: &BoardState, votes: &[Vote], members: &[Member], t: &Messages) -> String {
    let rows: Vec<Vec<(String, bool)>> = votes
        .iter()
        .map(|v| (&v.idea_id, &v.voter, v.created_at))
        .map(|(idea, actor, at)| {
            let title = st
                .index
                .idea(idea)
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
