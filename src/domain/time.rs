//! Instants as UTC milliseconds since the Unix epoch, stored as RFC 3339 text.
//! The domain never reads the clock: callers pass `now`.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// Milliseconds per UTC day.
pub const DAY_MS: i64 = 86_400_000;

/// An instant, in UTC milliseconds since 1970-01-01T00:00:00Z.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Timestamp(pub i64);

/// A text that is not an RFC 3339 time.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("'{0}' is not an RFC 3339 time (expected e.g. 2025-01-31T09:30:00Z)")]
pub struct BadTime(pub String);

impl Timestamp {
    /// Parses RFC 3339 (`2025-01-31T09:30:00Z`, `2025-01-31T10:30:00+01:00`).
    ///
    /// ```
    /// use gromada::domain::time::Timestamp;
    /// let a = Timestamp::parse("2025-01-31T10:30:00+01:00").unwrap();
    /// assert_eq!(a, Timestamp::parse("2025-01-31T09:30:00Z").unwrap());
    /// ```
    pub fn parse(text: &str) -> Result<Self, BadTime> {
        parse_rfc3339(text.trim().as_bytes())
            .map(Self)
            .ok_or_else(|| BadTime(text.to_owned()))
    }

    /// The UTC calendar day, as days since 1970-01-01 (negative before).
    pub fn day(self) -> i64 {
        self.0.div_euclid(DAY_MS)
    }

    /// This instant plus `days` whole days.
    pub fn plus_days(self, days: i64) -> Self {
        Self(self.0 + days * DAY_MS)
    }

    /// This instant plus `ms` milliseconds.
    pub fn plus_ms(self, ms: i64) -> Self {
        Self(self.0 + ms)
    }

    /// RFC 3339 text in UTC with millisecond precision.
    pub fn to_rfc3339(self) -> String {
        let (day, ms_of_day) = (self.0.div_euclid(DAY_MS), self.0.rem_euclid(DAY_MS));
        let (y, m, d) = civil_from_days(day);
        if !(-9999..=9999).contains(&y) {
            return format!("{}ms", self.0);
        }
        let (hh, mm) = (ms_of_day / 3_600_000, ms_of_day / 60_000 % 60);
        let (ss, ms) = (ms_of_day / 1000 % 60, ms_of_day % 1000);
        format!("{y:04}-{m:02}-{d:02}T{hh:02}:{mm:02}:{ss:02}.{ms:03}Z")
    }
}

// RFC 3339 by hand: the `time` crate's parser and date arithmetic were some 4 KB of every
// embed's wasm for the one format the stores write. The tests check both directions
// against `time` on many generated inputs.

/// `n` ASCII digits of `b` from `at`.
fn digits(b: &[u8], at: usize, n: usize) -> Option<u32> {
    b.get(at..at + n)?.iter().try_fold(0u32, |v, &c| {
        c.is_ascii_digit().then(|| v * 10 + u32::from(c - b'0'))
    })
}

fn is_leap_year(y: i64) -> bool {
    y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)
}

