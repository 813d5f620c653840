//! The Atom feed of each language: valid against RFC 4287 (tests/fixtures/atom.rng, with
//! `xmllint`), with an author, and with entries that link to pages the build wrote.

use crate::support::{TestSite, repo};
use std::path::Path;
use std::process::Command;

/// `xmllint --relaxng` on `feed`; `None` when xmllint is not installed (outside CI).
fn validate(feed: &Path) -> Option<Result<(), String>> {
    let schema = repo().join("tests/fixtures/atom.rng");
    let out = match Command::new("xmllint")
        .arg("--noout")
        .arg("--relaxng")
        .arg(&schema)
        .arg(feed)
        .output()
    {
        Ok(out) => out,
        Err(e) if std::env::var_os("CI").is_some() => {
            panic!("xmllint (Debian package libxml2-utils) is missing and CI is set: {e}")
        }
        Err(e) => {
            eprintln!("skipped: the feed tests need xmllint (libxml2-utils): {e}");
            return None;
        }
    };
    Some(if out.status.success() {
        Ok(())
    } else {
        Err(String::from_utf8_lossy(&out.stderr).into_owned())
    })
}

/// The values of `attr` in the elements named `element` (a plain scan of bcop's own output).
fn attrs<'a>(xml: &'a str, element: &str, attr: &str) -> Vec<&'a str> {
    let open = format!("<{element} ");
    let key = format!(" {attr}=\"");
    xml.split(&open)
        .skip(1)
        .filter_map(|rest| {
            let tag = &rest[..rest.find('>')?];
            let at = tag.find(&key)? + key.len();
            Some(&tag[at..at + tag[at..].find('"')?])
        })
        .collect()
}

#[test]
fn every_language_feed_is_valid_atom_with_an_author_and_working_links() {
    let s = TestSite::copy_of(&repo());
    let r = s.bcop(&["build", "--no-pdf"]);
    assert!(r.ok, "{}", r.stderr);
    for lang in ["en", "pt-BR", "es", "ja", "fr"] {
        let path = s.path().join(format!("public/{lang}/feed.xml"));
        let Some(valid) = validate(&path) else { return };
        if let Err(e) = valid {
            panic!("{lang}/feed.xml is not valid Atom:\n{e}");
        }
        let xml = s.read(&format!("public/{lang}/feed.xml"));
        assert!(
            xml.contains("<author>\n    <name>Operational Practice Library</name>"),
            "{lang}: the site is the feed's author"
        );
        // Each entry links to a page of the build, in the feed's language where the version
        // is translated, else in the source language.
        let links = attrs(&xml, "link", "href");
        let hreflangs = attrs(&xml, "link", "hreflang");
        assert_eq!(links.len(), 2 + xml.matches("<entry>").count(), "{lang}");
        for (href, hreflang) in links.iter().zip(&hreflangs).skip(2) {
            let rel = href
                .strip_prefix("https://bcop.example.org/")
                .unwrap_or_else(|| panic!("{lang}: {href} is not under base_url"));
            assert!(
                s.exists(&format!("public/{rel}")),
                "{lang}: {href} was not written"
            );
            assert!(
                rel.starts_with(&format!("{hreflang}/")),
                "{lang}: {href} is said to be in {hreflang}"
            );
        }
        let dates: Vec<&str> = xml
            .split("<updated>")
            .skip(2)
            .filter_map(|d| d.split('<').next())
            .collect();
        assert!(
            dates.windows(2).all(|w| w[0] >= w[1]),
            "{lang}: newest first: {dates:?}"
        );
    }
    let en = s.read("public/en/feed.xml");
    assert!(en.contains("<author><name>Ana Ferreira (Example Networks)</name></author>"));
    // The catalog links to its feed where a reader sees it.
    let catalog = s.read("public/ja/index.html");
    assert!(
        catalog.contains("class=\"feed-link\" href=\"feed.xml\""),
        "the ja catalog shows a link to its feed"
    );
}

#[test]
fn a_feed_without_description_or_authors_is_still_valid_and_a_broken_one_is_not() {
    let s = TestSite::empty();
    s.file(
        "site.yaml",
        "title: Tiny & <Co>\nbase_url: https://example.org/docs/\nsource_language: en\nlanguages:\n  - {code: en, name: English}\n",
    );
    s.doc("guide", "1.0", "Guide \"one\"", "Some text.\n");
    let r = s.bcop(&["build", "--no-pdf"]);
    assert!(r.ok, "{}", r.stderr);
    let path = s.path().join("public/en/feed.xml");
    let Some(valid) = validate(&path) else { return };
    valid.unwrap_or_else(|e| panic!("not valid Atom:\n{e}"));
    let xml = s.read("public/en/feed.xml");
    assert!(
        xml.contains("<title>Tiny &amp; &lt;Co&gt;</title>"),
        "{xml}"
    );
    assert!(!xml.contains("<subtitle>"), "no empty subtitle");
    // The schema can fail: a feed without its author is refused.
    let broken = xml.replace(
        &xml[xml.find("  <author>").expect("author")..xml.find("  </author>\n").expect("end") + 12],
        "",
    );
    std::fs::write(&path, broken).expect("write the feed");
    assert!(
        validate(&path).expect("xmllint ran").is_err(),
        "a feed without an author is refused"
    );
}
