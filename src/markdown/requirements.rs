//! Requirements, the content model of a BCOP: paragraphs and list items with a stable ID.
//!
//! An author marks a requirement by ending a paragraph or a list item with `{#ID}`, the same
//! syntax as a heading's explicit id. Its level comes from the BCP 14 keywords in it
//! ([`crate::bcp14`]). [`extract`] reads them from a chapter's Markdown, in one pass over the
//! same parser events as everything else, with the section each one is in; the pages, the
//! PDF, the checks, the checklists and the comparison of versions all start from what it finds.

use super::blocks::{Block, Kind, squeeze};
use super::{HeadingState, options, pick_id};
use crate::bcp14::{Level, Table};
use pulldown_cmark::{Event, Parser, Tag, TagEnd};
use std::collections::HashSet;
use std::ops::Range;

/// One requirement of a chapter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Requirement {
    pub id: String,
    /// The paragraph or list item, as bytes of the Markdown.
    pub block: Range<usize>,
    /// ` {#ID}` at its end, which is not shown.
    pub marker: Range<usize>,
    /// A list item (else a paragraph).
    pub item: bool,
    /// The id of the heading whose section it is in ([`crate::translate::TOP`] before any).
    pub section: String,
    /// Its text, without the marker or any formatting.
    pub text: String,
    /// The keywords in it, in order, as written.
    pub keywords: Vec<String>,
    /// The level of its strongest keyword (the first of equals); `None` without a keyword.
    pub level: Option<Level>,
}

/// A keyword outside every requirement: where it is, and as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stray {
    pub offset: usize,
    pub word: String,
}

/// What [`extract`] finds in a chapter.
#[derive(Debug, Clone, Default)]
pub struct Extracted {
    pub requirements: Vec<Requirement>,
    pub stray: Vec<Stray>,
    /// Every block of the chapter, in order: what the comparison of versions aligns.
    pub blocks: Vec<Block>,
}

/// The ID in a marker ` {#ID}` at the end of `text`, and where the marker starts (its leading
/// white space included). An ID starts with an ASCII letter and goes on with ASCII letters,
/// digits, `-`, `_` and `.`.
pub fn marker(text: &str) -> Option<(&str, usize)> {
    let trimmed = text.trim_end();
    let body = trimmed.strip_suffix('}')?;
    let open = body.rfind("{#")?;
    let id = &body[open + 2..];
    let mut chars = id.chars();
    let valid = chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'));
    if !valid {
        return None;
    }
    let before = &text[..open];
    let start = before.trim_end().len();
    // The marker stands apart from the text, or is all there is.
    (start == 0 || start < open).then_some((id, start))
}

/// Whether `markdown` has a line that ends with a requirement's marker (a heading's `{#id}`
/// does not count): a quick look, without parsing, that decides whether a document has
/// requirements at all.
pub fn has_requirements(markdown: &str) -> bool {
    markdown.contains("{#")
        && markdown.lines().any(|line| {
            let text = line.trim_start_matches([' ', '>', '\t']);
            !text.starts_with('#') && marker(text).is_some()
        })
}

/// A block being read (a paragraph, list item, table row or code block), with its text and
/// keywords so far.
struct Open {
    kind: Kind,
    start: usize,
    /// Inside an item: whether it holds paragraphs (then they are the blocks, not the item).
    has_paragraphs: bool,
    /// Where the block's own text ends (an item's nested list is not its own text).
    text_end: usize,
    text: String,
    found: Vec<(usize, String, Level)>,
}

