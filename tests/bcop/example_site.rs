//! The repository's own example site, built as a new user would build it.

use crate::support::{TestSite, repo};

fn built() -> TestSite {
    let s = TestSite::copy_of(&repo());
    s.build_ok();
    s
}

const LANGS: [&str; 5] = ["en", "pt-BR", "es", "ja", "fr"];

#[test]
fn every_document_version_and_language_has_its_pages() {
    let s = built();
    let pages = [
        ("abuse-desk/1.0", vec!["index.html"]),
        ("abuse-desk/2.0", vec!["index.html"]),
        (
            "sender-auth/1.0",
            vec!["index.html", "01-spf.html", "02-dkim.html", "03-dmarc.html"],
        ),
        (
            "cpe-security/1.0",
            vec![
                "index.html",
                "01-scope.html",
                "02-device-requirements.html",
                "03-operations.html",
                "04-references.html",
            ],
        ),
    ];
    for lang in LANGS {
        assert!(s.exists(&format!("public/{lang}/index.html")));
        for (dir, files) in &pages {
            for f in files {
                let page = s.read(&format!("public/{lang}/{dir}/{f}"));
                assert!(
                    page.contains(&format!("<html lang=\"{lang}\">")),
                    "{lang}/{dir}/{f}"
                );
            }
        }
        for doc in ["abuse-desk", "sender-auth", "cpe-security"] {
            assert!(s.exists(&format!("public/{lang}/{doc}/versions.html")));
            assert!(s.exists(&format!("public/{lang}/{doc}/index.html")));
        }
    }
    for f in [
        "public/index.html",
        "public/404.html",
        "public/robots.txt",
        "public/sitemap.xml",
        "public/assets/bcop.css",
    ] {
        assert!(s.exists(f), "{f}");
    }
    assert!(s.exists("public/ja/cpe-security/1.0/images/layers.svg"));
}

/// Every `<a href>` of the language switcher, as (hreflang, href).
fn switcher_links(page: &str, class: &str) -> Vec<String> {
    let start = page.find(class).expect("switcher");
    let end = start + page[start..].find("</details>").expect("end of switcher");
    page[start..end]
        .split("href=\"")
        .skip(1)
        .map(|s| s[..s.find('"').expect("quote")].to_string())
        .collect()
}

fn resolve(page_path: &str, href: &str) -> String {
    let mut parts: Vec<&str> = page_path.split('/').collect();
    parts.pop();
    for seg in href.split('/') {
        match seg {
            ".." => {
                parts.pop();
            }
            s => parts.push(s),
        }
    }
    parts.join("/")
}

#[test]
fn language_switcher_lands_on_the_same_document_version_and_chapter() {
    let s = built();
    let page_path = "public/ja/cpe-security/1.0/02-device-requirements.html";
    let page = s.read(page_path);
    let links = switcher_links(&page, "lang-switcher");
    assert_eq!(links.len(), 5);
    for (href, lang) in links.iter().zip(LANGS) {
        let target = resolve(page_path, href);
        assert_eq!(
            target,
            format!("public/{lang}/cpe-security/1.0/02-device-requirements.html")
        );
        assert!(s.read(&target).contains(&format!("<html lang=\"{lang}\">")));
    }
}

#[test]
fn version_switcher_lists_every_version_and_stays_in_the_language() {
    let s = built();
    let page_path = "public/ja/abuse-desk/2.0/index.html";
    let links = switcher_links(&s.read(page_path), "version-switcher");
    let targets: Vec<String> = links.iter().map(|h| resolve(page_path, h)).collect();
    assert_eq!(
        targets,
        [
            "public/ja/abuse-desk/2.0/index.html",
            "public/ja/abuse-desk/1.0/index.html",
            "public/ja/abuse-desk/versions.html"
        ]
    );
}

