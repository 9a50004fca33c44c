//! The offline outbox over a store whose backend comes and goes: writes made while it is
//! away are kept, shown, applied in order exactly once (also when the backend applied a
//! write but its answer was lost), refused writes are kept for the user to retry or
//! discard, `Retry-After` is honoured, the queue survives a reload, and a long random run
//! with faults ends with exactly the data the user saw.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod random_ops;

use async_trait::async_trait;
use futures::executor::block_on;
use gromada::domain::rng::Rng;
use gromada::domain::time::Timestamp;
use gromada::store::memory::MemoryStore;
use gromada::store::outbox::{MemoryPersistence, OutboxPersistence, OutboxStore};
use gromada::store::{BoardTallies, Collection, Listener, Query, Store, StoreError};
use serde_json::{json, Value};
use std::cell::{Cell, RefCell};
use std::rc::Rc;

/// What the fake backend does with the next requests.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Mode {
    Up,
    /// Unreachable: nothing happens.
    Down,
    /// 503 with Retry-After.
    Busy(u64),
    /// 500: the server answers, with an error.
    Failing,
    /// The write happens but the answer is lost (a timeout after the server wrote).
    LoseAnswers,
    /// The write happens, its answer is lost and the transport sends it again (as
    /// Chromium does on a broken reused connection): the answer is the second one's.
    SentTwice,
}

struct Flaky {
    inner: MemoryStore,
    mode: Cell<Mode>,
    /// Ids the server refuses for good (a validation rule).
    refuse: RefCell<Vec<String>>,
    /// Runs while the next create is on its way (another tab acting meanwhile).
    during_create: RefCell<Option<Box<dyn FnOnce()>>>,
    /// Ids deleted meanwhile by someone else: reads find nothing.
    gone: RefCell<Vec<String>>,
}

impl Flaky {
    fn new() -> Rc<Self> {
        Rc::new(Self {
            inner: MemoryStore::new(),
            mode: Cell::new(Mode::Up),
            refuse: RefCell::new(Vec::new()),
            during_create: RefCell::new(None),
            gone: RefCell::new(Vec::new()),
        })
    }

    fn before(&self) -> Result<(), StoreError> {
        match self.mode.get() {
            Mode::Down => Err(StoreError::Offline {
                reason: "connection refused".into(),
            }),
            Mode::Busy(ms) => Err(StoreError::Busy {
                status: 503,
                retry_after_ms: Some(ms),
            }),
            Mode::Failing => Err(StoreError::Busy {
                status: 500,
                retry_after_ms: None,
            }),
            _ => Ok(()),
        }
    }

    fn after<T>(&self, result: Result<T, StoreError>) -> Result<T, StoreError> {
        match (self.mode.get(), result) {
            (Mode::LoseAnswers, Ok(_)) => Err(StoreError::Offline {
                reason: "timed out".into(),
            }),
            (_, r) => r,
        }
    }

    fn refused(&self, doc: &Value) -> Result<(), StoreError> {
        let id = doc["id"].as_str().unwrap_or_default();
        if self.refuse.borrow().iter().any(|r| r == id) {
            return Err(StoreError::Rejected {
                status: 422,
                reason: "title is not allowed".into(),
            });
        }
        Ok(())
    }
}

