//! Issue 14: bcop never deletes, moves or overwrites a file that it did not write.
//!
//! Each test takes a picture of every file in the site (sources and files a user put
//! anywhere, outside bcop's own output folders) before it runs bcop twice, and checks that every
//! one of them is still there, byte for byte, afterwards.

use crate::support::{TestSite, repo, tree};
use std::path::Path;

/// Every file below `dir` except the ones in bcop's own output, staging and spare folders.
fn foreign_files(dir: &Path, outputs: &[&str]) -> Vec<(String, Vec<u8>)> {
    tree(dir)
        .into_iter()
        .filter(|(rel, _)| {
            let top = rel.split('/').next().unwrap_or("");
            !(top == ".bcop-cache"
                || outputs.contains(&top)
                || outputs.iter().any(|o| top.starts_with(&format!(".{o}."))))
        })
        .collect()
}

/// A small site with one foreign file beside its sources.
fn site() -> TestSite {
    let s = TestSite::new();
    s.doc("guide", "1.0", "Guide", "## Setup\n\nText.\n");
    s.file(
        "locales/ja/guide/1.0/index.md",
        "---\ntitle: ガイド\n---\n## Setup\n\n本文。\n",
    );
    s.file("static/robots-extra.txt", "mine\n");
    s.file("notes/plan.txt", "the editor's own notes\n");
    s
}

/// Runs `bcop build --no-pdf` with `args` twice and checks that both runs are refused with a
/// message that contains `why`, and that no file outside `outputs` changed.
#[track_caller]
fn refused_twice(s: &TestSite, args: &[&str], why: &str) {
    let before = foreign_files(s.path(), &[]);
    for round in 1..=2 {
        let mut all = vec!["build", "--no-pdf"];
        all.extend_from_slice(args);
        let r = s.bcop(&all);
        assert!(!r.ok, "round {round}: {args:?} was not refused");
        assert!(r.stderr.contains(why), "round {round}: {}", r.stderr);
        assert!(
            r.stderr.contains("bcop will not"),
            "round {round}: {}",
            r.stderr
        );
        assert_eq!(
            before,
            foreign_files(s.path(), &[]),
            "round {round}: a file changed"
        );
    }
}

#[test]
fn an_output_folder_inside_the_sources_is_refused() {
    let s = site();
    for out in [
        "content",
        "content/guide",
        "locales",
        "locales/ja/site",
        "themes/default",
        "templates",
        "static",
    ] {
        refused_twice(
            &s,
            &["--out", out],
            "folder, which holds files that bcop reads",
        );
    }
    // The same folder reached through another path.
    refused_twice(&s, &["--out", "notes/../content"], "site's content/ folder");
}

#[test]
fn the_site_root_and_the_folders_above_it_are_refused() {
    let s = site();
    refused_twice(&s, &["--out", "."], "it is the site's own folder");
    let parent = s.path().parent().expect("parent").display().to_string();
    refused_twice(&s, &["--out", &parent], "contains the site's own folder");
    refused_twice(&s, &["--out", "/"], "root of the file system");
}

#[test]
fn the_home_folder_is_refused() {
    let s = site();
    let home = tempfile::tempdir().expect("home");
    std::fs::write(home.path().join(".profile"), "keep me").expect("write");
    let r = std::process::Command::new(env!("CARGO_BIN_EXE_bcop"))
        .args(["build", "--no-pdf", "--out"])
        .arg(home.path())
        .env("HOME", home.path())
        .current_dir(s.path())
        .output()
        .expect("run");
    let stderr = String::from_utf8_lossy(&r.stderr);
    assert!(
        !r.status.success() && stderr.contains("your home folder"),
        "{stderr}"
    );
    assert_eq!(
        std::fs::read_to_string(home.path().join(".profile")).expect("kept"),
        "keep me"
    );
}

#[test]
fn a_folder_that_holds_files_bcop_did_not_write_is_refused() {
    let s = site();
    s.file("some-folder/keep.txt", "a file of the user's\n");
    s.file("some-folder/sub/deep.bin", "\u{0}\u{1}");
    refused_twice(
        &s,
        &["--out", "some-folder"],
        "holds files that bcop did not write",
    );
    assert!(s.read("some-folder/keep.txt") == "a file of the user's\n");
}

