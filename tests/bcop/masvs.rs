//! The OWASP MASVS corpus (`tests/corpus/owasp-masvs`, CC BY-SA 4.0): a real, versioned,
//! six-language document set, mapped into a temporary bcop site. Its README says what it holds.

use crate::support::{TestSite, copy_tree, repo};
use std::path::PathBuf;

const VERSIONS: [(&str, &str, &str); 2] = [
    ("1.4.2", "superseded", "2022-01-20"),
    ("1.5.0", "published", "2023-01-31"),
];
const LANGS: [(&str, &str); 5] = [
    ("es", "es"),
    ("fr", "fr"),
    ("ja", "ja"),
    ("ptbr", "pt-BR"),
    ("ptpt", "pt-PT"),
];

pub fn corpus() -> PathBuf {
    repo().join("tests/corpus/owasp-masvs")
}

/// Maps the corpus into bcop's layout: `Document/` is the English source, `Document-<lang>/`
/// the translations; `index.md` carries the front matter.
pub fn masvs_site() -> TestSite {
    let corpus = corpus();
    let s = TestSite::empty();
    let mut yaml = String::from(
        "title: MASVS test\nbase_url: https://example.org/\nsource_language: en\nlanguages:\n  - code: en\n    name: English\n",
    );
    for (_, code) in LANGS {
        yaml.push_str(&format!("  - code: {code}\n    name: {code}\n"));
    }
    s.file("site.yaml", &yaml);
    for (version, status, date) in VERSIONS {
        let vdir = corpus.join(format!("v{version}"));
        let mut folders = vec![("Document".to_string(), format!("content/masvs/{version}"))];
        for (upstream, code) in LANGS {
            folders.push((
                format!("Document-{upstream}"),
                format!("locales/{code}/masvs/{version}"),
            ));
        }
        for (from, to) in folders {
            for entry in std::fs::read_dir(vdir.join(&from)).expect("corpus folder") {
                let path = entry.expect("entry").path();
                let name = path
                    .file_name()
                    .expect("name")
                    .to_string_lossy()
                    .into_owned();
                if name.starts_with("0x") && name.ends_with(".md") {
                    s.file(
                        &format!("{to}/{name}"),
                        &std::fs::read_to_string(&path).expect("read"),
                    );
                }
            }
            let images = vdir.join(&from).join("images");
            if images.is_dir() {
                copy_tree(&images, &s.path().join(&to).join("images"));
            }
        }
        s.file(
            &format!("content/masvs/{version}/index.md"),
            &format!("---\nid: OWASP-MASVS\ntitle: OWASP Mobile Application Security Verification Standard\nstatus: {status}\ndate: {date}\n---\n"),
        );
    }
    s
}

fn chapter_pages(s: &TestSite, version: &str) -> Vec<String> {
    let mut pages: Vec<String> =
        std::fs::read_dir(s.path().join(format!("content/masvs/{version}")))
            .expect("content")
            .filter_map(|e| {
                let n = e.ok()?.file_name().to_string_lossy().into_owned();
                n.strip_suffix(".md").map(|stem| format!("{stem}.html"))
            })
            .collect();
    pages.sort();
    pages
}

/// Requirement rows look like `<td><strong>1.2</strong></td>` in every language.
fn requirement_rows(html: &str) -> usize {
    html.split("<td><strong>")
        .skip(1)
        .filter(|rest| {
            let end = rest.find("</strong></td>").unwrap_or(0);
            let id = &rest[..end];
            end > 0
                && id.split('.').count() == 2
                && id
                    .split('.')
                    .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
        })
        .count()
}

#[test]
fn masvs_corpus_builds_every_version_and_language_with_all_requirements() {
    let s = masvs_site();
    let r = s.build_ok();
    let all_langs: Vec<&str> = std::iter::once("en")
        .chain(LANGS.iter().map(|(_, c)| *c))
        .collect();
    for (version, _, _) in VERSIONS {
        let pages = chapter_pages(&s, version);
        assert_eq!(pages.len(), 15, "index + 14 chapters");
        for lang in &all_langs {
            let mut rows = 0;
            for page in &pages {
                let html = s.read(&format!("public/{lang}/masvs/{version}/{page}"));
                assert!(html.contains(&format!("<html lang=\"{lang}\">")));
                rows += requirement_rows(&html);
            }
            assert_eq!(rows, 84, "{lang} {version}");
        }
    }
    // Japanese text survives intact, full-width punctuation included.
    let ja = s.read(
        "public/ja/masvs/1.5.0/0x06-V1-Architecture_design_and_threat_modelling_requireme.html",
    );
    assert!(ja.contains("アプリのすべてのコンポーネントを把握し、それらが必要とされている。"));
    assert!(!ja.contains("notice-fallback"));
    // The index.md written by the mapping has no text: nothing to translate, so no notice.
    assert!(
        !s.read("public/ja/masvs/1.5.0/index.html")
            .contains("notice-fallback")
    );
    // The 20 images that do not exist upstream are warnings naming the file, not a crash.
    let missing: Vec<&str> = r
        .stderr
        .lines()
        .filter(|l| l.contains("warning[missing-image]"))
        .collect();
    assert_eq!(missing.len(), 20, "{}", r.stderr);
    assert!(missing.iter().all(
        |l| l.contains("/masvs/1.4.2/0x02-Frontispiece.md:") && l.contains("images/Donators/")
    ));
    assert!(s.exists("public/ja/masvs/1.4.2/images/OWASP_logo.png"));
}

#[test]
fn masvs_version_switcher_and_banner_work_across_versions() {
    let s = masvs_site();
    s.build_ok();
    let old = s.read("public/pt-PT/masvs/1.4.2/0x03-Using_the_MASVS.html");
    assert!(old.contains("banner banner-superseded"));
    assert!(old.contains("href=\"../../../pt-PT/masvs/1.5.0/0x03-Using_the_MASVS.html\""));
}
