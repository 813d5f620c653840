//! The static search index: one per site language, built with the site from the same rendered
//! chapters, and read by the theme's `assets/search.js` in the reader's browser.
//!
//! Each edition (a version in a language) is indexed on its own while its document renders
//! ([`Edition::add`]), so `serve` reindexes only what changed; the site-wide step ([`files`])
//! concatenates the editions' sections and postings. What a language gets, under
//! `search/<lang>/`:
//! - `index.json`: the documents and their versions (for the filters), where each edition's
//!   sections and pages start, which pages are outdated translations, which chapters are shown
//!   untranslated, where each chunk of text starts, the shard names, and the search box's
//!   strings;
//! - `s/<shard>.txt`: one line per term whose first characters name the shard ([`shard`]):
//!   the term, a tab, and comma-separated pairs of (section number, weight), the section
//!   numbers delta-coded;
//! - `c/<n>.txt`: one line per section, in chunks of about [`CHUNK`] bytes: its page's URL
//!   and title, its id, number, heading and text, separated by tabs; for the results' headings
//!   and excerpts. A chunk ends before the section that would take it past [`CHUNK`], so that
//!   only a section longer than that makes a larger one.
//!
//! A query downloads `index.json`, one shard per term, and the chunks of the results it
//! shows. An untranslated page (a fallback) is not indexed in its language: its text is the
//! source's, found through the source language's index, which the script also searches in
//! that case, keeping only the pages that are fallbacks in the reader's language.

pub mod text;

use rustc_hash::FxHashMap;
use serde::Serialize;
use std::collections::BTreeMap;

/// About this many bytes of text go into one chunk file.
pub const CHUNK: usize = 8_000;

/// How much a term in a section's heading weighs against one in its text.
const HEADING_WEIGHT: u32 = 5;

/// One document, indexed: its name in each language, its versions, and what each edition's
/// pages contain.
#[derive(Debug, Default)]
pub struct DocIndex {
    pub slug: String,
    /// The document's title in each site language (site order).
    pub titles: Vec<String>,
    /// Version names, oldest first, and which one readers should read.
    pub versions: Vec<String>,
    pub latest: usize,
    /// `[language][version]`: the edition, when its pages are built.
    pub editions: Vec<Vec<Option<Edition>>>,
}

/// The pages of one version in one language, indexed.
#[derive(Debug, Default)]
pub struct Edition {
    /// Its pages with their own text (translated, or the source), in chapter order.
    pub pages: Vec<Page>,
    /// The chapters (by index) shown in the source language because they are not translated.
    pub fallback: Vec<u32>,
    /// Its terms, by id.
    terms: Vec<Box<str>>,
    /// Per term id: (section, weight) for each section the term is in, sections in order and
    /// numbered from the edition's first.
    postings: Vec<Vec<(u32, u32)>>,
    /// Sections so far.
    sections: u32,
    /// Term ids, while indexing.
    ids: FxHashMap<Box<str>, u32>,
}

/// One chapter page.
#[derive(Debug)]
pub struct Page {
    /// Relative to the site's root.
    pub url: String,
    pub title: String,
    /// A translation some of whose source sections changed since it was made.
    pub outdated: bool,
    pub sections: Vec<text::Section>,
}

impl Edition {
    /// Indexes the chapter page at `url`, whose rendered Markdown is `html`.
    pub fn add(&mut self, url: String, title: String, outdated: bool, html: &str) {
        let sections = text::sections(html);
        for section in &sections {
            let n = self.sections;
            self.sections += 1;
            let (ids, terms, postings) = (&mut self.ids, &mut self.terms, &mut self.postings);
            let mut add = |t: &str, w: u32| {
                let id = match ids.get(t) {
                    Some(&id) => id,
                    None => {
                        let id = terms.len() as u32;
                        terms.push(t.into());
                        ids.insert(t.into(), id);
                        postings.push(Vec::new());
                        id
                    }
                };
                let list = &mut postings[id as usize];
                match list.last_mut() {
                    Some((s, weight)) if *s == n => *weight += w,
                    _ => list.push((n, w)),
                }
            };
            text::terms(&section.title, |t| add(t, HEADING_WEIGHT));
            text::terms(&section.text, |t| add(t, 1));
        }
        self.pages.push(Page {
            url,
            title,
            outdated,
            sections,
        });
    }

