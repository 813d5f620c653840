//! Markdown to HTML, with heading ids that are the same in every language.
//!
//! A source chapter's headings get ids from their text (or an explicit `{#id}`). A translated
//! chapter is rendered with the source's ids, matched by position, so that `#anchor` links and
//! the language switcher land on the same section whatever the language.

use super::requirements::Requirement;
use super::{HeadingState, MAX_NESTING, escape_attr, is_external, options, pick_id};
use crate::bcp14::{Level, Table};
use pulldown_cmark::{BlockQuoteKind, CowStr, Event, LinkType, Parser, Tag, TagEnd};
use std::collections::{HashSet, VecDeque};

/// The titles of GFM alerts in the reader's language: note, tip, important, warning, caution.
#[derive(Debug, Clone, Default)]
pub struct AlertTitles(pub [String; 5]);

#[derive(Debug, Clone, Default)]
pub struct Input<'a> {
    pub markdown: &'a str,
    /// Ids of the source chapter's headings, in order; `None` when rendering the source itself.
    pub source_ids: Option<&'a [String]>,
    pub alerts: Option<&'a AlertTitles>,
    /// HTML to put right after the heading (or a requirement's label) with a given id: the
    /// marks on outdated sections and requirements.
    pub marks: Option<&'a std::collections::BTreeMap<String, String>>,
    /// In a document that has requirements: how to find and show them. The chapter's
    /// requirements are shown with their IDs, levels and keywords, and listed in
    /// [`Rendered::requirements`].
    pub bcp14: Option<&'a Bcp14<'a>>,
    /// Whether to list the chapter's blocks in [`Rendered::blocks`] (for comparing versions).
    pub blocks: bool,
    /// How the chapter's sections are numbered, as the PDF numbers them; `None`: not at all.
    pub numbers: Option<Numbers>,
    /// How captions name tables and figures in the reader's language.
    pub captions: Option<&'a Captions>,
}

/// The labels of numbered captions, with `{number}` where the number goes: `Table {number}`
/// and `Figure {number}` in English.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Captions {
    pub table: String,
    pub figure: String,
}

impl Default for Captions {
    fn default() -> Self {
        Captions {
            table: "Table {number}".into(),
            figure: "Figure {number}".into(),
        }
    }
}

impl Captions {
    /// "Table 2" or "Figure 2" (not `table`) for the `n`th of a chapter (from 1) whose sections
    /// are numbered as `numbers` says.
    pub fn label(&self, table: bool, numbers: Option<Numbers>, n: usize) -> String {
        let pattern = if table { &self.table } else { &self.figure };
        pattern.replace("{number}", &caption_number(numbers, n))
    }
}

/// What marks a paragraph as the caption of the table right after it (as in Pandoc).
pub const TABLE_CAPTION: &str = "Table:";

/// The number of a chapter's `n`th table or figure (from 1): `n`, or `3.n` in chapter 3 of a
/// document of several chapters, as its sections are numbered.
fn caption_number(numbers: Option<Numbers>, n: usize) -> String {
    match numbers {
        Some(Numbers::Chapter(c)) => format!("{c}.{n}"),
        _ => n.to_string(),
    }
}

/// Section numbers, the same on the web and in the PDF, so that "§ 3.2" means one section
/// wherever it is read. Three levels are numbered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Numbers {
    /// Chapter `n` (from 1) of a document of several: its level-1 heading is `n`, then `n.1`
    /// and `n.1.1`.
    Chapter(usize),
    /// The one chapter of a document: its level-1 heading (the title) has no number, and its
    /// sections are `1`, `1.1` and `1.1.1`.
    Single,
}

impl Numbers {
    /// The number of a heading of `level`, given how many headings of each level 1 to 4 the
    /// chapter has had so far, this one included.
    pub fn of(self, level: u8, counts: &[usize; 4]) -> Option<String> {
        let parts: &[usize] = match (self, level) {
            (Numbers::Chapter(n), 1) => return Some(n.to_string()),
            (Numbers::Chapter(_), 2..=3) => &counts[1..usize::from(level)],
            (Numbers::Single, 2..=4) => &counts[1..usize::from(level)],
            _ => return None,
        };
        let mut out = match self {
            Numbers::Chapter(n) => n.to_string(),
            Numbers::Single => String::new(),
        };
        for p in parts {
            if !out.is_empty() {
                out.push('.');
            }
            out.push_str(&p.to_string());
        }
        Some(out)
    }
}

