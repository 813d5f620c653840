//! The checks on a version's requirements, with `path:line:col`: duplicate IDs, requirements
//! without a keyword and keywords outside requirements, and a translation that drops, adds or
//! changes the level of a requirement.

use crate::error::{Code, Diagnostic};
use crate::load::MarkdownFile;
use crate::markdown::Rendered;
use crate::markdown::requirements::Requirement;
use crate::resolve::DocVersion;
use std::collections::{BTreeMap, BTreeSet};

/// Every problem with the requirements of version `v`, whose source chapters rendered as
/// `source` and whose translated chapters as `translated` (`[edition][chapter]`).
pub fn version(
    v: &DocVersion,
    source: &[Rendered],
    translated: &[Vec<Option<Rendered>>],
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut seen: BTreeMap<&str, &MarkdownFile> = BTreeMap::new();
    for (c, r) in v.chapters.iter().zip(source) {
        own(&c.source, r, &mut out);
        for req in &r.requirements {
            if let Some(first) = seen.insert(&req.id, &c.source) {
                out.push(
                    Diagnostic::error(
                        Code::DuplicateRequirement,
                        Some(c.source.location(req.marker.start)),
                        format!(
                            "requirement ID `{}` is used twice in this version (also in {})",
                            req.id,
                            first.path.display()
                        ),
                    )
                    .with_help(
                        "give each requirement its own ID; an ID keeps its meaning across versions",
                    ),
                );
            }
        }
    }
    for (ei, e) in v.editions.iter().enumerate() {
        for (ci, t) in e.chapters.iter().enumerate() {
            let (Some(file), Some(r)) = (t, &translated[ei][ci]) else {
                continue;
            };
            own(file, r, &mut out);
            let changed = e.freshness[ci]
                .as_ref()
                .map(|f| f.stale_sections())
                .unwrap_or_default();
            translation(file, &source[ci], r, &changed, &mut out);
        }
    }
    out
}

/// A chapter's own problems: a requirement without a keyword, a keyword outside requirements,
/// an ID that is also a heading's.
fn own(file: &MarkdownFile, r: &Rendered, out: &mut Vec<Diagnostic>) {
    for req in &r.requirements {
        if req.level.is_none() {
            out.push(
                Diagnostic::warning(
                    Code::RequirementWithoutKeyword,
                    Some(file.location(req.block.start)),
                    format!("requirement `{}` has no BCP 14 keyword, so it has no level", req.id),
                )
                .with_help("say how binding it is with a keyword such as MUST, SHOULD or MAY (in this language's form), or drop the {#ID} if it is not a requirement"),
            );
        }
        if r.heading_ids.contains(&req.id) {
            out.push(
                Diagnostic::error(
                    Code::DuplicateRequirement,
                    Some(file.location(req.marker.start)),
                    format!(
                        "requirement ID `{}` is also a heading's id on this page",
                        req.id
                    ),
                )
                .with_help("anchors on a page must differ: rename the requirement or the heading"),
            );
        }
    }
    for stray in &r.stray_keywords {
        out.push(
            Diagnostic::warning(
                Code::KeywordOutsideRequirement,
                Some(file.location(stray.offset)),
                format!("`{}` is a BCP 14 keyword, outside any requirement", stray.word),
            )
            .with_help("make the sentence a requirement by ending its paragraph with {#ID}, or write the word in lower case if it is not normative"),
        );
    }
}

/// A translated chapter against its source: the same IDs, at the same levels, except in the
/// sections whose source changed since the translation was stamped (those are marked as
/// outdated already).
fn translation(
    file: &MarkdownFile,
    source: &Rendered,
    r: &Rendered,
    changed: &BTreeSet<&String>,
    out: &mut Vec<Diagnostic>,
) {
    let stale = |s: &Requirement| changed.contains(&s.section) || changed.contains(&s.id);
    let theirs: BTreeMap<&str, &Requirement> =
        r.requirements.iter().map(|q| (q.id.as_str(), q)).collect();
    let ours: BTreeMap<&str, &Requirement> = source
        .requirements
        .iter()
        .map(|q| (q.id.as_str(), q))
        .collect();
    for s in &source.requirements {
        if stale(s) {
            continue;
        }
        match theirs.get(s.id.as_str()) {
            None => out.push(
                Diagnostic::warning(
                    Code::RequirementMissing,
                    Some(section_location(file, r, &s.section)),
                    format!("the translation lacks requirement `{}` of the source", s.id),
                )
                .with_help(format!(
                    "end the translated paragraph or item with {{#{}}}",
                    s.id
                )),
            ),
            Some(t) if t.level.is_some() && t.level != s.level => out.push(
                Diagnostic::warning(
                    Code::RequirementLevel,
                    Some(file.location(t.block.start)),
                    format!(
                        "requirement `{}` is {} here but {} in the source",
                        s.id,
                        level_name(t),
                        level_name(s)
                    ),
                )
                .with_help(format!(
                    "use this language's keyword for the source's {}",
                    s.keywords.join(", ")
                )),
            ),
            Some(_) => {}
        }
    }
    for t in &r.requirements {
        if !ours.contains_key(t.id.as_str()) {
            out.push(
                Diagnostic::warning(
                    Code::RequirementUnknown,
                    Some(file.location(t.marker.start)),
                    format!("requirement `{}` is not in the source", t.id),
                )
                .with_help("use the source's ID for this requirement, or remove the {#ID}"),
            );
        }
    }
}

fn level_name(r: &Requirement) -> &'static str {
    r.level.map_or("without a keyword", |l| l.name())
}

/// Where a section starts in a translated chapter (its heading, by the source's ids), or the
/// start of the chapter.
fn section_location(file: &MarkdownFile, r: &Rendered, section: &str) -> crate::error::Location {
    let offset = crate::markdown::headings(&file.body, Some(&r.heading_ids))
        .into_iter()
        .find(|h| h.id == section)
        .map_or(0, |h| h.offset);
    file.location(offset)
}
