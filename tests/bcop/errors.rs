//! Every mistake an author or translator can make: a `path:line:col` error, a non-zero exit,
//! and the previously published site left exactly as it was.

use crate::support::{TestSite, tree};

/// Builds a good site, breaks it with `f`, rebuilds, and checks the error and `public/`.
fn breaks(f: impl FnOnce(&TestSite), expect_at: &str, expect_msg: &str) -> String {
    let s = TestSite::new();
    s.doc("alpha", "1.0", "Alpha", "## One\n\nText.\n");
    s.build_ok();
    let before = tree(&s.path().join("public"));
    f(&s);
    let r = s.build();
    assert!(!r.ok, "the build should fail");
    assert!(
        r.stderr.contains(expect_at),
        "expected `{expect_at}` in:\n{}",
        r.stderr
    );
    assert!(
        r.stderr.contains(expect_msg),
        "expected `{expect_msg}` in:\n{}",
        r.stderr
    );
    assert_eq!(
        tree(&s.path().join("public")),
        before,
        "public/ changed after a failed build"
    );
    r.stderr
}

#[test]
fn bad_yaml_names_file_line_and_column() {
    let err = breaks(
        |s| {
            s.file(
                "content/alpha/1.0/index.md",
                "---\ntitle: Alpha: Beta\nstatus: published\n---\nBody\n",
            );
        },
        "content/alpha/1.0/index.md:2:",
        "error[bad-yaml]: mapping values are not allowed",
    );
    assert!(err.contains(" | "), "shows the source line: {err}");
}

#[test]
fn missing_required_field_is_named() {
    breaks(
        |s| {
            s.file(
                "content/alpha/1.0/index.md",
                "---\ntitle: Alpha\ndate: 2025-01-01\n---\nBody\n",
            );
        },
        "content/alpha/1.0/index.md:2:1: error[bad-yaml]",
        "missing field `status`",
    );
}

#[test]
fn unknown_status_lists_the_valid_ones() {
    let err = breaks(
        |s| {
            s.file(
                "content/alpha/1.0/index.md",
                "---\ntitle: Alpha\nstatus: publishd\ndate: 2025-01-01\n---\n",
            );
        },
        "content/alpha/1.0/index.md:3:9: error[bad-yaml]",
        "unknown status `publishd`: use draft, published, superseded or withdrawn",
    );
    assert!(err.contains("published"));
    assert!(err.contains("3 | status: publishd"));
}

#[test]
fn bad_version_folder_name_is_an_error() {
    breaks(
        |s| {
            s.doc("alpha", "v2", "Alpha", "x");
        },
        "content/alpha/v2:1:1: error[bad-version-folder]",
        "rename it to a number such as 1.0",
    );
}

#[test]
fn two_documents_with_the_same_id_are_an_error() {
    breaks(
        |s| {
            s.file(
                "content/alpha/1.0/index.md",
                "---\nid: BCOP-X\ntitle: A\nstatus: published\ndate: 2025-01-01\n---\n",
            );
            s.file(
                "content/beta/1.0/index.md",
                "---\ntitle: B\nid: BCOP-X\nstatus: published\ndate: 2025-01-01\n---\n",
            );
        },
        "content/beta/1.0/index.md:3:1: error[duplicate-id]",
        "document id `BCOP-X` is already used by alpha",
    );
}

#[test]
fn bad_fluent_file_is_an_error_with_its_line() {
    breaks(
        |s| {
            s.file(
                "locales/ja/main.ftl",
                "nav-home = ホーム\nbroken { $count }\nnext = x\n",
            );
        },
        "locales/ja/main.ftl:2:",
        "error[bad-ftl]: Fluent syntax error",
    );
}

#[test]
fn unknown_template_variable_points_into_the_template() {
    breaks(
        |s| {
            s.file(
                "templates/404.html",
                "<html>\n<p>{{ lang }}</p>\n<p>{{ no_such_thing }}</p>\n</html>\n",
            );
        },
        "templates/404.html:3:7: error[template-error]",
        "no_such_thing",
    );
}

