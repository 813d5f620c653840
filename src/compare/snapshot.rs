//! One side of the comparison: a site compiled in memory, kept as the hash of every output
//! file, the cache key of every PDF, and the state of every translation.

use crate::error::{Diagnostic, Error, Result};
use crate::pipeline::{Contents, Options, OutputFile, State};
use crate::render::Sink;
use crate::resolve::{Edition, LangState};
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Mutex;

/// (document, version, language).
pub type EditionKey = (String, String, String);

#[derive(Default)]
pub struct Snapshot {
    /// Every output file's BLAKE3 hash, by its path in the output.
    pub files: BTreeMap<String, blake3::Hash>,
    /// What each PDF's cache key would be, by its path: a PDF changes when its key does.
    pub pdfs: BTreeMap<String, String>,
    /// The state of every translation that has a source version (not the source language's).
    pub translations: BTreeMap<EditionKey, &'static str>,
    /// The site's languages, documents and their versions, in the site's order.
    pub languages: Vec<String>,
    pub documents: Vec<(String, Vec<String>)>,
}

impl Snapshot {
    /// Compiles the site at `root` without typesetting. Fails when the site has errors:
    /// what it would publish is then unknown. `what` names the site in that message.
    pub fn of(root: &Path, drafts: bool, what: &str) -> Result<Self> {
        let options = Options {
            drafts,
            pdf: false,
            pdf_keys: true,
            // What changed for readers is in the pages; the index follows from them.
            search: crate::pipeline::Search::Off,
            ..Options::new(root)
        };
        let sink = Collect::default();
        let compiled = crate::pipeline::compile(&options, &mut State::single_use(), Some(&sink))?;
        let output = match compiled.output {
            Some(o) if !compiled.has_errors() => o,
            _ => return Err(has_errors(compiled.diagnostics, what)),
        };
        let source = crate::load::load(root, None)?;
        let site = crate::resolve::resolve(&source, drafts);
        let mut translations = BTreeMap::new();
        let mut documents = Vec::new();
        for d in &site.documents {
            let mut versions = Vec::new();
            for v in &d.versions {
                let name = v.version.name.clone();
                for e in v.editions.iter().filter(|e| e.state != LangState::Source) {
                    let key = (d.slug.clone(), name.clone(), e.lang.clone());
                    translations.insert(key, state(e));
                }
                versions.push(name);
            }
            documents.push((d.slug.clone(), versions));
        }
        let files = sink.0.into_inner().map_err(|_| poisoned())?;
        Ok(Self {
            files,
            pdfs: output.pdf_keys,
            translations,
            languages: source
                .config
                .languages
                .iter()
                .map(|l| l.code.clone())
                .collect(),
            documents,
        })
    }
}

/// A translation's state in one word: `fallback` (nothing translated; the pages show the
/// source), `omitted` (not published), or the badge of `bcop translate status` (`partial`,
/// `outdated`, `unstamped`, `complete`).
fn state(e: &Edition) -> &'static str {
    match (e.state, e.built) {
        (_, false) => "omitted",
        (LangState::Missing, true) => "fallback",
        _ => e.badge(),
    }
}

/// The errors of a site that cannot be compared, as one error.
fn has_errors(diagnostics: Vec<Diagnostic>, what: &str) -> Error {
    let mut errors: Vec<Diagnostic> = diagnostics
        .into_iter()
        .filter(|d| d.severity == crate::error::Severity::Error)
        .collect();
    for d in &mut errors {
        d.message = format!("{what}: {}", d.message);
    }
    Error::Site(errors)
}

fn poisoned() -> Error {
    Error::Internal("a thread failed while the output was hashed".into())
}

/// A sink that keeps each file's hash (the first file of a path, as a build writes it).
#[derive(Default)]
struct Collect(Mutex<BTreeMap<String, blake3::Hash>>);

impl Sink for Collect {
    fn put(&self, file: &OutputFile) -> Result<()> {
        let mut h = blake3::Hasher::new();
        match &file.contents {
            Contents::Page(page) => {
                for piece in page.pieces() {
                    h.update(piece);
                }
            }
            Contents::Bytes(b) => {
                h.update(b);
            }
            Contents::Static(b) => {
                h.update(b);
            }
            Contents::Copy(path) => {
                h.update(&std::fs::read(path).map_err(|e| Error::io(path, e))?);
            }
        }
        let hash = h.finalize();
        let mut files = self.0.lock().map_err(|_| poisoned())?;
        files.entry(file.path.clone()).or_insert(hash);
        Ok(())
    }
}
