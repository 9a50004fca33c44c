//! The dashboard's headline figures for a date range, and the same figures for the
//! period just before it (same length), so each tile can show its change.
//!
//! - DAU and UGC/day are averages over the range's days; stickiness is the average of
//!   the daily ratios;
//! - WAU, MAU, members and engagement rate are read on the range's last day (a month
//!   window already summarises the month);
//! - first response is the median and p90 over every root created in the range, not an
//!   average of daily medians.

use super::daily::DailyRow;
use super::quantile::quantile_cont;
use super::Metrics;
use crate::domain::time::Day;
use serde::Serialize;

/// Headline figures of one period.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Kpis {
    /// First day.
    #[serde(with = "super::day_text")]
    pub from: Day,
    /// Last day.
    #[serde(with = "super::day_text")]
    pub to: Day,
    /// Average daily active members.
    pub dau: f64,
    /// Weekly active members on the last day.
    pub wau: u32,
    /// Monthly active members on the last day.
    pub mau: u32,
    /// Members on the last day.
    pub members: u32,
    /// MAU ÷ members on the last day.
    pub engagement_rate: f64,
    /// Average of the daily DAU ÷ MAU.
    pub stickiness: f64,
    /// Average member posts, comments and ideas per day.
    pub ugc_per_day: f64,
    /// Median first staff response (seconds) over the period's roots.
    pub first_response_median_s: Option<f64>,
    /// 90th percentile of the same.
    pub first_response_p90_s: Option<f64>,
    /// Roots of the period never answered by staff.
    pub unanswered: u32,
}

/// A period and the one before it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Comparison {
    /// The chosen period.
    pub current: Kpis,
    /// The period of the same length just before.
    pub previous: Kpis,
}

/// The period of the same length ending the day before `from`.
pub fn previous_period(from: Day, to: Day) -> (Day, Day) {
    let len = (to.0 - from.0).max(0) + 1;
    (Day(from.0 - len), Day(from.0 - 1))
}

fn mean(values: impl Iterator<Item = f64>) -> f64 {
    let (sum, n) = values.fold((0.0, 0u32), |(s, n), v| (s + v, n + 1));
    if n == 0 {
        0.0
    } else {
        sum / f64::from(n)
    }
}

impl Metrics {
    /// Median and p90 of the first-response times (seconds) of every root created from
    /// `from` to `to`, `None` when none was answered.
    pub fn first_response_over(&self, from: Day, to: Day) -> (Option<f64>, Option<f64>) {
        let mut times: Vec<f64> = (from.0..=to.0)
            .flat_map(|d| self.response_ms(d))
            .map(|ms| ms as f64 / 1000.0)
            .collect();
        times.sort_unstable_by(f64::total_cmp);
        (quantile_cont(&times, 0.5), quantile_cont(&times, 0.9))
    }

    /// The headline figures from `from` to `to` (from the daily rows of that range).
    pub fn kpis(&self, from: Day, to: Day, rows: &[DailyRow]) -> Kpis {
        let last = rows.last();
        let (median, p90) = self.first_response_over(from, to);
        Kpis {
            from,
            to,
            dau: mean(rows.iter().map(|r| f64::from(r.dau))),
            wau: last.map_or(0, |r| r.wau),
            mau: last.map_or(0, |r| r.mau),
            members: last.map_or(0, |r| r.members),
            engagement_rate: last.map_or(0.0, |r| r.engagement_rate),
            stickiness: mean(rows.iter().map(|r| r.stickiness)),
            ugc_per_day: mean(rows.iter().map(|r| f64::from(r.ugc))),
            first_response_median_s: median,
            first_response_p90_s: p90,
            unanswered: rows.iter().map(|r| r.unanswered).sum(),
        }
    }

    /// The period `from`–`to` and the one before it.
    pub fn compare(&self, from: Day, to: Day) -> Comparison {
        self.compare_rows(from, to, &self.daily(from, to))
    }

    /// The same, reusing the period's daily rows when the caller already has them.
    pub fn compare_rows(&self, from: Day, to: Day, rows: &[DailyRow]) -> Comparison {
        let (pfrom, pto) = previous_period(from, to);
        let current = self.kpis(from, to, rows);
        let previous = self.kpis(pfrom, pto, &self.daily(pfrom, pto));
        Comparison { current, previous }
    }
}

/// The columns of the daily-series CSV (the command line's JSON fields, in order).
pub const DAILY_CSV_HEADER: [&str; 11] = [
    "date",
    "dau",
    "wau",
    "mau",
    "members",
    "engagement_rate",
    "stickiness",
    "ugc",
    "first_response_median_s",
    "first_response_p90_s",
    "unanswered",
];

