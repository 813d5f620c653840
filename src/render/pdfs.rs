//! One PDF per document, version and language, typeset in parallel with the engine in
//! [`crate::pdf`], through its cache. The PDF follows the same rules as the HTML: untranslated
//! chapters are the source text in the source language, outdated sections carry a mark, and
//! drafts say DRAFT on every page.

use super::markdown::Rendered;
use super::pages::{DocMarkdown, paths};
use super::{Contents, OutputFile};
use crate::config::{OutdatedPolicy, SiteConfig};
use crate::error::Diagnostic;
use crate::i18n::I18n;
use crate::load::Status;
use crate::pdf::{PdfChapter, PdfDocument, PdfEngine, PdfStrings};
use crate::resolve::{DocVersion, Document, Edition};
use crate::translate::{self, Freshness};
use fluent_bundle::FluentArgs;
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::path::Path;

/// Where a PDF goes: `<lang>/<doc>/<version>/<doc>-<version>-<lang>.pdf`.
pub fn pdf_path(lang: &str, doc: &str, version: &str) -> String {
    format!(
        "{}{doc}-{version}-{lang}.pdf",
        paths::version_dir(lang, doc, version)
    )
}

pub struct Typeset {
    pub files: Vec<OutputFile>,
    /// Size in bytes of each PDF, by output path, for the links on the pages.
    pub sizes: BTreeMap<String, u64>,
    pub diagnostics: Vec<Diagnostic>,
    pub cache_hits: usize,
}

/// Typesets one document's PDFs: one per version and language it is built in, in parallel.
pub fn typeset(
    config: &SiteConfig,
    d: &Document,
    md: &DocMarkdown,
    i18n: &I18n,
    engine: &PdfEngine,
    cache: &Path,
) -> Typeset {
    let mut jobs = Vec::new();
    for (vi, v) in d.versions.iter().enumerate() {
        for (ei, e) in v.editions.iter().enumerate().filter(|(_, e)| e.built) {
            jobs.push((vi, ei, v, e));
        }
    }
    let results: Vec<_> = jobs
        .par_iter()
        .map(|&(vi, ei, v, e)| {
            let doc = document(config, i18n, v, e, &md.source[vi], &md.translated[vi][ei]);
            (
                pdf_path(&e.lang, &d.slug, &v.version.name),
                engine.render_cached(&doc, cache),
            )
        })
        .collect();
    let mut out = Typeset {
        files: Vec::new(),
        sizes: BTreeMap::new(),
        diagnostics: Vec::new(),
        cache_hits: 0,
    };
    for (path, result) in results {
        match result {
            Ok((bytes, warnings, hit)) => {
                // Missing images are already reported once, by the HTML pages.
                out.diagnostics
                    .extend(warnings.into_iter().filter(|w| w.code != "missing-image"));
                out.cache_hits += usize::from(hit);
                out.sizes.insert(path.clone(), bytes.len() as u64);
                out.files.push(OutputFile {
                    path,
                    contents: Contents::Bytes(std::sync::Arc::new(bytes)),
                    asset: false,
                });
            }
            // A PDF that cannot be typeset well is left out, and no page links it.
            Err(mut d) => {
                if d.severity == crate::error::Severity::Warning {
                    d.message = format!("{path} is not made: {}", d.message);
                }
                out.diagnostics.push(d);
            }
        }
    }
    out
}

