//! The one error type, and the diagnostics that `build` and `check` report.
//!
//! Authors and translators read these messages, so every problem that comes from a file names
//! `path:line:col`, shows the offending line with a caret, and says how to fix it.

mod code;
pub mod github;

pub use code::Code;
use std::fmt;
use std::path::{Path, PathBuf};

/// Where in a source file a problem is. Lines and columns are 1-based.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Location {
    pub path: PathBuf,
    pub line: usize,
    pub col: usize,
    /// The text of the line, for the caret display. Empty when unknown.
    pub source_line: String,
}

impl Location {
    /// A location at `line:col` of `text`, which was read from `path`.
    pub fn in_text(path: &Path, text: &str, line: usize, col: usize) -> Self {
        let source_line = lines(text)
            .nth(line.saturating_sub(1))
            .unwrap_or("")
            .to_string();
        Self {
            path: path.to_path_buf(),
            line: line.max(1),
            col: col.max(1),
            source_line,
        }
    }

    /// A location at a byte offset of `text`.
    pub fn at_offset(path: &Path, text: &str, offset: usize) -> Self {
        let (line, col) = line_col(text, offset);
        Self::in_text(path, text, line, col)
    }

    /// The start of a file, for problems that concern the whole file.
    pub fn file(path: &Path) -> Self {
        Self {
            path: path.to_path_buf(),
            line: 1,
            col: 1,
            source_line: String::new(),
        }
    }
}

/// The lines of `text` as editors, CommonMark and YAML count them: a line ends at `\n`,
/// `\r\n`, or a `\r` on its own.
pub fn lines(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(text);
    std::iter::from_fn(move || {
        let t = rest?;
        match t.find(['\n', '\r']) {
            Some(i) => {
                let skip = if t[i..].starts_with("\r\n") { 2 } else { 1 };
                rest = Some(&t[i + skip..]).filter(|r| !r.is_empty());
                Some(&t[..i])
            }
            None => {
                rest = None;
                Some(t)
            }
        }
    })
}

/// The 1-based line and column (in characters) of a byte offset, lines as [`lines`] has them.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = floor_char_boundary(text, offset.min(text.len()));
    let before = &text[..offset];
    let bytes = before.as_bytes();
    let mut line = 1;
    let mut line_start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        let lone_cr = b == b'\r' && text.as_bytes().get(i + 1) != Some(&b'\n');
        if b == b'\n' || lone_cr {
            line += 1;
            line_start = i + 1;
        }
    }
    let col = before[line_start..].chars().count() + 1;
    (line, col)
}

fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Warning,
    Error,
}

/// One problem found in the site, with a stable machine-readable code.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Diagnostic {
    /// Boxed to keep `Result<_, Diagnostic>` small.
    pub location: Option<Box<Location>>,
    pub severity: Severity,
    pub code: Code,
    pub message: String,
    /// How to fix it, shown on its own line.
    pub help: Option<String>,
}

impl Diagnostic {
    pub fn error(code: Code, location: Option<Location>, message: impl Into<String>) -> Self {
        Self {
            location: location.map(Box::new),
            severity: Severity::Error,
            code,
            message: message.into(),
            help: None,
        }
    }

    pub fn warning(code: Code, location: Option<Location>, message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Warning,
            ..Self::error(code, location, message)
        }
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let label = match self.severity {
            Severity::Warning => "warning",
            Severity::Error => "error",
        };
        match &self.location {
            Some(loc) => write!(
                f,
                "{}:{}:{}: {label}[{}]: {}",
                loc.path.display(),
                loc.line,
                loc.col,
                self.code,
                self.message
            )?,
            None => write!(f, "{label}[{}]: {}", self.code, self.message)?,
        }
        if let Some(loc) = &self.location
            && !loc.source_line.is_empty()
        {
            let number = loc.line.to_string();
            let pad = " ".repeat(number.len());
            let caret_pad: String = loc
                .source_line
                .chars()
                .take(loc.col - 1)
                .map(|c| if c == '\t' { '\t' } else { ' ' })
                .collect();
            write!(
                f,
                "\n{pad} |\n{number} | {}\n{pad} | {caret_pad}^",
                loc.source_line
            )?;
        }
        if let Some(help) = &self.help {
            write!(f, "\n  = help: {help}")?;
        }
        Ok(())
    }
}

