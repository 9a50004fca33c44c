//! The store contract: the behaviour every `Store` implementation must have. Native tests
//! run it against the memory store, browser tests against the localStorage store, and the
//! backend tests against real servers. Each case gets a fresh, empty store.

#![allow(dead_code)]

use futures::future::LocalBoxFuture;
use gromada::domain::demo;
use gromada::domain::ids::*;
use gromada::domain::member::Actor;
use gromada::domain::time::Timestamp;
use gromada::domain::vote::Vote;
use gromada::store::seed::seed_if_empty;
use gromada::store::{Collection, Order, Query, Store, StoreError, StoreExt};
use serde_json::{json, Value};
use std::rc::Rc;

/// A contract case.
pub type Case = (
    &'static str,
    fn(Rc<dyn Store>) -> LocalBoxFuture<'static, ()>,
);

/// Every case.
pub const CASES: &[Case] = &[
    ("create_then_get", |s| Box::pin(create_then_get(s))),
    ("create_twice_collides", |s| {
        Box::pin(create_twice_collides(s))
    }),
    ("update_checks_version", |s| {
        Box::pin(update_checks_version(s))
    }),
    ("update_missing_is_not_found", |s| {
        Box::pin(update_missing_is_not_found(s))
    }),
    ("delete_checks_version", |s| {
        Box::pin(delete_checks_version(s))
    }),
    ("list_filters_sorts_pages", |s| {
        Box::pin(list_filters_sorts_pages(s))
    }),
    ("count_counts_what_the_filters_match", |s| {
        Box::pin(count_counts_what_the_filters_match(s))
    }),
    ("collections_are_separate", |s| {
        Box::pin(collections_are_separate(s))
    }),
    ("documents_need_an_id", |s| {
        Box::pin(documents_need_an_id(s))
    }),
    ("unreadable_documents_are_reported_not_dropped", |s| {
        Box::pin(unreadable_reported(s))
    }),
    ("a_repeated_vote_is_one_vote", |s| {
        Box::pin(repeated_vote(s))
    }),
    ("hostile_text_round_trips", |s| Box::pin(hostile_text(s))),
    ("demo_seeds_only_empty_storage", |s| {
        Box::pin(seeds_only_empty(s))
    }),
];

/// Runs every case, each on a fresh store from `make`, and panics naming the failures.
pub async fn run_all<F: Fn() -> Rc<dyn Store>>(make: F) {
    for (name, case) in CASES {
        // On wasm a panic aborts instead of unwinding: name the case before running it.
        #[cfg(target_arch = "wasm32")]
        web_sys::console::log_1(&format!("store contract case `{name}`").into());
        let store = make();
        let result =
            futures::FutureExt::catch_unwind(std::panic::AssertUnwindSafe(case(store))).await;
        if result.is_err() {
            panic!("store contract case `{name}` failed");
        }
    }
}

fn idea_doc(id: &str, board: &str, votes: i64) -> Value {
    json!({"id": id, "board_id": board, "title": format!("Idea {id}"), "score": votes, "author": "m:m1", "meta": {"lane": if votes > 6 { "hot" } else { "cold" }}})
}

async fn create_then_get(store: Rc<dyn Store>) {
    let created = store
        .create(Collection::Ideas, idea_doc("a", "b1", 1))
        .await
        .unwrap();
    assert_eq!(created["version"], 1);
    let got = store.get(Collection::Ideas, "a").await.unwrap().unwrap();
    assert_eq!(got["title"], "Idea a");
    assert_eq!(got["version"], 1);
    assert!(store
        .get(Collection::Ideas, "missing")
        .await
        .unwrap()
        .is_none());
}

async fn create_twice_collides(store: Rc<dyn Store>) {
    store
        .create(Collection::Ideas, idea_doc("a", "b1", 1))
        .await
        .unwrap();
    let mut other = idea_doc("a", "b1", 1);
    other["title"] = json!("Overwritten?");
    let err = store.create(Collection::Ideas, other).await.unwrap_err();
    assert!(
        matches!(
            err,
            StoreError::AlreadyExists {
                collection: Collection::Ideas,
                ..
            }
        ),
        "{err:?}"
    );
    let got = store.get(Collection::Ideas, "a").await.unwrap().unwrap();
    assert_eq!(
        got["title"], "Idea a",
        "a colliding create must not overwrite"
    );
}

