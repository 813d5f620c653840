//! PDFs and print editions of the example site, read back with poppler (`pdftotext`,
//! `pdfinfo`, `pdffonts`), as a reader's PDF viewer would see them.

use crate::support::{TestSite, no_fonts_config, repo};
use std::process::Command;

/// Runs a poppler tool; fails (never skips) when CI is set and the tool is missing.
pub fn poppler(tool: &str, args: &[&str]) -> Option<String> {
    match Command::new(tool).args(args).output() {
        Ok(out) => Some(String::from_utf8_lossy(&out.stdout).into_owned()),
        Err(e) => {
            assert!(
                std::env::var_os("CI").is_none(),
                "{tool} is missing and CI is set ({e}): .ci/run installs poppler-utils"
            );
            eprintln!("skipping: {tool} is missing (install poppler-utils)");
            None
        }
    }
}

fn text(s: &TestSite, pdf: &str) -> Option<String> {
    poppler(
        "pdftotext",
        &["-layout", &s.path().join(pdf).to_string_lossy(), "-"],
    )
}

fn built(extra: &[&str]) -> TestSite {
    let s = TestSite::copy_of(&repo());
    let mut args = vec!["build"];
    args.extend_from_slice(extra);
    let r = s.bcop(&args);
    assert!(r.ok, "{}", r.stderr);
    s
}

