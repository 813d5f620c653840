//! `bcop new`: scaffold a document, a new version of one, or a translation to start from.

use crate::cli::NewArgs;
use crate::edit;
use crate::error::{Code, Error, Result, fs};
use crate::load::config::SiteConfig;
use crate::load::content::{Version, is_slug};
use crate::paths::site;
use std::path::{Path, PathBuf};

pub fn run(args: &NewArgs) -> Result<()> {
    let config = SiteConfig::load(&args.root, None)?;
    if !is_slug(&args.doc) {
        return Err(Error::command(
            Code::BadArgument,
            format!("`{}` is not a document name", args.doc),
            "use lowercase letters, digits and hyphens, e.g. abuse-desk",
        ));
    }
    let created = match (&args.version, &args.lang) {
        (Some(v), _) => new_version(&args.root, &config, &args.doc, v)?,
        (None, Some(lang)) => new_translation(&args.root, &config, &args.doc, lang)?,
        (None, None) => new_document(&args.root, &args.doc, args.title.as_deref())?,
    };
    for path in &created {
        println!("created {}", path.display());
    }
    Ok(())
}

fn new_document(root: &Path, doc: &str, title: Option<&str>) -> Result<Vec<PathBuf>> {
    let dir = site::document(root, doc);
    if dir.exists() {
        return Err(Error::command(
            Code::AlreadyExists,
            format!("{} already exists", dir.display()),
            format!("use `bcop new {doc} --version X.Y` to start a new version"),
        ));
    }
    let title = title.map_or_else(|| title_from_slug(doc), str::to_string);
    let path = dir.join("1.0").join("index.md");
    let text = format!(
        "---\ntitle: {}\nstatus: draft\n# date: YYYY-MM-DD (required once published)\n# id: BCOP-XXX\nsummary: \"\"\nauthors: []\n---\n\n## Scope\n\n## Recommendations\n\n## References\n",
        edit::quote(&title)
    );
    write_new(&path, &text)?;
    Ok(vec![path])
}

fn title_from_slug(slug: &str) -> String {
    slug.split(['-', '_'])
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect::<String>())
                .unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The newest version folder of a document.
fn latest_version(root: &Path, doc: &str) -> Result<Version> {
    let dir = site::document(root, doc);
    let entries = std::fs::read_dir(&dir).map_err(|e| Error::io(&dir, e))?;
    entries
        .filter_map(|e| e.ok())
        .filter(|e| e.path().is_dir())
        .filter_map(|e| Version::parse(&e.file_name().to_string_lossy()))
        .max()
        .ok_or_else(|| {
            Error::command(
                Code::BadArgument,
                format!("{} has no version folder", dir.display()),
                "start the document with `bcop new <doc>`",
            )
        })
}

fn new_version(root: &Path, config: &SiteConfig, doc: &str, version: &str) -> Result<Vec<PathBuf>> {
    let Some(new) = Version::parse(version) else {
        return Err(Error::command(
            Code::BadArgument,
            format!("`{version}` is not a version number"),
            "use one such as 2.0 or 1.1",
        ));
    };
    let latest = latest_version(root, doc)?;
    if new <= latest {
        return Err(Error::command(
            Code::BadArgument,
            format!(
                "version {version} is not newer than the latest version, {}",
                latest.name
            ),
            "a new version comes after the latest one",
        ));
    }
    let from = site::version(root, doc, &latest.name);
    let to = site::version(root, doc, &new.name);
    let mut plan = vec![(from, to.clone())];
    // Translations come along with their stamps: every section the editors change in the new
    // version then shows up as outdated, so translators see exactly what to redo.
    for lang in config.languages.iter().skip(1) {
        let from = site::translation(root, &lang.code, doc, &latest.name);
        if from.is_dir() {
            plan.push((from, site::translation(root, &lang.code, doc, &new.name)));
        }
    }
    // Nothing is written unless every folder is new.
    if let Some((_, taken)) = plan.iter().find(|(_, to)| to.exists()) {
        return Err(exists(taken));
    }
    let index = to.join("index.md");
    let mut text = fs::read_to_string(&plan[0].0.join("index.md"))?;
    for key in ["date", "superseded_by"] {
        text = edit::remove_key(&text, key);
    }
    text = edit::set_key(&text, "status", " draft");
    text = edit::set_key(
        &text,
        "supersedes",
        &format!(" {}", edit::quote(&latest.name)),
    );
    let mut created = Vec::new();
    for (from, to) in &plan {
        created.extend(copy_tree(from, to, Some((&index, &text)))?);
    }
    Ok(created)
}

