//! `bcop translate stamp` and `bcop translate status`.

mod status;

use crate::cli::{Format, TranslateCommand};
use crate::error::{Error, Result};
use crate::translate::stamp;

pub fn run(command: &TranslateCommand) -> Result<()> {
    match command {
        TranslateCommand::Stamp { files, root } => {
            let (done, written) = stamp::stamp(root, files)?;
            for done in done {
                println!("stamped {done}");
            }
            for path in written {
                let shown = path.strip_prefix(".").unwrap_or(&path);
                println!("wrote {}", shown.display());
            }
            Ok(())
        }
        TranslateCommand::Status {
            lang,
            doc,
            format,
            root,
        } => {
            let source = crate::load::load(root, None)?;
            let site = crate::resolve::resolve(&source, true);
            let i18n = crate::i18n::I18n::for_site(&source.config, &source.theme, &mut Vec::new());
            let ui = crate::translate::catalogs::coverage(&i18n, &source.config.source_language);
            let report = status::status(&site, lang.as_deref(), doc.as_deref(), ui);
            match format {
                Format::Json => println!(
                    "{}",
                    serde_json::to_string_pretty(&report)
                        .map_err(|e| Error::Internal(format!("cannot write JSON: {e}")))?
                ),
                Format::Human => print!("{}", status::human(&report)),
            }
            Ok(())
        }
    }
}
