//! The command line, as the user sees it in `--help`.

use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

/// `bcop --version`: the version and the commit it was built from (see `build.rs`).
const VERSION: &str = concat!(
    env!("CARGO_PKG_VERSION"),
    " (commit ",
    env!("BCOP_COMMIT"),
    ")"
);

/// bcop publishes versioned, multilingual best-practice documents as a static site.
#[derive(Debug, Parser)]
#[command(name = "bcop", version = VERSION, about, long_about = None)]
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
    /// Report every problem in the site at once, without writing anything.
    ///
    /// Checks front matter, versions and statuses, duplicate ids, internal links and #anchors
    /// (across documents, versions and languages), images, Fluent catalogs and templates.
    /// Exit status: 0 when there are no errors, 1 when there are, 2 for a usage error.
    Check(CheckArgs),
    /// Start a new document, a new version of one, or a translation.
    ///
    /// `bcop new cpe-security --title "CPE security"` creates content/cpe-security/1.0/ as a
    /// draft. `bcop new cpe-security --version 2.0` copies the latest version into 2.0 as a
    /// draft that supersedes it, with its translations. `bcop new cpe-security --lang ja`
    /// copies the latest version's source files into locales/ja/ for translating.
    New(NewArgs),
    /// Preview the site with live reload, in every language at once.
    ///
    /// Builds in memory (public/ is never touched), serves on http://127.0.0.1:1111/, rebuilds
    /// when content/, locales/, themes/, templates/, static/ or site.yaml change, reloads the
    /// open pages, and shows build errors over the page until the next good save.
    Serve(ServeArgs),
    /// Show what changed between two versions of a document, before or after publishing.
    ///
    /// Lists the requirements added, removed, reworded, strengthened, weakened or moved, then
    /// a redline of every changed section: `[-deleted-]{+inserted+}` words inside changed
    /// paragraphs. `bcop diff abuse-desk 1.0 2.0 --lang ja` compares the Japanese texts when
    /// both versions are translated in full (else the source, with a note). Drafts count.
    Diff(DiffArgs),
    /// What a change publishes: the documents, versions and languages whose pages or PDFs
    /// differ from a git commit, and the translations whose state changed.
    ///
    /// Compares the site at --since (read from git, in a temporary folder) with the site in
    /// the working tree as it is now, committed or not. Both are built in memory without
    /// typesetting: a PDF counts as changed when what goes into it changed. Nothing is
    /// written. Exit status: 0 whether or not anything changed, 1 when the folder is not in a
    /// git repository, the commit does not exist, or a site cannot be built.
    Changed(ChangedArgs),
    /// Translation integrity: stamp translations, and see what is missing or outdated.
    #[command(subcommand)]
    Translate(TranslateCommand),
    /// Print a shell completion script: `bcop completions bash > /etc/bash_completion.d/bcop`.
    Completions {
        /// bash, zsh, fish, elvish or powershell.
        shell: clap_complete::Shell,
    },
}

#[derive(Debug, Clone, Copy, Default, clap::ValueEnum)]
pub enum Format {
    /// Messages with path:line:col and the source line.
    #[default]
    Human,
    /// One JSON object; the schema is in the README.
    Json,
}

/// How `check` reports its diagnostics (on standard output).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum CheckFormat {
    /// Messages with path:line:col and the source line.
    #[default]
    Human,
    /// One JSON object; the schema is in the README.
    Json,
    /// GitHub Actions workflow commands (`::error file=…,line=…::…`), which a workflow shows
    /// as annotations on the lines of a pull request.
    Github,
}

/// How `build` reports its diagnostics (on standard error, before its summary line).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum BuildFormat {
    /// Messages with path:line:col and the source line.
    #[default]
    Human,
    /// GitHub Actions workflow commands (`::error file=…,line=…::…`), which a workflow shows
    /// as annotations on the lines of a pull request.
    Github,
}

/// How `changed` reports (on standard output).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum ChangedFormat {
    /// A list per document, version and language, with the pages.
    #[default]
    Human,
    /// One JSON object; the schema is in the README.
    Json,
    /// A heading and a table, to post as a pull request comment or a job summary.
    Markdown,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub site: SiteArgs,
    /// Treat warnings as errors (for CI).
    #[arg(long)]
    pub strict: bool,
    /// Output format, on standard output.
    #[arg(long, value_enum, default_value_t = CheckFormat::Human)]
    pub format: CheckFormat,
}

