//! The engine's behaviour around the typesetting: warnings and their locations, the CJK
//! font check, the cache, template errors, the sealed world.

use std::path::Path;

use super::tests::{engine, english, japanese, poppler, template_path};
use super::world::Fonts;
use super::*;
use crate::error::{Code, Severity};

fn template() -> String {
    std::fs::read_to_string(template_path()).expect("the default PDF template")
}

#[test]
fn missing_image_is_a_warning_at_its_line_and_a_placeholder() {
    let (pdf, warnings) = engine().render(&english()).expect("renders");
    let missing: Vec<_> = warnings
        .iter()
        .filter(|w| w.code == Code::MissingImage)
        .collect();
    assert_eq!(missing.len(), 1, "{warnings:?}");
    assert_eq!(missing[0].severity, Severity::Warning);
    let at = missing[0].location.as_deref().expect("a location");
    // Line 12 of the chapter's Markdown, which starts on line 4 of its file.
    assert_eq!(
        (at.path.as_path(), at.line, at.col),
        (Path::new("content/cpe/1.0/index.md"), 15, 1)
    );
    assert!(missing[0].to_string().contains("images/network.svg"));
    if let Some(text) = poppler("pdftotext", &[], &pdf) {
        assert!(
            text.contains("images/network.svg"),
            "placeholder shows the path"
        );
    }
}

#[test]
fn images_that_exist_are_embedded_and_bad_ones_become_placeholders() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let svg = dir.path().join("ok.svg");
    std::fs::write(
        &svg,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40"><rect width="120" height="40" fill="blue"/></svg>"#,
    )
    .expect("svg written");
    let bmp = dir.path().join("bad.bmp");
    std::fs::write(&bmp, b"not an image").expect("file written");
    let mut doc = english();
    let ch = &mut doc.chapters[0];
    ch.markdown
        .push_str("\n![ok](images/ok.svg) and ![bad](images/bad.bmp)\n");
    ch.assets.insert("images/network.svg".into(), svg.clone());
    ch.assets.insert("images/ok.svg".into(), svg);
    ch.assets.insert("images/bad.bmp".into(), bmp);
    let (_, warnings) = engine().render(&doc).expect("renders");
    let messages: Vec<String> = warnings.iter().map(|w| w.message.clone()).collect();
    assert_eq!(messages.len(), 1, "{messages:?}");
    assert!(messages[0].contains("bad.bmp") && messages[0].contains("not an image format"));
}

#[test]
fn an_image_that_cannot_be_decoded_is_a_warning_not_a_failure() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let png = dir.path().join("broken.png");
    std::fs::write(&png, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDRbroken").expect("file written");
    let mut doc = english();
    doc.chapters[0]
        .assets
        .insert("images/network.svg".into(), png);
    let (_, warnings) = engine()
        .render(&doc)
        .expect("a broken PNG does not stop the PDF");
    let w = warnings
        .iter()
        .find(|w| w.code == Code::MissingImage)
        .expect("a warning");
    assert!(w.message.contains("broken.png cannot be decoded"), "{w}");
    assert_eq!(w.location.as_deref().map(|l| l.line), Some(15));
}

#[test]
fn japanese_needs_no_installed_font_because_bcop_carries_one() {
    let path = template_path();
    let bare = PdfEngine::with_fonts(&template(), &path, Fonts::load(&[], false)).expect("engine");
    let (pdf, _) = bare
        .render(&japanese())
        .expect("typeset with the bundled font");
    let Some(fonts) = poppler("pdffonts", &[], &pdf) else {
        return;
    };
    assert!(fonts.contains("BIZUDGothic"), "{fonts}");
}

#[test]
fn korean_without_a_korean_font_is_an_error_that_names_the_fix() {
    let path = template_path();
    let bare = PdfEngine::with_fonts(&template(), &path, Fonts::load(&[], false)).expect("engine");
    let mut korean = english();
    korean.chapters[0]
        .markdown
        .push_str("\n\n장비마다 고유한 비밀번호.\n");
    let err = bare.render(&korean).expect_err("no font has Hangul");
    assert_eq!(err.code, Code::PdfCjkFont);
    assert_eq!(
        err.severity,
        Severity::Warning,
        "the rest of the site is still built"
    );
    let shown = err.to_string();
    assert!(shown.contains("`장` (U+C7A5)"), "{shown}");
    assert!(
        shown.contains("Noto Serif CJK") && shown.contains("fonts-noto-cjk"),
        "{shown}"
    );
    assert!(shown.contains("themes/<theme>/fonts/"), "{shown}");
    // English needs no CJK font.
    assert!(bare.render(&english()).is_ok());
}

