//! One board's ideas, votes and comments, loaded once into a [`BoardIndex`] and kept
//! current: votes update the index at once (optimistic) and roll back if the store refuses.

use super::{use_i18n, use_notices, use_store, use_viewer};
use crate::domain::board::Board;
use crate::domain::comment::Comment;
use crate::domain::idea::Idea;
use crate::domain::ids::IdeaId;
use crate::domain::member::Actor;
use crate::domain::ranking::{BoardIndex, IdeaTally};
use crate::domain::vote::{check_vote, Vote};
use crate::store::{Collection, Query, StoreError, StoreExt};
use crate::ui::format::now;
use crate::ui::i18n::fill;
use leptos::prelude::*;
use std::collections::{HashMap, HashSet};

/// A loaded board.
#[derive(Clone)]
pub struct BoardState {
    /// The board.
    pub board: Board,
    /// Its ideas, indexed.
    pub index: BoardIndex,
    /// Records that could not be read (kept in storage).
    pub unreadable: usize,
    /// Whose votes the index knows when it was built from tallies (`None`: everyone's).
    pub votes_of: Option<Actor>,
}

impl BoardState {
    /// Whether the index lacks `actor`'s votes (built from tallies for someone else).
    pub fn lacks_votes_of(&self, actor: &Actor) -> bool {
        self.votes_of.as_ref().is_some_and(|v| v != actor)
    }
}

/// What [`use_board`] returns.
#[derive(Clone, Copy)]
pub struct UseBoard {
    /// `None` while loading; `Some(Ok(None))` when no board has that slug.
    pub state: RwSignal<Option<Result<Option<BoardState>, StoreError>>>,
    /// Ideas whose vote is being saved.
    pub pending: RwSignal<HashSet<IdeaId>>,
    /// Increases each time the board is (re)loaded, not when a vote changes a count:
    /// lists keep their order while members vote, and re-sort on the next load.
    pub loaded: RwSignal<u64>,
    /// Why the last reload failed while the board shown is an earlier good load (kept:
    /// a failed refresh must not take the page, and a half-typed idea, away).
    pub stale: RwSignal<Option<StoreError>>,
    /// Toggles the viewer's vote on an idea.
    pub toggle_vote: Callback<IdeaId>,
    /// True while the board, loaded with another viewer's votes (before a sign-in or a
    /// switch of member), reloads with this viewer's: their votes are not known yet.
    pub catching_up: Signal<bool>,
}

impl UseBoard {
    /// Whether the vote on `idea` cannot be toggled now (being saved, or catching up).
    pub fn is_pending(&self, idea: &IdeaId) -> bool {
        self.pending.with(|p| p.contains(idea)) || self.catching_up.get()
    }
}

/// Reads the board. Where the store sums counts on its side (CouchDB's view), only the
/// ideas, the per-idea tallies and `voter`'s own votes are read: a few requests whatever
/// the number of votes. Otherwise every vote and comment of the board is listed.
async fn load(
    store: std::rc::Rc<dyn crate::store::Store>,
    slug: String,
    voter: Actor,
) -> Result<Option<BoardState>, StoreError> {
    let boards = store
        .list_as::<Board>(&Query::all().eq("slug", slug.as_str()))
        .await?;
    let Some(board) = boards.items.into_iter().next() else {
        return Ok(None);
    };
    let by_board = Query::all().eq("board_id", board.id.as_str());
    let ideas = store.list_as::<Idea>(&by_board).await?;
    let mut unreadable = ideas.unreadable.len() + boards.unreadable.len();
    let mut votes_of = None;
    let index = match store.board_tallies(board.id.as_str(), &voter.key()).await? {
        Some(tallies) => {
            votes_of = Some(voter);
            let mut own = Vec::with_capacity(tallies.own_votes.len());
            for doc in tallies.own_votes {
                match serde_json::from_value::<Vote>(doc) {
                    Ok(v) => own.push(v),
                    Err(_) => unreadable += 1,
                }
            }
            let counts: HashMap<IdeaId, IdeaTally> = tallies
                .ideas
                .into_iter()
                .map(|(id, t)| (IdeaId::from(id), t))
                .collect();
            BoardIndex::from_tallies(&board, ideas.items, &counts, &own, now())
        }
        None => {
            let votes = store.list_as::<Vote>(&by_board).await?;
            let comments = store.list_as::<Comment>(&by_board).await?;
            unreadable += votes.unreadable.len() + comments.unreadable.len();
            BoardIndex::build(&board, ideas.items, &votes.items, &comments.items, now())
        }
    };
    Ok(Some(BoardState {
        board,
        index,
        unreadable,
        votes_of,
    }))
}