/// What the HTML shows of a chapter's requirements and keywords.
#[derive(Debug, Clone)]
pub struct Bcp14<'a> {
    /// The keywords of the chapter's language.
    pub table: &'a Table,
    /// How a keyword of each level is explained to the reader (in [`Level::ALL`]'s order),
    /// in the reader's language: the keyword's `title`.
    pub explained: &'a [String; 5],
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct TocEntry {
    pub level: u8,
    pub id: String,
    pub text: String,
    /// Its section number (empty when the chapter's sections are not numbered).
    pub number: String,
}

/// A link or image found in the text, for checks and asset copying.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reference {
    pub url: String,
    pub is_image: bool,
    /// Byte offset in the Markdown.
    pub offset: usize,
}

#[derive(Debug, Clone, Default)]
pub struct Rendered {
    /// Shared with the pages that show it ([`super::Page`]), which write it from here.
    pub html: std::sync::Arc<String>,
    /// The text of the first level-1 heading, if the chapter starts with one.
    pub title: Option<String>,
    /// Every heading's id, in order (level 1 included).
    pub heading_ids: Vec<String>,
    /// Level 2 and 3 headings, for the table of contents.
    pub toc: Vec<TocEntry>,
    pub references: Vec<Reference>,
    /// Ids of footnote definitions, which are anchors too.
    pub footnote_ids: Vec<String>,
    /// Whether the Markdown contains raw HTML (other than comments).
    pub has_raw_html: bool,
    /// Where lists and block quotes first nest deeper than [`MAX_NESTING`], if they do.
    pub too_deep: Option<usize>,
    /// Its requirements, and the keywords outside them (with [`Input::bcp14`] only).
    pub requirements: Vec<Requirement>,
    pub stray_keywords: Vec<super::requirements::Stray>,
    /// Its blocks (with [`Input::blocks`] only), read in the same pass as its requirements.
    pub blocks: Vec<super::blocks::Block>,
    /// Its numbered captions, in order.
    pub captions: Vec<Caption>,
    /// Where each table without a caption starts in the Markdown.
    pub uncaptioned_tables: Vec<usize>,
}

/// A numbered caption: of a table (a `Table:` paragraph) or of a figure (an image with a
/// title), and where it starts in the Markdown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Caption {
    pub table: bool,
    pub offset: usize,
}

impl Rendered {
    /// Every anchor of the page: its headings, footnotes and requirements.
    pub fn anchors(&self) -> impl Iterator<Item = &str> {
        self.heading_ids
            .iter()
            .chain(&self.footnote_ids)
            .map(String::as_str)
            .chain(self.requirements.iter().map(|r| r.id.as_str()))
    }
}

pub fn render(input: &Input) -> Rendered {
    let mut out = Rendered::default();
    let mut html = String::with_capacity(input.markdown.len() * 3 / 2);
    let extracted = (input.bcp14.is_some() || input.blocks).then(|| {
        super::requirements::extract(
            input.markdown,
            input.bcp14.map(|b| b.table),
            input.source_ids,
        )
    });
    let stream = Stream {
        input,
        found: extracted
            .as_ref()
            .filter(|_| input.bcp14.is_some())
            .map_or(&[], |x| x.requirements.as_slice()),
        events: Parser::new_ext(input.markdown, options()).into_offset_iter(),
        out: &mut out,
        pending: VecDeque::new(),
        footnotes: Vec::new(),
        in_footnote: false,
        heading: None,
        used_ids: HashSet::new(),
        heading_index: 0,
        counts: [0; 4],
        finished: false,
        depth: 0,
        next_requirement: 0,
        requirement: None,
        task_label: false,
        held: None,
        replay: VecDeque::new(),
        tables: 0,
        figures: 0,
        caption: None,
    };
    // The events go to the HTML writer as they are parsed, not through a list of them all.
    pulldown_cmark::html::push_html(&mut html, stream);
    out.html = std::sync::Arc::new(html);
    if let Some(x) = extracted {
        if input.bcp14.is_some() {
            out.requirements = x.requirements;
            out.stray_keywords = x.stray;
        }
        if input.blocks {
            out.blocks = x.blocks;
        }
    }
    out
}

