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
//!
//! All three folders are marked as bcop's, with the list of files it wrote ([`guard`]); bcop
//! replaces or empties no other folder, and deletes no file that it did not write.

pub mod guard;

use crate::error::{Code, Error, Result, fs};
use crate::render::{Contents, OutputFile, Sink};
use guard::Manifest;
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

/// A staging folder beside the output folder that files are written into as they are made;
/// [`Staging::finish`] swaps it in, [`Staging::abandon`] leaves the output as it was.
pub struct Staging {
    out_dir: PathBuf,
    dir: PathBuf,
    spare: PathBuf,
    pid: u32,
    /// Whether the staging folder is the previous build's output (or an empty new folder).
    from_spare: bool,
    /// The files the recycled spare was written with: the only ones a build may delete in it.
    previous: Manifest,
    /// Whether the output folder is marked as bcop's (else it is empty, or not there).
    out_marked: bool,
    /// The check that the output folder holds nothing bcop did not write, which runs while
    /// the site is rendered ([`guard::check_contents`]).
    out_checked: Option<std::thread::JoinHandle<Result<()>>>,
    /// Paths taken so far (the first file for a path wins).
    taken: Mutex<HashSet<String>>,
    /// Folders known to exist in the staging folder.
    dirs: Mutex<HashSet<PathBuf>>,
    written: AtomicUsize,
}

impl Staging {
    /// Prepares the staging folder for `out_dir`, from the spare (the site the last build
    /// replaced) when there is one. Refuses an output folder inside the site's sources at
    /// `root` or the cache folder `cache`, or one that holds files bcop did not write (see
    /// [`guard`]).
    pub fn begin(root: &Path, out_dir: &Path, cache: &Path) -> Result<Self> {
        guard::check_location(root, out_dir, cache)?;
        let out_manifest = guard::check_output(out_dir)?;
        let out_marked = out_manifest.is_some();
        let out_checked = out_manifest.map(|manifest| {
            let out = out_dir.to_path_buf();
            std::thread::spawn(move || guard::check_contents(&out, &manifest))
        });
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
        let dir = parent.join(format!(".{name}.staging-{pid}"));
        let spare = parent.join(format!(".{name}.spare"));
        if guard::check_working(&dir)?.is_some() {
            fs::remove_dir_all(&dir)?;
        }
        let spare_manifest = guard::check_working(&spare)?;
        // Renaming is atomic: if two builds race, only one of them gets the spare.
        let from_spare = spare_manifest.is_some() && std::fs::rename(&spare, &dir).is_ok();
        if !from_spare {
            fs::create_dir(&dir)?;
            // Marked from the start, so that what a crash leaves is known to be bcop's.
            fs::write(&dir.join(guard::MARKER), guard::marker_text([]).as_bytes())?;
        }
        Ok(Self {
            out_dir: out_dir.to_path_buf(),
            dirs: Mutex::new(HashSet::from([dir.clone()])),
            dir,
            spare,
            pid,
            from_spare,
            previous: spare_manifest.filter(|_| from_spare).unwrap_or_default(),
            out_marked,
            out_checked,
            // The marker is written last, from the list of what was taken.
            taken: Mutex::new(HashSet::from([guard::MARKER.to_string()])),
            written: AtomicUsize::new(0),
        })
    }

    /// Files taken so far (the marker is not counted).
    pub fn files(&self) -> usize {
        self.taken.lock().map_or(0, |t| t.len() - 1)
    }

    /// Files whose bytes were written (the others were already there, unchanged).
    pub fn written(&self) -> usize {
        self.written.load(Ordering::Relaxed)
    }

    /// Removes what the output no longer has, marks the staging folder with the list of its
    /// files, and puts it in place of the output folder.
    pub fn finish(mut self) -> Result<()> {
        if let Some(check) = self.out_checked.take() {
            let checked = check
                .join()
                .unwrap_or_else(|_| Err(Error::Internal("the output check panicked".into())));
            if let Err(e) = checked {
                self.abandon();
                return Err(e);
            }
        }
        let taken = self
            .taken
            .lock()
            .map_err(|_| Error::Internal("a writer thread panicked".into()))?;
        let result = fs::write(
            &self.dir.join(guard::MARKER),
            guard::marker_text(taken.iter().map(String::as_str)).as_bytes(),
        )
        .and_then(|()| {
            // A new staging folder holds only what was put in it.
            if self.from_spare {
                remove_stale(&self.dir, "", &taken, &self.previous).map(|_| ())
            } else {
                Ok(())
            }
        })
        .and_then(|()| {
            swap(
                &self.dir,
                &self.out_dir,
                &self.spare,
                self.pid,
                self.out_marked,
            )
        });
        drop(taken);
        if result.is_err() {
            self.abandon();
        }
        result
    }