#[async_trait(?Send)]
impl Store for Flaky {
    fn kind(&self) -> &'static str {
        "flaky"
    }
    async fn get(&self, c: Collection, id: &str) -> Result<Option<Value>, StoreError> {
        self.before()?;
        if self.gone.borrow().iter().any(|g| g == id) {
            return Ok(None);
        }
        self.inner.get(c, id).await
    }
    async fn list(&self, c: Collection, q: &Query) -> Result<Vec<Value>, StoreError> {
        self.before()?;
        self.inner.list(c, q).await
    }
    async fn create(&self, c: Collection, doc: Value) -> Result<Value, StoreError> {
        self.before()?;
        self.refused(&doc)?;
        let meanwhile = self.during_create.borrow_mut().take();
        if let Some(f) = meanwhile {
            f();
        }
        if self.mode.get() == Mode::SentTwice {
            let _ = self.inner.create(c, doc.clone()).await;
        }
        let r = self.inner.create(c, doc).await;
        self.after(r)
    }
    async fn update(&self, c: Collection, doc: Value) -> Result<Value, StoreError> {
        self.before()?;
        self.refused(&doc)?;
        if self.mode.get() == Mode::SentTwice {
            let _ = self.inner.update(c, doc.clone()).await;
        }
        let r = self.inner.update(c, doc).await;
        self.after(r)
    }
    async fn delete(&self, c: Collection, id: &str, v: Option<u64>) -> Result<(), StoreError> {
        self.before()?;
        if self.mode.get() == Mode::SentTwice {
            let _ = self.inner.delete(c, id, v).await;
        }
        let r = self.inner.delete(c, id, v).await;
        self.after(r)
    }
    fn subscribe(&self, l: Listener) {
        self.inner.subscribe(l);
    }
    /// Sums like CouchDB's board_tally view: what the server has, nothing of the outbox.
    async fn board_tallies(
        &self,
        board: &str,
        voter: &str,
    ) -> Result<Option<BoardTallies>, StoreError> {
        self.before()?;
        let votes = self
            .inner
            .list(Collection::Votes, &Query::all().eq("board_id", board))
            .await?;
        let mut t = BoardTallies::default();
        for v in votes {
            if v["voter"] == voter {
                t.own_votes.push(v.clone());
            }
            let at = Timestamp::parse(v["created_at"].as_str().unwrap()).unwrap();
            t.ideas
                .entry(v["idea_id"].as_str().unwrap().to_owned())
                .or_default()
                .count_vote(v["voter"].as_str().unwrap().starts_with("d:"), at, true);
        }
        Ok(Some(t))
    }
}

struct Setup {
    backend: Rc<Flaky>,
    persistence: Rc<MemoryPersistence>,
    clock: Rc<Cell<u64>>,
    outbox: OutboxStore,
}

fn outbox_over(
    backend: Rc<Flaky>,
    persistence: Rc<MemoryPersistence>,
    clock: Rc<Cell<u64>>,
) -> OutboxStore {
    outbox_over_store(backend, persistence, clock)
}

fn outbox_over_store(
    backend: Rc<dyn Store>,
    persistence: Rc<MemoryPersistence>,
    clock: Rc<Cell<u64>>,
) -> OutboxStore {
    // Unique across the tabs of a test, as the browser's random ids are.
    static KEYS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let c = clock.clone();
    OutboxStore::new(
        backend,
        persistence,
        Rc::new(|| {
            let n = KEYS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            format!("w{n}")
        }),
        Rc::new(move || c.get()),
    )
}

fn setup() -> Setup {
    let backend = Flaky::new();
    let persistence = Rc::new(MemoryPersistence::default());
    let clock = Rc::new(Cell::new(1_000_000));
    let outbox = outbox_over(backend.clone(), persistence.clone(), clock.clone());
    Setup {
        backend,
        persistence,
        clock,
        outbox,
    }
}

impl Setup {
    /// What the server holds under `id`.
    async fn stored(&self, collection: Collection, id: &str) -> Option<Value> {
        self.backend.inner.get(collection, id).await.unwrap()
    }

    /// The stored idea's title and version.
    async fn idea_title_and_version(&self, id: &str) -> (Value, Value) {
        let idea = self.stored(Collection::Ideas, id).await.unwrap();
        (idea["title"].clone(), idea["version"].clone())
    }
}

use random_ops::ids;