async fn update_checks_version(store: Rc<dyn Store>) {
    let v1 = store
        .create(Collection::Ideas, idea_doc("a", "b1", 1))
        .await
        .unwrap();
    let mut mine = v1.clone();
    mine["title"] = json!("Mine");
    let v2 = store.update(Collection::Ideas, mine).await.unwrap();
    assert_eq!(v2["version"], 2);
    // Someone still holding version 1 tries to write: a conflict, not a silent overwrite.
    let mut theirs = v1;
    theirs["title"] = json!("Theirs");
    let err = store.update(Collection::Ideas, theirs).await.unwrap_err();
    assert_eq!(
        err,
        StoreError::Conflict {
            collection: Collection::Ideas,
            id: "a".into(),
            expected: 1,
            actual: 2
        }
    );
    assert_eq!(
        store.get(Collection::Ideas, "a").await.unwrap().unwrap()["title"],
        "Mine"
    );
}

async fn update_missing_is_not_found(store: Rc<dyn Store>) {
    let mut doc = idea_doc("ghost", "b1", 0);
    doc["version"] = json!(1);
    let err = store.update(Collection::Ideas, doc).await.unwrap_err();
    assert!(matches!(err, StoreError::NotFound { .. }), "{err:?}");
}

async fn delete_checks_version(store: Rc<dyn Store>) {
    store
        .create(Collection::Ideas, idea_doc("a", "b1", 1))
        .await
        .unwrap();
    let err = store
        .delete(Collection::Ideas, "a", Some(7))
        .await
        .unwrap_err();
    assert!(
        matches!(
            err,
            StoreError::Conflict {
                expected: 7,
                actual: 1,
                ..
            }
        ),
        "{err:?}"
    );
    store.delete(Collection::Ideas, "a", Some(1)).await.unwrap();
    assert!(store.get(Collection::Ideas, "a").await.unwrap().is_none());
    let err = store
        .delete(Collection::Ideas, "a", None)
        .await
        .unwrap_err();
    assert!(matches!(err, StoreError::NotFound { .. }), "{err:?}");
}

/// Ideas a, c, d on board b1 and b on b2 (scores 5, 9, 7, 1; b and c "hot").
async fn four_ideas(store: &Rc<dyn Store>) {
    for (id, board, score) in [
        ("a", "b1", 5),
        ("b", "b2", 9),
        ("c", "b1", 7),
        ("d", "b1", 1),
    ] {
        store
            .create(Collection::Ideas, idea_doc(id, board, score))
            .await
            .unwrap();
    }
}

async fn count_counts_what_the_filters_match(store: Rc<dyn Store>) {
    let b1 = Query::all().eq("board_id", "b1");
    assert_eq!(store.count(Collection::Ideas, &b1).await.unwrap(), 0);
    four_ideas(&store).await;
    store
        .create(Collection::Comments, json!({"id": "k", "board_id": "b1"}))
        .await
        .unwrap();
    assert_eq!(store.count(Collection::Ideas, &b1).await.unwrap(), 3);
    assert_eq!(
        store.count(Collection::Ideas, &Query::all()).await.unwrap(),
        4
    );
    // Sort, offset and limit do not change what is counted.
    let paged = b1.clone().sort("score", Order::Desc).page(1, 1);
    assert_eq!(store.count(Collection::Ideas, &paged).await.unwrap(), 3);
    let nested = Query::all().eq("meta.lane", "hot");
    assert_eq!(store.count(Collection::Ideas, &nested).await.unwrap(), 2);
    store.delete(Collection::Ideas, "c", None).await.unwrap();
    assert_eq!(store.count(Collection::Ideas, &b1).await.unwrap(), 2);
    assert_eq!(
        store
            .count(Collection::Ideas, &Query::all().eq("board_id", "none"))
            .await
            .unwrap(),
        0
    );
}

async fn list_filters_sorts_pages(store: Rc<dyn Store>) {
    four_ideas(&store).await;
    let ids = |docs: Vec<Value>| {
        docs.iter()
            .map(|d| d["id"].as_str().unwrap().to_owned())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        ids(store.list(Collection::Ideas, &Query::all()).await.unwrap()),
        ["a", "b", "c", "d"]
    );
    let b1 = Query::all().eq("board_id", "b1");
    assert_eq!(
        ids(store.list(Collection::Ideas, &b1).await.unwrap()),
        ["a", "c", "d"]
    );
    let by_score = b1.clone().sort("score", Order::Desc);
    assert_eq!(
        ids(store.list(Collection::Ideas, &by_score).await.unwrap()),
        ["c", "a", "d"]
    );
    assert_eq!(
        ids(store
            .list(Collection::Ideas, &by_score.clone().page(1, 1))
            .await
            .unwrap()),
        ["a"]
    );
    let nested = Query::all().eq("meta.lane", "hot").eq("author", "m:m1");
    assert_eq!(
        ids(store.list(Collection::Ideas, &nested).await.unwrap()),
        ["b", "c"]
    );
    assert!(store
        .list(Collection::Ideas, &Query::all().eq("board_id", "none"))
        .await
        .unwrap()
        .is_empty());
}

