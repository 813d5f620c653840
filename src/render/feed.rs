//! `<lang>/feed.xml`: an Atom feed of documents and versions, newest first, so that operators
//! and regulators can follow new publications in their language.

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
        });
    }
    entries
}

/// The Atom feed of `lang`, from every document's [`entries`].
pub fn feed(pages: &Pages, lang: &str, mut entries: Vec<&Entry>) -> String {
    let base = &pages.config.base_url;
    // Newest first; ties by URL so the order never depends on anything but the input.
    entries.sort_by(|a, b| b.date.cmp(&a.date).then_with(|| a.url.cmp(&b.url)));
    let updated = entries.first().map_or("1970-01-01", |e| e.date.as_str());
    let self_url = format!("{base}{lang}/feed.xml");
    let mut out = format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{lang}\">\n  <title>{}</title>\n  <id>{}</id>\n  <link rel=\"self\" href=\"{}\"/>\n  <link href=\"{}\"/>\n  <updated>{updated}T00:00:00Z</updated>\n",
        escape_attr(&pages.config.title),
        escape_attr(&self_url),
        escape_attr(&self_url),
        escape_attr(&format!("{base}{}", out::catalog(lang))),
    );
    for Entry {
        date,
        url,
        title,
        summary,
    } in entries
    {
        out.push_str(&format!(
            "  <entry>\n    <title>{}</title>\n    <id>{}</id>\n    <link href=\"{}\"/>\n    <updated>{date}T00:00:00Z</updated>\n    <summary>{}</summary>\n  </entry>\n",
            escape_attr(title),
            escape_attr(url),
            escape_attr(url),
            escape_attr(summary),
        ));
    }
    out.push_str("</feed>\n");
    out
}

fn version_args(version: &str) -> fluent_bundle::FluentArgs<'static> {
    let mut args = fluent_bundle::FluentArgs::new();
    args.set("version", version.to_string());
    args
}
