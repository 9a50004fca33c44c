//! Fast RFC 3339 parsing for imports of a million rows: the common shape
//! (`2025-01-31T09:30:00Z`, `…T10:30:00.250+01:00`) is decoded by hand, anything else
//! goes through [`Timestamp::parse`], so both accept and reject the same texts.

use crate::domain::time::{days_from_civil, days_in_month, BadTime, Timestamp};

/// Parses an RFC 3339 time into UTC milliseconds (fractions beyond milliseconds are
/// truncated, as by [`Timestamp::parse`]).
///
/// ```
/// use gromada::domain::import::rfc3339::parse_time;
/// use gromada::domain::time::Timestamp;
/// let t = parse_time("2025-01-31T10:30:00.250+01:00").unwrap();
/// assert_eq!(t, Timestamp::parse("2025-01-31T09:30:00.250Z").unwrap());
/// assert!(parse_time("yesterday").is_err());
/// ```
pub fn parse_time(text: &str) -> Result<Timestamp, BadTime> {
    match fast(text.trim().as_bytes()) {
        Some(ms) => Ok(Timestamp(ms)),
        None => Timestamp::parse(text),
    }
}

fn digits(b: &[u8], at: usize, n: usize) -> Option<i64> {
    let mut v = 0i64;
    for &c in b.get(at..at + n)? {
        if !c.is_ascii_digit() {
            return None;
        }
        v = v * 10 + i64::from(c - b'0');
    }
    Some(v)
}

/// The common shape only; `None` means "let the full parser decide".
fn fast(b: &[u8]) -> Option<i64> {
    if b.len() < 20 || b[4] != b'-' || b[7] != b'-' || b[13] != b':' || b[16] != b':' {
        return None;
    }
    if b[10] != b'T' && b[10] != b't' {
        return None;
    }
    let (year, month, day) = (digits(b, 0, 4)?, digits(b, 5, 2)?, digits(b, 8, 2)?);
    let (hour, minute, second) = (digits(b, 11, 2)?, digits(b, 14, 2)?, digits(b, 17, 2)?);
    if !(1..=12).contains(&month) || day < 1 || day > i64::from(days_in_month(year, month as u32)) {
        return None;
    }
    if hour > 23 || minute > 59 || second > 59 {
        return None;
    }
    let mut i = 19;
    let mut frac_ms = 0i64;
    if b[i] == b'.' {
        i += 1;
        let start = i;
        while i < b.len() && b[i].is_ascii_digit() {
            if i - start < 3 {
                frac_ms = frac_ms * 10 + i64::from(b[i] - b'0');
            }
            i += 1;
        }
        let n = i - start;
        if n == 0 || n > 9 {
            return None;
        }
        for _ in n..3 {
            frac_ms *= 10;
        }
    }
    let offset_s = match b.get(i..)? {
        [b'Z' | b'z'] => 0,
        [sign @ (b'+' | b'-'), h1, h2, b':', m1, m2] => {
            let oh = digits(&[*h1, *h2], 0, 2)?;
            let om = digits(&[*m1, *m2], 0, 2)?;
            if oh > 23 || om > 59 {
                return None;
            }
            let s = oh * 3600 + om * 60;
            if *sign == b'-' {
                -s
            } else {
                s
            }
        }
        _ => return None,
    };
    let secs = days_from_civil(year, month as u32, day as u32) * 86_400
        + hour * 3600
        + minute * 60
        + second
        - offset_s;
    if secs < 0 {
        return None; // before 1970: leave the rounding rules to the full parser
    }
    Some(secs * 1000 + frac_ms)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agrees_with_the_full_parser() {
        for text in [
            "2025-01-31T09:30:00Z",
            "2025-01-31T10:30:00+01:00",
            "2024-02-29T23:30:00-01:00",
            "2025-12-31T23:59:59.999-13:45",
            "2025-06-01T00:00:00.1Z",
            "2025-06-01T00:00:00.123456789+05:30",
            "2000-02-29T12:00:00z",
            "1970-01-01T00:00:00Z",
            "2100-03-01t00:00:00Z",
        ] {
            assert_eq!(parse_time(text), Timestamp::parse(text), "{text}");
            assert!(fast(text.as_bytes()).is_some(), "fast path for {text}");
        }
    }

    #[test]
    fn rejects_what_the_full_parser_rejects() {
        for text in [
            "yesterday",
            "2025-02-29T00:00:00Z",
            "2025-13-01T00:00:00Z",
            "2025-01-01T24:00:00Z",
            "2025-01-01T00:00:00",
            "2025-01-01T00:00:00+0100",
            "2025-01-01",
            "",
        ] {
            assert!(parse_time(text).is_err(), "{text} should be rejected");
            assert_eq!(
                parse_time(text).is_err(),
                Timestamp::parse(text).is_err(),
                "{text}"
            );
        }
    }

    #[test]
    fn odd_but_valid_texts_fall_back_to_the_full_parser() {
        for t in ["1969-12-31T23:59:59.500Z", "2025-01-01 00:00:00Z"] {
            assert!(fast(t.as_bytes()).is_none());
            assert_eq!(parse_time(t), Timestamp::parse(t));
            assert!(parse_time(t).is_ok());
        }
    }
}
