//! Stage 3: turn the resolved site into output files, in memory.
//!
//! Markdown is rendered once per chapter and language, in parallel; then every page is filled
//! into its template, in parallel. The result is a sorted list of files for `write`.

pub mod feed;
pub mod links;
pub mod markdown;
pub mod pages;
pub mod pdfs;
pub mod print;
pub mod sitemap;
pub mod templates;
pub mod translation;
pub mod views;

use crate::error::{Diagnostic, Error, Result};
use crate::i18n::I18n;
use crate::load::Source;
use crate::load::theme::Bytes;
use crate::resolve::{DocVersion, Site};
use markdown::{AlertTitles, Input, Rendered};
use pages::{Markdown, Pages, paths};
use rayon::prelude::*;
use serde::Serialize;
use std::collections::BTreeSet;
use std::path::PathBuf;
use templates::Templates;

#[derive(Debug, Clone)]
pub enum Contents {
    Bytes(Vec<u8>),
    /// A file copied as it is.
    Copy(PathBuf),
    Static(&'static [u8]),
}

#[derive(Debug, Clone)]
pub struct OutputFile {
    /// Relative to the output root, with `/` separators.
    pub path: String,
    pub contents: Contents,
}

/// The whole site, ready to be written. Files are sorted by path.
#[derive(Debug, Clone, Default)]
pub struct Output {
    pub files: Vec<OutputFile>,
    pub warnings: Vec<Diagnostic>,
    /// PDFs made, and how many of them came from the cache.
    pub pdfs: usize,
    pub pdf_cache_hits: usize,
}

/// The PDF engine and its cache folder, when PDFs are built.
pub struct PdfSetup<'a> {
    pub engine: &'a crate::pdf::PdfEngine,
    pub cache: &'a std::path::Path,
}

pub fn render(
    source: &Source,
    site: &Site,
    i18n: &I18n,
    templates: &Templates,
    pdf: Option<PdfSetup>,
) -> Result<Output> {
    let mut warnings = Vec::new();
    let timer = crate::timing::Timer::start();
    let md = render_markdown(source, site, i18n);
    timer.mark("markdown");
    for (di, d) in site.documents.iter().enumerate() {
        for (vi, v) in d.versions.iter().enumerate() {
            warnings.extend(missing_images(
                v,
                &md.source[di][vi],
                &md.translated[di][vi],
            ));
        }
    }
    timer.mark("images");
    warnings.extend(links::check(&source.config, site, &md));
    timer.mark("links");
    let typeset = pdf.map(|p| pdfs::typeset(&source.config, site, &md, i18n, p.engine, p.cache));
    let mut pdf_sizes = std::collections::BTreeMap::new();
    let mut pdf_files = Vec::new();
    let mut pdf_cache_hits = 0;
    if let Some(t) = typeset {
        if t.diagnostics
            .iter()
            .any(|d| d.severity == crate::error::Severity::Error)
        {
            return Err(Error::Site(t.diagnostics));
        }
        warnings.extend(t.diagnostics);
        pdf_sizes = t.sizes;
        pdf_files = t.files;
        pdf_cache_hits = t.cache_hits;
        timer.mark(&format!("pdf ({} from the cache)", t.cache_hits));
    }
    let pages = Pages {
        config: &source.config,
        site,
        md: &md,
        i18n,
        pdf_sizes: &pdf_sizes,
    };
    let jobs = page_jobs(source, site);
    let results: Vec<Result<OutputFile, Diagnostic>> = jobs
        .par_iter()
        .map(|job| render_job(&pages, templates, job))
        .collect();
    let mut files = Vec::with_capacity(results.len() + 64);
    let mut errors = Vec::new();
    for r in results {
        match r {
            Ok(f) => files.push(f),
            Err(d) => errors.push(d),
        }
    }
    if !errors.is_empty() {
        errors.sort();
        errors.dedup();
        return Err(Error::Site(errors));
    }
    timer.mark("pages");
    files.extend(pdf_files);
    files.extend(assets(source, site));
    files.push(OutputFile {
        path: "sitemap.xml".into(),
        contents: Contents::Bytes(sitemap::sitemap(&pages).into_bytes()),
    });
    for l in &source.config.languages {
        files.push(OutputFile {
            path: format!("{}/feed.xml", l.code),
            contents: Contents::Bytes(feed::feed(&pages, &l.code).into_bytes()),
        });
    }
    files.push(OutputFile {
        path: "robots.txt".into(),
        contents: Contents::Bytes(sitemap::robots(&source.config).into_bytes()),
    });
    files.sort_by(|a, b| a.path.cmp(&b.path));
    files.dedup_by(|b, a| a.path == b.path);
    Ok(Output {
        files,
        warnings,
        pdfs: pdf_sizes.len(),
        pdf_cache_hits,
    })
}

