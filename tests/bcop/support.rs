//! Test helpers: build a site with the real `bcop` binary and look at its files.
//!
//! `TestSite::new()` makes a temporary site with a minimal `site.yaml` (en + ja + fr); `file()`
//! adds files; `build()` runs `bcop build` and returns the exit status and output.
//! `TestSite::copy_of()` starts from a fixture under `tests/fixtures/` or from the repository's
//! own example site.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub struct TestSite {
    pub dir: tempfile::TempDir,
}

pub struct Run {
    pub ok: bool,
    pub stderr: String,
    pub stdout: String,
}

impl Run {
    /// Both streams: `check` reports on stdout, `build` on stderr.
    pub fn stdout_and_stderr(&self) -> String {
        format!("{}{}", self.stdout, self.stderr)
    }
}

pub const SITE_YAML: &str = "title: Test Site\nbase_url: https://example.org/\nsource_language: en\nlanguages:\n  - code: en\n    name: English\n  - code: ja\n    name: 日本語\n  - code: fr\n    name: Français\n";

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

impl TestSite {
    pub fn new() -> Self {
        let s = Self::empty();
        s.file("site.yaml", SITE_YAML);
        s
    }

    pub fn empty() -> Self {
        Self {
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    /// A copy of a folder (a fixture, or the repository's example site).
    pub fn copy_of(from: &Path) -> Self {
        let s = Self::empty();
        for name in [
            "site.yaml",
            "content",
            "locales",
            "themes",
            "templates",
            "static",
        ] {
            let src = from.join(name);
            if src.exists() {
                copy_tree(&src, &s.path().join(name));
            }
        }
        s
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn file(&self, rel: &str, text: &str) -> &Self {
        let p = self.path().join(rel);
        std::fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
        std::fs::write(p, text).expect("write");
        self
    }

    /// A published single-chapter document.
    pub fn doc(&self, slug: &str, version: &str, title: &str, body: &str) -> &Self {
        self.file(
            &format!("content/{slug}/{version}/index.md"),
            &format!("---\ntitle: {title}\nstatus: published\ndate: 2025-01-02\n---\n{body}"),
        )
    }

    pub fn bcop(&self, args: &[&str]) -> Run {
        self.bcop_with(args, &[])
    }

    /// `bcop` with extra environment variables.
    pub fn bcop_with(&self, args: &[&str], env: &[(&str, &std::ffi::OsStr)]) -> Run {
        let out: Output = Command::new(env!("CARGO_BIN_EXE_bcop"))
            .args(args)
            .current_dir(self.path())
            .env_remove("CI_BCOP_DEBUG")
            .env_remove("BCOP_CACHE_DIR")
            .envs(env.iter().copied())
            .output()
            .expect("run bcop");
        Run {
            ok: out.status.success(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        }
    }

    pub fn build(&self) -> Run {
        self.bcop(&["build"])
    }

    #[track_caller]
    pub fn build_ok(&self) -> Run {
        let r = self.build();
        assert!(r.ok, "build failed:\n{}", r.stderr);
        r
    }

    pub fn read(&self, rel: &str) -> String {
        let p = self.path().join(rel);
        std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
    }

    pub fn exists(&self, rel: &str) -> bool {
        self.path().join(rel).exists()
    }
}

pub fn copy_tree(from: &Path, to: &Path) {
    if from.is_file() {
        std::fs::copy(from, to).expect("copy");
        return;
    }
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.expect("walk");
        let rel = entry.path().strip_prefix(from).expect("prefix");
        let target = to.join(rel);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).expect("mkdir");
        } else {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

/// Every file below `dir` with its bytes, sorted, for comparing whole trees.
pub fn tree(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let entry = entry.expect("walk");
        if entry.file_type().is_file() {
            let rel = entry.path().strip_prefix(dir).expect("prefix");
            out.push((
                rel.to_string_lossy().into_owned(),
                std::fs::read(entry.path()).expect("read"),
            ));
        }
    }
    out
}

impl TestSite {
    pub fn read_bytes(&self, rel: &str) -> Vec<u8> {
        let p = self.path().join(rel);
        std::fs::read(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
    }
}

/// A fontconfig file whose only font folder is empty: with `FONTCONFIG_FILE` set to it, bcop
/// sees no installed font at all, as on a fresh machine. The folder lives as long as the site.
pub fn no_fonts_config(s: &TestSite) -> PathBuf {
    let empty = s.path().join(".no-fonts");
    std::fs::create_dir_all(&empty).expect("mkdir");
    let conf = s.path().join(".no-fonts.conf");
    std::fs::write(
        &conf,
        format!("<fontconfig><dir>{}</dir></fontconfig>\n", empty.display()),
    )
    .expect("write");
    conf
}

/// Whether the real-browser tests can run: Chromium (`CHROMIUM`, or Debian's), node, and the
/// `node_modules` that `.ci/run` installs into `tests/browser`. A missing tool fails the test
/// when `CI` is set, since CI must run them; elsewhere the test is skipped with the reason.
pub fn browser_ready(test: &str, modules: &[&str]) -> bool {
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    let node = Command::new("node").arg("--version").output().is_ok();
    let node_modules = repo().join("tests/browser/node_modules");
    let missing = if !Path::new(&chromium).exists() {
        Some(chromium)
    } else if !node {
        Some("node".into())
    } else {
        modules
            .iter()
            .find(|m| !node_modules.join(m).is_dir())
            .map(|m| format!("tests/browser/node_modules/{m} (npm ci)"))
    };
    let Some(what) = missing else { return true };
    if std::env::var_os("CI").is_some() {
        panic!(
            "{what} is missing, and CI is set: the browser tests must run in CI (.ci/run installs it)"
        );
    }
    eprintln!("skipping {test}: {what} is missing (run .ci/run to install it)");
    false
}