fn document(
    config: &SiteConfig,
    i18n: &I18n,
    v: &DocVersion,
    e: &Edition,
    source: &[Rendered],
    translated: &[Option<Rendered>],
) -> PdfDocument {
    let lang = e.lang.as_str();
    let t = |key: &str| i18n.text(lang, key, None);
    let count = |key: &str, n: usize| i18n.count(lang, key, n);
    let meta = e.meta.as_ref();
    let mut page_of = FluentArgs::new();
    page_of.set("current", "{current}");
    page_of.set("total", "{total}");
    let source_name = config
        .language(&config.source_language)
        .map_or(config.source_language.clone(), |l| l.name.clone());
    let lang_name = config
        .language(lang)
        .map_or(lang.to_string(), |l| l.name.clone());
    let mut fallback = FluentArgs::new();
    fallback.set("language", lang_name.clone());
    fallback.set("source", source_name);
    let status = format!("{:?}", v.meta.status).to_lowercase();
    let strings = PdfStrings {
        contents: t("pdf-contents"),
        page_of: i18n.text(lang, "pdf-page-of", Some(&page_of)),
        draft: t("pdf-draft"),
        label_id: t("label-id"),
        label_version: t("label-version"),
        label_date: t("label-date"),
        label_status: t("label-status"),
        label_language: t("label-language"),
        label_authors: count("label-authors", v.meta.authors.len()),
        label_translators: count("label-translators", meta.map_or(0, |m| m.translators.len())),
        status: t(&format!("status-{status}")),
        fallback_note: i18n.text(lang, "fallback-notice", Some(&fallback)),
        alert_titles: ["note", "tip", "important", "warning", "caution"]
            .map(|k| t(&format!("alert-{k}"))),
    };
    let chapters = v
        .chapters
        .iter()
        .enumerate()
        .map(|(ci, c)| {
            let (file, rendered, fallback) = match (&e.chapters[ci], &translated[ci]) {
                (Some(f), Some(r)) => (f, r, false),
                _ => (&c.source, &source[ci], !config.is_source(lang)),
            };
            let mut assets: BTreeMap<String, std::path::PathBuf> = v
                .assets
                .iter()
                .map(|a| (a.rel.clone(), a.path.clone()))
                .collect();
            if !fallback {
                assets.extend(e.assets.iter().map(|a| (a.rel.clone(), a.path.clone())));
            }
            let markdown = if fallback {
                file.body.to_string()
            } else {
                with_marks(
                    i18n,
                    e,
                    ci,
                    &c.source.body,
                    &file.body,
                    &source[ci].heading_ids,
                    &config.source_language,
                )
            };
            PdfChapter {
                title: rendered
                    .title
                    .clone()
                    .or_else(|| source[ci].title.clone())
                    .unwrap_or_else(|| {
                        meta.and_then(|m| m.title.clone())
                            .unwrap_or_else(|| v.meta.title.clone())
                    }),
                markdown,
                heading_ids: rendered.heading_ids.clone(),
                lang: if fallback {
                    config.source_language.clone()
                } else {
                    lang.to_string()
                },
                fallback,
                assets,
                source_path: file.path.clone(),
                body_line: file.body_line,
            }
        })
        .collect();
    PdfDocument {
        ui_lang: lang.to_string(),
        title: meta
            .and_then(|m| m.title.clone())
            .unwrap_or_else(|| v.meta.title.clone()),
        doc_id: v.meta.id.clone().unwrap_or_default(),
        version: v.version.name.clone(),
        date: v.meta.date.clone().unwrap_or_else(|| "1970-01-01".into()),
        language_name: lang_name,
        authors: v.meta.authors.clone(),
        translators: meta.map(|m| m.translators.clone()).unwrap_or_default(),
        draft: v.meta.status == Status::Draft,
        strings,
        chapters,
    }
}

/// The translated Markdown with the same marks as the HTML: under the `source` policy the
/// changed sections are the source text; either way each changed section starts with a note.
fn with_marks(
    i18n: &I18n,
    e: &Edition,
    ci: usize,
    source_body: &str,
    body: &str,
    source_ids: &[String],
    source_lang: &str,
) -> String {
    let Some(Freshness::Outdated(changes)) = &e.freshness[ci] else {
        return body.to_string();
    };
    let swap = e.policy == OutdatedPolicy::Source;
    let text = if swap {
        translate::hybrid(source_body, body, source_ids, changes, source_lang)
    } else {
        body.to_string()
    };
    let key = if swap {
        "outdated-section-source"
    } else {
        "outdated-section"
    };
    let note = i18n.text(&e.lang, key, None);
    let marked: Vec<&String> = changes
        .changed
        .iter()
        .chain(if swap {
            changes.added.iter()
        } else {
            [].iter()
        })
        .collect();
    let mut out = String::with_capacity(text.len() + 256);
    let mut last = 0;
    for h in crate::render::markdown::headings(&text, Some(source_ids)) {
        if !marked.contains(&&h.id) {
            continue;
        }
        // The note goes after the heading's line (its two lines for a setext heading).
        let rest = &text[h.offset..];
        let line_end = rest.find('\n').map_or(text.len(), |i| h.offset + i + 1);
        let next = &text[line_end..];
        let setext = !rest.starts_with('#') && next.starts_with(['=', '-']);
        let end = if setext {
            next.find('\n').map_or(text.len(), |i| line_end + i + 1)
        } else {
            line_end
        };
        out.push_str(&text[last..end]);
        out.push_str(&format!("\n> [!WARNING]\n> {note}\n\n"));
        last = end;
    }
    out.push_str(&text[last..]);
    out
}