/// The requirements of a chapter, the keywords outside them (with `table`) and its blocks, in
/// one pass over the parser's events. `source_ids` are the source chapter's heading ids, by
/// position (for a translation), as the renderer uses them. Without `table`, no keyword is
/// looked for: requirements have no level.
pub fn extract(markdown: &str, table: Option<&Table>, source_ids: Option<&[String]>) -> Extracted {
    let mut out = Extracted::default();
    let mut open: Vec<Open> = Vec::new();
    let mut section = crate::translate::TOP.to_string();
    let mut heading: Option<HeadingState> = None;
    let mut used = HashSet::new();
    let mut headings = 0;
    for (event, range) in Parser::new_ext(markdown, options()).into_offset_iter() {
        match event {
            Event::Start(Tag::Heading { level, id, .. }) => {
                heading = Some(HeadingState {
                    level,
                    explicit: id.map(|s| s.to_string()),
                    text: String::new(),
                    inner: Vec::new(),
                });
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some(h) = heading.take() {
                    section = pick_id(&h, source_ids, headings, &mut used);
                    headings += 1;
                    out.blocks.push(Block {
                        kind: Kind::Heading,
                        section: section.clone(),
                        text: squeeze(&h.text),
                        id: None,
                        level: None,
                    });
                }
            }
            Event::Text(t) | Event::Code(t) if heading.is_some() => {
                if let Some(h) = heading.as_mut() {
                    h.text.push_str(&t);
                }
            }
            Event::Start(Tag::Paragraph) => {
                if let Some(item) = open.last_mut().filter(|b| b.kind == Kind::Item) {
                    item.has_paragraphs = true;
                }
                open.push(Open::new(Kind::Paragraph, range.start));
            }
            Event::Start(Tag::Item) => open.push(Open::new(Kind::Item, range.start)),
            // An item's own text comes before the list nested in it.
            Event::Start(Tag::List(_)) => {
                if let Some(item) = open
                    .last_mut()
                    .filter(|b| b.kind == Kind::Item && !b.has_paragraphs)
                {
                    let own = Open {
                        kind: Kind::Item,
                        start: item.start,
                        has_paragraphs: false,
                        text_end: item.text_end,
                        text: std::mem::take(&mut item.text),
                        found: std::mem::take(&mut item.found),
                    };
                    item.has_paragraphs = true;
                    own.finish(markdown, &section, &mut out);
                }
            }
            Event::Start(Tag::TableHead | Tag::TableRow) => {
                open.push(Open::new(Kind::Row, range.start));
            }
            Event::Start(Tag::CodeBlock(_)) => open.push(Open::new(Kind::Code, range.start)),
            Event::End(TagEnd::TableCell) => {
                if let Some(b) = open.last_mut() {
                    b.text.push_str(" | ");
                }
            }
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Item
                | TagEnd::TableHead
                | TagEnd::TableRow
                | TagEnd::CodeBlock,
            ) => {
                if let Some(b) = open.pop() {
                    b.finish(markdown, &section, &mut out);
                }
            }
            Event::Text(t) => {
                let Some(b) = open.last_mut() else { continue };
                if b.kind != Kind::Code
                    && let Some(table) = table
                {
                    let exact = t.len() == range.len();
                    for f in table.find(&t) {
                        let at = if exact {
                            range.start + f.start
                        } else {
                            range.start
                        };
                        b.found.push((at, t[f.start..f.end].to_string(), f.level));
                    }
                }
                b.text.push_str(&t);
                b.text_end = range.end;
            }
            Event::Code(t) => {
                if let Some(b) = open.last_mut() {
                    b.text.push_str(&t);
                    b.text_end = range.end;
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some(b) = open.last_mut() {
                    b.text.push(' ');
                }
            }
            Event::TaskListMarker(done) => {
                if let Some(b) = open.last_mut() {
                    b.text.push_str(if done { "[x] " } else { "[ ] " });
                }
            }
            _ => {}
        }
    }
    out
}

impl Open {
    fn new(kind: Kind, start: usize) -> Self {
        Self {
            kind,
            start,
            has_paragraphs: false,
            text_end: start,
            text: String::new(),
            found: Vec::new(),
        }
    }

    /// A finished paragraph or item is a requirement when its own text ends with a marker;
    /// else its keywords are strays, as are a table row's. (An item that holds paragraphs
    /// leaves them the decision.) Each block but such an item is one of the chapter's blocks.
    fn finish(self, markdown: &str, section: &str, out: &mut Extracted) {
        if self.kind == Kind::Item && self.has_paragraphs {
            return;
        }
        if self.kind == Kind::Code {
            let text = self.text.trim_end();
            if !text.is_empty() {
                out.blocks.push(Block {
                    kind: Kind::Code,
                    section: section.to_string(),
                    text: text.to_string(),
                    id: None,
                    level: None,
                });
            }
            return;
        }
        let own = &markdown[self.start..self.text_end.max(self.start)];
        let found_marker = match self.kind {
            Kind::Paragraph | Kind::Item => marker(own),
            _ => None,
        };
        let Some((id, at)) = found_marker else {
            let level = self.found.iter().fold(None, |b, f| strongest(b, f.2));
            out.stray.extend(
                self.found
                    .into_iter()
                    .map(|(offset, word, _)| Stray { offset, word }),
            );
            let text = squeeze(self.text.trim_end_matches(" | "));
            if !text.is_empty() {
                out.blocks.push(Block {
                    kind: self.kind,
                    section: section.to_string(),
                    text,
                    id: None,
                    level,
                });
            }
            return;
        };
        let marker_start = self.start + at;
        let text =
            squeeze(marker(&self.text).map_or(self.text.as_str(), |(_, cut)| &self.text[..cut]));
        let found: Vec<&(usize, String, Level)> = self
            .found
            .iter()
            .filter(|(at, _, _)| *at < marker_start)
            .collect();
        let level = found.iter().fold(None, |b, f| strongest(b, f.2));
        out.blocks.push(Block {
            kind: self.kind,
            section: section.to_string(),
            text: text.clone(),
            id: Some(id.to_string()),
            level,
        });
        out.requirements.push(Requirement {
            id: id.to_string(),
            block: self.start..self.text_end,
            marker: marker_start..self.start + own.trim_end().len(),
            item: self.kind == Kind::Item,
            section: section.to_string(),
            text,
            keywords: found.iter().map(|(_, w, _)| w.clone()).collect(),
            level,
        });
    }
}

