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
//!   and title (empty when they are the line above's), its id, number, heading and text,
//!   separated by tabs; for the results' headings and excerpts. A chunk ends before the section that would take it past [`CHUNK`], so that
//!   only a section longer than that makes a larger one.
//!
//! A query downloads `index.json`, one shard per term, and the chunks of the results it
//! shows. An untranslated page (a fallback) is not indexed in its language: its text is the
//! source's, found through the source language's index, which the script also searches in
//! that case, keeping only the pages that are fallbacks in the reader's language.

pub mod terms;
pub mod text;

use terms::Terms;

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
    /// The document's index in each site language (site order).
    pub languages: Vec<DocLanguage>,
}

/// One document in one language: the editions of its versions, with one set of terms.
#[derive(Debug, Default)]
pub struct DocLanguage {
    terms: Terms,
    /// By version: the edition, when its pages are built.
    pub editions: Vec<Option<Edition>>,
}

/// The pages of one version in one language, indexed.
#[derive(Debug, Default)]
pub struct Edition {
    /// Its pages with their own text (translated, or the source), in chapter order.
    pub pages: Vec<Page>,
    /// The chapters (by index) shown in the source language because they are not translated.
    pub fallback: Vec<u32>,
    /// Its sections, each as a line of a chunk file without the page's URL and title: id,
    /// number, heading and text, separated by tabs ([`text::split`]).
    lines: String,
    /// Where each section's line ends in `lines`.
    ends: Vec<u32>,
    /// The terms it has, by term id.
    postings: Vec<Postings>,
    /// The postings, written as in a shard but without each term's first section number: its
    /// weight, then (delta, weight) pairs.
    encoded: Vec<u8>,
}

/// One term's postings in an edition.
#[derive(Debug)]
struct Postings {
    term: u32,
    /// The first and the last section it is in, numbered from the edition's first.
    first: u32,
    last: u32,
    /// Where its postings end in [`Edition::encoded`].
    end: u32,
}

/// One chapter page.
#[derive(Debug)]
pub struct Page {
    /// Relative to the site's root.
    pub url: String,
    pub title: String,
    /// A translation some of whose source sections changed since it was made.
    pub outdated: bool,
    /// How many sections it has.
    pub sections: u32,
}

/// Makes a [`DocLanguage`]: its editions are indexed one after the other, oldest first. A
/// section that an earlier one has word for word takes that section's terms instead of being
/// split into terms again, and so does a block of text (a paragraph, a list item, a cell): from
/// one version to the next most of them stay the same even where their section changes.
#[derive(Default)]
pub struct Indexer {
    doc: DocLanguage,
    /// The edition being indexed.
    edition: Edition,
    terms: Terms,
    /// Per term id: (section, weight) for each section of the edition being indexed that the
    /// term is in, sections in order.
    lists: Vec<Vec<(u32, u32)>>,
    /// Each section's (term, weight) pairs, one section after the other, and where each
    /// section's pairs are: `[edition][section]`.
    section_terms: Vec<(u32, u32)>,
    ranges: Vec<Vec<(u32, u32)>>,
    /// Sections by the hash of their line: (edition, section).
    seen: FxHashMap<u64, (u32, u32)>,
    /// The terms added to the section being indexed.
    touched: Vec<u32>,
    folded: String,
    /// Blocks of text (paragraphs, list items, cells…) by the hash of their text.
    blocks: FxHashMap<u64, Block>,
    /// Each block's (term, count) pairs, one block after the other.
    block_terms: Vec<(u32, u32)>,
    /// Per term id: where its last pair is in `block_terms`.
    slot: Vec<u32>,
}

/// A block of text, indexed: where it first was, and where its terms are in
/// [`Indexer::block_terms`].
#[derive(Clone, Copy)]
struct Block {
    /// Its edition, and where it is in that edition's lines.
    edition: u32,
    start: u32,
    end: u32,
    from: u32,
    to: u32,
}

/// Adds `weight` to term `id` in section `n`, whose terms so far are in `touched`.
fn post(lists: &mut [Vec<(u32, u32)>], touched: &mut Vec<u32>, id: u32, n: u32, weight: u32) {
    let list = &mut lists[id as usize];
    match list.last_mut() {
        Some((s, w)) if *s == n => *w += weight,
        _ => {
            list.push((n, weight));
            touched.push(id);
        }
    }
}

impl Indexer {
    /// Starts the next version's edition.
    pub fn begin(&mut self) {
        self.edition = Edition::default();
        self.ranges.push(Vec::new());
    }

    /// Marks chapter `c` as shown in the source language, untranslated.
    pub fn fallback(&mut self, c: u32) {
        self.edition.fallback.push(c);
    }

