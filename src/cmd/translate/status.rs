//! `bcop translate status`: per document, version and language, how much is translated, what
//! is outdated, and what changed in the source since the stamp.

use crate::resolve::{DocVersion, Document, Edition, Site};
use crate::translate::{Freshness, history, stamped_parts};
use serde::Serialize;

/// The JSON report (`--format json`); its schema is documented in the README.
#[derive(Debug, Serialize)]
pub struct Status {
    pub version: u32,
    pub translations: Vec<Row>,
    /// Coverage of the UI catalogs (Fluent) per language.
    pub ui: Vec<crate::translate::catalogs::Coverage>,
}

#[derive(Debug, Serialize)]
pub struct Row {
    pub doc: String,
    pub version: String,
    pub lang: String,
    /// missing, outdated, partial, unstamped or complete.
    pub state: &'static str,
    /// Share of the source's sections that have an up-to-date translation, in percent.
    pub coverage: f64,
    pub chapters: Vec<ChapterRow>,
    /// The translated abstract was made from another source abstract than the current one.
    pub abstract_outdated: bool,
}

#[derive(Debug, Serialize)]
pub struct ChapterRow {
    pub file: String,
    /// current, outdated, unstamped or missing.
    pub state: &'static str,
    pub changed: Vec<SectionChange>,
    pub added: Vec<String>,
    pub removed: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct SectionChange {
    pub id: String,
    /// The commit whose text matches the stamp, when git history has it.
    pub since: Option<String>,
    /// Unified diff of the source section from `since` to now; `None` when unknown.
    pub diff: Option<String>,
}

pub fn status(
    site: &Site,
    lang: Option<&str>,
    doc: Option<&str>,
    ui: Vec<crate::translate::catalogs::Coverage>,
) -> Status {
    let mut rows = Vec::new();
    for d in site
        .documents
        .iter()
        .filter(|d| doc.is_none_or(|x| x == d.slug))
    {
        for v in &d.versions {
            for e in v
                .editions
                .iter()
                .skip(1)
                .filter(|e| lang.is_none_or(|x| x == e.lang))
            {
                rows.push(row(d, v, e));
            }
        }
    }
    Status {
        version: 1,
        translations: rows,
        ui: ui
            .into_iter()
            .filter(|c| lang.is_none_or(|l| l == c.lang))
            .collect(),
    }
}

fn row(d: &Document, v: &DocVersion, e: &Edition) -> Row {
    let mut total = 0;
    let mut good = 0;
    let mut chapters = Vec::new();
    for (ci, c) in v.chapters.iter().enumerate() {
        let secs = stamped_parts(&c.source.body);
        // Coverage counts sections; a changed requirement is also a change in its section.
        let is_section = |id: &String| secs.iter().any(|s| &s.id == id && !s.requirement);
        let sections = secs.iter().filter(|s| !s.requirement).count();
        total += sections;
        let (state, changes) = match &e.freshness[ci] {
            None => ("missing", None),
            Some(Freshness::Current) => ("current", None),
            Some(Freshness::Unstamped) => ("unstamped", None),
            Some(Freshness::Outdated(ch)) => ("outdated", Some(ch)),
        };
        good += match (state, changes) {
            ("missing", _) => 0,
            (_, Some(ch)) => sections.saturating_sub(
                ch.changed
                    .iter()
                    .chain(&ch.added)
                    .filter(|id| is_section(id))
                    .count(),
            ),
            _ => sections,
        };
        let stamp = e.meta.as_ref().and_then(|m| m.source.get(&c.file));
        let changed = changes
            .map(|ch| {
                ch.changed
                    .iter()
                    .map(|id| {
                        let now = secs
                            .iter()
                            .find(|s| &s.id == id)
                            .map(|s| s.text.as_str())
                            .unwrap_or("");
                        let old = stamp
                            .and_then(|s| s.get(id))
                            .and_then(|hash| history::find_stamped(&c.source.path, id, hash));
                        SectionChange {
                            id: id.clone(),
                            since: old.as_ref().map(|(commit, _)| commit.clone()),
                            diff: old.map(|(_, text)| history::diff(&text, now)),
                        }
                    })
                    .collect()
            })
            .unwrap_or_default();
        chapters.push(ChapterRow {
            file: c.file.clone(),
            state,
            changed,
            added: changes.map(|c| c.added.clone()).unwrap_or_default(),
            removed: changes.map(|c| c.removed.clone()).unwrap_or_default(),
        });
    }
    let coverage = if total == 0 {
        100.0
    } else {
        (good as f64 * 1000.0 / total as f64).round() / 10.0
    };
    Row {
        doc: d.slug.clone(),
        version: v.version.name.clone(),
        lang: e.lang.clone(),
        state: e.badge(),
        coverage,
        chapters,
        abstract_outdated: e.abstract_outdated,
    }
}

/// The human-readable table, with each outdated section's diff indented under it.
pub fn human(status: &Status) -> String {
    let mut out = String::new();
    let mut last = (String::new(), String::new());
    for r in &status.translations {
        if (r.doc.clone(), r.version.clone()) != last {
            out.push_str(&format!(
                "\n{} {}\n  {:<7} {:<10} {:>8}\n",
                r.doc, r.version, "lang", "state", "coverage"
            ));
            last = (r.doc.clone(), r.version.clone());
        }
        out.push_str(&format!(
            "  {:<7} {:<10} {:>7.1}%\n",
            r.lang, r.state, r.coverage
        ));
        if r.abstract_outdated {
            out.push_str("    abstract: changed in the source since the translation was stamped\n");
        }
        for c in r.chapters.iter().filter(|c| c.state == "outdated") {
            for s in &c.changed {
                out.push_str(&format!("    {} #{}: changed in the source", c.file, s.id));
                match (&s.since, &s.diff) {
                    (Some(since), Some(diff)) => {
                        out.push_str(&format!(" since {since}:\n"));
                        for line in diff.lines() {
                            out.push_str(&format!("      {line}\n"));
                        }
                    }
                    _ => out.push_str(" (no git history holds the stamped text: only the fact of the change is known)\n"),
                }
            }
            for id in &c.added {
                out.push_str(&format!("    {} #{id}: added to the source\n", c.file));
            }
            for id in &c.removed {
                out.push_str(&format!("    {} #{id}: removed from the source\n", c.file));
            }
        }
    }
    if !status.ui.is_empty() {
        out.push_str(&format!(
            "\nUI strings (Fluent)\n  {:<7} {:>8} {:>9}\n",
            "lang", "keys", "coverage"
        ));
        for c in &status.ui {
            out.push_str(&format!(
                "  {:<7} {:>3}/{:<4} {:>8.1}%\n",
                c.lang, c.translated, c.keys, c.percent
            ));
        }
    }
    out
}
