//! `bcop translate stamp`: record that a translation now matches the current source.

use super::stamped_parts;
use crate::edit;
use crate::error::{Code, Error, Result, fs};
use crate::load::yaml::split_front_matter;
use crate::paths::site;
use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};

/// A translated file, located in the site: `locales/<lang>/<doc>/<version>/<file>`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    pub lang: String,
    pub doc: String,
    pub version: String,
    pub file: String,
}

/// Stamps each translated file (or every `.md` in a translated version folder). Returns what
/// was stamped, as `lang/doc/version/file`, and the `index.md` files that were rewritten. Every
/// check runs before the first write, so a bad argument changes nothing.
pub fn stamp(root: &Path, inputs: &[PathBuf]) -> Result<(Vec<String>, Vec<PathBuf>)> {
    let mut targets = Vec::new();
    for input in inputs {
        targets.extend(expand(root, input)?);
    }
    // Group per translated version: its stamps live in one index.md.
    let mut groups: BTreeMap<(String, String, String), Vec<String>> = BTreeMap::new();
    for t in targets {
        groups
            .entry((t.lang, t.doc, t.version))
            .or_default()
            .push(t.file);
    }
    let mut done = Vec::new();
    let mut writes = Vec::new();
    for ((lang, doc, version), files) in groups {
        let tdir = site::translation(root, &lang, &doc, &version);
        let sdir = site::version(root, &doc, &version);
        let index = tdir.join("index.md");
        if !index.is_file() {
            return Err(Error::command(
                Code::NotATranslation,
                format!(
                    "{} does not exist: stamps are kept in the translation's index.md",
                    index.display()
                ),
                format!("create it first: bcop new {doc} --lang {lang}"),
            ));
        }
        let mut text = fs::read_to_string(&index)?;
        let mut stamps = current_stamps(&text);
        for file in files {
            let source = sdir.join(&file);
            if !source.is_file() {
                return Err(Error::command(
                    Code::NotATranslation,
                    format!(
                        "{}: there is no source file {} to stamp against",
                        tdir.join(&file).display(),
                        source.display()
                    ),
                    "a translated file has the same name as its source file in content/",
                ));
            }
            let src = fs::read_to_string(&source)?;
            let body = split_front_matter(&src).map_or(src.as_str(), |s| s.body);
            if file == "index.md" {
                match source_abstract(&src) {
                    Some(a) => {
                        stamps.insert(super::ABSTRACT.to_string(), super::abstract_stamp(&a))
                    }
                    None => stamps.remove(super::ABSTRACT),
                };
            }
            let map = stamped_parts(body)
                .into_iter()
                .map(|s| (s.id, s.hash))
                .collect();
            stamps.insert(file.clone(), map);
            done.push(format!("{lang}/{doc}/{version}/{file}"));
        }
        text = edit::set_key(&text, "source", &yaml_block(&stamps));
        writes.push((index, text));
    }
    let mut written = Vec::new();
    for (index, text) in writes {
        fs::replace(&index, text.as_bytes())?;
        written.push(index);
    }
    Ok((done, written))
}

/// The abstract in the front matter of a source `index.md`, when it has one that is not blank.
fn source_abstract(index_text: &str) -> Option<String> {
    #[derive(serde::Deserialize, Default)]
    struct Only {
        #[serde(default, rename = "abstract")]
        r#abstract: Option<String>,
    }
    split_front_matter(index_text)
        .ok()
        .and_then(|s| s.yaml)
        .and_then(|y| serde_yaml::from_str::<Only>(y).ok())
        .and_then(|o| o.r#abstract)
        .filter(|a| !a.trim().is_empty())
}

fn current_stamps(index_text: &str) -> BTreeMap<String, BTreeMap<String, String>> {
    #[derive(serde::Deserialize, Default)]
    struct Only {
        #[serde(default)]
        source: BTreeMap<String, BTreeMap<String, String>>,
    }
    split_front_matter(index_text)
        .ok()
        .and_then(|s| s.yaml)
        .and_then(|y| serde_yaml::from_str::<Only>(y).ok())
        .unwrap_or_default()
        .source
}

fn yaml_block(stamps: &BTreeMap<String, BTreeMap<String, String>>) -> String {
    let mut out = String::new();
    for (file, sections) in stamps {
        out.push_str(&format!("\n  {}:", edit::quote(file)));
        for (id, hash) in sections {
            out.push_str(&format!("\n    {}: {hash}", edit::quote(id)));
        }
    }
    out
}

/// The translated files an argument names: a file, or every `.md` of a version folder.
fn expand(root: &Path, input: &Path) -> Result<Vec<Target>> {
    let files: Vec<PathBuf> = if input.is_dir() {
        let mut v: Vec<PathBuf> = std::fs::read_dir(input)
            .map_err(|e| Error::io(input, e))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "md"))
            .collect();
        v.sort();
        v
    } else if input.is_file() {
        vec![input.to_path_buf()]
    } else {
        return Err(Error::command(
            Code::BadArgument,
            format!("{}: no such file or folder", input.display()),
            "give a translated file or a translated version folder under locales/",
        ));
    };
    files.iter().map(|f| locate(root, f)).collect()
}

/// Works out language, document, version and file name from a path under `locales/`.
pub fn locate(root: &Path, file: &Path) -> Result<Target> {
    let abs_root = std::fs::canonicalize(root).map_err(|e| Error::io(root, e))?;
    let abs = std::fs::canonicalize(file).map_err(|e| Error::io(file, e))?;
    let rel = abs
        .strip_prefix(abs_root.join(site::LOCALES))
        .map_err(|_| {
            Error::command(
                Code::NotATranslation,
                format!("{} is not a translation", file.display()),
                format!(
                    "translations live in locales/<lang>/<doc>/<version>/ of the site at {}",
                    root.display()
                ),
            )
        })?;
    let parts: Vec<String> = rel
        .components()
        .filter_map(|c| match c {
            Component::Normal(s) => Some(s.to_string_lossy().into_owned()),
            _ => None,
        })
        .collect();
    match parts.as_slice() {
        [lang, doc, version, file] if file.ends_with(".md") => Ok(Target {
            lang: lang.clone(),
            doc: doc.clone(),
            version: version.clone(),
            file: file.clone(),
        }),
        _ => Err(Error::command(
            Code::NotATranslation,
            format!("{} is not a translated chapter", file.display()),
            "give a file locales/<lang>/<doc>/<version>/<file>.md",
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stamps_are_written_as_a_quoted_yaml_block() {
        let mut m = BTreeMap::new();
        m.insert(
            "index.md".to_string(),
            BTreeMap::from([("intro".to_string(), "abc".to_string())]),
        );
        assert_eq!(yaml_block(&m), "\n  \"index.md\":\n    \"intro\": abc");
        let text = edit::set_key("---\ntitle: T\n---\nBody\n", "source", &yaml_block(&m));
        assert_eq!(current_stamps(&text), m);
    }
}
