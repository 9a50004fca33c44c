//! The accumulating half of the metrics engine: events are pushed in chunks of any
//! size and order and folded into compact per-day facts; [`Engine::finish`] indexes
//! them into [`Metrics`], which answers any date range.

use super::day_series::DaySeries;
use super::directory::Directory;
use super::hash::{fingerprint, FingerprintSet, FxHashMap};
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
    /// Fingerprints of every event id pushed so far (each id counts once).
    seen: FingerprintSet,
    /// Event ids of roots and of the parents of staff comments, interned.
    keys: FxHashMap<IdKey, u32>,
    /// Roots (members' posts and ideas): (key, created_at ms).
    pub(super) roots: Vec<(u32, i64)>,
    /// Staff comments with a parent: (parent key, created_at ms).
    pub(super) replies: Vec<(u32, i64)>,
    pub(super) counts: PushCounts,
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
        Self {
            dir: Directory::new(members),
            options,
            activity: Vec::new(),
            kinds: DaySeries::default(),
            sentiment: DaySeries::default(),
            seen: FingerprintSet::default(),
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
        if !self.seen.insert(fingerprint(event.id)) {
            self.counts.duplicate_id += 1;
            example(&mut self.counts.duplicate_id_examples, event.id);
            return;
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

    /// Indexes what was pushed; the result answers any date range.
    pub fn finish(mut self) -> Metrics {
        // Not needed any more: freed before indexing needs memory of its own.
        self.seen = FingerprintSet::default();
        self.keys = FxHashMap::default();
        Metrics::build(self)
    }
}
