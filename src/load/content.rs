//! Reads `content/` and the translated Markdown under `locales/<lang>/`.

pub use super::files::Asset;
use super::yaml::{self, split_front_matter};
use crate::error::{Code, Diagnostic, Location, Result};
use crate::load::config::SiteConfig;
use crate::paths::site;
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

pub use super::files::{file_name, is_slug, nearest, nearest_owned};
use super::files::{read_or_report, scan_folder, sorted_dirs};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize)]
#[serde(rename_all = "lowercase", try_from = "String")]
pub enum Status {
    Draft,
    Published,
    Superseded,
    Withdrawn,
}

impl TryFrom<String> for Status {
    type Error = String;

    fn try_from(s: String) -> Result<Self, String> {
        match s.as_str() {
            "draft" => Ok(Self::Draft),
            "published" => Ok(Self::Published),
            "superseded" => Ok(Self::Superseded),
            "withdrawn" => Ok(Self::Withdrawn),
            other => Err(format!(
                "unknown status `{other}`: use draft, published, superseded or withdrawn"
            )),
        }
    }
}

/// A version folder name such as `2.1`, ordered as numbers.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Version {
    pub name: String,
    parts: Vec<u64>,
}

impl Version {
    pub fn parse(name: &str) -> Option<Self> {
        let parts: Option<Vec<u64>> = name
            .split('.')
            .map(|p| {
                if p.is_empty() || p.len() > 9 || !p.bytes().all(|b| b.is_ascii_digit()) {
                    None
                } else {
                    p.parse().ok()
                }
            })
            .collect();
        Some(Self {
            name: name.to_string(),
            parts: parts?,
        })
    }
}

impl Ord for Version {
    fn cmp(&self, other: &Self) -> Ordering {
        self.parts
            .cmp(&other.parts)
            .then_with(|| self.name.cmp(&other.name))
    }
}

impl PartialOrd for Version {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// The front matter of a source `index.md`.
#[derive(Debug, Clone, Deserialize)]
pub struct DocMeta {
    pub title: String,
    pub status: Status,
    #[serde(default)]
    pub date: Option<String>,
    #[serde(default)]
    pub id: Option<String>,
    #[serde(default)]
    pub summary: Option<String>,
    #[serde(default)]
    pub authors: Vec<String>,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub supersedes: Option<String>,
    #[serde(default)]
    pub superseded_by: Option<String>,
    #[serde(default)]
    pub chapters: Option<Vec<String>>,
    /// Who issues the document, e.g. a working group ([`super::title_page`] has these four).
    #[serde(default)]
    pub publisher: Option<String>,
    /// A paragraph or a few, separated by blank lines.
    #[serde(default)]
    pub r#abstract: Option<String>,
    /// An SPDX identifier such as `CC-BY-4.0`, or free text.
    #[serde(default)]
    pub license: Option<String>,
    /// An email address or an http(s) URL.
    #[serde(default)]
    pub feedback: Option<String>,
    /// Every other key, for templates.
    #[serde(skip)]
    pub extra: BTreeMap<String, serde_yaml::Value>,
}

pub(super) const DOC_KEYS: &[&str] = &[
    "title",
    "status",
    "date",
    "id",
    "summary",
    "authors",
    "tags",
    "supersedes",
    "superseded_by",
    "chapters",
    "publisher",
    "abstract",
    "license",
    "feedback",
];

/// The front matter of a translated `index.md`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TranslationMeta {
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub summary: Option<String>,
    /// The abstract in this language.
    #[serde(default)]
    pub r#abstract: Option<String>,
    #[serde(default)]
    pub translators: Vec<String>,
    /// Fingerprints written by `bcop translate stamp`: chapter file → section id → hash.
    #[serde(default)]
    pub source: BTreeMap<String, BTreeMap<String, String>>,
}

/// One Markdown file of a document: a chapter, in the source or a translation.
#[derive(Debug, Clone)]
pub struct MarkdownFile {
    /// File name inside the version folder, e.g. `01-scope.md`.
    pub name: String,
    pub path: PathBuf,
    pub body: std::sync::Arc<str>,
    /// 0-based line of the file where `body` starts.
    pub body_line: usize,
}

