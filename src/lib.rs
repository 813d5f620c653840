//! # bcop: architecture
//!
//! bcop compiles a site (`site.yaml`, `content/`, `locales/`, `themes/`) into a static,
//! versioned, multilingual website. A build is four stages that pass plain data:
//!
//! 1. [`load`] reads the source tree: `site.yaml` into a validated [`config::SiteConfig`],
//!    each `content/<doc>/<version>/` with its front matter and chapters, the translations in
//!    `locales/<lang>/<doc>/<version>/`, and the theme's templates, catalogs and static files
//!    (site files over the theme's, over the built-in default theme). It is the only stage
//!    that reads the site.
//! 2. [`resolve`] decides what is built: drafts or not, the latest version of each document,
//!    and for every version and language whether it is the source, a complete or partial
//!    translation, or missing (and so shown as a marked fallback, or omitted).
//! 3. [`render`] renders the documents in parallel (rayon), each as one unit: every chapter's
//!    Markdown once per language, with heading ids shared across languages; one PDF per
//!    version and language with Typst ([`pdf`], cached on disk by content); then its pages,
//!    filled into the Tera templates with view structs ([`render::views`]), and its print
//!    editions. UI strings come only from Fluent ([`i18n`]). Links are checked across all
//!    documents, and the catalogs, sitemap and feeds are put together from the units' parts.
//! 4. [`write`] takes each document's files as soon as they are rendered into a staging folder,
//!    and swaps it in once the build has succeeded, so a failed build never damages the
//!    published site and the output is never held in memory whole.
//!
//! [`cache`] keeps each stage's per-document work keyed by content hash, so that `serve`
//! rebuilds only the documents an edit touched; `build` runs the same code with an empty cache.
//!
//! Around the pipeline: [`translate`] fingerprints source sections so that outdated
//! translations are marked section by section (and `bcop translate` stamps and reports them);
//! [`serve`] runs the pipeline on every change and reloads the browser; `bcop check`
//! ([`cmd::check`]) reports every diagnostic without writing.
//!
//! Every problem an author can make is a [`error::Diagnostic`] with `path:line:col`.

pub mod cache;
pub mod cli;
pub mod cmd;
pub mod config;
pub mod edit;
pub mod error;
pub mod i18n;
pub mod load;
pub mod pdf;
pub mod render;
pub mod resolve;
pub mod serve;
pub mod timing;
pub mod translate;
pub mod write;

use cli::{Cli, Command, SiteArgs};
use error::Result;
use std::sync::Arc;

/// Runs one command line.
pub fn run(cli: Cli) -> Result<()> {
    match cli.command {
        Command::Build(args) => cmd::build::run(&args),
        Command::Check(args) => cmd::check::run(&args),
        Command::New(args) => cmd::new::run(&args),
        Command::Serve(args) => serve::run(&args),
        Command::Translate(t) => cmd::translate::run(&t),
        Command::Completions { shell } => {
            use clap::CommandFactory;
            clap_complete::generate(shell, &mut Cli::command(), "bcop", &mut std::io::stdout());
            Ok(())
        }
    }
}

/// The PDF engine for the theme's (or site's) template; its fonts are scanned once here.
fn pdf_engine(
    source: &load::Source,
    root: &std::path::Path,
    diags: &mut Vec<error::Diagnostic>,
) -> Option<pdf::PdfEngine> {
    let Some(template) = &source.theme.pdf_template else {
        diags.push(
            error::Diagnostic::error(
                "missing-pdf-template",
                Some(error::Location::file(
                    &root.join("themes").join(&source.config.theme),
                )),
                "the theme has no pdf/document.typ, so no PDF can be made",
            )
            .with_help("add pdf/document.typ to the theme, or build with --no-pdf"),
        );
        return None;
    };
    match pdf::PdfEngine::new(&template.text, &template.path, &source.theme.font_dirs) {
        Ok(e) => Some(e),
        Err(d) => {
            diags.push(d);
            None
        }
    }
}

/// The UI catalogs and the templates, with the problems found in them.
fn user_interface(
    config: &config::SiteConfig,
    theme: &load::ThemeSource,
    root: &std::path::Path,
) -> cache::Ui {
    let mut diagnostics = Vec::new();
    let i18n = i18n::I18n::for_site(config, theme, &mut diagnostics);
    diagnostics.extend(i18n.missing_key_warnings());
    diagnostics.extend(translate::catalogs::check(
        &i18n,
        &config.source_language,
        &theme.templates,
        &root.join("locales"),
    ));
    let i18n = Arc::new(i18n);
    let templates = match render::templates::Templates::new(&theme.templates, i18n.clone()) {
        Ok(t) => Some(t),
        Err(error::Error::Site(d)) => {
            diagnostics.extend(d);
            None
        }
        Err(e) => {
            diagnostics.push(error::Diagnostic::error("templates", None, e.to_string()));
            None
        }
    };
    cache::Ui {
        i18n,
        templates,
        diagnostics,
    }
}

