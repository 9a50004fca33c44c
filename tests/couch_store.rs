//! The CouchDB store against a real CouchDB-compatible server (npm pouchdb-server, in
//! memory, started here): the store contract, paging, revisions and conflicts, the
//! votes view, the changes feed, and the server-side rules of the design document
//! installed by the documented command (`node scripts/couch/setup.mjs`), refusing a
//! member's forbidden writes on the server itself.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod backend;
mod contract;
mod http;

use futures::executor::block_on;
use gromada::domain::config::CouchConfig;
use gromada::domain::demo;
use gromada::domain::ranking::BoardIndex;
use gromada::domain::time::Timestamp;
use gromada::domain::vote::Vote;
use gromada::store::couch::CouchStore;
use gromada::store::{seed, Collection, Query, Store, StoreError, StoreExt};
use serde_json::{json, Value};
use std::cell::RefCell;
use std::rc::Rc;

const ADMIN: (&str, &str) = ("admin", "s3cret");

fn store(server: &backend::PouchServer, db: &str) -> CouchStore {
    CouchStore::new(
        Rc::new(http::UreqHttp::new()),
        CouchConfig::new(&server.url, db),
    )
}

fn user(server: &backend::PouchServer, db: &str, name: &str) -> CouchStore {
    let s = store(server, db);
    block_on(s.log_in(name, "pw")).expect("the user logs in");
    s
}

/// The documented setup command, as an operator runs it.
fn setup(server: &backend::PouchServer, db: &str) -> String {
    server.couch_setup(db, Some(ADMIN))
}

#[test]
fn couch_store_keeps_the_contract_against_pouchdb_server() {
    let server = backend::PouchServer::start();
    block_on(contract::run_all(|| {
        let db = server.fresh_db(None);
        // Small pages, so the contract's lists cross page boundaries.
        Rc::new(store(&server, &db).with_page_size(4)) as Rc<dyn Store>
    }));
}

