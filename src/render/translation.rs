//! Rendering a translated chapter: its marks ([`crate::marks`]) as HTML, in the reader's
//! language, linking to the current source section; and sanitising the translator's raw HTML.

use crate::i18n::I18n;
use crate::load::MarkdownFile;
use crate::markdown::html::Bcp14;
use crate::markdown::{self, AlertTitles, Input, Rendered, escape_attr};
use crate::marks::Marks;
use crate::paths::out;
use crate::resolve::{DocVersion, Document, Edition};
use std::collections::BTreeMap;
use std::sync::Arc;

pub struct Chapter<'a> {
    pub doc: &'a Document,
    pub version: &'a DocVersion,
    pub edition: &'a Edition,
    pub index: usize,
    pub text: &'a MarkdownFile,
    pub source: &'a Rendered,
    pub source_lang: &'a str,
    /// Its marks ([`crate::marks`]), when it is outdated.
    pub marks: Option<&'a Marks>,
    /// Whether to read its blocks, for comparing versions.
    pub blocks: bool,
}

/// `labels`: the alerts' titles and the captions' labels in the chapter's language.
pub fn render(
    c: &Chapter,
    i18n: &I18n,
    (alerts, captions): (&AlertTitles, &markdown::Captions),
    bcp14: Option<&Bcp14>,
) -> Rendered {
    let lang = c.edition.lang.as_str();
    let body = c.marks.map_or(&*c.text.body, |m| m.text(&c.text.body));
    let source_page = [
        out::root(&out::chapter(
            lang,
            &c.doc.slug,
            &c.version.version.name,
            "x",
        )),
        out::chapter(
            c.source_lang,
            &c.doc.slug,
            &c.version.version.name,
            &c.version.chapters[c.index].page,
        ),
    ]
    .concat();
    let mut html_marks = BTreeMap::new();
    if let Some(marks) = c.marks {
        let link = i18n.text(lang, "outdated-section-link", None);
        for (id, mark) in &marks.sections {
            let text = i18n.text(lang, Marks::message_key(*mark), None);
            html_marks.insert(
                id.clone(),
                mark_html(&text, &link, &source_page, id, c.source_lang),
            );
        }
        // A changed requirement gets a short mark after its label, linking to its source.
        let changed = i18n.text(lang, "requirements-outdated", None);
        for id in marks.requirements.keys() {
            html_marks.insert(
                id.clone(),
                format!(
                    "<a class=\"req-outdated\" href=\"{}#{}\" hreflang=\"{}\">{}</a> ",
                    escape_attr(&source_page),
                    escape_attr(id),
                    c.source_lang,
                    escape_attr(&changed)
                ),
            );
        }
    }
    let mut r = markdown::render(&Input {
        markdown: body,
        source_ids: Some(&c.source.heading_ids),
        alerts: Some(alerts),
        marks: Some(&html_marks),
        bcp14,
        blocks: c.blocks,
        numbers: Some(super::section_numbers(c.version, c.index)),
        captions: Some(captions),
    });
    if let Some(missing) = c.marks.map(|m| &m.missing).filter(|m| !m.is_empty()) {
        r.html = Arc::new(format!(
            "{}\n{}",
            missing_note(i18n, lang, missing, &source_page, c.source_lang),
            r.html
        ));
    }
    if r.has_raw_html {
        r.html = Arc::new(sanitize(&r.html));
    }
    r
}

/// The note at the top of a chapter that lacks new source sections, linking to each.
fn missing_note(
    i18n: &I18n,
    lang: &str,
    missing: &[String],
    source_page: &str,
    source_lang: &str,
) -> String {
    let mut args = fluent_bundle::FluentArgs::new();
    args.set("count", missing.len());
    let text = i18n.text(lang, "outdated-added", Some(&args));
    let links: Vec<String> = missing
        .iter()
        .map(|id| {
            format!(
                "<a href=\"{}#{}\" hreflang=\"{}\">#{}</a>",
                escape_attr(source_page),
                escape_attr(id),
                source_lang,
                escape_attr(id)
            )
        })
        .collect();
    format!(
        "<p class=\"outdated-mark\" role=\"note\">{} {}</p>",
        escape_attr(&text),
        links.join(", ")
    )
}

fn mark_html(text: &str, link: &str, source_page: &str, id: &str, source_lang: &str) -> String {
    format!(
        "<p class=\"outdated-mark\" role=\"note\">{} <a href=\"{}#{}\" hreflang=\"{source_lang}\">{}</a></p>\n",
        escape_attr(text),
        escape_attr(source_page),
        escape_attr(id),
        escape_attr(link)
    )
}

/// Translations come from many hands: their raw HTML keeps its structure and formatting but
/// loses scripts, event handlers and `javascript:` URLs.
pub fn sanitize(html: &str) -> String {
    ammonia::Builder::default()
        .add_generic_attributes(["id", "class", "lang", "dir", "role", "aria-hidden", "title"])
        .add_tags([
            "section", "input", "details", "summary", "del", "sup", "sub", "kbd",
        ])
        .add_tag_attributes("input", ["type", "checked", "disabled"])
        .add_tag_attributes("a", ["hreflang"])
        .add_tag_attributes("img", ["width", "height"])
        .add_tag_attributes("td", ["style"])
        .add_tag_attributes("th", ["style"])
        .link_rel(None)
        .clean(html)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::sanitize;

    #[test]
    fn raw_html_from_translations_loses_scripts_but_keeps_structure() {
        let html = "<h2 id=\"x\">T<a class=\"anchor\" href=\"#x\">#</a></h2><p>a<br>b<script>alert(1)</script><img src=\"i.png\" onerror=\"alert(1)\"><a href=\"javascript:alert(1)\">x</a></p><div class=\"outdated-source\" lang=\"en\"><p>src</p></div>";
        let clean = sanitize(html);
        assert!(clean.contains("<h2 id=\"x\">T<a class=\"anchor\" href=\"#x\">#</a></h2>"));
        assert!(clean.contains("<br>") && clean.contains("<img src=\"i.png\">"));
        assert!(
            !clean.contains("script")
                && !clean.contains("onerror")
                && !clean.contains("javascript")
        );
        assert!(clean.contains("<div class=\"outdated-source\" lang=\"en\">"));
    }
}