    /// The edition without what only indexing needed.
    pub fn finish(mut self) -> Self {
        self.ids = FxHashMap::default();
        self
    }
}

/// The file (under `search/<lang>/s/`, without `.txt`) of the shard that holds `term`: its
/// first two characters when both are ASCII letters or digits, else a name from its first
/// character. `assets/search.js` has the same function.
pub fn shard(term: &str) -> String {
    let mut chars = term.chars();
    match (chars.next(), chars.next()) {
        (Some(a), Some(b)) if a.is_ascii_alphanumeric() && b.is_ascii_alphanumeric() => {
            [a, b].iter().collect()
        }
        (Some(a), _) if a.is_ascii_alphanumeric() => format!("{a}_"),
        (Some(a), _) => format!("u{}", a as u32 % 64),
        (None, _) => "_".into(),
    }
}

/// One site language, for [`files`].
pub struct Language<'a> {
    pub code: &'a str,
    /// The search box's strings, by key.
    pub strings: &'a BTreeMap<&'static str, String>,
}

#[derive(Serialize)]
struct IndexJson<'a> {
    /// The format's version.
    format: u32,
    lang: &'a str,
    source: &'a str,
    docs: Vec<DocJson<'a>>,
    editions: Vec<EditionJson<'a>>,
    /// Sections in all.
    sections: u32,
    /// The first section of each chunk.
    chunks: Vec<u32>,
    shards: Vec<String>,
    strings: &'a BTreeMap<&'static str, String>,
}

#[derive(Serialize)]
struct DocJson<'a> {
    slug: &'a str,
    title: &'a str,
    versions: &'a [String],
    latest: usize,
}

#[derive(Serialize)]
struct EditionJson<'a> {
    doc: usize,
    version: usize,
    /// Its first section.
    first: u32,
    /// Each page's first section, in chapter order.
    pages: Vec<u32>,
    /// The pages (by their place in `pages`) that are outdated translations.
    outdated: Vec<usize>,
    /// The chapters shown as the source's text (non-source languages only).
    fallback: &'a [u32],
}

