//! Stage 1: read the source tree into plain data.
//!
//! This is the only stage that reads the site's files. It validates what it reads (front matter,
//! version folder names, catalogs' syntax) so that later stages can trust it.

pub mod config;
pub mod content;
pub mod files;
pub mod theme;
pub mod title_page;
pub mod yaml;

use crate::error::{Diagnostic, Error, Result, Severity};
use config::SiteConfig;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::sync::Arc;

pub use content::{DocEntry, DocumentSource, Fingerprint, MarkdownFile, Status, VersionSource};
pub use theme::ThemeSource;

/// Everything a build needs, as read from disk.
#[derive(Debug, Clone)]
pub struct Source {
    pub config: SiteConfig,
    pub documents: Vec<Arc<DocumentSource>>,
    pub theme: Arc<ThemeSource>,
    /// Problems found while loading. A document with an error is left out of `documents`, so
    /// that later stages can go on and `check` can report everything at once.
    pub diagnostics: Vec<Diagnostic>,
    /// Each folder of `content/` as loaded, by folder name: what [`reload`] starts from.
    entries: BTreeMap<String, DocEntry>,
    /// Problems in `site.yaml` and the theme.
    site_diagnostics: Vec<Diagnostic>,
}

/// What changed on disk since the last load, as far as a file watcher can tell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Changes {
    /// Anything may have changed: read everything.
    All,
    /// Only files of these documents (folder names under `content/` and `locales/<lang>/`).
    Documents(BTreeSet<String>),
}

impl Changes {
    /// Classifies changed paths (relative to the site root). Changes to one document's files
    /// are local to it; anything else (`site.yaml`, themes, templates, catalogs, a path
    /// outside every document) means a full reload.
    pub fn from_paths<'a>(paths: impl IntoIterator<Item = &'a Path>) -> Self {
        let mut docs = BTreeSet::new();
        for p in paths {
            match crate::paths::site::document_of(p) {
                Some(doc) => docs.insert(doc),
                None => return Self::All,
            };
        }
        Self::Documents(docs)
    }
}

/// Reads the site at `root`. Fails only when there is no usable `site.yaml` or a file cannot be
/// read; problems in the files are collected in `Source::diagnostics`.
pub fn load(root: &Path, base_url: Option<&str>) -> Result<Source> {
    reload_with(root, base_url, None, &Changes::All, |_, _| ()).map(|(source, ())| source)
}

/// Loads the site again after `changes`, rereading only what changed since `previous` was
/// loaded (with [`Changes::All`], everything, as [`load`] does). `with_settings` runs on
/// `site.yaml` and the theme while the documents load: the work that needs only those (the UI
/// catalogs and the templates) does not wait for them.
pub fn reload_with<T: Send>(
    root: &Path,
    base_url: Option<&str>,
    previous: Option<&Source>,
    changes: &Changes,
    with_settings: impl FnOnce(&SiteConfig, &Arc<ThemeSource>) -> T + Send,
) -> Result<(Source, T)> {
    if let (Some(prev), Changes::Documents(docs)) = (previous, changes) {
        let mut entries = prev.entries.clone();
        // Hidden folders are not documents (as in a full load).
        let names: Vec<String> = docs
            .iter()
            .filter(|d| !d.starts_with('.'))
            .cloned()
            .collect();
        let (loaded, extra) = rayon::join(
            || content::load_documents(root, &prev.config, &names),
            || with_settings(&prev.config, &prev.theme),
        );
        for (name, entry) in loaded? {
            if entry.doc.is_none() && entry.diagnostics.is_empty() {
                entries.remove(&name);
            } else {
                entries.insert(name, entry);
            }
        }
        let source = Source::assemble(
            prev.config.clone(),
            prev.theme.clone(),
            entries,
            prev.site_diagnostics.clone(),
        );
        return Ok((source, extra));
    }
    let config = SiteConfig::load(root, base_url)?;
    let mut site_diagnostics = Vec::new();
    let codes: Vec<String> = config.languages.iter().map(|l| l.code.clone()).collect();
    let theme = match theme::load_theme(root, &config.theme, &codes) {
        Ok(t) => t,
        Err(Error::Site(d)) => {
            site_diagnostics.extend(d);
            ThemeSource::default()
        }
        Err(e) => return Err(e),
    };
    let theme = Arc::new(theme);
    let (entries, extra) = rayon::join(
        || -> Result<BTreeMap<String, DocEntry>> {
            let names = content::document_folders(root)?;
            Ok(content::load_documents(root, &config, &names)?
                .into_iter()
                .collect())
        },
        || with_settings(&config, &theme),
    );
    let source = Source::assemble(config, theme, entries?, site_diagnostics);
    Ok((source, extra))
}

impl Source {
    fn assemble(
        config: SiteConfig,
        theme: Arc<ThemeSource>,
        entries: BTreeMap<String, DocEntry>,
        site_diagnostics: Vec<Diagnostic>,
    ) -> Self {
        let documents = entries.values().filter_map(|e| e.doc.clone()).collect();
        let mut diagnostics: Vec<Diagnostic> = entries
            .values()
            .flat_map(|e| e.diagnostics.iter().cloned())
            .collect();
        diagnostics.extend(site_diagnostics.iter().cloned());
        Self {
            config,
            documents,
            theme,
            diagnostics,
            entries,
            site_diagnostics,
        }
    }
}

pub fn has_errors(diags: &[Diagnostic]) -> bool {
    diags.iter().any(|d| d.severity == Severity::Error)
}
