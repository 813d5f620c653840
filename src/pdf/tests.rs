//! Typesets small English and Japanese documents and reads the PDFs back with poppler.
//!
//! Poppler's tools are what readers' viewers and search engines see, so the checks go
//! through them rather than through Typst's own document. Without poppler the tests skip
//! on a developer's machine but fail in CI (`CI` set), where `.ci/run` installs it.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use super::*;

pub(super) fn template_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/pdf/document.typ")
}

pub(super) fn engine() -> &'static PdfEngine {
    static ENGINE: OnceLock<PdfEngine> = OnceLock::new();
    ENGINE.get_or_init(|| {
        let path = template_path();
        let template = std::fs::read_to_string(&path).expect("the default PDF template");
        PdfEngine::new(&template, &path, &[]).expect("the default template compiles")
    })
}

fn strings(ja: bool) -> PdfStrings {
    let s = |en: &str, j: &str| if ja { j.to_string() } else { en.to_string() };
    PdfStrings {
        contents: s("Contents", "目次"),
        page_of: s(
            "Page {current} of {total}",
            "{total} ページ中 {current} ページ",
        ),
        draft: s("DRAFT", "草案"),
        label_id: s("Identifier", "識別子"),
        label_version: s("Version", "版"),
        label_date: s("Date", "日付"),
        label_status: s("Status", "状態"),
        label_language: s("Language", "言語"),
        label_authors: s("Authors", "著者"),
        label_translators: s("Translators", "翻訳者"),
        status: s("Published", "公開"),
        fallback_note: s(
            "This chapter has not been translated yet.",
            "この章はまだ翻訳されていないため、原文（英語）で表示しています。",
        ),
        name_separator: s(", ", "、"),
        alert_titles: ["Note", "Tip", "Important", "Warning", "Caution"].map(|t| t.to_string()),
        ..PdfStrings::default()
    }
}

fn chapter(file: &str, lang: &str, markdown: &str, ids: &[&str]) -> PdfChapter {
    let title = markdown
        .lines()
        .find_map(|l| l.strip_prefix("# "))
        .unwrap_or("Untitled")
        .to_string();
    PdfChapter {
        title,
        outdated: Default::default(),
        markdown: markdown.to_string(),
        heading_ids: ids.iter().map(|s| s.to_string()).collect(),
        lang: lang.to_string(),
        fallback: false,
        assets: BTreeMap::new(),
        source_path: PathBuf::from(format!("content/cpe/1.0/{file}")),
        body_line: 3,
        keywords: None,
    }
}

const EN_INTRO: &str = "# Introduction\n\nThis document describes minimum security for customer premises \
equipment.[^scope] See [the checklist](02-checklist.md#checklist) and [scope](#scope).\n\n\
## Scope\n\nIt covers routers, *modems* and **gateways**; `telnet` must be off.\n\n\
> [!WARNING]\n> Default passwords are the most common cause of compromise.\n\n\
![Network diagram](images/network.svg)\n\n\
```sh\nssh admin@192.0.2.1 'show running-config'\n```\n\n\
[^scope]: Devices sold to consumers and small businesses.\n";

const EN_CHECKLIST: &str = "# Checklist {#checklist}\n\n\
| Requirement | Level | Rationale |\n|---|:---:|---|\n\
| Unique password per device | L1 | Shared defaults are published in manuals and scanned for within hours of a new device model appearing on the market. |\n\
| Automatic updates | L1 | Vulnerabilities are exploited at scale. |\n\
| No services on the WAN side | L2 | Reduces the attack surface. |\n\n\
- [x] Telnet disabled\n- [ ] UPnP reviewed\n\n1. First step\n2. Second step\n";

pub(super) fn english() -> PdfDocument {
    PdfDocument {
        ui_lang: "en".into(),
        text_lang: "en".into(),
        title: "Minimum Security for Customer Premises Equipment".into(),
        doc_id: "BCOP-CPE".into(),
        version: "1.0".into(),
        date: "2025-03-14".into(),
        language_name: "English".into(),
        authors: vec!["A. Operator".into(), "B. Engineer".into()],
        translators: vec![],
        draft: false,
        strings: strings(false),
        requirements: Vec::new(),
        changes: None,
        chapters: vec![
            chapter("index.md", "en", EN_INTRO, &["introduction", "scope"]),
            chapter("02-checklist.md", "en", EN_CHECKLIST, &["checklist"]),
        ],
        ..PdfDocument::default()
    }
}