/// What stops a command: one or more error diagnostics, or a failure outside the site's files.
#[derive(Debug)]
pub enum Error {
    /// Problems in the site's sources. Warnings found on the way are kept for the report.
    Site(Vec<Diagnostic>),
    /// A filesystem failure, always with the path it concerns.
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    /// A bug in bcop, not in the site: says what went wrong inside.
    Internal(String),
    /// The command failed and has already said why (e.g. `check` found errors).
    Reported,
}

impl Error {
    pub fn io(path: &Path, source: std::io::Error) -> Self {
        Self::Io {
            path: path.to_path_buf(),
            source,
        }
    }

    pub fn one(diagnostic: Diagnostic) -> Self {
        Self::Site(vec![diagnostic])
    }

    /// A problem with a command's arguments or surroundings (no file location), with a fix.
    pub fn command(code: Code, message: impl Into<String>, help: impl Into<String>) -> Self {
        Self::one(Diagnostic::error(code, None, message).with_help(help))
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Site(diags) => {
                let mut first = true;
                for d in diags {
                    if !first {
                        writeln!(f)?;
                    }
                    first = false;
                    write!(f, "{d}")?;
                }
                Ok(())
            }
            Error::Io { path, source } => write!(f, "{}: {source}", path.display()),
            Error::Internal(msg) => write!(f, "internal error (a bug in bcop): {msg}"),
            Error::Reported => Ok(()),
        }
    }
}

impl std::error::Error for Error {}

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Filesystem helpers whose errors name their path.
pub mod fs {
    use super::{Error, Result};
    use std::path::Path;

    pub fn read_to_string(path: &Path) -> Result<String> {
        std::fs::read_to_string(path).map_err(|e| Error::io(path, e))
    }

    /// Reads a text file. A file that is not UTF-8 is a site error at the first bad byte,
    /// with a fix, not a bare I/O error.
    pub fn read_text(path: &Path) -> Result<String> {
        let mut buf = Vec::new();
        read_text_into(path, &mut buf)?;
        let bytes = buf;
        String::from_utf8(bytes).map_err(|e| not_utf8(path, e.as_bytes()))
    }