/// What a run of the pipeline produced: the site (when nothing stopped it) and every problem.
pub struct Compiled {
    pub output: Option<render::Output>,
    /// Errors and warnings from every stage, sorted, errors first.
    pub diagnostics: Vec<error::Diagnostic>,
}

impl Compiled {
    pub fn has_errors(&self) -> bool {
        load::has_errors(&self.diagnostics)
    }
}

/// The whole pipeline short of writing, shared by `build`, `serve` and `check`. It goes as far
/// as it can and collects every diagnostic; it fails only when there is no site to speak of.
pub fn compile(args: &SiteArgs, pdf: bool) -> Result<Compiled> {
    compile_with(args, pdf, &mut cache::Cache::single_use(), None)
}

/// [`compile`], reusing the work in `cache` that the changes recorded in it leave valid (see
/// [`cache`]), and leaving this run's work there for the next.
pub fn compile_cached(args: &SiteArgs, pdf: bool, cache: &mut cache::Cache) -> Result<Compiled> {
    compile_with(args, pdf, cache, None)
}

/// [`compile_cached`], handing the files to `sink` as they are made instead of keeping them
/// (the output's `files` is then empty).
pub fn compile_with(
    args: &SiteArgs,
    pdf: bool,
    cache: &mut cache::Cache,
    sink: Option<&dyn render::Sink>,
) -> Result<Compiled> {
    // Paths in messages read better as `content/x.md` than `./content/x.md`.
    let root = if args.root == std::path::Path::new(".") {
        std::path::Path::new("")
    } else {
        args.root.as_path()
    };
    let timer = timing::Timer::start();
    let changes = cache.changes.take().unwrap_or(load::Changes::All);
    // The UI (catalogs and templates) depends on site.yaml and the theme only: it is made, or
    // taken from the cache, while the documents load.
    let cached_ui = cache.ui.clone();
    let loaded = load::reload_with(
        root,
        args.base_url.as_deref(),
        cache.source.as_ref(),
        &changes,
        |config, theme| {
            let ui_key = cache::key(&[&theme.fingerprint, format!("{config:?}").as_bytes()]);
            match cached_ui {
                Some((k, ui)) if k == ui_key => (ui_key, ui),
                _ => (ui_key, Arc::new(user_interface(config, theme, root))),
            }
        },
    );
    let (source, (ui_key, ui)) = match loaded {
        Ok(s) => s,
        Err(e) => {
            // Nothing to start from next time: read everything again.
            cache.source = None;
            return Err(e);
        }
    };
    cache.ui = Some((ui_key, ui.clone()));
    timer.mark("load, catalogs and templates");
    let mut diags = source.diagnostics.clone();
    let site =
        resolve::resolve_cached(&source, args.drafts, &mut cache.resolved, !cache.single_use);
    timer.mark("resolve");
    diags.extend(site.diagnostics.iter().cloned());
    diags.extend(ui.diagnostics.iter().cloned());
    let i18n = &ui.i18n;
    // Everything site-wide that a document's rendering depends on.
    let settings = cache::key(&[&ui_key, &[u8::from(args.drafts), u8::from(pdf)]]);
    let mut output = None;
    if let (Some(templates), false) = (&ui.templates, load::has_errors(&diags)) {
        let engine = if pdf {
            pdf_engine(&source, root, &mut diags)
        } else {
            None
        };
        let pdf_cache = root.join(".bcop-cache").join("pdf");
        let setup = engine.as_ref().map(|engine| render::PdfSetup {
            engine,
            cache: &pdf_cache,
        });
        match render::render(
            &source, &site, i18n, templates, setup, cache, &settings, sink,
        ) {
            Ok(mut o) => {
                diags.append(&mut o.warnings);
                output = Some(o);
            }
            Err(error::Error::Site(d)) => diags.extend(d),
            Err(e) => return Err(e),
        }
    }
    cache.source = Some(source);
    if cache.single_use {
        cache.spent.push(Box::new(site));
    }
    diags.sort_by(|a, b| b.severity.cmp(&a.severity).then_with(|| a.cmp(b)));
    diags.dedup();
    Ok(Compiled {
        output,
        diagnostics: diags,
    })
}
