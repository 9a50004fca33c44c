//! When survey waves open and close: once, weekly, monthly on the n-th weekday, or
//! quarterly, computed in the schedule's fixed UTC offset.

use super::{Recurrence, Schedule};
use crate::domain::time::Timestamp;

impl Schedule {
    /// When wave `n` opens (`None` past a one-off survey's only wave or out of range).
    ///
    /// Dates are computed in the schedule's fixed UTC offset, so "the first Monday at
    /// 09:00" stays 09:00 local time in every month.
    pub fn wave_start(&self, n: u32) -> Option<Timestamp> {
        use time::{Duration, OffsetDateTime, UtcOffset};
        let offset = UtcOffset::from_whole_seconds(self.utc_offset_min.checked_mul(60)?).ok()?;
        let first =
            OffsetDateTime::from_unix_timestamp_nanos(i128::from(self.opens_at.0) * 1_000_000)
                .ok()?
                .to_offset(offset);
        let local = match &self.recurrence {
            Recurrence::Once if n == 0 => first,
            Recurrence::Once => return None,
            Recurrence::Weekly => first.checked_add(Duration::weeks(i64::from(n)))?,
            Recurrence::Monthly { nth, weekday } => {
                let (y, m) = add_months(first.year(), u8::from(first.month()), n)?;
                let day = nth_weekday(y, m, *nth, *weekday)?;
                let date =
                    time::Date::from_calendar_date(y, time::Month::try_from(m).ok()?, day).ok()?;
                date.with_time(first.time()).assume_offset(offset)
            }
            Recurrence::Quarterly => {
                let (y, m) = add_months(first.year(), u8::from(first.month()), n.checked_mul(3)?)?;
                let month = time::Month::try_from(m).ok()?;
                let day = first.day().min(month.length(y));
                let date = time::Date::from_calendar_date(y, month, day).ok()?;
                date.with_time(first.time()).assume_offset(offset)
            }
        };
        Some(Timestamp((local.unix_timestamp_nanos() / 1_000_000) as i64))
    }

    /// When wave `n` closes.
    pub fn wave_end(&self, n: u32) -> Option<Timestamp> {
        let start = self.wave_start(n)?;
        let end = start.plus_days(i64::from(self.open_days));
        // A wave never runs into the next one.
        Some(match self.wave_start(n + 1) {
            Some(next) if next < end => next,
            _ => end,
        })
    }

    /// The latest wave that has opened by `now`, and whether it is still open.
    pub fn wave_at(&self, now: Timestamp) -> Option<(u32, bool)> {
        let mut latest = None;
        let mut n = 0u32;
        while let Some(start) = self.wave_start(n) {
            if start > now {
                break;
            }
            latest = Some(n);
            n += 1;
            if n > 10_000 {
                break;
            }
        }
        let n = latest?;
        let open = self.wave_end(n).is_some_and(|end| now < end);
        Some((n, open))
    }
}

fn add_months(year: i32, month: u8, n: u32) -> Option<(i32, u8)> {
    let index = i64::from(year) * 12 + i64::from(month) - 1 + i64::from(n);
    Some((
        i32::try_from(index.div_euclid(12)).ok()?,
        (index.rem_euclid(12) + 1) as u8,
    ))
}

/// Day of month of the `nth` (1–4, 5 = last) ISO `weekday` (1 = Monday) of a month.
fn nth_weekday(year: i32, month: u8, nth: u8, weekday: u8) -> Option<u8> {
    let month = time::Month::try_from(month).ok()?;
    let first = time::Date::from_calendar_date(year, month, 1).ok()?;
    let first_wd = first.weekday().number_from_monday();
    if !(1..=7).contains(&weekday) || !(1..=5).contains(&nth) {
        return None;
    }
    let first_match = 1 + (7 + weekday - first_wd) % 7;
    let days = month.length(year);
    let mut day = first_match + 7 * (nth.min(5) - 1);
    while day > days {
        day -= 7;
    }
    Some(day)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::survey::{Recurrence, Schedule};

    fn ts(s: &str) -> Timestamp {
        Timestamp::parse(s).unwrap()
    }

    fn monthly(first: &str, offset: i32) -> Schedule {
        Schedule {
            opens_at: ts(first),
            open_days: 14,
            recurrence: Recurrence::Monthly { nth: 1, weekday: 1 },
            utc_offset_min: offset,
        }
    }

    #[test]
    fn first_monday_each_month_across_year_end() {
        let s = monthly("2025-11-03T09:00:00Z", 0);
        assert_eq!(s.wave_start(1).unwrap(), ts("2025-12-01T09:00:00Z"));
        assert_eq!(s.wave_start(2).unwrap(), ts("2026-01-05T09:00:00Z"));
        assert_eq!(s.wave_start(3).unwrap(), ts("2026-02-02T09:00:00Z"));
    }

    #[test]
    fn local_time_holds_in_an_offset() {
        // 09:00 in UTC+1 is 08:00Z; the wave in a month starting on a Monday stays on day 1.
        let s = monthly("2025-09-01T08:00:00Z", 60);
        assert_eq!(s.wave_start(0).unwrap(), ts("2025-09-01T08:00:00Z"));
        assert_eq!(s.wave_start(1).unwrap(), ts("2025-10-06T08:00:00Z"));
    }

    #[test]
    fn offset_changes_the_local_date() {
        // 23:30Z on Sunday 2025-08-31 is already Monday 01:30 in UTC+2.
        let s = monthly("2025-08-31T23:30:00Z", 120);
        assert_eq!(s.wave_start(1).unwrap(), ts("2025-10-05T23:30:00Z"));
    }

    #[test]
    fn last_weekday_and_quarterly_clamp() {
        let last_friday = Schedule {
            opens_at: ts("2026-01-30T10:00:00Z"),
            open_days: 3,
            recurrence: Recurrence::Monthly { nth: 5, weekday: 5 },
            utc_offset_min: 0,
        };
        assert_eq!(
            last_friday.wave_start(1).unwrap(),
            ts("2026-02-27T10:00:00Z")
        );
        let quarterly = Schedule {
            opens_at: ts("2025-11-30T10:00:00Z"),
            open_days: 10,
            recurrence: Recurrence::Quarterly,
            utc_offset_min: 0,
        };
        assert_eq!(quarterly.wave_start(1).unwrap(), ts("2026-02-28T10:00:00Z"));
    }

    #[test]
    fn wave_at_finds_open_and_closed_waves() {
        let s = monthly("2025-11-03T09:00:00Z", 0);
        assert_eq!(s.wave_at(ts("2025-11-01T00:00:00Z")), None);
        assert_eq!(s.wave_at(ts("2025-11-10T00:00:00Z")), Some((0, true)));
        assert_eq!(s.wave_at(ts("2025-11-20T00:00:00Z")), Some((0, false)));
        assert_eq!(s.wave_at(ts("2025-12-02T00:00:00Z")), Some((1, true)));
        let once = Schedule {
            recurrence: Recurrence::Once,
            ..s
        };
        assert_eq!(once.wave_at(ts("2026-05-01T00:00:00Z")), Some((0, false)));
    }

    #[test]
    fn waves_never_overlap() {
        let s = Schedule {
            opens_at: ts("2025-11-03T09:00:00Z"),
            open_days: 10,
            recurrence: Recurrence::Weekly,
            utc_offset_min: 0,
        };
        assert_eq!(s.wave_end(0).unwrap(), ts("2025-11-10T09:00:00Z"));
    }
}