    /// Reads a file into `buf` (replacing what it held, keeping its memory) and checks that it
    /// is UTF-8 text, as [`read_text`] does. Every source file goes through here, so the check
    /// is the SIMD one.
    pub fn read_text_into<'b>(path: &Path, buf: &'b mut Vec<u8>) -> Result<&'b str> {
        use std::io::Read;
        buf.clear();
        let mut file = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
        let len = file.metadata().map_err(|e| Error::io(path, e))?.len();
        if len > MAX_TEXT_FILE {
            return Err(too_large(path, len));
        }
        buf.reserve(len as usize + 1);
        // Read one byte past the limit, in case the file grew after the look at its size.
        (&mut file)
            .take(MAX_TEXT_FILE + 1)
            .read_to_end(buf)
            .map_err(|e| Error::io(path, e))?;
        if buf.len() as u64 > MAX_TEXT_FILE {
            return Err(too_large(path, buf.len() as u64));
        }
        utf8(path, buf)
    }

    /// The largest text file bcop reads (Markdown, YAML, Fluent, templates): 16 MiB. A whole
    /// BCOP is a few hundred KiB; a file far larger is a mistake (a log or a dump saved as
    /// `.md`), and reading it whole would cost memory for nothing.
    pub const MAX_TEXT_FILE: u64 = 16 * 1024 * 1024;

    fn too_large(path: &Path, len: u64) -> Error {
        Error::one(
            super::Diagnostic::error(
                super::Code::FileTooLarge,
                Some(super::Location::file(path)),
                format!(
                    "this file is {:.1} MiB, more than the {} MiB that bcop reads",
                    len as f64 / (1024.0 * 1024.0),
                    MAX_TEXT_FILE / (1024 * 1024)
                ),
            )
            .with_help("split it into several chapters, or keep data files out of content/"),
        )
    }

    fn utf8<'b>(path: &Path, bytes: &'b [u8]) -> Result<&'b str> {
        simdutf8::basic::from_utf8(bytes).map_err(|_| not_utf8(path, bytes))
    }

    /// The error for a file that is not UTF-8, at its first bad byte.
    fn not_utf8(path: &Path, bytes: &[u8]) -> Error {
        let at = std::str::from_utf8(bytes).map_or_else(|e| e.valid_up_to(), str::len);
        let before = String::from_utf8_lossy(&bytes[..at]);
        let (line, col) = super::line_col(&before, before.len());
        Error::one(
            super::Diagnostic::error(
                super::Code::NotUtf8,
                Some(super::Location {
                    path: path.to_path_buf(),
                    line,
                    col,
                    source_line: String::new(),
                }),
                "this file is not UTF-8 text",
            )
            .with_help("save it as UTF-8 (every editor can; in vim: :set fileencoding=utf-8)"),
        )
    }

    pub fn read(path: &Path) -> Result<Vec<u8>> {
        std::fs::read(path).map_err(|e| Error::io(path, e))
    }

    pub fn write(path: &Path, bytes: &[u8]) -> Result<()> {
        std::fs::write(path, bytes).map_err(|e| Error::io(path, e))
    }

    /// Replaces the contents of the existing file `path` all at once: the new text goes to a
    /// temporary file beside it, which is then renamed over it, so a crash leaves either the
    /// old file or the new one, never half of it.
    pub fn replace(path: &Path, bytes: &[u8]) -> Result<()> {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let tmp = path.with_file_name(format!(".{name}.bcop-{}", std::process::id()));
        let mut file = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&tmp)
            .map_err(|e| Error::io(&tmp, e))?;
        let written = std::io::Write::write_all(&mut file, bytes)
            .and_then(|()| file.sync_all())
            .and_then(|()| {
                let perms = std::fs::metadata(path)?.permissions();
                std::fs::set_permissions(&tmp, perms)
            })
            .and_then(|()| std::fs::rename(&tmp, path));
        written.map_err(|e| {
            let _ = std::fs::remove_file(&tmp);
            Error::io(path, e)
        })
    }

    /// Writes a new file; fails, changing nothing, if `path` exists.
    pub fn create_new(path: &Path, bytes: &[u8]) -> Result<()> {
        let mut file = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(path)
            .map_err(|e| Error::io(path, e))?;
        std::io::Write::write_all(&mut file, bytes).map_err(|e| Error::io(path, e))
    }

    pub fn create_dir(path: &Path) -> Result<()> {
        std::fs::create_dir(path).map_err(|e| Error::io(path, e))
    }

    pub fn create_dir_all(path: &Path) -> Result<()> {
        std::fs::create_dir_all(path).map_err(|e| Error::io(path, e))
    }

    pub fn remove_dir_all(path: &Path) -> Result<()> {
        match std::fs::remove_dir_all(path) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(Error::io(path, e)),
            _ => Ok(()),
        }
    }

    pub fn rename(from: &Path, to: &Path) -> Result<()> {
        std::fs::rename(from, to).map_err(|e| Error::io(from, e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lone_carriage_return_ends_a_line_as_in_editors_and_yaml() {
        let text = "a\r\nb\rc\nd";
        assert_eq!(lines(text).collect::<Vec<_>>(), ["a", "b", "c", "d"]);
        assert_eq!(line_col(text, text.find('c').unwrap_or(0)), (3, 1));
        assert_eq!(line_col(text, text.find('d').unwrap_or(0)), (4, 1));
        assert_eq!(lines("x\n").collect::<Vec<_>>(), ["x"]);
    }

    #[test]
    fn line_col_counts_characters_not_bytes() {
        let text = "a\n日本語x";
        assert_eq!(line_col(text, text.find('x').unwrap_or(0)), (2, 4));
    }

    #[test]
    fn diagnostic_display_shows_path_line_col_and_caret() {
        let loc = Location::in_text(
            Path::new("content/a/1.0/index.md"),
            "x\nstatus: bogus\n",
            2,
            9,
        );
        let d = Diagnostic::error(Code::BadStatus, Some(loc), "unknown status `bogus`")
            .with_help("use draft, published, superseded or withdrawn");
        let shown = d.to_string();
        assert!(shown.starts_with("content/a/1.0/index.md:2:9: error[bad-status]: unknown status"));
        assert!(
            shown.contains("2 | status: bogus\n  |         ^"),
            "{shown}"
        );
        assert!(shown.ends_with("= help: use draft, published, superseded or withdrawn"));
    }
}
