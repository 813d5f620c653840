//! The command line, as the user sees it in `--help`.

use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

/// bcop publishes versioned, multilingual best-practice documents as a static site.
#[derive(Debug, Parser)]
#[command(name = "bcop", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build the site into the output folder (public/ by default).
    ///
    /// The build is atomic: it writes to a staging folder and replaces the output folder only
    /// when everything succeeded, so a failed build leaves the last good site untouched.
    Build(BuildArgs),
}

#[derive(Debug, Args, Clone)]
pub struct SiteArgs {
    /// The site's folder, which holds site.yaml.
    #[arg(long, default_value = ".", value_name = "DIR")]
    pub root: PathBuf,
    /// Include documents and versions whose status is draft.
    #[arg(long)]
    pub drafts: bool,
    /// Override base_url from site.yaml (e.g. https://bcop.example.org/).
    #[arg(long, value_name = "URL")]
    pub base_url: Option<String>,
}

#[derive(Debug, Args)]
pub struct BuildArgs {
    #[command(flatten)]
    pub site: SiteArgs,
    /// Where to write the site. Relative paths are relative to --root.
    #[arg(long, default_value = "public", value_name = "DIR")]
    pub out: PathBuf,
    /// Treat warnings as errors (for CI).
    #[arg(long)]
    pub strict: bool,
}
