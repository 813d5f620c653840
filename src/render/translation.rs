//! Rendering a translated chapter: marks on the sections whose source changed since the
//! translation was stamped (in the reader's language, linking to the current source section),
//! the `source` policy's swap of those sections, and sanitising the translator's raw HTML.

use super::markdown::{self, AlertTitles, Input, Rendered, escape_attr};
use super::pages::paths;
use crate::config::OutdatedPolicy;
use crate::i18n::I18n;
use crate::load::MarkdownFile;
use crate::resolve::{DocVersion, Document, Edition};
use crate::translate::{self, Freshness};
use std::collections::BTreeMap;

pub struct Chapter<'a> {
    pub doc: &'a Document,
    pub version: &'a DocVersion,
    pub edition: &'a Edition,
    pub index: usize,
    pub text: &'a MarkdownFile,
    pub source: &'a Rendered,
    pub source_lang: &'a str,
}

pub fn render(c: &Chapter, i18n: &I18n, alerts: &AlertTitles) -> Rendered {
    let lang = c.edition.lang.as_str();
    let changes = match &c.edition.freshness[c.index] {
        Some(Freshness::Outdated(changes)) => Some(changes),
        _ => None,
    };
    let swap = c.edition.policy == OutdatedPolicy::Source && changes.is_some();
    let body: std::borrow::Cow<str> = match changes {
        Some(ch) if swap => std::borrow::Cow::Owned(translate::hybrid(
            &c.version.chapters[c.index].source.body,
            &c.text.body,
            &c.source.heading_ids,
            ch,
            c.source_lang,
        )),
        _ => std::borrow::Cow::Borrowed(&c.text.body),
    };
    let source_page = format!(
        "{}{}",
        paths::root(&paths::chapter(
            lang,
            &c.doc.slug,
            &c.version.version.name,
            "x"
        )),
        paths::chapter(
            c.source_lang,
            &c.doc.slug,
            &c.version.version.name,
            &c.version.chapters[c.index].page
        )
    );
    let mut marks = BTreeMap::new();
    if let Some(ch) = changes {
        let key = if swap {
            "outdated-section-source"
        } else {
            "outdated-section"
        };
        let text = i18n.text(lang, key, None);
        let link = i18n.text(lang, "outdated-section-link", None);
        let marked = ch
            .changed
            .iter()
            .chain(if swap { ch.added.iter() } else { [].iter() });
        for id in marked {
            marks.insert(
                id.clone(),
                mark(&text, &link, &source_page, id, c.source_lang),
            );
        }
    }
    let mut r = markdown::render(&Input {
        markdown: &body,
        source_ids: Some(&c.source.heading_ids),
        alerts: Some(alerts),
        marks: Some(&marks),
    });
    if let Some(ch) = changes.filter(|ch| !swap && !ch.added.is_empty()) {
        let mut args = fluent_bundle::FluentArgs::new();
        args.set("count", ch.added.len());
        let text = i18n.text(lang, "outdated-added", Some(&args));
        let links: Vec<String> = ch
            .added
            .iter()
            .map(|id| {
                format!(
                    "<a href=\"{}#{}\" hreflang=\"{}\">#{}</a>",
                    escape_attr(&source_page),
                    escape_attr(id),
                    c.source_lang,
                    escape_attr(id)
                )
            })
            .collect();
        r.html = std::sync::Arc::new(format!(
            "<p class=\"outdated-mark\" role=\"note\">{} {}</p>\n{}",
            escape_attr(&text),
            links.join(", "),
            r.html
        ));
    }
    if r.has_raw_html {
        r.html = std::sync::Arc::new(sanitize(&r.html));
    }
    r
}

fn mark(text: &str, link: &str, source_page: &str, id: &str, source_lang: &str) -> String {
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
