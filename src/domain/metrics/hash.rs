//! A fast non-cryptographic hasher (rustc's Fx hash with a finaliser) for interning ids: the
//! standard SipHash is built to resist attacks on servers, and is slower than needed
//! for a million lookups in a file the user imports into their own browser.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// The Fx hasher: multiply-rotate over 8-byte words.
#[derive(Clone, Copy, Debug, Default)]
pub struct FxHasher(u64);

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0u8; 8];
            word[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(word));
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    fn finish(&self) -> u64 {
        // The multiply leaves the low bits (the table index) weak: mix the high bits in
        // (MurmurHash3's finaliser).
        let mut h = self.0;
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^ (h >> 33)
    }
}

/// A map with the Fx hasher.
pub type FxHashMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;
/// A 64-bit fingerprint of an id (XXH3-64). Equal ids have equal fingerprints; two
/// different ids share one rarely (about n² / 2⁶⁵ among n ids), so a repeated
/// fingerprint only makes an id a suspect, to be compared exactly.
pub fn fingerprint(id: &str) -> u64 {
    xxhash_rust::xxh3::xxh3_64(id.as_bytes())
}

/// A set with the Fx hasher.
pub type FxHashSet<K> = HashSet<K, BuildHasherDefault<FxHasher>>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distinguishes_ids_that_share_a_prefix() {
        let mut map: FxHashMap<Box<str>, u32> = FxHashMap::default();
        for i in 0..10_000u32 {
            map.insert(format!("member-{i}").into(), i);
        }
        assert_eq!(map.len(), 10_000);
        assert_eq!(map.get("member-9999"), Some(&9999));
        assert_eq!(map.get("member-10000"), None);
    }

    #[test]
    fn fingerprints_tell_ids_apart_and_repeat_for_the_same_id() {
        let mut set = FxHashSet::default();
        for i in 0..100_000u32 {
            assert!(set.insert(fingerprint(&format!("e{i}"))));
        }
        assert!(!set.insert(fingerprint("e99999")));
        assert!(set.insert(fingerprint("e99999 ")));
        assert!(set.insert(fingerprint("")));
        assert_ne!(fingerprint("ab"), fingerprint("ba"));
    }
}
