//! The offline outbox: a [`Store`] decorator for network stores (REST, CouchDB). Writes
//! the backend cannot take now (unreachable, timed out, 5xx, 429) are kept in a
//! persistent queue (localStorage in the browser), shown as pending, applied to what
//! this browser reads, and sent again in order with exponential backoff that honours
//! `Retry-After`. They take effect exactly once thanks to client ids and versions: a
//! replayed create that finds its own document, an update that finds its own result, a
//! delete that finds nothing, all count as done. A write the server refuses for good is
//! moved to a failed list with the server's reason, where the user retries or discards it.
//! Nothing is dropped silently.
//!
//! Several tabs may share one persisted outbox: every change reloads it first
//! (localStorage is synchronous, so load–change–save is atomic within a task), writes are
//! identified by unique ids, and a write sent twice still lands once. Only one tab sends at
//! a time: the sender holds a lease in the shared state ([`OutboxState::sender`]) while its
//! requests are out, because two tabs sending the same queue would race each other's
//! replays (a second tab's late replay of an unvote deleting the vote the first tab has
//! meanwhile given again: the same id, version 1 again).

use super::{
    count_by_listing, doc_id, doc_version, set_version, BoardTallies, Collection, Listener, Order,
    Query, Store, StoreError,
};
use async_trait::async_trait;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;

/// First wait after a failure; doubles up to [`MAX_BACKOFF_MS`].
pub const FIRST_BACKOFF_MS: u64 = 1_000;
/// The longest wait between attempts (unless the server asks for longer).
pub const MAX_BACKOFF_MS: u64 = 60_000;
/// Attempts of a read before falling back to what was read last.
pub const READ_ATTEMPTS: u32 = 3;
/// How long a tab's claim to send lasts, renewed before every write: longer than the few
/// requests one write may take (each times out after 10 s), so a lease only runs out when
/// its tab went away without releasing it.
pub const LEASE_MS: u64 = 60_000;

/// A change waiting to be sent.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WriteOp {
    /// A new document (version 1).
    Create(Value),
    /// A document replacing the stored one, carrying the version it was based on.
    Update(Value),
    /// A deletion, checking the version when given.
    Delete {
        /// Document id.
        id: String,
        /// The version seen.
        version: Option<u64>,
    },
}

impl WriteOp {
    /// The document id the change is about.
    pub fn doc_id(&self) -> &str {
        match self {
            WriteOp::Create(d) | WriteOp::Update(d) => doc_id(d).unwrap_or(""),
            WriteOp::Delete { id, .. } => id,
        }
    }
}

/// One queued write.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PendingWrite {
    /// Unique id of this write.
    pub key: String,
    /// Collection name.
    pub collection: String,
    /// The change.
    pub op: WriteOp,
    /// Attempts made so far.
    #[serde(default)]
    pub attempts: u32,
    /// Why the last attempt failed.
    #[serde(default)]
    pub last_error: Option<String>,
    /// When it took effect (for [`OutboxState::done`]), in milliseconds.
    #[serde(default)]
    pub done_at: Option<u64>,
}

impl PendingWrite {
    /// The document id the write is about.
    pub fn doc_id(&self) -> &str {
        self.op.doc_id()
    }

    fn collection(&self) -> Option<Collection> {
        Collection::parse(&self.collection)
    }
}

/// A write the server refused for good.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FailedWrite {
    /// The write.
    pub write: PendingWrite,
    /// The error, as the user should read it.
    pub error: String,
}

/// The persisted outbox.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct OutboxState {
    /// Waiting, oldest first.
    pub pending: Vec<PendingWrite>,
    /// Refused for good.
    pub failed: Vec<FailedWrite>,
    /// The last writes that took effect (any tab), oldest first: applied to what is read
    /// from the cache while the backend is away, so that view is not older than this
    /// browser's own changes.
    #[serde(default)]
    pub done: Vec<PendingWrite>,
    /// The tab sending now, if any: the others leave the queue alone until it releases the
    /// lease or the lease runs out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sender: Option<SendLease>,
}

/// A tab's claim to be the one sending the shared queue.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SendLease {
    /// The tab (one [`OutboxStore`]).
    pub tab: String,
    /// When the claim runs out, in milliseconds.
    pub until_ms: u64,
}

