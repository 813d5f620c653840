//! Reuse of unchanged work between runs of the pipeline.
//!
//! `bcop serve` rebuilds after every save. Most saves touch one document, so each stage keeps
//! what it made per document, keyed by a content hash of everything that went into it: the
//! document's own files ([`crate::load::DocumentSource::fingerprint`]) and the site-wide inputs
//! (`site.yaml`, the theme, the catalogs, the build options). A document whose key is unchanged
//! is not resolved, rendered or templated again; a change anywhere in its inputs changes the key.
//! `build` and `check` run the same code with a single-use cache, so there is one pipeline; it
//! only tells the stages to skip the hashing and the bookkeeping that nothing would read.
//!
//! Each stage keeps only the entries the last run used, so the cache holds one site's worth of
//! work, not a history.

use crate::load::{Changes, Source};
use crate::render::{DocUnit, SiteFiles};
use crate::resolve::Document;
use std::collections::HashMap;
use std::sync::Arc;

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

/// What one run of the pipeline leaves for the next.
#[derive(Default)]
pub struct Cache {
    /// Set for a run that nothing runs after (`build`, `check`): the stages neither hash their
    /// inputs nor keep their work.
    pub(crate) single_use: bool,
    /// The sources as last loaded, and what changed on disk since then.
    pub(crate) source: Option<Source>,
    pub(crate) changes: Option<Changes>,
    /// Resolved documents (`None`: no version is built).
    pub(crate) resolved: HashMap<Key, Option<Arc<Document>>>,
    /// Each document's rendered Markdown, finished pages (chapters, print editions,
    /// histories, aliases) and PDFs, and what the site-wide pages take from it.
    pub(crate) units: HashMap<Key, Arc<DocUnit>>,
    /// The site-wide pages, and the sitemap, feeds and robots.txt, by the hash of what the
    /// documents gave them.
    pub(crate) site: Option<(Key, Arc<SiteFiles>)>,
    /// Catalogs, templates and their diagnostics, by the theme's and config's hash.
    pub(crate) ui: Option<(Key, Arc<Ui>)>,
    /// Link diagnostics per document, by document and by every page's anchors.
    pub(crate) links: HashMap<Key, Arc<Vec<crate::error::Diagnostic>>>,
    /// Every page and anchor that links may point to, by the hash of all of them.
    pub(crate) targets: Option<(Key, Arc<crate::render::links::TargetIndex>)>,
    /// A single-use run's work that nothing needs any more (resolved documents, rendered
    /// units): held rather than freed, so that `build`, which never frees its cache, leaves it
    /// to the operating system at exit instead of freeing it allocation by allocation.
    pub(crate) spent: Vec<Box<dyn std::any::Any + Send + Sync>>,
}

/// The UI strings and the compiled templates, which depend only on the theme and the config.
pub struct Ui {
    pub i18n: Arc<crate::i18n::I18n>,
    pub templates: Option<crate::render::templates::Templates>,
    pub diagnostics: Vec<crate::error::Diagnostic>,
}

impl Cache {
    /// A cache for one run whose work nothing will reuse.
    pub fn single_use() -> Self {
        Self {
            single_use: true,
            ..Self::default()
        }
    }

    /// Records that files changed on disk; the next run rereads what they belong to.
    pub fn changed(&mut self, changes: Changes) {
        self.changes = Some(match (self.changes.take(), changes) {
            (Some(Changes::Documents(mut a)), Changes::Documents(b)) => {
                a.extend(b);
                Changes::Documents(a)
            }
            (None, c) => c,
            _ => Changes::All,
        });
    }
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
