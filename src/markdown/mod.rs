//! Markdown, as every part of bcop reads it: the one set of parser options, heading ids that
//! are the same in every language, links, escaping, and the limits on structure. [`html`]
//! renders it for the pages; the PDF converter (`crate::pdf`), translation integrity
//! (`crate::translate`) and link checks read the same events through these functions.

pub mod blocks;
pub mod html;
pub mod requirements;

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use std::collections::HashSet;

pub use html::{AlertTitles, Captions, Input, Numbers, Rendered, TABLE_CAPTION, TocEntry, render};

/// The parser options of every reader of the site's Markdown (GFM: tables, footnotes,
/// strikethrough, task lists, alerts; and `{#id}` on headings).
pub fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_GFM
}

/// How deep lists and block quotes may nest. Real documents stay under ten levels. Typst
/// refuses to typeset 32 nested lists, so a deeper text would fail its PDF; the limit sits well
/// below that, and the error points at the first level too many, in the HTML build as well.
pub const MAX_NESTING: usize = 16;

/// A heading of a Markdown text: its id (as `render` gives it) and where it starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading {
    pub id: String,
    pub level: u8,
    /// Byte offset of the heading's first character.
    pub offset: usize,
}

/// The headings of `markdown` with the ids `render` would give them, without rendering.
pub fn headings(markdown: &str, source_ids: Option<&[String]>) -> Vec<Heading> {
    let mut out = Vec::new();
    let mut used = HashSet::new();
    let mut current: Option<(HeadingState, usize)> = None;
    for (event, range) in Parser::new_ext(markdown, options()).into_offset_iter() {
        match event {
            Event::Start(Tag::Heading { level, id, .. }) => {
                let state = HeadingState {
                    level,
                    explicit: id.map(|s| s.to_string()),
                    text: String::new(),
                    inner: Vec::new(),
                };
                current = Some((state, range.start));
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some((h, _)) = current.as_mut() {
                    h.text.push_str(&t);
                }
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some((h, offset)) = current.take() {
                    let id = pick_id(&h, source_ids, out.len(), &mut used);
                    out.push(Heading {
                        id,
                        level: h.level as u8,
                        offset,
                    });
                }
            }
            _ => {}
        }
    }
    out
}

pub(crate) struct HeadingState<'a> {
    pub(crate) level: HeadingLevel,
    pub(crate) explicit: Option<String>,
    pub(crate) text: String,
    pub(crate) inner: Vec<Event<'a>>,
}

pub(crate) fn pick_id(
    h: &HeadingState,
    source_ids: Option<&[String]>,
    index: usize,
    used: &mut HashSet<String>,
) -> String {
    let wanted = h
        .explicit
        .clone()
        .or_else(|| source_ids.and_then(|ids| ids.get(index).cloned()))
        .unwrap_or_else(|| slugify(&h.text));
    let mut id = wanted.clone();
    let mut n = 1;
    while !used.insert(id.clone()) {
        id = format!("{wanted}-{n}");
        n += 1;
    }
    id
}

/// True for URLs with a scheme (`https:`, `mailto:`) or protocol-relative ones.
pub fn is_external(url: &str) -> bool {
    url.starts_with("//")
        || url.split_once(':').is_some_and(|(scheme, _)| {
            !scheme.is_empty()
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
        })
}

/// A heading's id from its text: lowercase letters and digits (any script), hyphens between words.
pub fn slugify(text: &str) -> String {
    let mut slug = String::with_capacity(text.len());
    let mut hyphen = false;
    for c in text.chars() {
        if c.is_alphanumeric() {
            if hyphen && !slug.is_empty() {
                slug.push('-');
            }
            hyphen = false;
            slug.extend(c.to_lowercase());
        } else if c.is_whitespace() || c == '-' || c == '_' || c == '.' || c == '/' {
            hyphen = true;
        }
    }
    if slug.is_empty() {
        slug.push_str("section");
    }
    slug
}

pub fn escape_attr(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    escape_attr_into(&mut out, s);
    out
}

/// [`escape_attr`], appended to `out`: the text between special characters is copied whole.
pub fn escape_attr_into(out: &mut String, s: &str) {
    let mut rest = s;
    while let Some(i) = rest.find(['&', '<', '>', '"', '\'']) {
        out.push_str(&rest[..i]);
        out.push_str(match rest.as_bytes()[i] {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            _ => "&#39;",
        });
        rest = &rest[i + 1..];
    }
    out.push_str(rest);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_keep_non_latin_letters() {
        assert_eq!(
            slugify("Device requirements (v2)"),
            "device-requirements-v2"
        );
        assert_eq!(slugify("日本語 見出し"), "日本語-見出し");
        assert_eq!(slugify("!!!"), "section");
    }
}
