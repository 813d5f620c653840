//! `bcop changed`: what a change publishes, compared with a git commit ([`crate::compare`]).

use crate::cli::{ChangedArgs, ChangedFormat};
use crate::compare::{changes, report};
use crate::error::{Error, Result};

pub fn run(args: &ChangedArgs) -> Result<()> {
    let c = changes(&args.root, &args.since, args.drafts)?;
    match args.format {
        ChangedFormat::Human => print!("{}", report::human(&c)),
        ChangedFormat::Markdown => print!("{}", report::markdown(&c, args.base_url.as_deref())),
        ChangedFormat::Json => println!(
            "{}",
            serde_json::to_string_pretty(&c)
                .map_err(|e| Error::Internal(format!("cannot write JSON: {e}")))?
        ),
    }
    Ok(())
}
