//! Translation integrity: which source sections a translation matches, and which changed.
//!
//! A section is a heading and the text up to the next heading (the text before the first
//! heading is the section `_top`). `bcop translate stamp` records a fingerprint of every
//! source section in the translation's `index.md`; every build compares those fingerprints
//! with the current source, so a translation that drifts is flagged section by section.

pub mod catalogs;
pub mod history;
pub mod stamp;

use crate::markdown;
use std::collections::BTreeMap;

/// The id of the text before the first heading.
pub const TOP: &str = "_top";

/// Where a stamp keeps the fingerprint of the source's abstract (from the front matter of the
/// version's `index.md`), among the chapter files' stamps: a name no chapter file can have.
pub const ABSTRACT: &str = "index.md#abstract";

/// The fingerprints a stamp records of a source abstract.
pub fn abstract_stamp(source_abstract: &str) -> BTreeMap<String, String> {
    BTreeMap::from([("abstract".to_string(), fingerprint(source_abstract))])
}

/// Whether a translation's abstract was translated from another source abstract than the
/// current one: its stamp records an abstract, and the source's is now different or gone. A
/// stamp made before abstracts were stamped records none: nothing is known then.
pub fn abstract_outdated(
    stamps: &BTreeMap<String, BTreeMap<String, String>>,
    source_abstract: Option<&str>,
) -> bool {
    let Some(stamped) = stamps.get(ABSTRACT).and_then(|m| m.get("abstract")) else {
        return false;
    };
    source_abstract.is_none_or(|a| *stamped != fingerprint(a))
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    pub id: String,
    pub text: String,
    pub hash: String,
    /// A requirement ([`stamped_parts`]), not a heading's section.
    pub requirement: bool,
}

/// The sections of a chapter, with the heading ids the renderer gives them.
pub fn sections(body: &str) -> Vec<Section> {
    let heads = markdown::headings(body, None);
    let mut out = Vec::new();
    let first = heads.first().map_or(body.len(), |h| h.offset);
    if !body[..first].trim().is_empty() {
        out.push(section(TOP, &body[..first]));
    }
    for (i, h) in heads.iter().enumerate() {
        let end = heads.get(i + 1).map_or(body.len(), |n| n.offset);
        out.push(section(&h.id, &body[h.offset..end]));
    }
    out
}

/// What a stamp records of a source chapter: its sections, and each of its requirements on
/// its own (by its ID), so that a changed requirement is known as such, not only as a change
/// somewhere in its section.
pub fn stamped_parts(body: &str) -> Vec<Section> {
    let mut parts = sections(body);
    if crate::markdown::requirements::has_requirements(body) {
        for r in crate::markdown::requirements::extract(body, None, None).requirements {
            let mut part = section(&r.id, &body[r.block.clone()]);
            part.requirement = true;
            parts.push(part);
        }
    }
    parts
}

fn section(id: &str, text: &str) -> Section {
    Section {
        id: id.to_string(),
        text: text.to_string(),
        hash: fingerprint(text),
        requirement: false,
    }
}

/// A hash of the text that ignores line endings, trailing spaces and blank lines at either end,
/// but nothing else.
pub fn fingerprint(text: &str) -> String {
    let normal: Vec<&str> = text.lines().map(str::trim_end).collect();
    let start = normal
        .iter()
        .position(|l| !l.is_empty())
        .unwrap_or(normal.len());
    let end = normal
        .iter()
        .rposition(|l| !l.is_empty())
        .map_or(start, |e| e + 1);
    let joined = normal[start..end].join("\n");
    blake3::hash(joined.as_bytes()).to_hex()[..16].to_string()
}

/// How a translated chapter relates to its source.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase", tag = "state")]
pub enum Freshness {
    /// Stamped, and every source section still has the stamped fingerprint.
    Current,
    /// Stamped, and these source sections changed since.
    Outdated(Changes),
    /// Translated, but never stamped: nobody recorded which source it matches.
    Unstamped,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Changes {
    pub changed: Vec<String>,
    pub added: Vec<String>,
    pub removed: Vec<String>,
}

impl Changes {
    pub fn count(&self) -> usize {
        self.changed.len() + self.added.len() + self.removed.len()
    }
}

impl Freshness {
    /// The ids of the source sections changed or added since the translation was stamped: a
    /// translation need not match its source there (they are marked as outdated already).
    pub fn stale_sections(&self) -> std::collections::BTreeSet<&String> {
        match self {
            Freshness::Outdated(c) => c.changed.iter().chain(&c.added).collect(),
            _ => Default::default(),
        }
    }
}

/// Compares a chapter's stamp with its current source sections. `current` is asked for only
/// when there is a stamp: working the sections out parses the chapter and hashes each section.
pub fn compare<'s>(
    stamp: Option<&BTreeMap<String, String>>,
    current: impl FnOnce() -> &'s [Section],
) -> Freshness {
    let Some(stamp) = stamp.filter(|s| !s.is_empty()) else {
        return Freshness::Unstamped;
    };
    let current = current();
    // A stamp made before the source had requirements records none: its requirements then
    // count as their sections do, not as new.
    let with_requirements = current
        .iter()
        .any(|s| s.requirement && stamp.contains_key(&s.id));
    let mut c = Changes::default();
    for s in current {
        if s.requirement && !with_requirements {
            continue;
        }
        match stamp.get(&s.id) {
            Some(h) if *h == s.hash => {}
            Some(_) => c.changed.push(s.id.clone()),
            None => c.added.push(s.id.clone()),
        }
    }
    for id in stamp.keys() {
        if !current.iter().any(|s| &s.id == id) {
            c.removed.push(id.clone());
        }
    }
    if c.count() == 0 {
        Freshness::Current
    } else {
        Freshness::Outdated(c)
    }
}