    /// Indexes the chapter page at `url`, whose rendered Markdown is `html`.
    pub fn page(&mut self, url: &str, title: &str, outdated: bool, html: &str) {
        use std::hash::BuildHasher;
        let split = text::split(html, &mut self.edition.lines);
        let e = (self.ranges.len() - 1) as u32;
        for f in &split.fields {
            let n = self.edition.ends.len() as u32;
            self.edition.ends.push(f.line.end as u32);
            let line = &self.edition.lines.as_bytes()[f.line.clone()];
            let hash = rustc_hash::FxBuildHasher.hash_one(line);
            let earlier = self
                .seen
                .get(&hash)
                .copied()
                .filter(|&(pe, ps)| self.lines_of(pe, e).line(ps) == line);
            let range = match earlier {
                Some((pe, ps)) => {
                    let range = self.ranges[pe as usize][ps as usize];
                    for &(t, w) in &self.section_terms[range.0 as usize..range.1 as usize] {
                        self.lists[t as usize].push((n, w));
                    }
                    range
                }
                None => {
                    self.seen.entry(hash).or_insert((e, n));
                    let lines = &self.edition.lines;
                    let (known, lists, touched) =
                        (&mut self.terms, &mut self.lists, &mut self.touched);
                    text::terms_with(&mut self.folded, &lines[f.title.clone()], |t| {
                        let (id, new) = known.id(t, terms::hash(t));
                        if new {
                            lists.push(Vec::new());
                            self.slot.push(u32::MAX);
                        }
                        post(lists, touched, id, n, HEADING_WEIGHT);
                    });
                    // The text, a block at a time: a block an earlier section has word for
                    // word (most of them, from one version to the next) takes its terms.
                    let cuts = &split.cuts[f.cuts.clone()];
                    let mut start = f.text.start;
                    for k in 0..=cuts.len() {
                        let end = cuts.get(k).map_or(f.text.end, |&c| c as usize);
                        let pairs = self.block_terms(e, start..end);
                        for &(t, count) in &self.block_terms[pairs] {
                            post(&mut self.lists, &mut self.touched, t, n, count);
                        }
                        start = end;
                    }
                    let from = self.section_terms.len() as u32;
                    for id in self.touched.drain(..) {
                        let weight = self.lists[id as usize].last().map_or(0, |p| p.1);
                        self.section_terms.push((id, weight));
                    }
                    (from, self.section_terms.len() as u32)
                }
            };
            if let Some(r) = self.ranges.last_mut() {
                r.push(range);
            }
        }
        self.edition.pages.push(Page {
            url: url.to_string(),
            title: title.to_string(),
            outdated,
            sections: split.fields.len() as u32,
        });
    }

    /// The lines of edition `pe`, while edition `e` is being indexed.
    fn lines_of(&self, pe: u32, e: u32) -> &Edition {
        if pe == e {
            &self.edition
        } else {
            self.doc.editions[pe as usize]
                .as_ref()
                .unwrap_or(&self.edition)
        }
    }

    /// The (term, count) pairs of the block of text at `range` in the lines of edition `e`
    /// (the one being indexed), as a range of `block_terms`: an earlier block's when one had
    /// the same text, else its own, split into terms.
    fn block_terms(&mut self, e: u32, range: std::ops::Range<usize>) -> std::ops::Range<usize> {
        use std::hash::BuildHasher;
        let bytes = &self.edition.lines.as_bytes()[range.clone()];
        let hash = rustc_hash::FxBuildHasher.hash_one(bytes);
        if let Some(b) = self.blocks.get(&hash) {
            let lines = self.lines_of(b.edition, e).lines.as_bytes();
            if &lines[b.start as usize..b.end as usize] == bytes {
                return b.from as usize..b.to as usize;
            }
        }
        let from = self.block_terms.len();
        // A block starts after a space (or a tab) and ends before one (or a line break).
        let text = self.edition.lines.get(range.clone()).unwrap_or_default();
        let (known, lists, slot, pairs) = (
            &mut self.terms,
            &mut self.lists,
            &mut self.slot,
            &mut self.block_terms,
        );
        text::terms_with(&mut self.folded, text, |t| {
            let (id, new) = known.id(t, terms::hash(t));
            if new {
                lists.push(Vec::new());
                slot.push(u32::MAX);
            }
            let at = slot[id as usize];
            if at != u32::MAX && at as usize >= from {
                pairs[at as usize].1 += 1;
            } else {
                slot[id as usize] = pairs.len() as u32;
                pairs.push((id, 1));
            }
        });
        self.blocks.entry(hash).or_insert(Block {
            edition: e,
            start: range.start as u32,
            end: range.end as u32,
            from: from as u32,
            to: self.block_terms.len() as u32,
        });
        from..self.block_terms.len()
    }

