//! The print edition: the whole document on one page, laid out for paper with CSS paged media.

use super::pages::{Pages, paths};
use super::views::{PrintChapter, PrintPage};

impl Pages<'_> {
    /// The whole document on one page, for printing: chapters one after the other, their
    /// anchors prefixed so that they stay unique, links between chapters kept inside the page.
    pub fn print(&self, d: usize, vi: usize, lang_i: usize) -> (String, PrintPage) {
        let doc = &self.site.documents[d];
        let v = &doc.versions[vi];
        let lang = v.editions[lang_i].lang.as_str();
        let path = paths::chapter(lang, &doc.slug, &v.version.name, "print.html");
        let view = self.doc_view(doc, v, lang, &path);
        let title = format!(
            "{} {} — {}",
            view.title,
            v.version.name,
            self.i18n.text(lang, "print-edition", None)
        );
        let mut common = self.common(lang, &path, "print", title);
        // The print edition is another form of the chapter pages: index those instead.
        common.canonical = self.abs(&paths::chapter(
            lang,
            &doc.slug,
            &v.version.name,
            "index.html",
        ));
        let chapters = (0..v.chapters.len())
            .map(|c| {
                let translated = self.md.translated[vi][lang_i][c].as_ref();
                let fallback = !self.config.is_source(lang) && translated.is_none();
                let rendered = translated.unwrap_or(&self.md.source[vi][c]);
                let anchor = format!("c{}", c + 1);
                let mut html = prefix_anchors(&rendered.html, &anchor);
                for (k, other) in v.chapters.iter().enumerate() {
                    html = html
                        .replace(
                            &format!("href=\"{}#", other.page),
                            &format!("href=\"#c{}-", k + 1),
                        )
                        .replace(
                            &format!("href=\"{}\"", other.page),
                            &format!("href=\"#c{}\"", k + 1),
                        );
                }
                let toc = rendered
                    .toc
                    .iter()
                    .map(|t| crate::render::markdown::TocEntry {
                        id: format!("{anchor}-{}", t.id),
                        ..t.clone()
                    })
                    .collect();
                PrintChapter {
                    title: self.chapter_title(vi, lang_i, c, v, lang),
                    anchor,
                    html,
                    content_lang: if fallback {
                        self.config.source_language.clone()
                    } else {
                        lang.to_string()
                    },
                    fallback,
                    toc,
                }
            })
            .collect();
        let mut args = fluent_bundle::FluentArgs::new();
        args.set("current", "\u{1}");
        args.set("total", "\u{2}");
        let page_of = self.i18n.text(lang, "pdf-page-of", Some(&args));
        let page_of_css = css_content(&page_of);
        let header_css = css_content(
            &format!("{} · {} {}", view.title, view.id, view.version).replace(" ·  ", " · "),
        );
        let page = PrintPage {
            header_css,
            common,
            doc: view,
            chapters,
            draft: v.meta.status == crate::load::Status::Draft,
            page_of_css,
            outdated: v.editions[lang_i].outdated_sections(),
        };
        (path, page)
    }
}

/// `245 KB`, `1.2 MB`: file sizes for link texts.
pub fn human_size(bytes: u64) -> String {
    if bytes >= 1024 * 1024 {
        format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
    } else {
        format!("{} KB", bytes.div_ceil(1024))
    }
}

/// Prefixes every `id` and same-page `#` link of a chapter's HTML with `prefix-`.
fn prefix_anchors(html: &str, prefix: &str) -> String {
    html.replace(" id=\"", &format!(" id=\"{prefix}-"))
        .replace("href=\"#", &format!("href=\"#{prefix}-"))
}

/// A CSS `content` value from a message where U+0001 and U+0002 stand for the page counters.
fn css_content(message: &str) -> String {
    let mut out = Vec::new();
    let mut text = String::new();
    let flush = |text: &mut String, out: &mut Vec<String>| {
        if !text.is_empty() {
            out.push(format!(
                "\"{}\"",
                text.replace('\\', "\\\\").replace('"', "\\\"")
            ));
            text.clear();
        }
    };
    for c in message.chars() {
        match c {
            '\u{1}' => {
                flush(&mut text, &mut out);
                out.push("counter(page)".into());
            }
            '\u{2}' => {
                flush(&mut text, &mut out);
                out.push("counter(pages)".into());
            }
            c => text.push(c),
        }
    }
    flush(&mut text, &mut out);
    out.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_counters_become_css() {
        assert_eq!(
            css_content("Page \u{1} of \u{2}"),
            "\"Page \" counter(page) \" of \" counter(pages)"
        );
        assert_eq!(
            css_content("\u{2} ページ中 \u{1} ページ"),
            "counter(pages) \" ページ中 \" counter(page) \" ページ\""
        );
    }

    #[test]
    fn print_anchors_are_prefixed_per_chapter() {
        let h = prefix_anchors(
            "<h2 id=\"a\">A</h2><a href=\"#a\">x</a><a href=\"x.html#b\">y</a>",
            "c2",
        );
        assert_eq!(
            h,
            "<h2 id=\"c2-a\">A</h2><a href=\"#c2-a\">x</a><a href=\"x.html#b\">y</a>"
        );
    }

    #[test]
    fn sizes_are_human() {
        assert_eq!(human_size(1000), "1 KB");
        assert_eq!(human_size(250 * 1024), "250 KB");
        assert_eq!(human_size(3 * 1024 * 1024 / 2), "1.5 MB");
    }
}