/// Loads the board with slug `slug()` and reloads it when data changes elsewhere.
pub fn use_board(slug: impl Fn() -> String + Send + Sync + 'static) -> UseBoard {
    let store_ctx = use_store();
    let viewer = use_viewer();
    let notices = use_notices();
    let i18n = use_i18n();
    let state: RwSignal<Option<Result<Option<BoardState>, StoreError>>> = RwSignal::new(None);
    let pending = RwSignal::new(HashSet::new());
    let loaded = RwSignal::new(0u64);
    // Whose votes a lean (tallied) load reads: a sign-in reloads the board.
    let voter = Memo::new(move |_| viewer.actor());
    // Votes made here, with the number of the last load that had started when each was
    // saved (`None` while saving). A load that started before a vote was saved may not
    // contain it (a slow backend, a refresh racing a click): its result gets the vote
    // re-applied instead of silently undoing what the member just did.
    let loads_started = StoredValue::new(0u64);
    let local_votes = StoredValue::new(Vec::<(Vote, bool, Option<u64>)>::new());
    let resource = super::use_async(move || {
        store_ctx.version();
        let store = store_ctx.store();
        let slug = slug();
        // A board holding everyone's votes (the store cannot sum on its side) need not
        // reload when the viewer changes; one summed by the server must.
        let all_votes =
            state.with_untracked(|s| matches!(s, Some(Ok(Some(st))) if st.votes_of.is_none()));
        let voter = if all_votes {
            voter.get_untracked()
        } else {
            voter.get()
        };
        loads_started.update_value(|n| *n += 1);
        let started = loads_started.get_value();
        async move { (load(store, slug.clone(), voter).await, started, slug) }
    });
    let stale = RwSignal::new(None::<StoreError>);
    Effect::new(move |_| {
        if let Some((mut result, started, slug)) = resource.get() {
            if let Err(e) = &result {
                let shown = state
                    .with_untracked(|s| matches!(s, Some(Ok(Some(st))) if st.board.slug == slug));
                if shown {
                    stale.set(Some(e.clone()));
                    return;
                }
            }
            stale.set(None);
            if let Ok(Some(s)) = &mut result {
                local_votes.update_value(|votes| {
                    votes.retain(|(_, _, saved)| saved.is_none_or(|n| n >= started));
                    for (vote, add, _) in votes.iter() {
                        s.index.apply_vote(vote, *add, now());
                    }
                });
            }
            state.set(Some(result));
            loaded.update(|n| *n += 1);
        }
    });

    let toggle_vote = Callback::new(move |idea_id: IdeaId| {
        let viewer = viewer.get_untracked();
        let t = i18n.t_untracked();
        // Judge the vote on the current state without cloning it (it can hold 200 000 votes).
        let decided = state.with_untracked(|s| {
            let Some(Ok(Some(current))) = s else {
                return None;
            };
            if current.lacks_votes_of(&viewer.actor) {
                return None; // the button is disabled until this viewer's votes are in
            }
            // The idea may have gone (merged or removed in another tab) since it was drawn.
            let Some(idea) = current.index.idea(&idea_id) else {
                return Some(Err(t.board().idea_not_found.to_owned()));
            };
            let voted = current.index.has_voted(&viewer.actor, &idea_id);
            let lane = current.index.lane(idea);
            let open_votes = current.index.open_votes_of(&viewer.actor);
            Some(
                check_vote(&current.board, idea, lane, &viewer, !voted, open_votes)
                    .map(|()| (voted, current.board.id.clone()))
                    .map_err(|e| t.domain_error(&e)),
            )
        });
        let (voted, board_id) = match decided {
            None => return,
            Some(Err(refusal)) => {
                notices.error(refusal);
                return;
            }
            Some(Ok(decision)) => decision,
        };
        let at = now();
        let vote = Vote::new(&idea_id, &board_id, viewer.actor.clone(), at);
        pending.update(|p| {
            p.insert(idea_id.clone());
        });
        state.update(|s| {
            if let Some(Ok(Some(s))) = s {
                s.index.apply_vote(&vote, !voted, at);
            }
        });
        local_votes.update_value(|v| {
            v.retain(|(old, _, _)| old.id != vote.id);
            v.push((vote.clone(), !voted, None));
        });
        let store = store_ctx.store();
        leptos::task::spawn_local(async move {
            // Exactly one vote per voter and idea: the id is derived, so a repeat collides.
            let result = if voted {
                match store
                    .delete(Collection::Votes, vote.id.as_str(), None)
                    .await
                {
                    Err(StoreError::NotFound { .. }) => Ok(()),
                    other => other,
                }
            } else {
                match store.create_as(&vote).await {
                    Ok(_) | Err(StoreError::AlreadyExists { .. }) => Ok(()),
                    Err(e) => Err(e),
                }
            };
            pending.update(|p| {
                p.remove(&vote.idea_id);
            });
            // The page may be gone by now (the member moved on): then nothing is kept.
            let saved_during = loads_started.try_get_value().unwrap_or_default();
            local_votes.update_value(|v| {
                if result.is_err() {
                    v.retain(|(old, _, _)| old.id != vote.id);
                } else if let Some(entry) = v.iter_mut().find(|(old, _, _)| old.id == vote.id) {
                    entry.2 = Some(saved_during);
                }
            });
            if let Err(e) = result {
                state.update(|s| {
                    if let Some(Ok(Some(s))) = s {
                        s.index.apply_vote(&vote, voted, now());
                    }
                });
                let t = i18n.t_untracked();
                notices.error(fill(
                    t.board().vote_failed,
                    &[("reason", &t.store_error(&e))],
                ));
            }
        });
    });
    let catching_up = Signal::derive(move || {
        let actor = voter.get();
        state.with(|s| matches!(s, Some(Ok(Some(st))) if st.lacks_votes_of(&actor)))
    });
    UseBoard {
        state,
        stale,
        pending,
        loaded,
        toggle_vote,
        catching_up,
    }
}
