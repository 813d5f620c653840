//! Rebuilds that reuse work (`bcop serve` keeps a cache between builds) must give exactly what
//! a fresh build of the same files gives, whatever changed: a chapter, a translation, a heading
//! that other documents link to, a new or deleted document, the theme or `site.yaml`.

use crate::support::{TestSite, repo};
use bcop::pipeline::{Changes, Compiled, Options, State, compile};
use std::path::Path;

fn args(site: &TestSite) -> Options {
    Options {
        pdf: false,
        ..Options::new(site.path())
    }
}

/// Every output file as (path, bytes), and every diagnostic as text.
fn snapshot(c: Compiled) -> (Vec<(String, Vec<u8>)>, Vec<String>) {
    snapshot_and_reuse(c).0
}

/// [`snapshot`], and how many documents were built and how many reused from the cache.
#[allow(clippy::type_complexity)]
fn snapshot_and_reuse(c: Compiled) -> ((Vec<(String, Vec<u8>)>, Vec<String>), (usize, usize)) {
    let reuse = c
        .output
        .as_ref()
        .map_or((0, 0), |o| (o.documents, o.documents_reused));
    let files = c
        .output
        .map(|o| {
            o.files
                .into_iter()
                .map(|f| {
                    let bytes = f.contents.to_vec().expect("an asset that can be read");
                    (f.path, bytes)
                })
                .collect()
        })
        .unwrap_or_default();
    (
        (files, c.diagnostics.iter().map(|d| d.to_string()).collect()),
        reuse,
    )
}

/// Applies `edit`, tells the cache which paths changed, rebuilds with it, and checks the result
/// against a build without a cache. Returns the cached build's output, to check what changed.
fn rebuild_matches_fresh(
    site: &TestSite,
    cache: &mut State,
    changed: &[&str],
    edit: impl FnOnce(&Path),
) -> (Vec<(String, Vec<u8>)>, Vec<String>) {
    edit(site.path());
    cache.changed(Changes::from_paths(changed.iter().map(Path::new)));
    let (cached, (docs, reused)) =
        snapshot_and_reuse(compile(&args(site), cache, None).expect("cached build"));
    if let [one] = changed
        && one.starts_with("content/")
        && docs > 1
    {
        // Only the edited document (if it still exists) is rendered again.
        assert!(
            reused + 1 >= docs,
            "{reused} of {docs} documents reused after editing {one}"
        );
    }
    let fresh =
        snapshot(compile(&args(site), &mut State::single_use(), None).expect("fresh build"));
    assert_eq!(
        cached.1, fresh.1,
        "diagnostics differ after editing {changed:?}"
    );
    assert_eq!(
        cached.0.len(),
        fresh.0.len(),
        "file lists differ after editing {changed:?}"
    );
    for ((pa, a), (pb, b)) in cached.0.iter().zip(&fresh.0) {
        assert_eq!(pa, pb, "file lists differ after editing {changed:?}");
        assert!(
            a == b,
            "{pa} differs from a fresh build after editing {changed:?}"
        );
    }
    cached
}

fn page<'a>(files: &'a [(String, Vec<u8>)], path: &str) -> &'a str {
    let (_, b) = files
        .iter()
        .find(|(p, _)| p == path)
        .unwrap_or_else(|| panic!("{path} is not built"));
    std::str::from_utf8(b).expect("utf-8")
}

fn append(root: &Path, rel: &str, text: &str) {
    let p = root.join(rel);
    let mut all = std::fs::read_to_string(&p).expect("read");
    all.push_str(text);
    std::fs::write(&p, all).expect("write");
}

fn replace(root: &Path, rel: &str, from: &str, to: &str) {
    let p = root.join(rel);
    let text = std::fs::read_to_string(&p).expect("read");
    assert!(text.contains(from), "{rel} does not contain {from:?}");
    std::fs::write(&p, text.replacen(from, to, 1)).expect("write");
}

