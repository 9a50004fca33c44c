//! The accumulating half of the metrics engine: events are pushed in chunks of any
//! size and order and folded into compact per-day facts; [`Engine::finish`] indexes
//! them into [`Metrics`], which answers any date range.
//!
//! Each event id counts once, the first time it is pushed. Checking that with a hash set
//! costs a random memory access per event (it made the CLI 1.5–1.7× slower on a million
//! events), so the engine only notes a 64-bit fingerprint of each id (8 bytes appended
//! to a list) and sorts the list at the end. When no fingerprint repeats — the usual
//! case — that was the check. When one does, [`Engine::finish`] hands back the engine,
//! reset and told which fingerprints repeat, and the caller pushes the same events once
//! more: this time ids with those fingerprints are compared exactly, as text, and the
//! later ones skipped. [`Engine::compute`] does both passes for a caller that can
//! replay its events.

use super::day_series::DaySeries;
use super::directory::Directory;
use super::hash::{fingerprint, FxHashMap, FxHashSet};
use super::id_key::IdKey;
use super::indexed::Metrics;
use crate::domain::activity::{ActivityMember, ActivityRole, Event, EventKind, EventRef};
use crate::domain::sentiment::{polarity, Polarity};
use serde::{Deserialize, Serialize};

/// What the engine computes besides the daily series.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EngineOptions {
    /// Score the text of members' posts and comments for the sentiment share (costs
    /// time; the command line leaves it off).
    pub sentiment: bool,
    /// Only events in these channels count (all when `None`).
    pub channels: Option<Vec<String>>,
}

/// How many events were pushed and why some did not count.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PushCounts {
    /// Events pushed.
    pub pushed: u64,
    /// Skipped because an earlier event had the same id (the same export imported
    /// twice, overlapping exports): the first one counts.
    pub duplicate_id: u64,
    /// The first few repeated ids, for the message.
    pub duplicate_id_examples: Vec<String>,
    /// Skipped because their `member_id` is not among the members.
    pub unknown_member: u64,
    /// The first few unknown member ids, for the message.
    pub unknown_member_examples: Vec<String>,
    /// Outside the channel filter.
    pub other_channel: u64,
    /// By bots (never counted).
    pub by_bots: u64,
}

impl PushCounts {
    /// Events taken in: pushed, less those skipped for a repeated id, an unknown member
    /// or another channel (bots' events are read, though they never count as activity).
    pub fn taken(&self) -> u64 {
        self.pushed - self.duplicate_id - self.unknown_member - self.other_channel
    }
}

/// Accumulates events; see the module documentation of [`crate::domain::metrics`].
pub struct Engine {
    pub(super) dir: Directory,
    options: EngineOptions,
    /// `(day + 2^31) << 32 | member` for every event by a role-`member` row.
    pub(super) activity: Vec<u64>,
    /// Members' events per day and kind (in [`EventKind::ALL`] order).
    pub(super) kinds: DaySeries<[u32; 6]>,
    /// Members' posts and comments per day: positive, negative, neutral.
    pub(super) sentiment: DaySeries<[u32; 3]>,
    /// How event ids are checked for repeats.
    ids: Ids,
    /// Event ids of roots and of the parents of staff comments, interned.
    keys: FxHashMap<IdKey, u32>,
    /// Roots (members' posts and ideas): (key, created_at ms).
    pub(super) roots: Vec<(u32, i64)>,
    /// Staff comments with a parent: (parent key, created_at ms).
    pub(super) replies: Vec<(u32, i64)>,
    pub(super) counts: PushCounts,
}

/// How the engine checks event ids for repeats.
enum Ids {
    /// First pass: every id's fingerprint, sorted and compared in [`Engine::finish`].
    Collect(Vec<u64>),
    /// Second pass: the fingerprints that repeated, and the ids with one of them seen
    /// so far (compared as text).
    Check {
        suspects: FxHashSet<u64>,
        seen: FxHashSet<Box<str>>,
    },
}

/// What [`Engine::finish`] gives.
pub enum Finish {
    /// The metrics.
    Done(Box<Metrics>),
    /// Some event ids may repeat: push the same events again into this engine (reset,
    /// it now compares those ids exactly) and finish it once more.
    Again(Box<Engine>),
}

/// Keeps the first five distinct `value`s for a message.
fn example(examples: &mut Vec<String>, value: &str) {
    if examples.len() < 5 && !examples.iter().any(|e| e == value) {
        examples.push(value.to_owned());
    }
}

/// Days are stored biased so that they sort as unsigned numbers.
pub(super) const DAY_BIAS: i64 = 1 << 31;

impl Engine {
    /// An engine for the events of `members` (their ids are what events refer to).
    pub fn new(members: &[ActivityMember], options: EngineOptions) -> Self {
        Self::empty(Directory::new(members), options, Ids::Collect(Vec::new()))
    }

