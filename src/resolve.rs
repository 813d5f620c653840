//! Stage 2: decide what the site contains.
//!
//! From the loaded sources, work out which documents and versions are built (drafts only on
//! request), which version is the latest, and for each language whether a version is the source,
//! a full or partial translation, or missing, and so which pages exist. Nothing is rendered here.

use crate::error::{Code, Diagnostic, Location};
use crate::load::config::{MissingPolicy, OutdatedPolicy};
use crate::load::content::{Asset, DocMeta, MarkdownFile, TranslationMeta, Version};
use crate::load::{Source, Status, yaml};
use crate::memo::{self, Key};
use crate::translate::{self, Freshness};
use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;
use std::sync::Arc;

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum LangState {
    /// The source language.
    Source,
    /// Every chapter is translated.
    Complete,
    /// Some chapters are translated.
    Partial,
    /// No translation at all.
    Missing,
}

#[derive(Debug, Clone)]
pub struct Chapter {
    /// Source file name, e.g. `01-scope.md`.
    pub file: String,
    /// Output page name, e.g. `01-scope.html` (`index.html` for `index.md`).
    pub page: String,
    pub source: MarkdownFile,
}

/// One language of one version.
#[derive(Debug, Clone)]
pub struct Edition {
    pub lang: String,
    pub state: LangState,
    /// Whether its pages are built at all.
    pub built: bool,
    pub meta: Option<TranslationMeta>,
    /// Per chapter, the translated text; `None` means the source text is shown.
    pub chapters: Vec<Option<MarkdownFile>>,
    /// Per chapter, how the translation relates to the current source (`None`: not translated).
    pub freshness: Vec<Option<Freshness>>,
    /// Its abstract was translated from another source abstract than the current one.
    pub abstract_outdated: bool,
    pub policy: OutdatedPolicy,
    pub assets: Vec<Asset>,
}

impl Edition {
    /// Source sections changed, added or removed since the stamps, over all chapters.
    pub fn outdated_sections(&self) -> usize {
        self.freshness
            .iter()
            .flatten()
            .map(|f| match f {
                Freshness::Outdated(c) => c.count(),
                _ => 0,
            })
            .sum()
    }

    /// The one word that sums the edition up for badges: source, missing, outdated, partial,
    /// unstamped or complete, in that order of precedence.
    pub fn badge(&self) -> &'static str {
        match self.state {
            LangState::Source => "source",
            LangState::Missing => "missing",
            _ if self.outdated_sections() > 0 => "outdated",
            LangState::Partial => "partial",
            _ if self
                .freshness
                .iter()
                .flatten()
                .any(|f| *f == Freshness::Unstamped) =>
            {
                "unstamped"
            }
            _ => "complete",
        }
    }
}

#[derive(Debug, Clone)]
pub struct DocVersion {
    pub version: Version,
    pub meta: DocMeta,
    pub chapters: Vec<Chapter>,
    pub assets: Vec<Asset>,
    /// One per site language, in the site's order (source first).
    pub editions: Vec<Edition>,
}

#[derive(Debug, Clone)]
pub struct Document {
    pub slug: String,
    /// What it was resolved from (whose fingerprint names it in [`crate::cache`]).
    pub source: Arc<crate::load::DocumentSource>,
    /// Oldest first.
    pub versions: Vec<DocVersion>,
    /// Index in `versions` of the version readers should read.
    pub latest: usize,
}

#[derive(Debug, Clone)]
pub struct Site {
    pub documents: Vec<std::sync::Arc<Document>>,
    pub drafts: bool,
    /// Problems found while resolving (duplicate ids, unknown versions).
    pub diagnostics: Vec<Diagnostic>,
}

impl Document {
    pub fn latest(&self) -> &DocVersion {
        &self.versions[self.latest]
    }

    /// The version that version `vi` is compared with: the one its `supersedes` names, else
    /// the one before it.
    pub fn predecessor(&self, vi: usize) -> Option<usize> {
        let named = self.versions[vi].meta.supersedes.as_deref();
        named
            .and_then(|name| self.versions.iter().position(|v| v.version.name == name))
            .filter(|&p| p != vi)
            .or_else(|| vi.checked_sub(1))
    }
}

impl DocVersion {
    pub fn edition(&self, lang: &str) -> Option<&Edition> {
        self.editions.iter().find(|e| e.lang == lang)
    }

    /// Whether the pages of `lang` exist (every chapter, translated or as a fallback).
    pub fn has_lang(&self, lang: &str) -> bool {
        self.edition(lang).is_some_and(|e| e.built)
    }

    /// Whether `chapter` in `lang` shows translated (or source-language) text, not a fallback.
    pub fn is_real(&self, lang: &str, chapter: usize) -> bool {
        self.edition(lang).is_some_and(|e| {
            e.built
                && (e.state == LangState::Source
                    || e.chapters.get(chapter).is_some_and(Option::is_some))
        })
    }
}

pub fn resolve(source: &Source, drafts: bool) -> Site {
    resolve_with(source, drafts, &mut Memo::default(), false)
}