/// How many completed writes [`OutboxState::done`] keeps.
pub const DONE_KEPT: usize = 50;

impl OutboxState {
    fn record_done(&mut self, mut write: PendingWrite, at: u64) {
        write.done_at = Some(at);
        self.done.push(write);
        if self.done.len() > DONE_KEPT {
            let extra = self.done.len() - DONE_KEPT;
            self.done.drain(..extra);
        }
    }
}

/// Where the outbox is kept between reloads.
pub trait OutboxPersistence {
    /// The saved state (empty when there is none; a damaged one is reported, not dropped).
    fn load(&self) -> Result<OutboxState, StoreError>;
    /// Saves the state; an error means the change was not accepted.
    fn save(&self, state: &OutboxState) -> Result<(), StoreError>;
}

/// Keeps the outbox in memory (tests, memory-only setups).
#[derive(Default)]
pub struct MemoryPersistence(RefCell<OutboxState>);

impl OutboxPersistence for MemoryPersistence {
    fn load(&self) -> Result<OutboxState, StoreError> {
        Ok(self.0.borrow().clone())
    }
    fn save(&self, state: &OutboxState) -> Result<(), StoreError> {
        *self.0.borrow_mut() = state.clone();
        Ok(())
    }
}

/// What the UI shows about the outbox.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct OutboxStatus {
    /// Writes waiting.
    pub pending: usize,
    /// Writes refused for good.
    pub failed: Vec<FailedWrite>,
    /// Why the last attempt failed (while writes wait).
    pub last_error: Option<String>,
    /// Milliseconds until the next attempt.
    pub retry_in_ms: Option<u64>,
}

/// What one [`OutboxStore::flush`] did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct FlushReport {
    /// Writes that took effect.
    pub sent: usize,
    /// Writes moved to the failed list.
    pub failed: usize,
    /// Writes still waiting.
    pub waiting: usize,
}

/// Told the outbox's status after every change.
pub type Watcher = Rc<dyn Fn(&OutboxStatus)>;

/// A store whose writes survive a backend that is away.
pub struct OutboxStore {
    inner: Rc<dyn Store>,
    persistence: Rc<dyn OutboxPersistence>,
    new_key: Rc<dyn Fn() -> String>,
    now_ms: Rc<dyn Fn() -> u64>,
    backoff_ms: Cell<u64>,
    next_attempt_ms: Cell<u64>,
    /// Whether the last failure said the backend was away (unreachable, timed out, or a
    /// gateway's 502/503/504 without `Retry-After`), rather than that it answered with an
    /// error or asked for time.
    away: Cell<bool>,
    last_error: RefCell<Option<String>>,
    /// Whether this tab is sending (a flush, or a write sent at once).
    sending: Cell<bool>,
    /// This tab's id in [`SendLease`].
    tab: String,
    /// Last good answers, to read from while the backend is away.
    lists: RefCell<HashMap<(Collection, String), Vec<Value>>>,
    docs: RefCell<HashMap<(Collection, String), Value>>,
    tallies: RefCell<HashMap<(String, String), Option<BoardTallies>>>,
    watchers: RefCell<Vec<Watcher>>,
}

fn query_key(q: &Query) -> String {
    format!("{q:?}")
}

impl OutboxStore {
    /// Wraps `inner`; `new_key` makes unique write ids, `now_ms` reads the clock.
    pub fn new(
        inner: Rc<dyn Store>,
        persistence: Rc<dyn OutboxPersistence>,
        new_key: Rc<dyn Fn() -> String>,
        now_ms: Rc<dyn Fn() -> u64>,
    ) -> Self {
        Self {
            inner,
            persistence,
            new_key: new_key.clone(),
            now_ms,
            backoff_ms: Cell::new(0),
            next_attempt_ms: Cell::new(0),
            away: Cell::new(false),
            last_error: RefCell::new(None),
            sending: Cell::new(false),
            tab: format!("tab-{}", new_key()),
            lists: RefCell::new(HashMap::new()),
            docs: RefCell::new(HashMap::new()),
            tallies: RefCell::new(HashMap::new()),
            watchers: RefCell::new(Vec::new()),
        }
    }