#[test]
fn writes_while_away_are_kept_shown_and_sent_once() {
    let s = setup();
    block_on(async {
        s.outbox
            .create(Collection::Ideas, json!({"id": "a", "title": "A"}))
            .await
            .unwrap();
        // The page had read its lists before the backend went away.
        s.outbox
            .list(Collection::Ideas, &Query::all())
            .await
            .unwrap();
        s.outbox
            .list(Collection::Votes, &Query::all())
            .await
            .unwrap();
        s.backend.mode.set(Mode::Down);
        // A list never read cannot be made up: the error says the server is away.
        let never_read = s.outbox.list(Collection::Comments, &Query::all()).await;
        assert!(never_read.unwrap_err().is_retryable());
        let b = s
            .outbox
            .create(Collection::Ideas, json!({"id": "b", "title": "B"}))
            .await
            .unwrap();
        assert_eq!(b["version"], 1);
        let mut a = s.outbox.get(Collection::Ideas, "a").await.unwrap().unwrap();
        a["title"] = json!("A2");
        let a2 = s.outbox.update(Collection::Ideas, a).await.unwrap();
        assert_eq!(a2["version"], 2);
        s.outbox
            .create(
                Collection::Votes,
                json!({"id": "vote:a:m1", "idea_id": "a"}),
            )
            .await
            .unwrap();
        s.outbox
            .delete(Collection::Votes, "vote:a:m1", Some(1))
            .await
            .unwrap();
        assert_eq!(s.outbox.status().pending, 4);
        assert!(s
            .outbox
            .status()
            .last_error
            .unwrap()
            .contains("cannot be reached"));
        // This browser sees its own changes while the backend is away.
        let listed = s
            .outbox
            .list(Collection::Ideas, &Query::all())
            .await
            .unwrap();
        assert_eq!(ids(&listed), ["a", "b"]);
        assert_eq!(listed[0]["title"], "A2");
        assert!(s
            .outbox
            .list(Collection::Votes, &Query::all())
            .await
            .unwrap()
            .is_empty());
        // Still away: nothing is lost, the wait grows.
        let r = s.outbox.flush().await;
        assert_eq!((r.sent, r.waiting), (0, 4));
        s.backend.mode.set(Mode::Up);
        let r = s.outbox.flush().await;
        assert_eq!((r.sent, r.failed, r.waiting), (4, 0, 0));
        let stored = s
            .backend
            .inner
            .list(Collection::Ideas, &Query::all())
            .await
            .unwrap();
        assert_eq!(ids(&stored), ["a", "b"]);
        assert_eq!(
            (stored[0]["title"].clone(), stored[0]["version"].clone()),
            (json!("A2"), json!(2))
        );
        assert!(s
            .backend
            .inner
            .list(Collection::Votes, &Query::all())
            .await
            .unwrap()
            .is_empty());
        assert_eq!(s.outbox.status().pending, 0);
    });
}

fn vote(idea: &str, voter: &str) -> Value {
    json!({"id": format!("vote:{idea}:{voter}"), "idea_id": idea, "board_id": "b", "voter": voter,
           "created_at": "2026-11-30T10:00:00Z"})
}

#[test]
fn board_tallies_count_this_browsers_waiting_votes_once() {
    let s = setup();
    block_on(async {
        for doc in [
            vote("i1", "m:other"),
            vote("i1", "m:me"),
            vote("i2", "m:other"),
        ] {
            s.outbox.create(Collection::Votes, doc).await.unwrap();
        }
        let t = s.outbox.board_tallies("b", "m:me").await.unwrap().unwrap();
        assert_eq!((t.ideas["i1"].member_votes, t.own_votes.len()), (2, 1));
        s.backend.mode.set(Mode::Down);
        // Away: my vote on i2 waits, my vote on i1 is taken back; the cached tallies show both.
        s.outbox
            .create(Collection::Votes, vote("i2", "m:me"))
            .await
            .unwrap();
        s.outbox
            .delete(Collection::Votes, "vote:i1:m:me", None)
            .await
            .unwrap();
        let t = s.outbox.board_tallies("b", "m:me").await.unwrap().unwrap();
        assert_eq!(t.ideas["i1"].member_votes, 1);
        assert_eq!(t.ideas["i2"].member_votes, 2);
        assert_eq!(ids(&t.own_votes), ["vote:i2:m:me"]);
        // Someone else's tallies do not get my waiting votes as theirs.
        assert!(
            s.outbox.board_tallies("b", "m:x").await.is_err(),
            "never read while up"
        );
        s.backend.mode.set(Mode::Up);
        // Back: the server has them; counted once, not again on top of the server's sum.
        assert_eq!(s.outbox.flush().await.waiting, 0);
        let t = s.outbox.board_tallies("b", "m:me").await.unwrap().unwrap();
        assert_eq!(t.ideas["i1"].member_votes, 1);
        assert_eq!(t.ideas["i2"].member_votes, 2);
        assert_eq!(ids(&t.own_votes), ["vote:i2:m:me"]);
        let expected = 2.0
            * gromada::domain::ranking::growth(Timestamp::parse("2026-11-30T10:00:00Z").unwrap());
        assert!((t.ideas["i2"].vote_growth - expected).abs() < 1e-9 * expected);
    });
}

