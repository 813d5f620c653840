//! `bcop new`: a document, a new version, a translation skeleton; each builds at once.

use crate::support::{TestSite, repo};

#[test]
fn a_new_document_is_a_draft_that_builds_with_drafts() {
    let s = TestSite::new();
    let r = s.bcop(&["new", "route-filtering", "--title", "Route Filtering"]);
    assert!(r.ok, "{}", r.stderr);
    let index = s.read("content/route-filtering/1.0/index.md");
    assert!(index.starts_with("---\ntitle: \"Route Filtering\"\nstatus: draft\n"));
    assert!(s.bcop(&["build", "--drafts"]).ok);
    assert!(
        s.read("public/en/route-filtering/1.0/index.html")
            .contains("banner-draft")
    );
    let again = s.bcop(&["new", "route-filtering"]);
    assert!(
        !again.ok && again.stderr.contains("--version"),
        "{}",
        again.stderr
    );
}

#[test]
fn a_new_version_starts_from_the_latest_as_a_draft_with_its_translations() {
    let s = TestSite::copy_of(&repo());
    let r = s.bcop(&["new", "cpe-security", "--version", "1.1"]);
    assert!(r.ok, "{}", r.stderr);
    let index = s.read("content/cpe-security/1.1/index.md");
    assert!(index.contains("status: draft\n"));
    assert!(index.contains("supersedes: \"1.0\"\n"));
    assert!(!index.contains("date:"));
    assert!(s.exists("content/cpe-security/1.1/02-device-requirements.md"));
    assert!(s.exists("content/cpe-security/1.1/images/layers.svg"));
    assert!(s.exists("locales/ja/cpe-security/1.1/02-device-requirements.md"));
    s.build_ok();
    assert!(
        !s.exists("public/en/cpe-security/1.1"),
        "a draft is not published"
    );
    assert!(s.bcop(&["build", "--drafts"]).ok);
    let draft = s.read("public/ja/cpe-security/1.1/index.html");
    assert!(draft.contains("banner-draft"));
    assert!(
        !s.bcop(&["new", "cpe-security", "--version", "0.9"]).ok,
        "older than the latest"
    );
}

#[test]
fn a_translation_skeleton_copies_the_latest_source() {
    let s = TestSite::copy_of(&repo());
    let r = s.bcop(&["new", "sender-auth", "--lang", "ja"]);
    assert!(r.ok, "{}", r.stderr);
    let index = s.read("locales/ja/sender-auth/1.1/index.md");
    assert!(index.starts_with(
        "---\ntitle: \"Sender Authentication for Mailbox and Bulk Senders\"\ntranslators: []\n---\n"
    ));
    assert!(s.exists("locales/ja/sender-auth/1.1/03-dmarc.md"));
    let bad = s.bcop(&["new", "sender-auth", "--lang", "de"]);
    assert!(!bad.ok && bad.stderr.contains("not a translation language"));
}

#[test]
fn completions_are_printed_for_bash() {
    let s = TestSite::new();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_bcop"))
        .args(["completions", "bash"])
        .current_dir(s.path())
        .output()
        .expect("run");
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("complete -F _bcop"));
}