/// The parser's events as bcop writes them: headings with ids and anchors, tables wrapped,
/// alerts titled, footnotes moved to the end. Headings, links and footnotes are noted in `out`
/// on the way.
struct Stream<'i, 'o, I> {
    input: &'i Input<'i>,
    /// The chapter's requirements, in order.
    found: &'i [Requirement],
    events: I,
    out: &'o mut Rendered,
    /// Events made from one parser event, waiting to be handed on.
    pending: VecDeque<Event<'i>>,
    footnotes: Vec<Event<'i>>,
    in_footnote: bool,
    heading: Option<HeadingState<'i>>,
    used_ids: HashSet<String>,
    heading_index: usize,
    /// How many headings of levels 1 to 4 there have been, for section numbers.
    counts: [usize; 4],
    finished: bool,
    /// How many lists and block quotes are open.
    depth: usize,
    /// The index of the next requirement to come, and the one being written.
    next_requirement: usize,
    requirement: Option<&'i Requirement>,
    /// A task's checkbox is open in a `<label>` with the item's text; the event that ends the
    /// text waits here while `</label>` goes out.
    task_label: bool,
    held: Option<(Event<'i>, std::ops::Range<usize>)>,
    /// Parser events read ahead (to find captions), to be taken before the parser's next.
    replay: VecDeque<(Event<'i>, std::ops::Range<usize>)>,
    /// How many tables and figures have captions so far.
    tables: usize,
    figures: usize,
    /// The caption of the table that comes next: its paragraph's inline events.
    caption: Option<Vec<Event<'i>>>,
}

impl<'i, I: Iterator<Item = (Event<'i>, std::ops::Range<usize>)>> Iterator for Stream<'i, '_, I> {
    type Item = Event<'i>;

    fn next(&mut self) -> Option<Event<'i>> {
        loop {
            if let Some(e) = self.pending.pop_front() {
                return Some(e);
            }
            if self.finished {
                return None;
            }
            match self.held.take().or_else(|| self.raw()) {
                Some((event, range)) => {
                    if self.task_label && !is_inline(&event) {
                        self.task_label = false;
                        self.held = Some((event, range));
                        return Some(Event::InlineHtml("</label>".into()));
                    }
                    if matches!(event, Event::Start(Tag::Paragraph))
                        && self.heading.is_none()
                        && !self.in_footnote
                        && !self.is_requirement(range.start)
                        && self.caption()
                    {
                        continue;
                    }
                    if let Some(e) = self.take(event, range) {
                        return Some(e);
                    }
                }
                None => {
                    self.finished = true;
                    if !self.footnotes.is_empty() {
                        self.pending
                            .push_back(Event::Html("<section class=\"footnotes\">\n".into()));
                        self.pending.extend(self.footnotes.drain(..));
                        self.pending.push_back(Event::Html("</section>\n".into()));
                    }
                }
            }
        }
    }
}

impl<'i, I: Iterator<Item = (Event<'i>, std::ops::Range<usize>)>> Stream<'i, '_, I> {
    /// The next parser event: one read ahead first.
    fn raw(&mut self) -> Option<(Event<'i>, std::ops::Range<usize>)> {
        self.replay.pop_front().or_else(|| self.events.next())
    }

