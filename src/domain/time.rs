//! Instants as UTC milliseconds since the Unix epoch, stored as RFC 3339 text.
//! The domain never reads the clock: callers pass `now`.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

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
        let parsed =
            OffsetDateTime::parse(text.trim(), &Rfc3339).map_err(|_| BadTime(text.to_owned()))?;
        Ok(Self((parsed.unix_timestamp_nanos() / 1_000_000) as i64))
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
        let Ok(t) = OffsetDateTime::from_unix_timestamp_nanos(i128::from(self.0) * 1_000_000)
        else {
            return format!("{}ms", self.0);
        };
        let (y, m, d) = (t.year(), u8::from(t.month()), t.day());
        let (hh, mm, ss, ms) = (t.hour(), t.minute(), t.second(), t.millisecond());
        format!("{y:04}-{m:02}-{d:02}T{hh:02}:{mm:02}:{ss:02}.{ms:03}Z")
    }
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