#[test]
fn every_kind_of_change_rebuilds_like_a_fresh_build() {
    let site = TestSite::copy_of(&repo());
    let mut cache = State::default();
    let first = snapshot(compile(&args(&site), &mut cache, None).expect("build"));
    assert!(first.0.len() > 100);

    // A chapter's text: its page changes, and so does nothing else's content.
    let (files, _) = rebuild_matches_fresh(
        &site,
        &mut cache,
        &["content/cpe-security/1.0/01-scope.md"],
        |root| {
            append(
                root,
                "content/cpe-security/1.0/01-scope.md",
                "\nA sentence added by the incremental test.\n",
            )
        },
    );
    assert!(
        page(&files, "en/cpe-security/1.0/01-scope.html").contains("added by the incremental test")
    );

    // A translation's text, seen through a relative path as the watcher gives it.
    let (files, _) = rebuild_matches_fresh(
        &site,
        &mut cache,
        &["locales/ja/cpe-security/1.0/01-scope.md"],
        |root| {
            append(
                root,
                "locales/ja/cpe-security/1.0/01-scope.md",
                "\n追加の一文。\n",
            )
        },
    );
    assert!(page(&files, "ja/cpe-security/1.0/01-scope.html").contains("追加の一文"));

    // A document's title: every catalog and the home page change.
    let (files, _) = rebuild_matches_fresh(
        &site,
        &mut cache,
        &["content/abuse-desk/2.0/index.md"],
        |root| {
            let p = root.join("content/abuse-desk/2.0/index.md");
            let text = std::fs::read_to_string(&p).expect("read");
            let title = text
                .lines()
                .find(|l| l.starts_with("title:"))
                .expect("title line")
                .to_string();
            std::fs::write(&p, text.replacen(&title, "title: Renamed By The Test", 1))
                .expect("write");
        },
    );
    assert!(page(&files, "en/index.html").contains("Renamed By The Test"));
    assert!(page(&files, "index.html").contains("Renamed By The Test"));

    // A new document, then its deletion.
    rebuild_matches_fresh(
        &site,
        &mut cache,
        &["content/new-doc/1.0/index.md"],
        |root| {
            let dir = root.join("content/new-doc/1.0");
            std::fs::create_dir_all(&dir).expect("mkdir");
            std::fs::write(
            dir.join("index.md"),
            "---\ntitle: New\nstatus: published\ndate: 2026-01-01\n---\n\n# New\n\n## Part\n\nText.\n",
        )
        .expect("write");
        },
    );
    let (files, _) = rebuild_matches_fresh(&site, &mut cache, &["content/new-doc"], |root| {
        std::fs::remove_dir_all(root.join("content/new-doc")).expect("rm");
    });
    assert!(!files.iter().any(|(p, _)| p.contains("new-doc")));

    // A broken front matter, then the fix: the error is reported, and the fix clears it.
    let (_, diags) = rebuild_matches_fresh(
        &site,
        &mut cache,
        &["content/cpe-security/1.0/index.md"],
        |root| {
            replace(
                root,
                "content/cpe-security/1.0/index.md",
                "status:",
                "status: [oops",
            )
        },
    );
    assert!(
        diags
            .iter()
            .any(|d| d.contains("content/cpe-security/1.0/index.md:")),
        "{diags:?}"
    );
    let (_, diags) = rebuild_matches_fresh(
        &site,
        &mut cache,
        &["content/cpe-security/1.0/index.md"],
        |root| {
            replace(
                root,
                "content/cpe-security/1.0/index.md",
                "status: [oops",
                "status:",
            )
        },
    );
    assert!(!diags.iter().any(|d| d.contains("error[")), "{diags:?}");

    // site.yaml and a UI catalog: everything may change.
    rebuild_matches_fresh(&site, &mut cache, &["site.yaml"], |root| {
        replace(root, "site.yaml", "title:", "title: Renamed site —");
    });
    std::fs::create_dir_all(site.path().join("locales/en")).expect("mkdir");
    rebuild_matches_fresh(&site, &mut cache, &["locales/en/main.ftl"], |root| {
        std::fs::write(
            root.join("locales/en/main.ftl"),
            "catalog-title = Every BCOP\n",
        )
        .expect("write");
    });
}

#[test]
fn a_heading_other_documents_link_to_changes_their_warnings() {
    let site = TestSite::new();
    site.doc("a", "1.0", "A", "# A\n\n## Target heading\n\nText.\n");
    site.doc(
        "b",
        "1.0",
        "B",
        "# B\n\nSee [A](../../a/1.0/index.md#target-heading).\n",
    );
    let mut cache = State::default();
    let (_, diags) = snapshot(compile(&args(&site), &mut cache, None).expect("build"));
    assert!(
        !diags.iter().any(|d| d.contains("broken-anchor")),
        "{diags:?}"
    );
    // Only `a` changes, but `b`'s link now points to a heading that is gone.
    let (_, diags) =
        rebuild_matches_fresh(&site, &mut cache, &["content/a/1.0/index.md"], |root| {
            replace(
                root,
                "content/a/1.0/index.md",
                "## Target heading",
                "## Renamed heading",
            );
        });
    assert!(
        diags
            .iter()
            .any(|d| d.contains("content/b/1.0/index.md") && d.contains("broken-anchor")),
        "{diags:?}"
    );
}

#[test]
fn watcher_paths_are_classified_by_document() {
    let docs = |paths: &[&str]| Changes::from_paths(paths.iter().map(Path::new));
    let set = |names: &[&str]| Changes::Documents(names.iter().map(|s| s.to_string()).collect());
    assert_eq!(docs(&["content/a/1.0/index.md"]), set(&["a"]));
    assert_eq!(
        docs(&["content/a/1.0/x.png", "locales/ja/b/2.0/index.md"]),
        set(&["a", "b"])
    );
    assert_eq!(docs(&["content/a"]), set(&["a"]));
    for whole_site in [
        "site.yaml",
        "locales/ja/main.ftl",
        "themes/default/templates/base.html",
        "templates/base.html",
        "static/x.css",
        "content",
    ] {
        assert_eq!(docs(&[whole_site]), Changes::All, "{whole_site}");
    }
}
