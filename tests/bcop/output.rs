//! Properties of the output as a whole: determinism, snapshots of a small fixture, policies.

use crate::support::{TestSite, no_fonts_config, repo, tree};
use std::process::Command;

#[test]
fn two_builds_of_the_same_input_are_byte_identical() {
    let s = TestSite::copy_of(&repo());
    s.build_ok();
    let first = tree(&s.path().join("public"));
    s.build_ok();
    assert_eq!(first, tree(&s.path().join("public")));
}

#[test]
fn output_does_not_depend_on_the_thread_count() {
    let s = TestSite::copy_of(&repo());
    let build = |threads: &str, out: &str| {
        let st = Command::new(env!("CARGO_BIN_EXE_bcop"))
            .args(["build", "--out", out])
            .env("RAYON_NUM_THREADS", threads)
            .current_dir(s.path())
            .status()
            .expect("run");
        assert!(st.success());
        tree(&s.path().join(out))
    };
    assert_eq!(build("1", "serial"), build("4", "parallel"));
}

/// The small fixture, built with no installed font visible, so that the PDF sizes on its pages
/// are the same on every machine.
fn fixture() -> TestSite {
    let s = TestSite::copy_of(&repo().join("tests/fixtures/small"));
    let conf = no_fonts_config(&s);
    let r = s.bcop_with(&["build"], &[("FONTCONFIG_FILE", conf.as_os_str())]);
    assert!(r.ok, "{}", r.stderr);
    s
}

#[test]
fn document_page_snapshot() {
    let s = fixture();
    insta::assert_snapshot!(s.read("public/ja/guide/1.0/01-setup.html"));
}

#[test]
fn catalog_page_snapshot() {
    let s = fixture();
    insta::assert_snapshot!(s.read("public/fr/index.html"));
}

#[test]
fn sitemap_snapshot() {
    let s = fixture();
    insta::assert_snapshot!(s.read("public/sitemap.xml"));
}

#[test]
fn omit_policy_leaves_untranslated_pages_out() {
    let s = TestSite::copy_of(&repo().join("tests/fixtures/small"));
    let yaml = s.read("site.yaml") + "missing_translation: omit\n";
    s.file("site.yaml", &yaml);
    s.build_ok();
    // ja is complete, fr is missing.
    assert!(s.exists("public/ja/guide/1.0/index.html"));
    assert!(!s.exists("public/fr/guide/1.0/index.html"));
    let ja = s.read("public/ja/guide/1.0/index.html");
    assert!(
        ja.contains("class=\"unavailable\""),
        "the switcher marks French as unavailable"
    );
}

#[test]
fn site_catalog_overrides_one_theme_string() {
    let s = TestSite::copy_of(&repo().join("tests/fixtures/small"));
    s.file("locales/fr/site.ftl", "nav-documents = Référentiel\n");
    s.build_ok();
    let fr = s.read("public/fr/index.html");
    assert!(fr.contains(">Référentiel</a>"));
    assert!(fr.contains(">Accueil</a>"), "other theme strings stay");
}

#[test]
fn a_missing_ui_string_falls_back_to_the_source_language_with_a_warning() {
    let s = TestSite::copy_of(&repo().join("tests/fixtures/small"));
    s.file(
        "templates/404.html",
        "<html lang=\"{{ lang }}\"><p>{{ t(key=\"site-only\") }}</p></html>\n",
    );
    s.file("locales/en/site.ftl", "site-only = Only in English\n");
    let r = s.build_ok();
    assert!(r.stderr.contains("locales/en/site.ftl:1:1: warning[missing-ui-string]: UI string `site-only` has no ja translation"), "{}", r.stderr);
    assert!(s.read("public/404.html").contains("Only in English"));
}

#[test]
fn reload_script_is_never_part_of_a_build() {
    let s = fixture();
    for (path, bytes) in tree(&s.path().join("public")) {
        let text = String::from_utf8_lossy(&bytes);
        assert!(
            !text.contains("EventSource") && !text.contains("__bcop"),
            "{path}"
        );
    }
}

#[test]
fn a_sites_own_static_files_win_over_the_files_bcop_generates_with_the_same_path() {
    let s = TestSite::copy_of(&repo().join("tests/fixtures/small"));
    let robots = "User-agent: *\nDisallow: /drafts/\n";
    s.file("static/robots.txt", robots);
    s.file("static/404.html", "<p>ours</p>\n");
    s.build_ok();
    // The site's pages come first, then the theme's static files, then robots.txt and the
    // sitemap: a generated page keeps its path, a static file replaces robots.txt.
    assert_eq!(s.read("public/robots.txt"), robots);
    assert_ne!(s.read("public/404.html"), "<p>ours</p>\n");
    assert!(s.read("public/sitemap.xml").contains("<urlset"));
}
