//! Churn among members: of those active in the previous 28 days (`d−55 … d−28`), the
//! share not active in the last 28 (`d−27 … d`).

use super::indexed::Metrics;
use crate::domain::time::Day;
use serde::{Deserialize, Serialize};

/// Churn on one day.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ChurnDay {
    /// The day.
    #[serde(with = "super::day_text")]
    pub date: Day,
    /// Members active in the previous 28 days.
    pub previously_active: u32,
    /// Of those, members not active in the last 28 days.
    pub churned: u32,
    /// `churned ÷ previously_active` (0 when nobody was active before).
    pub churn_rate: f64,
}

impl Metrics {
    /// Churn for every day from `from` to `to`.
    pub fn churn(&self, from: Day, to: Day) -> Vec<ChurnDay> {
        let n = self.member_count();
        let (mut last, mut prev) = (vec![0u8; n], vec![0u8; n]);
        let (mut prev_distinct, mut churned) = (0u32, 0u32);
        let start = from.0 - 55;
        let mut rows = Vec::new();
        // A member is churned while prev > 0 and last == 0.
        let is_churned = |p: u8, l: u8| p > 0 && l == 0;
        for d in start..=to.0 {
            for &m in self.active_on(d) {
                let i = m as usize;
                if is_churned(prev[i], last[i]) {
                    churned -= 1;
                }
                last[i] += 1;
            }
            let moved = d - 28;
            if moved >= start {
                for &m in self.active_on(moved) {
                    let i = m as usize;
                    let before = is_churned(prev[i], last[i]);
                    last[i] -= 1;
                    if prev[i] == 0 {
                        prev_distinct += 1;
                    }
                    prev[i] += 1;
                    if !before && is_churned(prev[i], last[i]) {
                        churned += 1;
                    }
                }
            }
            let gone = d - 56;
            if gone >= start {
                for &m in self.active_on(gone) {
                    let i = m as usize;
                    let before = is_churned(prev[i], last[i]);
                    prev[i] -= 1;
                    if prev[i] == 0 {
                        prev_distinct -= 1;
                    }
                    if before && !is_churned(prev[i], last[i]) {
                        churned -= 1;
                    }
                }
            }
            if d >= from.0 {
                rows.push(ChurnDay {
                    date: Day(d),
                    previously_active: prev_distinct,
                    churned,
                    churn_rate: if prev_distinct == 0 {
                        0.0
                    } else {
                        f64::from(churned) / f64::from(prev_distinct)
                    },
                });
            }
        }
        rows
    }
}
