//! `sitemap.xml` with hreflang alternates, and `robots.txt`. Built once per build.

use super::pages::Pages;
use crate::load::config::SiteConfig;
use crate::markdown::escape_attr_into;
use crate::paths::out;
use crate::resolve::Document;

/// One `<url>` per page that is the real text in its language (fallback pages are left out,
/// since their canonical is the source page), each listing its real translations. `documents`
/// are the documents' parts, from [`document`].
pub fn sitemap<'a>(pages: &Pages, documents: impl Iterator<Item = &'a str>) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    every_language(pages, &mut out, &out::catalog);
    for d in documents {
        out.push_str(d);
    }
    out.push_str("</urlset>\n");
    out
}

/// The `<url>` entries of one document's pages.
pub fn document(pages: &Pages, doc: &Document) -> String {
    let base = &pages.config.base_url;
    let source = pages.config.source_language.as_str();
    let mut out = String::new();
    every_language(pages, &mut out, &|l| out::versions(l, &doc.slug));
    for v in &doc.versions {
        for (ci, c) in v.chapters.iter().enumerate() {
            let alts: Vec<(&str, String)> = pages
                .config
                .languages
                .iter()
                .map(|l| l.code.as_str())
                .filter(|l| v.is_real(l, ci))
                .map(|l| (l, out::chapter(l, &doc.slug, &v.version.name, &c.page)))
                .collect();
            let default = out::chapter(source, &doc.slug, &v.version.name, &c.page);
            let links = alternates(base, &alts, &default);
            for (_, p) in &alts {
                entry(&mut out, base, p, &links, v.meta.date.as_deref());
            }
        }
    }
    out
}

/// Entries for a page that exists in every language.
fn every_language(pages: &Pages, out: &mut String, path_of: &dyn Fn(&str) -> String) {
    let alts: Vec<(&str, String)> = pages
        .config
        .languages
        .iter()
        .map(|l| (l.code.as_str(), path_of(&l.code)))
        .collect();
    let default = path_of(&pages.config.source_language);
    let links = alternates(&pages.config.base_url, &alts, &default);
    for (_, p) in &alts {
        entry(out, &pages.config.base_url, p, &links, None);
    }
}

/// The `<xhtml:link>` lines that every language's entry of one page repeats.
fn alternates(base: &str, alts: &[(&str, String)], default: &str) -> String {
    let mut out = String::new();
    let mut link = |lang: &str, path: &str| {
        out.push_str("    <xhtml:link rel=\"alternate\" hreflang=\"");
        out.push_str(lang);
        out.push_str("\" href=\"");
        escape_attr_into(&mut out, base);
        escape_attr_into(&mut out, path);
        out.push_str("\"/>\n");
    };
    for (lang, p) in alts {
        link(lang, p);
    }
    link("x-default", default);
    out
}

fn entry(out: &mut String, base: &str, path: &str, links: &str, lastmod: Option<&str>) {
    out.push_str("  <url>\n    <loc>");
    escape_attr_into(out, base);
    escape_attr_into(out, path);
    out.push_str("</loc>\n");
    if let Some(date) = lastmod {
        out.push_str("    <lastmod>");
        out.push_str(date);
        out.push_str("</lastmod>\n");
    }
    out.push_str(links);
    out.push_str("  </url>\n");
}

pub fn robots(config: &SiteConfig) -> String {
    format!(
        "User-agent: *\nAllow: /\nSitemap: {}sitemap.xml\n",
        config.base_url
    )
}
