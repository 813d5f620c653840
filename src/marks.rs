//! What a reader is told about the text in front of them, decided once per translated chapter
//! before any output is made: which sections of a translation are outdated (under the `source`
//! policy, shown in the source language instead), and which new source sections it lacks. The
//! pages, the print edition and the PDF all show these same marks, each in its own form; none
//! of them works the marks out for itself.

use crate::load::config::OutdatedPolicy;
use crate::resolve::Edition;
use crate::translate::{self, Freshness};
use std::collections::BTreeMap;

/// The mark on one section of a translated chapter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// Its source changed after the translation was stamped; the translation is shown.
    Outdated,
    /// Its source changed (or is new); the current source text is shown in its place.
    ShownInSource,
}

/// The marks of one translated chapter.
#[derive(Debug, Clone, Default)]
pub struct Marks {
    /// The text to render: the translation, or, under the `source` policy, the translation with
    /// its marked sections replaced by the source's (`None`: the translation as it is).
    pub text: Option<String>,
    /// The marked sections, by heading id (`_top` for the text before the first heading).
    pub sections: BTreeMap<String, Mark>,
    /// The requirements whose source text changed, by ID (their sections are marked too).
    pub requirements: BTreeMap<String, Mark>,
    /// Source sections the translation lacks and does not show: listed in a note at the top.
    pub missing: Vec<String>,
}

impl Marks {
    /// The chapter's text as it is to be rendered.
    pub fn text<'a>(&'a self, translation: &'a str) -> &'a str {
        self.text.as_deref().unwrap_or(translation)
    }

    /// The key of the UI string that a section's mark says, for this mark.
    pub fn message_key(mark: Mark) -> &'static str {
        match mark {
            Mark::Outdated => "outdated-section",
            Mark::ShownInSource => "outdated-section-source",
        }
    }
}

/// The marks of chapter `index` of `edition`, whose text is `translation`, against the
/// current source text and its heading ids; `None` when the chapter is up to date (or never
/// stamped, which the badges say instead).
pub fn decide(
    edition: &Edition,
    index: usize,
    source: &str,
    translation: &str,
    source_ids: &[String],
    source_lang: &str,
) -> Option<Marks> {
    let Some(Some(Freshness::Outdated(changes))) = edition.freshness.get(index) else {
        return None;
    };
    // Stamps record sections by heading id and requirements by their IDs.
    let is_section = |id: &&String| id.as_str() == translate::TOP || source_ids.contains(id);
    let requirements = |mark: Mark| {
        changes
            .changed
            .iter()
            .filter(|id| !is_section(id))
            .map(|id| (id.clone(), mark))
            .collect()
    };
    if edition.policy == OutdatedPolicy::Source {
        let text = translate::hybrid(source, translation, source_ids, changes, source_lang);
        let sections = changes
            .changed
            .iter()
            .chain(&changes.added)
            .filter(is_section)
            .map(|id| (id.clone(), Mark::ShownInSource))
            .collect();
        return Some(Marks {
            text: Some(text),
            sections,
            requirements: requirements(Mark::ShownInSource),
            missing: Vec::new(),
        });
    }
    Some(Marks {
        text: None,
        sections: changes
            .changed
            .iter()
            .filter(is_section)
            .map(|id| (id.clone(), Mark::Outdated))
            .collect(),
        requirements: requirements(Mark::Outdated),
        missing: changes.added.iter().filter(is_section).cloned().collect(),
    })
}