/// Days in month `m` (1–12) of year `y`.
pub(crate) fn days_in_month(y: i64, m: u32) -> u32 {
    match m {
        2 if is_leap_year(y) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's `days_from_civil`).
pub(crate) fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = i64::from((m + 9) % 12);
    let doy = (153 * mp + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date of a day since 1970-01-01 (H. Hinnant's `civil_from_days`).
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

/// RFC 3339 read as the `time` crate reads it: any one-byte separator between date and
/// time, any number of fraction digits (nanoseconds kept), `Z`, `z` or `±hh:mm`, and a
/// leap second (`:60`) only as the last instant of a month in UTC (read as the
/// nanosecond before). UTC milliseconds, truncated toward zero.
fn parse_rfc3339(b: &[u8]) -> Option<i64> {
    let lit = |at: usize, c: u8| (b.get(at) == Some(&c)).then_some(());
    let year = digits(b, 0, 4)?;
    lit(4, b'-')?;
    let month = digits(b, 5, 2)?;
    lit(7, b'-')?;
    let day = digits(b, 8, 2)?;
    b.get(10)?;
    let hour = digits(b, 11, 2)?;
    lit(13, b':')?;
    let minute = digits(b, 14, 2)?;
    lit(16, b':')?;
    let second = digits(b, 17, 2)?;
    let mut at = 19;
    let mut nanos = 0u32;
    if b.get(at) == Some(&b'.') {
        at += 1;
        let first = at;
        let mut unit = 100_000_000;
        while let Some(c) = b.get(at).filter(|c| c.is_ascii_digit()) {
            nanos += u32::from(c - b'0') * unit;
            unit /= 10;
            at += 1;
        }
        if at == first {
            return None;
        }
    }
    let offset_s = match *b.get(at)? {
        b'Z' | b'z' => {
            at += 1;
            0
        }
        sign @ (b'+' | b'-') => {
            let (h, m) = (digits(b, at + 1, 2)?, digits(b, at + 4, 2)?);
            lit(at + 3, b':')?;
            if h > 23 || m > 59 {
                return None;
            }
            at += 6;
            let s = i64::from(h * 3600 + m * 60);
            if sign == b'-' {
                -s
            } else {
                s
            }
        }
        _ => return None,
    };
    let (year, leap) = (i64::from(year), second == 60);
    let (second, nanos) = if leap {
        (59, 999_999_999)
    } else {
        (second, nanos)
    };
    if at != b.len()
        || !(1..=12).contains(&month)
        || day == 0
        || day > days_in_month(year, month)
        || hour > 23
        || minute > 59
        || second > 59
    {
        return None;
    }
    let secs = days_from_civil(year, month, day) * 86_400
        + i64::from(hour * 3600 + minute * 60 + second)
        - offset_s;
    if leap {
        let (y, m, d) = civil_from_days(secs.div_euclid(86_400));
        if secs.rem_euclid(86_400) != 86_399 || d != days_in_month(y, m) {
            return None;
        }
    }
    if secs >= 0 {
        return Some(secs * 1000 + i64::from(nanos / 1_000_000));
    }
    // Before 1970 a fraction truncates toward zero, i.e. up (as the `time` crate's nanoseconds
    // divided by 10^6 do).
    Some(((i128::from(secs) * 1_000_000_000 + i128::from(nanos)) / 1_000_000) as i64)
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_rfc3339())
    }
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_rfc3339())
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        Timestamp::parse(&text).map_err(serde::de::Error::custom)
    }
}

/// A UTC calendar date as days since 1970-01-01, shown as `YYYY-MM-DD`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Day(pub i64);

impl Day {
    /// Parses `YYYY-MM-DD`.
    pub fn parse(text: &str) -> Option<Self> {
        let fmt = time::macros::format_description!("[year]-[month]-[day]");
        let date = time::Date::parse(text.trim(), &fmt).ok()?;
        Some(Self(
            i64::from(date.to_julian_day()) - UNIX_EPOCH_JULIAN_DAY,
        ))
    }

    /// The instant this day starts (00:00 UTC).
    pub fn start(self) -> Timestamp {
        Timestamp(self.0 * DAY_MS)
    }
}

