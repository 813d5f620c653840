//! What changed between versions: the changes pages, `bcop diff`, and the PDF appendix.

use crate::pdf::poppler;
use crate::support::{TestSite, repo};

/// A document in two versions, translated in full into Japanese in both, and into French in
/// 2.0 only: requirements added, removed, reworded, strengthened and moved.
fn two_versions() -> TestSite {
    let s = TestSite::new();
    s.file(
        "content/desk/1.0/index.md",
        "---\ntitle: Desk\nstatus: published\ndate: 2024-01-02\n---\n# Desk\n\n## Scope {#scope}\n\nThis covers desks.\n\n- Desks SHOULD answer within two days. {#D-1}\n- Desks MUST keep a log. {#D-2}\n- Desks MAY use email. {#D-3}\n\n## Reporting {#reporting}\n\nReporters MUST NOT pay. {#D-4}\n",
    );
    s.file(
        "content/desk/2.0/index.md",
        "---\ntitle: Desk\nstatus: published\ndate: 2025-01-02\nsupersedes: \"1.0\"\n---\n# Desk\n\n## Scope {#scope}\n\nThis covers desks and their staff.\n\n- Desks MUST answer within one business day. {#D-1}\n- Desks MAY use email. {#D-3}\n\n## Reporting {#reporting}\n\nReporters MUST NOT pay. {#D-4}\n\n- Desks MUST keep a log for a year. {#D-2}\n- Desks SHOULD publish a contact. {#D-5}\n",
    );
    s.file(
        "locales/ja/desk/1.0/index.md",
        "---\ntitle: 窓口\n---\n# 窓口\n\n## 範囲\n\n窓口を対象とする。\n\n- 窓口は二日以内に返信すべきである（SHOULD）。 {#D-1}\n- 窓口は記録を残さなければならない（MUST）。 {#D-2}\n- 窓口は電子メールを使ってもよい（MAY）。 {#D-3}\n\n## 報告\n\n報告者に費用を負担させてはならない（MUST NOT）。 {#D-4}\n",
    );
    s.file(
        "locales/ja/desk/2.0/index.md",
        "---\ntitle: 窓口\n---\n# 窓口\n\n## 範囲\n\n窓口とその担当者を対象とする。\n\n- 窓口は一営業日以内に返信しなければならない（MUST）。 {#D-1}\n- 窓口は電子メールを使ってもよい（MAY）。 {#D-3}\n\n## 報告\n\n報告者に費用を負担させてはならない（MUST NOT）。 {#D-4}\n\n- 窓口は記録を一年間残さなければならない（MUST）。 {#D-2}\n- 窓口は連絡先を公開すべきである（SHOULD）。 {#D-5}\n",
    );
    s.file(
        "locales/fr/desk/2.0/index.md",
        "---\ntitle: Guichet\n---\n# Guichet\n\n## Champ\n\nCeci couvre les guichets et leur personnel.\n\n- Les guichets DOIVENT répondre en un jour ouvré. {#D-1}\n- Les guichets PEUVENT utiliser le courriel. {#D-3}\n\n## Signalement\n\nLes signaleurs NE DOIVENT PAS payer. {#D-4}\n\n- Les guichets DOIVENT tenir un journal pendant un an. {#D-2}\n- Les guichets DEVRAIENT publier un contact. {#D-5}\n",
    );
    s
}

#[test]
fn bcop_diff_shows_the_requirements_and_the_redline_of_the_source() {
    let s = two_versions();
    let r = s.bcop(&["diff", "desk", "1.0", "2.0"]);
    assert!(r.ok, "{}", r.stderr);
    assert_eq!(
        r.stdout,
        "desk 1.0 → 2.0 (en)

Requirements: 1 added, 0 removed, 2 reworded, 1 strengthened, 0 weakened, 0 reversed, 1 moved; 2 unchanged
  ~ D-1 recommended → absolute (strengthened), reworded
      Desks [-SHOULD-]{+MUST+} answer within [-two days-]{+one business day+}.
  ~ D-2 reworded, moved from §Scope (scope) to §Reporting (reporting)
      Desks MUST keep a log{+ for a year+}.
  + D-5 [recommended] in §Reporting (reporting)
      {+Desks SHOULD publish a contact.+}

Sections: 2 changed; 1 unchanged

## Scope (scope)
  Scope
~ This covers desks{+ and their staff+}.
~ D-1: Desks [-SHOULD-]{+MUST+} answer within [-two days-]{+one business day+}.
< D-2: Desks MUST keep a log. (moved to §Reporting (reporting))
  D-3: Desks MAY use email.

## Reporting (reporting)
  Reporting
  D-4: Reporters MUST NOT pay.
> D-2: Desks MUST keep a log{+ for a year+}. (moved from §Scope (scope))
+ D-5: Desks SHOULD publish a contact.
"
    );
}

