//! Stage 1: read the source tree into plain data.
//!
//! This is the only stage that reads the site's files. It validates what it reads (front matter,
//! version folder names, catalogs' syntax) so that later stages can trust it.

pub mod content;
pub mod files;
pub mod theme;
pub mod yaml;

use crate::config::SiteConfig;
use crate::error::{Diagnostic, Error, Result, Severity};
use std::path::{Path, PathBuf};

pub use content::{DocumentSource, MarkdownFile, Status, VersionSource};
pub use theme::ThemeSource;

/// Everything a build needs, as read from disk.
#[derive(Debug, Clone)]
pub struct Source {
    pub root: PathBuf,
    pub config: SiteConfig,
    pub documents: Vec<DocumentSource>,
    pub theme: ThemeSource,
    /// Problems found while loading. A document with an error is left out of `documents`, so
    /// that later stages can go on and `check` can report everything at once.
    pub diagnostics: Vec<Diagnostic>,
}

/// Reads the site at `root`. Fails only when there is no usable `site.yaml` or a file cannot be
/// read; problems in the files are collected in `Source::diagnostics`.
pub fn load(root: &Path, base_url: Option<&str>) -> Result<Source> {
    let config = SiteConfig::load(root, base_url)?;
    let mut diagnostics = Vec::new();
    let documents = content::load_documents(root, &config, &mut diagnostics)?;
    let codes: Vec<String> = config.languages.iter().map(|l| l.code.clone()).collect();
    let theme = match theme::load_theme(root, &config.theme, &codes) {
        Ok(t) => t,
        Err(Error::Site(d)) => {
            diagnostics.extend(d);
            ThemeSource::default()
        }
        Err(e) => return Err(e),
    };
    Ok(Source {
        root: root.to_path_buf(),
        config,
        documents,
        theme,
        diagnostics,
    })
}

pub fn has_errors(diags: &[Diagnostic]) -> bool {
    diags.iter().any(|d| d.severity == Severity::Error)
}