#[test]
fn untranslated_page_is_marked_as_source_text_with_canonical_to_the_source() {
    let s = built();
    // sender-auth 1.0 is translated into French except chapters 02 and 03.
    let translated = s.read("public/fr/sender-auth/1.0/01-spf.html");
    assert!(!translated.contains("notice-fallback"));
    assert!(translated.contains("hreflang=\"fr\""));
    let fallback = s.read("public/fr/sender-auth/1.0/02-dkim.html");
    assert!(fallback.contains("<html lang=\"fr\">"));
    assert!(fallback.contains("class=\"notice notice-fallback\""));
    assert!(fallback.contains("<div class=\"content\" lang=\"en\">"));
    assert!(fallback.contains(
        "<link rel=\"canonical\" href=\"https://bcop.example.org/en/sender-auth/1.0/02-dkim.html\">"
    ));
    assert!(
        !fallback.contains("hreflang=\"fr\" href"),
        "a fallback page has no hreflang entry"
    );
    assert!(!fallback.contains("rel=\"alternate\" hreflang"));
}

#[test]
fn superseded_version_has_a_banner_linking_to_the_latest() {
    let s = built();
    let old = s.read("public/en/abuse-desk/1.0/index.html");
    assert!(old.contains("banner banner-superseded"));
    assert!(old.contains("href=\"../../../en/abuse-desk/2.0/index.html\""));
    let new = s.read("public/en/abuse-desk/2.0/index.html");
    assert!(!new.contains("class=\"banner"));
}

#[test]
fn latest_alias_redirects_with_a_canonical_link() {
    let s = built();
    let alias = s.read("public/es/abuse-desk/index.html");
    assert!(alias.contains(
        "<link rel=\"canonical\" href=\"https://bcop.example.org/es/abuse-desk/2.0/index.html\">"
    ));
    assert!(alias.contains("url=../../es/abuse-desk/2.0/index.html"));
}

#[test]
fn headings_have_the_same_ids_in_every_language() {
    let s = built();
    let ids = |lang: &str| -> Vec<String> {
        s.read(&format!(
            "public/{lang}/cpe-security/1.0/02-device-requirements.html"
        ))
        .split("<h")
        .skip(1)
        .filter_map(|h| h.strip_prefix(|c: char| c.is_ascii_digit()))
        .filter_map(|h| h.strip_prefix(" id=\""))
        .map(|h| h[..h.find('"').unwrap_or(0)].to_string())
        .collect()
    };
    let en = ids("en");
    assert!(en.len() > 5);
    assert!(en.contains(&"authentication".to_string()));
    for lang in ["ja", "fr", "es", "pt-BR"] {
        assert_eq!(ids(lang), en, "{lang}");
    }
}

#[test]
fn drafts_are_built_only_on_request() {
    let s = TestSite::copy_of(&repo());
    s.build_ok();
    assert!(!s.exists("public/en/sender-auth/1.1/index.html"));
    let r = s.bcop(&["build", "--drafts"]);
    assert!(r.ok, "{}", r.stderr);
    let draft = s.read("public/en/sender-auth/1.1/index.html");
    assert!(draft.contains("banner banner-draft"));
    assert!(draft.contains("drafts-ribbon"));
}

#[test]
fn sitemap_lists_hreflang_alternates_of_real_translations_only() {
    let s = built();
    let map = s.read("public/sitemap.xml");
    assert!(map.contains("xmlns:xhtml=\"http://www.w3.org/1999/xhtml\""));
    assert!(map.contains("<loc>https://bcop.example.org/ja/cpe-security/1.0/01-scope.html</loc>"));
    assert!(map.contains("<xhtml:link rel=\"alternate\" hreflang=\"ja\" href=\"https://bcop.example.org/ja/cpe-security/1.0/01-scope.html\"/>"));
    // French 02-dkim is a fallback: not in the sitemap.
    assert!(!map.contains("fr/sender-auth/1.0/02-dkim.html"));
    assert!(
        s.read("public/robots.txt")
            .contains("Sitemap: https://bcop.example.org/sitemap.xml")
    );
}