/// The daily series as CSV (with BOM, for spreadsheets); a missing response time is an
/// empty cell.
pub fn daily_csv(rows: &[DailyRow]) -> String {
    use crate::domain::export::{write, Cell};
    let maybe = |v: Option<f64>| v.map(|v| v.to_string()).unwrap_or_default();
    let texts: Vec<[String; 5]> = rows
        .iter()
        .map(|r| {
            [
                r.date.to_string(),
                r.engagement_rate.to_string(),
                r.stickiness.to_string(),
                maybe(r.first_response_median_s),
                maybe(r.first_response_p90_s),
            ]
        })
        .collect();
    write(
        &DAILY_CSV_HEADER,
        rows.iter().zip(&texts).map(|(r, t)| {
            vec![
                Cell::Text(&t[0]),
                Cell::Number(u64::from(r.dau)),
                Cell::Number(u64::from(r.wau)),
                Cell::Number(u64::from(r.mau)),
                Cell::Number(u64::from(r.members)),
                Cell::Text(&t[1]),
                Cell::Text(&t[2]),
                Cell::Number(u64::from(r.ugc)),
                Cell::Text(&t[3]),
                Cell::Text(&t[4]),
                Cell::Number(u64::from(r.unanswered)),
            ]
        }),
    )
}

/// Days from 1970-01-01 to a calendar date (and back), through `time`'s Julian days.
const UNIX_JULIAN_DAY: i64 = 2_440_588;

fn to_date(day: Day) -> Option<time::Date> {
    i32::try_from(day.0 + UNIX_JULIAN_DAY)
        .ok()
        .and_then(|j| time::Date::from_julian_day(j).ok())
}

fn quarter_start(year: i32, quarter: u8) -> Option<Day> {
    let month = time::Month::try_from(quarter * 3 + 1).ok()?;
    let date = time::Date::from_calendar_date(year, month, 1).ok()?;
    Some(Day(i64::from(date.to_julian_day()) - UNIX_JULIAN_DAY))
}

/// The last calendar quarter complete on `day`: the quarter `day` ends, or else the one
/// before the quarter `day` is in.
pub fn last_full_quarter(day: Day) -> (Day, Day) {
    let Some(date) = to_date(day) else {
        return (day, day);
    };
    let q = (u8::from(date.month()) - 1) / 3;
    let (next_year, next_q) = if q == 3 {
        (date.year() + 1, 0)
    } else {
        (date.year(), q + 1)
    };
    let (prev_year, prev_q) = if q == 0 {
        (date.year() - 1, 3)
    } else {
        (date.year(), q - 1)
    };
    match (
        quarter_start(date.year(), q),
        quarter_start(next_year, next_q),
        quarter_start(prev_year, prev_q),
    ) {
        (Some(this), Some(next), _) if day.0 == next.0 - 1 => (this, day),
        (Some(this), _, Some(prev)) => (prev, Day(this.0 - 1)),
        _ => (day, day),
    }
}