impl MarkdownFile {
    /// The location of a byte offset of `body`, as a line of the file.
    pub fn location(&self, offset: usize) -> Location {
        let (line, col) = crate::error::line_col(&self.body, offset);
        let source_line = self.body.lines().nth(line - 1).unwrap_or("").to_string();
        Location {
            path: self.path.clone(),
            line: line + self.body_line,
            col,
            source_line,
        }
    }
}

#[derive(Debug, Clone)]
pub struct TranslationSource {
    pub index_path: Option<PathBuf>,
    pub meta: TranslationMeta,
    pub chapters: Vec<MarkdownFile>,
    pub assets: Vec<Asset>,
}

#[derive(Debug, Clone)]
pub struct VersionSource {
    pub version: Version,
    pub dir: PathBuf,
    pub index_path: PathBuf,
    /// The start of `index.md` up to its body: the front matter, for locating its keys in
    /// messages. (The body is the first chapter's text.)
    pub front_matter: String,
    pub meta: DocMeta,
    /// In reading order; `index.md` first unless `chapters:` says otherwise.
    pub chapters: Vec<MarkdownFile>,
    pub assets: Vec<Asset>,
    pub translations: BTreeMap<String, TranslationSource>,
}

#[derive(Debug, Clone)]
pub struct DocumentSource {
    pub slug: String,
    /// Oldest first.
    pub versions: Vec<VersionSource>,
    /// See [`Self::fingerprint`]; hashed when first asked for.
    fingerprint: std::sync::OnceLock<Fingerprint>,
}

impl DocumentSource {
    /// A hash of everything read for this document (its sources and translations), so that
    /// later stages can reuse their work on it while it stays the same ([`crate::cache`]).
    /// Hashing every source costs a few percent of a build, and a build that keeps nothing
    /// for a next one never asks for it.
    pub fn fingerprint(&self) -> &Fingerprint {
        self.fingerprint
            .get_or_init(|| fingerprint(&self.slug, &self.versions))
    }
}

/// A blake3 hash that names some input by its content.
pub type Fingerprint = [u8; 32];

/// What loading one folder of `content/` gave: the document, if it could be read, and the
/// problems found in it.
#[derive(Debug, Clone, Default)]
pub struct DocEntry {
    pub doc: Option<std::sync::Arc<DocumentSource>>,
    pub diagnostics: Vec<Diagnostic>,
}

/// The folder names under `content/`, sorted.
pub fn document_folders(root: &Path) -> Result<Vec<String>> {
    Ok(sorted_dirs(&root.join(site::CONTENT))?
        .iter()
        .map(|d| file_name(d))
        .collect())
}

/// Loads the documents in the folders `names` of `content/`, in parallel. Errors are collected
/// so an author sees them all at once. A folder that does not exist gives an empty entry.
pub fn load_documents(
    root: &Path,
    config: &SiteConfig,
    names: &[String],
) -> Result<Vec<(String, DocEntry)>> {
    use rayon::prelude::*;
    names
        .par_iter()
        .map(|name| {
            let dir = site::document(root, name);
            let mut diagnostics = Vec::new();
            let doc = if dir.is_dir() {
                load_document(root, config, &dir, &mut diagnostics)?
            } else {
                None
            };
            Ok((
                name.clone(),
                DocEntry {
                    doc: doc.map(std::sync::Arc::new),
                    diagnostics,
                },
            ))
        })
        .collect()
}

/// Hashes everything the later stages read from a document.
fn fingerprint(slug: &str, versions: &[VersionSource]) -> Fingerprint {
    struct H(blake3::Hasher);
    impl H {
        fn field(&mut self, bytes: &[u8]) {
            self.0.update(&(bytes.len() as u64).to_le_bytes());
            self.0.update(bytes);
        }
        fn path(&mut self, p: &Path) {
            self.field(p.as_os_str().as_encoded_bytes());
        }
        fn files(&mut self, chapters: &[MarkdownFile], assets: &[Asset]) {
            for c in chapters {
                self.field(c.name.as_bytes());
                self.path(&c.path);
                self.field(&c.body_line.to_le_bytes());
                self.field(c.body.as_bytes());
            }
            self.field(b"assets");
            for a in assets {
                self.field(a.rel.as_bytes());
                self.path(&a.path);
            }
        }
    }
    let mut h = H(blake3::Hasher::new());
    h.field(slug.as_bytes());
    for v in versions {
        h.field(v.version.name.as_bytes());
        h.path(&v.dir);
        h.path(&v.index_path);
        h.field(v.front_matter.as_bytes());
        h.files(&v.chapters, &v.assets);
        for (lang, t) in &v.translations {
            h.field(lang.as_bytes());
            h.path(t.index_path.as_deref().unwrap_or(Path::new("")));
            h.field(format!("{:?}", t.meta).as_bytes());
            h.files(&t.chapters, &t.assets);
        }
    }
    *h.0.finalize().as_bytes()
}