#[test]
fn ui_strings_come_from_the_readers_language() {
    let s = built();
    let ja = s.read("public/ja/index.html");
    assert!(ja.contains("<html lang=\"ja\">"));
    assert!(
        !ja.contains(">Documents<"),
        "English UI text on a Japanese page"
    );
    let fr = s.read("public/fr/cpe-security/1.0/index.html");
    assert!(!fr.contains(">Chapters<"));
}

#[test]
fn each_language_has_an_atom_feed_of_versions_newest_first() {
    let s = built();
    let feed = s.read("public/ja/feed.xml");
    assert!(feed.contains("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"ja\">"));
    let cpe = feed
        .find("ja/cpe-security/1.0/index.html")
        .expect("cpe entry");
    let abuse2 = feed
        .find("ja/abuse-desk/2.0/index.html")
        .expect("abuse 2.0 entry");
    let abuse1 = feed.find("en/abuse-desk/1.0/index.html");
    assert!(
        abuse1.is_none(),
        "1.0 has pages in ja too (fallback), so the feed links the ja page"
    );
    assert!(cpe < abuse2, "2025-09-01 comes before 2025-03-14");
}

#[test]
fn fallback_notices_name_the_languages_as_each_language_says_them() {
    let s = crate::support::TestSite::copy_of(&crate::support::repo());
    let r = s.bcop(&["build", "--no-pdf"]);
    assert!(r.ok, "{}", r.stderr);
    for (page, sentence) in [
        (
            "public/fr/abuse-desk/2.0/index.html",
            "Cette partie n’a pas encore été traduite en français. Le texte ci-dessous est la version originale en anglais.",
        ),
        (
            "public/fr/abuse-desk/2.0/print.html",
            "Cette partie n’a pas encore été traduite en français. Le texte ci-dessous est la version originale en anglais.",
        ),
        (
            "public/pt-BR/abuse-desk/2.0/print.html",
            "Esta parte ainda não foi traduzida para o português. O texto abaixo é a versão original em inglês.",
        ),
    ] {
        let html = s.read(page);
        assert!(html.contains(sentence), "{page}");
        if page.ends_with("print.html") {
            // The print edition has one main landmark, around all its text.
            assert_eq!(html.matches("<main>").count(), 1, "{page}");
            assert!(
                html.trim_end().ends_with("</main>\n</body>\n</html>")
                    || html.contains("</main>\n</body>"),
                "{page}"
            );
        }
    }
    let ja: Vec<String> = std::fs::read_dir(s.path().join("public/ja"))
        .expect("ja")
        .filter_map(|e| e.ok())
        .flat_map(|d| walkdir_html(&d.path()))
        .filter(|t| t.contains("notice-fallback\" role=\"note\">この部分"))
        .collect();
    assert!(!ja.is_empty());
    for t in ja {
        assert!(t.contains("この部分はまだ日本語に翻訳されていません。以下は英語の原文です。"));
    }
}

/// The text of every HTML file under a folder.
fn walkdir_html(dir: &std::path::Path) -> Vec<String> {
    let mut out = Vec::new();
    if dir.is_dir() {
        for e in std::fs::read_dir(dir)
            .expect("read_dir")
            .filter_map(|e| e.ok())
        {
            out.extend(walkdir_html(&e.path()));
        }
    } else if dir.extension().is_some_and(|x| x == "html") {
        out.push(std::fs::read_to_string(dir).expect("read"));
    }
    out
}

/// The BCP 14 sentence names the keywords of the text it stands above: an untranslated
/// edition's are the source's, so its sentence is the source's, marked with its language.
#[test]
fn the_bcp14_sentence_is_in_the_language_of_the_text() {
    let s = built();
    for page in ["index.html", "print.html"] {
        let pt = s.read(&format!("public/pt-BR/sender-auth/1.0/{page}"));
        assert!(
            pt.contains("<p class=\"bcp14-note\" lang=\"en\">The key words &quot;MUST&quot;"),
            "pt-BR {page}, English text"
        );
    }
    let ja = s.read("public/ja/cpe-security/1.0/index.html");
    assert!(ja.contains(
        "<p class=\"bcp14-note\">この文書における各キーワード「しなければならない（MUST）」"
    ));
}