    /// At the start of a paragraph: whether it is a caption, which it takes in whole. A
    /// paragraph that starts with [`TABLE_CAPTION`] right before a table is the table's
    /// caption (kept for the table); an image alone in its paragraph with a title is a figure,
    /// numbered and captioned with its title. Anything else is put back to be read again.
    fn caption(&mut self) -> bool {
        let Some(first) = self.raw() else {
            return false;
        };
        let table = matches!(&first.0, Event::Text(t) if t.starts_with(TABLE_CAPTION));
        let figure =
            matches!(&first.0, Event::Start(Tag::Image { title, .. }) if !title.trim().is_empty());
        if !table && !figure {
            self.replay.push_front(first);
            return false;
        }
        // A paragraph holds inline events only: read to its end.
        let mut inline = vec![first];
        loop {
            match self.raw() {
                Some((Event::End(TagEnd::Paragraph), _)) => break,
                Some(e) => inline.push(e),
                None => break,
            }
        }
        let end = inline.last().map_or(0, |e| e.1.end);
        let caption_start = inline[0].1.start;
        let paragraph_end = (Event::End(TagEnd::Paragraph), end..end);
        if table {
            let next = self.raw();
            if let Some(next @ (Event::Start(Tag::Table(_)), _)) = next {
                let mut events = Vec::with_capacity(inline.len());
                for (i, (event, range)) in inline.into_iter().enumerate() {
                    self.note(&event, range.start);
                    let event = match event {
                        Event::Text(t) if i == 0 => {
                            let rest = t[TABLE_CAPTION.len()..].trim_start().to_string();
                            Event::Text(rest.into())
                        }
                        e => rewrite_link(e),
                    };
                    events.push(event);
                }
                self.caption = Some(events);
                self.out.captions.push(Caption {
                    table: true,
                    offset: caption_start,
                });
                self.replay.push_front(next);
                return true;
            }
            self.replay.extend(inline);
            self.replay.push_back(paragraph_end);
            self.replay.extend(next);
            return false;
        }
        // A figure: the image and nothing but white space after it.
        let image_end = inline
            .iter()
            .position(|(e, _)| matches!(e, Event::End(TagEnd::Image)));
        let alone = image_end.is_some_and(|j| {
            inline[j + 1..].iter().all(|(e, _)| {
                matches!(e, Event::SoftBreak) || matches!(e, Event::Text(t) if t.trim().is_empty())
            })
        });
        if !alone {
            self.replay.extend(inline);
            self.replay.push_back(paragraph_end);
            return false;
        }
        self.figures += 1;
        self.out.captions.push(Caption {
            table: false,
            offset: caption_start,
        });
        let label = self.label(false, self.figures);
        let mut title = String::new();
        self.pending
            .push_back(Event::Html("<figure class=\"figure\">".into()));
        for (i, (event, range)) in inline.into_iter().enumerate() {
            if image_end.is_some_and(|j| i > j) {
                break;
            }
            self.note(&event, range.start);
            let event = match event {
                Event::Start(Tag::Image {
                    link_type,
                    dest_url,
                    title: t,
                    id,
                }) => {
                    // The caption says it: a title would say it again to screen readers.
                    title = t.trim().to_string();
                    Event::Start(Tag::Image {
                        link_type,
                        dest_url,
                        title: "".into(),
                        id,
                    })
                }
                e => rewrite_link(e),
            };
            self.pending.push_back(event);
        }
        self.pending.push_back(Event::Html(
            [
                "<figcaption><span class=\"caption-number\">",
                &escape_attr(&label),
                "</span> ",
                &escape_attr(&title),
                "</figcaption></figure>\n",
            ]
            .concat()
            .into(),
        ));
        true
    }
}

