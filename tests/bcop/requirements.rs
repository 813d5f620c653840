//! Requirements: anchors and labels in every language, each `check` finding at its place, and
//! the checklists (CSV and JSON) against snapshots.

use crate::support::{TestSite, repo};

#[test]
fn requirements_have_the_same_anchor_and_label_in_all_five_languages() {
    let s = TestSite::copy_of(&repo());
    let r = s.bcop(&["build", "--no-pdf"]);
    assert!(r.ok, "{}", r.stderr);
    // (language, the keyword of ABUSE-MBOX-1 as that page shows it): pt-BR and fr fall back
    // to the English text.
    for (lang, keyword) in [
        ("en", "MUST"),
        ("pt-BR", "MUST"),
        ("es", "DEBE"),
        ("fr", "MUST"),
        ("ja", "（MUST）"),
    ] {
        let page = s.read(&format!("public/{lang}/abuse-desk/2.0/index.html"));
        assert!(
            page.contains("<p id=\"ABUSE-MBOX-1\" class=\"req req-absolute\"><a class=\"req-id\" href=\"#ABUSE-MBOX-1\">ABUSE-MBOX-1</a> "),
            "{lang}"
        );
        assert!(
            page.contains(&format!("\">{keyword}</em>"))
                && page.contains("<em class=\"bcp14 bcp14-absolute\" title=\""),
            "{lang}"
        );
        // The BCP 14 sentence, in the language of the text: where 2.0 is not translated, the
        // page shows the English text, and the English sentence.
        if lang != "en" && !s.exists(&format!("locales/{lang}/abuse-desk/2.0")) {
            assert!(page.contains("<p class=\"bcp14-note\" lang=\"en\">The key words"));
        } else {
            assert!(page.contains("<p class=\"bcp14-note\">"), "{lang}");
        }
    }
    let ja = s.read("public/ja/abuse-desk/2.0/index.html");
    assert!(ja.contains("title=\"絶対的な要件（BCP 14：MUST、REQUIRED、SHALL）\">（MUST）</em>"));
    let es = s.read("public/es/abuse-desk/2.0/index.html");
    assert!(
        es.contains("title=\"requisito absoluto (BCP 14: DEBE, OBLIGATORIO, DEBERÁ)\">DEBE</em>")
    );
}

fn site_with_problems() -> TestSite {
    let s = TestSite::new();
    s.file(
        "content/desk/1.0/index.md",
        "---\ntitle: Desk\nstatus: published\ndate: 2025-01-02\n---\n# Desk\n\n## Scope\n\nDesks MUST answer. {#D-1}\n\nDesks SHOULD log. {#D-2}\n\nDesks MAY call. {#D-3}\n\nThis paragraph says MUST outside a requirement.\n\nNo keyword here. {#D-4}\n",
    );

    // Japanese: D-1 becomes a recommendation, D-3 is missing, D-9 is new.
    s.file(
        "locales/ja/desk/1.0/index.md",
        "---\ntitle: 窓口\n---\n# 窓口\n\n## 範囲\n\n窓口は返信すべきである（SHOULD）。 {#D-1}\n\n窓口は記録すべきである（SHOULD）。 {#D-2}\n\nキーワードなし。 {#D-4}\n\n窓口は請求してはならない（MUST NOT）。 {#D-9}\n",
    );
    s
}

#[test]
fn check_reports_each_requirement_problem_at_its_place() {
    let s = site_with_problems();
    let r = s.bcop(&["check", "--strict", "--format", "json"]);
    assert!(!r.ok);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).expect("JSON");
    let mut got: Vec<(String, String, u64, u64, String)> = v["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter(|d| {
            let code = d["code"].as_str().unwrap_or("");
            code.contains("requirement") || code.contains("keyword")
        })
        .map(|d| {
            (
                d["code"].as_str().unwrap_or("").to_string(),
                d["path"].as_str().unwrap_or("").to_string(),
                d["line"].as_u64().unwrap_or(0),
                d["column"].as_u64().unwrap_or(0),
                d["severity"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    got.sort();
    let src = "content/desk/1.0/index.md";
    let ja = "locales/ja/desk/1.0/index.md";
    let want = |code: &str, path: &str, line, col, sev: &str| {
        (
            code.to_string(),
            path.to_string(),
            line,
            col,
            sev.to_string(),
        )
    };
    // Warnings, made errors by --strict: the build goes on with them.
    let mut expected = vec![
        want("keyword-outside-requirement", src, 16, 21, "error"),
        want("requirement-without-keyword", src, 18, 1, "error"),
        want("requirement-level", ja, 8, 1, "error"),
        want("requirement-missing", ja, 6, 1, "error"),
        want("requirement-unknown", ja, 14, 24, "error"),
        want("requirement-without-keyword", ja, 12, 1, "error"),
    ];
    expected.sort();
    assert_eq!(got, expected, "{}", r.stdout);
    // A duplicate ID is an error at its second marker.
    let s = TestSite::new();
    s.file(
        "content/dup/1.0/index.md",
        "---\ntitle: Dup\nstatus: published\ndate: 2025-01-02\n---\n# Dup\n\nDesks MUST answer. {#X-1}\n\nDesks MUST NOT charge. {#X-1}\n",
    );
    let r = s.bcop(&["check"]);
    assert!(!r.ok);
    assert!(
        r.stdout.contains("error[duplicate-requirement]")
            && r.stdout.contains("content/dup/1.0/index.md:10:23"),
        "{}",
        r.stdout
    );
}

#[test]
fn checklists_match_their_snapshots() {
    let s = TestSite::new();
    s.file(
        "content/desk/1.0/index.md",
        "---\nid: BCOP-DESK\ntitle: Desk\nstatus: published\ndate: 2025-01-02\n---\n# Desk\n\n## Scope {#scope}\n\nDesks MUST answer, \"quickly\", within a day. {#D-1}\n\n- Desks SHOULD NOT close reports unread. {#D-2}\n- Desks MAY call back. {#D-3}\n",
    );
    s.file(
        "locales/ja/desk/1.0/index.md",
        "---\ntitle: 窓口\n---\n# 窓口\n\n## 範囲\n\n窓口は一日以内に返信しなければならない（MUST）。 {#D-1}\n\n- 窓口は報告を読まずに閉じるべきではない（SHOULD NOT）。 {#D-2}\n- 窓口は折り返し電話してもよい（MAY）。 {#D-3}\n",
    );
    let r = s.bcop(&["build", "--no-pdf"]);
    assert!(r.ok, "{}", r.stderr);
    insta::assert_snapshot!(
        "checklist_en_csv",
        s.read("public/en/desk/1.0/desk-1.0-en-requirements.csv")
    );
    insta::assert_snapshot!(
        "checklist_en_json",
        s.read("public/en/desk/1.0/desk-1.0-en-requirements.json")
    );
    insta::assert_snapshot!(
        "checklist_ja_json",
        s.read("public/ja/desk/1.0/desk-1.0-ja-requirements.json")
    );
    // French is not translated: the source's rows, marked as a fallback.
    let fr = s.read("public/fr/desk/1.0/desk-1.0-fr-requirements.csv");
    assert!(
        fr.contains("D-1,absolute,") && fr.ends_with(",fallback\r\n"),
        "{fr}"
    );
}