fn alert_titles(i18n: &I18n, lang: &str) -> AlertTitles {
    AlertTitles(
        ["note", "tip", "important", "warning", "caution"]
            .map(|k| i18n.text(lang, &format!("alert-{k}"), None)),
    )
}

fn render_markdown(source: &Source, site: &Site, i18n: &I18n) -> Markdown {
    let src_alerts = alert_titles(i18n, &source.config.source_language);
    let source_md: Vec<Vec<Vec<Rendered>>> = site
        .documents
        .par_iter()
        .map(|d| {
            d.versions
                .par_iter()
                .map(|v| {
                    v.chapters
                        .par_iter()
                        .map(|c| {
                            markdown::render(&Input {
                                markdown: &c.source.body,
                                source_ids: None,
                                alerts: Some(&src_alerts),
                                marks: None,
                            })
                        })
                        .collect()
                })
                .collect()
        })
        .collect();
    let alerts: Vec<AlertTitles> = source
        .config
        .languages
        .iter()
        .map(|l| alert_titles(i18n, &l.code))
        .collect();
    let translated = site
        .documents
        .par_iter()
        .enumerate()
        .map(|(di, d)| {
            d.versions
                .par_iter()
                .enumerate()
                .map(|(vi, v)| {
                    v.editions
                        .par_iter()
                        .enumerate()
                        .map(|(ei, e)| {
                            e.chapters
                                .par_iter()
                                .enumerate()
                                .map(|(ci, t)| {
                                    t.as_ref().map(|t| {
                                        let chapter = translation::Chapter {
                                            doc: d,
                                            version: v,
                                            edition: e,
                                            index: ci,
                                            text: t,
                                            source: &source_md[di][vi][ci],
                                            source_lang: &source.config.source_language,
                                        };
                                        translation::render(&chapter, i18n, &alerts[ei])
                                    })
                                })
                                .collect()
                        })
                        .collect()
                })
                .collect()
        })
        .collect();
    Markdown {
        source: source_md,
        translated,
    }
}

/// Images that point to files that do not exist, as warnings at the image's line.
fn missing_images(
    v: &DocVersion,
    source: &[Rendered],
    translated: &[Vec<Option<Rendered>>],
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let source_assets: BTreeSet<&str> = v.assets.iter().map(|a| a.rel.as_str()).collect();
    let mut check = |file: &crate::load::MarkdownFile, r: &Rendered, own: &BTreeSet<&str>| {
        for reference in r.references.iter().filter(|x| x.is_image) {
            let url = reference.url.split(['#', '?']).next().unwrap_or("");
            if url.is_empty() || markdown::is_external(url) || url.starts_with('/') {
                continue;
            }
            let rel = url.trim_start_matches("./");
            if !own.contains(rel) && !source_assets.contains(rel) {
                let loc = file.location(reference.offset);
                out.push(
                    Diagnostic::warning(
                        "missing-image",
                        Some(loc),
                        format!("image `{url}` not found"),
                    )
                    .with_help("add the file next to the Markdown, or fix the path"),
                );
            }
        }
    };
    let none = BTreeSet::new();
    for (ci, c) in v.chapters.iter().enumerate() {
        check(&c.source, &source[ci], &none);
    }
    for (ei, e) in v.editions.iter().enumerate() {
        let own: BTreeSet<&str> = e.assets.iter().map(|a| a.rel.as_str()).collect();
        for (ci, t) in e.chapters.iter().enumerate() {
            if let (Some(t), Some(r)) = (t, &translated[ei][ci]) {
                check(t, r, &own);
            }
        }
    }
    out
}

