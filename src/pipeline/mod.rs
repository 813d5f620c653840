//! The pipeline: load → resolve → render, with write as the sink the caller hands in. `build`,
//! `check` and `serve` all run it through [`compile`], so there is one way a site becomes
//! pages. It takes plain [`Options`] (the command layer turns command lines into them) and a
//! [`State`] that holds each stage's memo between runs, so that `serve` rebuilds only what an
//! edit touched.

mod ui;

use crate::error::{Diagnostic, Error, Result};
pub use crate::load::Changes;
use crate::load::{self, Source};
use crate::memo::{self, Key};
use crate::render::{self, Sink};
pub use crate::render::{Contents, Output, OutputFile, Search};
use crate::resolve;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use ui::Ui;
pub(crate) use ui::keywords;

/// What one run builds, and how.
#[derive(Debug, Clone)]
pub struct Options {
    /// The site's folder, which holds `site.yaml`.
    pub root: PathBuf,
    /// Include versions whose status is draft.
    pub drafts: bool,
    /// Overrides `base_url` from `site.yaml`.
    pub base_url: Option<String>,
    /// Typeset the PDFs.
    pub pdf: bool,
    /// Without `pdf`: work out the cache key each PDF would have, without typesetting it
    /// ([`render::Output::pdf_keys`]), for `bcop changed`.
    pub pdf_keys: bool,
    /// Where content-addressed results (PDFs) are cached between runs.
    pub cache_dir: PathBuf,
    /// When the search index is made: with the pages (`build`), by the caller after them
    /// (`serve`), or not at all (`check`, `changed`).
    pub search: Search,
}

impl Options {
    /// Options for the site at `root`, with the default cache folder inside it.
    pub fn new(root: &Path) -> Self {
        Self {
            root: root.to_path_buf(),
            drafts: false,
            base_url: None,
            pdf: true,
            pdf_keys: false,
            cache_dir: root.join(crate::paths::site::CACHE),
            search: Search::Now,
        }
    }

    /// The cache's folder of PDFs ([`crate::pdf::cache`]).
    pub fn pdf_cache(&self) -> PathBuf {
        self.cache_dir.join("pdf")
    }
}

/// What one run of the pipeline leaves for the next: each stage's memo.
#[derive(Default)]
pub struct State {
    /// Set for a run that nothing runs after (`build`, `check`): the stages neither hash their
    /// inputs nor keep their work.
    single_use: bool,
    /// The sources as last loaded, and what changed on disk since.
    source: Option<Source>,
    changes: Option<Changes>,
    /// The catalogs and templates, by the hash of the theme and `site.yaml`.
    ui: Option<(Key, Arc<Ui>)>,
    resolve: resolve::Memo,
    render: render::Memo,
    /// Resolved sites of single-use runs, held rather than freed (see [`render::Memo`]).
    spent: Vec<Box<dyn std::any::Any + Send + Sync>>,
}

impl State {
    /// The state of a run whose work nothing will reuse.
    pub fn single_use() -> Self {
        Self {
            single_use: true,
            ..Self::default()
        }
    }

    /// Records that files changed on disk; the next run rereads what they belong to.
    pub fn changed(&mut self, changes: Changes) {
        self.changes = Some(match (self.changes.take(), changes) {
            (Some(Changes::Documents(mut a)), Changes::Documents(b)) => {
                a.extend(b);
                Changes::Documents(a)
            }
            (None, c) => c,
            _ => Changes::All,
        });
    }
}

/// What a run of the pipeline produced: the site (when nothing stopped it) and every problem.
pub struct Compiled {
    pub output: Option<render::Output>,
    /// Errors and warnings from every stage, sorted, errors first.
    pub diagnostics: Vec<Diagnostic>,
}

impl Compiled {
    pub fn has_errors(&self) -> bool {
        load::has_errors(&self.diagnostics)
    }
}

/// The whole pipeline short of writing. It goes as far as it can and collects every
/// diagnostic; it fails only when there is no site to speak of. It reuses the work in `state`
/// that the changes recorded there leave valid, and leaves this run's work there for the next.
/// With a `sink`, the files go to it as they are made instead of into the output (whose
/// `files` is then empty).
pub fn compile(opts: &Options, state: &mut State, sink: Option<&dyn Sink>) -> Result<Compiled> {
    // Paths in messages read better as `content/x.md` than `./content/x.md`.
    let root = if opts.root == Path::new(".") {
        Path::new("")
    } else {
        opts.root.as_path()
    };
    let timer = crate::timing::Timer::start();
    let (source, ui_key, ui) = load_with_ui(root, opts, state)?;
    timer.mark("load, catalogs and templates");
    let mut diags = source.diagnostics.clone();
    let keep = !state.single_use;
    let site = resolve::resolve_with(&source, opts.drafts, &mut state.resolve, keep);
    timer.mark("resolve");
    diags.extend(site.diagnostics.iter().cloned());
    diags.extend(ui.diagnostics.iter().cloned());
    let mut output = None;
    if let (Some(templates), false) = (&ui.templates, load::has_errors(&diags)) {
        let engine = if opts.pdf || opts.pdf_keys {
            ui::pdf_engine(&source, root, &mut diags)
        } else {
            None
        };
        let pdf_cache = opts.pdf_cache();
        let inputs = render::Inputs {
            source: &source,
            site: &site,
            i18n: &ui.i18n,
            templates,
            keywords: &ui.keywords,
            pdf: engine.as_ref().map(|engine| render::PdfSetup {
                engine,
                cache: &pdf_cache,
                typeset: opts.pdf,
            }),
            // Everything site-wide that a document's rendering depends on.
            settings: memo::key(&[
                &ui_key,
                &[
                    u8::from(opts.drafts),
                    u8::from(opts.pdf),
                    u8::from(opts.pdf_keys),
                    u8::from(opts.search == Search::Off),
                ],
            ]),
            search: opts.search,
        };
        match render::render(&inputs, &mut state.render, keep, sink) {
            Ok(mut o) => {
                diags.append(&mut o.warnings);
                output = Some(o);
            }
            Err(Error::Site(d)) => diags.extend(d),
            Err(e) => return Err(e),
        }
    }
    state.source = Some(source);
    if state.single_use {
        state.spent.push(Box::new(site));
    }
    diags.sort_by(|a, b| b.severity.cmp(&a.severity).then_with(|| a.cmp(b)));
    diags.dedup();
    Ok(Compiled {
        output,
        diagnostics: diags,
    })
}

/// Loads the site (again, after the changes recorded in `state`), and makes the UI (catalogs
/// and templates), or takes it from `state`, while the documents load: it depends on
/// `site.yaml` and the theme only.
fn load_with_ui(root: &Path, opts: &Options, state: &mut State) -> Result<(Source, Key, Arc<Ui>)> {
    let changes = state.changes.take().unwrap_or(Changes::All);
    let cached_ui = state.ui.clone();
    let loaded = load::reload_with(
        root,
        opts.base_url.as_deref(),
        state.source.as_ref(),
        &changes,
        |config, theme| {
            let ui_key = memo::key(&[&theme.fingerprint, format!("{config:?}").as_bytes()]);
            match cached_ui {
                Some((k, ui)) if k == ui_key => (ui_key, ui),
                _ => (ui_key, Arc::new(Ui::new(config, theme, root))),
            }
        },
    );
    match loaded {
        Ok((source, (ui_key, ui))) => {
            state.ui = Some((ui_key, ui.clone()));
            Ok((source, ui_key, ui))
        }
        Err(e) => {
            // Nothing to start from next time: read everything again.
            state.source = None;
            Err(e)
        }
    }
}