#[test]
fn a_write_the_transport_sent_twice_is_done_not_refused() {
    let s = setup();
    block_on(async {
        s.backend.mode.set(Mode::SentTwice);
        // The second request finds the first one's result: already there, changed, gone.
        let idea = s
            .outbox
            .create(Collection::Ideas, json!({"id": "a", "title": "A"}))
            .await
            .unwrap();
        let mut edited = idea.clone();
        edited["title"] = json!("A2");
        let edited = s.outbox.update(Collection::Ideas, edited).await.unwrap();
        assert_eq!(edited["version"], json!(2));
        s.outbox
            .create(Collection::Comments, json!({"id": "c", "body": "Hi"}))
            .await
            .unwrap();
        s.outbox
            .delete(Collection::Comments, "c", Some(1))
            .await
            .unwrap();
        let status = s.outbox.status();
        assert_eq!((status.pending, status.failed.len()), (0, 0), "{status:?}");
        s.backend.mode.set(Mode::Up);
        assert_eq!(s.idea_title_and_version("a").await, (json!("A2"), json!(2)));
        assert_eq!(s.stored(Collection::Comments, "c").await, None);
    });
}

#[test]
fn a_write_another_tab_sent_meanwhile_is_not_failed() {
    let s = setup();
    // A second tab over the same persisted outbox.
    let other = outbox_over(s.backend.clone(), s.persistence.clone(), s.clock.clone());
    block_on(async {
        s.backend.mode.set(Mode::Down);
        let v = vote("a", "m:m1");
        s.outbox.create(Collection::Votes, v.clone()).await.unwrap();
        s.outbox
            .delete(Collection::Votes, "vote:a:m:m1", None)
            .await
            .unwrap();
        s.backend.mode.set(Mode::Up);
        // The first tab's flush sends the vote; while it is on its way, the other tab
        // sends it too, then the unvote: the first finds it existing, then gone.
        s.backend.inner.create(Collection::Votes, v).await.unwrap();
        let persistence = s.persistence.clone();
        let backend = s.backend.clone();
        *s.backend.during_create.borrow_mut() = Some(Box::new(move || {
            let mut state = persistence.load().unwrap();
            state.pending.clear();
            persistence.save(&state).unwrap();
            backend.gone.borrow_mut().push("vote:a:m:m1".into());
        }));
        let r = s.outbox.flush().await;
        assert_eq!((r.failed, r.waiting), (0, 0), "{:?}", s.outbox.status());
        assert!(other.status().failed.is_empty());
    });
}

/// Gives way to the other futures once.
struct YieldNow(bool);

impl std::future::Future for YieldNow {
    type Output = ();
    fn poll(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<()> {
        if self.0 {
            return std::task::Poll::Ready(());
        }
        self.0 = true;
        cx.waker().wake_by_ref();
        std::task::Poll::Pending
    }
}

async fn give_way(times: u32) {
    for _ in 0..times {
        YieldNow(false).await;
    }
}

/// One tab's road to the shared backend: every request takes `hops` turns of the other
/// tabs before it reaches the server.
struct Road {
    backend: Rc<Flaky>,
    hops: u32,
}

#[async_trait(?Send)]
impl Store for Road {
    fn kind(&self) -> &'static str {
        "road"
    }
    async fn get(&self, c: Collection, id: &str) -> Result<Option<Value>, StoreError> {
        give_way(self.hops).await;
        self.backend.get(c, id).await
    }
    async fn list(&self, c: Collection, q: &Query) -> Result<Vec<Value>, StoreError> {
        give_way(self.hops).await;
        self.backend.list(c, q).await
    }
    async fn create(&self, c: Collection, doc: Value) -> Result<Value, StoreError> {
        give_way(self.hops).await;
        self.backend.create(c, doc).await
    }
    async fn update(&self, c: Collection, doc: Value) -> Result<Value, StoreError> {
        give_way(self.hops).await;
        self.backend.update(c, doc).await
    }
    async fn delete(&self, c: Collection, id: &str, v: Option<u64>) -> Result<(), StoreError> {
        give_way(self.hops).await;
        self.backend.delete(c, id, v).await
    }
    fn subscribe(&self, l: Listener) {
        self.backend.subscribe(l);
    }
}

