//! Markdown to Typst markup, by bcop's own converter.
//!
//! It walks the same pulldown-cmark events as the HTML renderer (same options), so a PDF
//! says what the web page says. Text always goes through [`escape`] and every construct
//! becomes an explicit call ending in `;` (`#emph[..];`), never markup shorthand such as
//! `*x*`, whose meaning would depend on the neighbouring characters.

use std::collections::{HashMap, HashSet};

use pulldown_cmark::{CodeBlockKind, Event, LinkType, Tag, TagEnd};

use super::assets::Assets;
use super::escape::{escape, string};
use super::events::{Spanned, alert, code_lang, collect, is_line_break};
use super::fonts::is_cjk;
use super::table::TableState;
use super::targets::Targets;
use super::{PdfChapter, location};
use crate::error::{Code, Diagnostic};
use crate::markdown::is_external;

/// One chapter as Typst markup.
pub(crate) struct Converted {
    pub markup: String,
    /// (offset in `markup`, offset in the Markdown), ascending: maps a Typst error back
    /// to the author's line.
    pub marks: Vec<(usize, usize)>,
    pub warnings: Vec<Diagnostic>,
}

pub(crate) fn convert(
    index: usize,
    chapter: &PdfChapter,
    targets: &Targets,
    assets: &mut Assets,
    strings: &super::PdfStrings,
) -> Converted {
    let (events, footnotes) = collect(&chapter.markdown);
    let mut c = Converter {
        index,
        chapter,
        targets,
        assets,
        alert_titles: &strings.alert_titles,
        captions: &strings.captions,
        footnotes,
        footnote_labels: HashMap::new(),
        open_footnotes: HashSet::new(),
        out: String::with_capacity(chapter.markdown.len() * 3 / 2),
        marks: Vec::new(),
        warnings: Vec::new(),
        closers: Vec::new(),
        tables: Vec::new(),
        capture: None,
        heading_label: None,
        pending_break: false,
        last_char: None,
        next_requirement: 0,
        requirement: None,
        headings: 0,
        outdated: None,
        caption_start: None,
        strip_caption: false,
        table_caption: None,
        table_count: 0,
        figure_count: 0,
    };
    if let Some(label) = targets.chapters.get(index).and_then(|t| t.title.as_ref()) {
        c.out.push_str(&format!(
            "#heading(level: 1)[{}];#label({});\n\n",
            escape(&chapter.title),
            string(label)
        ));
    }
    c.run(&events);
    Converted {
        markup: c.out,
        marks: c.marks,
        warnings: c.warnings,
    }
}

enum Capture {
    Code {
        lang: Option<String>,
        text: String,
    },
    Image {
        url: String,
        offset: usize,
        block: bool,
        alt: String,
        title: String,
    },
    Skip,
}

struct Converter<'a, 'b> {
    index: usize,
    chapter: &'b PdfChapter,
    targets: &'b Targets,
    assets: &'b mut Assets,
    alert_titles: &'b [String; 5],
    captions: &'b crate::markdown::Captions,
    footnotes: HashMap<String, Vec<Spanned<'a>>>,
    footnote_labels: HashMap<String, String>,
    open_footnotes: HashSet<String>,
    out: String,
    marks: Vec<(usize, usize)>,
    warnings: Vec<Diagnostic>,
    /// What closes each open link: `];`, or nothing for a link that has no target here.
    closers: Vec<&'static str>,
    tables: Vec<TableState>,
    capture: Option<Capture>,
    heading_label: Option<String>,
    pending_break: bool,
    last_char: Option<char>,
    /// The index of the next requirement to come, and the one being written.
    next_requirement: usize,
    requirement: Option<usize>,
    /// How many headings of the Markdown have started, and the mark due after the open one.
    headings: usize,
    outdated: Option<&'b super::PdfOutdated>,
    /// In a table's caption paragraph: where its markup starts; whether its marker is still
    /// to be taken off its text; and the markup, once read, until the table starts.
    caption_start: Option<usize>,
    strip_caption: bool,
    table_caption: Option<String>,
    /// How many tables and figures have captions so far.
    table_count: usize,
    figure_count: usize,
}

