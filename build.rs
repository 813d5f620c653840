//! Records the git commit that bcop is built from, for `bcop --version`.
//!
//! `BCOP_GIT_COMMIT` wins when it is set and not empty: a container build has no `.git` (the
//! Dockerfile passes it in). Otherwise git is asked, and a build outside a repository, or
//! without git, says `unknown`. Cargo runs this again only when the variable, `HEAD` or the
//! branch that `HEAD` names changes, not at every build.

use std::path::Path;
use std::process::Command;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-env-changed=BCOP_GIT_COMMIT");
    let commit = match std::env::var("BCOP_GIT_COMMIT") {
        Ok(c) if !c.trim().is_empty() => short(c.trim()),
        _ => {
            watch_git();
            git(&["rev-parse", "--short=12", "HEAD"]).unwrap_or_else(|| "unknown".into())
        }
    };
    println!("cargo:rustc-env=BCOP_COMMIT={commit}");
}

/// A full hexadecimal commit id is shown as its first 12 digits, as git's own would be.
fn short(commit: &str) -> String {
    if commit.len() > 12 && commit.bytes().all(|b| b.is_ascii_hexdigit()) {
        commit[..12].to_string()
    } else {
        commit.to_string()
    }
}

/// The output of a git command, trimmed, when it succeeds.
fn git(args: &[&str]) -> Option<String> {
    let out = Command::new("git").args(args).output().ok()?;
    let text = String::from_utf8(out.stdout).ok()?;
    (out.status.success() && !text.trim().is_empty()).then(|| text.trim().to_string())
}

/// Asks cargo to run this again when `HEAD` moves: `HEAD` itself (a checkout), the branch it
/// names (a commit), and `packed-refs` (where git may move the branch). Only files that exist
/// are named: cargo would run this at every build for one that does not. In a linked
/// worktree `HEAD` and the branches live in different folders, which `--git-path` knows.
fn watch_git() {
    let mut files = vec!["HEAD".to_string(), "packed-refs".to_string()];
    if let Some(branch) = git(&["symbolic-ref", "-q", "HEAD"]) {
        files.push(branch);
    }
    for name in files {
        if let Some(path) = git(&["rev-parse", "--git-path", &name])
            && Path::new(&path).is_file()
        {
            println!("cargo:rerun-if-changed={path}");
        }
    }
}
