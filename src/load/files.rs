//! Reading the site's folders: sorted listings, text files that must be UTF-8, and the
//! nearest-name suggestions used in messages.

use crate::error::{Diagnostic, Result, fs};
use std::path::{Path, PathBuf};

/// A file of a version folder that is not a chapter (an image, say): copied to the output.
#[derive(Debug, Clone)]
pub struct Asset {
    /// Path relative to the version folder, with `/` separators.
    pub rel: String,
    pub path: PathBuf,
}

/// Reads a text file into `buf`; a problem with its contents (not UTF-8) is reported and the
/// file skipped. One buffer serves every file a thread reads, so reading allocates nothing new.
pub(super) fn read_or_report<'b>(
    path: &Path,
    buf: &'b mut Vec<u8>,
    diags: &mut Vec<Diagnostic>,
) -> Result<Option<&'b str>> {
    match fs::read_text_into(path, buf) {
        Ok(text) => Ok(Some(text)),
        Err(crate::error::Error::Site(d)) => {
            diags.extend(d);
            Ok(None)
        }
        Err(e) => Err(e),
    }
}

/// The Markdown files and the other files of a folder, sorted, recursively for assets; `None`
/// when there is no such folder. Checking by listing it saves a separate look-up per folder,
/// which counts with five languages of every version. Hidden files and folders and symbolic
/// links are left out.
pub(super) fn scan_folder(dir: &Path) -> Result<Option<(Vec<PathBuf>, Vec<Asset>)>> {
    let Some(entries) = list(dir)? else {
        return Ok(None);
    };
    let mut md = Vec::new();
    let mut assets = Vec::new();
    scan_into(dir, dir, entries, &mut md, &mut assets)?;
    Ok(Some((md, assets)))
}

/// The listing of `dir`, or `None` when there is no such folder.
fn list(dir: &Path) -> Result<Option<std::fs::ReadDir>> {
    match std::fs::read_dir(dir) {
        Ok(e) => Ok(Some(e)),
        Err(e)
            if matches!(
                e.kind(),
                std::io::ErrorKind::NotFound | std::io::ErrorKind::NotADirectory
            ) =>
        {
            Ok(None)
        }
        Err(e) => Err(crate::error::Error::io(dir, e)),
    }
}

/// Adds the files of `entries` (the listing of `dir`, inside `root`) in name order, going into
/// folders as they come.
fn scan_into(
    root: &Path,
    dir: &Path,
    entries: std::fs::ReadDir,
    md: &mut Vec<PathBuf>,
    assets: &mut Vec<Asset>,
) -> Result<()> {
    let io = |e| crate::error::Error::io(dir, e);
    let mut list = entries.collect::<std::io::Result<Vec<_>>>().map_err(io)?;
    list.sort_by_key(|e| e.file_name());
    for entry in list {
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        // The type comes with the listing; a link is neither a file nor a folder here.
        let ty = entry.file_type().map_err(io)?;
        let path = entry.path();
        if ty.is_dir() {
            let sub = std::fs::read_dir(&path).map_err(|e| crate::error::Error::io(&path, e))?;
            scan_into(root, &path, sub, md, assets)?;
        } else if ty.is_file() {
            if dir == root && path.extension().is_some_and(|x| x == "md") {
                md.push(path);
            } else {
                let rel = path.strip_prefix(root).unwrap_or(&path);
                let rel = rel.to_string_lossy().replace('\\', "/");
                assets.push(Asset { rel, path });
            }
        }
    }
    Ok(())
}

/// The folders in `dir` (none if it does not exist), sorted; hidden ones are left out.
pub(super) fn sorted_dirs(dir: &Path) -> Result<Vec<PathBuf>> {
    sorted_entries(dir, |entry, ty| match ty {
        Ok(t) if t.is_dir() => true,
        // Only a link needs a look at what it points to.
        Ok(t) if !t.is_symlink() => false,
        _ => entry.path().is_dir(),
    })
}

/// The files directly in `dir` (none if it does not exist), sorted; hidden ones and links are
/// left out.
pub(super) fn sorted_files(dir: &Path) -> Result<Vec<PathBuf>> {
    sorted_entries(dir, |_, ty| ty.as_ref().is_ok_and(|t| t.is_file()))
}

/// The entries of `dir` that `keep` takes, by name; the type comes with the listing.
fn sorted_entries(
    dir: &Path,
    keep: impl Fn(&std::fs::DirEntry, &std::io::Result<std::fs::FileType>) -> bool,
) -> Result<Vec<PathBuf>> {
    let Some(entries) = list(dir)? else {
        return Ok(Vec::new());
    };
    let mut out = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| crate::error::Error::io(dir, e))?;
        let hidden = entry.file_name().to_string_lossy().starts_with('.');
        if !hidden && keep(&entry, &entry.file_type()) {
            out.push(entry.path());
        }
    }
    out.sort();
    Ok(out)
}

pub fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

pub fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
}

/// The closest known name to a misspelt one, if it is close enough to be a typo.
pub fn nearest<'a>(word: &str, known: &[&'a str]) -> Option<&'a str> {
    nearest_owned(word, known.iter().copied())
}

pub fn nearest_owned<'a>(word: &str, known: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    known
        .map(|k| (strsim::damerau_levenshtein(word, k), k))
        .filter(|(d, k)| *d > 0 && *d <= (k.len() / 3).max(1))
        .min()
        .map(|(_, k)| k)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typos_get_a_suggestion() {
        assert_eq!(
            nearest("stauts", super::super::content::DOC_KEYS),
            Some("status")
        );
        assert_eq!(
            nearest("supersede", super::super::content::DOC_KEYS),
            Some("supersedes")
        );
        assert_eq!(nearest("flavour", super::super::content::DOC_KEYS), None);
    }
}
