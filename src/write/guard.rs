//! What bcop may replace or delete: only folders it made itself, and in them only files it
//! wrote.
//!
//! Every folder that `build` writes (the output, its staging folder and its spare) holds a
//! marker file, [`MARKER`], that lists the files the build wrote. Before a build replaces the
//! output folder it checks that the folder has nothing the list lacks, so a file that a user
//! put there is never moved or deleted: the build stops and says what to do instead. Some
//! folders are refused outright, marker or not: the site's own sources, the folders that hold
//! them, `/` and the home folder.

use crate::error::{Code, Diagnostic, Error, Result};
use std::collections::HashSet;
use std::path::{Component, Path, PathBuf};

/// The marker file, at the top of every folder that bcop writes.
pub const MARKER: &str = ".bcop-output";

/// The marker's first line, which tells it from a user's file of the same name.
const MAGIC: &str = "bcop-output 1";

/// The files a marked folder was written with, relative to it, with `/` separators.
#[derive(Debug, Default)]
pub struct Manifest {
    files: HashSet<String>,
}

impl Manifest {
    /// The manifest of `dir`: `None` when it has no marker (or a file of that name that bcop
    /// did not write).
    pub fn read(dir: &Path) -> Result<Option<Self>> {
        let path = dir.join(MARKER);
        let text = match std::fs::read(&path) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(Error::io(&path, e)),
        };
        let text = String::from_utf8_lossy(&text);
        let mut lines = text.lines();
        if lines.next() != Some(MAGIC) {
            return Ok(None);
        }
        let files = lines
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(unescape)
            .collect();
        Ok(Some(Self { files }))
    }

    pub fn iter(&self) -> impl Iterator<Item = &str> {
        self.files.iter().map(String::as_str)
    }

    pub fn contains(&self, rel: &str) -> bool {
        rel == MARKER || self.files.contains(rel)
    }

    /// Every folder that holds a listed file, relative, without the top (`""`).
    fn folders(&self) -> HashSet<&str> {
        let mut out = HashSet::new();
        for f in &self.files {
            let mut rest = f.as_str();
            while let Some(i) = rest.rfind('/') {
                rest = &rest[..i];
                if !out.insert(rest) {
                    break;
                }
            }
        }
        out
    }

    /// The files of both manifests: what a folder holds when a build that started from the
    /// first wrote the second's files into it and stopped.
    pub fn merge(mut self, other: impl IntoIterator<Item = String>) -> Self {
        self.files.extend(other);
        self
    }
}

/// The marker's text for a folder that holds `files` (the marker itself need not be listed).
pub fn marker_text<'a>(files: impl IntoIterator<Item = &'a str>) -> String {
    let mut files: Vec<&str> = files.into_iter().filter(|f| *f != MARKER).collect();
    files.sort_unstable();
    let mut out = format!(
        "{MAGIC}\n# Written by `bcop build`, which replaces this folder at every build and deletes\n\
         # the files it no longer makes. It refuses to touch a file that is not listed here:\n\
         # put files of your own in the site's static/ folder, which every build copies.\n"
    );
    for f in files {
        escape_into(&mut out, f);
        out.push('\n');
    }
    out
}

/// File names may hold any character but `/` and NUL; a line break would end the line.
fn escape_into(out: &mut String, path: &str) {
    for c in path.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c => out.push(c),
        }
    }
}

fn unescape(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}