    /// Gives up: the output folder is left as it was, and the staging folder becomes the
    /// spare again (its files are checked byte by byte before they are reused).
    pub fn abandon(self) {
        let useful = self.from_spare || self.written() > 0;
        let taken = self
            .taken
            .into_inner()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        // The folder holds what the spare held and what this build wrote into it.
        let files = self.previous.merge(taken);
        let marked = std::fs::write(
            self.dir.join(guard::MARKER),
            guard::marker_text(files.iter()).as_bytes(),
        )
        .is_ok();
        if !useful
            || !marked
            || self.spare.exists()
            || std::fs::rename(&self.dir, &self.spare).is_err()
        {
            let _ = std::fs::remove_dir_all(&self.dir);
        }
    }

    /// Makes sure `dir` (inside the staging folder) is a folder, removing a stale file that
    /// is in the way.
    fn ensure_dir(&self, dir: &Path) -> Result<()> {
        let known = |p: &Path| p == self.dir || self.dirs.lock().is_ok_and(|d| d.contains(p));
        if known(dir) {
            return Ok(());
        }
        let exists = self.from_spare && dir.is_dir();
        // The folders missing between the nearest one made already and `dir`, made from the
        // top down: one `mkdir` each. (`create_dir_all` tries `dir` first, fails for want of
        // its parent, and goes up from there.)
        let missing: Vec<&Path> = dir
            .ancestors()
            .take_while(|a| a.starts_with(&self.dir) && !known(a))
            .collect();
        let made = exists
            || missing.iter().rev().all(|m| {
                std::fs::create_dir(m).is_ok()
                    || (std::fs::symlink_metadata(m).is_ok_and(|meta| meta.is_dir()))
            });
        if !made && std::fs::create_dir_all(dir).is_err() {
            // A file of an older build where a folder must go.
            for a in dir.ancestors().take_while(|a| a.starts_with(&self.dir)) {
                if std::fs::symlink_metadata(a).is_ok_and(|m| !m.is_dir()) {
                    self.check_written(a)?;
                    std::fs::remove_file(a).map_err(|e| Error::io(a, e))?;
                }
            }
            fs::create_dir_all(dir)?;
        }
        if let Ok(mut d) = self.dirs.lock() {
            d.extend(missing.iter().map(|m| m.to_path_buf()));
            d.insert(dir.to_path_buf());
        }
        Ok(())
    }
}

impl Staging {
    /// Refuses to remove `path`, a file in the recycled spare, unless the build that wrote the
    /// spare listed it.
    fn check_written(&self, path: &Path) -> Result<()> {
        let rel = path
            .strip_prefix(&self.dir)
            .map(|r| r.to_string_lossy().replace(std::path::MAIN_SEPARATOR, "/"))
            .unwrap_or_default();
        if self.previous.contains(&rel) {
            Ok(())
        } else {
            Err(foreign_in_spare(&self.spare.join(&rel)))
        }
    }
}

/// The error for a file in bcop's spare folder that bcop did not write.
fn foreign_in_spare(path: &Path) -> Error {
    Error::one(
        crate::error::Diagnostic::error(
            Code::ForeignOutput,
            None,
            format!(
                "bcop will not delete {}: it is in bcop's spare folder, but bcop did not write it",
                path.display()
            ),
        )
        .with_help("move the file out of that folder, then build again"),
    )
}

impl Sink for Staging {
    /// Writes `file` unless its path is taken or the staging folder already holds its bytes.
    fn put(&self, file: &OutputFile) -> Result<()> {
        let new = self
            .taken
            .lock()
            .map_err(|_| Error::Internal("a writer thread panicked".into()))?
            .insert(file.path.clone());
        if !new {
            return Ok(());
        }
        let target = self.dir.join(&file.path);
        if let Some(parent) = target.parent() {
            self.ensure_dir(parent)?;
        }
        // Only a recycled folder has files of an older build.
        if self.from_spare {
            if unchanged(&target, &file.contents) {
                return Ok(());
            }
            if std::fs::symlink_metadata(&target).is_ok_and(|m| m.is_dir()) {
                // A folder of an older build where a file must go.
                for entry in walkdir::WalkDir::new(&target) {
                    let entry = entry.map_err(|e| Error::io(&target, e.into()))?;
                    if !entry.file_type().is_dir() {
                        self.check_written(entry.path())?;
                    }
                }
                fs::remove_dir_all(&target)?;
            }
        }
        match &file.contents {
            Contents::Bytes(b) => fs::write(&target, b.as_slice())?,
            Contents::Page(p) => write_pieces(&target, &p.pieces())?,
            Contents::Static(b) => fs::write(&target, b)?,
            Contents::Copy(src) => {
                let bytes = fs::read(src)?;
                fs::write(&target, &bytes)?;
            }
        }
        self.written.fetch_add(1, Ordering::Relaxed);
        Ok(())
    }
}