#[derive(Debug, Args)]
pub struct ChangedArgs {
    /// The git commit, branch or tag to compare with (e.g. origin/main, HEAD~1).
    #[arg(long, value_name = "REF")]
    pub since: String,
    /// Output format, on standard output.
    #[arg(long, value_enum, default_value_t = ChangedFormat::Human)]
    pub format: ChangedFormat,
    /// Where the site is published: the markdown report links each changed page there.
    #[arg(long, value_name = "URL")]
    pub base_url: Option<String>,
    /// The site's folder, which holds site.yaml; it must be in a git repository.
    #[arg(long, default_value = ".", value_name = "DIR")]
    pub root: PathBuf,
    /// Include documents and versions whose status is draft.
    #[arg(long)]
    pub drafts: bool,
}

#[derive(Debug, Args)]
pub struct DiffArgs {
    /// The document's folder name under content/, e.g. abuse-desk.
    pub doc: String,
    /// The older version, e.g. 1.0.
    pub from: String,
    /// The newer version, e.g. 2.0.
    pub to: String,
    /// Compare this language's texts (default: the source language).
    #[arg(long, value_name = "LANG")]
    pub lang: Option<String>,
    /// Output format (json: the schema is in the README).
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// The site's folder, which holds site.yaml.
    #[arg(long, default_value = ".", value_name = "DIR")]
    pub root: PathBuf,
}

#[derive(Debug, Args)]
pub struct NewArgs {
    /// The document's folder name under content/, e.g. abuse-desk.
    pub doc: String,
    /// Title of a new document (default: the folder name in words).
    #[arg(long)]
    pub title: Option<String>,
    /// Make a translation skeleton for this language from the latest version.
    #[arg(long, value_name = "LANG")]
    pub lang: Option<String>,
    /// Start this new version from the latest one (e.g. 2.0).
    #[arg(long, value_name = "VERSION")]
    pub version: Option<String>,
    /// The site's folder, which holds site.yaml.
    #[arg(long, default_value = ".", value_name = "DIR")]
    pub root: PathBuf,
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
    #[command(flatten)]
    pub cache: CacheArgs,
}

#[derive(Debug, Args, Clone)]
pub struct CacheArgs {
    /// Where to keep the PDF cache between builds (default: .bcop-cache/ in the site's
    /// folder). A relative path is relative to the current folder. An empty BCOP_CACHE_DIR
    /// counts as unset; --cache-dir wins over it.
    #[arg(
        long,
        value_name = "DIR",
        env = "BCOP_CACHE_DIR",
        // Accepts an empty value, which clap's path parser refuses: it means unset.
        value_parser = clap::builder::TypedValueParser::map(
            clap::builder::OsStringValueParser::new(),
            PathBuf::from
        )
    )]
    pub cache_dir: Option<PathBuf>,
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
    /// Skip the PDFs, for a quick build (the print editions are still made).
    #[arg(long)]
    pub no_pdf: bool,
    /// How to report problems, on standard error; the summary line follows either way.
    #[arg(long, value_enum, default_value_t = BuildFormat::Human)]
    pub format: BuildFormat,
}

#[derive(Debug, Args, Clone)]
pub struct ServeArgs {
    /// The site's folder, which holds site.yaml.
    #[arg(long, default_value = ".", value_name = "DIR")]
    pub root: PathBuf,
    /// Port to listen on (0 picks a free one).
    #[arg(long, default_value_t = 1111)]
    pub port: u16,
    /// Address to listen on. Only loopback addresses unless --allow-remote is given.
    #[arg(long, default_value = "127.0.0.1", value_name = "ADDR")]
    pub bind: String,
    /// Allow --bind to be an address that other machines can reach.
    #[arg(long)]
    pub allow_remote: bool,
    /// Include drafts.
    #[arg(long)]
    pub drafts: bool,
    /// Also typeset the PDFs on every rebuild (off by default: they take longer).
    #[arg(long)]
    pub pdf: bool,
    #[command(flatten)]
    pub cache: CacheArgs,
}

#[derive(Debug, Subcommand)]
pub enum TranslateCommand {
    /// Record that translated files now match the current source, section by section.
    ///
    /// Give translated files (locales/<lang>/<doc>/<version>/<file>.md) or a translated version
    /// folder. The fingerprints go into that version's translated index.md, under `source:`.
    Stamp {
        /// Translated files or folders.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// The site's folder, which holds site.yaml.
        #[arg(long, default_value = ".", value_name = "DIR")]
        root: PathBuf,
    },
    /// Show coverage and outdated sections per document, version and language, with the
    /// source's diff since each stamp (from git history when the site is a git repository).
    Status {
        /// Only this language.
        #[arg(long)]
        lang: Option<String>,
        /// Only this document.
        #[arg(long)]
        doc: Option<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
        /// The site's folder, which holds site.yaml.
        #[arg(long, default_value = ".", value_name = "DIR")]
        root: PathBuf,
    },
}
