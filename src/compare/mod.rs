//! What a change publishes (`bcop changed`): the site at a git commit and the site in the
//! working tree, each compiled in memory, compared output file by output file.
//!
//! Neither side is typeset: a PDF is compared by its cache key, the hash of everything that
//! goes into it (the generated Typst file, the images, the fonts), which is equal exactly when
//! typesetting would give the same PDF. Each changed file is traced back to its document,
//! version and language through the output's layout ([`crate::paths::out`]); the files that
//! belong to no document (home page, catalogs, sitemap, feeds, theme files) are listed apart.

mod git;
pub mod report;
mod snapshot;

use crate::error::Result;
use serde::Serialize;
use snapshot::Snapshot;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The report, as `--format json` prints it; the schema is in the README.
#[derive(Debug, Serialize)]
pub struct Changes {
    /// Schema version of this report.
    pub version: u32,
    /// The ref as given, and the commit it names.
    pub since: String,
    pub commit: String,
    /// Per document, version and language, in the site's order.
    pub changed: Vec<Edition>,
    /// Files that belong to no document.
    pub site: Vec<FileChange>,
}

#[derive(Debug, Serialize)]
pub struct Edition {
    pub doc: String,
    /// `None` for a document's pages about all its versions (its version history, the
    /// redirect to its latest version).
    pub version: Option<String>,
    pub lang: String,
    pub pages: Vec<FileChange>,
    /// How its PDF changed, if it did.
    pub pdf: Option<Change>,
    pub translation: Option<Transition>,
}

#[derive(Debug, Serialize)]
pub struct FileChange {
    /// Relative to the output's root, with `/` separators.
    pub path: String,
    pub change: Change,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Change {
    Added,
    Changed,
    Removed,
}

/// A translation's state before and after; `None` where the version or language is not in
/// the site.
#[derive(Debug, Serialize)]
pub struct Transition {
    pub from: Option<&'static str>,
    pub to: Option<&'static str>,
}

/// Compares the site in `root`'s working tree with the same folder at the commit `since`.
pub fn changes(root: &Path, since: &str, drafts: bool) -> Result<Changes> {
    let repo = git::Repo::of(root)?;
    let commit = repo.commit(since)?;
    let now = Snapshot::of(root, drafts, "the site in the working tree")?;
    let before = match repo.checkout(&commit)? {
        Some(tree) if tree.path().join(crate::paths::site::CONFIG).is_file() => {
            Snapshot::of(tree.path(), drafts, &format!("the site at {since}"))?
        }
        // The site is new since then: everything is added.
        _ => Snapshot::default(),
    };
    Ok(compare(&before, &now, since, commit))
}

/// Where an output file belongs.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Place {
    /// The document's and version's places in the site's order, then the language's.
    order: (usize, usize, usize),
    doc: String,
    version: Option<String>,
    lang: String,
}

/// The site's layout as both sides know it, to trace files back to their documents.
struct Layout {
    languages: Vec<String>,
    documents: Vec<(String, Vec<String>)>,
}

impl Layout {
    fn of(before: &Snapshot, now: &Snapshot) -> Self {
        let mut languages = now.languages.clone();
        let mut documents = now.documents.clone();
        for l in &before.languages {
            if !languages.contains(l) {
                languages.push(l.clone());
            }
        }
        for (doc, versions) in &before.documents {
            match documents.iter_mut().find(|(d, _)| d == doc) {
                Some((_, vs)) => {
                    for v in versions {
                        if !vs.contains(v) {
                            vs.push(v.clone());
                        }
                    }
                }
                None => documents.push((doc.clone(), versions.clone())),
            }
        }
        Self {
            languages,
            documents,
        }
    }

    /// `<lang>/<doc>/<version>/…` belongs to that version, `<lang>/<doc>/<page>` to the
    /// document; anything else to the site.
    fn place(&self, path: &str) -> Option<Place> {
        let parts: Vec<&str> = path.split('/').collect();
        let [lang, doc, rest @ ..] = parts.as_slice() else {
            return None;
        };
        let li = self.languages.iter().position(|l| l == lang)?;
        let di = self.documents.iter().position(|(d, _)| d == doc)?;
        let (version, vi) = match rest {
            [version, _, ..] => {
                let vi = self.documents[di].1.iter().position(|v| v == version)?;
                (Some(version.to_string()), vi + 1)
            }
            [_] => (None, 0),
            [] => return None,
        };
        Some(Place {
            order: (di, vi, li),
            doc: doc.to_string(),
            version,
            lang: lang.to_string(),
        })
    }

