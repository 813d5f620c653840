//! `<lang>/feed.xml`: an Atom feed (RFC 4287) of documents and versions, newest first, so that
//! operators and regulators can follow new publications in their language. The site is the
//! feed's author; each entry names the version's authors, and links to the version in the
//! feed's language or, where it is not translated, in the source language.

use super::pages::Pages;
use crate::markdown::escape_attr;
use crate::paths::out;
use crate::resolve::Document;

/// One feed entry: a version of a document, in the feed's language.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
pub struct Entry {
    pub date: String,
    pub url: String,
    pub title: String,
    pub summary: String,
    /// The language of the page it links to.
    pub lang: String,
    pub authors: Vec<String>,
}

/// The entries a document gives the feed of `lang`: its dated versions.
pub fn entries(pages: &Pages, doc: &Document, lang: &str) -> Vec<Entry> {
    let base = &pages.config.base_url;
    let mut entries = Vec::new();
    for v in &doc.versions {
        let Some(date) = v.meta.date.clone() else {
            continue;
        };
        let l = if v.has_lang(lang) {
            lang
        } else {
            &pages.config.source_language
        };
        let view = pages.doc_view(doc, v, lang, "feed.xml");
        let url = format!(
            "{base}{}",
            out::chapter(l, &doc.slug, &v.version.name, "index.html")
        );
        let title = format!(
            "{} {}",
            view.title,
            pages
                .i18n
                .text(lang, "version-label", Some(&version_args(&v.version.name)))
        );
        entries.push(Entry {
            date,
            url,
            title,
            summary: view.summary,
            lang: l.to_string(),
            authors: v.meta.authors.clone(),
        });
    }
    entries
}

/// The Atom feed of `lang`, from every document's [`entries`].
pub fn feed(pages: &Pages, lang: &str, mut entries: Vec<&Entry>) -> String {
    use std::fmt::Write;
    let config = &pages.config;
    let base = &config.base_url;
    // Newest first; ties by URL so the order never depends on anything but the input.
    entries.sort_by(|a, b| b.date.cmp(&a.date).then_with(|| a.url.cmp(&b.url)));
    let updated = entries.first().map_or("1970-01-01", |e| e.date.as_str());
    let self_url = format!("{base}{lang}/feed.xml");
    let mut out = String::new();
    let _ = write!(
        out,
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{lang}\">\n  <title>{}</title>\n",
        escape_attr(&config.title),
    );
    if !config.description.is_empty() {
        let _ = writeln!(
            out,
            "  <subtitle>{}</subtitle>",
            escape_attr(&config.description)
        );
    }
    let _ = write!(
        out,
        "  <id>{}</id>\n  <link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>\n  <link rel=\"alternate\" type=\"text/html\" hreflang=\"{lang}\" href=\"{}\"/>\n  <updated>{updated}T00:00:00Z</updated>\n  <author>\n    <name>{}</name>\n    <uri>{}</uri>\n  </author>\n  <generator version=\"{}\">bcop</generator>\n",
        escape_attr(&self_url),
        escape_attr(&self_url),
        escape_attr(&format!("{base}{}", out::catalog(lang))),
        escape_attr(&config.title),
        escape_attr(base),
        env!("CARGO_PKG_VERSION"),
    );
    for e in entries {
        let _ = write!(
            out,
            "  <entry>\n    <title>{}</title>\n    <id>{}</id>\n    <link rel=\"alternate\" type=\"text/html\" hreflang=\"{}\" href=\"{}\"/>\n    <published>{date}T00:00:00Z</published>\n    <updated>{date}T00:00:00Z</updated>\n",
            escape_attr(&e.title),
            escape_attr(&e.url),
            escape_attr(&e.lang),
            escape_attr(&e.url),
            date = e.date,
        );
        for a in &e.authors {
            let _ = writeln!(out, "    <author><name>{}</name></author>", escape_attr(a));
        }
        if !e.summary.is_empty() {
            let _ = writeln!(out, "    <summary>{}</summary>", escape_attr(&e.summary));
        }
        out.push_str("  </entry>\n");
    }
    out.push_str("</feed>\n");
    out
}

fn version_args(version: &str) -> fluent_bundle::FluentArgs<'static> {
    let mut args = fluent_bundle::FluentArgs::new();
    args.set("version", version.to_string());
    args
}
