//! A chapter as a list of text blocks (headings, paragraphs, list items, table rows and code
//! blocks), each with the section it is in and its plain text: what the comparison of two
//! versions aligns ([`crate::changes`]).

use super::requirements::marker;
use super::{HeadingState, options, pick_id};
use crate::bcp14::{Level, Table};
use pulldown_cmark::{Event, Parser, Tag, TagEnd};
use serde::Serialize;
use std::collections::HashSet;

/// What kind of block it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    Heading,
    Paragraph,
    Item,
    Row,
    Code,
}

/// One block of text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub kind: Kind,
    /// The id of the heading whose section it is in (a heading is in its own section;
    /// [`crate::translate::TOP`] before any heading).
    pub section: String,
    /// Its text without formatting; a requirement's marker is left out.
    pub text: String,
    /// The requirement's ID, when the block is one.
    pub id: Option<String>,
    /// The level of its strongest BCP 14 keyword (the first of equals), when keywords are
    /// looked for; as [`super::requirements::extract`] finds it (not in code).
    pub level: Option<Level>,
}

/// A block being read.
struct Open {
    kind: Kind,
    level: Option<Level>,
    /// An item that holds paragraphs leaves the text to them.
    has_paragraphs: bool,
    text: String,
}

/// The blocks of a chapter, in order. `source_ids` are the source chapter's heading ids, by
/// position (for a translation), as the renderer uses them. With `keywords`, each block's
/// level is found too.
pub fn blocks(
    markdown: &str,
    source_ids: Option<&[String]>,
    keywords: Option<&Table>,
) -> Vec<Block> {
    let mut out = Vec::new();
    let mut open: Vec<Open> = Vec::new();
    let mut section = crate::translate::TOP.to_string();
    let mut heading: Option<HeadingState> = None;
    let mut used = HashSet::new();
    let mut headings = 0;
    let push = |open: &mut Vec<Open>, kind| {
        open.push(Open {
            kind,
            level: None,
            has_paragraphs: false,
            text: String::new(),
        })
    };
    for event in Parser::new_ext(markdown, options()) {
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
                    out.push(Block {
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
                push(&mut open, Kind::Paragraph);
            }
            Event::Start(Tag::Item) => push(&mut open, Kind::Item),
            // An item's own text comes before the list nested in it.
            Event::Start(Tag::List(_)) => {
                if let Some(item) = open
                    .last_mut()
                    .filter(|b| b.kind == Kind::Item && !b.has_paragraphs)
                {
                    let text = std::mem::take(&mut item.text);
                    item.has_paragraphs = true;
                    let own = Open {
                        kind: Kind::Item,
                        level: item.level.take(),
                        has_paragraphs: false,
                        text,
                    };
                    finish(own, &section, &mut out);
                }
            }
            Event::Start(Tag::TableHead | Tag::TableRow) => push(&mut open, Kind::Row),
            Event::Start(Tag::CodeBlock(_)) => push(&mut open, Kind::Code),
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
                    finish(b, &section, &mut out);
                }
            }
            Event::Text(t) => {
                if let Some(b) = open.last_mut() {
                    if b.kind != Kind::Code {
                        for f in keywords.map(|k| k.find(&t)).unwrap_or_default() {
                            b.level = strongest(b.level, f.level);
                        }
                    }
                    b.text.push_str(&t);
                }
            }
            Event::Code(t) => {
                if let Some(b) = open.last_mut() {
                    b.text.push_str(&t);
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

fn finish(b: Open, section: &str, out: &mut Vec<Block>) {
    if b.kind == Kind::Item && b.has_paragraphs {
        return;
    }
    let mut text = if b.kind == Kind::Code {
        b.text.trim_end().to_string()
    } else {
        squeeze(b.text.trim_end_matches(" | "))
    };
    let mut id = None;
    if matches!(b.kind, Kind::Paragraph | Kind::Item)
        && let Some((found, at)) = marker(&text)
    {
        id = Some(found.to_string());
        text.truncate(at);
    }
    if text.is_empty() && id.is_none() {
        return;
    }
    out.push(Block {
        kind: b.kind,
        section: section.to_string(),
        text,
        id,
        level: b.level,
    });
}

/// The stronger of two levels; the first of equals.
fn strongest(best: Option<Level>, l: Level) -> Option<Level> {
    match best {
        Some(b) if b.strength() >= l.strength() => Some(b),
        _ => Some(l),
    }
}

/// White space runs as one space, none at the ends.
fn squeeze(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            space = !out.is_empty();
        } else {
            if space {
                out.push(' ');
                space = false;
            }
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_have_their_section_text_and_requirement_id() {
        let md = "# Title\n\nIntro *text*\nwraps.\n\n## Scope {#scope}\n\n- One.\n- Two MUST. {#R-1}\n  - Nested.\n\n| A | B |\n|---|---|\n| 1 | 2 |\n\n```\ncode\n```\n";
        let got: Vec<(Kind, String, String, Option<String>)> = blocks(md, None, None)
            .into_iter()
            .map(|b| (b.kind, b.section, b.text, b.id))
            .collect();
        let want = |k, s: &str, t: &str, i: Option<&str>| {
            (k, s.to_string(), t.to_string(), i.map(str::to_string))
        };
        assert_eq!(
            got,
            vec![
                want(Kind::Heading, "title", "Title", None),
                want(Kind::Paragraph, "title", "Intro text wraps.", None),
                want(Kind::Heading, "scope", "Scope", None),
                want(Kind::Item, "scope", "One.", None),
                want(Kind::Item, "scope", "Two MUST.", Some("R-1")),
                want(Kind::Item, "scope", "Nested.", None),
                want(Kind::Row, "scope", "A | B", None),
                want(Kind::Row, "scope", "1 | 2", None),
                want(Kind::Code, "scope", "code", None),
            ]
        );
    }

    #[test]
    fn a_translation_takes_the_source_heading_ids() {
        let ids = vec!["scope".to_string()];
        let b = blocks("## 範囲\n\n本文。\n", Some(&ids), None);
        assert_eq!(b[0].section, "scope");
        assert_eq!(b[1].section, "scope");
        assert_eq!(b[1].text, "本文。");
    }
}
