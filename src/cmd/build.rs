//! `bcop build`: load → resolve → render → write.
//!
//! Files are written into the staging folder as they are rendered (see [`crate::write`]); only
//! a build without errors (and, with `--strict`, without warnings) is swapped in.

use crate::cli::BuildArgs;
use crate::error::{Error, Result};
use crate::write::Staging;
use std::time::Instant;

pub fn run(args: &BuildArgs) -> Result<()> {
    let started = Instant::now();
    let timer = crate::timing::Timer::start();
    let out_dir = args.site.root.join(&args.out);
    let staging = Staging::begin(&args.site.root, &out_dir)?;
    timer.mark("staging folder");
    // What a build keeps for the next one (the sources, resolved documents): nothing reuses
    // it after a one-off build, and freeing tens of thousands of allocations one by one before
    // exiting costs more than the operating system takes to reclaim the memory at exit.
    let mut state = std::mem::ManuallyDrop::new(crate::pipeline::State::single_use());
    let options = super::options(&args.site, !args.no_pdf);
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
    for d in &compiled.diagnostics {
        eprintln!("{d}\n");
    }
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
        format!(
            "{} PDFs, {} from the cache",
            output.pdfs, output.pdf_cache_hits
        )
    };
    eprintln!(
        "built {files} files into {} in {} ms ({written} written, {} unchanged); {pdfs}",
        out_dir.display(),
        started.elapsed().as_millis(),
        files - written,
    );
    Ok(())
}
