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

/// The MASVS requirement rows of a folder's chapters: `| **1.1** | MSTG-ARCH-1 | text | x | x |`
/// as (ID, text), in order.
fn mstg_rows(dir: &std::path::Path) -> Vec<(String, String)> {
    let mut names: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("corpus folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "md"))
        .collect();
    names.sort();
    let mut rows = Vec::new();
    for path in names {
        let text = std::fs::read_to_string(&path).expect("read");
        for line in text.lines() {
            let cells: Vec<&str> = line.split('|').map(str::trim).collect();
            if cells.len() >= 4 && cells[2].starts_with("MSTG-") && cells[2] != "MSTG-ID" {
                rows.push((cells[2].to_string(), cells[3].to_string()));
            }
        }
    }
    rows
}

/// What bcop reads as requirements: a paragraph or list item ending with `{#ID}`. MASVS keeps
/// its IDs in table cells, so the test writes each table row as a list item with its ID as the
/// marker (`- text {#MSTG-ARCH-1}`), keeping the rest of each chapter as it is.
fn as_requirements(dir: &std::path::Path) -> String {
    let mut names: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("corpus folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name().is_some_and(|n| {
                n.to_string_lossy().starts_with("0x") && n.to_string_lossy().ends_with(".md")
            })
        })
        .collect();
    names.sort();
    let mut out = String::new();
    for path in names {
        let text = std::fs::read_to_string(&path).expect("read");
        for line in text.lines() {
            let cells: Vec<&str> = line.split('|').map(str::trim).collect();
            if cells.len() >= 4 && cells[2].starts_with("MSTG-") && cells[2] != "MSTG-ID" {
                out.push_str(&format!("- {} {{#{}}}\n", cells[3], cells[2]));
            } else if !line.starts_with('|') {
                out.push_str(line);
                out.push('\n');
            }
        }
        out.push('\n');
    }
    out
}

/// MASVS 1.4.2 → 1.5.0 through `bcop diff`, in English and Japanese, against the changes the
/// corpus's own tables show. What bcop cannot take from MASVS as it is: IDs in table cells (a
/// requirement is a paragraph or list item with a marker), and levels: MASVS states its
/// requirements without BCP 14 keywords and grades them L1/L2/R, which are not BCP 14 levels,
/// so every requirement here has no level and no level can change.
#[test]
fn masvs_requirements_written_as_list_items_are_extracted_and_compared_between_versions() {
    let corpus = corpus();
    let s = TestSite::empty();
    s.file(
        "site.yaml",
        "title: MASVS requirements\nbase_url: https://example.org/\nsource_language: en\nlanguages:\n  - code: en\n    name: English\n  - code: ja\n    name: 日本語\n",
    );
    for (version, status, date) in VERSIONS {
        let v = corpus.join(format!("v{version}"));
        s.file(
            &format!("content/masvs/{version}/index.md"),
            &format!(
                "---\ntitle: MASVS\nstatus: {status}\ndate: {date}\n---\n{}",
                as_requirements(&v.join("Document"))
            ),
        );
        s.file(
            &format!("locales/ja/masvs/{version}/index.md"),
            &format!(
                "---\ntitle: MASVS\n---\n{}",
                as_requirements(&v.join("Document-ja"))
            ),
        );
    }
    for (lang, folder) in [("en", "Document"), ("ja", "Document-ja")] {
        let old = mstg_rows(&corpus.join("v1.4.2").join(folder));
        let new = mstg_rows(&corpus.join("v1.5.0").join(folder));
        assert_eq!((old.len(), new.len()), (84, 84), "{lang}");
        let old_map: std::collections::BTreeMap<&str, &str> =
            old.iter().map(|(i, t)| (i.as_str(), t.as_str())).collect();
        let new_ids: std::collections::BTreeSet<&str> =
            new.iter().map(|(i, _)| i.as_str()).collect();
        let mut want: Vec<(String, &str)> = Vec::new();
        for (id, text) in &new {
            match old_map.get(id.as_str()) {
                None => want.push((id.clone(), "added")),
                Some(t) if t != text => want.push((id.clone(), "changed")),
                Some(_) => {}
            }
        }
        for (id, _) in &old {
            if !new_ids.contains(id.as_str()) {
                want.push((id.clone(), "removed"));
            }
        }
        let r = s.bcop(&[
            "diff", "masvs", "1.4.2", "1.5.0", "--lang", lang, "--format", "json",
        ]);
        assert!(r.ok, "{}", r.stderr);
        let v: serde_json::Value = serde_json::from_str(&r.stdout).expect("JSON");
        assert_eq!(v["language"], lang);
        // A requirement that only moved is left out: the Japanese 1.4.2 has two headings more
        // than its source, so its later sections take shifted ids (a translation's headings
        // take the source's ids by position) and every requirement reads as moved.
        let got: Vec<(String, &str)> = v["requirements"]
            .as_array()
            .expect("requirements")
            .iter()
            .filter(|r| r["change"] != "changed" || r["reworded"] == true)
            .map(|r| {
                (
                    r["id"].as_str().unwrap_or("").to_string(),
                    r["change"].as_str().unwrap_or(""),
                )
            })
            .collect();
        assert_eq!(got, want, "{lang}");
        let moved_only = v["requirements"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|r| r["change"] == "changed" && r["reworded"] == false)
            .count();
        assert_eq!(
            v["unchanged_requirements"].as_u64().unwrap_or(0) as usize + moved_only,
            84 - want.iter().filter(|(_, c)| *c != "added").count(),
            "{lang}"
        );
        for r in v["requirements"].as_array().into_iter().flatten() {
            assert!(r["new_level"].is_null() && r["level_change"].is_null());
        }
    }
    // The requirements did not change from 1.4.2 to 1.5.0, but the prose did.
    let r = s.bcop(&["diff", "masvs", "1.4.2", "1.5.0"]);
    assert!(r.ok, "{}", r.stderr);
    assert!(r.stdout.contains("; 84 unchanged\n"), "{}", r.stdout);
    assert!(
        r.stdout
            .contains("\n~ While both the MASVS and the [-MSTG-]{+MASTG+} are created"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout
            .contains("\n## Other Donators (other-donators) (removed)\n"),
        "{}",
        r.stdout
    );
}
