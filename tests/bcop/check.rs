//! `bcop check`: every diagnostic at once, as text or JSON, with the documented exit codes.

use crate::support::{TestSite, repo};
use std::process::Command;

struct Checked {
    code: i32,
    json: serde_json::Value,
}

fn check_json(s: &TestSite, extra: &[&str]) -> Checked {
    let out = Command::new(env!("CARGO_BIN_EXE_bcop"))
        .args(["check", "--format", "json"])
        .args(extra)
        .current_dir(s.path())
        .output()
        .expect("run");
    let json = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&out.stdout)));
    Checked {
        code: out.status.code().unwrap_or(-1),
        json,
    }
}

/// The diagnostics with `code`, as (path:line:col, message, help).
fn find(c: &Checked, code: &str) -> Vec<(String, String, String)> {
    c.json["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter(|d| d["code"] == code)
        .map(|d| {
            (
                format!(
                    "{}:{}:{}",
                    d["path"].as_str().unwrap_or(""),
                    d["line"],
                    d["column"]
                ),
                d["message"].as_str().unwrap_or("").to_string(),
                d["help"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect()
}

#[test]
fn the_example_site_is_clean_even_in_strict_mode() {
    let s = TestSite::copy_of(&repo());
    let c = check_json(&s, &["--strict"]);
    assert_eq!(c.json["diagnostics"], serde_json::json!([]), "{:#}", c.json);
    assert_eq!(c.code, 0);
    assert_eq!(c.json["ok"], true);
    assert!(!s.exists("public"), "check writes nothing");
}

fn site_with_problems() -> TestSite {
    let s = TestSite::new();
    s.file(
        "content/alpha/1.0/index.md",
        "---\ntitle: Alpha\nstatus: published\ndate: 2025-01-01\n---\n## Setup {#setup}\n\nSee [beta](../../beta/1.0/index.md#instal) and [gone](02-gone.md).\n\n![diagram](images/flow.svg)\n",
    );
    s.file(
        "content/beta/1.0/index.md",
        "---\ntitle: Beta\nstatus: published\ndate: 2025-01-01\ntagz: [x]\n---\n## Install\n\nBack to [alpha](../../alpha/1.0/index.md#setup).\n",
    );
    s
}

#[test]
fn links_anchors_images_and_key_typos_are_reported_with_suggestions() {
    let c = check_json(&site_with_problems(), &[]);
    assert_eq!(c.code, 0, "only warnings: exit 0 without --strict");
    let anchor = find(&c, "broken-anchor");
    assert_eq!(anchor.len(), 1, "{:#}", c.json);
    assert_eq!(anchor[0].0, "content/alpha/1.0/index.md:8:5");
    assert!(
        anchor[0]
            .1
            .contains("`#instal` is not a heading or requirement of `en/beta/1.0/index.html`")
    );
    assert_eq!(anchor[0].2, "did you mean `#install`?");
    let link = find(&c, "broken-link");
    assert_eq!(link.len(), 1);
    assert_eq!(link[0].0, "content/alpha/1.0/index.md:8:48");
    let image = find(&c, "missing-image");
    assert_eq!(image[0].0, "content/alpha/1.0/index.md:10:1");
    let key = find(&c, "unknown-key");
    assert_eq!(key[0].0, "content/beta/1.0/index.md:5:1");
    assert_eq!(key[0].2, "did you mean `tags`?");
    // A link across languages and documents that exists is not reported.
    assert!(
        c.json["warnings"].as_u64().unwrap_or(0) == 4,
        "{:#}",
        c.json
    );
}

#[test]
fn strict_makes_warnings_errors_and_exits_1() {
    let c = check_json(&site_with_problems(), &["--strict"]);
    assert_eq!(c.code, 1);
    assert_eq!(c.json["ok"], false);
    assert!(
        c.json["diagnostics"]
            .as_array()
            .expect("array")
            .iter()
            .all(|d| d["severity"] == "error")
    );
}

#[test]
fn errors_from_several_files_and_stages_are_reported_together() {
    let s = TestSite::new();
    s.file(
        "content/alpha/1.0/index.md",
        "---\ntitle: A\nstatus: publishd\ndate: 2025-01-01\n---\n",
    );
    s.file(
        "content/beta/x1/index.md",
        "---\ntitle: B\nstatus: draft\n---\n",
    );
    s.file(
        "content/gamma/1.0/index.md",
        "---\nid: G\ntitle: G\nstatus: published\ndate: 2025-01-01\n---\n",
    );
    s.file(
        "content/delta/1.0/index.md",
        "---\nid: G\ntitle: D\nstatus: published\ndate: 2025-01-01\n---\n",
    );
    s.file("locales/fr/main.ftl", "nav-home = Accueil\n= oops\n");
    let c = check_json(&s, &[]);
    assert_eq!(c.code, 1);
    let codes: Vec<&str> = c.json["diagnostics"]
        .as_array()
        .expect("array")
        .iter()
        .filter(|d| d["severity"] == "error")
        .filter_map(|d| d["code"].as_str())
        .collect();
    for code in ["bad-yaml", "bad-version-folder", "duplicate-id", "bad-ftl"] {
        assert!(codes.contains(&code), "{code} missing from {codes:?}");
    }
    let yaml = find(&c, "bad-yaml");
    assert_eq!(yaml[0].0, "content/alpha/1.0/index.md:3:9");
    assert_eq!(find(&c, "bad-ftl")[0].0, "locales/fr/main.ftl:2:1");
}

#[test]
fn human_output_shows_the_source_line_and_a_summary() {
    let out = Command::new(env!("CARGO_BIN_EXE_bcop"))
        .args(["check"])
        .current_dir(site_with_problems().path())
        .output()
        .expect("run");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains(
            "content/beta/1.0/index.md:5:1: warning[unknown-key]: unknown front matter key `tagz`"
        ),
        "{text}"
    );
    assert!(text.contains("5 | tagz: [x]"));
    assert!(text.trim_end().ends_with("0 error(s), 4 warning(s)"));
}

#[test]
fn a_usage_error_exits_2() {
    let out = Command::new(env!("CARGO_BIN_EXE_bcop"))
        .args(["check", "--no-such-flag"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn fluent_catalogs_are_checked_for_extra_unused_and_mismatched_keys() {
    let s = TestSite::new();
    s.doc("alpha", "1.0", "Alpha", "Text.\n");
    s.file(
        "locales/en/site.ftl",
        "site-motto = Operate well\nnav-home = Start\n",
    );
    s.file(
        "locales/ja/site.ftl",
        "nav-hom = ホーム\nlabel-authors = 著者\n",
    );
    let c = check_json(&s, &[]);
    let unused = find(&c, "unused-ui-string");
    assert_eq!(unused.len(), 1, "{:#}", c.json);
    assert_eq!(unused[0].0, "locales/en/site.ftl:1:1");
    assert!(unused[0].1.contains("`site-motto`"));
    let extra = find(&c, "extra-ui-string");
    assert_eq!(extra[0].0, "locales/ja/site.ftl:1:1");
    assert_eq!(extra[0].2, "did you mean `nav-home`?");
    let vars = find(&c, "ui-string-variables");
    assert_eq!(vars.len(), 1, "{:#}", c.json);
    assert_eq!(vars[0].0, "locales/ja/site.ftl:2:1");
    assert!(
        vars[0]
            .1
            .contains("`label-authors` uses none in ja but $count in en")
    );
}

#[test]
fn every_ui_string_of_the_default_theme_is_used_and_translated() {
    let s = TestSite::copy_of(&repo());
    // Copy the theme's catalogs into the site, where unused keys are reported.
    for lang in ["en", "pt-BR", "es", "ja", "fr"] {
        let theme =
            std::fs::read_to_string(repo().join(format!("themes/default/locales/{lang}/main.ftl")))
                .expect("ftl");
        s.file(&format!("locales/{lang}/main.ftl"), &theme);
    }
    let c = check_json(&s, &["--strict"]);
    assert_eq!(c.json["diagnostics"], serde_json::json!([]), "{:#}", c.json);
    let out = Command::new(env!("CARGO_BIN_EXE_bcop"))
        .args(["translate", "status", "--format", "json"])
        .current_dir(s.path())
        .output()
        .expect("run");
    let status: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    for ui in status["ui"].as_array().expect("ui") {
        assert_eq!(ui["percent"], 100.0, "{ui}");
    }
}

/// A translation that leaves out a caption, or adds one, numbers the tables or figures after
/// it differently from its source: `caption-mismatch` says where.
#[test]
fn a_translation_whose_captions_differ_from_the_source_is_reported() {
    let s = TestSite::new();
    let table = "| A | B |\n|---|---|\n| 1 | 2 |\n";
    s.file(
        "content/desk/1.0/index.md",
        &format!("---\ntitle: Desk\nstatus: published\ndate: 2025-01-02\n---\n## Scope\n\nTable: Hours\n\n{table}\n## Times\n\nTable: Times\n\n{table}\n![Flow](flow.png)\n"),
    );
    s.file("content/desk/1.0/flow.png", "png");
    // ja: the first table has lost its `Table:` marker, so the second is 表1 here but Table 2
    // in the source.
    s.file(
        "locales/ja/desk/1.0/index.md",
        &format!("---\ntitle: 窓口\n---\n## 範囲\n\n時間\n\n{table}\n## 時間\n\nTable: 対応時間\n\n{table}\n![流れ](flow.png)\n"),
    );
    // fr: both tables as the source, and a figure caption that the source lacks.
    s.file(
        "locales/fr/desk/1.0/index.md",
        &format!("---\ntitle: Guichet\n---\n## Portée\n\nTable: Heures\n\n{table}\n## Délais\n\nTable: Délais\n\n{table}\n![Flux](flow.png \"Le flux\")\n"),
    );
    let c = check_json(&s, &[]);
    let mut found = find(&c, "caption-mismatch");
    found.sort();
    assert_eq!(found.len(), 2, "{found:#?}");
    let (fr, ja) = (&found[0], &found[1]);
    assert_eq!(
        ja.0, "locales/ja/desk/1.0/index.md:8:1",
        "at the uncaptioned table"
    );
    assert!(
        ja.1.contains("the source captions 2 tables and this translation 1")
            && ja.1.contains("in section `scope`"),
        "{ja:?}"
    );
    assert!(ja.2.contains("`Table:`"), "{ja:?}");
    assert_eq!(fr.0, "locales/fr/desk/1.0/index.md:20:1", "at the image");
    assert!(
        fr.1.contains("this translation captions 1 figure and its source 0"),
        "{fr:?}"
    );
    // Warnings: the build goes on, and --strict makes them errors.
    assert_eq!(c.code, 0);
    assert_ne!(check_json(&s, &["--strict"]).code, 0);
}
