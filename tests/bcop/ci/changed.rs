//! `bcop changed`: what a change publishes, against a git commit, in a temporary repository.

use crate::support::{TestSite, repo};
use std::process::Command;

/// Runs git in the site without the user's configuration.
#[track_caller]
fn git(s: &TestSite, args: &[&str]) {
    let out = Command::new("git")
        .args(["-c", "user.name=Test", "-c", "user.email=test@example.org"])
        .args([
            "-c",
            "commit.gpgsign=false",
            "-c",
            "init.defaultBranch=main",
        ])
        .args(args)
        .current_dir(s.path())
        .env("GIT_AUTHOR_NAME", "Test")
        .env("GIT_AUTHOR_EMAIL", "test@example.org")
        .env("GIT_COMMITTER_NAME", "Test")
        .env("GIT_COMMITTER_EMAIL", "test@example.org")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("HOME", s.path())
        .output()
        .expect("git runs");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The example site in a repository of two commits: the second adds a sentence to a chapter
/// of cpe-security 1.0 (so its four translations become outdated) and starts a Japanese
/// translation of sender-auth 1.0 (which was shown in English).
fn repository() -> TestSite {
    let s = TestSite::copy_of(&repo());
    git(&s, &["init", "-q"]);
    git(&s, &["add", "-A"]);
    git(&s, &["commit", "-q", "-m", "the example site"]);
    let chapter = s.read("content/cpe-security/1.0/03-operations.md");
    s.file(
        "content/cpe-security/1.0/03-operations.md",
        &(chapter + "\nOne more sentence.\n"),
    );
    for file in ["index.md", "01-spf.md"] {
        let text = s.read(&format!("locales/fr/sender-auth/1.0/{file}"));
        s.file(&format!("locales/ja/sender-auth/1.0/{file}"), &text);
    }
    git(&s, &["add", "-A"]);
    git(&s, &["commit", "-q", "-m", "a change"]);
    s
}

/// The report's lines after the first, which names the commit.
fn body(report: &str) -> String {
    report.lines().skip(1).map(|l| format!("{l}\n")).collect()
}

const HUMAN: &str = "  cpe-security (all versions) en: 1 page
    changed  en/cpe-security/versions.html
  cpe-security (all versions) pt-BR: 1 page
    changed  pt-BR/cpe-security/versions.html
  cpe-security (all versions) es: 1 page
    changed  es/cpe-security/versions.html
  cpe-security (all versions) ja: 1 page
    changed  ja/cpe-security/versions.html
  cpe-security (all versions) fr: 1 page
    changed  fr/cpe-security/versions.html
  cpe-security 1.0 en: 2 pages, PDF changed
    changed  en/cpe-security/1.0/03-operations.html
    changed  en/cpe-security/1.0/print.html
";

#[test]
fn changed_lists_the_pages_pdfs_and_translations_that_a_commit_changed() {
    let s = repository();
    let r = s.bcop(&["changed", "--since", "HEAD~1"]);
    assert!(r.ok, "{}", r.stderr);
    assert!(
        r.stdout.starts_with("changes since HEAD~1 ("),
        "{}",
        r.stdout
    );
    let body = body(&r.stdout);
    assert!(body.starts_with(HUMAN), "{body}");
    for line in [
        "  cpe-security 1.0 ja: 6 pages, PDF changed, translation complete → outdated\n",
        "    changed  ja/cpe-security/1.0/03-operations.html\n",
        "  sender-auth 1.0 ja: 8 pages, PDF changed, translation fallback → partial\n",
        "  the whole site: 8 files\n",
        "    changed  sitemap.xml\n",
    ] {
        assert!(body.contains(line), "{line}in\n{body}");
    }
    // Untouched documents and versions are not listed.
    assert!(
        !body.contains("abuse-desk") && !body.contains("sender-auth 1.1"),
        "{body}"
    );
}

#[test]
fn changed_reports_as_json_with_every_edition_that_changed() {
    let s = repository();
    let r = s.bcop(&["changed", "--since", "HEAD~1", "--format", "json"]);
    assert!(r.ok, "{}", r.stderr);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).expect("JSON");
    assert_eq!(v["version"], 1);
    assert_eq!(v["since"], "HEAD~1");
    assert_eq!(v["commit"].as_str().map(str::len), Some(40));
    let rows: Vec<String> = v["changed"]
        .as_array()
        .expect("changed")
        .iter()
        .map(|e| {
            format!(
                "{} {} {} pages={} pdf={} translation={}",
                e["doc"].as_str().unwrap_or("?"),
                e["version"].as_str().unwrap_or("-"),
                e["lang"].as_str().unwrap_or("?"),
                e["pages"].as_array().map_or(0, Vec::len),
                e["pdf"],
                e["translation"]
            )
        })
        .collect();
    let outdated = r#"{"from":"complete","to":"outdated"}"#;
    let mut expected: Vec<String> = ["en", "pt-BR", "es", "ja", "fr"]
        .iter()
        .map(|l| format!("cpe-security - {l} pages=1 pdf=null translation=null"))
        .collect();
    expected.push("cpe-security 1.0 en pages=2 pdf=\"changed\" translation=null".into());
    for l in ["pt-BR", "es", "ja", "fr"] {
        expected.push(format!(
            "cpe-security 1.0 {l} pages=6 pdf=\"changed\" translation={outdated}"
        ));
    }
    for l in ["en", "pt-BR", "es"] {
        expected.push(format!(
            "sender-auth - {l} pages=1 pdf=null translation=null"
        ));
    }
    expected.push("sender-auth - ja pages=2 pdf=null translation=null".into());
    expected.push("sender-auth - fr pages=1 pdf=null translation=null".into());
    expected.push("sender-auth 1.0 en pages=2 pdf=null translation=null".into());
    expected.push(
        r#"sender-auth 1.0 ja pages=8 pdf="changed" translation={"from":"fallback","to":"partial"}"#
            .into(),
    );
    expected.push("sender-auth 1.0 fr pages=2 pdf=null translation=null".into());
    assert_eq!(rows, expected);
    let first = &v["changed"][5]["pages"][0];
    assert_eq!(first["path"], "en/cpe-security/1.0/03-operations.html");
    assert_eq!(first["change"], "changed");
    assert_eq!(v["site"].as_array().map(Vec::len), Some(8));
}