const JA_INTRO: &str = "# はじめに\n\n本文書は、顧客宅内機器（CPE）の最低限のセキュリティ要件を定める。\
出荷時のパスワードは機器ごとに異なるものとし、利用者が初回ログイン時に変更できなければならない。[^scope]\n\
詳細は[チェックリスト](02-checklist.md#checklist)を参照。\n\n\
## 適用範囲\n\n家庭用ルーター、モデム及びゲートウェイを対象とする。`telnet` は無効にすること。\n\n\
| 要件 | レベル | 理由 |\n|---|---|---|\n\
| 機器ごとに固有のパスワード | L1 | 共通の初期パスワードは取扱説明書で公開されており、新機種の発売から数時間で探索される。 |\n\
| 自動更新 | L1 | 脆弱性は大規模に悪用される。 |\n\n\
![構成図](images/network.svg)\n\n\
```sh\n# 設定を確認する\nssh admin@192.0.2.1\n```\n\n\
[^scope]: 一般消費者及び小規模事業者向けに販売される機器。\n";

pub(super) fn japanese() -> PdfDocument {
    let mut fallback = chapter("02-checklist.md", "en", EN_CHECKLIST, &["checklist"]);
    fallback.fallback = true;
    PdfDocument {
        ui_lang: "ja".into(),
        text_lang: "ja".into(),
        title: "顧客宅内機器の最低限のセキュリティ".into(),
        doc_id: "BCOP-CPE".into(),
        version: "1.0".into(),
        date: "2025-03-14".into(),
        language_name: "日本語".into(),
        authors: vec!["A. Operator".into()],
        translators: vec!["山田 太郎".into()],
        draft: true,
        strings: strings(true),
        requirements: Vec::new(),
        changes: None,
        chapters: vec![
            chapter("index.md", "ja", JA_INTRO, &["introduction", "scope"]),
            fallback,
        ],
        publisher: "CPE 作業部会".into(),
        license: "CC-BY-4.0".into(),
        supersedes: "バージョン 0.9".into(),
        feedback: Some(("wg@example.org".into(), "mailto:wg@example.org".into())),
        r#abstract: vec!["機器の要件を定める。".into(), "二つ目の段落。".into()],
        abstract_lang: "ja".into(),
        citation: "A. Operator著、山田 太郎訳『顧客宅内機器の最低限のセキュリティ』".into(),
    }
}