    /// Ends the edition begun last and keeps it.
    pub fn end(&mut self) {
        let mut edition = std::mem::take(&mut self.edition);
        let mut number = itoa::Buffer::new();
        for (term, list) in self.lists.iter_mut().enumerate() {
            let (Some(&(first, _)), Some(&(last, _))) = (list.first(), list.last()) else {
                continue;
            };
            let mut prev = first;
            for (i, &(s, w)) in list.iter().enumerate() {
                if i > 0 {
                    edition.encoded.push(b',');
                    edition.encoded.extend(number.format(s - prev).as_bytes());
                    edition.encoded.push(b',');
                    prev = s;
                }
                edition.encoded.extend(number.format(w).as_bytes());
            }
            edition.postings.push(Postings {
                term: term as u32,
                first,
                last,
                end: edition.encoded.len() as u32,
            });
            list.clear();
        }
        edition.lines.shrink_to_fit();
        self.doc.editions.push(Some(edition));
    }

    /// Notes that the next version has no edition in this language.
    pub fn skip(&mut self) {
        self.ranges.push(Vec::new());
        self.doc.editions.push(None);
    }

    /// The document in this language, indexed.
    pub fn finish(mut self) -> DocLanguage {
        self.doc.terms = self.terms;
        self.doc
    }
}