fn load_document(
    root: &Path,
    config: &SiteConfig,
    doc_dir: &Path,
    diags: &mut Vec<Diagnostic>,
) -> Result<Option<DocumentSource>> {
    let slug = file_name(doc_dir);
    if !is_slug(&slug) {
        diags.push(
            Diagnostic::error(
                Code::BadDocFolder,
                Some(Location::file(doc_dir)),
                format!("document folder `{slug}` is not a slug"),
            )
            .with_help("use lowercase letters, digits and hyphens, e.g. abuse-desk"),
        );
        return Ok(None);
    }
    let mut versions = Vec::new();
    let mut buf = Vec::new();
    for ver_dir in sorted_dirs(doc_dir)? {
        let name = file_name(&ver_dir);
        let Some(version) = Version::parse(&name) else {
            diags.push(
                Diagnostic::error(
                    Code::BadVersionFolder,
                    Some(Location::file(&ver_dir)),
                    format!("version folder `{name}` is not a version number"),
                )
                .with_help(format!(
                    "rename it to a number such as 1.0 or 2.1 (content/{slug}/1.0/)"
                )),
            );
            continue;
        };
        if let Some(v) = load_version(root, config, &slug, version, &ver_dir, &mut buf, diags)? {
            versions.push(v);
        }
    }
    versions.sort_by(|a, b| a.version.cmp(&b.version));
    if versions.is_empty() {
        return Ok(None);
    }
    Ok(Some(DocumentSource {
        slug,
        versions,
        fingerprint: std::sync::OnceLock::new(),
    }))
}

fn load_version(
    root: &Path,
    config: &SiteConfig,
    slug: &str,
    version: Version,
    dir: &Path,
    buf: &mut Vec<u8>,
    diags: &mut Vec<Diagnostic>,
) -> Result<Option<VersionSource>> {
    let index_path = dir.join("index.md");
    let Some((md_files, assets)) = scan_folder(dir)? else {
        return Ok(None);
    };
    if !md_files.contains(&index_path) {
        diags.push(
            Diagnostic::error(
                Code::MissingIndex,
                Some(Location::file(dir)),
                "this version folder has no index.md",
            )
            .with_help("add index.md with the document's front matter (title, status, date)"),
        );
        return Ok(None);
    }
    let Some(index_text) = read_or_report(&index_path, buf, diags)? else {
        return Ok(None);
    };
    let Some((meta, index_body)) = parse_doc_meta(&index_path, index_text, diags) else {
        return Ok(None);
    };
    let front_matter = index_text
        .strip_suffix(&*index_body.body)
        .unwrap_or(index_text)
        .to_string();
    let mut chapters = vec![index_body];
    for path in md_files {
        let name = file_name(&path);
        if name == "index.md" {
            continue;
        }
        let Some(body) = read_or_report(&path, buf, diags)? else {
            continue;
        };
        chapters.push(MarkdownFile {
            name,
            path,
            body: body.into(),
            body_line: 0,
        });
    }
    if let Some(order) = &meta.chapters {
        chapters = order_chapters(chapters, order, &index_path, &front_matter, diags);
    }
    let mut translations = BTreeMap::new();
    for lang in config.languages.iter().skip(1) {
        let tdir = site::translation(root, &lang.code, slug, &version.name);
        if let Some(scan) = scan_folder(&tdir)?
            && let Some(t) = load_translation(scan, &chapters, buf, diags)?
        {
            translations.insert(lang.code.clone(), t);
        }
    }
    Ok(Some(VersionSource {
        version,
        dir: dir.to_path_buf(),
        index_path,
        front_matter,
        meta,
        chapters,
        assets,
        translations,
    }))
}

