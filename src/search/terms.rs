//! A set of terms, each with a number (its id): the terms of one document in one language while
//! it is indexed, and of one language's whole index when the files are made. The terms are kept
//! one after the other in one string, with their hashes, so that a term is hashed once, when it
//! is first seen, and a table of ids finds it again.

use hashbrown::HashTable;
use std::hash::BuildHasher;

#[derive(Default)]
pub struct Terms {
    /// Ids, found by hash.
    table: HashTable<u32>,
    /// The terms, one after the other.
    text: String,
    /// Where each term ends in `text` (it starts where the one before ends).
    ends: Vec<u32>,
    /// Each term's hash.
    hashes: Vec<u64>,
}

impl std::fmt::Debug for Terms {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Terms({})", self.ends.len())
    }
}

/// The hash of a term.
pub fn hash(term: &str) -> u64 {
    rustc_hash::FxBuildHasher.hash_one(term)
}

/// Whether two short byte strings are equal, compared in line (most terms are a few bytes, for
/// which a call to `memcmp` costs more than the comparison).
fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x == y)
}

impl Terms {
    /// How many terms there are.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// Term `id`.
    pub fn get(&self, id: u32) -> &str {
        let id = id as usize;
        let start = if id == 0 {
            0
        } else {
            self.ends[id - 1] as usize
        };
        &self.text[start..self.ends[id] as usize]
    }

    /// Term `id`'s hash.
    pub fn hash_of(&self, id: u32) -> u64 {
        self.hashes[id as usize]
    }

    /// The id of `term`, whose hash is `hash`, and whether it is new (then it is added).
    pub fn id(&mut self, term: &str, hash: u64) -> (u32, bool) {
        let Terms {
            table,
            text,
            ends,
            hashes,
        } = self;
        let term_of = |id: u32| {
            let id = id as usize;
            let start = if id == 0 { 0 } else { ends[id - 1] as usize };
            &text.as_bytes()[start..ends[id] as usize]
        };
        if let Some(&id) = table.find(hash, |&id| same(term_of(id), term.as_bytes())) {
            return (id, false);
        }
        let id = ends.len() as u32;
        table.insert_unique(hash, id, |&id| hashes[id as usize]);
        text.push_str(term);
        ends.push(text.len() as u32);
        hashes.push(hash);
        (id, true)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_term_keeps_its_id() {
        let mut t = Terms::default();
        let words = ["mailbox", "é", "", "時間", "mailbox", "mail", "box", "é"];
        let ids: Vec<(u32, bool)> = words.iter().map(|w| t.id(w, hash(w))).collect();
        assert_eq!(
            ids,
            [
                (0, true),
                (1, true),
                (2, true),
                (3, true),
                (0, false),
                (4, true),
                (5, true),
                (1, false)
            ]
        );
        assert_eq!(t.len(), 6);
        assert_eq!(
            (t.get(0), t.get(2), t.get(3), t.get(5)),
            ("mailbox", "", "時間", "box")
        );
        assert_eq!(t.hash_of(4), hash("mail"));
        // Many terms: the table grows and finds each again.
        let many: Vec<String> = (0..5000).map(|i| format!("t{i}")).collect();
        for w in &many {
            t.id(w, hash(w));
        }
        for (i, w) in many.iter().enumerate() {
            assert_eq!(t.id(w, hash(w)), (6 + i as u32, false));
        }
    }
}