/// What resolving leaves for the next run: each document as resolved (`None`: no version of
/// it is built), by the hash of its sources and the settings (see [`crate::memo`]).
#[derive(Default)]
pub struct Memo {
    documents: HashMap<Key, Option<Arc<Document>>>,
}

/// [`resolve`], reusing the documents in `memo` whose sources and settings are unchanged; the
/// memo is left holding this run's documents if `keep` is set.
pub fn resolve_with(source: &Source, drafts: bool, memo: &mut Memo, keep: bool) -> Site {
    use rayon::prelude::*;
    let mut diags = Vec::new();
    let policy = source.config.missing_translation;
    let settings = format!("{:?} {drafts}", source.config);
    // Comparing every chapter with its translations' stamps parses all the Markdown: do the
    // documents in parallel, then the cross-document checks in order.
    let resolved: Vec<(Option<Key>, Option<Arc<Document>>)> = source
        .documents
        .par_iter()
        .map(|doc| {
            let key = keep.then(|| memo::key(&[doc.fingerprint(), settings.as_bytes()]));
            memo::reuse(&memo.documents, key, || {
                let versions: Vec<DocVersion> = doc
                    .versions
                    .iter()
                    .filter(|v| drafts || v.meta.status != Status::Draft)
                    .map(|v| resolve_version(source, v, policy))
                    .collect();
                (!versions.is_empty()).then(|| {
                    Arc::new(Document {
                        slug: doc.slug.clone(),
                        source: doc.clone(),
                        latest: pick_latest(&versions),
                        versions,
                    })
                })
            })
        })
        .collect();
    let mut documents = Vec::new();
    let mut ids: BTreeMap<String, (PathBuf, String)> = BTreeMap::new();
    for (doc, (_, resolved)) in source.documents.iter().zip(&resolved) {
        for v in doc
            .versions
            .iter()
            .filter(|v| drafts || v.meta.status != Status::Draft)
        {
            check_id(&doc.slug, v, &mut ids, &mut diags);
            check_version_refs(doc, v, &mut diags);
        }
        if let Some(d) = resolved {
            for v in &d.versions {
                outdated_errors(v, &mut diags);
            }
            documents.push(d.clone());
        }
    }
    memo.documents = memo::kept(resolved);
    Site {
        documents,
        drafts,
        diagnostics: diags,
    }
}

/// The newest published version; failing that, the newest one that is built.
fn pick_latest(versions: &[DocVersion]) -> usize {
    versions
        .iter()
        .rposition(|v| v.meta.status == Status::Published)
        .unwrap_or(versions.len() - 1)
}

fn resolve_version(
    source: &Source,
    v: &crate::load::VersionSource,
    policy: MissingPolicy,
) -> DocVersion {
    let chapters: Vec<Chapter> = v
        .chapters
        .iter()
        .map(|c| Chapter {
            file: c.name.clone(),
            page: page_name(&c.name),
            source: c.clone(),
        })
        .collect();
    // Worked out once per chapter, when a translation's stamp first needs them.
    let source_sections: Vec<std::cell::OnceCell<Vec<translate::Section>>> = chapters
        .iter()
        .map(|_| std::cell::OnceCell::new())
        .collect();
    let editions = source
        .config
        .languages
        .iter()
        .map(|lang| {
            if source.config.is_source(&lang.code) {
                Edition::source(&lang.code, chapters.len())
            } else {
                let policies = (policy, source.config.outdated_policy(&lang.code));
                let t = v.translations.get(&lang.code);
                let source_abstract = v.meta.r#abstract.as_deref();
                translation(
                    &lang.code,
                    t,
                    &chapters,
                    &source_sections,
                    source_abstract,
                    policies,
                )
            }
        })
        .collect();
    DocVersion {
        version: v.version.clone(),
        meta: v.meta.clone(),
        chapters,
        assets: v.assets.clone(),
        editions,
    }
}

impl Edition {
    /// The source language's edition: every chapter is the source text.
    fn source(lang: &str, chapters: usize) -> Self {
        Self {
            lang: lang.to_string(),
            state: LangState::Source,
            built: true,
            meta: None,
            chapters: vec![None; chapters],
            freshness: vec![None; chapters],
            abstract_outdated: false,
            policy: OutdatedPolicy::Publish,
            assets: Vec::new(),
        }
    }
}