/// A translated chapter in which the changed and added sections are replaced by the current
/// source text, wrapped in an element that carries the source language. Sections are matched
/// by the ids the translation's headings get by position, as everywhere else.
pub fn hybrid(
    source_body: &str,
    translated_body: &str,
    source_ids: &[String],
    changes: &Changes,
    source_lang: &str,
) -> String {
    let heads = markdown::headings(translated_body, Some(source_ids));
    let mut translated: BTreeMap<&str, &str> = BTreeMap::new();
    let first = heads.first().map_or(translated_body.len(), |h| h.offset);
    translated.insert(TOP, &translated_body[..first]);
    for (i, h) in heads.iter().enumerate() {
        let end = heads.get(i + 1).map_or(translated_body.len(), |n| n.offset);
        translated.insert(h.id.as_str(), &translated_body[h.offset..end]);
    }
    let mut out = String::with_capacity(source_body.len().max(translated_body.len()));
    for s in sections(source_body) {
        let stale = changes.changed.contains(&s.id) || changes.added.contains(&s.id);
        match translated.get(s.id.as_str()) {
            Some(t) if !stale => out.push_str(t),
            _ => {
                out.push_str(&format!(
                    "\n<div class=\"outdated-source\" lang=\"{source_lang}\">\n\n"
                ));
                out.push_str(&s.text);
                out.push_str("\n\n</div>\n\n");
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const BODY: &str = "Intro line.\n\n# Title\n\nText.\n\n## Scope {#scope}\n\nIn scope.\n";

    #[test]
    fn sections_are_headings_with_their_text() {
        let s = sections(BODY);
        let ids: Vec<&str> = s.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, [TOP, "title", "scope"]);
        assert_eq!(s[2].text, "## Scope {#scope}\n\nIn scope.\n");
    }

    #[test]
    fn fingerprints_stay_what_stamps_recorded() {
        // Stamps in translations' front matter hold these values: they must never change.
        let text = "\n## Scope {#scope}  \r\n\r\nIn scope.\n- one\n\n";
        let joined = "## Scope {#scope}\n\nIn scope.\n- one";
        assert_eq!(
            fingerprint(text),
            blake3::hash(joined.as_bytes()).to_hex()[..16]
        );
        assert_eq!(fingerprint(text), "49529f8133e377e7");
    }

    #[test]
    fn fingerprints_ignore_trailing_whitespace_and_line_endings_only() {
        let a = fingerprint("## A\n\nSome text.\n");
        assert_eq!(a, fingerprint("## A  \r\n\r\nSome text.\t\r\n\r\n"));
        assert_ne!(a, fingerprint("## A\n\nSome text!\n"));
        assert_ne!(
            a,
            fingerprint("## A\nSome text.\n"),
            "a removed blank line is a real change in Markdown"
        );
    }

    #[test]
    fn a_changed_section_is_reported_by_id() {
        let old = sections(BODY);
        let stamp: BTreeMap<String, String> =
            old.iter().map(|s| (s.id.clone(), s.hash.clone())).collect();
        assert_eq!(compare(Some(&stamp), || &old), Freshness::Current);
        let new = sections(
            &BODY
                .replace("In scope.", "In scope, now wider.")
                .replace("Text.", "Text.\n\n## Extra\n\nNew."),
        );
        let Freshness::Outdated(c) = compare(Some(&stamp), || &new) else {
            panic!("not outdated")
        };
        assert_eq!(c.changed, ["scope"]);
        assert_eq!(c.added, ["extra"]);
        assert!(c.removed.is_empty());
        assert_eq!(compare(None, || &new), Freshness::Unstamped);
    }

    #[test]
    fn the_source_policy_swaps_in_only_the_changed_sections() {
        let source = "# Title\n\nText v2.\n\n## Scope\n\nIn scope.\n";
        let ids = vec!["title".to_string(), "scope".to_string()];
        let translated = "# Titre\n\nTexte.\n\n## Portée\n\nDans le champ.\n";
        let changes = Changes {
            changed: vec!["title".into()],
            ..Changes::default()
        };
        let h = hybrid(source, translated, &ids, &changes, "en");
        assert!(h.contains("<div class=\"outdated-source\" lang=\"en\">\n\n# Title\n\nText v2.\n"));
        assert!(h.contains("## Portée\n\nDans le champ."));
        assert!(!h.contains("Titre"));
    }
}

#[cfg(test)]
mod abstract_tests {
    use super::*;

    #[test]
    fn an_abstract_is_outdated_only_when_its_stamp_says_another() {
        let mut stamps = BTreeMap::new();
        assert!(!abstract_outdated(&stamps, Some("A")), "no stamp: unknown");
        stamps.insert(ABSTRACT.to_string(), abstract_stamp("A"));
        assert!(
            !abstract_outdated(&stamps, Some("A\n")),
            "line ends do not count"
        );
        assert!(abstract_outdated(&stamps, Some("B")));
        assert!(
            abstract_outdated(&stamps, None),
            "the source dropped its abstract"
        );
    }
}
