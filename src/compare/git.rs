//! The few git commands `bcop changed` needs: which repository a site is in, which commit a
//! ref names, and that commit's copy of the site in a temporary folder. The user's working
//! tree, index and refs are only ever read.

use crate::error::{Code, Error, Result};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// A site's folder in its git repository.
pub struct Repo {
    /// The site's folder, as given.
    root: PathBuf,
    /// The repository's top folder: `git archive` run below it archives only that folder.
    top: PathBuf,
    /// The site's path in the repository, `""` at the top or `sub/dir/`.
    prefix: String,
}

impl Repo {
    /// The repository that holds `root`.
    pub fn of(root: &Path) -> Result<Self> {
        let out = git(root, &["rev-parse", "--show-toplevel", "--show-prefix"])?;
        if !out.status.success() {
            return Err(Error::command(
                Code::NotAGitRepository,
                format!(
                    "{} is not in a git repository: {}",
                    shown(root),
                    stderr(&out)
                ),
                "run `bcop changed` in a clone of the site's repository, or give its folder with --root",
            ));
        }
        let text = String::from_utf8_lossy(&out.stdout);
        let mut lines = text.lines();
        let top = lines.next().unwrap_or_default();
        Ok(Self {
            root: root.to_path_buf(),
            top: PathBuf::from(top),
            prefix: lines.next().unwrap_or_default().trim().to_string(),
        })
    }

    /// The full id of the commit that `since` names.
    pub fn commit(&self, since: &str) -> Result<String> {
        let spec = format!("{since}^{{commit}}");
        let out = git(
            &self.root,
            &[
                "rev-parse",
                "--verify",
                "--quiet",
                "--end-of-options",
                &spec,
            ],
        )?;
        let id = String::from_utf8_lossy(&out.stdout).trim().to_string();
        if !out.status.success() || id.is_empty() {
            return Err(Error::command(
                Code::UnknownRef,
                format!("the repository has no commit `{since}` to compare with"),
                "check the name, or fetch it first (`git fetch origin main`); a CI checkout needs its full history (actions/checkout with fetch-depth: 0)",
            ));
        }
        Ok(id)
    }

    /// The site's folder as it was at `commit`, in a new temporary folder; `None` when the
    /// commit has no such folder.
    pub fn checkout(&self, commit: &str) -> Result<Option<TempTree>> {
        let tree = format!("{commit}:{}", self.prefix);
        if !git(&self.top, &["cat-file", "-e", &tree])?.status.success() {
            return Ok(None);
        }
        let tmp = TempTree::new()?;
        let mut archive = Command::new("git")
            .arg("-C")
            .arg(&self.top)
            .args(["archive", "--format=tar", &tree])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(no_git)?;
        let stdout = archive
            .stdout
            .take()
            .ok_or_else(|| Error::Internal("git archive has no output".into()))?;
        let untar = Command::new("tar")
            .args(["-x", "-f", "-", "-C"])
            .arg(&tmp.0)
            .stdin(stdout)
            .stderr(Stdio::piped())
            .output();
        let archived = archive
            .wait_with_output()
            .map_err(|e| Error::io(&self.top, e))?;
        let untar = untar.map_err(|e| Error::io(Path::new("tar"), e))?;
        if !archived.status.success() || !untar.status.success() {
            return Err(Error::command(
                Code::GitFailed,
                format!(
                    "cannot read the site at commit {commit}: {}{}",
                    stderr(&archived),
                    stderr(&untar)
                ),
                "check that `git archive` and `tar` work in this repository",
            ));
        }
        Ok(Some(tmp))
    }
}

/// A temporary folder that bcop made, removed with everything in it when dropped.
pub struct TempTree(PathBuf);

impl TempTree {
    fn new() -> Result<Self> {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos());
        let dir = std::env::temp_dir().join(format!("bcop-changed-{}-{nanos}", std::process::id()));
        // `create_dir`, not `create_dir_all`: a folder that exists already is not ours.
        std::fs::create_dir(&dir).map_err(|e| Error::io(&dir, e))?;
        Ok(Self(dir))
    }

    pub fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempTree {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn git(dir: &Path, args: &[&str]) -> Result<std::process::Output> {
    Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .stdin(Stdio::null())
        .output()
        .map_err(no_git)
}

fn no_git(e: std::io::Error) -> Error {
    Error::command(
        Code::GitFailed,
        format!("cannot run git: {e}"),
        "install git and make sure it is on PATH",
    )
}

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).trim().to_string()
}

fn shown(root: &Path) -> String {
    if root == Path::new(".") {
        "the current folder".into()
    } else {
        root.display().to_string()
    }
}
