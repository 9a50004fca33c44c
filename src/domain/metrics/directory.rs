//! The members of an import, interned: each id gets a `u32` index, so events refer to
//! members by number and per-member counters are plain vectors.

use super::hash::FxHashMap;
use super::id_key::IdKey;
use crate::domain::activity::{ActivityMember, ActivityRole};

/// Members by index, with what the metrics need of each.
#[derive(Clone, Debug, Default)]
pub struct Directory {
    index: FxHashMap<IdKey, u32>,
    roles: Vec<ActivityRole>,
    /// Join day of every role-`member` row, sorted.
    joined_days: Vec<i64>,
    /// For role-`member` rows that left: the first day they no longer count, sorted.
    gone_days: Vec<i64>,
}

impl Directory {
    /// Interns `members`; a repeated id keeps its first row.
    pub fn new(members: &[ActivityMember]) -> Self {
        let mut dir = Directory::default();
        for m in members {
            let key = IdKey::new(m.id.as_str());
            if dir.index.contains_key(&key) {
                continue;
            }
            let n = dir.roles.len() as u32;
            dir.index.insert(key, n);
            dir.roles.push(m.role);
            if m.role == ActivityRole::Member {
                let joined = m.joined_at.day();
                dir.joined_days.push(joined);
                if let Some(left) = m.left_at {
                    // Counted on days d with joined <= d < left.
                    dir.gone_days.push(left.day().max(joined));
                }
            }
        }
        dir.joined_days.sort_unstable();
        dir.gone_days.sort_unstable();
        dir
    }

    /// The index and role of a member id.
    pub fn lookup(&self, id: &str) -> Option<(u32, ActivityRole)> {
        let i = *self.index.get(&IdKey::new(id))?;
        Some((i, self.roles[i as usize]))
    }

    /// How many members (all roles).
    pub fn len(&self) -> usize {
        self.roles.len()
    }

    /// Whether there are no members.
    pub fn is_empty(&self) -> bool {
        self.roles.is_empty()
    }

    /// `members(d)`: role-`member` rows with join day ≤ d and no leave day ≤ d.
    pub fn members_on(&self, day: i64) -> u32 {
        let joined = self.joined_days.partition_point(|&j| j <= day);
        let gone = self.gone_days.partition_point(|&g| g <= day);
        (joined - gone) as u32
    }

    /// Frees the id index once every event has been read.
    pub fn drop_index(&mut self) {
        self.index = FxHashMap::default();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ids::MemberId;
    use crate::domain::time::{Day, Timestamp};

    fn member(id: &str, role: ActivityRole, joined: &str, left: Option<&str>) -> ActivityMember {
        ActivityMember {
            id: MemberId::from(id),
            name: String::new(),
            role,
            joined_at: Timestamp::parse(joined).unwrap(),
            left_at: left.map(|l| Timestamp::parse(l).unwrap()),
        }
    }

    #[test]
    fn counts_members_from_their_join_day_until_the_day_before_they_leave() {
        let dir = Directory::new(&[
            member("a", ActivityRole::Member, "2025-01-02T23:00:00Z", None),
            // Joined 2025-01-03 in UTC (23:30 the day before in New York).
            member(
                "b",
                ActivityRole::Member,
                "2025-01-02T23:30:00-05:00",
                Some("2025-01-05T01:00:00Z"),
            ),
            member("s", ActivityRole::Staff, "2025-01-01T00:00:00Z", None),
            member("x", ActivityRole::Bot, "2025-01-01T00:00:00Z", None),
            // Left before joining: never counted.
            member(
                "c",
                ActivityRole::Member,
                "2025-01-04T00:00:00Z",
                Some("2025-01-03T00:00:00Z"),
            ),
        ]);
        let day = |s| Day::parse(s).unwrap().0;
        assert_eq!(dir.members_on(day("2025-01-01")), 0);
        assert_eq!(dir.members_on(day("2025-01-02")), 1);
        assert_eq!(dir.members_on(day("2025-01-03")), 2);
        assert_eq!(dir.members_on(day("2025-01-04")), 2);
        assert_eq!(dir.members_on(day("2025-01-05")), 1);
        assert_eq!(dir.lookup("s"), Some((2, ActivityRole::Staff)));
        assert_eq!(dir.lookup("nobody"), None);
    }
}
