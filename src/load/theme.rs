//! Templates, UI catalogs and static files, looked up in layers.
//!
//! The layers, from strongest to weakest: the site's own files (`templates/`, `static/`,
//! `locales/<lang>/*.ftl`), the theme on disk (`themes/<name>/`), and the default theme built
//! into the binary. A file of the same name in a stronger layer replaces the weaker one; Fluent
//! catalogs are merged key by key instead.

use crate::error::{Code, Diagnostic, Error, Location, Result, fs};
use crate::paths::site;
use include_dir::{Dir, include_dir};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

static BUILTIN: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/themes/default");

/// The theme's BCP 14 keyword tables ([`crate::bcp14`]).
const KEYWORDS: &str = "keywords.yaml";

/// A text file from one of the layers.
#[derive(Debug, Clone)]
pub struct TextFile {
    /// Name inside its folder, e.g. `document.html` or `main.ftl`.
    pub name: String,
    /// Where it came from, for error messages.
    pub path: PathBuf,
    pub text: String,
}

#[derive(Debug, Clone)]
pub enum Bytes {
    Disk(PathBuf),
    Builtin(&'static [u8]),
}

#[derive(Debug, Clone)]
pub struct StaticFile {
    /// Output path relative to the site root, with `/` separators.
    pub rel: String,
    pub bytes: Bytes,
}

#[derive(Debug, Clone, Default)]
pub struct ThemeSource {
    /// One file per template name, from the strongest layer that has it.
    pub templates: BTreeMap<String, TextFile>,
    /// Per language, the catalogs from weakest to strongest layer.
    pub catalogs: BTreeMap<String, Vec<TextFile>>,
    pub static_files: BTreeMap<String, StaticFile>,
    /// The Typst template of the PDFs (`pdf/document.typ`), from the strongest layer.
    pub pdf_template: Option<TextFile>,
    /// The BCP 14 keyword tables (`keywords.yaml`), from the strongest layer.
    pub keywords: Option<TextFile>,
    /// Folders whose fonts the PDFs may use (`themes/<name>/fonts/`, the site's `fonts/`).
    pub font_dirs: Vec<PathBuf>,
    /// A hash of all of the above, for [`crate::cache`].
    pub fingerprint: super::Fingerprint,
}

pub fn load_theme(root: &Path, theme: &str, languages: &[String]) -> Result<ThemeSource> {
    let mut out = ThemeSource::default();
    let theme_dir = site::theme(root, theme);
    if theme == "default" {
        add_builtin(&mut out, languages);
    } else if !theme_dir.is_dir() {
        return Err(Error::one(
            Diagnostic::error(
                Code::MissingTheme,
                Some(Location::file(&root.join(site::CONFIG))),
                format!("theme `{theme}` not found in themes/"),
            )
            .with_help(format!(
                "create themes/{theme}/ or set `theme: default` in site.yaml"
            )),
        ));
    }
    for (dir, fonts) in [
        (theme_dir.join(site::PDF), theme_dir.join(site::FONTS)),
        (root.join(site::PDF), root.join(site::FONTS)),
    ] {
        let path = dir.join("document.typ");
        if path.is_file() {
            let text = fs::read_text(&path)?;
            out.pdf_template = Some(TextFile {
                name: "document.typ".into(),
                path,
                text,
            });
        }
        if fonts.is_dir() {
            out.font_dirs.push(fonts);
        }
    }
    let keywords = theme_dir.join(KEYWORDS);
    if keywords.is_file() {
        out.keywords = Some(TextFile {
            name: KEYWORDS.into(),
            text: fs::read_text(&keywords)?,
            path: keywords,
        });
    }
    if theme_dir.is_dir() {
        add_disk_layer(
            &mut out,
            &theme_dir.join(site::TEMPLATES),
            &theme_dir.join(site::STATIC),
            &theme_dir.join(site::LOCALES),
            languages,
        )?;
    }
    add_disk_layer(
        &mut out,
        &root.join(site::TEMPLATES),
        &root.join(site::STATIC),
        &root.join(site::LOCALES),
        languages,
    )?;
    out.fingerprint = fingerprint(&out);
    Ok(out)
}

/// Hashes every input of the theme: text files by content, static files by content when built
/// in and by path on disk (they are copied when written, so their bytes never reach a page).
fn fingerprint(theme: &ThemeSource) -> super::Fingerprint {
    let mut h = blake3::Hasher::new();
    let mut field = |bytes: &[u8]| {
        h.update(&(bytes.len() as u64).to_le_bytes());
        h.update(bytes);
    };
    let text_files = theme
        .templates
        .iter()
        .map(|(name, f)| (name.as_str(), f))
        .chain(
            theme
                .catalogs
                .iter()
                .flat_map(|(lang, files)| files.iter().map(move |f| (lang.as_str(), f))),
        )
        .chain(theme.pdf_template.iter().map(|f| ("pdf", f)))
        .chain(theme.keywords.iter().map(|f| ("keywords", f)));
    for (key, f) in text_files {
        field(key.as_bytes());
        field(f.name.as_bytes());
        field(f.path.as_os_str().as_encoded_bytes());
        field(f.text.as_bytes());
    }
    field(b"static");
    for (rel, f) in &theme.static_files {
        field(rel.as_bytes());
        match &f.bytes {
            Bytes::Disk(path) => field(path.as_os_str().as_encoded_bytes()),
            Bytes::Builtin(bytes) => field(bytes),
        }
    }
    field(b"fonts");
    for dir in &theme.font_dirs {
        field(dir.as_os_str().as_encoded_bytes());
    }
    *h.finalize().as_bytes()
}

fn add_builtin(out: &mut ThemeSource, languages: &[String]) {
    let builtin_root = Path::new("<built-in>/themes/default");
    if let Some(dir) = BUILTIN.get_dir("templates") {
        for file in dir.files() {
            let name = file_name(file.path());
            if let Some(text) = file.contents_utf8() {
                out.templates.insert(
                    name.clone(),
                    TextFile {
                        name,
                        path: builtin_root.join(file.path()),
                        text: text.to_string(),
                    },
                );
            }
        }
    }
    if let Some(dir) = BUILTIN.get_dir("static") {
        add_builtin_static(out, dir);
    }
    if let Some(text) = BUILTIN.get_file(KEYWORDS).and_then(|f| f.contents_utf8()) {
        out.keywords = Some(TextFile {
            name: KEYWORDS.into(),
            path: builtin_root.join(KEYWORDS),
            text: text.to_string(),
        });
    }
    if let Some(text) = BUILTIN
        .get_file("pdf/document.typ")
        .and_then(|f| f.contents_utf8())
    {
        out.pdf_template = Some(TextFile {
            name: "document.typ".into(),
            path: builtin_root.join("pdf/document.typ"),
            text: text.to_string(),
        });
    }
    for lang in languages {
        let Some(dir) = BUILTIN.get_dir(format!("locales/{lang}")) else {
            continue;
        };
        for file in dir.files() {
            let name = file_name(file.path());
            if let (true, Some(text)) = (name.ends_with(".ftl"), file.contents_utf8()) {
                out.catalogs
                    .entry(lang.clone())
                    .or_default()
                    .push(TextFile {
                        name,
                        path: builtin_root.join(file.path()),
                        text: text.to_string(),
                    });
            }
        }
    }
}

fn add_builtin_static(out: &mut ThemeSource, dir: &'static Dir<'static>) {
    for file in dir.files() {
        let rel = file
            .path()
            .strip_prefix("static")
            .unwrap_or(file.path())
            .to_string_lossy()
            .replace('\\', "/");
        out.static_files.insert(
            rel.clone(),
            StaticFile {
                rel,
                bytes: Bytes::Builtin(file.contents()),
            },
        );
    }
    for sub in dir.dirs() {
        add_builtin_static(out, sub);
    }
}

fn add_disk_layer(
    out: &mut ThemeSource,
    templates: &Path,
    statics: &Path,
    locales: &Path,
    languages: &[String],
) -> Result<()> {
    for path in files_in(templates, false)? {
        let name = rel_name(templates, &path);
        let text = fs::read_text(&path)?;
        out.templates
            .insert(name.clone(), TextFile { name, path, text });
    }
    for path in files_in(statics, true)? {
        let rel = rel_name(statics, &path);
        out.static_files.insert(
            rel.clone(),
            StaticFile {
                rel,
                bytes: Bytes::Disk(path),
            },
        );
    }
    for lang in languages {
        let dir = locales.join(lang);
        for path in files_in(&dir, false)? {
            let name = rel_name(&dir, &path);
            if name.ends_with(".ftl") {
                let text = fs::read_text(&path)?;
                out.catalogs
                    .entry(lang.clone())
                    .or_default()
                    .push(TextFile { name, path, text });
            }
        }
    }
    Ok(())
}

/// Files directly in `dir` (or below it, when `recursive`), sorted, skipping hidden ones.
fn files_in(dir: &Path, recursive: bool) -> Result<Vec<PathBuf>> {
    if !recursive {
        // One listing: `WalkDir` with `max_depth(1)` would also open and read every subfolder
        // before skipping it, and `locales/<lang>/` holds a folder per translated document.
        return super::files::sorted_files(dir);
    }
    if !dir.is_dir() {
        return Ok(Vec::new());
    }
    let mut out = Vec::new();
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name().min_depth(1) {
        let entry = entry.map_err(|e| {
            let path = e.path().unwrap_or(dir).to_path_buf();
            Error::io(&path, e.into())
        })?;
        let hidden = entry.file_name().to_string_lossy().starts_with('.');
        if entry.file_type().is_file() && !hidden {
            out.push(entry.into_path());
        }
    }
    Ok(out)
}

fn rel_name(base: &Path, path: &Path) -> String {
    path.strip_prefix(base)
        .unwrap_or(path)
        .to_string_lossy()
        .replace('\\', "/")
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::files_in;
    use std::fs;

    #[test]
    fn files_in_lists_a_folders_own_files_sorted_or_everything_below_it() {
        let tmp = tempfile::tempdir().expect("tmp");
        let dir = tmp.path().join("locales").join("ja");
        fs::create_dir_all(dir.join("doc").join("1.0")).expect("mkdir");
        for name in ["main.ftl", "extra.ftl", ".hidden.ftl", "doc/1.0/index.md"] {
            fs::write(dir.join(name), "x").expect("write");
        }
        let names = |recursive| -> Vec<String> {
            files_in(&dir, recursive)
                .expect("listed")
                .iter()
                .map(|p| super::rel_name(&dir, p))
                .collect()
        };
        assert_eq!(names(false), ["extra.ftl", "main.ftl"]);
        assert_eq!(names(true), ["doc/1.0/index.md", "extra.ftl", "main.ftl"]);
        assert!(
            files_in(&dir.join("missing"), false)
                .expect("empty")
                .is_empty()
        );
    }
}
