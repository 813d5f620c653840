//! `bcop build`: load → resolve → render → write.

use crate::cli::BuildArgs;
use crate::error::{Error, Result};
use std::time::Instant;

pub fn run(args: &BuildArgs) -> Result<()> {
    let started = Instant::now();
    let compiled = crate::compile(&args.site, !args.no_pdf)?;
    for d in &compiled.diagnostics {
        eprintln!("{d}\n");
    }
    let count = compiled.diagnostics.len();
    let output = match compiled.output {
        Some(o) if !(compiled.has_errors() || args.strict && count > 0) => o,
        _ => {
            let why = if compiled.has_errors() {
                "the build failed"
            } else {
                "--strict turns warnings into errors"
            };
            return Err(Error::Other(format!(
                "{count} problem(s): {why}; the output folder was left as it was"
            )));
        }
    };
    let compiled_at = started.elapsed();
    let out_dir = args.site.root.join(&args.out);
    crate::write::write(&output, &out_dir)?;
    let pdfs = if args.no_pdf {
        "PDFs skipped (--no-pdf)".to_string()
    } else {
        format!(
            "{} PDFs, {} from the cache",
            output.pdfs, output.pdf_cache_hits
        )
    };
    eprintln!(
        "built {} files into {} in {} ms (load and render {} ms, write {} ms); {pdfs}",
        output.files.len(),
        out_dir.display(),
        started.elapsed().as_millis(),
        compiled_at.as_millis(),
        (started.elapsed() - compiled_at).as_millis()
    );
    Ok(())
}
