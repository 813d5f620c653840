//! Stage 1: read the source tree into plain data.
//!
//! This is the only stage that reads the site's files. It validates what it reads (front matter,
//! version folder names, catalogs' syntax) so that later stages can trust it.

pub mod content;
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
    /// Warnings found while loading; errors stop the load.
    pub warnings: Vec<Diagnostic>,
}

/// Reads the site at `root`. Every problem found is reported together.
pub fn load(root: &Path, base_url: Option<&str>) -> Result<Source> {
    let config = SiteConfig::load(root, base_url)?;
    let mut diags = Vec::new();
    let documents = content::load_documents(root, &config, &mut diags)?;
    let codes: Vec<String> = config.languages.iter().map(|l| l.code.clone()).collect();
    let theme = theme::load_theme(root, &config.theme, &codes)?;
    split_errors(diags).map(|warnings| Source {
        root: root.to_path_buf(),
        config,
        documents,
        theme,
        warnings,
    })
}

/// Returns the warnings, or fails with every diagnostic if any is an error.
pub fn split_errors(mut diags: Vec<Diagnostic>) -> Result<Vec<Diagnostic>> {
    diags.sort();
    diags.dedup();
    if diags.iter().any(|d| d.severity == Severity::Error) {
        diags.sort_by_key(|d| std::cmp::Reverse(d.severity));
        Err(Error::Site(diags))
    } else {
        Ok(diags)
    }
}
