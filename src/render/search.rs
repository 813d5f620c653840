//! The search index's share of rendering: each document's pages indexed as the document
//! renders ([`document`]), and the site's index files made from all of them ([`SearchLater`]).

use super::pages::Pages;
use super::{DocUnit, OutputFile};
use crate::paths::out;
use crate::resolve::Document;
use crate::search::{self, DocIndex, Indexer, Language};
use crate::translate::Freshness;
use std::collections::BTreeMap;
use std::sync::Arc;

/// Indexes every chapter page of `doc` that shows its own text: a fallback is left to the
/// source language's index, where its text is.
pub(super) fn document(pages: &Pages, doc: &Document) -> DocIndex {
    use rayon::prelude::*;
    let config = pages.config;
    let titles = config
        .languages
        .iter()
        .map(|l| pages.doc_view_title(doc.latest(), &l.code))
        .collect();
    let languages = config
        .languages
        .par_iter()
        .enumerate()
        .map(|(li, _)| {
            let mut indexer = Indexer::default();
            for (vi, v) in doc.versions.iter().enumerate() {
                let Some(e) = v.editions.get(li).filter(|e| e.built) else {
                    indexer.skip();
                    continue;
                };
                let lang = e.lang.as_str();
                indexer.begin();
                for (c, chapter) in v.chapters.iter().enumerate() {
                    if !v.is_real(lang, c) {
                        indexer.fallback(c as u32);
                        continue;
                    }
                    let outdated = matches!(e.freshness.get(c), Some(Some(Freshness::Outdated(_))));
                    indexer.page(
                        &out::chapter(lang, &doc.slug, &v.version.name, &chapter.page),
                        &pages.chapter_title(vi, li, c, v, lang),
                        outdated,
                        pages.chapter_html(vi, li, c),
                    );
                }
                indexer.end();
            }
            indexer.finish()
        })
        .collect();
    DocIndex {
        slug: doc.slug.clone(),
        titles,
        versions: doc
            .versions
            .iter()
            .map(|v| v.version.name.clone())
            .collect(),
        latest: doc.latest,
        languages,
    }
}

/// The search box's strings in `lang`, for `index.json`.
pub(super) fn strings(pages: &Pages, lang: &str) -> BTreeMap<&'static str, String> {
    let i18n = pages.i18n;
    let source = &pages.config.source_language;
    let mut s: BTreeMap<&'static str, String> = [
        "search-label",
        "search-placeholder",
        "search-close",
        "search-document",
        "search-all-documents",
        "search-version",
        "search-latest-versions",
        "search-all-versions",
        "search-none",
        "search-too-short",
        "search-more",
        "search-status-translation",
        "search-status-outdated",
        "search-loading",
        "search-failed",
    ]
    .into_iter()
    .map(|k| (k, i18n.text(lang, k, None)))
    .collect();
    // Counts with a placeholder the script fills in; it picks the form with Intl.PluralRules.
    for (key, count) in [("search-count-one", 1), ("search-count-other", 7)] {
        let mut args = fluent_bundle::FluentArgs::new();
        args.set("count", count);
        let text = i18n.text(lang, "search-count", Some(&args));
        s.insert(key, text.replacen(&count.to_string(), "{count}", 1));
    }
    let mut args = fluent_bundle::FluentArgs::new();
    args.set("source", pages.lang_name_in(lang, source));
    s.insert(
        "search-status-fallback",
        i18n.text(lang, "search-status-fallback", Some(&args)),
    );
    let mut args = fluent_bundle::FluentArgs::new();
    args.set("version", "{version}");
    s.insert(
        "version-label",
        i18n.text(lang, "version-label", Some(&args)),
    );
    s
}

/// What the site's index is made from: every document's index and each language's strings.
/// `build` makes the files at once; `serve` makes them after it has shown the pages
/// ([`crate::render::Output::search`]), so that an edit shows as fast without them.
pub struct SearchLater {
    pub(super) languages: Vec<(String, BTreeMap<&'static str, String>)>,
    pub(super) source: String,
    pub(super) docs: Vec<Arc<DocUnit>>,
}

impl std::fmt::Debug for SearchLater {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "SearchLater({} documents)", self.docs.len())
    }
}

impl SearchLater {
    /// The languages and the documents' indexes, as [`search::write`] takes them.
    fn inputs(&self) -> (Vec<Language<'_>>, Vec<&DocIndex>) {
        let languages = self
            .languages
            .iter()
            .map(|(code, strings)| Language { code, strings })
            .collect();
        (languages, self.docs.iter().map(|u| &u.search).collect())
    }

    /// Hands the index files to `sink` as they are made, but none whose path is `taken` (by a
    /// file that wins over the index's: see [`super::render`]).
    pub(super) fn write(
        &self,
        sink: &dyn super::Sink,
        taken: &std::collections::HashSet<&str>,
    ) -> crate::error::Result<()> {
        let (languages, docs) = self.inputs();
        search::write(&languages, &self.source, &docs, &|path, bytes| {
            if taken.contains(path.as_str()) {
                return Ok(());
            }
            sink.put(&OutputFile::page(path, bytes))
        })
    }

    /// The index files, sorted by path.
    pub fn files(&self) -> Vec<OutputFile> {
        let (languages, docs) = self.inputs();
        search::files(&languages, &self.source, &docs)
            .into_iter()
            .map(|(path, bytes)| OutputFile::page(path, bytes))
            .collect()
    }
}
