//! Translation integrity end to end, in a real git repository: stamp, change the source, see
//! exactly that section flagged in the page and in `translate status`, with its diff; re-stamp;
//! the three policies; whitespace-only edits. Then the same on the MASVS corpus.

use crate::support::TestSite;
use std::process::Command;

const SOURCE: &str = "---\ntitle: Guide\nstatus: published\ndate: 2025-01-01\n---\n## Scope\n\nThis covers routers.\n\n## Passwords {#passwords}\n\nEvery device MUST have a unique password.\n\n## Updates\n\nUpdates are signed.\n";
const JA: &str = "---\ntitle: ガイド\ntranslators: [山田]\n---\n## 適用範囲\n\nルーターを対象とする。\n\n## パスワード\n\nすべての機器は固有のパスワードを持たなければならない。\n\n## 更新\n\n更新は署名される。\n";

fn git(s: &TestSite, args: &[&str]) {
    let out = Command::new("git")
        .args(args)
        .current_dir(s.path())
        .output()
        .unwrap_or_else(|e| {
            if std::env::var_os("CI").is_some() {
                panic!("git is missing and CI is set: {e}");
            }
            panic!("these tests need git: {e}");
        });
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn commit(s: &TestSite, message: &str) {
    git(s, &["add", "-A"]);
    git(
        s,
        &[
            "-c",
            "user.name=T",
            "-c",
            "user.email=t@example.org",
            "commit",
            "-qm",
            message,
        ],
    );
}

/// A repository with a stamped Japanese translation, then one changed source section.
fn repo_with_outdated_section() -> TestSite {
    let s = TestSite::new();
    git(&s, &["init", "-q"]);
    s.file("content/guide/1.0/index.md", SOURCE);
    s.file("locales/ja/guide/1.0/index.md", JA);
    let r = s.bcop(&["translate", "stamp", "locales/ja/guide/1.0/index.md"]);
    assert!(r.ok, "{}", r.stderr);
    commit(&s, "guide with a stamped translation");
    s.file(
        "content/guide/1.0/index.md",
        &SOURCE.replace(
            "a unique password",
            "a unique, random password of 12 characters or more",
        ),
    );
    commit(&s, "stronger password rule");
    s
}

fn status_json(s: &TestSite) -> serde_json::Value {
    let out = Command::new(env!("CARGO_BIN_EXE_bcop"))
        .args(["translate", "status", "--format", "json", "--lang", "ja"])
        .current_dir(s.path())
        .output()
        .expect("run");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("json")
}

#[test]
fn exactly_the_changed_section_is_flagged_in_the_page_and_in_status_with_its_diff() {
    let s = repo_with_outdated_section();
    s.build_ok();
    let page = s.read("public/ja/guide/1.0/index.html");
    assert_eq!(page.matches("class=\"outdated-mark\"").count(), 1);
    let mark = page.find("class=\"outdated-mark\"").expect("mark");
    let heading = page.find("<h2 id=\"passwords\">").expect("heading");
    let next = page.find("<h2 id=\"updates\">").expect("next heading");
    assert!(
        heading < mark && mark < next,
        "the mark sits in the passwords section"
    );
    assert!(page.contains("href=\"../../../en/guide/1.0/index.html#passwords\""));
    assert!(page.contains("class=\"notice notice-outdated\""));
    assert!(
        page.contains("原文の1節が変更されました"),
        "header count in Japanese"
    );

    let status = status_json(&s);
    let row = &status["translations"][0];
    assert_eq!(row["state"], "outdated");
    let chapter = &row["chapters"][0];
    assert_eq!(chapter["state"], "outdated");
    assert_eq!(chapter["changed"].as_array().expect("changed").len(), 1);
    let change = &chapter["changed"][0];
    assert_eq!(change["id"], "passwords");
    let diff = change["diff"].as_str().expect("a diff from git history");
    assert!(
        diff.contains("-Every device MUST have a unique password."),
        "{diff}"
    );
    assert!(
        diff.contains(
            "+Every device MUST have a unique, random password of 12 characters or more."
        )
    );
    assert!(change["since"].as_str().is_some_and(|c| c.len() == 12));
    assert_eq!(row["coverage"], 66.7);

    let catalog = s.read("public/en/index.html");
    assert!(catalog.contains("class=\"badge lang-outdated\" href=\"../ja/guide/1.0/index.html\""));
}

#[test]
fn re_stamping_clears_the_flag() {
    let s = repo_with_outdated_section();
    assert!(s.bcop(&["translate", "stamp", "locales/ja/guide/1.0"]).ok);
    s.build_ok();
    assert!(
        !s.read("public/ja/guide/1.0/index.html")
            .contains("outdated-mark")
    );
    assert_eq!(status_json(&s)["translations"][0]["state"], "complete");
}

/// A stamp records the source's abstract too: when it changes, the translated abstract says so
/// on the cover page, in the print edition, in the PDF and in `translate status`, and
/// re-stamping clears it. The sections, unchanged, stay current.
#[test]
fn a_changed_source_abstract_marks_the_translated_abstract() {
    let s = TestSite::new();
    let with_abstract = |a: &str| {
        SOURCE.replace(
            "date: 2025-01-01\n",
            &format!("date: 2025-01-01\nabstract: {a}\n"),
        )
    };
    s.file(
        "content/guide/1.0/index.md",
        &with_abstract("How to secure routers."),
    );
    s.file(
        "locales/ja/guide/1.0/index.md",
        &JA.replace(
            "translators: [山田]\n",
            "translators: [山田]\nabstract: ルーターを安全にする方法。\n",
        ),
    );
    assert!(s.bcop(&["translate", "stamp", "locales/ja/guide/1.0"]).ok);
    assert!(
        s.read("locales/ja/guide/1.0/index.md")
            .contains("\"index.md#abstract\":")
    );
    s.build_ok();
    let note = "この概要の原文は、この翻訳の作成後に変更されました。";
    assert!(!s.read("public/ja/guide/1.0/index.html").contains(note));
    s.file(
        "content/guide/1.0/index.md",
        &with_abstract("How to secure home routers."),
    );
    s.build_ok();
    let page = s.read("public/ja/guide/1.0/index.html");
    assert!(
        page.contains(&format!("<p class=\"outdated-mark\" role=\"note\">{note} <a href=\"../../../en/guide/1.0/index.html\" hreflang=\"en\">現在の原文を読む</a></p></section>")),
        "{page}"
    );
    assert!(s.read("public/ja/guide/1.0/print.html").contains(note));
    assert_eq!(
        page.matches("class=\"outdated-mark\"").count(),
        1,
        "no section is flagged"
    );
    let status = status_json(&s);
    assert_eq!(status["translations"][0]["abstract_outdated"], true);
    assert_eq!(status["translations"][0]["state"], "complete");
    let human = s.bcop(&["translate", "status", "--lang", "ja"]);
    assert!(
        human.stdout.contains("abstract: changed in the source"),
        "{}",
        human.stdout
    );
    assert!(s.bcop(&["translate", "stamp", "locales/ja/guide/1.0"]).ok);
    s.build_ok();
    assert!(!s.read("public/ja/guide/1.0/index.html").contains(note));
    assert_eq!(
        status_json(&s)["translations"][0]["abstract_outdated"],
        false
    );
}

#[test]
fn without_git_history_status_says_only_that_the_section_changed() {
    let s = repo_with_outdated_section();
    std::fs::remove_dir_all(s.path().join(".git")).expect("rm .git");
    let status = status_json(&s);
    let change = &status["translations"][0]["chapters"][0]["changed"][0];
    assert_eq!(change["id"], "passwords");
    assert!(change["diff"].is_null());
    let human = Command::new(env!("CARGO_BIN_EXE_bcop"))
        .args(["translate", "status"])
        .current_dir(s.path())
        .output()
        .expect("run");
    assert!(
        String::from_utf8_lossy(&human.stdout).contains("only the fact of the change is known")
    );
}

#[test]
fn whitespace_only_edits_do_not_flag_a_section() {
    let s = repo_with_outdated_section();
    assert!(s.bcop(&["translate", "stamp", "locales/ja/guide/1.0"]).ok);
    let src = s.read("content/guide/1.0/index.md");
    s.file(
        "content/guide/1.0/index.md",
        &(src.replace('\n', "  \r\n") + "\r\n\r\n"),
    );
    s.build_ok();
    assert!(
        !s.read("public/ja/guide/1.0/index.html")
            .contains("outdated-mark")
    );
}

#[test]
fn source_policy_shows_the_current_source_for_the_changed_section_only() {
    let s = repo_with_outdated_section();
    s.file(
        "site.yaml",
        &(s.read("site.yaml") + "outdated_translation: source\n"),
    );
    s.build_ok();
    let page = s.read("public/ja/guide/1.0/index.html");
    assert!(page.contains("<div class=\"outdated-source\" lang=\"en\">"));
    assert!(page.contains("a unique, random password of 12 characters or more"));
    assert!(
        !page.contains("固有のパスワード"),
        "the stale translation of that section is not shown"
    );
    assert!(page.contains("ルーターを対象とする。") && page.contains("更新は署名される。"));
    assert!(page.contains("この節は翻訳が更新されていないため、原文で表示しています。"));
}

#[test]
fn fail_policy_per_language_fails_the_build_and_check_strict() {
    let s = repo_with_outdated_section();
    let yaml = s.read("site.yaml").replace(
        "  - code: ja\n    name: 日本語\n",
        "  - code: ja\n    name: 日本語\n    outdated_translation: fail\n",
    );
    s.file("site.yaml", &yaml);
    let r = s.build();
    assert!(!r.ok);
    assert!(
        r.stderr
            .contains("locales/ja/guide/1.0/index.md:1:1: error[outdated-translation]"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("passwords"));
    assert!(!s.exists("public"));
    let c = s.bcop(&["check"]);
    assert!(!c.ok);
}

#[test]
fn masvs_v1_4_2_translations_moved_onto_v1_5_0_report_the_changed_sections() {
    let corpus = crate::masvs::corpus();
    let s = TestSite::empty();
    s.file("site.yaml", "title: M\nbase_url: /\nlanguages:\n  - code: en\n    name: English\n  - code: ja\n    name: 日本語\n");
    let put = |version: &str, from: &str, to: &str| {
        for e in std::fs::read_dir(corpus.join(version).join(from)).expect("dir") {
            let p = e.expect("entry").path();
            let name = p.file_name().expect("name").to_string_lossy().into_owned();
            if name.starts_with("0x") && name.ends_with(".md") {
                s.file(
                    &format!("{to}/{name}"),
                    &std::fs::read_to_string(&p).expect("read"),
                );
            }
        }
    };
    s.file(
        "content/masvs/1.5.0/index.md",
        "---\ntitle: MASVS\nstatus: published\ndate: 2023-01-31\n---\n",
    );
    s.file(
        "locales/ja/masvs/1.5.0/index.md",
        "---\ntitle: MASVS\n---\n",
    );
    put("v1.4.2", "Document", "content/masvs/1.5.0");
    put("v1.4.2", "Document-ja", "locales/ja/masvs/1.5.0");
    assert!(s.bcop(&["translate", "stamp", "locales/ja/masvs/1.5.0"]).ok);
    // The stamps match v1.4.2's source; now the source moves to v1.5.0.
    put("v1.5.0", "Document", "content/masvs/1.5.0");
    let status = status_json(&s);
    let chapters = status["translations"][0]["chapters"]
        .as_array()
        .expect("chapters")
        .clone();
    let mut changed_files = Vec::new();
    for c in &chapters {
        let file = c["file"].as_str().expect("file");
        if file == "index.md" {
            continue;
        }
        let old = std::fs::read(corpus.join("v1.4.2/Document").join(file)).expect("old");
        let new = std::fs::read(corpus.join("v1.5.0/Document").join(file)).expect("new");
        let flagged = c["changed"].as_array().is_some_and(|a| !a.is_empty())
            || c["added"].as_array().is_some_and(|a| !a.is_empty())
            || c["removed"].as_array().is_some_and(|a| !a.is_empty());
        assert_eq!(
            flagged,
            old != new,
            "{file}: flagged {flagged}, but the upstream files {}",
            if old != new {
                "differ"
            } else {
                "are identical"
            }
        );
        if flagged {
            changed_files.push(file.to_string());
        }
    }
    assert!(!changed_files.is_empty(), "v1.5.0 changed something");
    eprintln!("MASVS 1.4.2 → 1.5.0 changed: {changed_files:?}");
    s.build_ok();
}
