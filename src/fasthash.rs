//! A fast, non-cryptographic hasher for the hot hash tables of the core: node indexes,
//! the scorer's word tables and the validator's route search. These hash short strings
//! and small tuples millions of times, where the standard library's SipHash (built to
//! resist hash flooding from untrusted keys) was a fifth of the time. The keys here come
//! from the trainer's own files and the trainee's own words on this machine.
//!
//! The mixing step is FxHash's (Firefox, rustc): rotate, xor, multiply.

use std::hash::{BuildHasherDefault, Hasher};

/// `HashMap` with the fast hasher.
pub type FastMap<K, V> = std::collections::HashMap<K, V, BuildHasherDefault<FastHasher>>;
/// `HashSet` with the fast hasher.
pub type FastSet<T> = std::collections::HashSet<T, BuildHasherDefault<FastHasher>>;

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

/// The hasher behind `FastMap` and `FastSet`.
#[derive(Debug, Default, Clone, Copy)]
pub struct FastHasher {
    hash: u64,
}

impl FastHasher {
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FastHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0; 8];
            word[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(word));
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }

    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }

    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    fn finish(&self) -> u64 {
        self.hash
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_keys_hash_equally_and_tables_work() {
        let mut map: FastMap<String, usize> = FastMap::default();
        for (i, w) in [
            "sorry",
            "refund",
            "refunds",
            "",
            "a-much-longer-word-than-eight",
        ]
        .iter()
        .enumerate()
        {
            map.insert((*w).to_string(), i);
        }
        assert_eq!(map.get("refunds"), Some(&2));
        assert_eq!(map.get(""), Some(&3));
        assert_eq!(map.get("a-much-longer-word-than-eight"), Some(&4));
        assert_eq!(map.get("refun"), None);
        let mut seen: FastSet<(usize, i64)> = FastSet::default();
        assert!(seen.insert((3, -1)));
        assert!(!seen.insert((3, -1)));
        assert!(seen.insert((3, 1)));
    }
}