/// Runs a poppler tool on a PDF, or returns `None` (skip) when poppler is missing outside CI.
pub(super) fn poppler(tool: &str, args: &[&str], pdf: &[u8]) -> Option<String> {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let file = dir.path().join("doc.pdf");
    std::fs::write(&file, pdf).expect("the PDF is written");
    let file = file.to_string_lossy().into_owned();
    let mut all: Vec<&str> = args.to_vec();
    all.push(&file);
    if tool == "pdftotext" {
        all.push("-");
    }
    match Command::new(tool).args(&all).output() {
        Ok(out) => {
            assert!(
                out.status.success(),
                "{tool} failed: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            Some(String::from_utf8_lossy(&out.stdout).into_owned())
        }
        Err(e) if std::env::var_os("CI").is_some() => {
            panic!("{tool} is needed for the PDF tests in CI (install poppler-utils): {e}")
        }
        Err(_) => {
            eprintln!("skipping: {tool} not installed (install poppler-utils)");
            None
        }
    }
}

fn render(doc: &PdfDocument) -> (Vec<u8>, Vec<Diagnostic>) {
    engine().render(doc).unwrap_or_else(|e| panic!("{e}"))
}

/// Text of the PDF with spaces and line breaks removed, so that CJK text broken over lines
/// still matches.
fn squeezed(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn english_pdf_has_title_page_toc_with_page_numbers_and_page_x_of_y() {
    let (pdf, _) = render(&english());
    let Some(text) = poppler("pdftotext", &["-layout"], &pdf) else {
        return;
    };
    let pages: Vec<&str> = text.split('\u{c}').collect();
    for needle in [
        "BCOP-CPE",
        "Minimum Security for Customer",
        "Version",
        "1.0",
        "2025-03-14",
        "Published",
        "A. Operator",
    ] {
        assert!(
            pages[0].contains(needle),
            "title page lacks {needle:?}:\n{}",
            pages[0]
        );
    }
    assert!(
        !pages[0].contains("Page 1 of"),
        "the title page has no footer"
    );
    let toc = pages[1];
    assert!(toc.contains("Contents"), "{toc}");
    for chapter in ["Introduction", "Checklist"] {
        let line = toc
            .lines()
            .find(|l| l.contains(chapter))
            .unwrap_or_else(|| panic!("{chapter} in TOC:\n{toc}"));
        assert!(
            line.trim_end().ends_with(|c: char| c.is_ascii_digit()),
            "no page number: {line:?}"
        );
    }
    let total = pages.iter().filter(|p| !p.trim().is_empty()).count();
    assert!(text.contains(&format!("Page 2 of {total}")), "{text}");
    assert!(text.contains("Devices sold to consumers"), "footnote text");
    assert!(text.contains("ssh admin@192.0.2.1"), "code block");
    let raw = String::from_utf8_lossy(&pdf);
    assert!(
        raw.contains("/Outlines") && raw.contains("/Title(1.1 Scope)"),
        "bookmarks"
    );
    assert!(text.contains("Unique password per device"), "table");
}

#[test]
fn japanese_pdf_keeps_its_text_and_embeds_a_real_cjk_font() {
    let (pdf, _) = render(&japanese());
    let Some(text) = poppler("pdftotext", &[], &pdf) else {
        return;
    };
    let flat = squeezed(&text);
    for needle in [
        "顧客宅内機器の最低限のセキュリティ",
        "出荷時のパスワードは機器ごとに異なるものとし、利用者が初回ログイン時に変更できなければならない。",
        "一般消費者及び小規模事業者向けに販売される機器。",
        "共通の初期パスワードは取扱説明書で公開されており",
        "目次",
        "草案",
        "この章はまだ翻訳されていないため",
        "Uniquepasswordperdevice",
    ] {
        assert!(flat.contains(needle), "{needle:?} not in:\n{text}");
    }
    assert!(text.contains("ページ中 2 ページ"), "{text}");
    let pages: Vec<&str> = text
        .split('\u{c}')
        .filter(|p| !p.trim().is_empty())
        .collect();
    assert!(pages.len() >= 4);
    for (i, page) in pages.iter().enumerate() {
        // The mark is rotated, so pdftotext may put its two characters on separate lines.
        let marked = page.contains('草') && page.contains('案');
        assert!(marked, "page {} of a draft lacks the mark", i + 1);
    }
    let Some(fonts) = poppler("pdffonts", &[], &pdf) else {
        return;
    };
    // An installed Noto or Source Han font, or the one bcop carries.
    let cjk: Vec<&str> = fonts
        .lines()
        .filter(|l| l.contains("CJK") || l.contains("BIZUDGothic"))
        .collect();
    assert!(!cjk.is_empty(), "no CJK font in:\n{fonts}");
    for line in cjk {
        assert!(!line.contains("Type 3"), "{line}");
        assert!(line.contains(" yes "), "not embedded: {line}");
    }
}

#[test]
fn two_renders_are_byte_identical_even_from_a_fresh_engine() {
    let path = template_path();
    let template = std::fs::read_to_string(&path).expect("the default PDF template");
    let fresh = PdfEngine::new(&template, &path, &[]).expect("engine");
    for doc in [english(), japanese()] {
        let first = render(&doc).0;
        assert!(
            first == render(&doc).0,
            "{} differs on a second render",
            doc.ui_lang
        );
        let again = fresh.render(&doc).expect("renders").0;
        assert!(
            first == again,
            "{} differs from a fresh engine",
            doc.ui_lang
        );
    }
}

#[test]
fn pdf_metadata_has_title_author_and_date() {
    let (pdf, _) = render(&english());
    let Some(info) = poppler("pdfinfo", &[], &pdf) else {
        return;
    };
    let title = info.lines().find(|l| l.starts_with("Title:")).unwrap_or("");
    assert!(
        title.ends_with(" Minimum Security for Customer Premises Equipment"),
        "{info}"
    );
    assert!(info.contains("A. Operator, B. Engineer"), "{info}");
    assert!(info.contains("2025"), "{info}");
}

#[test]
fn hostile_markdown_is_printed_literally() {
    let mut doc = english();
    doc.chapters[1].markdown.push_str(
        "\n#import \"x\": * and $x$ and &lt;label&gt; and @ref and \\\\ and ]] and [[ and \
         #{ panic() }\n= not a heading\n",
    );
    let (pdf, _) = render(&doc);
    let Some(text) = poppler("pdftotext", &[], &pdf) else {
        return;
    };
    let flat = text.replace('\n', " ");
    assert!(
        flat.contains("#import \"x\": * and $x$ and <label> and @ref and \\ and ]] and [[ and #{ panic() } = not a heading"),
        "{text}"
    );
}

#[test]
fn parallel_renders_match_sequential_ones() {
    use rayon::prelude::*;
    let docs = [english(), japanese(), english(), japanese()];
    let sequential: Vec<Vec<u8>> = docs.iter().map(|d| render(d).0).collect();
    let parallel: Vec<Vec<u8>> = docs.par_iter().map(|d| render(d).0).collect();
    assert!(sequential == parallel);
}

#[test]
fn requirements_are_labelled_with_keywords_and_listed_in_an_appendix_with_their_pages() {
    use crate::bcp14::{Level, Table};
    let mut doc = english();
    let words = |w: &[&str]| w.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    let table = Table::new(&std::collections::BTreeMap::from([
        (Level::Absolute, words(&["MUST"])),
        (Level::Prohibited, words(&["MUST NOT"])),
    ]));
    doc.chapters[0].keywords = Some(table);
    doc.chapters[0]
        .markdown
        .push_str("\n\nThe device MUST NOT ship with a shared password. {#CPE-AUTH-1}\n");
    doc.strings.bcp14 = "The key words are to be interpreted as described in BCP 14.".into();
    doc.strings.requirements = "Requirements".into();
    doc.strings.requirements_columns = ["ID", "Level", "Requirement", "Page"].map(String::from);
    doc.strings.levels = ["Must", "Must not", "Should", "Should not", "May"].map(String::from);
    doc.requirements = vec![super::PdfRequirement {
        id: "CPE-AUTH-1".into(),
        level: Some(Level::Prohibited),
        text: "The device MUST NOT ship with a shared password.".into(),
        chapter: 0,
    }];
    let (pdf, _) = render(&doc);
    let Some(text) = poppler("pdftotext", &["-layout"], &pdf) else {
        return;
    };
    let flat = squeezed(&text);
    assert!(
        flat.contains("CPE-AUTH-1ThedeviceMUSTNOTshipwithasharedpassword."),
        "{text}"
    );
    assert!(!flat.contains("{#CPE-AUTH-1}"), "the marker is not shown");
    assert!(
        flat.contains("ThekeywordsaretobeinterpretedasdescribedinBCP14."),
        "{text}"
    );
    let pages: Vec<&str> = text.split('\u{c}').collect();
    let appendix = pages
        .iter()
        .rev()
        .find(|p| p.contains("Requirements"))
        .expect("appendix");
    let page_of_requirement = pages
        .iter()
        .position(|p| p.contains("CPE-AUTH-1") && p.contains("ship with a shared"))
        .expect("the requirement's page")
        + 1;
    let row = appendix
        .lines()
        .find(|l| l.contains("CPE-AUTH-1"))
        .expect("the appendix row");
    assert!(row.contains("Must not"), "{row}");
    assert!(
        row.trim_end().ends_with(&page_of_requirement.to_string()),
        "{row} (on page {page_of_requirement})"
    );
}