fn new_translation(
    root: &Path,
    config: &SiteConfig,
    doc: &str,
    lang: &str,
) -> Result<Vec<PathBuf>> {
    if config.language(lang).is_none() || config.is_source(lang) {
        let codes: Vec<&str> = config
            .languages
            .iter()
            .skip(1)
            .map(|l| l.code.as_str())
            .collect();
        return Err(Error::command(
            Code::BadArgument,
            format!("`{lang}` is not a translation language of this site"),
            format!("site.yaml lists: {}", codes.join(", ")),
        ));
    }
    let latest = latest_version(root, doc)?;
    let from = site::version(root, doc, &latest.name);
    let to = site::translation(root, lang, doc, &latest.name);
    let mut files = Vec::new();
    for entry in std::fs::read_dir(&from).map_err(|e| Error::io(&from, e))? {
        let path = entry.map_err(|e| Error::io(&from, e))?.path();
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if name.ends_with(".md") {
            files.push((path, to.join(&name), name == "index.md"));
        }
    }
    files.sort();
    // Nothing is written unless every file is new.
    if let Some((_, taken, _)) = files.iter().find(|(_, to, _)| to.exists()) {
        return Err(exists(taken));
    }
    let mut created = Vec::new();
    for (source, target, is_index) in files {
        let text = fs::read_to_string(&source)?;
        let text = if is_index {
            translation_index(&text)
        } else {
            text
        };
        write_new(&target, &text)?;
        created.push(target);
    }
    Ok(created)
}

/// A translated index.md starts with the source's title and body, and only translation keys.
fn translation_index(source: &str) -> String {
    let split = crate::load::yaml::split_front_matter(source).ok();
    let body = split.as_ref().map_or(source, |s| s.body);
    let title = split
        .and_then(|s| s.yaml)
        .and_then(|y| serde_yaml::from_str::<serde_yaml::Mapping>(y).ok())
        .and_then(|m| m.get("title").and_then(|t| t.as_str()).map(str::to_string))
        .unwrap_or_default();
    format!(
        "---\ntitle: {}\ntranslators: []\n---\n{body}",
        edit::quote(&title)
    )
}

fn exists(path: &Path) -> Error {
    Error::command(
        Code::AlreadyExists,
        format!("{} already exists; nothing was changed", path.display()),
        "bcop new never overwrites a file: move it away first, or leave it as it is",
    )
}

/// Writes a new file, never over an existing one.
fn write_new(path: &Path, text: &str) -> Result<()> {
    if path.exists() {
        return Err(exists(path));
    }
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent)?;
    }
    fs::create_new(path, text.as_bytes())
}

/// Copies the folder `from` to the new folder `to`, file by file, never over an existing file;
/// `replace` gives one target file other text than its source's.
fn copy_tree(from: &Path, to: &Path, replace: Option<(&Path, &str)>) -> Result<Vec<PathBuf>> {
    let mut created = Vec::new();
    for entry in walkdir::WalkDir::new(from).sort_by_file_name() {
        let entry = entry.map_err(|e| Error::io(from, e.into()))?;
        let rel = entry.path().strip_prefix(from).unwrap_or(entry.path());
        let target = to.join(rel);
        if entry.file_type().is_dir() {
            fs::create_dir_all(&target)?;
        } else if entry.file_type().is_file() {
            let bytes = match replace {
                Some((path, text)) if path == target => text.as_bytes().to_vec(),
                _ => fs::read(entry.path())?,
            };
            fs::create_new(&target, &bytes)?;
            created.push(target);
        }
    }
    Ok(created)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_come_from_the_folder_name() {
        assert_eq!(title_from_slug("abuse-desk"), "Abuse Desk");
    }

    #[test]
    fn a_translation_index_keeps_title_and_body_only() {
        let t = translation_index("---\ntitle: CPE\nstatus: published\n---\n# Intro\n");
        assert_eq!(t, "---\ntitle: \"CPE\"\ntranslators: []\n---\n# Intro\n");
    }
}
