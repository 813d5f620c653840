//! `bcop diff DOC FROM TO [--lang L] [--format human|json]`: what the changes page of TO
//! would show, in the terminal, for editors before they publish (drafts included).

use crate::changes::Changes;
use crate::changes::edition::{translated_in_full, versions};
use crate::cli::{DiffArgs, Format};
use crate::error::{Code, Error, Result};
use crate::resolve::{DocVersion, Document};
use serde::Serialize;

/// The JSON report. Documented in the README ("bcop diff").
#[derive(Serialize)]
struct Report<'a> {
    format: &'static str,
    version: u32,
    document: &'a str,
    from: &'a str,
    to: &'a str,
    /// The language of the texts compared.
    language: &'a str,
    #[serde(flatten)]
    changes: &'a Changes,
}

pub fn run(args: &DiffArgs) -> Result<()> {
    let source = crate::load::load(&args.root, None)?;
    let site = crate::resolve::resolve(&source, true);
    let doc = site
        .documents
        .iter()
        .find(|d| d.slug == args.doc)
        .ok_or_else(|| {
            let known: Vec<&str> = site.documents.iter().map(|d| d.slug.as_str()).collect();
            Error::command(
                Code::BadArgument,
                format!("there is no document `{}`", args.doc),
                format!("documents: {}", known.join(", ")),
            )
        })?;
    let (from, to) = (version(doc, &args.from)?, version(doc, &args.to)?);
    let source_lang = &source.config.source_language;
    let lang = match args.lang.as_deref() {
        None => None,
        Some(l) if l == source_lang => None,
        Some(l) if source.config.language(l).is_none() => {
            return Err(Error::command(
                Code::BadArgument,
                format!("the site has no language `{l}`"),
                format!(
                    "languages: {}",
                    source
                        .config
                        .languages
                        .iter()
                        .map(|l| l.code.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            ));
        }
        Some(l) if translated_in_full(from, l) && translated_in_full(to, l) => Some(l),
        Some(l) => {
            eprintln!(
                "note: {} {} and {} are not both translated in full into {l}: the changes of the source ({source_lang}) follow",
                doc.slug, from.version.name, to.version.name
            );
            None
        }
    };
    let ids = |v: &DocVersion| -> Vec<Vec<String>> {
        v.chapters
            .iter()
            .map(|c| {
                crate::markdown::headings(&c.source.body, None)
                    .into_iter()
                    .map(|h| h.id)
                    .collect()
            })
            .collect()
    };
    let (old_ids, new_ids) = (ids(from), ids(to));
    let mut problems = Vec::new();
    let keywords = crate::pipeline::keywords(&source.config, &source.theme, &mut problems);
    if !problems.is_empty() {
        return Err(Error::Site(problems));
    }
    let changes = versions(
        from,
        to,
        lang,
        [&slices(&old_ids), &slices(&new_ids)],
        &keywords,
    );
    match args.format {
        Format::Json => {
            let report = Report {
                format: "bcop-changes",
                version: 1,
                document: &doc.slug,
                from: &from.version.name,
                to: &to.version.name,
                language: lang.unwrap_or(source_lang),
                changes: &changes,
            };
            let text = serde_json::to_string_pretty(&report)
                .map_err(|e| Error::Internal(format!("cannot write JSON: {e}")))?;
            super::print(&format!("{text}\n"))?;
        }
        Format::Human => {
            super::print(&format!(
                "{} {} → {} ({})\n\n{}",
                doc.slug,
                from.version.name,
                to.version.name,
                lang.unwrap_or(source_lang),
                crate::changes::human(&changes)
            ))?;
        }
    }
    Ok(())
}

fn version<'a>(doc: &'a Document, name: &str) -> Result<&'a DocVersion> {
    doc.versions
        .iter()
        .find(|v| v.version.name == name)
        .ok_or_else(|| {
            let known: Vec<&str> = doc
                .versions
                .iter()
                .map(|v| v.version.name.as_str())
                .collect();
            Error::command(
                Code::BadArgument,
                format!("`{}` has no version `{name}`", doc.slug),
                format!("versions: {}", known.join(", ")),
            )
        })
}

fn slices(v: &[Vec<String>]) -> Vec<&[String]> {
    v.iter().map(Vec::as_slice).collect()
}
