//! Search (issue 16): the index `bcop build` writes for each language, and the search box in a
//! real browser (`tests/browser/search.mjs`) on the example site served as a static host
//! serves it.

use crate::a11y::serve_static;
use crate::support::{TestSite, browser_ready, repo};
use std::process::Command;

fn index(site: &TestSite, lang: &str) -> serde_json::Value {
    let path = site.path().join(format!("public/search/{lang}/index.json"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).expect("index.json is JSON")
}

#[test]
fn each_language_has_an_index_and_untranslated_pages_are_indexed_once() {
    let site = TestSite::copy_of(&repo());
    let build = site.bcop(&["build", "--no-pdf"]);
    assert!(build.ok, "build failed:\n{}", build.stderr);
    let en = index(&site, "en");
    let fr = index(&site, "fr");
    let slug = |ix: &serde_json::Value, e: &serde_json::Value| {
        ix["docs"][e["doc"].as_u64().expect("doc") as usize]["slug"]
            .as_str()
            .expect("slug")
            .to_string()
    };
    // abuse-desk has no French translation: its French pages are fallbacks, indexed only in
    // English.
    let fr_abuse: Vec<&serde_json::Value> = fr["editions"]
        .as_array()
        .expect("editions")
        .iter()
        .filter(|e| slug(&fr, e) == "abuse-desk")
        .collect();
    assert!(!fr_abuse.is_empty());
    for e in &fr_abuse {
        assert_eq!(e["pages"], serde_json::json!([]), "{e}");
        assert_eq!(e["fallback"], serde_json::json!([0]), "{e}");
    }
    let en_abuse = en["editions"]
        .as_array()
        .expect("editions")
        .iter()
        .filter(|e| slug(&en, e) == "abuse-desk")
        .count();
    assert_eq!(
        en_abuse, 2,
        "both versions of abuse-desk are indexed in English"
    );
    // The French chunks hold no page of abuse-desk: its text is not written twice.
    let chunks = site.path().join("public/search/fr/c");
    for entry in std::fs::read_dir(&chunks).expect("chunks") {
        let text = std::fs::read_to_string(entry.expect("entry").path()).expect("chunk");
        assert!(
            !text.contains("abuse-desk/"),
            "a French chunk holds abuse-desk"
        );
    }
    // The strings are the language's own.
    assert_eq!(fr["strings"]["search-none"], "Aucun résultat.");
    assert_eq!(
        fr["strings"]["search-status-fallback"],
        "Pas encore traduit : original en anglais"
    );
    assert_eq!(
        index(&site, "ja")["strings"]["search-count-other"],
        "{count}件"
    );
    // Every shard the index names exists, and no other.
    for lang in ["en", "ja", "pt-BR", "es", "fr"] {
        let ix = index(&site, lang);
        let mut named: Vec<String> = ix["shards"]
            .as_array()
            .expect("shards")
            .iter()
            .map(|s| format!("{}.txt", s.as_str().expect("name")))
            .collect();
        let mut files: Vec<String> =
            std::fs::read_dir(site.path().join(format!("public/search/{lang}/s")))
                .expect("shards")
                .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
                .collect();
        named.sort();
        files.sort();
        assert_eq!(named, files, "{lang}");
    }
}

#[test]
fn search_finds_each_language_in_a_real_browser() {
    if !browser_ready("the search browser test", &["playwright-core", "axe-core"]) {
        return;
    }
    let site = TestSite::copy_of(&repo());
    let build = site.bcop(&["build", "--no-pdf"]);
    assert!(build.ok, "build failed:\n{}", build.stderr);
    let public = site.path().join("public");
    let base = serve_static(public.clone());
    let file_url = format!("file://{}/en/index.html", public.display());
    let out = Command::new("node")
        .arg(repo().join("tests/browser/search.mjs"))
        .arg(&base)
        .arg(&file_url)
        .env("SHOTS", site.path())
        .output()
        .expect("run node");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "search check failed:\n{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        stdout.contains("\"failures\":[]") && stdout.contains("\"axeRuns\":8"),
        "{stdout}"
    );
    eprintln!("search: {stdout}");
}
