//! Typst labels for every heading of the document, worked out before any chapter is
//! converted, so that a link can point forward and across chapters.
//!
//! A Typst link to a label that does not exist is a compile error, so links are only made
//! to labels in this table, and the converter gives headings exactly these labels.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};

use super::PdfChapter;
use crate::markdown::requirements::{Requirement, extract};
use crate::markdown::{is_external, options, slugify};

#[derive(Debug, Default)]
pub(crate) struct ChapterTargets {
    /// The label of each heading, by the heading's byte offset in the Markdown (the
    /// converter meets footnotes out of order, so an index would not do).
    pub headings: HashMap<usize, String>,
    /// The first heading's label.
    first: Option<String>,
    /// The label for a heading bcop adds because the chapter does not open with a
    /// level-1 heading.
    pub title: Option<String>,
    /// The chapter's requirements, in order, each with its label.
    pub requirements: Vec<(Requirement, String)>,
    by_id: HashMap<String, String>,
}

impl ChapterTargets {
    /// Where a link to the chapter itself goes.
    fn start(&self) -> Option<&String> {
        self.title.as_ref().or(self.first.as_ref())
    }
}

#[derive(Debug, Default)]
pub(crate) struct Targets {
    pub chapters: Vec<ChapterTargets>,
    by_file: HashMap<String, usize>,
}

impl Targets {
    pub fn new(chapters: &[PdfChapter]) -> Self {
        let mut used = HashSet::new();
        let mut targets = Self::default();
        for (i, chapter) in chapters.iter().enumerate() {
            targets
                .chapters
                .push(chapter_targets(i, chapter, &mut used));
            if let Some(name) = chapter.source_path.file_name().and_then(|n| n.to_str()) {
                targets.by_file.entry(name.to_string()).or_insert(i);
            }
        }
        targets
    }

    /// The label a link in chapter `from` should go to, if the target is in this PDF.
    /// Chapters of one version sit in one folder, so `other.md#x` is matched by file
    /// name; that also holds for a fallback chapter whose file is in the source folder.
    pub fn resolve(&self, from: usize, url: &str) -> Option<&String> {
        if is_external(url) {
            return None;
        }
        let (path, fragment) = url
            .split_once('#')
            .map_or((url, None), |(p, f)| (p, Some(f)));
        let chapter = if path.is_empty() {
            from
        } else {
            let path = path.strip_prefix("./").unwrap_or(path);
            if path.contains('/') || !path.ends_with(".md") {
                return None;
            }
            *self.by_file.get(Path::new(path).to_str()?)?
        };
        let targets = self.chapters.get(chapter)?;
        match fragment {
            Some(id) if !id.is_empty() => targets.by_id.get(id),
            _ => targets.start(),
        }
    }
}

fn chapter_targets(
    index: usize,
    chapter: &PdfChapter,
    used: &mut HashSet<String>,
) -> ChapterTargets {
    let mut targets = ChapterTargets::default();
    let mut ids_seen = HashSet::new();
    let mut first_block = true;
    let mut heading: Option<(usize, Option<String>, String)> = None;
    // Headings are matched to `heading_ids` by position, counting every heading.
    let mut count = 0;
    // A heading inside a footnote that is never referenced is never emitted, and a link
    // to its label would fail: such headings get no label.
    let mut in_footnote = false;
    for (event, range) in Parser::new_ext(&chapter.markdown, options()).into_offset_iter() {
        match event {
            Event::Start(Tag::FootnoteDefinition(_)) => in_footnote = true,
            Event::End(TagEnd::FootnoteDefinition) => in_footnote = false,
            Event::Start(Tag::Heading { level, id, .. }) => {
                if first_block && level != HeadingLevel::H1 {
                    targets.title = Some(unique(format!("c{index}"), used));
                }
                first_block = false;
                heading = Some((range.start, id.map(|s| s.to_string()), String::new()));
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some((_, _, text)) = heading.as_mut() {
                    text.push_str(&t);
                }
            }
            Event::End(TagEnd::Heading(_)) => {
                let Some((offset, explicit, text)) = heading.take() else {
                    continue;
                };
                let id = chapter
                    .heading_ids
                    .get(count)
                    .cloned()
                    .or(explicit)
                    .unwrap_or_else(|| slugify(&text));
                count += 1;
                if in_footnote {
                    continue;
                }
                let label = unique(format!("c{index}-{id}"), used);
                if ids_seen.insert(id.clone()) {
                    targets.by_id.insert(id, label.clone());
                }
                targets.first.get_or_insert_with(|| label.clone());
                targets.headings.insert(offset, label);
            }
            Event::Start(Tag::HtmlBlock) | Event::Html(_) | Event::End(TagEnd::HtmlBlock) => {}
            Event::Start(_) if first_block => {
                targets.title = Some(unique(format!("c{index}"), used));
                first_block = false;
            }
            _ => {}
        }
    }
    if first_block {
        // An empty chapter still gets its title heading.
        targets.title = Some(unique(format!("c{index}"), used));
    }
    if let Some(table) = &chapter.keywords {
        let found = extract(&chapter.markdown, Some(table), Some(&chapter.heading_ids));
        for r in found.requirements {
            let label = unique(format!("c{index}-{}", r.id), used);
            targets
                .by_id
                .entry(r.id.clone())
                .or_insert_with(|| label.clone());
            targets.requirements.push((r, label));
        }
    }
    targets
}

