//! Issue 16, part 5: the PDF's title page and the HTML cover page show a version's publisher,
//! the version it supersedes, its licence, its feedback address, its abstract and how to cite
//! it, each labelled in the reader's language, and nothing for a field the version lacks.

use crate::pdf::poppler;
use crate::support::{TestSite, repo};

fn built(extra: &[&str]) -> TestSite {
    let s = TestSite::copy_of(&repo());
    let mut args = vec!["build"];
    args.extend_from_slice(extra);
    let r = s.bcop(&args);
    assert!(r.ok, "{}", r.stderr);
    s
}

/// Page 1 of a PDF as text, its words joined by single spaces, or `None` without poppler.
fn title_page(s: &TestSite, pdf: &str) -> Option<String> {
    let text = poppler(
        "pdftotext",
        &[
            "-layout",
            "-l",
            "1",
            &s.path().join(pdf).to_string_lossy(),
            "-",
        ],
    )?;
    Some(text.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// The cover page's reference as plain text: the page's words around its `<cite>` title.
fn cover_reference(s: &TestSite, page: &str) -> String {
    let html = s.read(page);
    let text = html
        .split("<p class=\"cite-text\">")
        .nth(1)
        .and_then(|t| t.split("</p>").next())
        .unwrap_or_else(|| panic!("{page} has no reference"));
    let mut plain = String::new();
    let mut in_tag = false;
    for c in text.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => plain.push(c),
            _ => {}
        }
    }
    plain
        .replace("&#x27;", "'")
        .replace("&quot;", "\"")
        .replace("&amp;", "&")
}

fn squeeze(s: &str) -> String {
    s.split_whitespace().collect()
}

#[test]
fn the_title_page_shows_each_field_the_version_has_with_its_label_and_how_to_cite_it() {
    let s = built(&[]);
    let en = "public/en/abuse-desk/2.0/abuse-desk-2.0-en.pdf";
    let Some(page) = title_page(&s, en) else {
        return;
    };
    for row in [
        "Publisher Abuse Handling Working Group",
        "Supersedes Version 1.0",
        "License CC-BY-4.0",
        "Feedback abuse-wg@example.org",
        "Abstract This document sets out how an organisation",
        "Version 2.0 adds guidance on structured report formats",
        "Cite this Ana Ferreira, Tomasz Wrona,",
    ] {
        assert!(page.contains(row), "page 1 of {en} lacks `{row}`:\n{page}");
    }
    // The reference is the cover page's, word for word, and the page still ends with the
    // BCP 14 sentence: the title page is one page.
    let reference = cover_reference(&s, "public/en/abuse-desk/2.0/index.html");
    assert!(reference.contains("Abuse Handling Working Group, 2025-03-14"));
    assert!(
        squeeze(&page).contains(&squeeze(&reference)),
        "{reference}\n{page}"
    );
    assert!(page.trim_end().ends_with("as shown here."), "{page}");
    let links =
        poppler("pdfinfo", &["-url", &s.path().join(en).to_string_lossy()]).unwrap_or_default();
    assert!(
        links
            .lines()
            .any(|l| l.starts_with("   1 ") && l.ends_with("mailto:abuse-wg@example.org")),
        "the feedback address is a link on page 1:\n{links}"
    );

    let ja = "public/ja/abuse-desk/2.0/abuse-desk-2.0-ja.pdf";
    let page = title_page(&s, ja).unwrap_or_default();
    for row in [
        "発行者 Abuse Handling Working Group",
        "旧版 バージョン1.0",
        "ライセンス CC-BY-4.0",
        "フィードバック先 abuse-wg@example.org",
        "概要 本文書は、",
        "この文書の引用方法 Ana Ferreira、",
    ] {
        // pdftotext puts a space where the text changes font, as between kana and digits.
        assert!(
            page.replace(' ', "").contains(&row.replace(' ', "")),
            "page 1 of {ja} lacks `{row}`:\n{page}"
        );
    }
    let flat = squeeze(&page);
    assert!(flat.contains("被害の大きさに応じた対処を扱う。"), "{flat}");
    let reference = cover_reference(&s, "public/ja/abuse-desk/2.0/index.html");
    assert!(flat.contains(&squeeze(&reference)), "{reference}\n{flat}");
    assert!(
        flat.ends_with("記述されているとおりに解釈される。"),
        "{flat}"
    );

    // A version without these fields has no row for them, and still says how to cite it.
    let bare =
        title_page(&s, "public/en/sender-auth/1.0/sender-auth-1.0-en.pdf").unwrap_or_default();
    for label in ["Publisher", "Supersedes", "License", "Feedback", "Abstract"] {
        assert!(!bare.contains(label), "an empty `{label}` row:\n{bare}");
    }
    assert!(
        bare.contains("(Bluewater Messaging) Cite this Ingrid Vasquez-Holm")
            && bare.contains("Operational Practice Library, 2024-11-20"),
        "{bare}"
    );
}