/// A translation language's edition of a version: which chapters are translated, how each
/// relates to its source, and whether its pages are built.
fn translation(
    lang: &str,
    t: Option<&crate::load::content::TranslationSource>,
    chapters: &[Chapter],
    source_sections: &[std::cell::OnceCell<Vec<translate::Section>>],
    source_abstract: Option<&str>,
    (missing, outdated): (MissingPolicy, OutdatedPolicy),
) -> Edition {
    let mut translated: Vec<Option<MarkdownFile>> = chapters
        .iter()
        .map(|c| t.and_then(|t| t.chapters.iter().find(|x| x.name == c.file).cloned()))
        .collect();
    // A chapter without text (an index.md that holds only front matter) has nothing to
    // translate: it counts as translated as soon as the language has any translation.
    if translated.iter().any(Option::is_some) {
        for (slot, c) in translated.iter_mut().zip(chapters) {
            if slot.is_none() && c.source.body.trim().is_empty() {
                *slot = Some(c.source.clone());
            }
        }
    }
    let count = translated.iter().filter(|c| c.is_some()).count();
    let state = match count {
        0 => LangState::Missing,
        n if n == chapters.len() => LangState::Complete,
        _ => LangState::Partial,
    };
    let built = match missing {
        MissingPolicy::Fallback => true,
        MissingPolicy::Omit => state == LangState::Complete,
    };
    let stamps = t.map(|t| &t.meta.source);
    let freshness = translated
        .iter()
        .zip(source_sections)
        .zip(chapters)
        .map(|((tr, secs), c)| {
            tr.as_ref().map(|_| {
                if c.source.body.trim().is_empty() {
                    Freshness::Current
                } else {
                    translate::compare(stamps.and_then(|s| s.get(&c.file)), || {
                        secs.get_or_init(|| translate::stamped_parts(&c.source.body))
                    })
                }
            })
        })
        .collect();
    Edition {
        lang: lang.to_string(),
        state,
        built,
        meta: t.map(|t| t.meta.clone()),
        chapters: translated,
        freshness,
        abstract_outdated: t.is_some_and(|t| {
            t.meta.r#abstract.is_some()
                && translate::abstract_outdated(&t.meta.source, source_abstract)
        }),
        policy: outdated,
        assets: t.map(|t| t.assets.clone()).unwrap_or_default(),
    }
}

/// `index.md` → `index.html`, `01-scope.md` → `01-scope.html`.
pub fn page_name(file: &str) -> String {
    format!("{}.html", file.strip_suffix(".md").unwrap_or(file))
}

fn check_id(
    slug: &str,
    v: &crate::load::VersionSource,
    ids: &mut BTreeMap<String, (PathBuf, String)>,
    diags: &mut Vec<Diagnostic>,
) {
    let Some(id) = &v.meta.id else { return };
    match ids.get(id) {
        Some((first, owner)) if owner != slug => diags.push(
            Diagnostic::error(
                Code::DuplicateId,
                Some(yaml::key_location(&v.index_path, &v.front_matter, "id")),
                format!(
                    "document id `{id}` is already used by {} ({})",
                    owner,
                    first.display()
                ),
            )
            .with_help("give each document its own id"),
        ),
        Some(_) => {}
        None => {
            ids.insert(id.clone(), (v.index_path.clone(), slug.to_string()));
        }
    }
}

fn check_version_refs(
    doc: &crate::load::DocumentSource,
    v: &crate::load::VersionSource,
    diags: &mut Vec<Diagnostic>,
) {
    for (key, target) in [
        ("supersedes", &v.meta.supersedes),
        ("superseded_by", &v.meta.superseded_by),
    ] {
        let Some(target) = target else { continue };
        if !doc.versions.iter().any(|o| &o.version.name == target) {
            let known: Vec<&str> = doc
                .versions
                .iter()
                .map(|o| o.version.name.as_str())
                .collect();
            diags.push(
                Diagnostic::warning(
                    Code::UnknownVersion,
                    Some(yaml::key_location(&v.index_path, &v.front_matter, key)),
                    format!(
                        "`{key}: {target}` names a version of `{}` that does not exist",
                        doc.slug
                    ),
                )
                .with_help(format!("known versions: {}", known.join(", "))),
            );
        }
    }
    if v.meta.status == Status::Superseded
        && v.meta.superseded_by.is_none()
        && !doc.versions.iter().any(|o| o.version > v.version)
    {
        diags.push(Diagnostic::warning(
            Code::SupersededWithoutSuccessor,
            Some(Location::in_text(&v.index_path, &v.front_matter, 1, 1)),
            "this version is superseded, but there is no newer version",
        ));
    }
}

/// Under the `fail` policy, each outdated translated chapter is an error at its file.
fn outdated_errors(v: &DocVersion, diags: &mut Vec<Diagnostic>) {
    for e in v
        .editions
        .iter()
        .filter(|e| e.policy == OutdatedPolicy::Fail)
    {
        for (ci, f) in e.freshness.iter().enumerate() {
            let (Some(Freshness::Outdated(c)), Some(file)) = (f, &e.chapters[ci]) else {
                continue;
            };
            let mut ids: Vec<&str> = c
                .changed
                .iter()
                .chain(&c.added)
                .chain(&c.removed)
                .map(String::as_str)
                .collect();
            ids.truncate(8);
            diags.push(
                Diagnostic::error(
                    Code::OutdatedTranslation,
                    Some(Location::file(&file.path)),
                    format!(
                        "this {} translation is outdated: source sections changed since it was stamped: {}",
                        e.lang,
                        ids.join(", ")
                    ),
                )
                .with_help(format!(
                    "update it (`bcop translate status --lang {}` shows the source diff), then run `bcop translate stamp {}`; or set outdated_translation: publish",
                    e.lang,
                    file.path.display()
                )),
            );
        }
    }
}