/// The relative change from `before` to `now` (`None` when `before` is 0: no baseline).
pub fn change(now: f64, before: f64) -> Option<f64> {
    (before != 0.0 && now.is_finite() && before.is_finite()).then(|| (now - before) / before)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::import::{read_members, EventReader};
    use crate::domain::metrics::{Engine, EngineOptions};

    fn metrics(members: &str, events: &str) -> Metrics {
        let members = read_members("m.csv", members.as_bytes()).unwrap();
        Engine::compute(&members.members, EngineOptions::default(), |engine| {
            let mut reader = EventReader::new("e.csv", events.as_bytes())?;
            while reader.read_chunk(1000, |e| engine.push(e))? {}
            Ok::<_, crate::domain::import::ImportError>(())
        })
        .unwrap()
    }

    fn day(s: &str) -> Day {
        Day::parse(s).unwrap()
    }

    #[test]
    fn the_previous_period_has_the_same_length_and_ends_the_day_before() {
        assert_eq!(
            previous_period(day("2025-03-01"), day("2025-03-31")),
            (day("2025-01-29"), day("2025-02-28"))
        );
        assert_eq!(
            previous_period(day("2025-03-01"), day("2025-03-01")),
            (day("2025-02-28"), day("2025-02-28"))
        );
    }

    #[test]
    fn period_figures_average_days_and_read_windows_on_the_last_day() {
        let members = "id,role,joined_at\n\
            a,member,2025-01-01T00:00:00Z\n\
            b,member,2025-01-01T00:00:00Z\n\
            c,member,2025-01-01T00:00:00Z\n\
            s,staff,2025-01-01T00:00:00Z\n";
        // Days 10..=11: a posts twice on the 10th (answered after 100 s and never), b
        // comments on the 11th; c was active on the 1st only (still in the MAU window).
        let events = "id,member_id,kind,created_at,parent_id\n\
            e0,c,reaction,2025-01-01T12:00:00Z,\n\
            e1,a,post,2025-01-10T10:00:00Z,\n\
            e2,s,comment,2025-01-10T10:01:40Z,e1\n\
            e3,a,post,2025-01-10T11:00:00Z,\n\
            e4,b,comment,2025-01-11T09:00:00Z,e1\n\
            e5,s,comment,2025-01-11T10:00:00Z,e4\n";
        let m = metrics(members, events);
        let k = m.kpis(
            day("2025-01-10"),
            day("2025-01-11"),
            &m.daily(day("2025-01-10"), day("2025-01-11")),
        );
        assert_eq!(k.dau, 1.0);
        assert_eq!((k.wau, k.mau, k.members), (2, 3, 3));
        assert_eq!(k.engagement_rate, 1.0);
        // Daily stickiness: 1 of 2 monthly actives on the 10th (a; c), 1 of 3 on the 11th.
        assert!((k.stickiness - (1.0 / 2.0 + 1.0 / 3.0) / 2.0).abs() < 1e-12);
        assert_eq!(k.ugc_per_day, 1.5);
        assert_eq!(k.first_response_median_s, Some(100.0));
        assert_eq!(k.unanswered, 1);
    }

    #[test]
    fn first_response_is_pooled_over_the_period_not_averaged_per_day() {
        let members =
            "id,role,joined_at\nm,member,2025-01-01T00:00:00Z\ns,staff,2025-01-01T00:00:00Z\n";
        // Day 1: one root answered in 10 s; day 2: three roots answered in 20, 30, 40 s.
        // Pooled median = 25 s; the mean of the daily medians would be 20 s.
        let events = "id,member_id,kind,created_at,parent_id\n\
            r1,m,post,2025-01-01T10:00:00Z,\n\
            a1,s,comment,2025-01-01T10:00:10Z,r1\n\
            r2,m,idea,2025-01-02T10:00:00Z,\n\
            a2,s,comment,2025-01-02T10:00:20Z,r2\n\
            r3,m,post,2025-01-02T11:00:00Z,\n\
            a3,s,comment,2025-01-02T11:00:30Z,r3\n\
            r4,m,post,2025-01-02T12:00:00Z,\n\
            a4,s,comment,2025-01-02T12:00:40Z,r4\n";
        let m = metrics(members, events);
        let (median, p90) = m.first_response_over(day("2025-01-01"), day("2025-01-02"));
        assert_eq!(median, Some(25.0));
        assert_eq!(p90, Some(37.0));
        assert_eq!(
            m.first_response_over(day("2025-01-03"), day("2025-01-09")),
            (None, None)
        );
    }

    #[test]
    fn the_daily_csv_has_the_command_lines_fields() {
        let members = "id,role,joined_at\nm,member,2025-01-01T00:00:00Z\n";
        let events = "id,member_id,kind,created_at\ne1,m,post,2025-01-01T10:00:00Z\n";
        let m = metrics(members, events);
        let csv = daily_csv(&m.daily(day("2025-01-01"), day("2025-01-02")));
        let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').lines().collect();
        assert_eq!(lines[0], DAILY_CSV_HEADER.join(","));
        assert_eq!(lines[1], "2025-01-01,1,1,1,1,1,1,1,,,1");
        assert_eq!(lines[2], "2025-01-02,0,1,1,1,1,0,0,,,0");
    }

    #[test]
    fn the_last_full_quarter_is_the_one_ending_today_or_the_one_before() {
        assert_eq!(
            last_full_quarter(day("2025-05-14")),
            (day("2025-01-01"), day("2025-03-31"))
        );
        assert_eq!(
            last_full_quarter(day("2025-12-31")),
            (day("2025-10-01"), day("2025-12-31"))
        );
        assert_eq!(
            last_full_quarter(day("2025-01-01")),
            (day("2024-10-01"), day("2024-12-31"))
        );
        assert_eq!(
            last_full_quarter(day("2024-03-31")),
            (day("2024-01-01"), day("2024-03-31"))
        );
    }

    #[test]
    fn compare_reads_the_period_before() {
        let members =
            "id,role,joined_at\na,member,2025-01-01T00:00:00Z\nb,member,2025-01-01T00:00:00Z\n";
        let events = "id,member_id,kind,created_at\n\
            e1,a,post,2025-01-05T10:00:00Z\n\
            e2,a,post,2025-01-12T10:00:00Z\n\
            e3,b,post,2025-01-13T10:00:00Z\n";
        let m = metrics(members, events);
        let c = m.compare(day("2025-01-08"), day("2025-01-14"));
        assert_eq!(c.previous.from, day("2025-01-01"));
        assert_eq!(c.previous.ugc_per_day, 1.0 / 7.0);
        assert_eq!(c.current.ugc_per_day, 2.0 / 7.0);
        assert_eq!(
            change(c.current.ugc_per_day, c.previous.ugc_per_day),
            Some(1.0)
        );
        assert_eq!(change(3.0, 0.0), None);
    }
}
