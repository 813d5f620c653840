//! One PDF per document, version and language, typeset in parallel with the engine in
//! [`crate::pdf`], through its cache. The PDF follows the same rules as the HTML: untranslated
//! chapters are the source text in the source language, outdated sections carry a mark, and
//! drafts say DRAFT on every page.

use super::pages::DocMarkdown;
use super::{Contents, OutputFile};
use crate::bcp14::{Keywords, Level};
use crate::error::{Code, Diagnostic};
use crate::i18n::I18n;
use crate::load::Status;
use crate::load::config::SiteConfig;
use crate::load::title_page::{feedback_link, paragraphs};
use crate::markdown::Rendered;
use crate::marks::Marks;
use crate::paths::out;
use crate::pdf::{
    CacheUse, PdfChangeRow, PdfChanges, PdfChapter, PdfDocument, PdfEngine, PdfOutdated,
    PdfRedlineSection, PdfRequirement, PdfStrings,
};
use crate::resolve::{DocVersion, Document};
use fluent_bundle::FluentArgs;
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::path::Path;

#[derive(Default)]
pub struct Typeset {
    pub files: Vec<OutputFile>,
    /// Size in bytes of each PDF, by output path, for the links on the pages.
    pub sizes: BTreeMap<String, u64>,
    pub diagnostics: Vec<Diagnostic>,
    pub cache_hits: usize,
    /// Damaged cache entries, typeset again.
    pub cache_rejected: usize,
    /// Without typesetting: each PDF's cache key, by output path (and no files).
    pub keys: BTreeMap<String, String>,
}

/// Typesets one document's PDFs: one per version and language it is built in, in parallel.
/// Without `typeset`, works out only what each PDF's cache key would be.
#[allow(clippy::too_many_arguments)]
pub fn typeset(
    config: &SiteConfig,
    d: &Document,
    md: &DocMarkdown,
    i18n: &I18n,
    keywords: &Keywords,
    engine: &PdfEngine,
    cache: &Path,
    typeset: bool,
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
            let edition = Edition {
                doc_slug: &d.slug,
                version: v,
                edition: e,
                source: &md.source[vi],
                translated: &md.translated[vi][ei],
                marks: &md.marks[vi][ei],
                index: ei,
                keywords,
                changes: md.changes[vi][ei]
                    .as_ref()
                    .map(|c| (c, d.versions[c.from].version.name.as_str())),
            };
            let doc = document(config, i18n, &edition);
            let result = if typeset {
                engine.render_cached(&doc, cache).map(Made::Pdf)
            } else {
                engine.cache_key_of(&doc).map(Made::Key)
            };
            (out::pdf(&e.lang, &d.slug, &v.version.name), result)
        })
        .collect();
    let mut done = Typeset::default();
    for (path, result) in results {
        match result {
            Ok(Made::Key(key)) => {
                done.keys.insert(path, key);
            }
            Ok(Made::Pdf((bytes, warnings, used))) => {
                // Missing images are already reported once, by the HTML pages.
                done.diagnostics.extend(
                    warnings
                        .into_iter()
                        .filter(|w| w.code != Code::MissingImage),
                );
                done.cache_hits += usize::from(used == CacheUse::Hit);
                done.cache_rejected += usize::from(used == CacheUse::Rebuilt);
                done.sizes.insert(path.clone(), bytes.len() as u64);
                done.files.push(OutputFile {
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
                done.diagnostics.push(d);
            }
        }
    }
    done
}

/// A PDF with its warnings and where it came from, or only its cache key.
enum Made {
    Pdf((Vec<u8>, Vec<Diagnostic>, CacheUse)),
    Key(String),
}

/// One version in one language, with its rendered Markdown and its marks.
struct Edition<'a> {
    doc_slug: &'a str,
    version: &'a DocVersion,
    edition: &'a crate::resolve::Edition,
    source: &'a [Rendered],
    translated: &'a [Option<Rendered>],
    marks: &'a [Option<Marks>],
    /// The edition's index in the version.
    index: usize,
    keywords: &'a Keywords,
    /// What changed since the predecessor, and the predecessor's name.
    changes: Option<(&'a crate::changes::edition::EditionChanges, &'a str)>,
}

impl Edition<'_> {
    /// Whether the version has requirements.
    fn has_requirements(&self) -> bool {
        self.source.iter().any(|r| !r.requirements.is_empty())
    }
}