async fn collections_are_separate(store: Rc<dyn Store>) {
    store
        .create(Collection::Ideas, json!({"id": "x", "kind": "idea"}))
        .await
        .unwrap();
    store
        .create(Collection::Comments, json!({"id": "x", "kind": "comment"}))
        .await
        .unwrap();
    assert_eq!(
        store.get(Collection::Ideas, "x").await.unwrap().unwrap()["kind"],
        "idea"
    );
    assert_eq!(
        store.get(Collection::Comments, "x").await.unwrap().unwrap()["kind"],
        "comment"
    );
    assert!(store
        .list(Collection::Votes, &Query::all())
        .await
        .unwrap()
        .is_empty());
}

async fn documents_need_an_id(store: Rc<dyn Store>) {
    for doc in [
        json!({"title": "no id"}),
        json!({"id": ""}),
        json!({"id": 5}),
    ] {
        let err = store.create(Collection::Ideas, doc).await.unwrap_err();
        assert!(matches!(err, StoreError::Malformed(_)), "{err:?}");
    }
}

async fn unreadable_reported(store: Rc<dyn Store>) {
    let now = Timestamp::parse("2026-01-01T00:00:00Z").unwrap();
    let good = Vote::new(
        &IdeaId::from("i1"),
        &BoardId::from("b1"),
        Actor::Member(MemberId::from("m1")),
        now,
    );
    store.create_as(&good).await.unwrap();
    // A document of the wrong shape (e.g. written by another tool) is kept and reported.
    store
        .create(Collection::Votes, json!({"id": "weird", "idea_id": 42}))
        .await
        .unwrap();
    let listed = store.list_as::<Vote>(&Query::all()).await.unwrap();
    assert_eq!(listed.items, vec![Vote { version: 1, ..good }]);
    assert_eq!(listed.unreadable.len(), 1);
    assert_eq!(listed.unreadable[0].id, "weird");
    assert!(
        store
            .get(Collection::Votes, "weird")
            .await
            .unwrap()
            .is_some(),
        "never dropped"
    );
    let err = store.get_as::<Vote>("weird").await.unwrap_err();
    assert!(matches!(err, StoreError::Unreadable { .. }), "{err:?}");
}

async fn repeated_vote(store: Rc<dyn Store>) {
    let now = Timestamp::parse("2026-01-01T00:00:00Z").unwrap();
    let voter = Actor::Member(MemberId::from("m1"));
    let first = Vote::new(
        &IdeaId::from("i1"),
        &BoardId::from("b1"),
        voter.clone(),
        now,
    );
    let replay = Vote::new(
        &IdeaId::from("i1"),
        &BoardId::from("b1"),
        voter,
        now.plus_ms(5),
    );
    store.create_as(&first).await.unwrap();
    assert!(matches!(
        store.create_as(&replay).await,
        Err(StoreError::AlreadyExists { .. })
    ));
    assert_eq!(
        store
            .list(Collection::Votes, &Query::all())
            .await
            .unwrap()
            .len(),
        1
    );
}

async fn hostile_text(store: Rc<dyn Store>) {
    let title = format!(
        "<script>alert(1)</script><img src=x onerror=alert(2)> javascript:alert(3) \u{202e}evil \u{1F600} {}",
        "x".repeat(10_000)
    );
    store
        .create(Collection::Ideas, json!({"id": "h", "title": title}))
        .await
        .unwrap();
    assert_eq!(
        store.get(Collection::Ideas, "h").await.unwrap().unwrap()["title"],
        json!(title)
    );
}