impl Edition {
    /// The line of section `n`.
    fn line(&self, n: u32) -> &[u8] {
        let start = match n {
            0 => 0,
            _ => self.ends[n as usize - 1] as usize,
        };
        &self.lines.as_bytes()[start..self.ends[n as usize] as usize]
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
    let out = std::sync::Mutex::new(Vec::new());
    let _ = write(languages, source, docs, &|path, bytes| {
        out.lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .push((path, bytes));
        Ok::<(), std::convert::Infallible>(())
    });
    let mut out = out
        .into_inner()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

/// Hands each index file to `emit` as soon as it is made (the languages in parallel), so that
/// the index is never all in memory at once; stops at `emit`'s first error.
pub fn write<E: Send>(
    languages: &[Language],
    source: &str,
    docs: &[&DocIndex],
    emit: &(dyn Fn(String, Vec<u8>) -> Result<(), E> + Sync),
) -> Result<(), E> {
    use rayon::prelude::*;
    languages
        .par_iter()
        .enumerate()
        .try_for_each(|(li, lang)| language_files(li, lang, source, docs, &mut |p, b| emit(p, b)))
}

/// `s` as a field of a file whose fields are separated by tabs and records by new lines.
fn field(out: &mut Vec<u8>, s: &str) {
    if s.contains(['\t', '\n', '\r']) {
        out.extend(s.replace(['\t', '\n', '\r'], " ").as_bytes());
    } else {
        out.extend(s.as_bytes());
    }
}

/// Makes the index files of language `li`, handing each to `emit`: the chunks as they fill,
/// then the shards and `index.json`.
fn language_files<E>(
    li: usize,
    lang: &Language,
    source: &str,
    docs: &[&DocIndex],
    emit: &mut dyn FnMut(String, Vec<u8>) -> Result<(), E>,
) -> Result<(), E> {
    let dir = format!("search/{}/", lang.code);
    let mut editions = Vec::new();
    // The language's terms, each with its postings (as text) and the last section in them.
    let mut terms = Terms::default();
    let mut postings: Vec<(Vec<u8>, u32)> = Vec::new();
    let mut chunks = vec![0u32];
    let mut chunk: Vec<u8> = Vec::with_capacity(CHUNK + 4096);
    let mut n: u32 = 0;
    let mut number = itoa::Buffer::new();
    for (di, doc) in docs.iter().enumerate() {
        let Some(language) = doc.languages.get(li) else {
            continue;
        };
        // The document's term ids as the language's, once seen.
        let mut remap = vec![u32::MAX; language.terms.len()];
        for (vi, edition) in language.editions.iter().enumerate() {
            let Some(edition) = edition else { continue };
            let first = n;
            let mut start = 0;
            for p in &edition.postings {
                let mut id = remap[p.term as usize];
                if id == u32::MAX {
                    let t = language.terms.get(p.term);
                    let new;
                    (id, new) = terms.id(t, language.terms.hash_of(p.term));
                    if new {
                        postings.push((Vec::new(), 0));
                    }
                    remap[p.term as usize] = id;
                }
                let (bytes, last) = &mut postings[id as usize];
                if !bytes.is_empty() {
                    bytes.push(b',');
                }
                bytes.extend(number.format(first + p.first - *last).as_bytes());
                bytes.push(b',');
                bytes.extend(&edition.encoded[start as usize..p.end as usize]);
                *last = first + p.last;
                start = p.end;
            }
            let mut pages = Vec::with_capacity(edition.pages.len());
            let mut outdated = Vec::new();
            let mut s = 0;
            for (pi, page) in edition.pages.iter().enumerate() {
                pages.push(n);
                if page.outdated {
                    outdated.push(pi);
                }
                for i in 0..page.sections {
                    let line = edition.line(s);
                    s += 1;
                    let size = page.url.len() + page.title.len() + 2 + line.len();
                    if !chunk.is_empty() && chunk.len() + size > CHUNK {
                        let full = std::mem::replace(&mut chunk, Vec::with_capacity(CHUNK + 4096));
                        emit(format!("{dir}c/{}.txt", chunks.len() - 1), full)?;
                        chunks.push(n);
                    }
                    // A page's URL and title are written once in a chunk: an empty one is
                    // the line above's.
                    if i == 0 || chunk.is_empty() {
                        field(&mut chunk, &page.url);
                        chunk.push(b'\t');
                        field(&mut chunk, &page.title);
                        chunk.push(b'\t');
                    } else {
                        chunk.extend(b"\t\t");
                    }
                    chunk.extend(line);
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
        emit(format!("{dir}c/{}.txt", chunks.len() - 1), chunk)?;
    }
    // Terms grouped by shard (the terms of one shard need not be neighbours in term order:
    // `a-b` and `a_b` are not, nor are kanji that share a name), sorted in each.
    let mut by_shard: BTreeMap<String, Vec<u32>> = BTreeMap::new();
    for id in 0..terms.len() as u32 {
        by_shard.entry(shard(terms.get(id))).or_default().push(id);
    }
    let mut shards = Vec::with_capacity(by_shard.len());
    for (name, mut ids) in by_shard {
        ids.sort_unstable_by_key(|&id| terms.get(id));
        let mut bytes = Vec::new();
        for id in ids {
            bytes.extend(terms.get(id).as_bytes());
            bytes.push(b'\t');
            bytes.extend(&postings[id as usize].0);
            bytes.push(b'\n');
        }
        emit(format!("{dir}s/{name}.txt"), bytes)?;
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
    emit(
        format!("{dir}index.json"),
        serde_json::to_vec(&index).unwrap_or_default(),
    )
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

    /// Each term's (section, weight) pairs in edition `v` of `doc`.
    fn postings(doc: &DocLanguage, v: usize) -> BTreeMap<String, Vec<(u32, u32)>> {
        let edition = doc.editions[v].as_ref().expect("an edition");
        let mut out = BTreeMap::new();
        let mut start = 0;
        for p in &edition.postings {
            let text = std::str::from_utf8(&edition.encoded[start..p.end as usize]).expect("UTF-8");
            let numbers: Vec<u32> = text
                .split(',')
                .map(|n| n.parse().expect("a number"))
                .collect();
            let mut list = vec![(p.first, numbers[0])];
            for pair in numbers[1..].chunks(2) {
                let s = list.last().expect("a pair").0 + pair[0];
                list.push((s, pair[1]));
            }
            assert_eq!(list.last().expect("a pair").0, p.last);
            out.insert(doc.terms.get(p.term).to_string(), list);
            start = p.end as usize;
        }
        out
    }

    #[test]
    fn text_an_earlier_version_has_gives_the_same_postings_as_new_text() {
        let v1 = "<h2 id=\"a\">Scope</h2><p>Operators answer abuse.</p><p>Reports arrive.</p>\
                  <h2 id=\"b\">Time</h2><p>Answer within a day.</p>";
        // Section a keeps one paragraph and changes the other; section b is unchanged; a
        // heading repeats a word of the text.
        let v2 = "<h2 id=\"a\">Scope</h2><p>Operators answer abuse.</p><p>Reports arrive daily.</p>\
                  <h2 id=\"b\">Time</h2><p>Answer within a day.</p><h2 id=\"c\">Answer</h2><p>Operators answer abuse.</p>";
        let mut both = Indexer::default();
        for html in [v1, v2] {
            both.begin();
            both.page("p.html", "P", false, html);
            both.end();
        }
        let both = both.finish();
        let mut alone = Indexer::default();
        alone.begin();
        alone.page("p.html", "P", false, v2);
        alone.end();
        let alone = alone.finish();
        let (reused, fresh) = (postings(&both, 1), postings(&alone, 0));
        assert_eq!(reused, fresh);
        assert_eq!(fresh["answer"], [(0, 1), (1, 1), (2, 6)]);
        assert_eq!(fresh["daily"], [(0, 1)]);
        assert_eq!(
            both.editions[1].as_ref().expect("an edition").lines,
            alone.editions[0].as_ref().expect("an edition").lines
        );
    }
}
