//! `Day` as `YYYY-MM-DD` text in serde (for `#[serde(with = "…")]`), since the day
//! type itself carries no serde implementation.

use crate::domain::time::Day;
use serde::{Deserialize, Deserializer, Serializer};

/// Writes `YYYY-MM-DD`.
pub fn serialize<S: Serializer>(day: &Day, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(day)
}

/// Reads `YYYY-MM-DD`.
pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Day, D::Error> {
    let text = String::deserialize(d)?;
    Day::parse(&text)
        .ok_or_else(|| serde::de::Error::custom(format!("'{text}' is not a YYYY-MM-DD date")))
}