#[test]
fn the_cover_page_shows_the_same_fields_and_a_chapter_page_does_not() {
    let s = built(&["--no-pdf"]);
    let en = s.read("public/en/abuse-desk/2.0/index.html");
    for html in [
        "<section class=\"doc-abstract\" aria-label=\"Abstract\"><p>This document sets out how",
        "</p><p>Version 2.0 adds guidance",
        "<div><dt>Publisher</dt><dd>Abuse Handling Working Group</dd></div>",
        "<div><dt>Supersedes</dt><dd><a href=\"../../../en/abuse-desk/1.0/index.html\">Version 1.0</a></dd></div>",
        "<div><dt>License</dt><dd><a href=\"https://spdx.org/licenses/CC-BY-4.0.html\" rel=\"license\">CC-BY-4.0</a></dd></div>",
        "<div><dt>Feedback</dt><dd><a href=\"mailto:abuse-wg@example.org\">abuse-wg@example.org</a></dd></div>",
    ] {
        assert!(en.contains(html), "the English cover page lacks {html}");
    }
    let ja = s.read("public/ja/abuse-desk/2.0/index.html");
    for html in [
        "<section class=\"doc-abstract\" aria-label=\"概要\"><p>本文書は、",
        "<dt>発行者</dt><dd>Abuse Handling Working Group</dd>",
        "<dt>旧版</dt><dd><a href=\"../../../ja/abuse-desk/1.0/index.html\">バージョン1.0</a></dd>",
        "<dt>ライセンス</dt><dd><a href=\"https://spdx.org/licenses/CC-BY-4.0.html\" rel=\"license\">CC-BY-4.0</a></dd>",
        "<dt>フィードバック先</dt><dd><a href=\"mailto:abuse-wg@example.org\">",
    ] {
        assert!(ja.contains(html), "the Japanese cover page lacks {html}");
    }
    // No French abstract: the English one, marked as English.
    let fr = s.read("public/fr/abuse-desk/2.0/index.html");
    assert!(
        fr.contains(
            "<section class=\"doc-abstract\" aria-label=\"Résumé\" lang=\"en\"><p>This document"
        ) && fr.contains("<dt>Éditeur</dt>")
            && fr.contains(
                "<dt>Remplace</dt><dd><a href=\"../../../fr/abuse-desk/1.0/index.html\">Version 1.0</a></dd>"
            ),
        "French cover page"
    );
    let cpe = s.read("public/en/cpe-security/1.0/index.html");
    assert!(cpe.contains("<dt>Feedback</dt><dd><a href=\"https:"));
    assert!(!cpe.contains("doc-abstract") && !cpe.contains("<dt>Supersedes</dt>"));
    let chapter = s.read("public/en/cpe-security/1.0/01-scope.html");
    assert!(!chapter.contains("<dt>Publisher</dt>") && !chapter.contains("<dt>License</dt>"));
    let bare = s.read("public/en/sender-auth/1.0/index.html");
    for absent in [
        "doc-abstract",
        "<dt>Publisher",
        "<dt>Supersedes",
        "<dt>License",
        "<dt>Feedback",
    ] {
        assert!(!bare.contains(absent), "sender-auth 1.0 shows {absent}");
    }
}

/// The print edition's title page, which the browser prints, carries the same fields as the
/// PDF's, and none that the front matter lacks.
#[test]
fn the_print_edition_title_page_shows_the_same_fields() {
    let s = built(&["--no-pdf"]);
    let ja = s.read("public/ja/abuse-desk/2.0/print.html");
    let title_page = &ja[..ja.find("</section>").expect("the title page")];
    for row in [
        "<dt>発行者</dt><dd>Abuse Handling Working Group</dd>",
        "<dt>旧版</dt><dd><a href=\"../../../ja/abuse-desk/1.0/index.html\">バージョン1.0</a></dd>",
        "<dt>ライセンス</dt><dd><a href=\"https://spdx.org/licenses/CC-BY-4.0.html\" rel=\"license\">CC-BY-4.0</a></dd>",
        "<dt>フィードバック先</dt><dd><a href=\"mailto:abuse-wg@example.org\">abuse-wg@example.org</a></dd>",
        "<h2 class=\"abstract-title\">概要</h2>",
    ] {
        assert!(title_page.contains(row), "{row}");
    }
    let en = s.read("public/en/sender-auth/1.0/print.html");
    for label in [
        "Publisher",
        "Supersedes",
        "License",
        "Feedback",
        "abstract-title",
    ] {
        assert!(!en.contains(label), "sender-auth has no {label}");
    }
}