enum Job {
    Home,
    Catalog(String),
    Chapter(usize, usize, usize, usize),
    Print(usize, usize, usize),
    Redirect(usize, String),
    Versions(usize, String),
    NotFound,
}

fn page_jobs(source: &Source, site: &Site) -> Vec<Job> {
    let mut jobs = vec![Job::Home, Job::NotFound];
    for l in &source.config.languages {
        jobs.push(Job::Catalog(l.code.clone()));
        for (di, _) in site.documents.iter().enumerate() {
            jobs.push(Job::Redirect(di, l.code.clone()));
            jobs.push(Job::Versions(di, l.code.clone()));
        }
    }
    for (di, d) in site.documents.iter().enumerate() {
        for (vi, v) in d.versions.iter().enumerate() {
            for (ei, e) in v.editions.iter().enumerate() {
                if e.built {
                    for ci in 0..v.chapters.len() {
                        jobs.push(Job::Chapter(di, vi, ei, ci));
                    }
                    jobs.push(Job::Print(di, vi, ei));
                }
            }
        }
    }
    jobs
}

fn render_job(pages: &Pages, templates: &Templates, job: &Job) -> Result<OutputFile, Diagnostic> {
    match job {
        Job::Home => fill(templates, "home.html", pages.home()),
        Job::Catalog(lang) => fill(templates, "catalog.html", pages.catalog(lang)),
        Job::Chapter(d, v, e, c) => {
            let mut file = fill(templates, "document.html", pages.document(*d, *v, *e, *c))?;
            if let Contents::Bytes(bytes) = &mut file.contents {
                splice(bytes, pages.chapter_html(*d, *v, *e, *c));
            }
            Ok(file)
        }
        Job::Print(d, v, e) => fill(templates, "print.html", pages.print(*d, *v, *e)),
        Job::Redirect(d, lang) => fill(templates, "redirect.html", pages.redirect(*d, lang)),
        Job::Versions(d, lang) => fill(templates, "versions.html", pages.versions(*d, lang)),
        Job::NotFound => fill(templates, "404.html", pages.not_found()),
    }
}

fn fill<T: Serialize>(
    templates: &Templates,
    template: &str,
    (path, view): (String, T),
) -> Result<OutputFile, Diagnostic> {
    let context = tera::Context::from_serialize(&view)
        .map_err(|e| Diagnostic::error("template-context", None, format!("{path}: {e}")))?;
    let html = templates.render(template, &context)?;
    Ok(OutputFile {
        path,
        contents: Contents::Bytes(html.into_bytes()),
    })
}

/// Puts the chapter's HTML where the template printed the content marker.
fn splice(page: &mut Vec<u8>, html: &str) {
    let marker = pages::CONTENT_MARKER.as_bytes();
    if let Some(at) = page.windows(marker.len()).position(|w| w == marker) {
        page.splice(at..at + marker.len(), html.bytes());
    }
}

/// Theme files, and each version's assets next to its pages in every language built.
fn assets(source: &Source, site: &Site) -> Vec<OutputFile> {
    let mut out: Vec<OutputFile> = source
        .theme
        .static_files
        .values()
        .map(|f| OutputFile {
            path: f.rel.clone(),
            contents: match &f.bytes {
                Bytes::Disk(p) => Contents::Copy(p.clone()),
                Bytes::Builtin(b) => Contents::Static(b),
            },
        })
        .collect();
    for d in &site.documents {
        for v in &d.versions {
            for e in v.editions.iter().filter(|e| e.built) {
                let dir = paths::version_dir(&e.lang, &d.slug, &v.version.name);
                // Translated assets first, so that they win over the source's in the dedup.
                for a in e.assets.iter().chain(&v.assets) {
                    out.push(OutputFile {
                        path: format!("{dir}{}", a.rel),
                        contents: Contents::Copy(a.path.clone()),
                    });
                }
            }
        }
    }
    // Stable sort keeps the first (strongest) of equal paths for the dedup in `render`.
    out.sort_by(|a, b| a.path.cmp(&b.path));
    out
}
