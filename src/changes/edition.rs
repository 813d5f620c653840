//! The changes of every version of a document from its predecessor, in each language it is
//! built in: a translated edition compares its own text when both versions are translated in
//! full, and shows the source's changes otherwise.

use super::{Changes, Chapter, compare};
use crate::bcp14::Keywords;
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
/// edition. `source` is the rendered source Markdown (`[version][chapter]`), whose heading ids
/// a translation's headings take.
pub fn of_document(
    d: &Document,
    source: &[Vec<Rendered>],
    keywords: &Keywords,
) -> Vec<Vec<Option<EditionChanges>>> {
    let ids: Vec<Vec<&[String]>> = source
        .iter()
        .map(|v| v.iter().map(|r| r.heading_ids.as_slice()).collect())
        .collect();
    d.versions
        .par_iter()
        .enumerate()
        .map(|(vi, v)| {
            let Some(from) = d.predecessor(vi) else {
                return vec![None; v.editions.len()];
            };
            let p = &d.versions[from];
            let ids = [ids[from].as_slice(), ids[vi].as_slice()];
            let of_source = Arc::new(versions(p, v, None, ids, keywords));
            v.editions
                .iter()
                .map(|e| {
                    if !e.built {
                        return None;
                    }
                    let translated = e.state != LangState::Source
                        && translated_in_full(p, &e.lang)
                        && translated_in_full(v, &e.lang);
                    let changes = if translated {
                        Arc::new(versions(p, v, Some(&e.lang), ids, keywords))
                    } else {
                        of_source.clone()
                    };
                    Some(EditionChanges {
                        from,
                        own_text: translated || e.state == LangState::Source,
                        changes,
                    })
                })
                .collect()
        })
        .collect()
}

/// Whether every chapter of version `v` is translated into `lang`.
pub fn translated_in_full(v: &DocVersion, lang: &str) -> bool {
    v.edition(lang)
        .is_some_and(|e| e.built && e.state == LangState::Complete)
}

/// What changed from `old` to `new`: in translation `lang` (translated in full in both), or
/// in the source. `ids` are the source chapters' heading ids of each version.
pub fn versions(
    old: &DocVersion,
    new: &DocVersion,
    lang: Option<&str>,
    ids: [&[&[String]]; 2],
    keywords: &Keywords,
) -> Changes {
    let table = keywords.table(lang.unwrap_or(&new.editions[0].lang));
    compare(
        &chapters(old, lang, ids[0]),
        &chapters(new, lang, ids[1]),
        table,
    )
}

/// A version's chapters in `lang` (translated in full), or in the source language.
fn chapters<'a>(v: &'a DocVersion, lang: Option<&str>, ids: &[&'a [String]]) -> Vec<Chapter<'a>> {
    let edition = lang.and_then(|l| v.edition(l));
    v.chapters
        .iter()
        .enumerate()
        .map(|(ci, c)| {
            match edition
                .and_then(|e| e.chapters.get(ci))
                .and_then(Option::as_ref)
            {
                Some(t) => Chapter {
                    markdown: &t.body,
                    source_ids: ids.get(ci).copied(),
                },
                None => Chapter {
                    markdown: &c.source.body,
                    source_ids: None,
                },
            }
        })
        .collect()
}
