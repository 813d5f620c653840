//! Issue 18, publishing from CI: diagnostics as GitHub annotations, `--version` with its
//! commit, the PDF cache's folder and its integrity ([`cache`]), and `bcop changed`
//! ([`changed`]).

mod cache;
mod changed;

use crate::support::TestSite;

/// A site with one error (a date that does not exist) and one warning (a misspelt key), whose
/// messages hold characters that workflow commands escape.
fn site_with_an_error_and_a_warning() -> TestSite {
    let s = TestSite::new();
    s.file(
        "content/a/1.0/index.md",
        "---\ntitle: A\nstatus: published\ndate: 2025-13-02\n---\n# A\n",
    );
    s.file(
        "content/b/1.0/index.md",
        "---\ntitle: \"B, the second: one\"\nstatus: published\ndate: 2025-01-02\nauthor: Ann\n---\n# B\n",
    );
    s
}

const ERROR: &str = "::error file=content/a/1.0/index.md,line=4,col=1,title=bad-date::`2025-13-02` is not a date%0Ahelp: write dates as YYYY-MM-DD, e.g. 2025-03-14";
const WARNING: &str = "::warning file=content/b/1.0/index.md,line=5,col=1,title=unknown-key::unknown front matter key `author`%0Ahelp: did you mean `authors`?";

#[test]
fn check_format_github_prints_one_workflow_command_per_diagnostic() {
    let s = site_with_an_error_and_a_warning();
    let r = s.bcop(&["check", "--format", "github"]);
    assert!(!r.ok);
    assert_eq!(r.stdout, format!("{ERROR}\n{WARNING}\n"));
    let strict = s.bcop(&["check", "--strict", "--format", "github"]);
    assert_eq!(
        strict.stdout,
        format!("{ERROR}\n{}\n", WARNING.replace("::warning ", "::error "))
    );
}

#[test]
fn build_format_github_annotates_and_keeps_its_summary_line() {
    let s = site_with_an_error_and_a_warning();
    let r = s.bcop(&["build", "--no-pdf", "--format", "github"]);
    assert!(!r.ok);
    assert_eq!(
        r.stderr,
        format!(
            "{ERROR}\n{WARNING}\nerror: 2 problem(s): the build failed; the output folder was left as it was\n"
        )
    );
    s.file(
        "content/a/1.0/index.md",
        "---\ntitle: A\nstatus: published\ndate: 2025-12-02\n---\n# A\n",
    );
    let r = s.bcop(&["build", "--no-pdf", "--format", "github"]);
    assert!(r.ok, "{}", r.stderr);
    let lines: Vec<&str> = r.stderr.lines().collect();
    assert_eq!(lines.len(), 2, "{}", r.stderr);
    assert_eq!(lines[0], WARNING);
    assert!(lines[1].starts_with("built "), "{}", lines[1]);
    assert!(
        lines[1].ends_with("PDFs skipped (--no-pdf)"),
        "{}",
        lines[1]
    );
    assert!(r.stdout.is_empty());
}

#[test]
fn a_problem_without_a_location_is_an_annotation_without_a_file() {
    let r = TestSite::new().bcop(&["build", "--no-pdf", "--format", "github", "--out", "."]);
    assert!(!r.ok);
    assert_eq!(
        r.stderr,
        "::error title=unsafe-output::bcop will not write the site into ./.: it is the site's own folder, and a build replaces its output folder as a whole%0Ahelp: build into a folder of its own, such as public/ (the default) or --out /tmp/site\n"
    );
}

#[test]
fn build_refuses_json() {
    let r = TestSite::new().bcop(&["build", "--format", "json"]);
    assert!(!r.ok);
    assert!(r.stderr.contains("invalid value 'json'"), "{}", r.stderr);
}

#[test]
fn version_names_the_commit_bcop_was_built_from() {
    let r = TestSite::empty().bcop(&["--version"]);
    assert!(r.ok);
    let line = r.stdout.trim_end();
    let commit = line
        .strip_prefix(concat!("bcop ", env!("CARGO_PKG_VERSION"), " (commit "))
        .and_then(|rest| rest.strip_suffix(')'))
        .unwrap_or_else(|| panic!("{line}"));
    assert!(
        commit == "unknown"
            || (!commit.is_empty() && commit.bytes().all(|b| b.is_ascii_alphanumeric())),
        "{line}"
    );
}

#[test]
fn an_output_folder_in_the_cache_folder_is_refused() {
    let s = TestSite::new();
    s.doc("guide", "1.0", "Guide", "Text.\n");
    for (args, why) in [
        (
            &["--cache-dir", "cache", "--out", "cache/site"][..],
            "it is inside the cache folder (cache)",
        ),
        (
            &["--cache-dir", "site/cache", "--out", "site"][..],
            "it contains the cache folder",
        ),
        (&["--out", ".bcop-cache"][..], "it is the cache folder"),
        (
            &["--out", ".bcop-cache/x"][..],
            "it is inside the cache folder",
        ),
    ] {
        let mut all = vec!["build", "--no-pdf"];
        all.extend_from_slice(args);
        let r = s.bcop(&all);
        assert!(!r.ok, "{args:?}");
        assert!(
            r.stderr.contains("error[unsafe-output]") && r.stderr.contains(why),
            "{args:?}: {}",
            r.stderr
        );
    }
    assert!(!s.exists("cache") && !s.exists("site"));
}
