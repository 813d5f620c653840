//! What a source section said when a translation was stamped, found in git history.
//!
//! The stamp holds only a fingerprint. When the site is a git repository, the commits that
//! touched the source file are searched, newest first, for the one whose section has that
//! fingerprint; its text is the translator's "before".

use super::{fingerprint, stamped_parts};
use crate::load::yaml::split_front_matter;
use std::path::Path;
use std::process::Command;

/// The section's text at the newest commit where its fingerprint was `hash`, with that commit.
pub fn find_stamped(source_file: &Path, id: &str, hash: &str) -> Option<(String, String)> {
    let dir = source_file.parent()?;
    let name = source_file.file_name()?.to_string_lossy().into_owned();
    let log = git(dir, &["log", "--format=%H", "--", &name])?;
    for commit in log.lines().map(str::trim).filter(|c| !c.is_empty()) {
        let Some(text) = git(dir, &["show", &format!("{commit}:./{name}")]) else {
            continue;
        };
        let body = split_front_matter(&text).map_or(text.as_str(), |s| s.body);
        if let Some(s) = stamped_parts(body).into_iter().find(|s| s.id == id)
            && fingerprint(&s.text) == hash
        {
            return Some((commit.chars().take(12).collect(), s.text));
        }
    }
    None
}

fn git(dir: &Path, args: &[&str]) -> Option<String> {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .output()
        .ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

/// A unified diff of a section, old to new.
pub fn diff(old: &str, new: &str) -> String {
    similar::TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(2)
        .header("stamped", "current")
        .to_string()
}