/// Refuses an output folder that would replace or mix with the site's sources or the cache
/// folder `cache`, or that is `/` or the home folder. These hold whatever the flags say.
pub fn check_location(root: &Path, out: &Path, cache: &Path) -> Result<()> {
    let out_abs = absolute(out)?;
    let root_abs = absolute(root)?;
    let cache_abs = absolute(cache)?;
    let home = std::env::var_os("HOME")
        .filter(|h| !h.is_empty())
        .and_then(|h| absolute(Path::new(&h)).ok());
    let refuse = |why: String| {
        Err(Error::one(
            Diagnostic::error(
                Code::UnsafeOutput,
                None,
                format!("bcop will not write the site into {}: {why}", out.display()),
            )
            .with_help(
                "build into a folder of its own, such as public/ (the default) or --out /tmp/site",
            ),
        ))
    };
    if out_abs.parent().is_none() {
        return refuse("it is the root of the file system".into());
    }
    if home.as_deref() == Some(out_abs.as_path()) {
        return refuse("it is your home folder".into());
    }
    if root_abs.starts_with(&out_abs) {
        let what = if root_abs == out_abs {
            "it is the site's own folder"
        } else {
            "it contains the site's own folder"
        };
        return refuse(format!(
            "{what}, and a build replaces its output folder as a whole"
        ));
    }
    if out_abs.starts_with(&cache_abs) || cache_abs.starts_with(&out_abs) {
        let what = if out_abs == cache_abs {
            "it is the cache folder"
        } else if out_abs.starts_with(&cache_abs) {
            "it is inside the cache folder"
        } else {
            "it contains the cache folder"
        };
        return refuse(format!(
            "{what} ({}), and a build replaces its output folder as a whole",
            cache.display()
        ));
    }
    for name in crate::paths::site::SOURCE_FOLDERS {
        // Resolved too: a source folder may be a link to somewhere else.
        if out_abs.starts_with(root_abs.join(name))
            || out_abs.starts_with(absolute(&root_abs.join(name))?)
        {
            return refuse(format!(
                "it is inside the site's {name}/ folder, which holds files that bcop reads"
            ));
        }
    }
    Ok(())
}

/// `path` made absolute with its symbolic links resolved, also when it does not exist yet:
/// component by component, as the kernel would resolve it, with the part that does not exist
/// taken as written.
fn absolute(path: &Path) -> Result<PathBuf> {
    let joined = std::path::absolute(path).map_err(|e| Error::io(path, e))?;
    let mut base = PathBuf::new();
    for component in joined.components() {
        match component {
            Component::Prefix(_) | Component::RootDir => base.push(component.as_os_str()),
            Component::CurDir => {}
            Component::ParentDir => {
                base.pop();
            }
            Component::Normal(name) => {
                base.push(name);
                if let Ok(real) = std::fs::canonicalize(&base) {
                    base = real;
                }
            }
        }
    }
    Ok(base)
}

/// Checks that the output folder, if it exists, is bcop's own: marked, or empty. Returns its
/// manifest when it is marked; [`check_contents`] then checks that it holds nothing else.
pub fn check_output(out: &Path) -> Result<Option<Manifest>> {
    let meta = match std::fs::symlink_metadata(out) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(Error::io(out, e)),
    };
    if meta.file_type().is_symlink() {
        return Err(not_ours(
            out,
            "it is a symbolic link, and a build replaces its output folder as a whole",
            "point --out at the folder the link leads to, or at a new folder",
        ));
    }
    if !meta.is_dir() {
        return Err(not_ours(
            out,
            "it is a file, not a folder",
            "choose another folder with --out, or move the file away",
        ));
    }
    let Some(manifest) = Manifest::read(out)? else {
        let mut entries = std::fs::read_dir(out).map_err(|e| Error::io(out, e))?;
        return match entries.next() {
            None => Ok(None),
            Some(entry) => {
                let entry = entry.map_err(|e| Error::io(out, e))?;
                Err(not_ours(
                    out,
                    &format!(
                        "it already holds files that bcop did not write (such as {}) and it has no {MARKER} marker",
                        entry.path().display()
                    ),
                    "build into a new or empty folder with --out, or move those files away; files to publish with the site belong in the site's static/ folder",
                ))
            }
        };
    };
    Ok(Some(manifest))
}

/// Checks that the marked output folder `out` holds only the files its manifest lists: a file
/// or folder that a user put there stops the build before the folder is replaced. It reads
/// every folder of the output, so `build` runs it beside the rendering.
pub fn check_contents(out: &Path, manifest: &Manifest) -> Result<()> {
    let folders = manifest.folders();
    let mut foreign = Vec::new();
    find_foreign(out, "", manifest, &folders, &mut foreign)?;
    if foreign.is_empty() {
        return Ok(());
    }
    foreign.sort();
    let shown: Vec<String> = foreign
        .iter()
        .take(5)
        .map(|f| out.join(f).display().to_string())
        .collect();
    let more = if foreign.len() > 5 {
        format!(" and {} more", foreign.len() - 5)
    } else {
        String::new()
    };
    Err(not_ours(
        out,
        &format!(
            "it holds {} that bcop did not write: {}{more}",
            if foreign.len() == 1 {
                "a file".to_string()
            } else {
                format!("{} files or folders", foreign.len())
            },
            shown.join(", ")
        ),
        "move them out of the output folder (files to publish with the site belong in the site's static/ folder, which every build copies); bcop never deletes a file it did not write",
    ))
}