/// Removes files (and folders left empty) below `dir` that are not in `wanted`; `rel` is
/// `dir`'s path in the output (`""` for its root). Folders are gone through in parallel: a
/// rebuild checks every file of the site here.
fn remove_stale(
    dir: &Path,
    rel: &str,
    wanted: &HashSet<String>,
    written: &Manifest,
) -> Result<bool> {
    use rayon::prelude::*;
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Ok(true);
    };
    let mut folders = Vec::new();
    let mut empty = true;
    for entry in entries {
        let entry = entry.map_err(|e| Error::io(dir, e))?;
        let path = entry.path();
        let ty = entry.file_type().map_err(|e| Error::io(&path, e))?;
        let name = entry.file_name();
        let name = name.to_string_lossy();
        let rel = if rel.is_empty() {
            name.into_owned()
        } else {
            [rel, "/", &name].concat()
        };
        if ty.is_dir() {
            folders.push((path, rel));
        } else if wanted.contains(&rel) {
            empty = false;
        } else if written.contains(&rel) {
            std::fs::remove_file(&path).map_err(|e| Error::io(&path, e))?;
        } else {
            return Err(foreign_in_spare(&path));
        }
    }
    let kept = folders
        .par_iter()
        .map(|(path, rel)| {
            if remove_stale(path, rel, wanted, written)? {
                std::fs::remove_dir(path).map_err(|e| Error::io(path, e))?;
                Ok(false)
            } else {
                Ok(true)
            }
        })
        .collect::<Result<Vec<bool>>>()?;
    Ok(empty && !kept.contains(&true))
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
        Contents::Bytes(b) => same(b.as_slice()),
        Contents::Page(p) => {
            meta.len() == p.len() as u64
                && std::fs::read(old).is_ok_and(|b| {
                    p.pieces()
                        .iter()
                        .try_fold(b.as_slice(), |rest, piece| rest.strip_prefix(*piece))
                        .is_some_and(<[u8]>::is_empty)
                })
        }
        Contents::Static(b) => same(b),
        Contents::Copy(src) => {
            std::fs::metadata(src).is_ok_and(|m| m.len() == meta.len())
                && std::fs::read(src).is_ok_and(|b| same(&b))
        }
    }
}

/// Writes `pieces` one after the other into a new file at `target`, in one system call when the
/// kernel takes them all at once.
fn write_pieces(target: &Path, pieces: &[&[u8]]) -> Result<()> {
    use std::io::{IoSlice, Write};
    let mut file = std::fs::File::create(target).map_err(|e| Error::io(target, e))?;
    let mut slices: Vec<IoSlice> = pieces.iter().map(|p| IoSlice::new(p)).collect();
    let mut left = slices.as_mut_slice();
    while !left.is_empty() {
        match file.write_vectored(left) {
            Ok(0) => {
                return Err(Error::io(target, std::io::ErrorKind::WriteZero.into()));
            }
            Ok(n) => IoSlice::advance_slices(&mut left, n),
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(Error::io(target, e)),
        }
    }
    Ok(())
}