#[test]
fn every_version_and_language_has_a_pdf_with_title_page_toc_page_numbers_and_metadata() {
    let s = built(&[]);
    for (doc, version) in [
        ("abuse-desk", "1.0"),
        ("abuse-desk", "2.0"),
        ("cpe-security", "1.0"),
        ("sender-auth", "1.0"),
    ] {
        for lang in ["en", "pt-BR", "es", "ja", "fr"] {
            let pdf = format!("public/{lang}/{doc}/{version}/{doc}-{version}-{lang}.pdf");
            assert!(s.read_bytes(&pdf).starts_with(b"%PDF-"), "{pdf}");
        }
    }
    let Some(en) = text(&s, "public/en/cpe-security/1.0/cpe-security-1.0-en.pdf") else {
        return;
    };
    let title_page: String = en
        .split('\u{c}')
        .next()
        .unwrap_or("")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    for expected in [
        "BCOP-CPE",
        "Minimum Security Requirements for Customer Premises",
        "1.0",
        "2025-09-01",
        "Published",
        "English",
    ] {
        assert!(
            title_page.contains(expected),
            "title page lacks {expected}:\n{title_page}"
        );
    }
    let toc = en.split('\u{c}').nth(1).unwrap_or("");
    assert!(toc.contains("Contents"), "{toc}");
    let line = toc
        .lines()
        .find(|l| l.contains("Scope and definitions"))
        .expect("TOC entry");
    assert!(
        line.trim_end().ends_with(|c: char| c.is_ascii_digit()),
        "TOC entry without a page number: {line}"
    );
    for (lang, page_of) in [
        ("en", "Page 2 of "),
        ("pt-BR", "Página 2 de "),
        ("es", "Página 2 de "),
        ("ja", "ページ中2ページ"),
        ("fr", "Page 2 sur "),
    ] {
        let t = text(
            &s,
            &format!("public/{lang}/cpe-security/1.0/cpe-security-1.0-{lang}.pdf"),
        )
        .unwrap_or_default();
        // pdftotext puts a space where the text changes font, as between kana and digits.
        assert!(
            t.replace(' ', "").contains(&page_of.replace(' ', "")),
            "{lang}: no `{page_of}`"
        );
    }
    let info = poppler(
        "pdfinfo",
        &[&s.path()
            .join("public/ja/cpe-security/1.0/cpe-security-1.0-ja.pdf")
            .to_string_lossy()],
    )
    .unwrap_or_default();
    assert!(
        info.contains("Title:           顧客宅内機器（CPE）の最低限のセキュリティ要件"),
        "{info}"
    );
    assert!(
        info.contains("CreationDate:    Mon Sep  1 00:00:00 2025"),
        "the date comes from the document: {info}"
    );
    let bytes = s.read_bytes("public/ja/cpe-security/1.0/cpe-security-1.0-ja.pdf");
    assert!(
        contains(&bytes, b"/Lang (ja)") || contains(&bytes, b"/Lang(ja)"),
        "document language"
    );
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

#[test]
fn the_japanese_pdf_has_intact_text_and_an_embedded_cjk_font() {
    let s = built(&[]);
    let pdf = "public/ja/cpe-security/1.0/cpe-security-1.0-ja.pdf";
    let Some(t) = text(&s, pdf) else { return };
    assert!(t.contains("顧客宅内機器"), "Japanese title");
    let flat: String = t.split_whitespace().collect();
    assert!(flat.contains("推測可能な認証情報や共有された認証情報は、依然としてCPEが大規模に乗っ取られる最も一般的な経路である。"), "Japanese paragraph");
    let fonts = poppler("pdffonts", &[&s.path().join(pdf).to_string_lossy()]).unwrap_or_default();
    // An installed Noto or Source Han font where there is one, else the one bcop carries.
    let cjk: Vec<&str> = fonts
        .lines()
        .filter(|l| l.contains("CJK") || l.contains("BIZUDGothic"))
        .collect();
    assert!(!cjk.is_empty(), "no CJK font:\n{fonts}");
    for l in &cjk {
        assert!(!l.contains("Type 3"), "{l}");
        assert!(
            l.split_whitespace().any(|w| w == "yes"),
            "not embedded: {l}"
        );
    }
}

#[test]
fn no_pdf_skips_the_pdfs_but_keeps_the_print_editions() {
    let s = built(&["--no-pdf"]);
    assert!(!s.exists("public/en/cpe-security/1.0/cpe-security-1.0-en.pdf"));
    assert!(s.exists("public/en/cpe-security/1.0/print.html"));
    let page = s.read("public/en/cpe-security/1.0/index.html");
    assert!(!page.contains("download-pdf") && page.contains("print-link"));
}

#[test]
fn pages_link_the_pdf_with_its_size_and_the_catalog_lists_pdf_languages() {
    let s = built(&[]);
    let page = s.read("public/fr/cpe-security/1.0/01-scope.html");
    let size = std::fs::metadata(
        s.path()
            .join("public/fr/cpe-security/1.0/cpe-security-1.0-fr.pdf"),
    )
    .expect("pdf")
    .len();
    let kb = size.div_ceil(1024);
    assert!(page.contains(&format!("href=\"../../../fr/cpe-security/1.0/cpe-security-1.0-fr.pdf\" type=\"application/pdf\">PDF ({kb} KB)</a>")), "link with size");
    assert!(
        page.contains("href=\"../../../fr/cpe-security/1.0/print.html\">Version imprimable</a>")
    );
    let catalog = s.read("public/en/index.html");
    assert!(catalog.contains(
        "<a class=\"badge pdf\" href=\"../ja/cpe-security/1.0/cpe-security-1.0-ja.pdf\""
    ));
}

#[test]
fn the_print_edition_is_one_paged_document_without_site_navigation() {
    let s = built(&["--no-pdf"]);
    let p = s.read("public/ja/cpe-security/1.0/print.html");
    assert!(p.contains("<link rel=\"stylesheet\" href=\"../../../assets/print.css\">"));
    assert!(p.contains(
        "@bottom-center { content: counter(pages) \"ページ中\" counter(page) \"ページ\"; }"
    ));
    assert!(p.contains(
        "@top-left { content: \"顧客宅内機器（CPE）の最低限のセキュリティ要件 · BCOP-CPE 1.0\"; }"
    ));
    assert!(p.contains("class=\"title-page\"") && p.contains("class=\"print-toc\""));
    assert_eq!(p.matches("class=\"print-chapter\"").count(), 5);
    assert!(!p.contains("site-header") && !p.contains("lang-switcher"));
    // Anchors stay unique across chapters, and links between chapters stay in the page.
    assert!(p.contains("id=\"c3-authentication\""));
    assert!(p.contains("href=\"#c3-authentication\""));
    let css = std::fs::read_to_string(repo().join("themes/default/static/assets/print.css"))
        .expect("css");
    assert!(css.contains("@page :first") && css.contains(".print-chapter { break-before: page; }"));
}

#[test]
fn drafts_say_draft_on_every_pdf_page_and_in_the_print_edition() {
    let s = built(&["--drafts"]);
    let print = s.read("public/en/sender-auth/1.1/print.html");
    assert!(
        print.contains("class=\"draft-watermark\"")
            && print.contains("@top-right { content: \"DRAFT\"")
    );
    // The Japanese PDF's mark is 草案; being rotated, pdftotext may split its two characters.
    let Some(t) = text(&s, "public/ja/sender-auth/1.1/sender-auth-1.1-ja.pdf") else {
        return;
    };
    let pages: Vec<&str> = t.split('\u{c}').filter(|p| !p.trim().is_empty()).collect();
    assert!(pages.len() > 3);
    for (i, page) in pages.iter().enumerate() {
        assert!(
            page.contains('草') && page.contains('案'),
            "page {} lacks the draft mark",
            i + 1
        );
    }
    let released = text(&s, "public/en/sender-auth/1.0/sender-auth-1.0-en.pdf").unwrap_or_default();
    assert!(!released.contains("DRAFT"));
}

#[test]
fn pdfs_follow_the_html_rules_for_fallbacks_and_outdated_sections() {
    let s = built(&[]);
    // French sender-auth: chapters 02 and 03 are not translated, so they are the English text.
    let fr = s.read_bytes("public/fr/sender-auth/1.0/sender-auth-1.0-fr.pdf");
    assert!(
        contains(&fr, b"/Lang (en)") || contains(&fr, b"/Lang(en)"),
        "the English chapters are marked English"
    );
    let Some(t) = text(&s, "public/fr/sender-auth/1.0/sender-auth-1.0-fr.pdf") else {
        return;
    };
    assert!(
        t.contains("pas encore été traduite"),
        "fallback note in French"
    );
    // Japanese abuse-desk 2.0 is outdated in one section: the PDF carries the mark.
    let ja: String = text(&s, "public/ja/abuse-desk/2.0/abuse-desk-2.0-ja.pdf")
        .unwrap_or_default()
        .split_whitespace()
        .collect();
    assert!(ja.contains("この節の原文は、この翻訳の作成後に変更されました。"));
    // The mark is the translation's, not one of the document's alerts: it names the source
    // section by number and heading, with its address, and has no 警告 title.
    let mark = ja
        .split("7.1対応時間目標")
        .nth(1)
        .expect("the outdated section's heading");
    assert!(
        mark.starts_with(
            "翻訳未更新この節の原文は、この翻訳の作成後に変更されました。原文の節：§7.1Responsetimeobjectiveshttps://bcop.example.org/en/abuse-desk/2.0/index.html#rto"
        ),
        "{}",
        &mark[..mark.len().min(300)]
    );
    assert!(!ja.contains("警告翻訳が古く") && !ja.contains("警告この節の原文"));
    // pt-BR sender-auth is not translated at all: its title page says the text is the
    // English original, and the PDF declares English as its language.
    let pt = s.read_bytes("public/pt-BR/sender-auth/1.0/sender-auth-1.0-pt-BR.pdf");
    let catalog = String::from_utf8_lossy(&pt);
    let catalog = &catalog[catalog
        .find("/Type /Catalog")
        .or_else(|| catalog.find("/Type/Catalog"))
        .expect("a catalog")..];
    let lang = &catalog[catalog.find("/Lang").expect("a /Lang in the catalog")..];
    assert!(
        lang.starts_with("/Lang (en)") || lang.starts_with("/Lang(en)"),
        "{}",
        &lang[..20]
    );
    let cover = poppler(
        "pdftotext",
        &[
            "-l",
            "1",
            &s.path()
                .join("public/pt-BR/sender-auth/1.0/sender-auth-1.0-pt-BR.pdf")
                .to_string_lossy(),
            "-",
        ],
    )
    .unwrap_or_default()
    .split_whitespace()
    .collect::<Vec<_>>()
    .join(" ");
    assert!(
        cover.contains("Este documento ainda não foi traduzido para o português. O texto é a versão original em inglês."),
        "{cover}"
    );
    // Its BCP 14 sentence names the keywords of its text, the English ones.
    assert!(cover.contains("\"MUST\""), "{cover}");
}

/// Issue 14: on a machine with no CJK font at all, the README's first command still builds the
/// whole site, the Japanese PDFs included, set in the font bcop carries.
#[test]
fn a_machine_without_cjk_fonts_still_gets_every_japanese_pdf() {
    let s = TestSite::copy_of(&repo());
    let conf = no_fonts_config(&s);
    let r = s.bcop_with(&["build"], &[("FONTCONFIG_FILE", conf.as_os_str())]);
    let stderr = r.stderr;
    assert!(r.ok, "{stderr}");
    assert!(!stderr.contains("pdf-cjk-font"), "{stderr}");
    for (doc, version) in [("abuse-desk", "2.0"), ("cpe-security", "1.0")] {
        let pdf = format!("public/ja/{doc}/{version}/{doc}-{version}-ja.pdf");
        assert!(s.read_bytes(&pdf).starts_with(b"%PDF-"), "{pdf}");
        let Some(fonts) = poppler("pdffonts", &[&s.path().join(&pdf).to_string_lossy()]) else {
            return;
        };
        assert!(
            fonts
                .lines()
                .any(|l| l.contains("BIZUDGothic") && l.split_whitespace().any(|w| w == "yes")),
            "{pdf}: {fonts}"
        );
        assert!(!fonts.contains("Type 3"), "{fonts}");
    }
    let Some(t) = text(&s, "public/ja/cpe-security/1.0/cpe-security-1.0-ja.pdf") else {
        return;
    };
    assert!(t.contains("顧客宅内機器"), "{t}");
}

/// Issue 14: text that no font can show (Hangul, with no Korean font installed or carried)
/// costs only that PDF, with one warning that names it, the first character and the fix; the
/// pages do not link the missing PDF, and `--strict` fails the build instead.
#[test]
fn a_pdf_that_no_font_can_typeset_is_skipped_with_one_warning() {
    let s = TestSite::new();
    s.file(
        "site.yaml",
        "title: T\nbase_url: https://example.org/\nlanguages:\n  - code: en\n    name: English\n  - code: ko\n    name: 한국어\n",
    );
    s.doc("guide", "1.0", "Guide", "## Setup\n\nText.\n");
    s.file(
        "locales/ko/guide/1.0/index.md",
        "---\ntitle: 안내\n---\n## Setup\n\n장비마다 고유한 비밀번호.\n",
    );
    let conf = no_fonts_config(&s);
    let run = |strict: bool| {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_bcop"));
        cmd.arg("build")
            .env("FONTCONFIG_FILE", &conf)
            .current_dir(s.path());
        if strict {
            cmd.arg("--strict");
        }
        cmd.output().expect("run bcop")
    };
    let out = run(false);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    let warnings: Vec<&str> = stderr
        .lines()
        .filter(|l| l.contains("[pdf-cjk-font]"))
        .collect();
    assert_eq!(warnings.len(), 1, "{stderr}");
    assert!(
        warnings[0].starts_with("locales/ko/guide/1.0/index.md:6:1: warning[pdf-cjk-font]")
            && warnings[0].contains("ko/guide/1.0/guide-1.0-ko.pdf is not made")
            && warnings[0].contains("U+C7A5"),
        "{stderr}"
    );
    assert!(s.exists("public/en/guide/1.0/guide-1.0-en.pdf"));
    assert!(!s.exists("public/ko/guide/1.0/guide-1.0-ko.pdf"));
    let page = s.read("public/ko/guide/1.0/index.html");
    assert!(page.contains("장비마다") && !page.contains("guide-1.0-ko.pdf"));
    let strict = run(true);
    assert!(!strict.status.success());
    assert!(String::from_utf8_lossy(&strict.stderr).contains("error[pdf-cjk-font]"));
}

/// Readers cite "§ 3.2": a section has the same number on the web and in the PDF, and a
/// document of one chapter has no chapter level (its sections are 1, 2, 3).
#[test]
fn sections_have_the_same_numbers_on_the_web_and_in_the_pdf() {
    let s = built(&[]);
    let web = s.read("public/en/cpe-security/1.0/02-device-requirements.html");
    assert!(
        web.contains("<span class=\"secno\">3.2</span> Authentication and credentials"),
        "chapter 3, section 2 on the web"
    );
    let single = s.read("public/en/abuse-desk/2.0/index.html");
    assert!(single.contains("<span class=\"secno\">7.1</span> Response time objectives"));
    assert!(single.contains("<span class=\"secno\">1</span> Scope and terminology"));
    let ja = s.read("public/ja/abuse-desk/2.0/index.html");
    assert!(
        ja.contains("<span class=\"secno\">7.1</span> 対応時間目標"),
        "the same number in Japanese"
    );
    let Some(cpe) = text(&s, "public/en/cpe-security/1.0/cpe-security-1.0-en.pdf") else {
        return;
    };
    let cpe: String = cpe.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        cpe.contains("3.2 Authentication and credentials"),
        "chapter 3, section 2 in the PDF"
    );
    let abuse = text(&s, "public/en/abuse-desk/2.0/abuse-desk-2.0-en.pdf").unwrap_or_default();
    let abuse: String = abuse.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        abuse.contains("7.1 Response time objectives"),
        "single chapter: 7.1"
    );
    assert!(abuse.contains("1 Scope and terminology"));
    assert!(
        !abuse.contains("1.1 Scope and terminology"),
        "no extra chapter level"
    );
    assert!(
        !abuse.contains("1 Abuse Desk Operations"),
        "the title has no number"
    );
    // Numbered captions, and no requirement marker shown (four requirements end with a
    // footnote reference before their marker).
    assert!(
        abuse.contains("Table 1 Response time objectives by category"),
        "{abuse}"
    );
    assert!(
        abuse.contains("Figure 1 The lifecycle of an abuse report"),
        "{abuse}"
    );
    assert!(!abuse.contains("{#"), "a requirement's marker in the PDF");
}

/// A figure whose image is missing keeps its number and caption in the PDF, under the
/// placeholder that names the path.
#[test]
fn a_figure_whose_image_is_missing_keeps_its_caption_in_the_pdf() {
    let s = TestSite::new();
    s.doc(
        "guide",
        "1.0",
        "Guide",
        "## Setup\n\n![Flow](flow.svg \"How a report flows\")\n\nText.\n",
    );
    let r = s.bcop(&["build"]);
    assert!(r.ok, "{}", r.stderr);
    assert!(r.stderr.contains("warning[missing-image]"), "{}", r.stderr);
    let Some(text) = text(&s, "public/en/guide/1.0/guide-1.0-en.pdf") else {
        return;
    };
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains("flow.svg Figure 1 How a report flows"),
        "{flat}"
    );
}