impl Targets {
    /// The label of requirement `id` of chapter `chapter`, for the requirements appendix.
    pub fn requirement(&self, chapter: usize, id: &str) -> Option<&String> {
        self.chapters
            .get(chapter)?
            .requirements
            .iter()
            .find(|(r, _)| r.id == id)
            .map(|(_, label)| label)
    }
}

fn unique(wanted: String, used: &mut HashSet<String>) -> String {
    let mut label = wanted.clone();
    let mut n = 1;
    while !used.insert(label.clone()) {
        label = format!("{wanted}-{n}");
        n += 1;
    }
    label
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chapter(file: &str, markdown: &str, ids: &[&str]) -> PdfChapter {
        PdfChapter {
            outdated: Default::default(),
            title: "T".into(),
            markdown: markdown.into(),
            heading_ids: ids.iter().map(|s| s.to_string()).collect(),
            lang: "en".into(),
            fallback: false,
            assets: Default::default(),
            source_path: format!("content/d/1.0/{file}").into(),
            body_line: 0,
            keywords: None,
        }
    }

    #[test]
    fn links_resolve_to_heading_labels_in_this_and_other_chapters() {
        let chapters = [
            chapter("index.md", "Intro text.\n\n## Scope\n", &["scope"]),
            chapter(
                "02-install.md",
                "# Install\n\n## Steps {#steps}\n",
                &["install", "steps"],
            ),
        ];
        let t = Targets::new(&chapters);
        assert_eq!(t.chapters[0].title.as_deref(), Some("c0"));
        assert_eq!(t.chapters[1].title, None);
        assert_eq!(t.resolve(0, "#scope").map(String::as_str), Some("c0-scope"));
        assert_eq!(
            t.resolve(0, "02-install.md#steps").map(String::as_str),
            Some("c1-steps")
        );
        assert_eq!(t.resolve(1, "./index.md").map(String::as_str), Some("c0"));
        assert_eq!(
            t.resolve(1, "02-install.md").map(String::as_str),
            Some("c1-install")
        );
        assert_eq!(t.resolve(0, "#nowhere"), None);
        assert_eq!(t.resolve(0, "../2.0/index.md"), None);
        assert_eq!(t.resolve(0, "https://e.org/index.md"), None);
    }

    #[test]
    fn labels_are_unique_across_the_document() {
        let chapters = [chapter("a.md", "# A\n## x\n## x\n", &["a", "x", "x"])];
        let t = Targets::new(&chapters);
        let mut labels: Vec<_> = t.chapters[0].headings.iter().collect();
        labels.sort();
        assert_eq!(
            labels,
            [
                (&0, &"c0-a".to_string()),
                (&4, &"c0-x".to_string()),
                (&9, &"c0-x-1".to_string())
            ]
        );
    }
}