    /// Calls `watch` with the status after every change of the outbox.
    pub fn watch(&self, watch: Watcher) {
        watch(&self.status());
        self.watchers.borrow_mut().push(watch);
    }

    /// The current status.
    pub fn status(&self) -> OutboxStatus {
        let state = self.persistence.load().unwrap_or_default();
        let now = (self.now_ms)();
        let next = self.next_attempt_ms.get();
        OutboxStatus {
            pending: state.pending.len(),
            failed: state.failed,
            last_error: if state.pending.is_empty() {
                None
            } else {
                self.last_error.borrow().clone()
            },
            retry_in_ms: (!state.pending.is_empty() && next > now).then(|| next - now),
        }
    }

    fn changed(&self) {
        let status = self.status();
        let watchers: Vec<_> = self.watchers.borrow().clone();
        for w in watchers {
            w(&status);
        }
    }

    /// Whether an attempt is due now.
    pub fn is_due(&self) -> bool {
        (self.now_ms)() >= self.next_attempt_ms.get()
            && self.persistence.load().is_ok_and(|s| !s.pending.is_empty())
    }

    fn modify<T>(&self, change: impl FnOnce(&mut OutboxState) -> T) -> Result<T, StoreError> {
        let mut state = self.persistence.load()?;
        let out = change(&mut state);
        self.persistence.save(&state)?;
        Ok(out)
    }

    fn enqueue(
        &self,
        collection: Collection,
        op: WriteOp,
        error: Option<&StoreError>,
    ) -> Result<(), StoreError> {
        let write = PendingWrite {
            key: (self.new_key)(),
            collection: collection.as_str().to_owned(),
            op,
            attempts: u32::from(error.is_some()),
            last_error: error.map(ToString::to_string),
            done_at: None,
        };
        self.modify(|s| s.pending.push(write))?;
        if let Some(e) = error {
            self.note_failure(e);
        }
        self.changed();
        Ok(())
    }

    fn note_failure(&self, error: &StoreError) {
        let doubled = (self.backoff_ms.get() * 2).clamp(FIRST_BACKOFF_MS, MAX_BACKOFF_MS);
        let asked = match error {
            StoreError::Busy { retry_after_ms, .. } => retry_after_ms.unwrap_or(0),
            _ => 0,
        };
        let away = match error {
            StoreError::Offline { .. } => true,
            StoreError::Busy {
                status,
                retry_after_ms: None,
            } => matches!(status, 502..=504),
            _ => false,
        };
        self.away.set(away);
        self.backoff_ms.set(doubled);
        self.next_attempt_ms
            .set((self.now_ms)() + doubled.max(asked));
        *self.last_error.borrow_mut() = Some(error.to_string());
    }

    /// The backend answered a read: if the last write failed because the backend was
    /// away, the waiting writes go at the next attempt instead of when the backoff runs
    /// out (a member whose board has just loaded again should not watch "tried again in
    /// 55 s"). Once per failure: another failure doubles the backoff as before. A backend
    /// that answered the write with an error (500) or asked for time (`Retry-After`) gets
    /// its full wait: that it reads well says nothing about the write.
    pub fn backend_answered(&self) {
        let now = (self.now_ms)();
        if self.away.replace(false) && self.next_attempt_ms.get() > now {
            self.next_attempt_ms.set(now);
            if self.has_pending() {
                self.changed();
            }
        }
    }

    /// Notes that the backend answered, if `result` is an answer (not a failure to reach
    /// it), and hands `result` on.
    fn heard<T>(&self, result: Result<T, StoreError>) -> Result<T, StoreError> {
        if !matches!(&result, Err(e) if e.is_retryable()) {
            self.backend_answered();
        }
        result
    }

    fn has_pending(&self) -> bool {
        self.persistence.load().is_ok_and(|s| !s.pending.is_empty())
    }

    /// Claims (or renews) the lease to send; false while another tab holds it. (A save
    /// that changes nothing writes nothing, so a tab waiting its turn does not wake the
    /// others.)
    fn claim(&self) -> bool {
        let now = (self.now_ms)();
        self.modify(|s| {
            if s.sender
                .as_ref()
                .is_some_and(|l| l.tab != self.tab && l.until_ms > now)
            {
                return false;
            }
            s.sender = Some(SendLease {
                tab: self.tab.clone(),
                until_ms: now + LEASE_MS,
            });
            true
        })
        .unwrap_or(false)
    }