impl<'i, I> Stream<'i, '_, I> {
    /// Whether the paragraph that starts at `start` is the next requirement.
    fn is_requirement(&self, start: usize) -> bool {
        self.found
            .get(self.next_requirement)
            .is_some_and(|r| r.block.start == start && !r.item)
    }

    /// "Table 2" or "Figure 2" (`figure`), numbered as the chapter's sections are.
    fn label(&self, table: bool, n: usize) -> String {
        let default = Captions::default();
        let captions = self.input.captions.unwrap_or(&default);
        captions.label(table, self.input.numbers, n)
    }

    /// Notes what the rest of bcop needs from an event: links and images (with their
    /// offsets), raw HTML, and how deep lists and block quotes nest.
    fn note(&mut self, event: &Event<'i>, start: usize) {
        let out = &mut *self.out;
        match event {
            Event::Start(Tag::Link { dest_url, .. }) => out.references.push(Reference {
                url: dest_url.to_string(),
                is_image: false,
                offset: start,
            }),
            Event::Start(Tag::Image { dest_url, .. }) => out.references.push(Reference {
                url: dest_url.to_string(),
                is_image: true,
                offset: start,
            }),
            Event::Html(h) | Event::InlineHtml(h) if !h.trim_start().starts_with("<!--") => {
                out.has_raw_html = true;
            }
            Event::Start(Tag::List(_) | Tag::BlockQuote(_)) => {
                self.depth += 1;
                if self.depth > MAX_NESTING && out.too_deep.is_none() {
                    out.too_deep = Some(start);
                }
            }
            Event::End(TagEnd::List(_) | TagEnd::BlockQuote(_)) => {
                self.depth = self.depth.saturating_sub(1);
            }
            _ => {}
        }
    }

    /// Handles one parser event: returns it (or what replaces it) when it is the only event to
    /// hand on, and queues anything more in `pending`.
    fn take(&mut self, event: Event<'i>, range: std::ops::Range<usize>) -> Option<Event<'i>> {
        self.note(&event, range.start);
        let out = &mut *self.out;
        let event = rewrite_link(event);
        match event {
            Event::Start(Tag::Heading { level, id, .. }) => {
                self.heading = Some(HeadingState {
                    level,
                    explicit: id.map(|s| s.to_string()),
                    text: String::new(),
                    inner: Vec::new(),
                });
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some(h) = self.heading.take() {
                    let id = pick_id(
                        &h,
                        self.input.source_ids,
                        self.heading_index,
                        &mut self.used_ids,
                    );
                    self.heading_index += 1;
                    let level = usize::from(h.level as u8);
                    if level <= 4 {
                        self.counts[level - 1] += 1;
                        self.counts[level..].iter_mut().for_each(|c| *c = 0);
                    }
                    let number = self
                        .input
                        .numbers
                        .and_then(|n| n.of(h.level as u8, &self.counts));
                    let mark = self.input.marks.and_then(|m| m.get(&id)).cloned();
                    emit_heading(h, id, number, out, &mut self.pending);
                    if let Some(mark) = mark {
                        self.pending.push_back(Event::Html(mark.into()));
                    }
                }
            }
            e if self.heading.is_some() => {
                if let Some(h) = self.heading.as_mut() {
                    if let Event::Text(t) | Event::Code(t) = &e {
                        h.text.push_str(t);
                    }
                    h.inner.push(e);
                }
            }
            Event::Start(Tag::FootnoteDefinition(ref name)) => {
                out.footnote_ids.push(name.to_string());
                self.in_footnote = true;
                self.footnotes.push(event);
            }
            Event::End(TagEnd::FootnoteDefinition) => {
                self.in_footnote = false;
                self.footnotes.push(event);
            }
            e if self.in_footnote => self.footnotes.push(e),
            Event::Start(Tag::BlockQuote(Some(kind))) => {
                return Some(Event::Html(alert_open(kind, self.input.alerts).into()));
            }
            Event::End(TagEnd::BlockQuote(Some(_))) => return Some(Event::Html("</div>\n".into())),
            Event::Start(Tag::Table(_)) => {
                self.pending.push_back(Event::Html(
                    "<div class=\"table-wrap\" tabindex=\"0\">".into(),
                ));
                self.pending.push_back(event);
                if self.caption.is_none() && !self.in_footnote {
                    self.out.uncaptioned_tables.push(range.start);
                }
                if let Some(caption) = self.caption.take() {
                    self.tables += 1;
                    let label = self.label(true, self.tables);
                    self.pending.push_back(Event::Html(
                        [
                            "<caption><span class=\"caption-number\">",
                            &escape_attr(&label),
                            "</span> ",
                        ]
                        .concat()
                        .into(),
                    ));
                    self.pending.extend(caption);
                    self.pending.push_back(Event::Html("</caption>".into()));
                }
            }
            Event::End(TagEnd::Table) => {
                self.pending.push_back(event);
                self.pending.push_back(Event::Html("</div>\n".into()));
            }
            // The item's text labels the checkbox, for screen readers.
            Event::TaskListMarker(done) => {
                self.task_label = true;
                let checked = if done { " checked=\"\"" } else { "" };
                let input = format!("<label><input disabled=\"\" type=\"checkbox\"{checked}/>\n");
                return Some(Event::InlineHtml(input.into()));
            }
            e => return self.pass(e, range),
        }
        None
    }

    /// An event that goes to the writer as it is, unless it belongs to a requirement: then the
    /// block opens with the ID as its anchor and label, the marker is left out, and keywords
    /// carry their level.
    fn pass(&mut self, event: Event<'i>, range: std::ops::Range<usize>) -> Option<Event<'i>> {
        let Some(bcp14) = self.input.bcp14 else {
            return Some(event);
        };
        match &event {
            Event::Start(Tag::Paragraph | Tag::Item) => {
                let item = matches!(event, Event::Start(Tag::Item));
                let Some(r) = self
                    .found
                    .get(self.next_requirement)
                    .filter(|r| r.block.start == range.start && r.item == item)
                else {
                    return Some(event);
                };
                self.next_requirement += 1;
                self.requirement = Some(r);
                let mark = self.input.marks.and_then(|m| m.get(&r.id));
                Some(Event::Html(open_requirement(r, item, mark).into()))
            }
            Event::End(TagEnd::Paragraph | TagEnd::Item) => {
                if self.requirement.is_some_and(|r| r.block.end <= range.end) {
                    self.requirement = None;
                }
                Some(event)
            }
            Event::Text(text) => {
                let Some(r) = self.requirement else {
                    return Some(event);
                };
                // The marker ` {#ID}` is not shown.
                let text: &str = if range.start >= r.marker.start {
                    return None;
                } else if range.end > r.marker.start && text.len() == range.len() {
                    &text[..r.marker.start - range.start]
                } else {
                    text
                };
                let text = text.to_string();
                self.keywords(&text, bcp14);
                self.pending.pop_front()
            }
            _ => Some(event),
        }
    }

    /// Queues `text` with each keyword in it wrapped in its level.
    fn keywords(&mut self, text: &str, bcp14: &Bcp14) {
        let mut last = 0;
        for f in bcp14.table.find(text) {
            if f.start > last {
                self.pending
                    .push_back(Event::Text(text[last..f.start].to_string().into()));
            }
            let i = Level::ALL.iter().position(|l| *l == f.level).unwrap_or(0);
            self.pending.push_back(Event::Html(
                [
                    "<em class=\"bcp14 bcp14-",
                    f.level.name(),
                    "\" title=\"",
                    &escape_attr(&bcp14.explained[i]),
                    "\">",
                    &escape_attr(&text[f.start..f.end]),
                    "</em>",
                ]
                .concat()
                .into(),
            ));
            last = f.end;
        }
        if last < text.len() || last == 0 {
            self.pending
                .push_back(Event::Text(text[last..].to_string().into()));
        }
    }
}

/// The start of a requirement's paragraph or list item: its ID as anchor and visible label,
/// its level as a class, and its mark when a translation of it is outdated.
fn open_requirement(r: &Requirement, item: bool, mark: Option<&String>) -> String {
    let id = escape_attr(&r.id);
    let level = r.level.map_or("none", Level::name);
    [
        if item { "<li" } else { "<p" },
        " id=\"",
        &id,
        "\" class=\"req req-",
        level,
        "\"><a class=\"req-id\" href=\"#",
        &id,
        "\">",
        &id,
        "</a> ",
        mark.map_or("", String::as_str),
    ]
    .concat()
}

fn emit_heading<'a>(
    h: HeadingState<'a>,
    id: String,
    number: Option<String>,
    out: &mut Rendered,
    events: &mut VecDeque<Event<'a>>,
) {
    let level = h.level as u8;
    let text = h.text.trim().to_string();
    if level == 1 && out.title.is_none() && out.heading_ids.is_empty() {
        out.title = Some(text.clone());
    }
    if level == 2 || level == 3 {
        out.toc.push(TocEntry {
            level,
            id: id.clone(),
            text,
            number: number.clone().unwrap_or_default(),
        });
    }
    let escaped = escape_attr(&id);
    // Joined rather than formatted: every heading of every page comes through here.
    let digit = ["0", "1", "2", "3", "4", "5", "6"][usize::from(level).min(6)];
    let open = ["<h", digit, " id=\"", &escaped, "\">"].concat();
    events.push_back(Event::Html(match number {
        Some(n) => [&open, "<span class=\"secno\">", &n, "</span> "]
            .concat()
            .into(),
        None => open.into(),
    }));
    events.extend(h.inner);
    events.push_back(Event::Html(
        [
            "<a class=\"anchor\" href=\"#",
            &escaped,
            "\" aria-hidden=\"true\" tabindex=\"-1\">#</a></h",
            digit,
            ">\n",
        ]
        .concat()
        .into(),
    ));
    out.heading_ids.push(id);
}