#[test]
fn changed_as_markdown_is_a_table_with_links_into_the_site() {
    let s = repository();
    let r = s.bcop(&[
        "changed",
        "--since",
        "HEAD~1",
        "--format",
        "markdown",
        "--base-url",
        "https://docs.example.org/bcop",
    ]);
    assert!(r.ok, "{}", r.stderr);
    let lines: Vec<&str> = r.stdout.lines().collect();
    assert!(
        lines[0].starts_with("### Changes since `HEAD~1` ("),
        "{}",
        lines[0]
    );
    assert_eq!(lines[1], "");
    assert_eq!(
        lines[2],
        "| Document | Version | Language | Pages | PDF | Translation |"
    );
    assert_eq!(lines[3], "|---|---|---|---|---|---|");
    assert!(r.stdout.contains(
        "\n| cpe-security | 1.0 | en | [en/cpe-security/1.0/03-operations.html](https://docs.example.org/bcop/en/cpe-security/1.0/03-operations.html), [en/cpe-security/1.0/print.html](https://docs.example.org/bcop/en/cpe-security/1.0/print.html) | changed |  |\n"
    ), "{}", r.stdout);
    let ja = lines
        .iter()
        .find(|l| l.starts_with("| sender-auth | 1.0 | ja | "))
        .expect("a row for the new translation");
    assert!(ja.ends_with(" | changed | fallback → partial |"), "{ja}");
    assert_eq!(
        ja.matches("](https://docs.example.org/bcop/ja/sender-auth/1.0/")
            .count(),
        8
    );
    assert!(
        r.stdout.contains(
            "\nThe whole site: [en/index.html](https://docs.example.org/bcop/en/index.html), "
        ),
        "{}",
        r.stdout
    );
}