    /// Gives up this tab's lease to send, if it holds it (when it has sent what it could,
    /// and when the page goes away).
    pub fn release(&self) {
        let _ = self.modify(|s| {
            if s.sender.as_ref().is_some_and(|l| l.tab == self.tab) {
                s.sender = None;
            }
        });
    }

    /// Sends a write now, or queues it when the backend is away, earlier writes wait (so
    /// that order is kept) or another send is under way (here or in another tab).
    async fn write(
        &self,
        collection: Collection,
        op: WriteOp,
    ) -> Result<Option<Value>, StoreError> {
        if self.has_pending() || self.sending.get() || !self.claim() {
            self.enqueue(collection, op, None)?;
            return Ok(None);
        }
        self.sending.set(true);
        let result = self.apply_checked(collection, &op).await;
        self.sending.set(false);
        self.release();
        match result {
            Ok(v) => {
                let write = PendingWrite {
                    key: (self.new_key)(),
                    collection: collection.as_str().to_owned(),
                    op,
                    attempts: 1,
                    last_error: None,
                    done_at: None,
                };
                let at = (self.now_ms)();
                let _ = self.modify(|s| s.record_done(write, at));
                Ok(v)
            }
            Err(e) if e.is_retryable() => {
                self.enqueue(collection, op, Some(&e))?;
                Ok(None)
            }
            Err(e) => Err(e),
        }
    }

    async fn apply(
        &self,
        collection: Collection,
        op: &WriteOp,
    ) -> Result<Option<Value>, StoreError> {
        let result = match op {
            WriteOp::Create(doc) => self.inner.create(collection, doc.clone()).await.map(Some),
            WriteOp::Update(doc) => self.inner.update(collection, doc.clone()).await.map(Some),
            WriteOp::Delete { id, version } => self
                .inner
                .delete(collection, id, *version)
                .await
                .map(|()| None),
        };
        if result.is_ok() {
            self.remember(collection, op);
        }
        result
    }

    /// [`OutboxStore::apply`], and when the server answers that the document already
    /// exists, has changed or is gone, a check whether that is this very write having
    /// landed before: an answer lost after the server wrote (a replay), or a request the
    /// browser itself sent again after its connection broke (Chromium does so, POSTs
    /// included, on a reused connection). Either way the write took effect once.
    async fn apply_checked(
        &self,
        collection: Collection,
        op: &WriteOp,
    ) -> Result<Option<Value>, StoreError> {
        match self.apply(collection, op).await {
            Err(
                e @ (StoreError::AlreadyExists { .. }
                | StoreError::Conflict { .. }
                | StoreError::NotFound { .. }),
            ) => match self.inner.get(collection, op.doc_id()).await {
                Ok(stored) if Self::landed(op, stored.as_ref()) => {
                    self.remember(collection, op);
                    Ok(stored)
                }
                // One vote per member and idea: an existing vote is that vote.
                Ok(Some(stored))
                    if collection == Collection::Votes && matches!(op, WriteOp::Create(_)) =>
                {
                    self.remember(collection, op);
                    Ok(Some(stored))
                }
                Err(retry) if retry.is_retryable() => Err(retry),
                _ => Err(e),
            },
            other => other,
        }
    }

    /// Keeps the read cache in step with a write that took effect, so a later read while
    /// the backend is away does not offer a stale version to edit.
    fn remember(&self, collection: Collection, op: &WriteOp) {
        match op {
            WriteOp::Create(doc) | WriteOp::Update(doc) => {
                let mut doc = doc.clone();
                let version = match op {
                    WriteOp::Create(_) => 1,
                    _ => doc_version(&doc) + 1,
                };
                set_version(&mut doc, version);
                if let Ok(id) = doc_id(&doc).map(str::to_owned) {
                    self.docs.borrow_mut().insert((collection, id), doc);
                }
            }
            WriteOp::Delete { id, .. } => {
                self.docs.borrow_mut().remove(&(collection, id.clone()));
            }
        }
    }

