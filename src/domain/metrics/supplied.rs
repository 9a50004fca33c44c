//! Series supplied by the user, aligned by day with the activity metrics: support
//! tickets next to MAU, and conversion of members against non-members.

use crate::domain::time::Day;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A named series of numbers by UTC day (days without a value are absent).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SuppliedSeries {
    /// Its name (the CSV column).
    pub name: String,
    values: BTreeMap<i64, f64>,
}

impl SuppliedSeries {
    /// An empty series.
    pub fn new(name: &str) -> Self {
        Self {
            name: name.to_owned(),
            values: BTreeMap::new(),
        }
    }

    /// Sets the value of `day` (a repeated day replaces the earlier value).
    pub fn set(&mut self, day: Day, value: f64) {
        self.values.insert(day.0, value);
    }

    /// The value of `day`.
    pub fn get(&self, day: Day) -> Option<f64> {
        self.values.get(&day.0).copied()
    }

    /// One value (or `None`) per day from `from` to `to`, to chart next to the series.
    pub fn align(&self, from: Day, to: Day) -> Vec<Option<f64>> {
        (from.0..=to.0).map(|d| self.get(Day(d))).collect()
    }
}

/// Conversion of members and of other visitors on one day.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ConversionDay {
    /// The day.
    #[serde(with = "super::day_text")]
    pub date: Day,
    /// `member_conversions ÷ member_visitors`, when both are known and visitors > 0.
    pub member_rate: Option<f64>,
    /// `other_conversions ÷ other_visitors`, likewise.
    pub other_rate: Option<f64>,
}

/// Finds a series by name.
pub fn find<'a>(series: &'a [SuppliedSeries], name: &str) -> Option<&'a SuppliedSeries> {
    series.iter().find(|s| s.name == name)
}

/// Member vs non-member conversion per day, from the supplied series named
/// `member_visitors`, `member_conversions`, `other_visitors`, `other_conversions`
/// (`None` for a day or side without data).
pub fn conversion(series: &[SuppliedSeries], from: Day, to: Day) -> Vec<ConversionDay> {
    let rate = |conversions: &str, visitors: &str, day: Day| {
        let c = find(series, conversions)?.get(day)?;
        let v = find(series, visitors)?.get(day)?;
        (v > 0.0).then(|| c / v)
    };
    (from.0..=to.0)
        .map(|d| {
            let day = Day(d);
            ConversionDay {
                date: day,
                member_rate: rate("member_conversions", "member_visitors", day),
                other_rate: rate("other_conversions", "other_visitors", day),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aligns_by_day_and_compares_conversion() {
        let day = |s| Day::parse(s).unwrap();
        let mut mv = SuppliedSeries::new("member_visitors");
        let mut mc = SuppliedSeries::new("member_conversions");
        let mut ov = SuppliedSeries::new("other_visitors");
        let mut oc = SuppliedSeries::new("other_conversions");
        mv.set(day("2025-01-02"), 200.0);
        mc.set(day("2025-01-02"), 10.0);
        ov.set(day("2025-01-02"), 1000.0);
        oc.set(day("2025-01-02"), 20.0);
        ov.set(day("2025-01-03"), 0.0);
        oc.set(day("2025-01-03"), 0.0);
        assert_eq!(
            mv.align(day("2025-01-01"), day("2025-01-03")),
            vec![None, Some(200.0), None]
        );
        let rows = conversion(&[mv, mc, ov, oc], day("2025-01-01"), day("2025-01-03"));
        assert_eq!(rows[0].member_rate, None);
        assert_eq!(rows[1].member_rate, Some(0.05));
        assert_eq!(rows[1].other_rate, Some(0.02));
        assert_eq!(rows[2].other_rate, None);
    }
}