    /// An engine with nothing pushed yet.
    fn empty(dir: Directory, options: EngineOptions, ids: Ids) -> Self {
        Self {
            dir,
            options,
            activity: Vec::new(),
            kinds: DaySeries::default(),
            sentiment: DaySeries::default(),
            ids,
            keys: FxHashMap::default(),
            roots: Vec::new(),
            replies: Vec::new(),
            counts: PushCounts::default(),
        }
    }

    /// Pushes owned events (the app's own activity, Slack and Discord imports).
    pub fn push_events(&mut self, chunk: &[Event]) {
        for event in chunk {
            self.push(event.as_ref());
        }
    }

    /// Pushes one borrowed event (what the CSV and JSON readers hand over).
    pub fn push(&mut self, event: EventRef<'_>) {
        self.counts.pushed += 1;
        match &mut self.ids {
            Ids::Collect(all) => all.push(fingerprint(event.id)),
            Ids::Check { suspects, seen } => {
                if suspects.contains(&fingerprint(event.id)) && !seen.insert(event.id.into()) {
                    self.counts.duplicate_id += 1;
                    example(&mut self.counts.duplicate_id_examples, event.id);
                    return;
                }
            }
        }
        let Some((member, role)) = self.dir.lookup(event.member_id) else {
            self.counts.unknown_member += 1;
            example(&mut self.counts.unknown_member_examples, event.member_id);
            return;
        };
        if let Some(channels) = &self.options.channels {
            if !channels.iter().any(|c| c == event.channel) {
                self.counts.other_channel += 1;
                return;
            }
        }
        let at = event.created_at.0;
        let day = event.created_at.day();
        match role {
            ActivityRole::Bot => self.counts.by_bots += 1,
            ActivityRole::Staff => {
                if event.kind == EventKind::Comment {
                    if let Some(parent) = event.parent_id {
                        let key = self.key(parent);
                        self.replies.push((key, at));
                    }
                }
            }
            ActivityRole::Member => {
                let packed = ((day + DAY_BIAS) as u64) << 32 | u64::from(member);
                if self.activity.last() != Some(&packed) {
                    self.activity.push(packed);
                }
                let kind_slot = event.kind as usize;
                self.kinds.get_mut(day)[kind_slot] += 1;
                if matches!(event.kind, EventKind::Post | EventKind::Idea) {
                    let key = self.key(event.id);
                    self.roots.push((key, at));
                }
                if self.options.sentiment
                    && matches!(event.kind, EventKind::Post | EventKind::Comment)
                    && !event.text.trim().is_empty()
                {
                    let slot = match polarity(event.text) {
                        Polarity::Positive => 0,
                        Polarity::Negative => 1,
                        Polarity::Neutral => 2,
                    };
                    self.sentiment.get_mut(day)[slot] += 1;
                }
            }
        }
    }

    fn key(&mut self, id: &str) -> u32 {
        let next = self.keys.len() as u32;
        *self.keys.entry(IdKey::new(id)).or_insert(next)
    }

    /// The counts so far.
    pub fn counts(&self) -> &PushCounts {
        &self.counts
    }

    /// Indexes what was pushed into metrics that answer any date range; or, when some
    /// event ids may repeat, hands back this engine, reset, for a second pass over the
    /// same events (see the module documentation). The second pass always ends in
    /// [`Finish::Done`].
    pub fn finish(mut self) -> Finish {
        if let Ids::Collect(all) = &mut self.ids {
            all.sort_unstable();
            let suspects: FxHashSet<u64> = all
                .windows(2)
                .filter(|pair| pair[0] == pair[1])
                .map(|pair| pair[0])
                .collect();
            if !suspects.is_empty() {
                let ids = Ids::Check {
                    suspects,
                    seen: FxHashSet::default(),
                };
                return Finish::Again(Box::new(Self::empty(self.dir, self.options, ids)));
            }
        }
        // Not needed any more: freed before indexing needs memory of its own.
        self.ids = Ids::Collect(Vec::new());
        self.keys = FxHashMap::default();
        Finish::Done(Box::new(Metrics::build(self)))
    }

    /// Runs `feed`, which pushes every event into the engine it is given, once — or
    /// twice when some event ids may repeat — and returns the metrics.
    pub fn compute<E>(
        members: &[ActivityMember],
        options: EngineOptions,
        mut feed: impl FnMut(&mut Engine) -> Result<(), E>,
    ) -> Result<Metrics, E> {
        let mut engine = Engine::new(members, options);
        loop {
            feed(&mut engine)?;
            match engine.finish() {
                Finish::Done(metrics) => return Ok(*metrics),
                Finish::Again(again) => engine = *again,
            }
        }
    }

    /// [`Engine::compute`] over owned events.
    pub fn of_events(
        members: &[ActivityMember],
        options: EngineOptions,
        events: &[Event],
    ) -> Metrics {
        let done: Result<Metrics, std::convert::Infallible> =
            Engine::compute(members, options, |engine| {
                engine.push_events(events);
                Ok(())
            });
        match done {
            Ok(metrics) => metrics,
            Err(never) => match never {},
        }
    }
}