#[test]
fn changed_compares_with_the_working_tree_and_reports_nothing_when_nothing_differs() {
    let s = repository();
    let same = s.bcop(&["changed", "--since", "HEAD"]);
    assert!(same.ok, "{}", same.stderr);
    assert!(
        same.stdout.starts_with("nothing differs from HEAD (")
            && same
                .stdout
                .ends_with("): no page, PDF or translation changed\n"),
        "{}",
        same.stdout
    );
    let md = s.bcop(&["changed", "--since", "HEAD", "--format", "markdown"]);
    assert!(
        md.stdout
            .ends_with("\n\nNo page, PDF or translation changes.\n"),
        "{}",
        md.stdout
    );
    // An edit that is not committed yet counts: the working tree is what a pull request
    // build publishes.
    let title = s.read("content/abuse-desk/1.0/index.md");
    s.file(
        "content/abuse-desk/1.0/index.md",
        &title.replacen("\n## ", "\nA new first sentence.\n\n## ", 1),
    );
    let r = s.bcop(&["changed", "--since", "HEAD", "--format", "json"]);
    assert!(r.ok, "{}", r.stderr);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).expect("JSON");
    let en = v["changed"]
        .as_array()
        .expect("changed")
        .iter()
        .find(|e| e["doc"] == "abuse-desk" && e["version"] == "1.0" && e["lang"] == "en")
        .unwrap_or_else(|| panic!("abuse-desk 1.0 en changed: {}", r.stdout));
    assert_eq!(en["pdf"], "changed");
    let pt = v["changed"]
        .as_array()
        .expect("changed")
        .iter()
        .find(|e| e["doc"] == "abuse-desk" && e["version"] == "1.0" && e["lang"] == "pt-BR")
        .unwrap_or_else(|| panic!("abuse-desk 1.0 pt-BR changed: {}", r.stdout));
    assert_eq!(pt["translation"]["from"], "complete");
    assert_eq!(pt["translation"]["to"], "outdated");
}

#[test]
fn changed_outside_git_or_with_an_unknown_ref_is_an_error() {
    let plain = TestSite::copy_of(&repo());
    let r = plain.bcop(&["changed", "--since", "HEAD"]);
    assert!(!r.ok);
    assert!(
        r.stderr.starts_with(
            "error[not-a-git-repository]: the current folder is not in a git repository"
        ),
        "{}",
        r.stderr
    );
    let s = repository();
    let r = s.bcop(&["changed", "--since", "no-such-branch"]);
    assert!(!r.ok);
    assert!(
        r.stderr.starts_with(
            "error[unknown-ref]: the repository has no commit `no-such-branch` to compare with"
        ),
        "{}",
        r.stderr
    );
    assert!(r.stdout.is_empty());
}

#[test]
fn changed_reads_a_site_in_a_folder_of_the_repository() {
    let s = TestSite::empty();
    let site = s.path().join("site");
    for name in ["site.yaml", "content", "locales"] {
        let to = site.join(name);
        std::fs::create_dir_all(to.parent().expect("parent")).expect("mkdir");
        crate::support::copy_tree(&repo().join(name), &to);
    }
    git(&s, &["init", "-q"]);
    git(&s, &["add", "-A"]);
    git(&s, &["commit", "-q", "-m", "the example site in site/"]);
    let chapter = s.read("site/content/abuse-desk/2.0/index.md");
    s.file(
        "site/content/abuse-desk/2.0/index.md",
        &(chapter + "\nOne more sentence.\n"),
    );
    let r = s.bcop(&[
        "changed", "--since", "HEAD", "--root", "site", "--format", "json",
    ]);
    assert!(r.ok, "{}", r.stderr);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).expect("JSON");
    let changed = v["changed"].as_array().expect("changed");
    assert!(!changed.is_empty(), "{}", r.stdout);
    for e in changed {
        assert_eq!(e["doc"], "abuse-desk", "{e}");
        for page in e["pages"].as_array().expect("pages") {
            assert_eq!(page["change"], "changed", "{e}");
        }
    }
    let en = changed
        .iter()
        .find(|e| e["version"] == "2.0" && e["lang"] == "en")
        .expect("abuse-desk 2.0 en");
    assert_eq!(en["pdf"], "changed");
}
