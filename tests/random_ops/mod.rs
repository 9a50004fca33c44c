//! Random member operations through a store (votes, unvotes, idea edits, comments, new
//! ideas), with what the members saw recorded, and the check that a store ends up holding
//! exactly that: shared by the fault-injection runs over the in-memory backend
//! (tests/outbox.rs) and over pouchdb-server (tests/couch_faults.rs).
#![allow(dead_code)]

use gromada::domain::rng::Rng;
use gromada::store::{Collection, Query, Store};
use serde_json::{json, Value};
use std::collections::BTreeMap;

/// When every document here was made.
pub const AT: &str = "2026-11-30T10:00:00Z";

/// What the members saw.
#[derive(Default)]
pub struct Seen {
    /// Vote id → (idea, whether it is on).
    pub votes: BTreeMap<String, (String, bool)>,
    /// Idea id → title.
    pub titles: BTreeMap<String, String>,
    /// Comments posted.
    pub comments: u32,
}

impl Seen {
    /// The ids of the votes that are on, in order.
    pub fn votes_on(&self) -> Vec<String> {
        self.votes
            .iter()
            .filter(|(_, (_, on))| *on)
            .map(|(id, _)| id.clone())
            .collect()
    }

    /// One random operation, number `step`, through `store` (every write is accepted:
    /// the store is an outbox that keeps what it cannot send).
    pub async fn step(&mut self, store: &dyn Store, rng: &mut Rng, step: u32) {
        let pick = |rng: &mut Rng, titles: &BTreeMap<String, String>| {
            titles
                .keys()
                .nth(rng.below(titles.len() as u64) as usize)
                .unwrap()
                .clone()
        };
        match rng.below(5) {
            0 | 1 if !self.titles.is_empty() => {
                let idea = pick(rng, &self.titles);
                let voter = format!("m:m{}", rng.below(4));
                let id = format!("vote:{idea}:{voter}");
                let on = self.votes.get(&id).is_some_and(|(_, on)| *on);
                if on {
                    store.delete(Collection::Votes, &id, None).await.unwrap();
                } else {
                    let doc = json!({"id": id, "idea_id": idea, "board_id": "b", "voter": voter, "created_at": AT});
                    store.create(Collection::Votes, doc).await.unwrap();
                }
                self.votes.insert(id, (idea, !on));
            }
            2 if !self.titles.is_empty() => {
                let idea = pick(rng, &self.titles);
                let Ok(Some(mut doc)) = store.get(Collection::Ideas, &idea).await else {
                    return; // away and never read: the member cannot edit it now
                };
                let title = format!("edit {step}");
                doc["title"] = json!(title);
                store.update(Collection::Ideas, doc).await.unwrap();
                self.titles.insert(idea, title);
            }
            3 if !self.titles.is_empty() => {
                self.comments += 1;
                let doc = json!({"id": format!("c{step}"), "idea_id": "i0", "board_id": "b", "author": "m:m1", "body": "x", "created_at": AT});
                store.create(Collection::Comments, doc).await.unwrap();
            }
            _ => {
                let id = format!("i{step}");
                let doc = json!({"id": id, "board_id": "b", "title": "new", "status_id": "open", "author": "m:m0", "created_at": AT});
                store.create(Collection::Ideas, doc).await.unwrap();
                self.titles.insert(id, "new".into());
            }
        }
    }

    /// Asserts that `store` holds exactly what was seen: the votes that are on, every
    /// idea with its last title, every comment once.
    pub async fn assert_held_by(&self, store: &dyn Store, what: &str) {
        let stored = store.list(Collection::Votes, &Query::all()).await.unwrap();
        assert_eq!(ids(&stored), self.votes_on(), "{what}: votes");
        let stored = store.list(Collection::Ideas, &Query::all()).await.unwrap();
        let got: BTreeMap<String, String> = stored
            .iter()
            .map(|d| {
                (
                    d["id"].as_str().unwrap().to_owned(),
                    d["title"].as_str().unwrap().to_owned(),
                )
            })
            .collect();
        assert_eq!(got, self.titles, "{what}: ideas");
        let stored = store
            .list(Collection::Comments, &Query::all())
            .await
            .unwrap();
        assert_eq!(stored.len() as u32, self.comments, "{what}: comments");
    }
}

/// The `id`s of documents.
pub fn ids(docs: &[Value]) -> Vec<String> {
    docs.iter()
        .map(|d| d["id"].as_str().unwrap().to_owned())
        .collect()
}