    fn has_pending_for(&self, collection: Collection, id: &str) -> bool {
        self.persistence.load().is_ok_and(|s| {
            s.pending
                .iter()
                .any(|w| w.collection() == Some(collection) && w.doc_id() == id)
        })
    }

    /// Whether `stored` is what `op` would have written (so a replay already landed).
    fn landed(op: &WriteOp, stored: Option<&Value>) -> bool {
        let same = |ours: &Value, stored: &Value, version: u64| {
            let mut ours = ours.clone();
            set_version(&mut ours, version);
            &ours == stored
        };
        match (op, stored) {
            (WriteOp::Create(doc), Some(s)) => doc_version(s) == 1 && same(doc, s, 1),
            (WriteOp::Update(doc), Some(s)) => {
                let v = doc_version(doc) + 1;
                doc_version(s) == v && same(doc, s, v)
            }
            (WriteOp::Delete { .. }, None) => true,
            _ => false,
        }
    }

    /// Sends waiting writes in order until one must wait; returns what happened. Does
    /// nothing while this tab or another one is sending (see [`SendLease`]).
    pub async fn flush(&self) -> FlushReport {
        let mut report = FlushReport::default();
        if self.sending.replace(true) {
            return report;
        }
        while let Ok(state) = self.persistence.load() {
            let Some(write) = state.pending.first().cloned() else {
                self.backoff_ms.set(0);
                *self.last_error.borrow_mut() = None;
                break;
            };
            if !self.claim() {
                break;
            }
            let Some(collection) = write.collection() else {
                let _ = self.fail(&write, "unknown collection in the outbox".into());
                report.failed += 1;
                continue;
            };
            // Our own earlier attempt may have landed (the answer was lost): checked.
            match self.apply_checked(collection, &write.op).await {
                Ok(_) => {
                    let at = (self.now_ms)();
                    let _ = self.modify(|s| {
                        s.pending.retain(|w| w.key != write.key);
                        s.record_done(write.clone(), at);
                    });
                    report.sent += 1;
                    self.backoff_ms.set(0);
                }
                Err(e) if e.is_retryable() => {
                    let _ = self.modify(|s| {
                        if let Some(w) = s.pending.iter_mut().find(|w| w.key == write.key) {
                            w.attempts += 1;
                            w.last_error = Some(e.to_string());
                        }
                    });
                    self.note_failure(&e);
                    break;
                }
                Err(e) => {
                    if matches!(self.fail(&write, e.to_string()), Ok(true)) {
                        report.failed += 1;
                    }
                }
            }
            self.changed();
        }
        self.sending.set(false);
        self.release();
        report.waiting = self.persistence.load().map_or(0, |s| s.pending.len());
        self.changed();
        report
    }

    /// Moves `write` from the queue to the failed list, if it still waits there: another
    /// tab sharing the outbox may have sent it meanwhile (and the ones after it, a delete
    /// of the same document say), and a refusal then answers that tab's success, so the
    /// write is not ours to fail any more. Whether it moved.
    fn fail(&self, write: &PendingWrite, error: String) -> Result<bool, StoreError> {
        self.modify(|s| {
            let Some(i) = s.pending.iter().position(|w| w.key == write.key) else {
                return false;
            };
            let write = s.pending.remove(i);
            s.failed.push(FailedWrite { write, error });
            true
        })
    }

    /// Puts a failed write back in the queue (after the user corrected the cause).
    pub fn retry_failed(&self, key: &str) -> Result<(), StoreError> {
        self.modify(|s| {
            if let Some(i) = s.failed.iter().position(|f| f.write.key == key) {
                let mut f = s.failed.remove(i);
                f.write.last_error = None;
                s.pending.push(f.write);
            }
        })?;
        self.next_attempt_ms.set(0);
        self.changed();
        Ok(())
    }

    /// Drops a failed write for good, at the user's request.
    pub fn discard_failed(&self, key: &str) -> Result<(), StoreError> {
        self.modify(|s| s.failed.retain(|f| f.write.key != key))?;
        self.changed();
        Ok(())
    }