/// Collects the entries below `dir` (`rel` in the output) that the manifest does not list.
fn find_foreign(
    dir: &Path,
    rel: &str,
    manifest: &Manifest,
    folders: &HashSet<&str>,
    foreign: &mut Vec<String>,
) -> Result<()> {
    let entries = std::fs::read_dir(dir).map_err(|e| Error::io(dir, e))?;
    for entry in entries {
        let entry = entry.map_err(|e| Error::io(dir, e))?;
        let name = entry.file_name();
        let name = name.to_string_lossy();
        let path_rel = if rel.is_empty() {
            name.into_owned()
        } else {
            [rel, "/", &name].concat()
        };
        let ty = entry.file_type().map_err(|e| Error::io(&entry.path(), e))?;
        if ty.is_dir() {
            if folders.contains(path_rel.as_str()) {
                find_foreign(&entry.path(), &path_rel, manifest, folders, foreign)?;
            } else {
                foreign.push(path_rel);
            }
        } else if !manifest.contains(&path_rel) {
            foreign.push(path_rel);
        }
    }
    Ok(())
}

/// Whether `dir`, a hidden working folder of bcop's (staging, spare), may be reused or
/// removed: it must not exist, or be marked. Anything else is refused.
pub fn check_working(dir: &Path) -> Result<Option<Manifest>> {
    match std::fs::symlink_metadata(dir) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(Error::io(dir, e)),
        Ok(m) if m.is_dir() => {}
        Ok(_) => {
            return Err(not_ours(
                dir,
                "bcop keeps a working folder of that name beside the output, and this is not a folder",
                "move or rename it, or choose another output folder with --out",
            ));
        }
    }
    match Manifest::read(dir)? {
        Some(m) => Ok(Some(m)),
        None => Err(not_ours(
            dir,
            &format!(
                "bcop keeps a working folder of that name beside the output, and this one has no {MARKER} marker, so bcop did not make it"
            ),
            "move or rename it, or choose another output folder with --out",
        )),
    }
}

fn not_ours(dir: &Path, why: &str, help: &str) -> Error {
    Error::one(
        Diagnostic::error(
            Code::ForeignOutput,
            None,
            format!("bcop will not replace {}: {why}", dir.display()),
        )
        .with_help(help),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_marker_lists_its_files_in_order_and_reads_back() {
        let text = marker_text(["b/x.html", "a.html", "odd\nname\\", MARKER]);
        assert!(text.starts_with("bcop-output 1\n#"));
        assert!(
            text.ends_with("a.html\nb/x.html\nodd\\nname\\\\\n"),
            "{text}"
        );
        let tmp = tempfile::tempdir().expect("tmp");
        std::fs::write(tmp.path().join(MARKER), &text).expect("write");
        let m = Manifest::read(tmp.path()).expect("read").expect("marked");
        assert!(m.contains("odd\nname\\") && m.contains("b/x.html") && m.contains(MARKER));
        assert!(!m.contains("b"));
        assert_eq!(m.folders(), HashSet::from(["b"]));
    }

    #[test]
    fn a_file_named_like_the_marker_without_its_first_line_is_not_a_marker() {
        let tmp = tempfile::tempdir().expect("tmp");
        std::fs::write(tmp.path().join(MARKER), "index.html\n").expect("write");
        assert!(Manifest::read(tmp.path()).expect("read").is_none());
    }

    #[test]
    fn paths_that_do_not_exist_yet_are_made_absolute_through_their_existing_parent() {
        let tmp = tempfile::tempdir().expect("tmp");
        let real = std::fs::canonicalize(tmp.path()).expect("canonical");
        let p = absolute(&tmp.path().join("a/b/../c")).expect("absolute");
        assert_eq!(p, real.join("a/c"));
    }
}