    fn place_of(&self, (doc, version, lang): &snapshot::EditionKey) -> Option<Place> {
        self.place(&format!(
            "{lang}/{doc}/{version}/{}",
            crate::paths::out::INDEX
        ))
    }
}

fn compare(before: &Snapshot, now: &Snapshot, since: &str, commit: String) -> Changes {
    let layout = Layout::of(before, now);
    let mut editions: BTreeMap<Place, Edition> = BTreeMap::new();
    let mut site = Vec::new();
    for (path, change) in differences(&before.files, &now.files) {
        let file = FileChange { path, change };
        match layout.place(&file.path) {
            Some(place) => edition(&mut editions, place).pages.push(file),
            None => site.push(file),
        }
    }
    for (path, change) in differences(&before.pdfs, &now.pdfs) {
        if let Some(place) = layout.place(&path) {
            edition(&mut editions, place).pdf = Some(change);
        }
    }
    let keys: BTreeSet<_> = before
        .translations
        .keys()
        .chain(now.translations.keys())
        .collect();
    for key in keys {
        let (from, to) = (
            before.translations.get(key).copied(),
            now.translations.get(key).copied(),
        );
        if from != to
            && let Some(place) = layout.place_of(key)
        {
            edition(&mut editions, place).translation = Some(Transition { from, to });
        }
    }
    Changes {
        version: 1,
        since: since.to_string(),
        commit,
        changed: editions.into_values().collect(),
        site,
    }
}

fn edition(editions: &mut BTreeMap<Place, Edition>, place: Place) -> &mut Edition {
    editions.entry(place.clone()).or_insert_with(|| Edition {
        doc: place.doc,
        version: place.version,
        lang: place.lang,
        pages: Vec::new(),
        pdf: None,
        translation: None,
    })
}

/// The keys whose values differ, in order, with how.
fn differences<V: PartialEq>(
    before: &BTreeMap<String, V>,
    now: &BTreeMap<String, V>,
) -> Vec<(String, Change)> {
    let keys: BTreeSet<&String> = before.keys().chain(now.keys()).collect();
    keys.into_iter()
        .filter_map(|k| {
            let change = match (before.get(k), now.get(k)) {
                (None, Some(_)) => Change::Added,
                (Some(_), None) => Change::Removed,
                (Some(a), Some(b)) if a != b => Change::Changed,
                _ => return None,
            };
            Some((k.clone(), change))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn layout() -> Layout {
        Layout {
            languages: vec!["en".into(), "pt-BR".into()],
            documents: vec![("cpe".into(), vec!["1.0".into(), "2.0".into()])],
        }
    }

    #[test]
    fn output_paths_trace_back_to_their_document_version_and_language() {
        let l = layout();
        let p = l
            .place("pt-BR/cpe/2.0/03-x.html")
            .expect("a version's page");
        assert_eq!(
            (p.doc.as_str(), p.version.as_deref(), p.lang.as_str()),
            ("cpe", Some("2.0"), "pt-BR")
        );
        assert_eq!(p.order, (0, 2, 1));
        let d = l.place("en/cpe/versions.html").expect("a document's page");
        assert_eq!(d.version, None);
        for site in [
            "index.html",
            "en/index.html",
            "sitemap.xml",
            "de/cpe/1.0/index.html",
            "en/other/1.0/index.html",
            "en/cpe/3.0/index.html",
            "static/style.css",
        ] {
            assert!(l.place(site).is_none(), "{site}");
        }
    }

    #[test]
    fn differences_are_added_changed_or_removed() {
        let before = BTreeMap::from([("a".to_string(), 1), ("b".into(), 2), ("c".into(), 3)]);
        let now = BTreeMap::from([("b".to_string(), 2), ("c".into(), 4), ("d".into(), 5)]);
        assert_eq!(
            differences(&before, &now),
            vec![
                ("a".to_string(), Change::Removed),
                ("c".into(), Change::Changed),
                ("d".into(), Change::Added)
            ]
        );
    }
}