/// The index files of every language: (path under the site's root, bytes), sorted by path.
pub fn files(languages: &[Language], source: &str, docs: &[&DocIndex]) -> Vec<(String, Vec<u8>)> {
    use rayon::prelude::*;
    let mut out: Vec<(String, Vec<u8>)> = languages
        .par_iter()
        .enumerate()
        .flat_map_iter(|(li, lang)| language_files(li, lang, source, docs))
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

/// `s` as a field of a file whose fields are separated by tabs and records by new lines.
fn field(out: &mut Vec<u8>, s: &str) {
    if s.contains(['\t', '\n', '\r']) {
        out.extend(s.replace(['\t', '\n', '\r'], " ").as_bytes());
    } else {
        out.extend(s.as_bytes());
    }
}

fn language_files(
    li: usize,
    lang: &Language,
    source: &str,
    docs: &[&DocIndex],
) -> Vec<(String, Vec<u8>)> {
    let dir = format!("search/{}/", lang.code);
    let mut files = Vec::new();
    let mut editions = Vec::new();
    // The language's terms, each with its postings (as text) and the last section in them.
    let mut ids: FxHashMap<&str, u32> = FxHashMap::default();
    let mut terms: Vec<&str> = Vec::new();
    let mut postings: Vec<(Vec<u8>, u32)> = Vec::new();
    let mut chunks = vec![0u32];
    let mut chunk: Vec<u8> = Vec::with_capacity(CHUNK + 4096);
    let mut n: u32 = 0;
    let mut number = itoa::Buffer::new();
    for (di, doc) in docs.iter().enumerate() {
        let Some(by_version) = doc.editions.get(li) else {
            continue;
        };
        for (vi, edition) in by_version.iter().enumerate() {
            let Some(edition) = edition else { continue };
            let first = n;
            for (t, list) in edition.terms.iter().zip(&edition.postings) {
                let id = *ids.entry(t).or_insert_with(|| {
                    terms.push(t);
                    postings.push((Vec::new(), 0));
                    (terms.len() - 1) as u32
                });
                let (bytes, last) = &mut postings[id as usize];
                for &(s, w) in list {
                    let s = first + s;
                    if !bytes.is_empty() {
                        bytes.push(b',');
                    }
                    bytes.extend(number.format(s - *last).as_bytes());
                    bytes.push(b',');
                    bytes.extend(number.format(w).as_bytes());
                    *last = s;
                }
            }
            let mut pages = Vec::with_capacity(edition.pages.len());
            let mut outdated = Vec::new();
            for (pi, page) in edition.pages.iter().enumerate() {
                pages.push(n);
                if page.outdated {
                    outdated.push(pi);
                }
                for sec in &page.sections {
                    let size = page.url.len() + page.title.len() + sec.title.len() + sec.text.len();
                    if !chunk.is_empty() && chunk.len() + size > CHUNK {
                        files.push((format!("{dir}c/{}.txt", chunks.len() - 1), chunk));
                        chunk = Vec::with_capacity(CHUNK + 4096);
                        chunks.push(n);
                    }
                    for (i, f) in [
                        &page.url,
                        &page.title,
                        &sec.id,
                        &sec.number,
                        &sec.title,
                        &sec.text,
                    ]
                    .into_iter()
                    .enumerate()
                    {
                        if i > 0 {
                            chunk.push(b'\t');
                        }
                        field(&mut chunk, f);
                    }
                    chunk.push(b'\n');
                    n += 1;
                }
            }
            editions.push(EditionJson {
                doc: di,
                version: vi,
                first,
                pages,
                outdated,
                fallback: &edition.fallback,
            });
        }
    }
    if chunk.is_empty() {
        chunks.pop();
    } else {
        files.push((format!("{dir}c/{}.txt", chunks.len() - 1), chunk));
    }
    // Terms grouped by shard (the terms of one shard need not be neighbours in term order:
    // `a-b` and `a_b` are not, nor are kanji that share a name), sorted in each.
    let mut by_shard: BTreeMap<String, Vec<u32>> = BTreeMap::new();
    for (id, term) in terms.iter().enumerate() {
        by_shard.entry(shard(term)).or_default().push(id as u32);
    }
    let mut shards = Vec::with_capacity(by_shard.len());
    for (name, mut ids) in by_shard {
        ids.sort_unstable_by_key(|&id| terms[id as usize]);
        let mut bytes = Vec::new();
        for id in ids {
            bytes.extend(terms[id as usize].as_bytes());
            bytes.push(b'\t');
            bytes.extend(&postings[id as usize].0);
            bytes.push(b'\n');
        }
        files.push((format!("{dir}s/{name}.txt"), bytes));
        shards.push(name);
    }
    let index = IndexJson {
        format: 1,
        lang: lang.code,
        source,
        docs: docs
            .iter()
            .map(|d| DocJson {
                slug: &d.slug,
                title: d.titles.get(li).map_or(d.slug.as_str(), String::as_str),
                versions: &d.versions,
                latest: d.latest,
            })
            .collect(),
        editions,
        sections: n,
        chunks,
        shards,
        strings: lang.strings,
    };
    // Serializing plain data with string keys cannot fail.
    files.push((
        format!("{dir}index.json"),
        serde_json::to_vec(&index).unwrap_or_default(),
    ));
    files
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shards_are_named_by_the_first_two_characters() {
        assert_eq!(shard("operacao"), "op");
        assert_eq!(shard("01"), "01");
        assert_eq!(shard("a-b"), "a_");
        assert_eq!(shard("時間"), format!("u{}", '時' as u32 % 64));
    }
}