#[test]
fn bcop_diff_of_a_translation_compares_its_own_text_character_by_character() {
    let s = two_versions();
    let r = s.bcop(&["diff", "desk", "1.0", "2.0", "--lang", "ja"]);
    assert!(r.ok, "{}", r.stderr);
    assert!(
        r.stdout.starts_with("desk 1.0 → 2.0 (ja)\n"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains(
            "~ D-1: 窓口は[-二-]{+一営業+}日以内に返信[-すべきである-]{+しなければならない+}（[-SHOULD-]{+MUST+}）。\n"
        ),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains("~ 窓口{+とその担当者+}を対象とする。\n"),
        "{}",
        r.stdout
    );
    // Sections keep the source's ids, so the Japanese headings are matched across versions.
    assert!(r.stdout.contains("\n## 範囲 (scope)\n"), "{}", r.stdout);
    assert!(r.stdout.contains("1 strengthened"), "{}", r.stdout);
    // French 1.0 is not translated: the source's changes, with a note.
    let r = s.bcop(&["diff", "desk", "1.0", "2.0", "--lang", "fr"]);
    assert!(r.ok, "{}", r.stderr);
    assert!(
        r.stdout.starts_with("desk 1.0 → 2.0 (en)\n"),
        "{}",
        r.stdout
    );
    assert!(
        r.stderr.contains("not both translated in full into fr"),
        "{}",
        r.stderr
    );
}

#[test]
fn bcop_diff_json_lists_every_change_with_its_segments() {
    let s = two_versions();
    let r = s.bcop(&["diff", "desk", "1.0", "2.0", "--format", "json"]);
    assert!(r.ok, "{}", r.stderr);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).expect("JSON");
    assert_eq!(v["format"], "bcop-changes");
    assert_eq!(v["version"], 1);
    assert_eq!(
        (v["from"].as_str(), v["to"].as_str()),
        (Some("1.0"), Some("2.0"))
    );
    let reqs = v["requirements"].as_array().expect("requirements");
    let d1 = &reqs[0];
    assert_eq!(d1["id"], "D-1");
    assert_eq!(d1["level_change"], "strengthened");
    assert_eq!(
        (d1["old_level"].as_str(), d1["new_level"].as_str()),
        (Some("recommended"), Some("absolute"))
    );
    assert_eq!(
        d1["text"][1],
        serde_json::json!({"op": "delete", "text": "SHOULD"})
    );
    assert_eq!(
        d1["text"][2],
        serde_json::json!({"op": "insert", "text": "MUST"})
    );
    assert_eq!(reqs[1]["moved"], true);
    assert_eq!(reqs[1]["old_section"]["id"], "scope");
    assert_eq!(reqs[1]["new_section"]["id"], "reporting");
    assert_eq!(reqs[2]["change"], "added");
    assert_eq!(v["unchanged_requirements"], 2);
    let ops: Vec<&str> = v["sections"][1]["blocks"]
        .as_array()
        .expect("blocks")
        .iter()
        .map(|b| b["op"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(ops, ["equal", "equal", "moved-here", "insert"]);
}

#[test]
fn bcop_diff_names_what_does_not_exist() {
    let s = two_versions();
    for (args, wanted) in [
        (
            &["diff", "nope", "1.0", "2.0"][..],
            "there is no document `nope`",
        ),
        (
            &["diff", "desk", "1.0", "3.0"][..],
            "`desk` has no version `3.0`",
        ),
        (
            &["diff", "desk", "1.0", "2.0", "--lang", "xx"][..],
            "the site has no language `xx`",
        ),
    ] {
        let r = s.bcop(args);
        assert!(!r.ok);
        assert!(r.stderr.contains("error[bad-argument]"), "{}", r.stderr);
        assert!(r.stderr.contains(wanted), "{}", r.stderr);
    }
}

#[test]
fn every_version_with_a_predecessor_has_a_changes_page_in_each_language() {
    let s = two_versions();
    let r = s.bcop(&["build", "--no-pdf"]);
    assert!(r.ok, "{}", r.stderr);
    for lang in ["en", "ja", "fr"] {
        assert!(!s.exists(&format!("public/{lang}/desk/1.0/changes.html")));
    }
    let en = s.read("public/en/desk/2.0/changes.html");
    assert!(
        en.contains("<h1>Changes from version 1.0 to 2.0</h1>"),
        "{en}"
    );
    assert!(en.contains("<del><span class=\"visually-hidden\">deleted: </span>SHOULD</del><ins><span class=\"visually-hidden\">inserted: </span>MUST</ins>"), "{en}");
    assert!(en.contains("change-badge-strengthened"));
    assert!(en.contains("<a href=\"index.html#D-1\">D-1</a>"), "{en}");
    assert!(!en.contains("notice-fallback"));
    // Japanese: both versions are translated, so the page compares the Japanese text.
    let ja = s.read("public/ja/desk/2.0/changes.html");
    assert!(
        ja.contains("<h1>バージョン1.0から2.0への変更点</h1>"),
        "{ja}"
    );
    assert!(ja.contains("<del><span class=\"visually-hidden\">削除：</span>二</del><ins><span class=\"visually-hidden\">追加：</span>一営業</ins>"), "{ja}");
    assert!(!ja.contains("notice-fallback"));
    // French 1.0 is not translated: the source's changes, marked as English, with a notice.
    let fr = s.read("public/fr/desk/2.0/changes.html");
    assert!(fr.contains("class=\"notice notice-fallback\""), "{fr}");
    assert!(
        fr.contains("<td class=\"change-text\" lang=\"en\">"),
        "{fr}"
    );
    // The document page links to it.
    let page = s.read("public/fr/desk/2.0/index.html");
    assert!(page.contains("<a class=\"changes-link\" href=\"../../../fr/desk/2.0/changes.html\">Modifications depuis la 1.0</a>"), "{page}");
}

#[test]
fn the_example_site_shows_the_changes_of_abuse_desk_2_0() {
    let s = TestSite::copy_of(&repo());
    let r = s.bcop(&["build", "--no-pdf"]);
    assert!(r.ok, "{}", r.stderr);
    for lang in ["en", "pt-BR", "es", "fr", "ja"] {
        let page = s.read(&format!("public/{lang}/abuse-desk/2.0/changes.html"));
        // ABUSE-FMT-1 went from SHOULD to MUST, ABUSE-PHISH-1 was removed.
        assert!(page.contains("id=\"changed-requirements\""), "{lang}");
        assert!(page.contains("change-badge-strengthened"), "{lang}");
        assert!(page.contains("change-badge-removed"), "{lang}");
        assert!(page.contains("ABUSE-PHISH-1"), "{lang}");
        assert!(!s.exists(&format!("public/{lang}/abuse-desk/1.0/changes.html")));
    }
}

#[test]
fn the_pdf_has_a_changes_appendix_and_a_requirements_appendix_with_pages() {
    let s = two_versions();
    let r = s.bcop(&["build"]);
    assert!(r.ok, "{}", r.stderr);
    let pdf = s.path().join("public/en/desk/2.0/desk-2.0-en.pdf");
    let Some(text) = poppler("pdftotext", &[&pdf.to_string_lossy(), "-"]) else {
        return;
    };
    let text = text.replace('\u{c}', "\n");
    // The requirements appendix: each ID with its page.
    assert!(text.contains("Requirements"), "{text}");
    // The changes appendix.
    assert!(text.contains("Changes from version 1.0"), "{text}");
    assert!(
        text.contains("Strengthened: Should → Must; Reworded"),
        "{text}"
    );
    assert!(text.contains("Added: Should"), "{text}");
    assert!(text.contains("Reworded; Moved"), "{text}");
    assert!(text.contains("Changed text"), "{text}");
    // The Japanese PDF's appendix is in Japanese, and compares the Japanese text.
    let pdf = s.path().join("public/ja/desk/2.0/desk-2.0-ja.pdf");
    let Some(ja) = poppler("pdftotext", &[&pdf.to_string_lossy(), "-"]) else {
        return;
    };
    // pdftotext puts a space where the text changes font, as between kana and digits.
    assert!(
        ja.replace([' ', '\n'], "")
            .contains("バージョン1.0からの変更点"),
        "{ja}"
    );
    assert!(ja.contains("強化：推奨 → 必須"), "{ja}");
    assert!(ja.contains("一営業日以内"), "{ja}");
    // 1.0 has no predecessor, so no appendix.
    let pdf = s.path().join("public/en/desk/1.0/desk-1.0-en.pdf");
    let Some(old) = poppler("pdftotext", &[&pdf.to_string_lossy(), "-"]) else {
        return;
    };
    assert!(!old.contains("Changes from version"));
}
