//! The PDF cache: in the folder that `--cache-dir` or `BCOP_CACHE_DIR` names, reused for the
//! PDFs whose inputs did not change, proof against damaged entries, and pruned.
//!
//! Typesetting the example site's 20 PDFs takes a while, so one test walks through it all
//! with as few cold builds as it can.

use crate::support::{TestSite, repo};
use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

const PDF: &str = "public/ja/abuse-desk/2.0/abuse-desk-2.0-ja.pdf";

/// The PDF part of the summary line: what follows `; `.
#[track_caller]
fn pdf_summary(run: &crate::support::Run) -> String {
    assert!(run.ok, "{}", run.stderr);
    let last = run.stderr.lines().last().unwrap_or("");
    last.rsplit_once("; ")
        .map(|(_, pdfs)| pdfs.to_string())
        .unwrap_or_else(|| panic!("no summary line: {}", run.stderr))
}

/// The cache's entries: the files in its `pdf/` folder.
fn entries(cache: &Path) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(cache.join("pdf"))
        .map(|d| d.map(|e| e.expect("entry").path()).collect())
        .unwrap_or_default();
    found.sort();
    found
}

/// The entry that holds `pdf` (an entry is a header, then the PDF).
fn entry_of(cache: &Path, pdf: &[u8]) -> PathBuf {
    entries(cache)
        .into_iter()
        .find(|e| std::fs::read(e).expect("read").ends_with(pdf))
        .expect("an entry holds the PDF")
}

#[test]
fn only_changed_pdfs_are_typeset_and_damaged_cache_entries_are_rebuilt() {
    let s = TestSite::copy_of(&repo());
    let work = tempfile::tempdir().expect("tmp");
    let cache = work.path().join("cache");
    let env_cache = |dir: &Path| vec![("BCOP_CACHE_DIR", dir.as_os_str().to_owned())];
    let run = |args: &[&str], env: &[(&str, std::ffi::OsString)]| {
        let env: Vec<(&str, &OsStr)> = env.iter().map(|(k, v)| (*k, v.as_os_str())).collect();
        s.bcop_with(args, &env)
    };

    // BCOP_CACHE_DIR names the cache.
    let cold = run(&["build"], &env_cache(&cache));
    assert_eq!(pdf_summary(&cold), "20 PDFs: 20 typeset, 0 from the cache");
    assert_eq!(entries(&cache).len(), 20);
    assert!(!s.exists(".bcop-cache"));
    let fresh = s.read_bytes(PDF);

    // --cache-dir wins over BCOP_CACHE_DIR.
    let elsewhere = work.path().join("elsewhere");
    let cache_arg = cache.to_str().expect("a UTF-8 path");
    let warm = run(&["build", "--cache-dir", cache_arg], &env_cache(&elsewhere));
    assert_eq!(pdf_summary(&warm), "20 PDFs: 0 typeset, 20 from the cache");
    assert!(!elsewhere.exists());

    // A changed chapter typesets the PDFs of its version only, in every language.
    let chapter = s.read("content/sender-auth/1.0/02-dkim.md");
    s.file(
        "content/sender-auth/1.0/02-dkim.md",
        &(chapter + "\nOne more sentence.\n"),
    );
    let changed = run(&["build", "--cache-dir", cache_arg], &[]);
    assert_eq!(
        pdf_summary(&changed),
        "20 PDFs: 5 typeset, 15 from the cache"
    );

    // One entry cut short, another with a byte changed: both are typeset again, and what is
    // published is the PDF a fresh build makes. An old entry that no build uses is removed;
    // files that bcop did not name are not.
    let truncated = entry_of(&cache, &fresh);
    let bytes = std::fs::read(&truncated).expect("read");
    std::fs::write(&truncated, &bytes[..bytes.len() / 2]).expect("truncate");
    // Another entry this build uses (the cache also holds the five the changed chapter
    // replaced, which no build asks for).
    let corrupted = entry_of(
        &cache,
        &s.read_bytes("public/ja/cpe-security/1.0/cpe-security-1.0-ja.pdf"),
    );
    assert_ne!(corrupted, truncated);
    let mut bytes = std::fs::read(&corrupted).expect("read");
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0x20;
    std::fs::write(&corrupted, &bytes).expect("corrupt");
    let old = SystemTime::now() - Duration::from_secs(60 * 24 * 60 * 60);
    let stale = cache.join("pdf").join(format!("{}.pdf", "ab".repeat(32)));
    let foreign = cache.join("pdf").join("notes.txt");
    for f in [&stale, &foreign] {
        std::fs::write(f, b"x").expect("write");
        let file = std::fs::File::options().write(true).open(f).expect("open");
        file.set_modified(old).expect("age");
    }
    let repaired = run(&["build", "--cache-dir", cache_arg], &[]);
    assert_eq!(
        pdf_summary(&repaired),
        "20 PDFs: 2 typeset, 18 from the cache, 2 cache entries rebuilt, 1 old cache entry removed"
    );
    assert_eq!(s.read_bytes(PDF), fresh, "the rebuilt PDF is the fresh one");
    assert!(!stale.exists() && foreign.exists());
    // The 20 in use, the 5 that the changed chapter replaced (used too recently to go), and
    // notes.txt.
    assert_eq!(entries(&cache).len(), 26);
    let again = run(&["build", "--cache-dir", cache_arg], &[]);
    assert_eq!(pdf_summary(&again), "20 PDFs: 0 typeset, 20 from the cache");

    // An empty BCOP_CACHE_DIR is unset: the default cache, which starts empty.
    let default = run(&["build"], &[("BCOP_CACHE_DIR", "".into())]);
    assert_eq!(
        pdf_summary(&default),
        "20 PDFs: 20 typeset, 0 from the cache"
    );
    assert_eq!(entries(&s.path().join(".bcop-cache")).len(), 20);
    assert_eq!(
        s.read_bytes(PDF),
        fresh,
        "typeset twice, byte for byte the same"
    );
}
