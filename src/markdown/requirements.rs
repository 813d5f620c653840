//! Requirements, the content model of a BCOP: paragraphs and list items with a stable ID.
//!
//! An author marks a requirement by ending a paragraph or a list item with `{#ID}`, the same
//! syntax as a heading's explicit id. Its level comes from the BCP 14 keywords in it
//! ([`crate::bcp14`]). [`extract`] reads them from a chapter's Markdown, in one pass over the
//! same parser events as everything else, with the section each one is in; the pages, the
//! PDF, the checks, the checklists and the comparison of versions all start from what it finds.

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

/// A paragraph or list item being read, with its text and keywords so far.
struct Block {
    start: usize,
    item: bool,
    /// Inside an item: whether it holds paragraphs (then they are the blocks, not the item).
    has_paragraphs: bool,
    /// Where the block's own text ends (an item's nested list is not its own text).
    text_end: usize,
    text: String,
    found: Vec<(usize, String, Level)>,
}

/// The requirements of a chapter, and the keywords outside them. `source_ids` are the source
/// chapter's heading ids, by position (for a translation), as the renderer uses them.
pub fn extract(markdown: &str, table: &Table, source_ids: Option<&[String]>) -> Extracted {
    let mut out = Extracted::default();
    let mut blocks: Vec<Block> = Vec::new();
    let mut section = crate::translate::TOP.to_string();
    let mut heading: Option<HeadingState> = None;
    let mut used = HashSet::new();
    let mut headings = 0;
    let mut in_code = false;
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
                }
            }
            Event::Text(t) | Event::Code(t) if heading.is_some() => {
                if let Some(h) = heading.as_mut() {
                    h.text.push_str(&t);
                }
            }
            Event::Start(Tag::CodeBlock(_)) => in_code = true,
            Event::End(TagEnd::CodeBlock) => in_code = false,
            Event::Start(Tag::Paragraph) => {
                if let Some(item) = blocks.last_mut().filter(|b| b.item) {
                    item.has_paragraphs = true;
                }
                blocks.push(Block::new(range.start, false));
            }
            Event::Start(Tag::Item) => blocks.push(Block::new(range.start, true)),
            Event::End(TagEnd::Paragraph | TagEnd::Item) => {
                if let Some(block) = blocks.pop() {
                    block.finish(markdown, &section, &mut out);
                }
            }
            Event::Text(t) if !in_code => {
                let found = table.find(&t);
                let exact = t.len() == range.len();
                match blocks.last_mut() {
                    Some(b) => {
                        for f in found {
                            let at = if exact {
                                range.start + f.start
                            } else {
                                range.start
                            };
                            b.found.push((at, t[f.start..f.end].to_string(), f.level));
                        }
                        b.text.push_str(&t);
                        b.text_end = range.end;
                    }
                    // Text outside paragraphs and items: table cells.
                    None => out.stray.extend(found.into_iter().map(|f| Stray {
                        offset: if exact {
                            range.start + f.start
                        } else {
                            range.start
                        },
                        word: t[f.start..f.end].to_string(),
                    })),
                }
            }
            Event::Code(t) => {
                if let Some(b) = blocks.last_mut() {
                    b.text.push_str(&t);
                    b.text_end = range.end;
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some(b) = blocks.last_mut() {
                    b.text.push(' ');
                }
            }
            _ => {}
        }
    }
    out
}

impl Block {
    fn new(start: usize, item: bool) -> Self {
        Self {
            start,
            item,
            has_paragraphs: false,
            text_end: start,
            text: String::new(),
            found: Vec::new(),
        }
    }

    /// A finished block is a requirement when its own text ends with a marker; else its
    /// keywords are strays. (An item that holds paragraphs leaves them the decision.)
    fn finish(self, markdown: &str, section: &str, out: &mut Extracted) {
        if self.item && self.has_paragraphs {
            return;
        }
        let own = &markdown[self.start..self.text_end.max(self.start)];
        let Some((id, at)) = marker(own) else {
            out.stray.extend(
                self.found
                    .into_iter()
                    .map(|(offset, word, _)| Stray { offset, word }),
            );
            return;
        };
        let marker_start = self.start + at;
        let text = marker(&self.text)
            .map_or(self.text.as_str(), |(_, cut)| &self.text[..cut])
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let found: Vec<&(usize, String, Level)> = self
            .found
            .iter()
            .filter(|(at, _, _)| *at < marker_start)
            .collect();
        let level =
            found
                .iter()
                .map(|(_, _, l)| *l)
                .fold(None, |best: Option<Level>, l| match best {
                    Some(b) if b.strength() >= l.strength() => Some(b),
                    _ => Some(l),
                });
        out.requirements.push(Requirement {
            id: id.to_string(),
            block: self.start..self.text_end,
            marker: marker_start..self.start + own.trim_end().len(),
            item: self.item,
            section: section.to_string(),
            text,
            keywords: found.iter().map(|(_, w, _)| w.clone()).collect(),
            level,
        });
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
        let x = extract(md, &en(), None);
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
        let x = extract(md, &ja, Some(&ids));
        assert_eq!(x.requirements[0].section, "auth");
        assert_eq!(x.requirements[0].level, Some(Level::Absolute));
    }

    #[test]
    fn the_strongest_keyword_sets_the_level_and_the_first_of_equals_wins() {
        let x = extract(
            "It MAY do this and MUST NOT do that, and MUST log. {#R1}\n",
            &en(),
            None,
        );
        assert_eq!(x.requirements[0].level, Some(Level::Prohibited));
        let none = extract("No keyword here. {#R2}\n", &en(), None);
        assert_eq!(none.requirements[0].level, None);
    }
}
