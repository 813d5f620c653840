//! `bcop build`: load → resolve → render → write.
//!
//! Files are written into the staging folder as they are rendered (see [`crate::write`]); only
//! a build without errors (and, with `--strict`, without warnings) is swapped in. After a
//! build with PDFs, the cache entries that no build has used for a while are removed.

use crate::cli::{BuildArgs, BuildFormat};
use crate::error::{Diagnostic, Error, Result};
use crate::pipeline::Options;
use crate::render::Output;
use crate::write::Staging;
use std::time::{Instant, SystemTime};

pub fn run(args: &BuildArgs) -> Result<()> {
    let report = |d: &Diagnostic| match args.format {
        BuildFormat::Human => eprintln!("{d}\n"),
        BuildFormat::Github => eprintln!("{}", crate::error::github::annotation(d)),
    };
    match build(args, &report) {
        // Problems found before the site could be built (no site.yaml, an unsafe output
        // folder) are reported the same way as the rest.
        Err(Error::Site(diags)) if args.format == BuildFormat::Github => {
            diags.iter().for_each(report);
            Err(Error::Reported)
        }
        r => r,
    }
}

fn build(args: &BuildArgs, report: &dyn Fn(&Diagnostic)) -> Result<()> {
    let started = Instant::now();
    let timer = crate::timing::Timer::start();
    let options = super::options(&args.site, !args.no_pdf);
    let out_dir = args.site.root.join(&args.out);
    let staging = Staging::begin(&args.site.root, &out_dir, &options.cache_dir)?;
    timer.mark("staging folder");
    // What a build keeps for the next one (the sources, resolved documents): nothing reuses
    // it after a one-off build, and freeing tens of thousands of allocations one by one before
    // exiting costs more than the operating system takes to reclaim the memory at exit.
    let mut state = std::mem::ManuallyDrop::new(crate::pipeline::State::single_use());
    let compiled = match crate::pipeline::compile(&options, &mut state, Some(&staging)) {
        Ok(c) => c,
        Err(e) => {
            staging.abandon();
            return Err(e);
        }
    };
    timer.mark("compile");
    let mut compiled = compiled;
    if args.strict {
        // As `check --strict` reports them: every warning stops the build.
        for d in &mut compiled.diagnostics {
            d.severity = crate::error::Severity::Error;
        }
    }
    compiled.diagnostics.iter().for_each(report);
    let count = compiled.diagnostics.len();
    let output = match compiled.output {
        Some(o) if !(compiled.has_errors() || args.strict && count > 0) => o,
        _ => {
            staging.abandon();
            let why = if compiled.has_errors() {
                "the build failed"
            } else {
                "--strict turns warnings into errors"
            };
            eprintln!("error: {count} problem(s): {why}; the output folder was left as it was");
            return Err(Error::Reported);
        }
    };
    let (files, written) = (staging.files(), staging.written());
    staging.finish()?;
    timer.mark("swap in");
    let pdfs = if args.no_pdf {
        "PDFs skipped (--no-pdf)".to_string()
    } else {
        pdf_summary(&output, prune(&options))
    };
    eprintln!(
        "built {files} files into {} in {} ms ({written} written, {} unchanged); {pdfs}",
        out_dir.display(),
        started.elapsed().as_millis(),
        files - written,
    );
    Ok(())
}

/// Removes the PDF cache's entries that no build has used for [`crate::pdf::cache::MAX_AGE`]:
/// this build touched every entry it used. Returns how many it removed; a cache that cannot
/// be read is left as it is (it costs only space).
fn prune(options: &Options) -> usize {
    let before = SystemTime::now() - crate::pdf::cache::MAX_AGE;
    crate::pdf::cache::prune(&options.pdf_cache(), before).unwrap_or(0)
}

/// `12 PDFs: 3 typeset, 9 from the cache, 1 cache entry rebuilt, 2 old cache entries removed`
/// (the last two only when there are any).
fn pdf_summary(output: &Output, pruned: usize) -> String {
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let mut text = format!(
        "{}: {} typeset, {} from the cache",
        plural(output.pdfs, "PDF", "PDFs"),
        output.pdfs - output.pdf_cache_hits,
        output.pdf_cache_hits
    );
    if output.pdf_cache_rejected > 0 {
        text.push_str(&format!(
            ", {} rebuilt",
            plural(output.pdf_cache_rejected, "cache entry", "cache entries")
        ));
    }
    if pruned > 0 {
        text.push_str(&format!(
            ", {} removed",
            plural(pruned, "old cache entry", "old cache entries")
        ));
    }
    text
}