pub(crate) fn parse_doc_meta(
    path: &Path,
    text: &str,
    diags: &mut Vec<Diagnostic>,
) -> Option<(DocMeta, MarkdownFile)> {
    let split = match split_front_matter(text) {
        Ok(s) => s,
        Err(line) => {
            diags.push(
                Diagnostic::error(
                    Code::UnclosedFrontMatter,
                    Some(Location::in_text(path, text, line, 1)),
                    "the front matter is not closed",
                )
                .with_help("end the YAML block with a line containing only ---"),
            );
            return None;
        }
    };
    let Some(yaml_text) = split.yaml else {
        diags.push(
            Diagnostic::error(
                Code::MissingFrontMatter,
                Some(Location::in_text(path, text, 1, 1)),
                "index.md has no front matter",
            )
            .with_help("start the file with ---, then title: and status:, then ---"),
        );
        return None;
    };
    let mut meta: DocMeta = match yaml::parse(path, text, yaml_text, split.yaml_line) {
        Ok(m) => m,
        Err(d) => {
            diags.push(d);
            return None;
        }
    };
    let all: BTreeMap<String, serde_yaml::Value> =
        match yaml::parse(path, text, yaml_text, split.yaml_line) {
            Ok(all) => all,
            Err(d) => {
                diags.push(d);
                return None;
            }
        };
    for (key, value) in all {
        if DOC_KEYS.contains(&key.as_str()) {
            continue;
        }
        if let Some(near) = nearest(&key, DOC_KEYS) {
            diags.push(
                Diagnostic::warning(
                    Code::UnknownKey,
                    Some(yaml::key_location(path, text, &key)),
                    format!("unknown front matter key `{key}`"),
                )
                .with_help(format!("did you mean `{near}`?")),
            );
        }
        if !plain_keys(&value) {
            diags.push(
                Diagnostic::error(
                    Code::BadFrontMatterValue,
                    Some(yaml::key_location(path, text, &key)),
                    format!("`{key}` holds a mapping whose keys are not plain text or numbers"),
                )
                .with_help(
                    "templates read it as `doc.extra`: write its keys as text, e.g. `name: value`",
                ),
            );
            return None;
        }
        meta.extra.insert(key, value);
    }
    check_meta_values(&meta, path, text, diags);
    super::title_page::check(&mut meta, path, text, diags);
    let body = MarkdownFile {
        name: "index.md".into(),
        path: path.to_path_buf(),
        body: split.body.into(),
        body_line: split.body_line,
    };
    Some((meta, body))
}

/// Whether every mapping in `value` has keys a template can use (text, numbers, booleans);
/// YAML also allows lists and mappings as keys.
fn plain_keys(value: &serde_yaml::Value) -> bool {
    use serde_yaml::Value as V;
    match value {
        V::Mapping(m) => m
            .iter()
            .all(|(k, v)| matches!(k, V::String(_) | V::Number(_) | V::Bool(_)) && plain_keys(v)),
        V::Sequence(items) => items.iter().all(plain_keys),
        V::Tagged(t) => plain_keys(&t.value),
        _ => true,
    }
}

fn check_meta_values(meta: &DocMeta, path: &Path, text: &str, diags: &mut Vec<Diagnostic>) {
    match &meta.date {
        Some(date) if !is_date(date) => diags.push(
            Diagnostic::error(
                Code::BadDate,
                Some(yaml::key_location(path, text, "date")),
                format!("`{date}` is not a date"),
            )
            .with_help("write dates as YYYY-MM-DD, e.g. 2025-03-14"),
        ),
        None if meta.status != Status::Draft => diags.push(
            Diagnostic::error(
                Code::MissingDate,
                Some(Location::in_text(path, text, 1, 1)),
                "a document that is not a draft needs a `date`",
            )
            .with_help("add `date: YYYY-MM-DD` to the front matter"),
        ),
        _ => {}
    }
    for (key, value) in [
        ("supersedes", &meta.supersedes),
        ("superseded_by", &meta.superseded_by),
    ] {
        if let Some(v) = value
            && Version::parse(v).is_none()
        {
            diags.push(Diagnostic::error(
                Code::BadVersionRef,
                Some(yaml::key_location(path, text, key)),
                format!("`{v}` is not a version number"),
            ));
        }
    }
    if let Some(id) = &meta.id
        && (id.is_empty() || id.contains(char::is_whitespace))
    {
        diags.push(
            Diagnostic::error(
                Code::BadId,
                Some(yaml::key_location(path, text, "id")),
                format!("document id `{id}` contains spaces"),
            )
            .with_help("use an identifier such as BCOP-CPE"),
        );
    }
}

fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
        && (1..=12).contains(&s[5..7].parse::<u8>().unwrap_or(0))
        && (1..=31).contains(&s[8..10].parse::<u8>().unwrap_or(0))
}

fn order_chapters(
    mut found: Vec<MarkdownFile>,
    order: &[String],
    path: &Path,
    text: &str,
    diags: &mut Vec<Diagnostic>,
) -> Vec<MarkdownFile> {
    let mut ordered = Vec::new();
    for name in order {
        match found.iter().position(|c| &c.name == name) {
            Some(i) => ordered.push(found.remove(i)),
            None => diags.push(
                Diagnostic::error(
                    Code::MissingChapter,
                    Some(yaml::value_location(path, text, name)),
                    format!("chapter `{name}` is listed but there is no such file"),
                )
                .with_help(
                    match nearest_owned(name, found.iter().map(|c| c.name.as_str())) {
                        Some(near) => format!("did you mean `{near}`?"),
                        None => "create the file or remove it from `chapters:`".into(),
                    },
                ),
            ),
        }
    }
    for left in found {
        diags.push(
            Diagnostic::warning(
                Code::UnlistedChapter,
                Some(Location::file(&left.path)),
                format!(
                    "`{}` is not listed in `chapters:` and is not built",
                    left.name
                ),
            )
            .with_help("add it to `chapters:` in index.md"),
        );
    }
    ordered
}

/// A translation of a version, from the listing of its folder.
fn load_translation(
    (md_files, assets): (Vec<PathBuf>, Vec<Asset>),
    source_chapters: &[MarkdownFile],
    buf: &mut Vec<u8>,
    diags: &mut Vec<Diagnostic>,
) -> Result<Option<TranslationSource>> {
    let mut t = TranslationSource {
        index_path: None,
        meta: TranslationMeta::default(),
        chapters: Vec::new(),
        assets,
    };
    for path in md_files {
        let name = file_name(&path);
        let Some(text) = read_or_report(&path, buf, diags)? else {
            continue;
        };
        if !source_chapters.iter().any(|c| c.name == name) {
            diags.push(
                Diagnostic::warning(
                    Code::OrphanTranslation,
                    Some(Location::file(&path)),
                    format!("`{name}` has no source chapter of that name, so it is not built"),
                )
                .with_help("name translated files exactly like the source files"),
            );
            continue;
        }
        let split = match split_front_matter(text) {
            Ok(s) => s,
            Err(line) => {
                diags.push(Diagnostic::error(
                    Code::UnclosedFrontMatter,
                    Some(Location::in_text(&path, text, line, 1)),
                    "the front matter is not closed",
                ));
                continue;
            }
        };
        if name == "index.md" {
            if let Some(y) = split.yaml {
                match yaml::parse::<TranslationMeta>(&path, text, y, split.yaml_line) {
                    Ok(mut meta) => {
                        meta.r#abstract = super::title_page::non_blank(meta.r#abstract);
                        t.meta = meta;
                    }
                    Err(d) => diags.push(d),
                }
            }
            t.index_path = Some(path.clone());
        }
        t.chapters.push(MarkdownFile {
            name,
            path: path.clone(),
            body: split.body.into(),
            body_line: split.body_line,
        });
    }
    Ok(Some(t))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_sort_as_numbers() {
        let mut v: Vec<Version> = ["1.10", "1.9", "2.0", "1.0"]
            .iter()
            .filter_map(|s| Version::parse(s))
            .collect();
        v.sort();
        let names: Vec<&str> = v.iter().map(|v| v.name.as_str()).collect();
        assert_eq!(names, ["1.0", "1.9", "1.10", "2.0"]);
    }

    #[test]
    fn version_names_must_be_numbers() {
        for bad in ["v1", "1.x", "", "1..2", "latest"] {
            assert!(Version::parse(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn dates_are_checked() {
        assert!(is_date("2025-03-14"));
        assert!(!is_date("2025-13-14"));
        assert!(!is_date("14/03/2025"));
    }
}