#[test]
fn unchanged_input_is_a_cache_hit_with_the_same_bytes() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let doc = english();
    let (first, warnings, used) = engine().render_cached(&doc, dir.path()).expect("renders");
    assert_eq!(used, CacheUse::Typeset);
    let (second, cached_warnings, used) =
        engine().render_cached(&doc, dir.path()).expect("renders");
    assert!(used == CacheUse::Hit && first == second);
    assert_eq!(
        warnings, cached_warnings,
        "warnings are reported on a hit too"
    );
    let mut changed = doc.clone();
    changed.chapters[1]
        .markdown
        .push_str("\nOne more sentence.\n");
    assert_eq!(
        engine()
            .render_cached(&changed, dir.path())
            .expect("renders")
            .2,
        CacheUse::Typeset
    );
}

#[test]
fn template_errors_point_at_the_template_line() {
    let path = template_path();
    let broken = template().replace(
        "#let bcop-rule() = block(",
        "#let bcop-rule() = panic(\"rule is broken\")\n#let unused-rule() = block(",
    );
    let line = broken
        .lines()
        .position(|l| l.contains("rule is broken"))
        .expect("line")
        + 1;
    let engine = PdfEngine::new(&broken, &path, &[]).expect("engine");
    let mut doc = english();
    doc.chapters[1].markdown.push_str("\n---\n");
    let err = engine.render(&doc).expect_err("the template panics");
    let at = err.location.as_deref().expect("a location");
    assert_eq!(
        (at.path.as_path(), at.line),
        (path.as_path(), line),
        "{err}"
    );
    assert!(err.message.contains("rule is broken"), "{err}");

    let syntax = PdfEngine::new("#let x = (\n", Path::new("site/pdf/document.typ"), &[])
        .err()
        .expect("a syntax error is found up front");
    assert_eq!(syntax.code, Code::PdfTemplate);
    assert!(
        syntax.to_string().starts_with("site/pdf/document.typ:"),
        "{syntax}"
    );
}

#[test]
fn fallback_chapters_are_labelled_in_their_own_language() {
    let (pdf, _) = engine().render(&japanese()).expect("renders");
    let raw = String::from_utf8_lossy(&pdf);
    assert!(raw.contains("/Lang(ja)"), "the document is Japanese");
    assert!(
        raw.contains("/Lang(en)"),
        "the untranslated chapter is English"
    );
    let (pdf, _) = engine().render(&english()).expect("renders");
    assert!(!String::from_utf8_lossy(&pdf).contains("/Lang(ja)"));
}

#[test]
fn today_is_the_document_date_and_packages_are_not_fetched() {
    let path = template_path();
    let dated = format!(
        "{}\n#assert.eq(datetime.today().display(), \"2025-03-14\")\n",
        template()
    );
    let engine = PdfEngine::new(&dated, &path, &[]).expect("engine");
    engine.render(&english()).unwrap_or_else(|e| panic!("{e}"));

    let with_package = format!("#import \"@preview/anything:0.1.0\": *\n{}", template());
    let engine = PdfEngine::new(&with_package, &path, &[]).expect("engine");
    let err = engine.render(&english()).expect_err("no packages");
    assert_eq!(err.location.as_deref().map(|l| l.line), Some(1), "{err}");
}

#[test]
fn fonts_in_the_theme_folder_are_used() {
    let Some(noto) = ["/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc"]
        .iter()
        .map(Path::new)
        .find(|p| p.is_file())
    else {
        eprintln!("skipping: no Noto Serif CJK to put in a theme folder");
        return;
    };
    let dir = tempfile::tempdir().expect("a temporary folder");
    std::fs::copy(noto, dir.path().join("NotoSerifCJK-Regular.ttc")).expect("font copied");
    let fonts = Fonts::load(&[dir.path().to_path_buf()], false);
    let engine = PdfEngine::with_fonts(&template(), &template_path(), fonts).expect("engine");
    engine.render(&japanese()).unwrap_or_else(|e| panic!("{e}"));
}
