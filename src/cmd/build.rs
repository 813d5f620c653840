//! `bcop build`: load → resolve → render → write.

use crate::cli::BuildArgs;
use crate::error::{Error, Result};
use std::time::Instant;

pub fn run(args: &BuildArgs) -> Result<()> {
    let started = Instant::now();
    let output = crate::build_site(&args.site)?;
    for w in &output.warnings {
        eprintln!("{w}");
    }
    if args.strict && !output.warnings.is_empty() {
        return Err(Error::Other(format!(
            "{} warning(s), and --strict turns warnings into errors; public output left as it was",
            output.warnings.len()
        )));
    }
    let out_dir = args.site.root.join(&args.out);
    crate::write::write(&output, &out_dir)?;
    eprintln!(
        "built {} files into {} in {} ms",
        output.files.len(),
        out_dir.display(),
        started.elapsed().as_millis()
    );
    Ok(())
}
