//! The changes of every version of a document from its predecessor, in each language it is
//! built in: a translated edition compares its own text when both versions are translated in
//! full, and shows the source's changes otherwise.

use super::{Changes, Chapter, compare};
use crate::bcp14::{Keywords, Table};
use crate::markdown::Rendered;
use crate::resolve::{DocVersion, Document, LangState};
use rayon::prelude::*;
use std::sync::Arc;

/// The changes one edition shows.
#[derive(Debug, Clone)]
pub struct EditionChanges {
    /// The index of the version compared with.
    pub from: usize,
    /// Whether they are the edition's own text (else the source's, which a translated edition
    /// says).
    pub own_text: bool,
    pub changes: Arc<Changes>,
}

/// `[version][edition]`: the changes of each version that has a predecessor, for each built
/// edition. `source_md` is the rendered source Markdown (`[version][chapter]`), `translated` the
/// rendered translations (`[version][edition][chapter]`): their blocks are what is compared.
pub fn of_document(
    d: &Document,
    source_md: &[Vec<Rendered>],
    translated: &[Vec<Vec<Option<Rendered>>>],
    keywords: &Keywords,
) -> Vec<Vec<Option<EditionChanges>>> {
    d.versions
        .par_iter()
        .enumerate()
        .map(|(vi, v)| {
            let Some(from) = d.predecessor(vi) else {
                return vec![None; v.editions.len()];
            };
            let p = &d.versions[from];
            let of_source = Arc::new(compare(
                &to_compare(p, &source(p, &source_md[from]), None, keywords),
                &to_compare(v, &source(v, &source_md[vi]), None, keywords),
            ));
            v.editions
                .iter()
                .enumerate()
                .map(|(ei, e)| {
                    if !e.built {
                        return None;
                    }
                    let translated_here = e.state != LangState::Source
                        && translated_in_full(p, &e.lang)
                        && translated_in_full(v, &e.lang);
                    let changes = match p.editions.iter().position(|pe| pe.lang == e.lang) {
                        Some(pei) if translated_here => {
                            let old = translation(p, pei, &translated[from][pei], &source_md[from]);
                            let new = translation(v, ei, &translated[vi][ei], &source_md[vi]);
                            Arc::new(compare(
                                &to_compare(p, &old, Some(&e.lang), keywords),
                                &to_compare(v, &new, Some(&e.lang), keywords),
                            ))
                        }
                        _ => of_source.clone(),
                    };
                    Some(EditionChanges {
                        from,
                        own_text: translated_here || e.state == LangState::Source,
                        changes,
                    })
                })
                .collect()
        })
        .collect()
}

/// A chapter to compare: its Markdown, the source's heading ids (for a translation) and what
/// the render pass made of it.
type Parts<'a> = (&'a str, Option<&'a [String]>, Option<&'a Rendered>);

/// A version's source chapters as rendered.
fn source<'a>(v: &'a DocVersion, rendered: &'a [Rendered]) -> Vec<Parts<'a>> {
    v.chapters
        .iter()
        .zip(rendered)
        .map(|(c, r)| (&c.source.body[..], None, Some(r)))
        .collect()
}

/// A version's translated chapters as rendered, each with the source's heading ids.
fn translation<'a>(
    v: &'a DocVersion,
    ei: usize,
    rendered: &'a [Option<Rendered>],
    source: &'a [Rendered],
) -> Vec<Parts<'a>> {
    v.chapters
        .iter()
        .enumerate()
        .map(|(ci, c)| {
            let text = v.editions[ei]
                .chapters
                .get(ci)
                .and_then(Option::as_ref)
                .map_or(&c.source.body[..], |t| &t.body[..]);
            (
                text,
                Some(source[ci].heading_ids.as_slice()),
                rendered.get(ci).and_then(Option::as_ref),
            )
        })
        .collect()
}

/// The chapters to compare: the blocks the render pass read, or the Markdown read again
/// where it did not (an empty chapter, or one rendered with outdated marks).
fn to_compare<'a>(
    v: &DocVersion,
    chapters: &[Parts<'a>],
    lang: Option<&str>,
    keywords: &Keywords,
) -> Vec<Chapter<'a>> {
    let table = keywords.table(lang.unwrap_or(&v.editions[0].lang));
    chapters
        .iter()
        .map(
            |&(markdown, ids, r)| match r.filter(|r| !r.blocks.is_empty()) {
                Some(r) => Chapter {
                    blocks: std::borrow::Cow::Borrowed(&r.blocks),
                },
                None => Chapter::read(markdown, ids, table),
            },
        )
        .collect()
}

/// Whether every chapter of version `v` is translated into `lang`.
pub fn translated_in_full(v: &DocVersion, lang: &str) -> bool {
    v.edition(lang)
        .is_some_and(|e| e.built && e.state == LangState::Complete)
}

/// What changed from `old` to `new`: in translation `lang` (translated in full in both), or
/// in the source, read from the Markdown. `ids` are the source chapters' heading ids of each
/// version.
pub fn versions(
    old: &DocVersion,
    new: &DocVersion,
    lang: Option<&str>,
    ids: [&[&[String]]; 2],
    keywords: &Keywords,
) -> Changes {
    let table = keywords.table(lang.unwrap_or(&new.editions[0].lang));
    compare(
        &chapters(old, lang, ids[0], table),
        &chapters(new, lang, ids[1], table),
    )
}

/// A version's chapters in `lang` (translated in full), or in the source language.
fn chapters(
    v: &DocVersion,
    lang: Option<&str>,
    ids: &[&[String]],
    table: &Table,
) -> Vec<Chapter<'static>> {
    let edition = lang.and_then(|l| v.edition(l));
    v.chapters
        .iter()
        .enumerate()
        .map(|(ci, c)| {
            match edition
                .and_then(|e| e.chapters.get(ci))
                .and_then(Option::as_ref)
            {
                Some(t) => Chapter::read(&t.body, ids.get(ci).copied(), table),
                None => Chapter::read(&c.source.body, None, table),
            }
        })
        .collect()
}
