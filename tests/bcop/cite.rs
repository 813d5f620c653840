//! "Cite this" on a version's cover page: the reference in the reader's language, and BibTeX,
//! RIS and CSL-JSON as `data:` URLs, read back from the example site's pages.

use crate::support::{TestSite, repo};

/// The example site, built without PDFs.
fn example() -> TestSite {
    let s = TestSite::copy_of(&repo());
    let r = s.bcop(&["build", "--no-pdf"]);
    assert!(r.ok, "{}", r.stderr);
    s
}

/// A page's "Cite this" section: its reference text and the decoded downloads by extension.
struct Cite {
    text: String,
    bib: String,
    ris: String,
    json: serde_json::Value,
}

fn cite(s: &TestSite, page: &str) -> Cite {
    let html = s.read(page);
    let start = html
        .find("<section class=\"cite\"")
        .unwrap_or_else(|| panic!("{page} has no Cite this section"));
    let section = &html[start..start + html[start..].find("</section>").expect("end")];
    let text = section
        .split("<p class=\"cite-text\">")
        .nth(1)
        .and_then(|t| t.split("</p>").next())
        .expect("reference text")
        .to_string();
    let download = |ext: &str, mime: &str| {
        let at = section
            .split(&format!(".{ext}\" href=\""))
            .nth(1)
            .unwrap_or_else(|| panic!("{page}: no .{ext} download"));
        let url = &at[..at.find('"').expect("quote")];
        let body = url
            .strip_prefix(&format!("data:{mime};charset=utf-8,"))
            .unwrap_or_else(|| panic!("{page}: .{ext} is not a {mime} data URL: {url}"));
        percent_encoding::percent_decode_str(body)
            .decode_utf8()
            .expect("UTF-8")
            .into_owned()
    };
    let json = download("json", "application/vnd.citationstyles.csl+json");
    Cite {
        text,
        bib: download("bib", "application/x-bibtex"),
        ris: download("ris", "application/x-research-info-systems"),
        json: serde_json::from_str(&json).unwrap_or_else(|e| panic!("{page}: {e}\n{json}")),
    }
}

/// One BibTeX entry, whose braces balance.
fn assert_one_balanced_entry(bib: &str) {
    assert_eq!(bib.matches('@').count(), 1, "{bib}");
    let mut depth = 0i32;
    for c in bib.chars() {
        depth += match c {
            '{' => 1,
            '}' => -1,
            _ => 0,
        };
        assert!(depth >= 0, "a brace closes too early:\n{bib}");
    }
    assert_eq!(depth, 0, "unbalanced braces:\n{bib}");
}

/// A RIS record from `TY  - ` to `ER  - `, one tag a line.
fn ris_tags(ris: &str) -> Vec<(&str, &str)> {
    assert!(ris.starts_with("TY  - RPRT\r\n"), "{ris}");
    assert!(ris.ends_with("ER  - \r\n"), "{ris}");
    ris.split_terminator("\r\n")
        .map(|l| {
            l.split_once("  - ")
                .unwrap_or_else(|| panic!("not a tag line: {l:?}"))
        })
        .collect()
}

fn names(json: &serde_json::Value, role: &str) -> Vec<String> {
    json[0][role].as_array().map_or_else(Vec::new, |list| {
        list.iter()
            .map(|n| {
                format!(
                    "{} {}",
                    n["given"].as_str().unwrap_or(""),
                    n["family"].as_str().unwrap_or("")
                )
            })
            .collect()
    })
}

