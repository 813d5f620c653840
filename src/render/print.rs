//! The print edition: the whole document on one page, laid out for paper with CSS paged media.

use super::pages::Pages;
use super::views::{PrintChapter, PrintPage};
use crate::paths::out;

impl Pages<'_> {
    /// The whole document on one page, for printing: chapters one after the other, their
    /// anchors prefixed so that they stay unique, links between chapters kept inside the page.
    /// The print edition's path and view, and its chapters' HTML, which the view has as
    /// [`super::pages::html_marker`]s.
    pub fn print(
        &self,
        d: usize,
        vi: usize,
        lang_i: usize,
    ) -> (String, PrintPage, Vec<std::sync::Arc<String>>) {
        let doc = &self.site.documents[d];
        let v = &doc.versions[vi];
        let lang = v.editions[lang_i].lang.as_str();
        let path = out::chapter(lang, &doc.slug, &v.version.name, out::PRINT);
        let view = self.doc_view(doc, v, lang, &path);
        let title = format!(
            "{} {} — {}",
            view.title,
            v.version.name,
            self.i18n.text(lang, "print-edition", None)
        );
        let mut common = self.common(lang, &path, "print", title);
        // The print edition is another form of the chapter pages: index those instead.
        common.canonical = self.abs(&out::chapter(
            lang,
            &doc.slug,
            &v.version.name,
            "index.html",
        ));
        let pages: Vec<&str> = v.chapters.iter().map(|c| c.page.as_str()).collect();
        let mut htmls = Vec::with_capacity(v.chapters.len());
        let chapters = (0..v.chapters.len())
            .map(|c| {
                let translated = self.md.translated[vi][lang_i][c].as_ref();
                let fallback = !self.config.is_source(lang) && translated.is_none();
                let rendered = translated.unwrap_or(&self.md.source[vi][c]);
                let anchor = format!("c{}", c + 1);
                htmls.push(std::sync::Arc::new(chapter_in_print(
                    &rendered.html,
                    &anchor,
                    &pages,
                )));
                let toc = rendered
                    .toc
                    .iter()
                    .map(|t| crate::markdown::TocEntry {
                        level: t.level,
                        id: [anchor.as_str(), "-", &t.id].concat(),
                        text: t.text.clone(),
                        number: t.number.clone(),
                    })
                    .collect();
                PrintChapter {
                    title: self.chapter_title(vi, lang_i, c, v, lang),
                    anchor,
                    html: super::pages::html_marker(c),
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
        let untranslated =
            !self.config.is_source(lang) && v.editions[lang_i].chapters.iter().all(Option::is_none);
        let page = PrintPage {
            header_css,
            common,
            doc: view,
            chapters,
            draft: v.meta.status == crate::load::Status::Draft,
            page_of_css,
            outdated: v.editions[lang_i].outdated_sections(),
            // An edition with no chapter translated is the source text, whose keywords the
            // sentence names.
            bcp14: self.bcp14(
                vi,
                if untranslated {
                    &self.config.source_language
                } else {
                    lang
                },
            ),
            bcp14_lang: untranslated.then(|| self.config.source_language.clone()),
            source_lang_name: self.lang_name_in(lang, &self.config.source_language),
            lang_name_in_text: self.lang_name_in(lang, lang),
        };
        (path, page, htmls)
    }
}

/// A chapter's HTML as it sits in the print page: every `id` and same-page `#` link prefixed
/// with `anchor-`, and links to the document's chapters (`pages`, in order) turned into links
/// to their place in the page: `02-x.html#y` becomes `#c2-y`, `02-x.html` becomes `#c2`.
///
/// One pass over the HTML: the print page holds every chapter, so rewriting each chapter once
/// per other chapter would grow with the square of their number.
fn chapter_in_print(html: &str, anchor: &str, pages: &[&str]) -> String {
    use std::fmt::Write;
    let mut out = String::with_capacity(html.len() + html.len() / 16);
    let mut copied = 0;
    for quote in memchr::memchr_iter(b'"', html.as_bytes()) {
        let before = &html[..quote];
        let value = &html[quote + 1..];
        let (keep, insert) = if before.ends_with(" id=") {
            (quote + 1, None)
        } else if !before.ends_with("href=") {
            continue;
        } else if value.starts_with('#') {
            (quote + 2, None)
        } else {
            let Some(end) = value.find(['"', '#']) else {
                continue;
            };
            let Some(k) = pages.iter().position(|p| *p == &value[..end]) else {
                continue;
            };
            (quote + 1, Some((k, end)))
        };
        out.push_str(&html[copied..keep]);
        copied = keep;
        match insert {
            None => write!(out, "{anchor}-"),
            Some((k, end)) => {
                // The page name goes, and its `#` becomes the chapter anchor's `-`.
                let fragment = value.as_bytes()[end] == b'#';
                copied += end + usize::from(fragment);
                write!(out, "#c{}{}", k + 1, if fragment { "-" } else { "" })
            }
        }
        .expect("writing to a String cannot fail");
    }
    out.push_str(&html[copied..]);
    out
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
        let h = chapter_in_print(
            "<h2 id=\"a\">A</h2><a href=\"#a\">x</a><a href=\"x.html#b\">y</a>",
            "c2",
            &[],
        );
        assert_eq!(
            h,
            "<h2 id=\"c2-a\">A</h2><a href=\"#c2-a\">x</a><a href=\"x.html#b\">y</a>"
        );
    }

    #[test]
    fn links_between_chapters_stay_inside_the_print_page() {
        let h = chapter_in_print(
            "<p id=\"p\"><a href=\"02-b.html#x\">1</a> <a href=\"01-a.html\">2</a> \
             <a href=\"../2.0/02-b.html#x\">3</a> <a href=\"02-b.htmlx\">4</a> \
             <img src=\"02-b.html\"> <a href=\"02-b.html\" id=\"q\">5</a></p>",
            "c1",
            &["01-a.html", "02-b.html"],
        );
        assert_eq!(
            h,
            "<p id=\"c1-p\"><a href=\"#c2-x\">1</a> <a href=\"#c1\">2</a> \
             <a href=\"../2.0/02-b.html#x\">3</a> <a href=\"02-b.htmlx\">4</a> \
             <img src=\"02-b.html\"> <a href=\"#c2\" id=\"c1-q\">5</a></p>"
        );
    }
}