    /// The writes of `collection` a read must show over the server's answer: those
    /// waiting, and those that took effect while the read was under way (`read_at`), or at
    /// any time for an answer read from the cache (`stale`): the answer may predate them.
    fn writes_over_read(
        &self,
        collection: Collection,
        stale: bool,
        read_at: u64,
    ) -> Vec<PendingWrite> {
        let Ok(state) = self.persistence.load() else {
            return Vec::new();
        };
        let OutboxState { pending, done, .. } = state;
        done.into_iter()
            .filter(|w| stale || w.done_at.is_some_and(|at| at >= read_at))
            .chain(pending)
            .filter(|w| w.collection() == Some(collection))
            .collect()
    }

    /// Applies the waiting writes of `collection` to `docs` (what this browser expects),
    /// and the writes that took effect while the read was under way (`read_at`), or at any
    /// time for `docs` read from the cache (`stale`): the server's answer may predate them.
    fn overlay(
        &self,
        collection: Collection,
        docs: &mut Vec<Value>,
        query: &Query,
        stale: bool,
        read_at: u64,
    ) {
        let mut touched = false;
        for w in self.writes_over_read(collection, stale, read_at) {
            let id = w.doc_id();
            docs.retain(|d| doc_id(d).ok() != Some(id));
            touched = true;
            match &w.op {
                WriteOp::Create(doc) => {
                    let mut doc = doc.clone();
                    set_version(&mut doc, 1);
                    if query.matches(&doc) {
                        docs.push(doc);
                    }
                }
                WriteOp::Update(doc) => {
                    let mut doc = doc.clone();
                    let next = doc_version(&doc) + 1;
                    set_version(&mut doc, next);
                    if query.matches(&doc) {
                        docs.push(doc);
                    }
                }
                WriteOp::Delete { .. } => {}
            }
        }
        if touched {
            let sort = Query {
                filters: Vec::new(),
                sort: query.sort.clone().or(Some(("id".into(), Order::Asc))),
                offset: 0,
                limit: query.limit,
            };
            *docs = sort.apply(docs.iter());
        }
    }

    /// Applies this browser's vote writes on `board` by `voter` to `tallies`, like
    /// [`OutboxStore::overlay`] does for lists: the waiting ones, and those that took
    /// effect while the read was under way (or at any time for a cached answer). The
    /// server's own votes of `voter` decide whether a write is already counted.
    fn overlay_tallies(
        &self,
        tallies: &mut BoardTallies,
        board: &str,
        voter: &str,
        stale: bool,
        read_at: u64,
    ) {
        for w in self.writes_over_read(Collection::Votes, stale, read_at) {
            match &w.op {
                WriteOp::Create(doc) | WriteOp::Update(doc) => {
                    let field = |f: &str| doc.get(f).and_then(Value::as_str);
                    if field("board_id") == Some(board) && field("voter") == Some(voter) {
                        let mut doc = doc.clone();
                        set_version(&mut doc, 1);
                        tallies.add_own_vote(doc);
                    }
                }
                WriteOp::Delete { id, .. } => tallies.remove_own_vote(id),
            }
        }
    }
}

/// `read()` (see [`retried`]), kept in `cache` under `key`; while the backend is away, the
/// last answer kept instead, marked stale (`true`).
async fn fresh_or_cached<K, T, F>(
    outbox: &OutboxStore,
    cache: &RefCell<HashMap<K, T>>,
    key: K,
    read: impl Fn() -> F,
) -> Result<(T, bool), StoreError>
where
    K: std::hash::Hash + Eq,
    T: Clone,
    F: std::future::Future<Output = Result<T, StoreError>>,
{
    match retried(outbox, read).await {
        Ok(fresh) => {
            cache.borrow_mut().insert(key, fresh.clone());
            Ok((fresh, false))
        }
        Err(e) if e.is_retryable() => match cache.borrow().get(&key) {
            Some(kept) => Ok((kept.clone(), true)),
            None => Err(e),
        },
        Err(e) => Err(e),
    }
}

/// `read()`, tried up to [`READ_ATTEMPTS`] times while it fails in a way worth retrying
/// (an answer tells `outbox` the backend is back).
async fn retried<T, F: std::future::Future<Output = Result<T, StoreError>>>(
    outbox: &OutboxStore,
    read: impl Fn() -> F,
) -> Result<T, StoreError> {
    let mut result = read().await;
    for _ in 1..READ_ATTEMPTS {
        match &result {
            Err(e) if e.is_retryable() => result = read().await,
            _ => break,
        }
    }
    outbox.heard(result)
}