/// The stronger of two levels; the first of equals.
fn strongest(best: Option<Level>, l: Level) -> Option<Level> {
    match best {
        Some(b) if b.strength() >= l.strength() => Some(b),
        _ => Some(l),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    fn en() -> Table {
        let words = |w: &[&str]| w.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        Table::new(&BTreeMap::from([
            (Level::Absolute, words(&["MUST", "REQUIRED", "SHALL"])),
            (Level::Prohibited, words(&["MUST NOT", "SHALL NOT"])),
            (Level::Recommended, words(&["SHOULD", "RECOMMENDED"])),
            (
                Level::NotRecommended,
                words(&["SHOULD NOT", "NOT RECOMMENDED"]),
            ),
            (Level::Optional, words(&["MAY", "OPTIONAL"])),
        ]))
    }

    #[test]
    fn markers_need_a_valid_id_at_the_very_end() {
        assert_eq!(marker("Text MUST. {#CPE-AUTH-1}"), Some(("CPE-AUTH-1", 10)));
        assert_eq!(marker("Text. {#A.b_2}  \n"), Some(("A.b_2", 5)));
        assert_eq!(marker("{#ONLY}"), Some(("ONLY", 0)));
        assert_eq!(marker("Text {#1BAD}"), None);
        assert_eq!(marker("Text {#ID} more"), None);
        assert_eq!(marker("Text{#ID}"), None);
    }

    #[test]
    fn paragraphs_and_items_with_markers_are_requirements_in_their_sections() {
        let md = "Intro MUST stray.\n\n## Auth {#auth}\n\nThe device MUST NOT ship a default\npassword; it SHOULD warn. {#CPE-AUTH-1}\n\n- It MAY offer `MUST` codes. {#CPE-AUTH-2}\n  - nested SHOULD stray\n- plain item\n\n| a |\n|---|\n| MUST in a cell |\n";
        let x = extract(md, Some(&en()), None);
        let ids: Vec<&str> = x.requirements.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids, ["CPE-AUTH-1", "CPE-AUTH-2"]);
        let r = &x.requirements[0];
        assert_eq!(r.section, "auth");
        assert_eq!(r.level, Some(Level::Prohibited));
        assert_eq!(r.keywords, ["MUST NOT", "SHOULD"]);
        assert_eq!(
            r.text,
            "The device MUST NOT ship a default password; it SHOULD warn."
        );
        assert_eq!(&md[r.marker.clone()], " {#CPE-AUTH-1}");
        let item = &x.requirements[1];
        assert!(item.item);
        assert_eq!(item.level, Some(Level::Optional), "code is not a keyword");
        assert_eq!(item.text, "It MAY offer MUST codes.");
        let strays: Vec<&str> = x.stray.iter().map(|s| s.word.as_str()).collect();
        assert_eq!(strays, ["MUST", "SHOULD", "MUST"]);
        assert_eq!(&md[x.stray[0].offset..x.stray[0].offset + 4], "MUST");
    }

    #[test]
    fn a_translation_takes_its_sections_from_the_source_ids() {
        let md = "## 認証\n\n変更できなければならない（MUST）。 {#CPE-AUTH-1}\n";
        let ja = Table::new(&BTreeMap::from([(
            Level::Absolute,
            vec!["（MUST）".to_string()],
        )]));
        let ids = vec!["auth".to_string()];
        let x = extract(md, Some(&ja), Some(&ids));
        assert_eq!(x.requirements[0].section, "auth");
        assert_eq!(x.requirements[0].level, Some(Level::Absolute));
    }

    #[test]
    fn the_strongest_keyword_sets_the_level_and_the_first_of_equals_wins() {
        let x = extract(
            "It MAY do this and MUST NOT do that, and MUST log. {#R1}\n",
            Some(&en()),
            None,
        );
        assert_eq!(x.requirements[0].level, Some(Level::Prohibited));
        let none = extract("No keyword here. {#R2}\n", Some(&en()), None);
        assert_eq!(none.requirements[0].level, None);
    }
}