fn document(config: &SiteConfig, i18n: &I18n, ed: &Edition) -> PdfDocument {
    let (v, e) = (ed.version, ed.edition);
    let lang = e.lang.as_str();
    let meta = e.meta.as_ref();
    let chapters: Vec<PdfChapter> = (0..v.chapters.len())
        .map(|ci| chapter(config, i18n, ed, ci))
        .collect();
    // A document none of whose chapters is translated is the source text, and says so.
    let text_lang = if !chapters.is_empty() && chapters.iter().all(|c| c.fallback) {
        config.source_language.clone()
    } else {
        lang.to_string()
    };
    let title = meta
        .and_then(|m| m.title.clone())
        .unwrap_or_else(|| v.meta.title.clone());
    let citation = super::cite::Citation::of(config, ed.doc_slug, v, lang, &title);
    let cited_language = i18n
        .language_name(lang, citation.lang)
        .unwrap_or_else(|| language_name(config, citation.lang));
    let citation = citation.sentence(i18n, lang, &cited_language, &title);
    let t_abstract = meta.and_then(|m| m.r#abstract.as_deref());
    let mut version = FluentArgs::new();
    version.set("version", v.meta.supersedes.as_deref().unwrap_or(""));
    PdfDocument {
        ui_lang: lang.to_string(),
        title,
        doc_id: v.meta.id.clone().unwrap_or_default(),
        version: v.version.name.clone(),
        date: v.meta.date.clone().unwrap_or_else(|| "1970-01-01".into()),
        language_name: language_name(config, &text_lang),
        authors: v.meta.authors.clone(),
        translators: meta.map(|m| m.translators.clone()).unwrap_or_default(),
        publisher: v.meta.publisher.clone().unwrap_or_default(),
        license: v.meta.license.clone().unwrap_or_default(),
        supersedes: match &v.meta.supersedes {
            Some(_) => i18n.text(lang, "version-label", Some(&version)),
            None => String::new(),
        },
        feedback: v.meta.feedback.as_deref().and_then(feedback_link),
        r#abstract: {
            let mut p = paragraphs(t_abstract.or(v.meta.r#abstract.as_deref()).unwrap_or(""));
            // A translated abstract made from an earlier source abstract says so.
            if e.abstract_outdated {
                p.push(i18n.text(lang, "outdated-abstract", None));
            }
            p
        },
        abstract_lang: if t_abstract.is_some() {
            lang.to_string()
        } else {
            config.source_language.clone()
        },
        citation,
        draft: v.meta.status == Status::Draft,
        strings: strings(config, i18n, ed, &text_lang),
        chapters,
        requirements: crate::requirements::index::rows(
            v,
            ed.index,
            ed.source,
            ed.translated,
            ed.marks,
        )
        .into_iter()
        .map(|r| PdfRequirement {
            id: r.id,
            level: r.level,
            text: r.text,
            chapter: r.chapter,
        })
        .collect(),
        changes: ed
            .changes
            .map(|(c, from)| changes(config, i18n, ed, c, from)),
        text_lang,
    }
}

/// The changes appendix in the edition's language.
fn changes(
    config: &SiteConfig,
    i18n: &I18n,
    ed: &Edition,
    ec: &crate::changes::edition::EditionChanges,
    from: &str,
) -> PdfChanges {
    use crate::changes::{BlockOp, Change, LevelChange};
    let lang = ed.edition.lang.as_str();
    let t = |key: &str| i18n.text(lang, key, None);
    let c = &ec.changes;
    let n = c.counts();
    let mut args = FluentArgs::new();
    args.set("from", from);
    let mut counts = FluentArgs::new();
    for (key, value) in [
        ("added", n.added),
        ("removed", n.removed),
        ("reworded", n.reworded),
        ("strengthened", n.strengthened),
        ("weakened", n.weakened),
        ("moved", n.moved),
    ] {
        counts.set(key, value);
    }
    let level = |l: Option<Level>| t(&format!("level-{}", l.map_or("none", Level::name)));
    let segments = |segs: &[crate::changes::words::Segment]| {
        segs.iter().map(|s| (s.op, s.text.clone())).collect()
    };
    // The punctuation of a label ("Strengthened: Should → Must; Reworded") in the language:
    // full-width in Japanese, with a space before the colon in French.
    let (colon, semicolon, open, close) = match lang.split('-').next() {
        Some("ja") => ("：", "、", "（", "）"),
        Some("fr") => ("\u{a0}: ", "\u{a0}; ", " (", ")"),
        _ => (": ", "; ", " (", ")"),
    };
    let requirements = c
        .requirements
        .iter()
        .map(|r| {
            let mut what = Vec::new();
            match r.change {
                Change::Added => what.push([t("changes-added"), level(r.new_level)].join(colon)),
                Change::Removed => {
                    what.push([t("changes-removed"), level(r.old_level)].join(colon))
                }
                Change::Changed => {
                    if let Some(lc) = r.level_change {
                        let key = match lc {
                            LevelChange::Strengthened => "changes-strengthened",
                            LevelChange::Weakened => "changes-weakened",
                            LevelChange::Reversed => "changes-reversed",
                        };
                        what.push(
                            [t(key), [level(r.old_level), level(r.new_level)].join(" → ")]
                                .join(colon),
                        );
                    }
                    if r.reworded {
                        what.push(t("changes-reworded"));
                    }
                    if r.moved {
                        what.push(t("changes-moved"));
                    }
                }
            }
            PdfChangeRow {
                id: r.id.clone(),
                change: what.join(semicolon),
                text: segments(&r.text),
            }
        })
        .collect();
    let sections = c
        .sections
        .iter()
        .map(|s| PdfRedlineSection {
            title: match s.change {
                Change::Added => [&s.title, open, &t("changes-section-added"), close].concat(),
                Change::Removed => [&s.title, open, &t("changes-section-removed"), close].concat(),
                Change::Changed => s.title.clone(),
            },
            blocks: s
                .blocks
                .iter()
                .filter(|b| b.op != BlockOp::Equal)
                .map(|b| {
                    let mut segs: Vec<_> = segments(&b.text);
                    if let Some(id) = &b.id {
                        segs.insert(0, (crate::changes::words::Op::Equal, format!("{id} ")));
                    }
                    segs
                })
                .collect(),
        })
        .collect();
    PdfChanges {
        title: i18n.text(lang, "pdf-changes", Some(&args)),
        notice: if ec.own_text {
            String::new()
        } else {
            t("changes-source-notice")
        },
        lang: if ec.own_text {
            lang.to_string()
        } else {
            config.source_language.clone()
        },
        summary: i18n.text(lang, "changes-summary", Some(&counts)),
        columns: [
            t("changes-col-id"),
            t("changes-col-change"),
            t("changes-col-text"),
        ],
        requirements,
        redline: t("changes-redline"),
        sections,
    }
}

fn language_name(config: &SiteConfig, code: &str) -> String {
    config
        .language(code)
        .map_or(code.to_string(), |l| l.name.clone())
}

/// The UI strings of the PDF, in its language; the BCP 14 sentence in the language of the
/// text, whose keywords it names.
fn strings(config: &SiteConfig, i18n: &I18n, ed: &Edition, text_lang: &str) -> PdfStrings {
    let (v, e) = (ed.version, ed.edition);
    let lang = e.lang.as_str();
    let t = |key: &str| i18n.text(lang, key, None);
    let count = |key: &str, n: usize| i18n.count(lang, key, n);
    let mut page_of = FluentArgs::new();
    page_of.set("current", "{current}");
    page_of.set("total", "{total}");
    let mut fallback = FluentArgs::new();
    let in_text = |code: &str| {
        i18n.language_name(lang, code)
            .unwrap_or_else(|| language_name(config, code))
    };
    fallback.set("language", in_text(lang));
    fallback.set("source", in_text(&config.source_language));
    let status = format!("{:?}", v.meta.status).to_lowercase();
    let translators = e.meta.as_ref().map_or(0, |m| m.translators.len());
    PdfStrings {
        contents: t("pdf-contents"),
        page_of: i18n.text(lang, "pdf-page-of", Some(&page_of)),
        draft: t("pdf-draft"),
        label_id: t("label-id"),
        label_version: t("label-version"),
        label_date: t("label-date"),
        label_status: t("label-status"),
        label_language: t("label-language"),
        label_authors: count("label-authors", v.meta.authors.len()),
        label_translators: count("label-translators", translators),
        label_publisher: t("label-publisher"),
        label_supersedes: t("label-supersedes"),
        label_license: t("label-license"),
        label_feedback: t("label-feedback"),
        label_abstract: t("label-abstract"),
        label_cite: t("cite-title"),
        status: t(&format!("status-{status}")),
        fallback_note: i18n.text(lang, "fallback-notice", Some(&fallback)),
        fallback_document: i18n.text(lang, "pdf-fallback-document", Some(&fallback)),
        name_separator: t("name-separator"),
        outdated_label: t("lang-state-outdated"),
        outdated_source: t("pdf-outdated-source"),
        captions: super::captions(i18n, lang),
        alert_titles: ["note", "tip", "important", "warning", "caution"]
            .map(|k| t(&format!("alert-{k}"))),
        bcp14: if ed.has_requirements() {
            i18n.text(text_lang, "bcp14-boilerplate", None)
        } else {
            String::new()
        },
        requirements: t("pdf-requirements"),
        requirements_columns: [
            t("requirements-col-id"),
            t("requirements-col-level"),
            t("requirements-col-text"),
            t("pdf-page"),
        ],
        levels: Level::ALL.map(|l| t(&format!("level-{}", l.name()))),
    }
}

/// Chapter `ci`: its translation with its marks, or the source text as a fallback.
fn chapter(config: &SiteConfig, i18n: &I18n, ed: &Edition, ci: usize) -> PdfChapter {
    let (v, e) = (ed.version, ed.edition);
    let lang = e.lang.as_str();
    let c = &v.chapters[ci];
    let (file, rendered, fallback) = match (&e.chapters[ci], &ed.translated[ci]) {
        (Some(f), Some(r)) => (f, r, false),
        _ => (&c.source, &ed.source[ci], !config.is_source(lang)),
    };
    let mut assets: BTreeMap<String, std::path::PathBuf> = v
        .assets
        .iter()
        .map(|a| (a.rel.clone(), a.path.clone()))
        .collect();
    if !fallback {
        assets.extend(e.assets.iter().map(|a| (a.rel.clone(), a.path.clone())));
    }
    let (markdown, outdated) = match (&ed.marks[ci], fallback) {
        (Some(marks), false) => (
            marks.text(&file.body).to_string(),
            outdated(config, i18n, ed, ci, marks),
        ),
        _ => (file.body.to_string(), BTreeMap::new()),
    };
    let meta = e.meta.as_ref();
    PdfChapter {
        title: rendered
            .title
            .clone()
            .or_else(|| ed.source[ci].title.clone())
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
        outdated,
        assets,
        source_path: file.path.clone(),
        body_line: file.body_line,
        keywords: ed.has_requirements().then(|| {
            let lang = if fallback {
                &config.source_language
            } else {
                lang
            };
            ed.keywords.table(lang).clone()
        }),
    }
}

/// The marks of chapter `ci`'s outdated sections ([`crate::marks`]), as the PDF shows them
/// after each section's heading: what happened, in the PDF's language, and the source section,
/// by its heading and its address on the web.
fn outdated(
    config: &SiteConfig,
    i18n: &I18n,
    ed: &Edition,
    ci: usize,
    marks: &Marks,
) -> BTreeMap<String, PdfOutdated> {
    let (v, e) = (ed.version, ed.edition);
    let source = &v.chapters[ci].source.body;
    let page = format!(
        "{}{}",
        config.base_url,
        out::chapter(
            &config.source_language,
            ed.doc_slug,
            &v.version.name,
            &v.chapters[ci].page
        )
    );
    let titles: BTreeMap<String, String> = crate::markdown::headings(source, None)
        .into_iter()
        .map(|h| (h.id, heading_text(&source[h.offset..])))
        .collect();
    marks
        .sections
        .iter()
        .map(|(id, mark)| {
            let mark = PdfOutdated {
                note: i18n.text(&e.lang, Marks::message_key(*mark), None),
                source_title: titles.get(id).cloned().unwrap_or_default(),
                source_url: format!("{page}#{id}"),
                source_lang: config.source_language.clone(),
            };
            (id.clone(), mark)
        })
        .collect()
}

/// The text of the heading that `line` starts with: without its `#` marks, closing `#`s and
/// explicit `{#id}`, and without emphasis and code marks.
fn heading_text(line: &str) -> String {
    let line = line.lines().next().unwrap_or_default().trim();
    let mut text = line.trim_start_matches('#').trim();
    if let Some(open) = text.rfind(" {#").filter(|_| text.ends_with('}')) {
        text = text[..open].trim_end();
    }
    let text = text.trim_end_matches('#').trim_end();
    text.chars().filter(|c| !matches!(c, '*' | '`')).collect()
}