const UNIX_EPOCH_JULIAN_DAY: i64 = 2_440_588;

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match time::Date::from_julian_day((self.0 + UNIX_EPOCH_JULIAN_DAY) as i32) {
            Ok(d) => write!(
                f,
                "{:04}-{:02}-{:02}",
                d.year(),
                u8::from(d.month()),
                d.day()
            ),
            Err(_) => write!(f, "day {}", self.0),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::rng::Rng;
    use time::format_description::well_known::Rfc3339;
    use time::OffsetDateTime;

    /// What the `time` crate makes of `text` (the implementation this module replaced).
    fn by_time_crate(text: &str) -> Option<i64> {
        let t = OffsetDateTime::parse(text.trim(), &Rfc3339).ok()?;
        Some((t.unix_timestamp_nanos() / 1_000_000) as i64)
    }

    #[test]
    fn parses_as_the_time_crate_does() {
        let fixed = [
            "2025-01-31T09:30:00Z",
            "2025-01-31t09:30:00z",
            "2025-01-31 09:30:00+01:00",
            "2025-01-31X09:30:00-23:59",
            "2024-02-29T12:00:00Z",
            "2023-02-29T12:00:00Z",
            "2000-02-29T00:00:00Z",
            "1900-02-29T00:00:00Z",
            "2016-12-31T23:59:60Z",
            "2016-12-31T22:59:60-01:00",
            "2016-12-30T23:59:60Z",
            "2016-12-31T23:59:60.5Z",
            "1969-12-31T23:59:59.9999Z",
            "1969-12-31T23:59:59.0005Z",
            "0000-01-01T00:00:00Z",
            "9999-12-31T23:59:59.999999999999+00:00",
            "2025-01-31T09:30:00.Z",
            "2025-01-31T09:30:00+24:00",
            "2025-01-31T09:30:00+01:60",
            "2025-01-31T09:30:00",
            "2025-01-31T09:30:00Z ",
            " 2025-01-31T09:30:00Z",
            "2025-01-31T09:30:00ZZ",
            "2025-1-31T09:30:00Z",
            "2025-13-01T00:00:00Z",
            "2025-00-10T00:00:00Z",
            "2025-04-31T00:00:00Z",
            "2025-01-31T24:00:00Z",
            "2025-01-31T23:60:00Z",
            "2025-01-31ŁT09:30:00Z",
            "+2025-01-31T09:30:00Z",
            "",
            "2025-01-31",
        ];
        for text in fixed {
            assert_eq!(
                Timestamp::parse(text).ok().map(|t| t.0),
                by_time_crate(text),
                "{text:?}"
            );
        }
        // Generated: mostly well-formed with random fields (invalid dates and offsets
        // among them), some with a byte changed.
        let mut rng = Rng::new(3339);
        for _ in 0..200_000 {
            let mut text = format!(
                "{:04}-{:02}-{:02}{}{:02}:{:02}:{:02}{}{}",
                rng.below(10_000),
                rng.below(14),
                rng.below(33),
                ["T", "t", " ", "_"][rng.below(4) as usize],
                rng.below(25),
                rng.below(61),
                rng.below(62),
                ["", ".5", ".123", ".999999999", ".0000000019", "."][rng.below(6) as usize],
                match rng.below(4) {
                    0 => "Z".to_owned(),
                    1 => "z".to_owned(),
                    _ => format!(
                        "{}{:02}:{:02}",
                        ["+", "-"][rng.below(2) as usize],
                        rng.below(25),
                        rng.below(61)
                    ),
                },
            )
            .into_bytes();
            if rng.chance(0.2) {
                let at = rng.below(text.len() as u64) as usize;
                text[at] = b"0123456789-:.+Zz T9"[rng.below(19) as usize];
            }
            let text = String::from_utf8(text).unwrap_or_default();
            assert_eq!(
                Timestamp::parse(&text).ok().map(|t| t.0),
                by_time_crate(&text),
                "{text:?}"
            );
        }
    }

    #[test]
    fn formats_as_the_time_crate_did() {
        let old = |ms: i64| {
            let Ok(t) = OffsetDateTime::from_unix_timestamp_nanos(i128::from(ms) * 1_000_000)
            else {
                return format!("{ms}ms");
            };
            let (y, m, d) = (t.year(), u8::from(t.month()), t.day());
            let (hh, mm, ss, ms) = (t.hour(), t.minute(), t.second(), t.millisecond());
            format!("{y:04}-{m:02}-{d:02}T{hh:02}:{mm:02}:{ss:02}.{ms:03}Z")
        };
        let mut rng = Rng::new(8601);
        let edges = [
            0,
            -1,
            1,
            DAY_MS - 1,
            -DAY_MS,
            253_402_300_799_999,
            253_402_300_800_000,
        ];
        let edges = edges
            .into_iter()
            .chain([-377_705_116_800_000, -377_705_116_800_001]);
        for ms in edges.chain((0..200_000).map(|_| rng.next_u64() as i64 % 400_000_000_000_000)) {
            assert_eq!(Timestamp(ms).to_rfc3339(), old(ms), "{ms}");
        }
    }

    #[test]
    fn round_trips_and_normalises_offsets() {
        let t = Timestamp::parse("2024-02-29T23:30:00-01:00").unwrap();
        assert_eq!(t.to_rfc3339(), "2024-03-01T00:30:00.000Z");
        assert_eq!(Timestamp::parse(&t.to_rfc3339()).unwrap(), t);
    }

    #[test]
    fn rejects_non_times_with_the_text() {
        let err = Timestamp::parse("yesterday").unwrap_err();
        assert!(err.to_string().contains("'yesterday'"));
    }

    #[test]
    fn days_are_utc_calendar_days() {
        let late = Timestamp::parse("2025-01-01T23:59:59Z").unwrap();
        let next = Timestamp::parse("2025-01-02T00:00:00Z").unwrap();
        assert_eq!(late.day() + 1, next.day());
        assert_eq!(Day(late.day()).to_string(), "2025-01-01");
        assert_eq!(Day::parse("2025-01-02").unwrap(), Day(next.day()));
        let before_epoch = Timestamp::parse("1969-12-31T12:00:00Z").unwrap();
        assert_eq!(before_epoch.day(), -1);
    }
}
