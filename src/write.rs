//! Stage 4: put the rendered site on disk, atomically.
//!
//! Everything is written into a staging folder beside the output folder; only when all of it is
//! written is the old output moved aside and the staging folder renamed into its place. A build
//! that fails at any point before that leaves the published site exactly as it was.
//!
//! The site that was replaced is kept as a hidden spare (`.public.spare` beside `public/`) and
//! becomes the next build's staging folder: only files whose bytes changed are rewritten, and no
//! folder is created again. On ext4, creating and deleting thousands of folders per build costs
//! far more than rendering the pages, so this is what makes rebuilds fast.

use crate::error::{Error, Result, fs};
use crate::render::{Contents, Output};
use rayon::prelude::*;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

pub fn write(output: &Output, out_dir: &Path) -> Result<()> {
    let parent = out_dir
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    fs::create_dir_all(parent)?;
    let name = out_dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "public".into());
    let pid = std::process::id();
    let staging = parent.join(format!(".{name}.staging-{pid}"));
    let spare = parent.join(format!(".{name}.spare"));
    fs::remove_dir_all(&staging)?;
    // Renaming is atomic: if two builds race, only one of them gets the spare.
    if std::fs::rename(&spare, &staging).is_err() {
        fs::create_dir_all(&staging)?;
    }
    let result = sync_tree(output, &staging).and_then(|()| swap(&staging, out_dir, &spare, pid));
    if result.is_err() {
        let _ = std::fs::remove_dir_all(&staging);
    }
    result
}

/// Makes `dir` hold exactly the output: unchanged files are left alone, changed and new files
/// are written (in parallel), and files the output no longer has are removed.
pub fn sync_tree(output: &Output, dir: &Path) -> Result<()> {
    let wanted: BTreeSet<&str> = output.files.iter().map(|f| f.path.as_str()).collect();
    remove_stale(dir, dir, &wanted)?;
    let mut dirs: Vec<PathBuf> = output
        .files
        .iter()
        .filter_map(|f| Path::new(&f.path).parent().map(|p| dir.join(p)))
        .collect();
    dirs.sort();
    dirs.dedup();
    for d in &dirs {
        if !d.is_dir() {
            fs::create_dir_all(d)?;
        }
    }
    output.files.par_iter().try_for_each(|f| {
        let target = dir.join(&f.path);
        if unchanged(&target, &f.contents) {
            return Ok(());
        }
        match &f.contents {
            Contents::Bytes(b) => fs::write(&target, b),
            Contents::Static(b) => fs::write(&target, b),
            Contents::Copy(src) => {
                let bytes = fs::read(src)?;
                fs::write(&target, &bytes)
            }
        }
    })
}

/// Removes files (and folders left empty) below `dir` that are not in `wanted`.
fn remove_stale(root: &Path, dir: &Path, wanted: &BTreeSet<&str>) -> Result<bool> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Ok(true);
    };
    let mut empty = true;
    for entry in entries {
        let entry = entry.map_err(|e| Error::io(dir, e))?;
        let path = entry.path();
        let ty = entry.file_type().map_err(|e| Error::io(&path, e))?;
        let rel = path
            .strip_prefix(root)
            .unwrap_or(&path)
            .to_string_lossy()
            .replace('\\', "/");
        if ty.is_dir() {
            if remove_stale(root, &path, wanted)? {
                std::fs::remove_dir(&path).map_err(|e| Error::io(&path, e))?;
            } else {
                empty = false;
            }
        } else if wanted.contains(rel.as_str()) {
            empty = false;
        } else {
            std::fs::remove_file(&path).map_err(|e| Error::io(&path, e))?;
        }
    }
    Ok(empty)
}

/// Whether `old` holds exactly `contents` (sizes first, so most changed files cost one stat).
fn unchanged(old: &Path, contents: &Contents) -> bool {
    let Ok(meta) = std::fs::symlink_metadata(old) else {
        return false;
    };
    if !meta.is_file() {
        return false;
    }
    let same =
        |new: &[u8]| meta.len() == new.len() as u64 && std::fs::read(old).is_ok_and(|b| b == new);
    match contents {
        Contents::Bytes(b) => same(b),
        Contents::Static(b) => same(b),
        Contents::Copy(src) => {
            std::fs::metadata(src).is_ok_and(|m| m.len() == meta.len())
                && std::fs::read(src).is_ok_and(|b| same(&b))
        }
    }
}

/// Puts `staging` in place of `out_dir`; the replaced site becomes the spare.
fn swap(staging: &Path, out_dir: &Path, spare: &Path, pid: u32) -> Result<()> {
    if !out_dir.exists() {
        return fs::rename(staging, out_dir);
    }
    let old = spare.with_extension(format!("old-{pid}"));
    fs::remove_dir_all(&old)?;
    fs::rename(out_dir, &old)?;
    if let Err(e) = fs::rename(staging, out_dir) {
        // Put the previous site back before reporting.
        let _ = std::fs::rename(&old, out_dir);
        return Err(e);
    }
    if spare.exists() || std::fs::rename(&old, spare).is_err() {
        fs::remove_dir_all(&old)?;
    }
    Ok(())
}
