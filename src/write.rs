//! Stage 4: put the rendered site on disk, atomically.
//!
//! Everything is written into a staging folder beside the output folder; only when all of it is
//! written is the old output moved aside and the staging folder renamed into its place. A build
//! that fails at any point before that leaves the published site exactly as it was.

use crate::error::{Error, Result, fs};
use crate::render::{Contents, Output};
use rayon::prelude::*;
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
    let staging = parent.join(format!(".{name}.staging-{}", std::process::id()));
    fs::remove_dir_all(&staging)?;
    let result = write_tree(output, &staging).and_then(|()| swap(&staging, out_dir, parent, &name));
    if result.is_err() {
        let _ = std::fs::remove_dir_all(&staging);
    }
    result
}

/// Writes every file below `dir`, in parallel.
pub fn write_tree(output: &Output, dir: &Path) -> Result<()> {
    let mut dirs: Vec<PathBuf> = output
        .files
        .iter()
        .filter_map(|f| Path::new(&f.path).parent().map(|p| dir.join(p)))
        .collect();
    dirs.push(dir.to_path_buf());
    dirs.sort();
    dirs.dedup();
    for d in &dirs {
        fs::create_dir_all(d)?;
    }
    output.files.par_iter().try_for_each(|f| {
        let target = dir.join(&f.path);
        match &f.contents {
            Contents::Bytes(b) => fs::write(&target, b),
            Contents::Static(b) => fs::write(&target, b),
            Contents::Copy(src) => std::fs::copy(src, &target)
                .map(|_| ())
                .map_err(|e| Error::io(src, e)),
        }
    })
}

fn swap(staging: &Path, out_dir: &Path, parent: &Path, name: &str) -> Result<()> {
    if out_dir.exists() {
        let old = parent.join(format!(".{name}.old-{}", std::process::id()));
        fs::remove_dir_all(&old)?;
        fs::rename(out_dir, &old)?;
        if let Err(e) = fs::rename(staging, out_dir) {
            // Put the previous site back before reporting.
            let _ = std::fs::rename(&old, out_dir);
            return Err(e);
        }
        fs::remove_dir_all(&old)
    } else {
        fs::rename(staging, out_dir)
    }
}