fn alert_open(kind: BlockQuoteKind, titles: Option<&AlertTitles>) -> String {
    let (class, i) = match kind {
        BlockQuoteKind::Note => ("note", 0),
        BlockQuoteKind::Tip => ("tip", 1),
        BlockQuoteKind::Important => ("important", 2),
        BlockQuoteKind::Warning => ("warning", 3),
        BlockQuoteKind::Caution => ("caution", 4),
    };
    let title = titles.map_or(class, |t| t.0[i].as_str());
    format!(
        "<div class=\"alert alert-{class}\" role=\"note\"><p class=\"alert-title\">{}</p>\n",
        escape_attr(title)
    )
}

/// Whether an event belongs to the text of a block, rather than starting or ending one.
fn is_inline(event: &Event) -> bool {
    match event {
        Event::Start(t) => matches!(
            t,
            Tag::Emphasis
                | Tag::Strong
                | Tag::Strikethrough
                | Tag::Superscript
                | Tag::Subscript
                | Tag::Link { .. }
                | Tag::Image { .. }
        ),
        Event::End(t) => matches!(
            t,
            TagEnd::Emphasis
                | TagEnd::Strong
                | TagEnd::Strikethrough
                | TagEnd::Superscript
                | TagEnd::Subscript
                | TagEnd::Link
                | TagEnd::Image
        ),
        Event::Html(_) | Event::Rule => false,
        _ => true,
    }
}