#[test]
fn two_tabs_never_send_the_shared_queue_at_once() {
    // Found by the CouchDB fault run in Chromium: a vote, its removal and the vote again
    // wait in the outbox two tabs share. The first tab sends them; the second, on a slower
    // road, picks the removal while the first is sending it. Were it to send it, its request
    // would reach the server after the first tab had given the vote again (same id, version
    // 1 again) and delete the vote the member sees as given.
    let backend = Flaky::new();
    let persistence = Rc::new(MemoryPersistence::default());
    let clock = Rc::new(Cell::new(1_000_000));
    let road = |hops| {
        Rc::new(Road {
            backend: backend.clone(),
            hops,
        })
    };
    let first = outbox_over_store(road(1), persistence.clone(), clock.clone());
    let second = outbox_over_store(road(3), persistence.clone(), clock.clone());
    block_on(async {
        backend.mode.set(Mode::Down);
        let v = vote("a", "m:m1");
        first.create(Collection::Votes, v.clone()).await.unwrap();
        first
            .delete(Collection::Votes, "vote:a:m:m1", Some(1))
            .await
            .unwrap();
        first.create(Collection::Votes, v).await.unwrap();
        assert_eq!(first.status().pending, 3);
        backend.mode.set(Mode::Up);
        let (a, b) = futures::future::join(first.flush(), async {
            give_way(1).await;
            second.flush().await
        })
        .await;
        assert!(
            backend
                .inner
                .get(Collection::Votes, "vote:a:m:m1")
                .await
                .unwrap()
                .is_some(),
            "the vote the member gave last is on the server"
        );
        assert_eq!((a.sent, a.failed, a.waiting), (3, 0, 0), "{a:?}");
        assert_eq!(
            (b.sent, b.failed),
            (0, 0),
            "the second tab leaves the queue alone: {b:?}"
        );
        // The lease is given back: the second tab sends what comes next at once.
        second
            .create(Collection::Ideas, json!({"id": "b", "title": "B"}))
            .await
            .unwrap();
        assert_eq!(second.status().pending, 0);
    });
}

#[test]
fn a_lease_left_by_a_tab_that_went_away_runs_out() {
    let s = setup();
    let gone = outbox_over(s.backend.clone(), s.persistence.clone(), s.clock.clone());
    block_on(async {
        s.backend.mode.set(Mode::Down);
        gone.create(Collection::Ideas, json!({"id": "a", "title": "A"}))
            .await
            .unwrap();
        // The tab claimed the queue, then its page was killed before it could release it.
        let mut state = s.persistence.load().unwrap();
        state.sender = Some(gromada::store::outbox::SendLease {
            tab: "tab-gone".into(),
            until_ms: s.clock.get() + gromada::store::outbox::LEASE_MS,
        });
        s.persistence.save(&state).unwrap();
        s.backend.mode.set(Mode::Up);
        let r = s.outbox.flush().await;
        assert_eq!(
            (r.sent, r.waiting),
            (0, 1),
            "the lease is respected while it lasts"
        );
        s.clock
            .set(s.clock.get() + gromada::store::outbox::LEASE_MS + 1);
        let r = s.outbox.flush().await;
        assert_eq!((r.sent, r.waiting), (1, 0));
        assert_eq!(
            s.persistence.load().unwrap().sender,
            None,
            "released after sending"
        );
    });
}

