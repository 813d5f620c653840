//! The command layer: one file per subcommand, each with one entry function that turns the
//! command line ([`crate::cli`]) into plain options for the library below. No clap type goes
//! further down than this.

mod build;
mod changed;
mod check;
mod diff;
mod new;
mod serve;
mod translate;

use crate::cli::{CacheArgs, Cli, Command, SiteArgs};
use crate::error::{Error, Result};
use crate::pipeline::Options;

/// Runs one command line.
pub fn run(cli: Cli) -> Result<()> {
    match cli.command {
        Command::Build(args) => build::run(&args),
        Command::Changed(args) => changed::run(&args),
        Command::Check(args) => check::run(&args),
        Command::Diff(args) => diff::run(&args),
        Command::New(args) => new::run(&args),
        Command::Serve(args) => serve::run(&args),
        Command::Translate(t) => translate::run(&t),
        Command::Completions { shell } => {
            use clap::CommandFactory;
            clap_complete::generate(shell, &mut Cli::command(), "bcop", &mut std::io::stdout());
            Ok(())
        }
    }
}

/// Writes a command's report to standard output. A reader that stops early (`bcop diff … |
/// head`) closes the pipe: that ends the output, and is not an error.
fn print(text: &str) -> Result<()> {
    use std::io::Write;
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(Error::io(std::path::Path::new("<standard output>"), e))
        }
        _ => Ok(()),
    }
}

/// The pipeline's options for a site's arguments.
fn options(site: &SiteArgs, pdf: bool) -> Options {
    Options {
        drafts: site.drafts,
        base_url: site.base_url.clone(),
        pdf,
        ..with_cache(Options::new(&site.root), &site.cache)
    }
}

/// `options` with the cache folder of `--cache-dir` or `BCOP_CACHE_DIR`, where one is given.
/// Relative to the current folder, like any path on the command line; empty means unset.
fn with_cache(mut options: Options, cache: &CacheArgs) -> Options {
    if let Some(dir) = cache
        .cache_dir
        .as_ref()
        .filter(|d| !d.as_os_str().is_empty())
    {
        options.cache_dir = dir.clone();
    }
    options
}
