//! Issue 14: outsized or hostile input finishes quickly, with a clear message where a limit
//! applies. (How long each takes is measured in `bench/limits`, not here.)

use crate::support::TestSite;

/// A site whose one document has `body` as its text.
fn site(body: &str) -> TestSite {
    let s = TestSite::new();
    s.doc("doc", "1.0", "Doc", body);
    s
}

fn paragraphs(bytes: usize) -> String {
    let para = "Operators SHOULD publish an abuse contact and answer reports within one day. ";
    let mut out = String::with_capacity(bytes + 200);
    let mut i = 0;
    while out.len() < bytes {
        if i % 1000 == 0 {
            out.push_str(&format!("## Part {i}\n\n"));
        }
        out.push_str(&para.repeat(4));
        out.push_str("\n\n");
        i += 1;
    }
    out
}

#[test]
fn a_10_mb_source_file_builds_its_pages_and_leaves_out_only_its_pdfs() {
    let s = site(&paragraphs(10 * 1024 * 1024));
    let r = s.build();
    assert!(r.ok, "{}", r.stderr);
    assert!(
        r.stderr
            .contains("content/doc/1.0/index.md:1:1: warning[pdf-too-large]: en/doc/1.0/doc-1.0-en.pdf is not made"),
        "{}",
        r.stderr
    );
    assert!(s.read("public/en/doc/1.0/index.html").len() > 10 * 1024 * 1024);
    assert!(!s.exists("public/en/doc/1.0/doc-1.0-en.pdf"));
    assert!(
        !s.read("public/en/doc/1.0/index.html")
            .contains("doc-1.0-en.pdf")
    );
    assert!(!s.bcop(&["build", "--strict"]).ok);
}

#[test]
fn a_file_over_16_mib_is_an_error_at_its_path() {
    let s = site(&paragraphs(17 * 1024 * 1024));
    let r = s.bcop(&["check"]);
    assert!(!r.ok);
    assert!(
        r.stdout_and_stderr().contains(
            "content/doc/1.0/index.md:1:1: error[file-too-large]: this file is 17.0 MiB, more than the 16 MiB that bcop reads"
        ),
        "{}",
        r.stderr
    );
}

#[test]
fn a_list_nested_3000_levels_deep_is_an_error_at_the_first_level_too_many() {
    let body: String = (0..3000)
        .map(|i| format!("{}- item\n", "  ".repeat(i)))
        .collect();
    let s = site(&body);
    let r = s.build();
    assert!(!r.ok);
    // The 17th level, on the 17th line of the body (which starts on line 6).
    assert!(
        r.stderr
            .contains("content/doc/1.0/index.md:22:33: error[nesting-too-deep]: lists and block quotes nest more than 16 levels deep here"),
        "{}",
        r.stderr
    );
    let quotes = site(&format!("{} deep\n", ">".repeat(3000)));
    let r = quotes.build();
    assert!(
        !r.ok && r.stderr.contains("error[nesting-too-deep]"),
        "{}",
        r.stderr
    );
    // 16 levels are fine, lists in quotes too, in the PDF as well.
    let lists: String = (0..8)
        .map(|i| format!("{}- item\n", "  ".repeat(i)))
        .collect();
    let quoted: String = lists
        .lines()
        .map(|l| format!("{} {l}\n", ">".repeat(8)))
        .collect();
    let r = site(&quoted).build();
    assert!(r.ok, "{}", r.stderr);
}

#[test]
fn a_yaml_alias_bomb_is_an_error_not_an_expansion() {
    let mut yaml = String::from(
        "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n",
    );
    let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i"];
    for pair in names.windows(2) {
        let refs = vec![format!("*{}", pair[0]); 9].join(",");
        yaml.push_str(&format!("{0}: &{0} [{refs}]\n", pair[1]));
    }
    let s = TestSite::new();
    s.file(
        "content/doc/1.0/index.md",
        &format!("---\ntitle: Doc\nstatus: published\ndate: 2025-01-02\n{yaml}---\nText.\n"),
    );
    let r = s.build();
    assert!(!r.ok);
    assert!(
        r.stderr
            .contains("content/doc/1.0/index.md:2:1: error[bad-yaml]: repetition limit exceeded")
            && r.stderr.contains("aliases"),
        "{}",
        r.stderr
    );
}

#[test]
fn a_table_of_100000_rows_is_a_page_and_no_pdf() {
    let mut body = String::from("| id | text |\n|---|---|\n");
    for i in 0..100_000 {
        body.push_str(&format!("| R{i} | row {i} |\n"));
    }
    let s = site(&body);
    let r = s.build();
    assert!(r.ok, "{}", r.stderr);
    assert!(r.stderr.contains("warning[pdf-too-large]"), "{}", r.stderr);
    assert!(
        s.read("public/en/doc/1.0/index.html")
            .contains("<td>R99999</td>")
    );
    assert!(!s.exists("public/en/doc/1.0/doc-1.0-en.pdf"));
}

#[test]
fn a_table_over_5000_rows_in_a_small_document_leaves_out_its_pdf() {
    let mut body = String::from("Intro.\n\n| a |\n|---|\n");
    for i in 0..5_001 {
        body.push_str(&format!("| {i} |\n"));
    }
    let s = site(&body);
    let r = s.build();
    assert!(r.ok, "{}", r.stderr);
    assert!(
        r.stderr.contains("content/doc/1.0/index.md:8:1: warning[pdf-too-large]: en/doc/1.0/doc-1.0-en.pdf is not made: this table has more than 5000 rows"),
        "{}",
        r.stderr
    );
}