async fn seeds_only_empty(store: Rc<dyn Store>) {
    let now = Timestamp::parse("2026-11-24T10:00:00Z").unwrap();
    let community = demo::generate(now, 1);
    // Something of the user's exists: the demo must not be loaded over it.
    store
        .create(Collection::Boards, json!({"id": "mine", "slug": "mine"}))
        .await
        .unwrap();
    assert!(!seed_if_empty(store.as_ref(), &community).await.unwrap());
    assert_eq!(
        store
            .list(Collection::Boards, &Query::all())
            .await
            .unwrap()
            .len(),
        1
    );
    store
        .delete(Collection::Boards, "mine", None)
        .await
        .unwrap();
    assert!(seed_if_empty(store.as_ref(), &community).await.unwrap());
    let ideas = store.list(Collection::Ideas, &Query::all()).await.unwrap();
    assert_eq!(ideas.len(), community.ideas.len());
    assert!(
        !seed_if_empty(store.as_ref(), &community).await.unwrap(),
        "seeds once"
    );
}

/// Creates, reads back, updates and lists one entity of each type through the store.
async fn round_trip<T>(store: &dyn Store, mut entity: T, change: impl Fn(&mut T))
where
    T: gromada::store::Entity + Clone + PartialEq + std::fmt::Debug,
{
    let created = store.create_as(&entity).await.unwrap();
    let id = created.entity_id().to_owned();
    let read: T = store.get_as(&id).await.unwrap().unwrap();
    assert_eq!(read, created, "{id} reads back as written");
    change(&mut entity);
    let mut next = read.clone();
    change(&mut next);
    let updated = store.update_as(&next).await.unwrap();
    assert_ne!(updated, created, "{id} changed");
    let listed = store.list_as::<T>(&Query::all()).await.unwrap();
    assert_eq!(listed.items, vec![updated]);
    assert!(listed.unreadable.is_empty());
}

async fn every_entity_round_trips(store: Rc<dyn Store>) {
    use gromada::domain::board::Board;
    use gromada::domain::changelog::ChangelogEntry;
    use gromada::domain::moderation::{
        CommunitySettings, Decision, ModLogEntry, PostRef, Report, ReportReason,
    };
    let now = Timestamp::parse("2026-11-24T10:00:00Z").unwrap();
    let demo = demo::generate(now, 3);
    let s = store.as_ref();
    round_trip(s, demo.members[0].clone(), |m| m.name = "Renamed".into()).await;
    round_trip(s, demo.boards[0].clone(), |b: &mut Board| {
        b.description = "Changed".into()
    })
    .await;
    round_trip(s, demo.ideas[0].clone(), |i| {
        i.title = "<b>Changed</b> 😀".into()
    })
    .await;
    round_trip(s, demo.votes[0].clone(), |v| v.created_at = now).await;
    round_trip(s, demo.comments[0].clone(), |c| c.body = "Edited".into()).await;
    round_trip(s, demo.surveys[0].clone(), |sv| sv.threshold = 7).await;
    round_trip(s, demo.responses[0].clone(), |r| r.updated_at = Some(now)).await;
    round_trip(s, demo.events[0].clone(), |e| e.text = "edited".into()).await;
    let idea = demo.ideas[0].id.clone();
    round_trip(
        s,
        ChangelogEntry {
            id: ChangelogId::from("c1"),
            board_id: demo.boards[0].id.clone(),
            title: "Dark mode shipped".into(),
            body: "Thanks!".into(),
            idea_ids: vec![idea.clone()],
            contributors: vec![MemberId::from("m-ola")],
            published_at: now,
            published_by: Actor::Member(MemberId::from("m-piotr")),
            version: 0,
        },
        |e| e.title = "Dark mode is here".into(),
    )
    .await;
    let post = PostRef::Comment(CommentId::from("c9"), idea.clone());
    let by = Actor::Device(DeviceId::from("d1"));
    round_trip(
        s,
        Report {
            id: Report::id_for(&post, &by),
            post: post.clone(),
            board_id: demo.boards[0].id.clone(),
            reason: ReportReason::Spam,
            note: "ads".into(),
            by,
            at: now,
            resolved: false,
            version: 0,
        },
        |r| r.resolved = true,
    )
    .await;
    round_trip(
        s,
        ModLogEntry {
            id: ModLogId::from("l1"),
            post: Some(post),
            board_id: None,
            decision: Decision::Status("open".into(), "planned".into()),
            by: Actor::Member(MemberId::from("m-marta")),
            at: now,
            note: String::new(),
            version: 0,
        },
        |l| l.note = "because".into(),
    )
    .await;
    let mut settings = CommunitySettings::default();
    settings
        .word_filter
        .insert(gromada::domain::locale::Locale::Pl, vec!["oszustwo".into()]);
    round_trip(s, settings, |c| c.hold_bare_links = false).await;
}