#[test]
fn a_file_added_to_the_output_stops_the_next_build_and_survives_it() {
    let s = site();
    for _ in 0..2 {
        s.bcop(&["build", "--no-pdf", "--out", "site-out"]);
    }
    assert!(s.exists("site-out/en/guide/1.0/index.html"));
    assert!(
        s.read("site-out/.bcop-output")
            .contains("\nen/guide/1.0/index.html\n")
    );
    // A user drops a file into the built site, and a folder.
    s.file("site-out/CNAME", "docs.example.org\n");
    s.file("site-out/en/extra/mine.html", "<p>mine</p>\n");
    refused_twice(&s, &["--out", "site-out"], "that bcop did not write");
    let r = s.bcop(&["build", "--no-pdf", "--out", "site-out"]);
    assert!(
        r.stderr.contains("site-out/CNAME") && r.stderr.contains("site-out/en/extra"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains("static/"),
        "the fix is named: {}",
        r.stderr
    );
    // Once the user moves them, building works again.
    std::fs::remove_file(s.path().join("site-out/CNAME")).expect("rm");
    std::fs::remove_dir_all(s.path().join("site-out/en/extra")).expect("rm");
    assert!(s.bcop(&["build", "--no-pdf", "--out", "site-out"]).ok);
}

#[test]
fn a_new_or_empty_folder_is_built_into_twice_and_sources_stay_untouched() {
    let s = site();
    std::fs::create_dir_all(s.path().join("empty")).expect("mkdir");
    for out in ["public", "empty", "brand/new/folder"] {
        let before = foreign_files(s.path(), &[out.split('/').next().unwrap_or(out)]);
        for round in 1..=2 {
            let r = s.bcop(&["build", "--no-pdf", "--out", out]);
            assert!(r.ok, "{out} round {round}: {}", r.stderr);
            assert!(s.exists(&format!("{out}/en/guide/1.0/index.html")));
            assert_eq!(
                before,
                foreign_files(s.path(), &[out.split('/').next().unwrap_or(out)])
            );
        }
    }
    assert_eq!(s.read("static/robots-extra.txt"), "mine\n");
    assert_eq!(s.read("notes/plan.txt"), "the editor's own notes\n");
}

#[test]
fn a_spare_or_staging_folder_that_bcop_did_not_make_is_refused() {
    let s = site();
    s.file(".public.spare/mine.txt", "not bcop's\n");
    refused_twice(&s, &[], "has no .bcop-output marker");
    std::fs::remove_dir_all(s.path().join(".public.spare")).expect("rm");
    // A spare that bcop made, with a file slipped in later, is never emptied of that file.
    s.bcop(&["build", "--no-pdf"]);
    s.file("public/en/guide/1.0/index.html", "changed by hand\n");
    s.bcop(&["build", "--no-pdf"]);
    assert!(s.exists(".public.spare/.bcop-output"));
    s.file(".public.spare/en/stray.txt", "slipped in\n");
    let r = s.bcop(&["build", "--no-pdf"]);
    assert!(!r.ok && r.stderr.contains("stray.txt"), "{}", r.stderr);
    assert_eq!(s.read(".public.spare/en/stray.txt"), "slipped in\n");
}

#[test]
fn an_output_folder_that_is_a_link_or_a_file_is_refused() {
    let s = site();
    s.file("a-file", "text\n");
    refused_twice(&s, &["--out", "a-file"], "it is a file");
    let target = tempfile::tempdir().expect("target");
    std::fs::write(target.path().join("index.html"), "served elsewhere").expect("write");
    std::os::unix::fs::symlink(target.path(), s.path().join("linked")).expect("symlink");
    refused_twice(&s, &["--out", "linked"], "symbolic link");
    assert_eq!(
        std::fs::read_to_string(target.path().join("index.html")).expect("kept"),
        "served elsewhere"
    );
}

#[test]
fn the_example_site_builds_into_its_default_folder_twice_without_touching_a_source() {
    let s = TestSite::copy_of(&repo());
    let before = foreign_files(s.path(), &["public"]);
    for _ in 0..2 {
        let r = s.bcop(&["build", "--no-pdf"]);
        assert!(r.ok, "{}", r.stderr);
    }
    assert_eq!(before, foreign_files(s.path(), &["public"]));
}

#[test]
fn new_never_overwrites_and_writes_nothing_when_one_target_exists() {
    let s = TestSite::copy_of(&repo());
    // A translation folder for the next version exists already: the whole command is refused
    // before the source version is created.
    s.file(
        "locales/ja/cpe-security/1.1/notes.md",
        "the translator's draft\n",
    );
    let before = foreign_files(s.path(), &[]);
    let r = s.bcop(&["new", "cpe-security", "--version", "1.1"]);
    assert!(!r.ok && r.stderr.contains("already exists"), "{}", r.stderr);
    assert!(!s.exists("content/cpe-security/1.1"));
    assert_eq!(before, foreign_files(s.path(), &[]));
    // One of the translation's files exists: nothing else is written either.
    s.file("locales/pt-BR/sender-auth/1.1/03-dmarc.md", "rascunho\n");
    let before = foreign_files(s.path(), &[]);
    let r = s.bcop(&["new", "sender-auth", "--lang", "pt-BR"]);
    assert!(!r.ok && r.stderr.contains("already exists"), "{}", r.stderr);
    assert_eq!(before, foreign_files(s.path(), &[]));
}

#[test]
fn stamp_writes_only_the_index_it_names_and_nothing_when_an_argument_is_bad() {
    let s = TestSite::copy_of(&repo());
    let before = foreign_files(s.path(), &[]);
    let r = s.bcop(&[
        "translate",
        "stamp",
        "locales/ja/abuse-desk/2.0/index.md",
        "content/abuse-desk/2.0/index.md",
    ]);
    assert!(
        !r.ok && r.stderr.contains("is not a translation"),
        "{}",
        r.stderr
    );
    assert_eq!(before, foreign_files(s.path(), &[]), "nothing was written");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_bcop"))
        .args(["translate", "stamp", "locales/ja/abuse-desk/2.0/index.md"])
        .current_dir(s.path())
        .output()
        .expect("run");
    assert!(out.status.success());
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("wrote locales/ja/abuse-desk/2.0/index.md"),
        "{stdout}"
    );
    let after = foreign_files(s.path(), &[]);
    let changed: Vec<&str> = before
        .iter()
        .zip(&after)
        .filter(|(a, b)| a != b)
        .map(|(a, _)| a.0.as_str())
        .collect();
    assert_eq!(before.len(), after.len());
    assert_eq!(changed, ["locales/ja/abuse-desk/2.0/index.md"]);
}
