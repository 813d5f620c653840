//! `bcop check`: every diagnostic of the site at once, for editors and for CI.
//!
//! It runs the same pipeline as `build` (so it finds exactly what a build would), writes
//! nothing, and reports errors and warnings together, as text, as JSON, or as GitHub
//! workflow commands.

use crate::cli::{CheckArgs, CheckFormat};
use crate::error::{Diagnostic, Error, Result, Severity};
use serde::Serialize;

/// The JSON report. Documented in the README ("bcop check --format json").
#[derive(Serialize)]
pub struct Report {
    /// Schema version of this report.
    pub version: u32,
    pub ok: bool,
    pub errors: usize,
    pub warnings: usize,
    pub diagnostics: Vec<JsonDiagnostic>,
}

#[derive(Serialize)]
pub struct JsonDiagnostic {
    pub path: Option<String>,
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub severity: Severity,
    pub code: crate::error::Code,
    pub message: String,
    pub help: Option<String>,
}

pub fn run(args: &CheckArgs) -> Result<()> {
    // Only the diagnostics matter: the pages are dropped as they are made.
    let options = crate::pipeline::Options {
        search: crate::pipeline::Search::Off,
        ..super::options(&args.site, false)
    };
    let compiled = crate::pipeline::compile(
        &options,
        &mut crate::pipeline::State::single_use(),
        Some(&crate::render::Discard),
    );
    let mut diags = match compiled {
        Ok(c) => c.diagnostics,
        // No site to speak of (no site.yaml, say): still one report in the format asked for.
        Err(Error::Site(diags)) if args.format != CheckFormat::Human => diags,
        Err(e) => return Err(e),
    };
    if args.strict {
        for d in &mut diags {
            d.severity = Severity::Error;
        }
    }
    let report = report(&diags);
    match args.format {
        CheckFormat::Json => {
            let text = serde_json::to_string_pretty(&report)
                .map_err(|e| Error::Internal(format!("cannot write JSON: {e}")))?;
            println!("{text}");
        }
        CheckFormat::Github => {
            for d in &diags {
                println!("{}", crate::error::github::annotation(d));
            }
        }
        CheckFormat::Human => {
            for d in &diags {
                println!("{d}\n");
            }
            println!(
                "{} error(s), {} warning(s){}",
                report.errors,
                report.warnings,
                if args.strict {
                    " (--strict: warnings count as errors)"
                } else {
                    ""
                }
            );
        }
    }
    if report.ok {
        Ok(())
    } else {
        Err(Error::Reported)
    }
}

pub fn report(diags: &[Diagnostic]) -> Report {
    let errors = diags
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    Report {
        version: 1,
        ok: errors == 0,
        errors,
        warnings: diags.len() - errors,
        diagnostics: diags
            .iter()
            .map(|d| JsonDiagnostic {
                path: d
                    .location
                    .as_ref()
                    .map(|l| l.path.to_string_lossy().replace('\\', "/")),
                line: d.location.as_ref().map(|l| l.line),
                column: d.location.as_ref().map(|l| l.col),
                severity: d.severity,
                code: d.code,
                message: d.message.clone(),
                help: d.help.clone(),
            })
            .collect(),
    }
}
