//! Ids as hash-map keys without a heap allocation for the usual short ones: comparing a
//! key then touches only the table itself, not a string elsewhere in memory (a cache
//! miss per lookup, a million times per import).

/// Longest id kept inline.
const INLINE: usize = 22;

/// An id, inline when it has at most 22 bytes.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum IdKey {
    /// A short id: its length and bytes (zero-padded).
    Short(u8, [u8; INLINE]),
    /// A longer id.
    Long(Box<str>),
}

impl IdKey {
    /// The key of `id`.
    pub fn new(id: &str) -> Self {
        let bytes = id.as_bytes();
        if bytes.len() <= INLINE {
            let mut inline = [0u8; INLINE];
            inline[..bytes.len()].copy_from_slice(bytes);
            IdKey::Short(bytes.len() as u8, inline)
        } else {
            IdKey::Long(id.into())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_ids_give_equal_keys_and_lengths_are_kept_apart() {
        assert_eq!(IdKey::new("m1"), IdKey::new("m1"));
        assert_ne!(IdKey::new("m1"), IdKey::new("m1\0"));
        assert_ne!(IdKey::new("m1"), IdKey::new("m2"));
        let long = "x".repeat(40);
        assert_eq!(IdKey::new(&long), IdKey::Long(long.clone().into()));
        assert_eq!(IdKey::new(&"y".repeat(22)), IdKey::new(&"y".repeat(22)));
    }
}