#[test]
fn unknown_ui_key_points_into_the_template_and_says_where_keys_come_from() {
    breaks(
        |s| {
            s.file(
                "templates/404.html",
                "<html>\n<p>{{ ui[\"nav-home\"] }}</p>\n<p>{{ ui[\"nav-hom\"] }}</p>\n</html>\n",
            );
        },
        "templates/404.html:3:7: error[template-error]",
        "a `ui[\"…\"]` key is a message id of the .ftl catalogs",
    );
}

#[test]
fn a_front_matter_mapping_with_a_list_as_key_is_an_error_at_its_key() {
    breaks(
        |s| {
            s.file(
                "content/alpha/1.0/index.md",
                "---\ntitle: Alpha\nstatus: published\ndate: 2025-01-01\nodd:\n  ? [a, b]\n  : c\n---\n\n## One\n",
            );
        },
        "content/alpha/1.0/index.md:5:1: error[bad-front-matter-value]",
        "write its keys as text",
    );
}

#[test]
fn unclosed_front_matter_is_an_error() {
    breaks(
        |s| {
            s.file(
                "content/alpha/1.0/index.md",
                "---\ntitle: Alpha\nstatus: published\n",
            );
        },
        "content/alpha/1.0/index.md:1:1: error[unclosed-front-matter]",
        "not closed",
    );
}

#[test]
fn a_typo_in_a_front_matter_key_gets_a_suggestion() {
    let s = TestSite::new();
    s.file(
        "content/alpha/1.0/index.md",
        "---\ntitle: A\nstatus: published\ndate: 2025-01-01\nsumary: x\n---\n",
    );
    let r = s.build_ok();
    assert!(
        r.stderr
            .contains("content/alpha/1.0/index.md:5:1: warning[unknown-key]"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("did you mean `summary`?"));
}

#[test]
fn strict_turns_warnings_into_a_failure_without_touching_public() {
    let s = TestSite::new();
    s.doc("alpha", "1.0", "Alpha", "![x](images/missing.png)\n");
    s.build_ok();
    let before = tree(&s.path().join("public"));
    s.file(
        "content/alpha/1.0/index.md",
        "---\ntitle: Alpha2\nstatus: published\ndate: 2025-01-02\n---\n![x](images/missing.png)\n",
    );
    let r = s.bcop(&["build", "--strict"]);
    assert!(!r.ok);
    assert!(r.stderr.contains("content/alpha/1.0/index.md:6:1: error[missing-image]: image `images/missing.png` not found"), "{}", r.stderr);
    assert_eq!(tree(&s.path().join("public")), before);
}

#[test]
fn no_site_yaml_is_a_clear_error() {
    let s = TestSite::empty();
    let r = s.build();
    assert!(!r.ok);
    assert!(
        r.stderr
            .contains("site.yaml:1:1: error[missing-config]: there is no site.yaml here"),
        "{}",
        r.stderr
    );
}

#[test]
fn a_file_that_is_not_utf8_is_reported_with_the_other_problems() {
    let s = TestSite::new();
    s.doc("alpha", "1.0", "Alpha", "ok\n");
    std::fs::write(
        s.path().join("content/alpha/1.0/02-bad.md"),
        b"# Title\n\nsome \xff\xfe bytes\n",
    )
    .expect("write");
    s.file("content/beta/1.0/index.md", "---\ntitle: B\n---\n");
    let r = s.build();
    assert!(!r.ok);
    assert!(
        r.stderr.contains(
            "content/alpha/1.0/02-bad.md:3:6: error[not-utf8]: this file is not UTF-8 text"
        ),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr
            .contains("content/beta/1.0/index.md:2:1: error[bad-yaml]: missing field `status`"),
        "{}",
        r.stderr
    );
}