/// `chapter.md#x` becomes `chapter.html#x`, so that links between source files work in the
/// built site. Absolute URLs and other files are left alone.
fn rewrite_link(event: Event) -> Event {
    match event {
        Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        }) if link_type != LinkType::Email => Event::Start(Tag::Link {
            link_type,
            dest_url: md_to_html(dest_url),
            title,
            id,
        }),
        e => e,
    }
}

fn md_to_html(url: CowStr) -> CowStr {
    if is_external(&url) {
        return url;
    }
    let (path, fragment) = url
        .split_once('#')
        .map_or((&*url, None), |(p, f)| (p, Some(f)));
    match path.strip_suffix(".md") {
        Some(stem) => match fragment {
            Some(f) => format!("{stem}.html#{f}").into(),
            None => format!("{stem}.html").into(),
        },
        None => url,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn html(md: &str) -> String {
        render(&Input {
            markdown: md,
            ..Input::default()
        })
        .html
        .to_string()
    }

    #[test]
    fn headings_get_slug_ids_and_explicit_ids_win() {
        let r = render(&Input {
            markdown: "# Title\n\n## Scope and terms\n\n## Reporting {#reporting}\n\n## Scope and terms\n",
            ..Input::default()
        });
        assert_eq!(r.title.as_deref(), Some("Title"));
        assert_eq!(
            r.heading_ids,
            ["title", "scope-and-terms", "reporting", "scope-and-terms-1"]
        );
        assert_eq!(r.toc.len(), 3);
        assert!(
            r.html
                .contains("<h2 id=\"reporting\">Reporting<a class=\"anchor\"")
        );
    }

    #[test]
    fn translated_headings_keep_the_source_ids_by_position() {
        let ids = vec!["intro".to_string(), "scope".to_string(), "own".to_string()];
        let r = render(&Input {
            markdown: "# はじめに\n\n## 適用範囲\n\n## 独自 {#own}\n\n## 追加\n",
            source_ids: Some(&ids),
            ..Input::default()
        });
        assert_eq!(r.heading_ids, ["intro", "scope", "own", "追加"]);
        assert_eq!(r.title.as_deref(), Some("はじめに"));
    }

    #[test]
    fn links_to_markdown_files_point_to_pages() {
        let h = html("[a](02-x.md#y) [b](../../d/1.0/index.md) [c](https://e.org/x.md) [d](#z)");
        assert!(h.contains("href=\"02-x.html#y\""));
        assert!(h.contains("href=\"../../d/1.0/index.html\""));
        assert!(h.contains("href=\"https://e.org/x.md\""));
        assert!(h.contains("href=\"#z\""));
    }

    #[test]
    fn gfm_extensions_render() {
        let h = html(
            "| a | b |\n|---|---|\n| 1 | 2 |\n\n~~old~~ text[^n]\n\n- [x] done\n\n> [!WARNING]\n> Careful\n\n[^n]: A note.\n",
        );
        assert!(h.contains("<div class=\"table-wrap\" tabindex=\"0\"><table>"));
        assert!(h.contains("<del>old</del>"));
        assert!(h.contains("type=\"checkbox\""));
        assert!(h.contains(
            "<li><label><input disabled=\"\" type=\"checkbox\" checked=\"\"/>\ndone</label></li>"
        ));
        assert!(h.contains(
            "<div class=\"alert alert-warning\" role=\"note\"><p class=\"alert-title\">warning</p>"
        ));
        let foot = h
            .find("<section class=\"footnotes\">")
            .expect("footnotes section");
        assert!(h[foot..].contains("A note."));
    }

    #[test]
    fn sections_are_numbered_by_chapter_or_from_one_in_a_single_chapter_document() {
        let md = "# Title\n\n## A\n\n### A.a\n\n#### deep\n\n## B\n\n### B.a\n";
        let numbers = |n| {
            let r = render(&Input {
                markdown: md,
                numbers: Some(n),
                ..Default::default()
            });
            let html = r.html.to_string();
            let shown: Vec<String> = html
                .split("<span class=\"secno\">")
                .skip(1)
                .map(|s| s[..s.find('<').unwrap_or(0)].to_string())
                .collect();
            let toc: Vec<String> = r.toc.iter().map(|t| t.number.clone()).collect();
            (shown, toc)
        };
        let (shown, toc) = numbers(Numbers::Chapter(3));
        assert_eq!(shown, ["3", "3.1", "3.1.1", "3.2", "3.2.1"]);
        assert_eq!(toc, ["3.1", "3.1.1", "3.2", "3.2.1"]);
        let (shown, toc) = numbers(Numbers::Single);
        assert_eq!(shown, ["1", "1.1", "1.1.1", "2", "2.1"]);
        assert_eq!(toc, ["1", "1.1", "2", "2.1"]);
        let plain = render(&Input {
            markdown: md,
            ..Default::default()
        });
        assert!(!plain.html.contains("secno"));
        assert!(plain.html.contains("<h2 id=\"a\">A<a class=\"anchor\""));
    }

    #[test]
    fn a_tasks_checkbox_is_labelled_by_the_text_before_its_nested_list() {
        let tight = html("- [ ] ship *it* now\n  - sub\n");
        assert!(
            tight.contains(
                "<label><input disabled=\"\" type=\"checkbox\"/>\nship <em>it</em> now</label>\n<ul>"
            ),
            "{tight}"
        );
        let loose = html("- [ ] first\n\n  more\n\n- [x] second\n");
        assert!(
            loose.contains(
                "<p><label><input disabled=\"\" type=\"checkbox\"/>\nfirst</label></p>\n<p>more</p>"
            ),
            "{loose}"
        );
        assert_eq!(
            loose.matches("<label>").count(),
            loose.matches("</label>").count()
        );
    }

    #[test]
    fn tables_and_figures_with_captions_are_numbered() {
        let md = "Table: Response *times*\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n\
                  Table: no table follows\n\n\
                  ![Flow of a report](flow.svg \"Lifecycle of a report\")\n\n\
                  An ![icon](i.svg \"inline\") in a line.\n\n\
                  ![untitled](u.svg)\n\n\
                  Table: Second\n\n| c |\n|---|\n| 3 |\n";
        let captions = Captions {
            table: "Tableau {number}".into(),
            figure: "Figure {number}".into(),
        };
        let r = render(&Input {
            markdown: md,
            numbers: Some(Numbers::Chapter(3)),
            captions: Some(&captions),
            ..Input::default()
        });
        let h = r.html.as_str();
        assert!(
            h.contains("<table><caption><span class=\"caption-number\">Tableau 3.1</span> Response <em>times</em></caption><thead>"),
            "{h}"
        );
        assert!(
            h.contains(
                "<caption><span class=\"caption-number\">Tableau 3.2</span> Second</caption>"
            ),
            "{h}"
        );
        assert!(h.contains("<p>Table: no table follows</p>"), "{h}");
        assert!(
            h.contains("<figure class=\"figure\"><img src=\"flow.svg\" alt=\"Flow of a report\" /><figcaption><span class=\"caption-number\">Figure 3.1</span> Lifecycle of a report</figcaption></figure>"),
            "{h}"
        );
        // In a line, or without a title, an image is not a figure.
        assert!(h.contains("title=\"inline\""), "{h}");
        assert!(
            h.contains("<p><img src=\"u.svg\" alt=\"untitled\" /></p>"),
            "{h}"
        );
        assert_eq!(h.matches("<figure").count(), 1, "{h}");
        assert_eq!(r.references.iter().filter(|x| x.is_image).count(), 3);
        // One chapter: numbers from 1, and English by default.
        let single = html("Table: T\n\n| a |\n|---|\n| 1 |\n");
        assert!(
            single.contains("<span class=\"caption-number\">Table 1</span> T</caption>"),
            "{single}"
        );
    }

    #[test]
    fn references_are_collected_with_offsets() {
        let r = render(&Input {
            markdown: "text ![img](images/a.png) and [l](x.md)",
            ..Input::default()
        });
        assert_eq!(r.references.len(), 2);
        assert!(r.references[0].is_image);
        assert_eq!(r.references[0].offset, 5);
    }
}
