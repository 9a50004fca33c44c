//! The daily series of the command-line contract (issue 5): DAU, WAU, MAU, members,
//! engagement rate, stickiness, UGC and first response, one row per UTC day.

use super::indexed::Metrics;
use super::quantile::quantile_cont;
use super::window::DistinctWindow;
use crate::domain::time::Day;
use serde::{Deserialize, Serialize};

/// One day of the series; serialised with exactly the contract's keys, in order.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DailyRow {
    /// The UTC day, `YYYY-MM-DD`.
    #[serde(with = "super::day_text")]
    pub date: Day,
    /// Distinct active role-`member` rows on the day.
    pub dau: u32,
    /// … in the 7 days ending on the day.
    pub wau: u32,
    /// … in the 28 days ending on the day.
    pub mau: u32,
    /// Role-`member` rows joined by and not yet left on the day.
    pub members: u32,
    /// `mau ÷ members` (0 when members is 0).
    pub engagement_rate: f64,
    /// `dau ÷ mau` (0 when mau is 0).
    pub stickiness: f64,
    /// Members' posts, comments and ideas on the day.
    pub ugc: u32,
    /// Median first staff response to members' roots of the day, in seconds.
    pub first_response_median_s: Option<f64>,
    /// 90th percentile of the same.
    pub first_response_p90_s: Option<f64>,
    /// Roots of the day that no staff comment answered.
    pub unanswered: u32,
}

fn ratio(a: u32, b: u32) -> f64 {
    if b == 0 {
        0.0
    } else {
        f64::from(a) / f64::from(b)
    }
}

impl Metrics {
    /// One row per day from `from` to `to` inclusive (empty when `to < from`); the
    /// windows look back before `from` as needed.
    pub fn daily(&self, from: Day, to: Day) -> Vec<DailyRow> {
        let mut rows = Vec::with_capacity((to.0 - from.0 + 1).max(0) as usize);
        let mut week = DistinctWindow::new(self.member_count(), 7);
        let mut month = DistinctWindow::new(self.member_count(), 28);
        let mut times = Vec::new();
        for d in (from.0 - 27)..=to.0 {
            let active = self.active_on(d);
            week.advance(d, active, |day| self.active_on(day));
            month.advance(d, active, |day| self.active_on(day));
            if d < from.0 {
                continue;
            }
            let (dau, wau, mau) = (active.len() as u32, week.distinct(), month.distinct());
            let members = self.dir.members_on(d);
            times.clear();
            times.extend(self.response_ms(d).iter().map(|&ms| ms as f64 / 1000.0));
            rows.push(DailyRow {
                date: Day(d),
                dau,
                wau,
                mau,
                members,
                engagement_rate: ratio(mau, members),
                stickiness: ratio(dau, mau),
                ugc: self.ugc_on(d),
                first_response_median_s: quantile_cont(&times, 0.5),
                first_response_p90_s: quantile_cont(&times, 0.9),
                unanswered: self.unanswered.get(d),
            });
        }
        rows
    }
}