#[test]
fn writes_whose_answer_was_lost_land_exactly_once() {
    let s = setup();
    block_on(async {
        s.backend.mode.set(Mode::LoseAnswers);
        s.outbox
            .create(Collection::Ideas, json!({"id": "a", "title": "A"}))
            .await
            .unwrap();
        s.outbox
            .create(Collection::Votes, json!({"id": "vote:a:m1"}))
            .await
            .unwrap();
        s.backend.mode.set(Mode::Up);
        let mut a = s.outbox.get(Collection::Ideas, "a").await.unwrap().unwrap();
        a["title"] = json!("A2");
        s.outbox.update(Collection::Ideas, a).await.unwrap();
        s.backend.mode.set(Mode::LoseAnswers);
        s.outbox.flush().await; // every answer lost again
        s.backend.mode.set(Mode::Up);
        let r = s.outbox.flush().await;
        assert_eq!((r.failed, r.waiting), (0, 0), "{:?}", s.outbox.status());
        assert_eq!(s.idea_title_and_version("a").await, (json!("A2"), json!(2)));
        assert_eq!(
            s.backend
                .inner
                .list(Collection::Votes, &Query::all())
                .await
                .unwrap()
                .len(),
            1
        );
    });
}

#[test]
fn refused_writes_wait_for_the_user_to_retry_or_discard() {
    let s = setup();
    block_on(async {
        s.backend.refuse.borrow_mut().push("bad".into());
        // Refused at once: the caller hears the server's reason.
        let err = s
            .outbox
            .create(Collection::Ideas, json!({"id": "bad"}))
            .await
            .unwrap_err();
        assert!(matches!(err, StoreError::Rejected { status: 422, .. }));
        // Refused later, on replay: kept in the failed list, later writes go on.
        s.backend.mode.set(Mode::Down);
        s.outbox
            .create(Collection::Ideas, json!({"id": "bad", "title": "x"}))
            .await
            .unwrap();
        s.outbox
            .create(Collection::Ideas, json!({"id": "good"}))
            .await
            .unwrap();
        s.backend.mode.set(Mode::Up);
        let r = s.outbox.flush().await;
        assert_eq!((r.sent, r.failed), (1, 1));
        let status = s.outbox.status();
        assert_eq!(status.failed.len(), 1);
        assert!(status.failed[0].error.contains("title is not allowed"));
        let key = status.failed[0].write.key.clone();
        s.backend.refuse.borrow_mut().clear();
        s.outbox.retry_failed(&key).unwrap();
        assert_eq!(s.outbox.flush().await.sent, 1);
        assert!(s
            .backend
            .inner
            .get(Collection::Ideas, "bad")
            .await
            .unwrap()
            .is_some());
        // Discarding is explicit.
        s.backend.refuse.borrow_mut().push("worse".into());
        s.backend.mode.set(Mode::Down);
        s.outbox
            .create(Collection::Ideas, json!({"id": "worse"}))
            .await
            .unwrap();
        s.backend.mode.set(Mode::Up);
        s.outbox.flush().await;
        let key = s.outbox.status().failed[0].write.key.clone();
        s.outbox.discard_failed(&key).unwrap();
        assert!(s.outbox.status().failed.is_empty());
    });
}

#[test]
fn retry_after_and_backoff_set_the_next_attempt() {
    let s = setup();
    block_on(async {
        s.backend.mode.set(Mode::Busy(30_000));
        s.outbox
            .create(Collection::Ideas, json!({"id": "a"}))
            .await
            .unwrap();
        assert!(s.outbox.status().retry_in_ms.unwrap() >= 30_000);
        assert!(!s.outbox.is_due());
        s.clock.set(s.clock.get() + 30_000);
        assert!(s.outbox.is_due());
        s.backend.mode.set(Mode::Down);
        s.outbox.flush().await;
        let wait = s.outbox.status().retry_in_ms.unwrap();
        assert!((1_000..=60_000).contains(&wait), "{wait}");
    });
}