impl<'a> Converter<'a, '_> {
    fn run(&mut self, events: &[Spanned<'a>]) {
        for i in 0..events.len() {
            self.event(events, i);
        }
    }

    fn event(&mut self, events: &[Spanned<'a>], i: usize) {
        let (event, range) = &events[i];
        if self.capture.is_some() {
            self.captured(event);
            return;
        }
        match event {
            Event::Start(tag) => self.start(tag, range.start, events, i),
            Event::End(tag) => self.end(*tag),
            Event::Text(t) if self.requirement.is_some() => self.requirement_text(t, range),
            Event::Text(t) | Event::InlineMath(t) | Event::DisplayMath(t) => self.text(t),
            Event::Code(t) => {
                self.measure(t);
                self.push(&format!("#raw({});", string(t)));
            }
            Event::Html(h) | Event::InlineHtml(h) if is_line_break(h) => self.push("#linebreak();"),
            Event::Html(_) | Event::InlineHtml(_) => {}
            Event::FootnoteReference(name) => self.footnote(name),
            Event::SoftBreak => self.pending_break = true,
            Event::HardBreak => self.push("#linebreak();\n"),
            Event::Rule => self.block("#bcop-rule();\n\n"),
            Event::TaskListMarker(done) => self.push(&format!("#bcop-task({done}); ")),
        }
    }

    fn start(&mut self, tag: &Tag<'a>, offset: usize, events: &[Spanned<'a>], i: usize) {
        if self.tables.is_empty() {
            self.marks.push((self.out.len(), offset));
        }
        match tag {
            Tag::Paragraph => {
                self.block("");
                self.requirement_start(offset, false);
                if self.requirement.is_none()
                    && self.tables.is_empty()
                    && is_table_caption(events, i)
                {
                    self.caption_start = Some(self.out.len());
                    self.strip_caption = true;
                }
            }
            Tag::Heading { level, .. } => {
                let labels = self.targets.chapters.get(self.index);
                self.heading_label = labels.and_then(|t| t.headings.get(&offset)).cloned();
                let id = self.chapter.heading_ids.get(self.headings);
                self.outdated = id.and_then(|id| self.chapter.outdated.get(id));
                self.headings += 1;
                self.block(&format!("#heading(level: {})[", *level as u8));
            }
            Tag::BlockQuote(None) => self.block("#quote(block: true)[\n"),
            Tag::BlockQuote(Some(kind)) => {
                let (name, n) = alert(*kind);
                let title = string(&self.alert_titles[n]);
                self.block(&format!("#bcop-alert({}, {title})[\n", string(name)));
            }
            Tag::CodeBlock(kind) => {
                let lang = match kind {
                    CodeBlockKind::Fenced(info) => code_lang(info),
                    CodeBlockKind::Indented => None,
                };
                self.capture = Some(Capture::Code {
                    lang,
                    text: String::new(),
                });
            }
            Tag::List(start) => self.list(*start, events, i),
            Tag::Item => {
                self.push("[");
                self.requirement_start(offset, true);
            }
            Tag::Table(alignments) => {
                self.block("");
                let mut table = TableState::new(alignments.clone());
                if let Some(markup) = self.table_caption.take() {
                    self.table_count += 1;
                    table.caption = Some((self.label(true, self.table_count), markup));
                }
                self.tables.push(table);
            }
            Tag::TableHead | Tag::TableRow | Tag::TableCell => self.table_part(tag),
            Tag::Emphasis => self.push("#emph["),
            Tag::Strong => self.push("#strong["),
            Tag::Strikethrough => self.push("#strike["),
            Tag::Superscript => self.push("#super["),
            Tag::Subscript => self.push("#sub["),
            Tag::Link {
                link_type,
                dest_url,
                ..
            } => self.link(*link_type, dest_url),
            Tag::Image {
                dest_url, title, ..
            } => {
                self.capture = Some(Capture::Image {
                    url: dest_url.to_string(),
                    offset,
                    block: alone_in_paragraph(events, i),
                    alt: String::new(),
                    title: title.trim().to_string(),
                });
            }
            Tag::MetadataBlock(_) => self.capture = Some(Capture::Skip),
            Tag::HtmlBlock
            | Tag::FootnoteDefinition(_)
            | Tag::DefinitionList
            | Tag::DefinitionListTitle
            | Tag::DefinitionListDefinition => {}
        }
    }

    /// A list: tight or loose, bullets or numbers, or checkboxes for a task list.
    fn list(&mut self, start: Option<u64>, events: &[Spanned<'a>], i: usize) {
        let tight = !matches!(events.get(i + 2), Some((Event::Start(Tag::Paragraph), _)));
        // A task list shows its checkboxes instead of bullets, as on the web.
        let tasks = events[i..events.len().min(i + 4)]
            .iter()
            .any(|(e, _)| matches!(e, Event::TaskListMarker(_)));
        let marker = if tasks { "marker: [], " } else { "" };
        match start {
            Some(n) => self.block(&format!("#enum(start: {n}, tight: {tight},\n")),
            None => self.block(&format!("#list({marker}tight: {tight},\n")),
        }
    }

    /// The start of a table's head, row or cell.
    fn table_part(&mut self, tag: &Tag<'a>) {
        if let Tag::TableCell = tag {
            let start = self.out.len();
            if let Some(t) = self.tables.last_mut() {
                t.cell_start = start;
            }
            self.last_char = None;
        } else if let Some(t) = self.tables.last_mut() {
            t.start_row(matches!(tag, Tag::TableHead));
        }
    }

    /// A requirement's paragraph or item starts with its ID as label and link target.
    fn requirement_start(&mut self, offset: usize, item: bool) {
        let reqs = &self.targets.chapters[self.index].requirements;
        let Some((r, label)) = reqs
            .get(self.next_requirement)
            .filter(|(r, _)| r.block.start == offset && r.item == item)
        else {
            return;
        };
        let level = r.level.map_or("none", crate::bcp14::Level::name);
        let markup = format!(
            "#bcop-req({}, {});#label({}); ",
            string(&r.id),
            string(level),
            string(label)
        );
        self.requirement = Some(self.next_requirement);
        self.next_requirement += 1;
        self.push(&markup);
    }

    /// Text in a requirement: without its marker, with its keywords set as keywords.
    fn requirement_text(&mut self, text: &str, range: &std::ops::Range<usize>) {
        let reqs = &self.targets.chapters[self.index].requirements;
        let Some((r, _)) = self.requirement.and_then(|i| reqs.get(i)) else {
            return self.text(text);
        };
        let marker = r.marker.start;
        if range.start >= marker {
            return;
        }
        let text = if range.end > marker && text.len() == range.len() {
            &text[..marker - range.start]
        } else {
            text
        };
        let Some(table) = &self.chapter.keywords else {
            return self.text(text);
        };
        let mut last = 0;
        for f in table.find(text) {
            if f.start > last {
                self.text(&text[last..f.start]);
            }
            self.push(&format!("#bcop-keyword({})[", string(f.level.name())));
            self.text(&text[f.start..f.end]);
            self.push("];");
            last = f.end;
        }
        if last < text.len() {
            self.text(&text[last..]);
        }
    }

    fn end(&mut self, tag: TagEnd) {
        if matches!(tag, TagEnd::Paragraph | TagEnd::Item) {
            self.requirement = None;
        }
        match tag {
            TagEnd::Paragraph => match self.caption_start.take() {
                Some(start) => {
                    let markup = self.out.split_off(start.min(self.out.len()));
                    self.table_caption = Some(markup.trim().to_string());
                }
                None => self.push("\n\n"),
            },
            TagEnd::Heading(_) => {
                self.push("]");
                if let Some(label) = self.heading_label.take() {
                    self.push(&format!(";#label({});", string(&label)));
                }
                self.push("\n\n");
                if let Some(o) = self.outdated.take() {
                    let (lang, region) = super::fonts::split_lang(&o.source_lang);
                    let region = region.map_or("none".to_string(), |r| string(&r));
                    self.push(&format!(
                        "#bcop-outdated(doc, {}, (title: {}, url: {}, lang: {}, region: {region}));\n\n",
                        string(&o.note),
                        string(&o.source_title),
                        string(&o.source_url),
                        string(&lang),
                    ));
                }
            }
            TagEnd::BlockQuote(_) => self.close_block("];\n\n"),
            TagEnd::List(_) => self.close_block(");\n\n"),
            TagEnd::Item => self.close_block("],\n"),
            TagEnd::TableCell => {
                let start = self.tables.last().map_or(self.out.len(), |t| t.cell_start);
                let cell = self.out.split_off(start.min(self.out.len()));
                if let Some(t) = self.tables.last_mut() {
                    t.add_cell(cell);
                }
            }
            TagEnd::Table => {
                if let Some(t) = self.tables.pop() {
                    self.push(&t.finish());
                }
            }
            TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Superscript
            | TagEnd::Subscript => self.push("];"),
            TagEnd::Link => {
                let closer = self.closers.pop().unwrap_or("");
                self.push(closer);
            }
            _ => {}
        }
    }

    /// Text inside a code block or an image's alt text is collected, not converted.
    fn captured(&mut self, event: &Event<'a>) {
        match (self.capture.as_mut(), event) {
            (Some(Capture::Code { text, .. }), Event::Text(t)) => text.push_str(t),
            (Some(Capture::Image { alt, .. }), Event::Text(t) | Event::Code(t)) => alt.push_str(t),
            (Some(Capture::Image { alt, .. }), Event::SoftBreak | Event::HardBreak) => {
                alt.push(' ')
            }
            (_, Event::End(TagEnd::CodeBlock | TagEnd::Image | TagEnd::MetadataBlock(_))) => {
                match self.capture.take() {
                    Some(Capture::Code { lang, text }) => self.code_block(lang, &text),
                    Some(Capture::Image {
                        url,
                        offset,
                        block,
                        alt,
                        title,
                    }) => self.image(&url, offset, block, &alt, &title),
                    _ => {}
                }
            }
            _ => {}
        }
    }

    fn code_block(&mut self, lang: Option<String>, text: &str) {
        let text = text.strip_suffix('\n').unwrap_or(text);
        let lang = lang.map_or(String::new(), |l| format!("lang: {}, ", string(&l)));
        self.block(&format!("#raw(block: true, {lang}{});\n\n", string(text)));
    }

    /// An image; one alone in its paragraph with a title is a numbered figure, captioned
    /// with the title.
    fn image(&mut self, url: &str, offset: usize, block: bool, alt: &str, title: &str) {
        let found = self.assets.resolve(&self.chapter.assets, url);
        let caption = if block && !title.is_empty() {
            self.figure_count += 1;
            format!(
                "(label: {}, body: {})",
                string(&self.label(false, self.figure_count)),
                string(title)
            )
        } else {
            "none".to_string()
        };
        match found {
            Ok(vpath) => self.push(&format!(
                "#bcop-image({}, alt: {}, block: {block}, caption: {caption});",
                string(&vpath),
                string(alt)
            )),
            Err(message) => {
                let at = location(self.chapter, offset);
                self.warnings.push(
                    Diagnostic::warning(Code::MissingImage, Some(at), message)
                        .with_help("the PDF shows a placeholder box with the path instead"),
                );
                self.push(&format!(
                    "#bcop-missing-image({}, block: {block}, caption: {caption});",
                    string(url)
                ));
            }
        }
    }

    fn link(&mut self, link_type: LinkType, url: &str) {
        let target = if link_type == LinkType::Email {
            Some(string(&format!("mailto:{url}")))
        } else if is_external(url) {
            Some(string(url))
        } else {
            // Links to pages outside this PDF cannot work in it; their text stays.
            self.targets
                .resolve(self.index, url)
                .map(|l| format!("label({})", string(l)))
        };
        match target {
            Some(target) => {
                self.push(&format!("#link({target})["));
                self.closers.push("];");
            }
            None => self.closers.push(""),
        }
    }

    fn footnote(&mut self, name: &str) {
        let key = name.to_lowercase();
        if let Some(label) = self.footnote_labels.get(&key) {
            // A second reference points at the same note instead of repeating it.
            let reference = format!("#footnote(label({}));", string(label));
            self.push(&reference);
            return;
        }
        let Some(events) = self.footnotes.get(&key).cloned() else {
            self.text(&format!("[^{name}]"));
            return;
        };
        if !self.open_footnotes.insert(key.clone()) {
            return;
        }
        let label = format!("f{}-{}", self.index, self.footnote_labels.len() + 1);
        self.footnote_labels.insert(key.clone(), label.clone());
        self.push("#footnote[");
        let pending = std::mem::take(&mut self.pending_break);
        // The note is not part of the requirement whose text refers to it; the requirement
        // goes on after it (its marker is still to be left out).
        let requirement = self.requirement.take();
        self.run(&events);
        self.requirement = requirement;
        self.pending_break = pending;
        self.close_block("");
        self.push(&format!("];#label({});", string(&label)));
        self.open_footnotes.remove(&key);
    }

    /// "Table 2" or "Figure 2" (`figure`), numbered as the web page numbers them.
    fn label(&self, table: bool, n: usize) -> String {
        let numbers = if self.targets.chapters.len() > 1 {
            crate::markdown::Numbers::Chapter(self.index + 1)
        } else {
            crate::markdown::Numbers::Single
        };
        self.captions.label(table, Some(numbers), n)
    }

    fn text(&mut self, text: &str) {
        let text = if std::mem::take(&mut self.strip_caption) {
            text.strip_prefix(crate::markdown::TABLE_CAPTION)
                .map_or(text, str::trim_start)
        } else {
            text
        };
        self.measure(text);
        if std::mem::take(&mut self.pending_break) {
            let joins_cjk =
                self.last_char.is_some_and(is_cjk) && text.chars().next().is_some_and(is_cjk);
            // A line break inside Japanese or Chinese text is not a space.
            if !joins_cjk {
                self.out.push('\n');
            }
        }
        self.out.push_str(&escape(text));
        self.last_char = text.chars().last();
    }

    fn measure(&mut self, text: &str) {
        if let Some(t) = self.tables.last_mut() {
            t.measure(text);
        }
    }

    /// Writes markup (not text).
    fn push(&mut self, markup: &str) {
        if std::mem::take(&mut self.pending_break) && !self.last_char.is_some_and(is_cjk) {
            self.out.push('\n');
        }
        self.out.push_str(markup);
        self.last_char = None;
    }

    /// Starts a block on a line of its own.
    fn block(&mut self, markup: &str) {
        if !self.out.is_empty() && !self.out.ends_with(['\n', '[']) {
            self.out.push('\n');
        }
        self.push(markup);
    }

    /// Ends a block, without the blank lines that would add an empty paragraph.
    fn close_block(&mut self, markup: &str) {
        self.pending_break = false;
        let trimmed = self.out.trim_end().len();
        self.out.truncate(trimmed);
        self.push(markup);
    }
}

/// Whether the paragraph that starts at event `i` is the caption of the table right after it:
/// its text starts with [`crate::markdown::TABLE_CAPTION`].
fn is_table_caption(events: &[Spanned], i: usize) -> bool {
    let starts = matches!(
        events.get(i + 1),
        Some((Event::Text(t), _)) if t.starts_with(crate::markdown::TABLE_CAPTION)
    );
    starts
        && events[i..]
            .iter()
            .position(|(e, _)| matches!(e, Event::End(TagEnd::Paragraph)))
            .is_some_and(|j| {
                matches!(
                    events.get(i + j + 1),
                    Some((Event::Start(Tag::Table(_)), _))
                )
            })
}

/// Whether the image that starts at event `i` is alone in its paragraph: then it is a figure;
/// otherwise it sits in the line.
fn alone_in_paragraph(events: &[Spanned], i: usize) -> bool {
    matches!(
        events.get(i.wrapping_sub(1)),
        Some((Event::Start(Tag::Paragraph), _))
    ) && events[i..]
        .iter()
        .position(|(e, _)| matches!(e, Event::End(TagEnd::Image)))
        .is_some_and(|j| {
            matches!(
                events.get(i + j + 1),
                Some((Event::End(TagEnd::Paragraph), _))
            )
        })
}
