//! Content hashes that name units of work, so that a stage can reuse what it made last time.
//!
//! `bcop serve` rebuilds after every save. Most saves touch one document, so each stage keeps
//! what it made per document in its own memo ([`crate::resolve::Memo`],
//! [`crate::render::Memo`]), keyed by a hash of everything that went into it: the document's
//! own files ([`crate::load::DocumentSource::fingerprint`]) and the site-wide inputs
//! (`site.yaml`, the theme, the catalogs, the build options). A document whose key is unchanged
//! is not resolved, rendered or templated again; a change anywhere in its inputs changes the
//! key. Each memo keeps only the entries the last run used: one site's worth of work, not a
//! history. This module knows nothing of the stages, so that every stage can use it.

use std::collections::HashMap;

/// A content hash naming one unit of work by all of its inputs.
pub type Key = [u8; 32];

/// Hashes `parts` (each length-prefixed, so that parts cannot run into each other).
pub fn key(parts: &[&[u8]]) -> Key {
    let mut h = blake3::Hasher::new();
    for p in parts {
        h.update(&(p.len() as u64).to_le_bytes());
        h.update(p);
    }
    *h.finalize().as_bytes()
}

/// Looks up `key` in `old`; on a miss (or without a key: nothing is kept) computes the value.
/// Used from parallel code: the new map is built from the returned pairs ([`kept`]), so unused
/// entries drop out.
pub(crate) fn reuse<V: Clone>(
    old: &HashMap<Key, V>,
    key: Option<Key>,
    make: impl FnOnce() -> V,
) -> (Option<Key>, V) {
    match key.and_then(|k| old.get(&k)) {
        Some(v) => (key, v.clone()),
        None => (key, make()),
    }
}

/// The entries of [`reuse`]'s results that have a key.
pub(crate) fn kept<V>(pairs: impl IntoIterator<Item = (Option<Key>, V)>) -> HashMap<Key, V> {
    pairs
        .into_iter()
        .filter_map(|(k, v)| Some((k?, v)))
        .collect()
}
