//! Benchmarks, run by hand: seconds per PDF on the example site and on the MASVS corpus,
//! each run a cold typesetting (Typst's memo cache cleared first), as in a first build.
//! `BCOP_PDF_OUT=<folder>` also writes the PDFs there, for looking at them.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::tests::{engine, english, japanese, template_path};
use super::{PdfChapter, PdfDocument, PdfEngine};
use crate::error::Code;

/// A document of the example site, read the way the build would hand it over.
fn example_document(lang: &str) -> PdfDocument {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let source = root.join("content/cpe-security/1.0");
    let folder = if lang == "en" {
        source.clone()
    } else {
        root.join(format!("locales/{lang}/cpe-security/1.0"))
    };
    let mut doc = if lang == "en" { english() } else { japanese() };
    doc.draft = false;
    doc.chapters.clear();
    for file in [
        "index.md",
        "01-scope.md",
        "02-device-requirements.md",
        "03-operations.md",
        "04-references.md",
    ] {
        let path: PathBuf = folder.join(file);
        let text = std::fs::read_to_string(&path).expect("example chapter");
        let body = match text
            .strip_prefix("---\n")
            .and_then(|t| t.split_once("\n---\n"))
        {
            Some((_, body)) => body.to_string(),
            None => text,
        };
        let rendered = crate::markdown::render(&crate::markdown::Input {
            markdown: &body,
            ..Default::default()
        });
        let mut assets = BTreeMap::new();
        for r in rendered.references.iter().filter(|r| r.is_image) {
            assets.insert(r.url.clone(), source.join(&r.url));
        }
        doc.chapters.push(PdfChapter {
            title: rendered.title.unwrap_or_default(),
            outdated: Default::default(),
            markdown: body,
            heading_ids: rendered.heading_ids,
            lang: lang.to_string(),
            fallback: false,
            assets,
            source_path: path,
            body_line: 0,
            keywords: None,
        });
    }
    doc
}

/// Seconds per PDF on the example site's largest document (about 4,700 words), with
/// Typst's memo cache cleared before each run so that every run is a cold typesetting:
/// `cargo test --release --lib pdf::benches::bench -- --ignored --nocapture`.
#[test]
#[ignore]
fn bench_example_site_document() {
    let out = std::env::var_os("BCOP_PDF_OUT").map(PathBuf::from);
    let start = std::time::Instant::now();
    let template = std::fs::read_to_string(template_path()).expect("the default PDF template");
    let engine = PdfEngine::new(&template, &template_path(), &[]).expect("engine");
    eprintln!("engine (font scan): {:.3} s", start.elapsed().as_secs_f64());
    for lang in ["en", "ja"] {
        let doc = example_document(lang);
        let mut times = Vec::new();
        let mut result = None;
        for _ in 0..7 {
            typst::comemo::evict(0);
            let start = std::time::Instant::now();
            result = Some(engine.render(&doc).unwrap_or_else(|e| panic!("{e}")));
            times.push(start.elapsed().as_secs_f64());
        }
        times.sort_by(f64::total_cmp);
        let (pdf, warnings) = result.expect("rendered");
        eprintln!(
            "{lang}: median {:.3} s, min {:.3} s, max {:.3} s; {} bytes, {} warnings",
            times[3],
            times[0],
            times[6],
            pdf.len(),
            warnings.len()
        );
        for w in &warnings {
            eprintln!("  {w}");
        }
        if let Some(dir) = &out {
            std::fs::create_dir_all(dir).expect("output folder");
            std::fs::write(dir.join(format!("cpe-{lang}.pdf")), &pdf).expect("PDF written");
        }
    }
}

/// Every version and language of the MASVS corpus typesets (tables, raw HTML, setext
/// headings, missing images), with seconds per PDF:
/// `cargo test --release --lib pdf::benches::bench_masvs -- --ignored --nocapture`.
#[test]
#[ignore]
fn bench_masvs_corpus() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/owasp-masvs");
    let mut folders: Vec<PathBuf> = std::fs::read_dir(&corpus)
        .expect("the MASVS corpus")
        .flatten()
        .filter(|e| e.path().is_dir())
        .flat_map(|v| {
            std::fs::read_dir(v.path())
                .expect("a version")
                .flatten()
                .map(|e| e.path())
        })
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("Document"))
        })
        .collect();
    folders.sort();
    let mut summary = Vec::new();
    for folder in folders {
        let name = folder
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let lang = match name.trim_start_matches("Document").trim_start_matches('-') {
            "" => "en",
            "ptbr" => "pt-BR",
            "ptpt" => "pt-PT",
            other => other,
        }
        .to_string();
        let mut doc = if lang == "ja" { japanese() } else { english() };
        doc.ui_lang = lang.clone();
        doc.draft = false;
        doc.chapters.clear();
        let mut files: Vec<PathBuf> = std::fs::read_dir(&folder)
            .expect("a language folder")
            .flatten()
            .map(|e| e.path())
            .filter(|p| {
                p.file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with("0x"))
            })
            .collect();
        files.sort();
        for path in files {
            let body = std::fs::read_to_string(&path).expect("a chapter");
            let rendered = crate::markdown::render(&crate::markdown::Input {
                markdown: &body,
                ..Default::default()
            });
            let mut assets = BTreeMap::new();
            for r in rendered.references.iter().filter(|r| r.is_image) {
                if folder.join(&r.url).is_file() {
                    assets.insert(r.url.clone(), folder.join(&r.url));
                }
            }
            doc.chapters.push(PdfChapter {
                title: rendered.title.unwrap_or_else(|| path.display().to_string()),
                outdated: Default::default(),
                markdown: body,
                heading_ids: rendered.heading_ids,
                lang: lang.clone(),
                fallback: false,
                assets,
                source_path: path,
                body_line: 0,
                keywords: None,
            });
        }
        typst::comemo::evict(0);
        let start = std::time::Instant::now();
        let (pdf, warnings) = engine()
            .render(&doc)
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        let secs = start.elapsed().as_secs_f64();
        let images = warnings
            .iter()
            .filter(|w| w.code == Code::MissingImage)
            .count();
        if let Some(dir) = std::env::var_os("BCOP_PDF_OUT").map(PathBuf::from) {
            let version = folder
                .parent()
                .and_then(|v| v.file_name())
                .unwrap_or_default();
            let file = format!("masvs-{}-{lang}.pdf", version.to_string_lossy());
            std::fs::create_dir_all(&dir).expect("output folder");
            std::fs::write(dir.join(file), &pdf).expect("PDF written");
        }
        eprintln!(
            "{}: {secs:.3} s, {} bytes, {images} missing images",
            folder.display(),
            pdf.len()
        );
        for w in warnings.iter().filter(|w| w.code != Code::MissingImage) {
            eprintln!("  {w}");
        }
        summary.push(secs);
    }
    summary.sort_by(f64::total_cmp);
    eprintln!(
        "median {:.3} s per PDF over {}",
        summary[summary.len() / 2],
        summary.len()
    );
}
