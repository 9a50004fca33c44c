//! Distinct members in a sliding window of days, kept with one counter per member:
//! a day entering adds its members, the day falling out removes them, so a whole
//! series costs one pass over the member-days instead of a set per day.

/// Distinct members active in the last `len` days.
pub struct DistinctWindow {
    counts: Vec<u8>,
    len: i64,
    distinct: u32,
    first: Option<i64>,
}

impl DistinctWindow {
    /// A window of `len` days (at most 255) over `members` members.
    pub fn new(members: usize, len: u8) -> Self {
        Self {
            counts: vec![0; members],
            len: i64::from(len),
            distinct: 0,
            first: None,
        }
    }

    /// Moves the window to end on `day` (called for consecutive days), whose active
    /// members are `entering`; `active_on` gives the members of the day that falls out.
    pub fn advance<'a>(
        &mut self,
        day: i64,
        entering: &[u32],
        active_on: impl Fn(i64) -> &'a [u32],
    ) {
        let first = *self.first.get_or_insert(day);
        self.add(entering);
        let out = day - self.len;
        if out >= first {
            self.remove(active_on(out));
        }
    }

    /// Adds one day's members.
    pub fn add(&mut self, members: &[u32]) {
        for &m in members {
            let c = &mut self.counts[m as usize];
            if *c == 0 {
                self.distinct += 1;
            }
            *c += 1;
        }
    }

    /// Removes one day's members (a day that was added before).
    pub fn remove(&mut self, members: &[u32]) {
        for &m in members {
            let c = &mut self.counts[m as usize];
            *c -= 1;
            if *c == 0 {
                self.distinct -= 1;
            }
        }
    }

    /// Distinct members in the window.
    pub fn distinct(&self) -> u32 {
        self.distinct
    }

    /// Whether member `m` is in the window.
    pub fn contains(&self, m: u32) -> bool {
        self.counts[m as usize] > 0
    }
}
