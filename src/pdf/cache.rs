//! The PDF cache on disk: one file per PDF, named after everything that goes into it.
//!
//! A cache outlives builds and moves between machines (CI restores it from an archive), so
//! an entry may come back truncated or damaged. Each entry therefore starts with a header that
//! holds the BLAKE3 hash and length of the PDF after it; an entry whose PDF does not match is
//! rejected, typeset again and overwritten, and never published.
//!
//! Entries that builds stop using are removed after [`MAX_AGE`]: a build touches every entry
//! it uses, and [`prune`] deletes the entries that no build has used for that long. It
//! deletes nothing but files named as entries are (`<64 hex digits>.pdf`), and the temporary
//! files of writes that a crash interrupted.

use std::fs::File;
use std::io::Write;
use std::path::Path;
use std::time::{Duration, SystemTime};

/// The header's first line: the format of the entry.
const MAGIC: &str = "bcop-pdf-cache 2\n";

/// How long an entry that no build uses is kept.
pub const MAX_AGE: Duration = Duration::from_secs(30 * 24 * 60 * 60);

/// What the cache holds for one key.
pub enum Lookup {
    /// The PDF, checked against its hash.
    Hit(Vec<u8>),
    /// Nothing.
    Miss,
    /// An entry whose PDF does not match its header: it must be typeset again.
    Rejected,
}

/// The entry's file name for a key (a hexadecimal hash).
pub fn file_name(key: &str) -> String {
    format!("{key}.pdf")
}

/// Reads the entry at `path` and checks it. A hit is touched, so that [`prune`] keeps it.
pub fn read(path: &Path) -> Lookup {
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(_) => return Lookup::Miss,
    };
    match verified(bytes) {
        Some(pdf) => {
            // Only costs the entry its place when it fails (a read-only cache, say).
            if let Ok(f) = File::options().write(true).open(path) {
                let _ = f.set_modified(SystemTime::now());
            }
            Lookup::Hit(pdf)
        }
        None => Lookup::Rejected,
    }
}

/// The PDF of an entry's bytes, if the header is whole and the PDF matches it.
fn verified(mut bytes: Vec<u8>) -> Option<Vec<u8>> {
    let rest = bytes.strip_prefix(MAGIC.as_bytes())?;
    let end = rest.iter().position(|&b| b == b'\n')?;
    let line = std::str::from_utf8(&rest[..end]).ok()?;
    let (hash, len) = line.split_once(' ')?;
    let len: usize = len.parse().ok()?;
    let start = MAGIC.len() + end + 1;
    let pdf = &bytes[start..];
    if pdf.len() != len || blake3::hash(pdf).to_hex().as_str() != hash {
        return None;
    }
    bytes.drain(..start);
    Some(bytes)
}

/// Writes the entry for `pdf` at `path` in `dir`, through a temporary file and a rename, so
/// that a reader never sees half an entry.
pub fn write(dir: &Path, path: &Path, pdf: &[u8]) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    // Parallel builds may write the same entry: each writes its own file, then renames.
    let tmp = path.with_extension(format!(
        "tmp-{}-{:?}",
        std::process::id(),
        std::thread::current().id()
    ));
    let written = (|| {
        let mut f = File::create(&tmp)?;
        writeln!(f, "{MAGIC}{} {}", blake3::hash(pdf).to_hex(), pdf.len())?;
        f.write_all(pdf)?;
        std::fs::rename(&tmp, path)
    })();
    written.inspect_err(|_| {
        let _ = std::fs::remove_file(&tmp);
    })
}

/// Whether bcop named a file in the cache's PDF folder: an entry, or an entry's temporary
/// file.
fn is_ours(name: &str) -> bool {
    let Some((key, ext)) = name.split_once('.') else {
        return false;
    };
    key.len() == 64
        && key.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
        && (ext == "pdf" || ext.starts_with("tmp-"))
}

/// Deletes the entries in `dir` that were last used (or written) before `before`. Returns how
/// many it deleted; a file that cannot be deleted is left for the next time.
pub fn prune(dir: &Path, before: SystemTime) -> std::io::Result<usize> {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(0),
        Err(e) => return Err(e),
    };
    let mut removed = 0;
    for entry in entries {
        let entry = entry?;
        let name = entry.file_name();
        if !name.to_str().is_some_and(is_ours) {
            continue;
        }
        let Ok(meta) = entry.metadata() else { continue };
        let old = meta.is_file() && meta.modified().is_ok_and(|m| m < before);
        if old && std::fs::remove_file(entry.path()).is_ok() {
            removed += 1;
        }
    }
    Ok(removed)
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEY: &str = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    #[test]
    fn an_entry_reads_back_and_a_damaged_one_is_rejected() {
        let dir = tempfile::tempdir().expect("tmp");
        let path = dir.path().join(file_name(KEY));
        write(dir.path(), &path, b"%PDF-1.7 body").expect("write");
        assert!(matches!(read(&path), Lookup::Hit(b) if b == b"%PDF-1.7 body"));
        let whole = std::fs::read(&path).expect("read");
        std::fs::write(&path, &whole[..whole.len() - 3]).expect("truncate");
        assert!(matches!(read(&path), Lookup::Rejected));
        let mut flipped = whole.clone();
        *flipped.last_mut().expect("a byte") ^= 1;
        std::fs::write(&path, &flipped).expect("corrupt");
        assert!(matches!(read(&path), Lookup::Rejected));
        std::fs::write(&path, b"%PDF-1.7 body").expect("headerless");
        assert!(matches!(read(&path), Lookup::Rejected));
        assert!(matches!(
            read(&dir.path().join(file_name(&KEY.replace('0', "1")))),
            Lookup::Miss
        ));
    }

    #[test]
    fn pruning_deletes_only_old_files_named_as_entries() {
        let dir = tempfile::tempdir().expect("tmp");
        let old = SystemTime::now() - 2 * MAX_AGE;
        let names = [
            file_name(KEY),
            format!("{KEY}.tmp-12-ThreadId(3)"),
            "notes.pdf".to_string(),
            format!("{}.pdf", KEY.to_uppercase()),
            format!("{KEY}.pdf.bak"),
        ];
        for name in &names {
            let f = File::create(dir.path().join(name)).expect("create");
            f.set_modified(old).expect("age");
        }
        let fresh = file_name(&KEY.replace('0', "1"));
        std::fs::write(dir.path().join(&fresh), b"x").expect("write");
        let removed = prune(dir.path(), SystemTime::now() - MAX_AGE).expect("prune");
        assert_eq!(removed, 2);
        let mut left: Vec<String> = std::fs::read_dir(dir.path())
            .expect("list")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        left.sort();
        let mut expected = vec![names[2].clone(), names[3].clone(), names[4].clone(), fresh];
        expected.sort();
        assert_eq!(left, expected);
    }
}
