//! Weekly retention cohorts: members grouped by the (Monday-starting, UTC) week of
//! their first activity ever, and how many of each cohort were active in each later week.

use super::indexed::Metrics;
use crate::domain::time::Day;
use serde::{Deserialize, Serialize};

/// One cohort.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Cohort {
    /// Monday of the week of first activity.
    #[serde(with = "super::day_text")]
    pub week_start: Day,
    /// Members whose first activity fell in that week.
    pub size: u32,
    /// `active[k]`: cohort members active in week `k` after it (`active[0] == size`),
    /// for the weeks up to the one containing `to`.
    pub active: Vec<u32>,
}

/// The Monday on or before `day` (1970-01-01 was a Thursday).
pub fn week_start(day: i64) -> i64 {
    day - (day + 3).rem_euclid(7)
}

impl Metrics {
    /// Cohorts whose first week starts within `from … to` (the week of `from` included),
    /// counting activity up to `to`.
    pub fn retention(&self, from: Day, to: Day) -> Vec<Cohort> {
        let n = self.member_count();
        let Some((first, _)) = self.activity_span() else {
            return Vec::new();
        };
        let mut first_week = vec![i64::MAX; n];
        let mut last_seen_week = vec![i64::MIN; n];
        let (lo, hi) = (week_start(from.0), week_start(to.0));
        if hi < lo {
            return Vec::new();
        }
        let weeks = ((hi - lo) / 7 + 1) as usize;
        let mut cohorts: Vec<Cohort> = (0..weeks)
            .map(|w| Cohort {
                week_start: Day(lo + 7 * w as i64),
                size: 0,
                active: vec![0; weeks - w],
            })
            .collect();
        for d in first.0..=to.0 {
            let week = week_start(d);
            for &m in self.active_on(d) {
                let i = m as usize;
                if first_week[i] == i64::MAX {
                    first_week[i] = week;
                }
                if last_seen_week[i] == week {
                    continue;
                }
                last_seen_week[i] = week;
                let cohort = first_week[i];
                if cohort < lo {
                    continue;
                }
                let c = ((cohort - lo) / 7) as usize;
                let k = ((week - cohort) / 7) as usize;
                if k == 0 {
                    cohorts[c].size += 1;
                }
                cohorts[c].active[k] += 1;
            }
        }
        cohorts
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weeks_start_on_monday() {
        let monday = Day::parse("2025-01-06").unwrap().0;
        assert_eq!(week_start(monday), monday);
        assert_eq!(week_start(monday + 6), monday);
        assert_eq!(week_start(monday - 1), monday - 7);
        assert_eq!(week_start(0), Day::parse("1969-12-29").unwrap().0);
    }
}
