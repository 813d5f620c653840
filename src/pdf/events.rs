//! The Markdown events of one chapter, prepared for the converter in [`super::markup`],
//! and the small decisions about single events (alert kinds, code languages, HTML).

use std::collections::HashMap;
use std::ops::Range;

use pulldown_cmark::{BlockQuoteKind, CowStr, Event, Parser, Tag, TagEnd};

use crate::markdown::options;

pub(crate) type Spanned<'a> = (Event<'a>, Range<usize>);

/// The chapter's events, with runs of text merged (pulldown-cmark splits text at escapes,
/// and `1` + `. x` must be escaped as one), and footnote definitions taken out so that
/// they can be emitted where they are referenced.
pub(crate) fn collect(markdown: &str) -> (Vec<Spanned<'_>>, HashMap<String, Vec<Spanned<'_>>>) {
    let mut main = Vec::new();
    let mut footnotes = HashMap::new();
    let mut current: Option<(String, Vec<Spanned>)> = None;
    for (event, range) in Parser::new_ext(markdown, options()).into_offset_iter() {
        match event {
            Event::Start(Tag::FootnoteDefinition(name)) => {
                current = Some((name.to_lowercase(), Vec::new()));
            }
            Event::End(TagEnd::FootnoteDefinition) => {
                if let Some((name, events)) = current.take() {
                    footnotes.entry(name).or_insert(events);
                }
            }
            event => {
                let target = match current.as_mut() {
                    Some((_, events)) => events,
                    None => &mut main,
                };
                if let (Event::Text(t), Some((Event::Text(prev), prev_range))) =
                    (&event, target.last_mut())
                {
                    *prev = CowStr::from(format!("{prev}{t}"));
                    prev_range.end = range.end;
                } else {
                    target.push((event, range));
                }
            }
        }
    }
    (main, footnotes)
}

pub(crate) fn alert(kind: BlockQuoteKind) -> (&'static str, usize) {
    match kind {
        BlockQuoteKind::Note => ("note", 0),
        BlockQuoteKind::Tip => ("tip", 1),
        BlockQuoteKind::Important => ("important", 2),
        BlockQuoteKind::Warning => ("warning", 3),
        BlockQuoteKind::Caution => ("caution", 4),
    }
}

/// The language of a fenced block: the first word of its info string (`rust,ignore` → `rust`).
pub(crate) fn code_lang(info: &str) -> Option<String> {
    let lang = info.split([',', ' ', '\t', '{']).next()?.trim();
    (!lang.is_empty()).then(|| lang.to_string())
}

/// `<br>` is the one HTML tag with a meaning in print; other tags and comments are dropped.
pub(crate) fn is_line_break(html: &str) -> bool {
    let tag: String = html
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_lowercase();
    matches!(tag.as_str(), "<br>" | "<br/>")
}