#[async_trait(?Send)]
impl Store for OutboxStore {
    fn kind(&self) -> &'static str {
        self.inner.kind()
    }

    async fn get(&self, collection: Collection, id: &str) -> Result<Option<Value>, StoreError> {
        let key = (collection, id.to_owned());
        let read_at = (self.now_ms)();
        let read = retried(self, || self.inner.get(collection, id)).await;
        let (base, stale) = match read {
            Ok(doc) => {
                match &doc {
                    Some(d) => self.docs.borrow_mut().insert(key, d.clone()),
                    None => self.docs.borrow_mut().remove(&key),
                };
                (doc, false)
            }
            Err(e) if e.is_retryable() => match self.docs.borrow().get(&key) {
                Some(d) => (Some(d.clone()), true),
                None if self.has_pending_for(collection, id) => (None, true),
                None => return Err(e),
            },
            Err(e) => return Err(e),
        };
        let mut docs: Vec<Value> = base.into_iter().collect();
        self.overlay(
            collection,
            &mut docs,
            &Query::all().eq("id", id),
            stale,
            read_at,
        );
        Ok(docs.pop())
    }

    async fn list(&self, collection: Collection, query: &Query) -> Result<Vec<Value>, StoreError> {
        let key = (collection, query_key(query));
        let read_at = (self.now_ms)();
        let (mut docs, stale) = fresh_or_cached(self, &self.lists, key, || {
            self.inner.list(collection, query)
        })
        .await?;
        self.overlay(collection, &mut docs, query, stale, read_at);
        Ok(docs)
    }

    /// The server's count while no write of `collection` waits here or took effect during
    /// the count; otherwise (and from the cache while the backend is away) the overlaid
    /// list's length, so the count agrees with what the lists show.
    async fn count(&self, collection: Collection, query: &Query) -> Result<u64, StoreError> {
        let read_at = (self.now_ms)();
        match retried(self, || self.inner.count(collection, query)).await {
            Ok(n) if self.writes_over_read(collection, false, read_at).is_empty() => Ok(n),
            Ok(_) => count_by_listing(self, collection, query).await,
            Err(e) if e.is_retryable() => count_by_listing(self, collection, query).await,
            Err(e) => Err(e),
        }
    }

    async fn create(&self, collection: Collection, mut doc: Value) -> Result<Value, StoreError> {
        doc_id(&doc)?;
        set_version(&mut doc, 1);
        match self.write(collection, WriteOp::Create(doc.clone())).await? {
            Some(stored) => Ok(stored),
            None => Ok(doc),
        }
    }

    async fn update(&self, collection: Collection, doc: Value) -> Result<Value, StoreError> {
        doc_id(&doc)?;
        let mut optimistic = doc.clone();
        set_version(&mut optimistic, doc_version(&doc) + 1);
        match self.write(collection, WriteOp::Update(doc)).await? {
            Some(stored) => Ok(stored),
            None => Ok(optimistic),
        }
    }

    async fn delete(
        &self,
        collection: Collection,
        id: &str,
        version: Option<u64>,
    ) -> Result<(), StoreError> {
        self.write(
            collection,
            WriteOp::Delete {
                id: id.to_owned(),
                version,
            },
        )
        .await
        .map(|_| ())
    }

    fn subscribe(&self, listener: Listener) {
        self.inner.subscribe(listener);
    }

    async fn board_tallies(
        &self,
        board: &str,
        voter: &str,
    ) -> Result<Option<BoardTallies>, StoreError> {
        let key = (board.to_owned(), voter.to_owned());
        let read_at = (self.now_ms)();
        let (tallies, stale) = fresh_or_cached(self, &self.tallies, key, || {
            self.inner.board_tallies(board, voter)
        })
        .await?;
        let Some(mut tallies) = tallies else {
            return Ok(None); // this store does not sum: the caller lists the votes
        };
        self.overlay_tallies(&mut tallies, board, voter, stale, read_at);
        Ok(Some(tallies))
    }
}