#[test]
fn revisions_refuse_lost_updates_and_lists_page_through_everything() {
    let server = backend::PouchServer::start();
    let db = server.fresh_db(None);
    let a = store(&server, &db).with_page_size(7);
    let b = store(&server, &db);
    block_on(async {
        for i in 0..50 {
            let doc = json!({"id": format!("i{i:02}"), "board_id": if i % 2 == 0 { "even" } else { "odd" }, "score": i});
            a.create(Collection::Ideas, doc).await.unwrap();
        }
        let odd = a
            .list(Collection::Ideas, &Query::all().eq("board_id", "odd"))
            .await
            .unwrap();
        assert_eq!(odd.len(), 25);
        assert!(odd.iter().all(|d| d["board_id"] == "odd"));
        // Never set up: the first query without a usable index created it.
        let indexes = server.call("GET", &format!("{db}/_index"), None, None);
        let fields: Vec<String> = indexes["indexes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["def"]["fields"].to_string())
            .collect();
        assert!(
            fields.contains(&r#"[{"type":"asc"},{"board_id":"asc"}]"#.to_owned()),
            "{fields:?}"
        );
        assert_eq!(
            a.list(Collection::Ideas, &Query::all())
                .await
                .unwrap()
                .len(),
            50
        );

        let mine = a.get(Collection::Ideas, "i07").await.unwrap().unwrap();
        let mut theirs = mine.clone();
        theirs["title"] = json!("theirs");
        b.update(Collection::Ideas, theirs).await.unwrap();
        let mut stale = mine;
        stale["title"] = json!("mine");
        match a.update(Collection::Ideas, stale).await {
            Err(StoreError::Conflict {
                expected, actual, ..
            }) => assert_eq!((expected, actual), (1, 2)),
            other => panic!("expected a conflict, got {other:?}"),
        }
        let stored = b.get(Collection::Ideas, "i07").await.unwrap().unwrap();
        assert_eq!(stored["title"], "theirs", "nothing was overwritten");
        assert_eq!(stored["version"], 2);
        // Deleted, then created again under the same id (a vote taken back and given again).
        a.delete(Collection::Ideas, "i07", Some(2)).await.unwrap();
        assert!(a.get(Collection::Ideas, "i07").await.unwrap().is_none());
        a.create(Collection::Ideas, json!({"id": "i07"}))
            .await
            .unwrap();
        assert_eq!(
            a.get(Collection::Ideas, "i07").await.unwrap().unwrap()["version"],
            1
        );
        // A database set up before the board_tally view (or never set up): the app is told
        // to list the votes instead.
        assert_eq!(a.board_tallies("even", "m:x").await.unwrap(), None);
    });
}

#[test]
fn tallies_per_idea_come_from_the_view_and_changes_reach_listeners() {
    let server = backend::PouchServer::start();
    server.add_admin(ADMIN.0, ADMIN.1);
    let db = server.fresh_db(Some(ADMIN));
    let out = setup(&server, &db);
    assert!(out.contains("design document installed"), "{out}");
    assert!(
        setup(&server, &db).contains("design document up to date"),
        "a second run changes nothing"
    );
    server.add_user(ADMIN, "boss", "pw", &["gromada_admin"]);
    let boss = user(&server, &db, "boss");
    assert_eq!(
        block_on(boss.session_user()).unwrap().as_deref(),
        Some("boss")
    );
    assert_eq!(block_on(store(&server, &db).session_user()).unwrap(), None);
    let watcher = user(&server, &db, "boss");
    let heard = Rc::new(RefCell::new(Vec::new()));
    let h = heard.clone();
    watcher.subscribe(Rc::new(move |c| h.borrow_mut().push(c)));
    block_on(async {
        let since = watcher.current_seq().await.unwrap();
        for (idea, voters) in [("i1", 3), ("i2", 1), ("i3", 0)] {
            for v in 0..voters {
                let voter = format!("m:m{v}");
                boss.create(
                    Collection::Votes,
                    json!({"id": format!("vote:{idea}:{voter}"), "idea_id": idea, "board_id": "b1", "voter": voter, "created_at": "2026-01-01T00:00:00Z"}),
                )
                .await
                .unwrap();
            }
        }
        boss.create(
            Collection::Votes,
            json!({"id": "vote:x:d:dev1", "idea_id": "x", "board_id": "b2", "voter": "d:dev1", "created_at": "2026-01-01T00:00:00Z"}),
        )
        .await
        .unwrap();
        let tallies = boss.board_tallies("b1", "m:m0").await.unwrap().unwrap();
        let votes: Vec<_> = tallies
            .ideas
            .iter()
            .map(|(idea, t)| (idea.as_str(), t.member_votes, t.anonymous_votes))
            .collect();
        assert_eq!(votes, vec![("i1", 3, 0), ("i2", 1, 0)]);
        assert_eq!(
            ids(&tallies.own_votes),
            ["vote:i1:m:m0", "vote:i2:m:m0"],
            "the voter's own votes come with the counts"
        );
        let b2 = boss.board_tallies("b2", "d:dev1").await.unwrap().unwrap();
        assert_eq!(b2.ideas["x"].anonymous_votes, 1);
        // A survey's responses are counted by the survey_responses view, not listed.
        for (i, survey) in ["s1", "s1", "s2", "s1"].into_iter().enumerate() {
            boss.create(
                Collection::Responses,
                json!({"id": format!("r{i}"), "survey_id": survey, "answers": {}}),
            )
            .await
            .unwrap();
        }
        let by = |s: &str| Query::all().eq("survey_id", s);
        assert_eq!(
            boss.count(Collection::Responses, &by("s1")).await.unwrap(),
            3
        );
        assert_eq!(
            boss.count(Collection::Responses, &by("s2")).await.unwrap(),
            1
        );
        assert_eq!(
            boss.count(Collection::Responses, &by("s3")).await.unwrap(),
            0
        );
        let view = server.call(
            "GET",
            &format!("{db}/_design/gromada/_view/survey_responses?reduce=true&key=%22s1%22"),
            Some(ADMIN),
            None,
        );
        assert_eq!(view["rows"][0]["value"], 3, "{view}");
        let changes = watcher.changes(&since, 5_000).await.unwrap();
        assert_eq!(
            changes.collections,
            vec![Collection::Votes, Collection::Responses]
        );
        assert_eq!(
            *heard.borrow(),
            vec![Collection::Votes, Collection::Responses]
        );
        // Nothing new: the longpoll waits, then answers with the same position.
        let quiet = watcher.changes(&changes.last_seq, 300).await.unwrap();
        assert!(quiet.collections.is_empty());
    });
}

fn ids(docs: &[Value]) -> Vec<&str> {
    docs.iter().map(|d| d["id"].as_str().unwrap()).collect()
}

/// The outcome of a write as the rules judged it: `Ok` or the server's refusal.
fn refused(result: Result<impl Sized, StoreError>) -> Option<(u16, String)> {
    match result {
        Ok(_) => None,
        Err(StoreError::Rejected { status, reason }) => Some((status, reason)),
        Err(other) => panic!("expected the server's refusal, got {other:?}"),
    }
}

#[test]
fn the_rules_refuse_forbidden_writes_on_the_server() {
    let server = backend::PouchServer::start();
    server.add_admin(ADMIN.0, ADMIN.1);
    let db = server.fresh_db(Some(ADMIN));
    setup(&server, &db);
    server.add_user(ADMIN, "boss", "pw", &["gromada_admin"]);
    server.add_user(ADMIN, "mod", "pw", &["gromada_moderator"]);

    // Everything the app itself writes for the demo community passes the shape checks.
    let community = demo::generate(Timestamp::parse("2026-11-01T12:00:00Z").unwrap(), 7);
    for m in &community.members {
        server.add_user(ADMIN, m.id.as_str(), "pw", &[]);
    }
    let boss = user(&server, &db, "boss");
    let docs = seed::documents(&community).unwrap();
    block_on(async {
        for (collection, doc) in docs.iter().filter(|(c, _)| *c != Collection::Events).chain(
            docs.iter()
                .filter(|(c, _)| *c == Collection::Events)
                .take(50),
        ) {
            if let Err(e) = boss.create(*collection, doc.clone()).await {
                panic!("the rules refused the app's own {collection:?} {doc}: {e}");
            }
        }
    });

    // The board_tally view sums exactly what the app counts from every vote and comment.
    let now = Timestamp::parse("2026-11-01T12:00:00Z").unwrap();
    let mut community = community;
    let mut rejected = community.comments[0].clone();
    rejected.id = gromada::domain::ids::CommentId::from("rejected-one");
    rejected.visibility = gromada::domain::idea::Visibility::Rejected;
    block_on(boss.create_as(&rejected)).unwrap();
    community.comments.push(rejected);
    for board in &community.boards {
        let of_board = |b: &gromada::domain::ids::BoardId| b == &board.id;
        let ideas: Vec<_> = community
            .ideas
            .iter()
            .filter(|i| of_board(&i.board_id))
            .cloned()
            .collect();
        let votes: Vec<_> = community
            .votes
            .iter()
            .filter(|v| of_board(&v.board_id))
            .cloned()
            .collect();
        let comments: Vec<_> = community
            .comments
            .iter()
            .filter(|c| of_board(&c.board_id))
            .cloned()
            .collect();
        let full = BoardIndex::build(board, ideas.clone(), &votes, &comments, now);
        let voter = votes.first().map(|v| v.voter.clone()).unwrap();
        let tallies = block_on(boss.board_tallies(board.id.as_str(), &voter.key()))
            .unwrap()
            .expect("the view is installed");
        let own: Vec<Vote> = tallies
            .own_votes
            .iter()
            .map(|v| serde_json::from_value(v.clone()).unwrap())
            .collect();
        assert_eq!(own.len(), votes.iter().filter(|v| v.voter == voter).count());
        let counts = tallies
            .ideas
            .into_iter()
            .map(|(id, t)| (gromada::domain::ids::IdeaId::from(id), t))
            .collect();
        let lean = BoardIndex::from_tallies(board, ideas.clone(), &counts, &own, now);
        for idea in &ideas {
            let (a, b) = (full.stats(&idea.id), lean.stats(&idea.id));
            assert_eq!(
                (a.member_votes, a.anonymous_votes, a.comments),
                (b.member_votes, b.anonymous_votes, b.comments),
                "{}",
                idea.id
            );
            assert!(
                (a.weighted_votes - b.weighted_votes).abs() <= 1e-9 * a.weighted_votes.max(1.0)
            );
            assert!(
                (a.weighted_comments - b.weighted_comments).abs()
                    <= 1e-9 * a.weighted_comments.max(1.0)
            );
            assert_eq!(
                full.has_voted(&voter, &idea.id),
                lean.has_voted(&voter, &idea.id)
            );
        }
    }

    let idea = community
        .ideas
        .iter()
        .find(|i| i.author.member().is_some())
        .unwrap();
    let author = idea.author.member().unwrap().as_str().to_owned();
    let other = community
        .members
        .iter()
        .map(|m| m.id.as_str().to_owned())
        .find(|m| *m != author)
        .unwrap();
    let me = user(&server, &db, &author);
    let stranger = user(&server, &db, &other);
    let moderator = user(&server, &db, "mod");
    let anonymous = store(&server, &db);
    block_on(async {
        // Votes: one's own, never someone else's.
        let vote = |voter: &str, idea_id: &str| json!({"id": format!("vote:{idea_id}:{voter}"), "idea_id": idea_id, "board_id": idea.board_id.as_str(), "voter": voter, "created_at": "2026-11-02T00:00:00Z"});
        let fresh = "fresh-idea";
        assert_eq!(
            refused(
                me.create(Collection::Votes, vote(&format!("m:{author}"), fresh))
                    .await
            ),
            None
        );
        let (status, reason) = refused(
            me.create(Collection::Votes, vote(&format!("m:{other}"), fresh))
                .await,
        )
        .unwrap();
        assert_eq!(status, 403);
        assert!(reason.contains("their own votes"), "{reason}");
        let mine = format!("vote:{fresh}:m:{author}");
        assert!(refused(stranger.delete(Collection::Votes, &mine, None).await).is_some());
        assert_eq!(
            refused(me.delete(Collection::Votes, &mine, None).await),
            None
        );
        let (_, reason) = refused(
            me.create(
                Collection::Votes,
                json!({"id": "vote:i:m:x", "idea_id": 42, "board_id": "b", "voter": "m:x"}),
            )
            .await,
        )
        .unwrap();
        assert!(
            reason.contains("idea_id"),
            "shape checks name the field: {reason}"
        );
        // Signed out: nothing is written.
        let (status, _) = refused(
            anonymous
                .create(Collection::Votes, vote(&format!("m:{author}"), fresh))
                .await,
        )
        .unwrap();
        assert_eq!(status, 401);

        // Ideas: the author edits the text, not the status; a moderator changes the status.
        let stored = me
            .get(Collection::Ideas, idea.id.as_str())
            .await
            .unwrap()
            .unwrap();
        let mut edited = stored.clone();
        edited["title"] = json!("A clearer title, edited by its author");
        let edited = me
            .update(Collection::Ideas, edited)
            .await
            .expect("the author edits");
        let mut promoted = edited.clone();
        let target = if edited["status_id"] == "planned" {
            "done"
        } else {
            "planned"
        };
        promoted["status_id"] = json!(target);
        let (_, reason) = refused(me.update(Collection::Ideas, promoted.clone()).await).unwrap();
        assert!(reason.contains("status"), "{reason}");
        let mut hijacked = edited.clone();
        hijacked["title"] = json!("Hijacked by a stranger");
        assert!(refused(stranger.update(Collection::Ideas, hijacked).await).is_some());
        moderator
            .update(Collection::Ideas, promoted)
            .await
            .expect("a moderator changes the status");
        let now = me
            .get(Collection::Ideas, idea.id.as_str())
            .await
            .unwrap()
            .unwrap();
        assert_eq!(now["status_id"], target);
        assert_eq!(now["title"], "A clearer title, edited by its author");

        // Comments: no official replies from members, no edits of others' comments.
        let comment = json!({"id": "c-new", "idea_id": idea.id.as_str(), "board_id": idea.board_id.as_str(), "author": format!("m:{author}"), "body": "<script>alert(1)</script> 👍", "created_at": "2026-11-02T00:00:00Z", "official": true});
        let (_, reason) = refused(me.create(Collection::Comments, comment.clone()).await).unwrap();
        assert!(reason.contains("official"), "{reason}");
        let mut plain = comment;
        plain["official"] = json!(false);
        let plain = me.create(Collection::Comments, plain).await.unwrap();
        let mut defaced = plain;
        defaced["body"] = json!("defaced");
        assert!(refused(stranger.update(Collection::Comments, defaced).await).is_some());

        // Boards and settings: admins only.
        let board: Value = me
            .list(Collection::Boards, &Query::all())
            .await
            .unwrap()
            .remove(0);
        let mut renamed = board.clone();
        renamed["name"] = json!("Mine now");
        assert!(refused(me.update(Collection::Boards, renamed.clone()).await).is_some());
        assert!(refused(moderator.update(Collection::Boards, renamed.clone()).await).is_some());
        assert_eq!(
            refused(boss.update(Collection::Boards, renamed).await),
            None
        );
    });
}