#[test]
fn a_translated_edition_cites_its_own_url_language_and_translators() {
    let s = example();
    let c = cite(&s, "public/ja/abuse-desk/2.0/index.html");
    let url = "https://bcop.example.org/ja/abuse-desk/2.0/index.html";
    assert!(
        c.text.contains("Lucía Ortega著、佐藤 美咲訳『"),
        "{}",
        c.text
    );
    assert!(
        c.text.contains("（BCOP-ABUSE）") && c.text.contains("日本語版。"),
        "{}",
        c.text
    );
    assert!(c.text.ends_with(&format!("入手先：{url}")), "{}", c.text);

    assert_one_balanced_entry(&c.bib);
    assert!(
        c.bib.starts_with("@techreport{abuse-desk-2.0-ja,\n"),
        "{}",
        c.bib
    );
    for field in [
        "  author = {Ferreira, Ana and Wrona, Tomasz and Raman, Priya and Morita, Kenji and Ortega, Lucía},",
        "  translator = {佐藤, 美咲},",
        "  title = {{アビューズ対応窓口の運用}},",
        "  number = {BCOP-ABUSE},",
        "  version = {2.0},",
        "  date = {2025-03-14},",
        "  language = {ja},",
        &format!("  url = {{{url}}},"),
    ] {
        assert!(
            c.bib.lines().any(|l| l == field),
            "no `{field}` in\n{}",
            c.bib
        );
    }

    let tags = ris_tags(&c.ris);
    for tag in [
        ("AU", "Ferreira, Ana"),
        ("AU", "Ortega, Lucía"),
        ("A4", "佐藤, 美咲"),
        ("ET", "2.0"),
        ("SN", "BCOP-ABUSE"),
        ("DA", "2025/03/14/"),
        ("LA", "ja"),
        ("UR", url),
    ] {
        assert!(tags.contains(&tag), "no {tag:?} in\n{}", c.ris);
    }

    let item = &c.json[0];
    assert_eq!(item["type"], "report");
    assert_eq!(item["URL"], url);
    assert_eq!(item["language"], "ja");
    assert_eq!(item["version"], "2.0");
    assert_eq!(item["number"], "BCOP-ABUSE");
    assert_eq!(
        item["issued"]["date-parts"],
        serde_json::json!([[2025, 3, 14]])
    );
    assert_eq!(names(&c.json, "author").len(), 5);
    assert_eq!(names(&c.json, "translator"), ["美咲 佐藤"]);
}

#[test]
fn the_source_edition_cites_its_url_and_names_no_translators() {
    let s = example();
    let c = cite(&s, "public/en/abuse-desk/2.0/index.html");
    let url = "https://bcop.example.org/en/abuse-desk/2.0/index.html";
    assert!(c.text.contains(". In English. Available at "), "{}", c.text);
    assert!(!c.text.contains("translated by"), "{}", c.text);
    assert_one_balanced_entry(&c.bib);
    assert!(
        c.bib.contains("  language = {en},\n") && c.bib.contains(url),
        "{}",
        c.bib
    );
    assert!(!c.bib.contains("translator"), "{}", c.bib);
    let tags = ris_tags(&c.ris);
    assert!(
        tags.contains(&("LA", "en")) && tags.contains(&("UR", url)),
        "{}",
        c.ris
    );
    assert!(!tags.iter().any(|(t, _)| *t == "A4"), "{}", c.ris);
    assert_eq!(c.json[0]["URL"], url);
    assert!(c.json[0].get("translator").is_none(), "{}", c.json);
}

#[test]
fn a_fallback_edition_cites_the_source_text_in_the_readers_words() {
    // abuse-desk 2.0 has no French translation: the French page shows the English text.
    let s = example();
    assert!(!s.exists("locales/fr/abuse-desk/2.0"));
    let c = cite(&s, "public/fr/abuse-desk/2.0/index.html");
    let url = "https://bcop.example.org/en/abuse-desk/2.0/index.html";
    assert!(
        c.text
            .contains("<cite lang=\"en\">Abuse Desk Operations</cite>"),
        "{}",
        c.text
    );
    assert!(
        c.text
            .contains("En anglais. Disponible à l’adresse\u{a0}: "),
        "{}",
        c.text
    );
    assert!(!c.text.contains("traduit par"), "{}", c.text);
    assert!(
        c.bib.starts_with("@techreport{abuse-desk-2.0-en,"),
        "{}",
        c.bib
    );
    assert!(c.bib.contains("  language = {en},\n") && !c.bib.contains("translator"));
    let tags = ris_tags(&c.ris);
    assert!(
        tags.contains(&("LA", "en")) && tags.contains(&("UR", url)),
        "{}",
        c.ris
    );
    assert!(!tags.iter().any(|(t, _)| *t == "A4"), "{}", c.ris);
    assert_eq!(c.json[0]["language"], "en");
    assert_eq!(c.json[0]["URL"], url);
    assert!(c.json[0].get("translator").is_none(), "{}", c.json);
}

#[test]
fn only_the_cover_page_of_a_version_offers_the_citation() {
    let s = example();
    assert!(
        s.read("public/en/sender-auth/1.0/index.html")
            .contains("class=\"cite\"")
    );
    let chapter = s.read("public/en/sender-auth/1.0/01-spf.html");
    assert!(!chapter.contains("class=\"cite\""));
}