#[test]
fn a_backend_that_answers_again_gets_the_waiting_writes_without_waiting_out_the_backoff() {
    let s = setup();
    block_on(async {
        s.backend.mode.set(Mode::Down);
        s.outbox
            .create(Collection::Ideas, json!({"id": "a"}))
            .await
            .unwrap();
        for _ in 0..5 {
            s.clock.set(s.clock.get() + 60_000);
            s.outbox.flush().await;
        }
        let wait = s.outbox.status().retry_in_ms.unwrap();
        assert!(wait >= 16_000, "the backoff has grown: {wait}");
        // A read that fails tells nothing: still waiting.
        assert!(s
            .outbox
            .list(Collection::Boards, &Query::all())
            .await
            .is_err());
        assert!(!s.outbox.is_due());
        // The backend answers a read: the write goes at the next attempt.
        s.backend.mode.set(Mode::Up);
        s.outbox
            .list(Collection::Boards, &Query::all())
            .await
            .unwrap();
        assert!(s.outbox.is_due());
        assert_eq!(s.outbox.status().retry_in_ms, None);
        assert_eq!(s.outbox.flush().await.sent, 1);
        assert!(s.stored(Collection::Ideas, "a").await.is_some());
        // The same from outside a read (a change check, the changes feed).
        s.backend.mode.set(Mode::Down);
        s.outbox
            .create(Collection::Ideas, json!({"id": "b"}))
            .await
            .unwrap();
        s.clock.set(s.clock.get() + 1_000);
        s.outbox.flush().await;
        assert!(!s.outbox.is_due());
        s.backend.mode.set(Mode::Up);
        s.outbox.backend_answered();
        assert!(s.outbox.is_due());
    });
}

#[test]
fn a_backend_that_answered_the_write_with_an_error_gets_its_full_wait() {
    // It asked for time (Retry-After), or failed the write itself (500): that it reads
    // well says nothing about the write.
    for (mode, wait) in [(Mode::Busy(30_000), 30_000), (Mode::Failing, 1_000)] {
        let s = setup();
        block_on(async {
            s.backend.mode.set(mode);
            s.outbox
                .create(Collection::Ideas, json!({"id": "a"}))
                .await
                .unwrap();
            s.backend.mode.set(Mode::Up);
            s.outbox
                .list(Collection::Boards, &Query::all())
                .await
                .unwrap();
            assert!(!s.outbox.is_due(), "{mode:?}");
            s.clock.set(s.clock.get() + wait);
            assert!(s.outbox.is_due(), "{mode:?}");
        });
    }
}

#[test]
fn the_queue_survives_a_reload() {
    let s = setup();
    block_on(async {
        s.backend.mode.set(Mode::Down);
        s.outbox
            .create(Collection::Comments, json!({"id": "c1", "body": "hi"}))
            .await
            .unwrap();
        assert_eq!(s.persistence.load().unwrap().pending.len(), 1);
        // A new page (same persisted outbox) sends it.
        let reloaded = outbox_over(s.backend.clone(), s.persistence.clone(), s.clock.clone());
        assert_eq!(reloaded.status().pending, 1);
        s.backend.mode.set(Mode::Up);
        assert_eq!(reloaded.flush().await.sent, 1);
        assert!(s
            .backend
            .inner
            .get(Collection::Comments, "c1")
            .await
            .unwrap()
            .is_some());
    });
}

/// 400 random user operations (vote, unvote, new idea, edit idea, comment) while the
/// backend is up, down, busy or losing answers; afterwards the backend holds exactly
/// what the user saw, with nothing lost and nothing twice.
#[test]
fn random_operations_under_faults_end_with_exactly_the_expected_data() {
    for seed in 1..=5u64 {
        let s = setup();
        let mut rng = Rng::new(seed);
        let mut seen = random_ops::Seen::default();
        block_on(async {
            for step in 0..400u32 {
                if rng.chance(0.15) {
                    s.backend.mode.set(match rng.below(4) {
                        0 => Mode::Up,
                        1 => Mode::Down,
                        2 => Mode::Busy(2_000),
                        _ => Mode::LoseAnswers,
                    });
                }
                seen.step(&s.outbox, &mut rng, step).await;
                if rng.chance(0.3) {
                    s.clock.set(s.clock.get() + 70_000);
                    s.outbox.flush().await;
                }
            }
            s.backend.mode.set(Mode::Up);
            s.clock.set(s.clock.get() + 70_000);
            let r = s.outbox.flush().await;
            assert_eq!(
                (r.failed, r.waiting),
                (0, 0),
                "seed {seed}: {:?}",
                s.outbox.status()
            );
            seen.assert_held_by(&s.backend.inner, &format!("seed {seed}"))
                .await;
            // And what the user reads agrees.
            let shown = s
                .outbox
                .list(Collection::Votes, &Query::all())
                .await
                .unwrap();
            assert_eq!(ids(&shown), seen.votes_on());
        });
    }
}
