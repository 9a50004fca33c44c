//! Values per UTC day over a range that grows as events arrive in any order, stored as
//! one contiguous vector (no map lookups on the hot path).

/// Per-day values of type `T`, default outside the days seen.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DaySeries<T> {
    first: i64,
    values: Vec<T>,
}

impl<T: Clone + Default> DaySeries<T> {
    /// The value of `day` (default when never touched).
    pub fn get(&self, day: i64) -> T {
        usize::try_from(day - self.first)
            .ok()
            .and_then(|i| self.values.get(i))
            .cloned()
            .unwrap_or_default()
    }

    /// The value of `day`, to change; the range grows as needed (by doubling towards
    /// earlier days, so events in reverse order stay linear).
    pub fn get_mut(&mut self, day: i64) -> &mut T {
        if self.values.is_empty() {
            self.first = day;
        }
        if day < self.first {
            let grow = (self.first - day).max(self.values.len() as i64) as usize;
            let mut values = vec![T::default(); grow];
            values.append(&mut self.values);
            self.values = values;
            self.first -= grow as i64;
        }
        let i = (day - self.first) as usize;
        if i >= self.values.len() {
            self.values.resize(i + 1, T::default());
        }
        &mut self.values[i]
    }

    /// The first and last day stored, if any.
    pub fn span(&self) -> Option<(i64, i64)> {
        (!self.values.is_empty()).then(|| (self.first, self.first + self.values.len() as i64 - 1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grows_both_ways_and_defaults_elsewhere() {
        let mut s: DaySeries<u32> = DaySeries::default();
        *s.get_mut(100) += 1;
        *s.get_mut(90) += 2;
        *s.get_mut(105) += 3;
        *s.get_mut(100) += 1;
        assert_eq!((s.get(90), s.get(100), s.get(105)), (2, 2, 3));
        assert_eq!((s.get(89), s.get(95), s.get(106), s.get(-5)), (0, 0, 0, 0));
        let (first, last) = s.span().unwrap();
        assert!(first <= 90 && last == 105);
    }
}