/// Puts `staging` in place of `out_dir`; the replaced site becomes the spare. `out_marked`:
/// whether the output folder is bcop's (else it is an empty folder, which is removed).
fn swap(staging: &Path, out_dir: &Path, spare: &Path, pid: u32, out_marked: bool) -> Result<()> {
    if !out_dir.exists() {
        return fs::rename(staging, out_dir);
    }
    if !out_marked {
        // `remove_dir` removes only an empty folder, so nothing that appeared meanwhile is lost.
        std::fs::remove_dir(out_dir).map_err(|e| Error::io(out_dir, e))?;
        return fs::rename(staging, out_dir);
    }
    let old = spare.with_extension(format!("old-{pid}"));
    if guard::check_working(&old)?.is_some() {
        fs::remove_dir_all(&old)?;
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    fn file(path: &str, text: &str) -> OutputFile {
        OutputFile::generated(path.into(), text.into())
    }

    #[test]
    fn a_recycled_spare_becomes_exactly_the_new_output() {
        let tmp = tempfile::tempdir().expect("tmp");
        let out = tmp.path().join("public");
        // The spare holds a file where a folder must go, a folder where a file must go, a
        // stale file, and a file that is already right.
        let spare = tmp.path().join(".public.spare");
        std::fs::create_dir_all(spare.join("b/deep")).expect("mkdir");
        std::fs::write(spare.join("a"), "old file").expect("write");
        std::fs::write(spare.join("b/deep/x"), "old").expect("write");
        std::fs::write(spare.join("stale.html"), "stale").expect("write");
        std::fs::write(spare.join("same.html"), "same").expect("write");
        let listed = ["a", "b/deep/x", "stale.html", "same.html"];
        std::fs::write(spare.join(guard::MARKER), guard::marker_text(listed)).expect("mark");
        let staging = Staging::begin(
            &tmp.path().join("site"),
            &out,
            &tmp.path().join("site/.bcop-cache"),
        )
        .expect("begin");
        for f in [
            file("a/x.html", "new"),
            file("b", "now a file"),
            file("same.html", "same"),
            file("same.html", "a second file for a taken path is ignored"),
        ] {
            staging.put(&f).expect("put");
        }
        assert_eq!((staging.files(), staging.written()), (3, 2));
        staging.finish().expect("finish");
        let read = |p: &str| std::fs::read_to_string(out.join(p)).expect(p);
        assert_eq!(read("a/x.html"), "new");
        assert_eq!(read("b"), "now a file");
        assert_eq!(read("same.html"), "same");
        assert!(!out.join("stale.html").exists());
        let marker = std::fs::read_to_string(out.join(guard::MARKER)).expect("marker");
        assert!(marker.ends_with("\na/x.html\nb\nsame.html\n"), "{marker}");
    }

    #[test]
    fn a_file_in_the_spare_that_bcop_did_not_write_is_never_deleted() {
        let tmp = tempfile::tempdir().expect("tmp");
        let out = tmp.path().join("public");
        let spare = tmp.path().join(".public.spare");
        std::fs::create_dir_all(spare.join("en")).expect("mkdir");
        std::fs::write(spare.join("en/old.html"), "old").expect("write");
        std::fs::write(spare.join("en/notes.txt"), "mine").expect("write");
        std::fs::write(
            spare.join(guard::MARKER),
            guard::marker_text(["en/old.html"]),
        )
        .expect("mark");
        let staging = Staging::begin(
            &tmp.path().join("site"),
            &out,
            &tmp.path().join("site/.bcop-cache"),
        )
        .expect("begin");
        staging.put(&file("index.html", "new")).expect("put");
        let err = staging.finish().expect_err("refused").to_string();
        assert!(
            err.contains("notes.txt") && err.contains("did not write"),
            "{err}"
        );
        assert!(!out.exists());
        assert_eq!(
            std::fs::read_to_string(spare.join("en/notes.txt")).expect("kept"),
            "mine"
        );
    }

    #[test]
    fn a_page_in_pieces_is_written_whole_and_compared_piece_by_piece() {
        use crate::render::{Page, pages::html_marker};
        use std::sync::Arc;
        let tmp = tempfile::tempdir().expect("tmp");
        let page = |html: &str| {
            let template = format!("<main>{}</main>", html_marker(0)).into_bytes();
            Contents::Page(Arc::new(Page::fill(
                template,
                &[Arc::new(html.to_string())],
            )))
        };
        let target = tmp.path().join("index.html");
        let Contents::Page(p) = page("<p>text</p>") else {
            unreachable!()
        };
        write_pieces(&target, &p.pieces()).expect("write");
        assert_eq!(
            std::fs::read_to_string(&target).expect("read"),
            "<main><p>text</p></main>"
        );
        assert!(unchanged(&target, &page("<p>text</p>")));
        // Same length, one byte different inside the HTML; longer; shorter.
        assert!(!unchanged(&target, &page("<p>tExt</p>")));
        assert!(!unchanged(&target, &page("<p>texts</p>")));
        assert!(!unchanged(&target, &page("<p>tex</p>")));
    }

    #[test]
    fn an_abandoned_build_leaves_the_output_alone() {
        let tmp = tempfile::tempdir().expect("tmp");
        let out = tmp.path().join("public");
        std::fs::create_dir_all(&out).expect("mkdir");
        std::fs::write(out.join("index.html"), "published").expect("write");
        std::fs::write(out.join(guard::MARKER), guard::marker_text(["index.html"])).expect("mark");
        let staging = Staging::begin(
            &tmp.path().join("site"),
            &out,
            &tmp.path().join("site/.bcop-cache"),
        )
        .expect("begin");
        staging.put(&file("index.html", "half-built")).expect("put");
        staging.abandon();
        assert_eq!(
            std::fs::read_to_string(out.join("index.html")).expect("read"),
            "published"
        );
        // What was written is kept as the spare, for the next build to start from.
        assert!(tmp.path().join(".public.spare/index.html").exists());
        let names: Vec<_> = std::fs::read_dir(tmp.path())
            .expect("ls")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        assert!(!names.iter().any(|n| n.contains("staging")), "{names:?}");
    }
}
