//! The finished, indexed half of the engine: members active per day (sorted member
//! lists), first-response times per day, per-day counters; queried by date range.

use super::day_series::DaySeries;
use super::directory::Directory;
use super::engine::{Engine, PushCounts, DAY_BIAS};
use crate::domain::activity::EventKind;

/// Everything the daily series and the dashboard need, built by [`Engine::finish`].
pub struct Metrics {
    pub(super) dir: Directory,
    /// First day of `offsets`.
    first_day: i64,
    /// `members[offsets[i]..offsets[i + 1]]` are the members active on `first_day + i`.
    offsets: Vec<u32>,
    members: Vec<u32>,
    pub(super) kinds: DaySeries<[u32; 6]>,
    pub(super) sentiment: DaySeries<[u32; 3]>,
    /// (day of the root, response in ms), sorted.
    responses: Vec<(i64, i64)>,
    pub(super) unanswered: DaySeries<u32>,
    counts: PushCounts,
}

impl Metrics {
    pub(super) fn build(engine: Engine) -> Self {
        let Engine {
            mut dir,
            mut activity,
            kinds,
            sentiment,
            roots,
            mut replies,
            counts,
            ..
        } = engine;
        dir.drop_index();
        activity.sort_unstable();
        activity.dedup();
        let day_of = |p: u64| (p >> 32) as i64 - DAY_BIAS;
        let (first_day, last_day) = match (activity.first(), activity.last()) {
            (Some(&a), Some(&b)) => (day_of(a), day_of(b)),
            _ => (0, -1),
        };
        let mut offsets = Vec::with_capacity((last_day - first_day + 2) as usize);
        let mut members = Vec::with_capacity(activity.len());
        for (i, &p) in activity.iter().enumerate() {
            let slot = (day_of(p) - first_day) as usize;
            while offsets.len() <= slot {
                offsets.push(i as u32);
            }
            members.push(p as u32);
        }
        offsets.push(members.len() as u32);
        drop(activity);

        replies.sort_unstable();
        let mut responses = Vec::new();
        let mut unanswered = DaySeries::default();
        for (key, at) in roots {
            let day = at.div_euclid(crate::domain::time::DAY_MS);
            let i = replies.partition_point(|&r| r <= (key, at));
            match replies.get(i) {
                Some(&(k, reply_at)) if k == key => responses.push((day, reply_at - at)),
                _ => *unanswered.get_mut(day) += 1,
            }
        }
        responses.sort_unstable();
        Self {
            dir,
            first_day,
            offsets,
            members,
            kinds,
            sentiment,
            responses,
            unanswered,
            counts,
        }
    }

    /// Members (of role `member`) active on `day`, as sorted indexes.
    pub(super) fn active_on(&self, day: i64) -> &[u32] {
        let Ok(i) = usize::try_from(day - self.first_day) else {
            return &[];
        };
        match (self.offsets.get(i), self.offsets.get(i + 1)) {
            (Some(&a), Some(&b)) => &self.members[a as usize..b as usize],
            _ => &[],
        }
    }

    /// The first and last day with any member activity.
    pub fn activity_span(&self) -> Option<(crate::domain::time::Day, crate::domain::time::Day)> {
        use crate::domain::time::Day;
        (self.offsets.len() > 1).then(|| {
            (
                Day(self.first_day),
                Day(self.first_day + self.offsets.len() as i64 - 2),
            )
        })
    }

    /// First-response times (ms, ascending) of the roots created on `day`.
    pub(super) fn response_ms(&self, day: i64) -> Vec<i64> {
        let a = self.responses.partition_point(|&(d, _)| d < day);
        let b = self.responses.partition_point(|&(d, _)| d <= day);
        self.responses[a..b].iter().map(|&(_, ms)| ms).collect()
    }

    /// Members' events of `kind` on `day`.
    pub fn kind_on(&self, day: i64, kind: EventKind) -> u32 {
        self.kinds.get(day)[kind as usize]
    }

    /// Members' posts, comments and ideas on `day`.
    pub(super) fn ugc_on(&self, day: i64) -> u32 {
        let k = self.kinds.get(day);
        EventKind::ALL
            .iter()
            .filter(|kind| kind.is_ugc())
            .map(|&kind| k[kind as usize])
            .sum()
    }

    /// How many members (all roles) the engine knows.
    pub(super) fn member_count(&self) -> usize {
        self.dir.len()
    }

    /// How many people (all roles) the engine knows.
    pub fn people(&self) -> usize {
        self.member_count()
    }

    /// How many events were pushed and why some did not count.
    pub fn counts(&self) -> &PushCounts {
        &self.counts
    }
}
