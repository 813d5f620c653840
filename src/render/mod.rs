//! Stage 3: turn the resolved site into output files.
//!
//! Documents are rendered in parallel, each as one unit: its Markdown once per chapter and
//! language, its PDFs, then every page filled into its template. Links are checked across all
//! of them, and the site-wide pages are put together from their parts. The files are kept in
//! memory (`serve`) or handed to a [`Sink`] as they are made (`build` writes them straight
//! into its staging folder).

pub mod cite;
pub mod feed;
pub mod links;
pub mod pages;
pub mod pdfs;
pub mod print;
pub mod search;
pub mod sitemap;
pub mod templates;
pub mod translation;
pub mod views;

use crate::bcp14::{Keywords, Level};
use crate::error::{Code, Diagnostic, Error, Result};
use crate::i18n::I18n;
use crate::load::Source;
use crate::load::theme::Bytes;
use crate::markdown::html::Bcp14;
use crate::markdown::requirements::has_requirements;
use crate::markdown::{self, AlertTitles, Input, Rendered};
use crate::memo::{Key, key};
use crate::paths::out;
use crate::resolve::{DocVersion, Document, Site};
use pages::{DocMarkdown, Markdown, Pages};
use rayon::prelude::*;
use std::collections::{BTreeSet, HashMap};
use std::path::PathBuf;
use std::sync::Arc;
use templates::Templates;

#[derive(Debug, Clone)]
pub enum Contents {
    /// Generated, and shared with [`crate::cache`].
    Bytes(Arc<Vec<u8>>),
    /// A page with chapter HTML in it, in pieces.
    Page(Arc<Page>),
    /// A file copied as it is.
    Copy(PathBuf),
    Static(&'static [u8]),
}

impl Contents {
    /// The file's bytes, in one buffer (read from its source for a copied file).
    pub fn to_vec(&self) -> std::io::Result<Vec<u8>> {
        Ok(match self {
            Contents::Bytes(b) => b.to_vec(),
            Contents::Page(p) => p.to_vec(),
            Contents::Copy(path) => std::fs::read(path)?,
            Contents::Static(b) => b.to_vec(),
        })
    }
}

/// A page as its template made it, with the chapter HTML that goes where the template printed
/// [`pages::html_marker`]s. It is written piece by piece (one `writev`), so the HTML, most of a
/// page, is never copied into a buffer of the whole page: it stays shared with the rendered
/// Markdown.
#[derive(Debug)]
pub struct Page {
    template: Vec<u8>,
    /// The markers' byte ranges in `template`, in order, each with the HTML that replaces it.
    inserts: Vec<(std::ops::Range<usize>, Arc<String>)>,
}

impl Page {
    /// `template` with each marker `n` replaced by `parts[n]`. Markers of other numbers, and
    /// text that only looks like a marker, stay as they are.
    pub fn fill(template: Vec<u8>, parts: &[Arc<String>]) -> Self {
        let prefix = pages::HTML_MARKER.as_bytes();
        let finder = memchr::memmem::Finder::new(prefix);
        let mut inserts = Vec::with_capacity(parts.len());
        let mut from = 0;
        while let Some(at) = finder.find(&template[from..]).map(|i| from + i) {
            let after = at + prefix.len();
            let found = template[after..]
                .iter()
                .position(|&b| b == 1)
                .and_then(|len| {
                    let n: usize = std::str::from_utf8(&template[after..after + len])
                        .ok()?
                        .parse()
                        .ok()?;
                    Some((after + len + 1, parts.get(n)?))
                });
            from = match found {
                Some((end, part)) => {
                    inserts.push((at..end, part.clone()));
                    end
                }
                None => after,
            };
        }
        Self { template, inserts }
    }

    /// The page's bytes, in order, in as few pieces as there are.
    pub fn pieces(&self) -> Vec<&[u8]> {
        let mut pieces = Vec::with_capacity(2 * self.inserts.len() + 1);
        let mut copied = 0;
        for (range, html) in &self.inserts {
            pieces.push(&self.template[copied..range.start]);
            pieces.push(html.as_bytes());
            copied = range.end;
        }
        pieces.push(&self.template[copied..]);
        pieces
    }

    pub fn len(&self) -> usize {
        let markers: usize = self.inserts.iter().map(|(range, _)| range.len()).sum();
        let html: usize = self.inserts.iter().map(|(_, html)| html.len()).sum();
        self.template.len() - markers + html
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn to_vec(&self) -> Vec<u8> {
        self.pieces().concat()
    }
}

#[derive(Debug, Clone)]
pub struct OutputFile {
    /// Relative to the output root, with `/` separators.
    pub path: String,
    pub contents: Contents,
    /// A file copied from the sources (a document's image), not a page.
    pub asset: bool,
}

impl OutputFile {
    pub fn generated(path: String, text: String) -> Self {
        Self::page(path, text.into_bytes())
    }

    pub fn page(path: String, bytes: Vec<u8>) -> Self {
        Self {
            path,
            contents: Contents::Bytes(Arc::new(bytes)),
            asset: false,
        }
    }

    fn filled(path: String, page: Page) -> Self {
        Self {
            path,
            contents: Contents::Page(Arc::new(page)),
            asset: false,
        }
    }
}

/// The whole site, ready to be written. Files are sorted by path.
#[derive(Debug, Clone, Default)]
pub struct Output {
    pub files: Vec<OutputFile>,
    pub warnings: Vec<Diagnostic>,
    /// PDFs made, how many of them came from the cache, and how many damaged cache entries
    /// were typeset again.
    pub pdfs: usize,
    pub pdf_cache_hits: usize,
    pub pdf_cache_rejected: usize,
    /// Without typesetting ([`PdfSetup::typeset`] off): each PDF's cache key, by output path.
    pub pdf_keys: std::collections::BTreeMap<String, String>,
    /// Documents built, and how many of them were reused whole from the last build's cache.
    pub documents: usize,
    pub documents_reused: usize,
    /// With [`Search::Later`]: what the search index is made from, for the caller to make its
    /// files when it likes (they are not in `files`).
    pub search: Option<Arc<search::SearchLater>>,
}

/// The PDF engine and its cache folder, when PDFs are built.
pub struct PdfSetup<'a> {
    pub engine: &'a crate::pdf::PdfEngine,
    pub cache: &'a std::path::Path,
    /// Off: no PDF is typeset (and no page links one); only each PDF's cache key is worked
    /// out, which says whether it would change.
    pub typeset: bool,
}

/// Where finished files go as they are made (`build` writes them to its staging folder). With a
/// sink, the output is not kept in memory: each document's files are handed over as soon as
/// they are rendered, so memory stays bounded however large the site is.
pub trait Sink: Sync {
    /// Takes one file. A path that was already taken keeps its first file.
    fn put(&self, file: &OutputFile) -> Result<()>;
}

/// A sink that drops every file (`check` wants only the diagnostics).
pub struct Discard;

impl Sink for Discard {
    fn put(&self, _: &OutputFile) -> Result<()> {
        Ok(())
    }
}

/// Everything rendering reads: the sources, the resolved site, the UI and the PDF engine.
pub struct Inputs<'a> {
    pub source: &'a Source,
    pub site: &'a Site,
    pub i18n: &'a I18n,
    pub templates: &'a Templates,
    /// The BCP 14 keywords of every language.
    pub keywords: &'a Keywords,
    pub pdf: Option<PdfSetup<'a>>,
    /// A hash of the site-wide inputs that every document's rendering depends on.
    pub settings: Key,
    /// When the search index is made.
    pub search: Search,
}

/// When the search index is made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Search {
    /// With the pages, into the output.
    Now,
    /// By the caller, from [`Output::search`].
    Later,
    /// Not at all: the documents are not indexed.
    Off,
}

/// What rendering leaves for the next run (see [`crate::memo`]).
#[derive(Default)]
pub struct Memo {
    /// Each document's rendered unit, by its sources and the settings.
    units: HashMap<Key, Arc<DocUnit>>,
    /// The site-wide pages, and the sitemap, feeds and robots.txt, by the hash of what the
    /// documents gave them.
    site: Option<(Key, Arc<SiteFiles>)>,
    links: links::Memo,
    /// A single-use run's work that nothing needs any more: held rather than freed, so that
    /// `build`, which never frees its state, leaves it to the operating system at exit instead
    /// of freeing it allocation by allocation.
    pub(crate) spent: Vec<Box<dyn std::any::Any + Send + Sync>>,
}

/// Renders the site. Each document is rendered as one unit (Markdown, PDFs, pages, and its
/// parts of the catalogs, sitemap and feeds), reused from `memo` when its inputs (the
/// document's fingerprint and the settings) are unchanged; with `keep`, the memo is left
/// holding this run's work.
///
/// Precedence, when two files have the same path: a document's pages, then its PDFs, then its
/// assets; then the site's pages (home, catalogs, 404), the theme's static files, and last the
/// sitemap, feeds and robots.txt. The first one wins.
pub fn render(
    inputs: &Inputs,
    memo: &mut Memo,
    keep: bool,
    sink: Option<&dyn Sink>,
) -> Result<Output> {
    let timer = crate::timing::Timer::start();
    let make = Make { inputs, sink, keep };
    let (docs, documents_reused) = make.units(memo)?;
    timer.mark("documents");
    let mut warnings: Vec<Diagnostic> = docs
        .iter()
        .flat_map(|u| u.warnings.iter().cloned())
        .collect();
    let md = Markdown {
        docs: docs.iter().map(|u| u.md.clone()).collect(),
    };
    // The links are checked while the site-wide pages are made: neither needs the other.
    let search = (inputs.search != Search::Off).then(|| Arc::new(make.search_later(&docs)));
    let (link_warnings, (site_files, search_files)) = rayon::join(
        || {
            let config = &inputs.source.config;
            links::check(
                config,
                inputs.site,
                &md,
                &mut memo.links,
                &inputs.settings,
                keep,
            )
        },
        || {
            rayon::join(
                || make.site_files_memo(&docs, &mut memo.site),
                || -> Result<Option<Vec<OutputFile>>> {
                    let Some(s) = search.as_ref().filter(|_| inputs.search == Search::Now) else {
                        return Ok(None);
                    };
                    match sink {
                        // Written as they are made. Of the files that win over the index's,
                        // only the theme's could have its paths (site pages are not under
                        // `search/`, and the documents' went to the sink already).
                        Some(sink) => {
                            let theme = theme_files(inputs.source);
                            let taken = theme.iter().map(|f| f.path.as_str()).collect();
                            s.write(sink, &taken)?;
                            Ok(None)
                        }
                        None => Ok(Some(s.files())),
                    }
                },
            )
        },
    );
    warnings.extend(link_warnings);
    let site_files = site_files?;
    let search_files = search_files?;
    timer.mark("links, site pages and search index");
    let files = hand_over(
        inputs.source,
        &docs,
        &site_files,
        search_files.as_deref().unwrap_or_default(),
        sink,
    )?;
    timer.mark("site pages handed over");
    let output = Output {
        files,
        warnings,
        pdfs: docs.iter().map(|u| u.pdfs).sum(),
        pdf_cache_hits: docs.iter().map(|u| u.pdf_cache_hits).sum(),
        pdf_cache_rejected: docs.iter().map(|u| u.pdf_cache_rejected).sum(),
        pdf_keys: docs
            .iter()
            .flat_map(|u| u.pdf_keys.iter().map(|(p, k)| (p.clone(), k.clone())))
            .collect(),
        documents: docs.len(),
        documents_reused,
        search: search.filter(|_| inputs.search == Search::Later),
    };
    if !keep {
        memo.spent.push(Box::new((docs, md)));
    }
    Ok(output)
}

/// Hands the site's files to `sink` (the documents' went as they were made), or, without a
/// sink, returns them all, sorted by path, the first of equal paths kept.
fn hand_over(
    source: &Source,
    docs: &[Arc<DocUnit>],
    site_files: &SiteFiles,
    search_files: &[OutputFile],
    sink: Option<&dyn Sink>,
) -> Result<Vec<OutputFile>> {
    let theme = theme_files(source);
    let last = site_files
        .pages
        .iter()
        .chain(&theme)
        .chain(&site_files.extras)
        .chain(search_files);
    let mut files = Vec::new();
    if let Some(sink) = sink {
        // Of equal paths the first is kept (the sink keeps the first it takes): dropping the
        // later ones here lets the rest be written in parallel.
        let mut seen = std::collections::HashSet::new();
        let firsts: Vec<&OutputFile> = last.filter(|f| seen.insert(&f.path)).collect();
        firsts.par_iter().try_for_each(|f| sink.put(f))?;
    } else {
        files.reserve(docs.iter().map(|u| u.files.len()).sum::<usize>() + 64);
        for u in docs {
            files.extend(u.files.iter().cloned());
        }
        files.extend(last.cloned());
        // Stable: of equal paths, the first (see the precedence above) is kept.
        files.sort_by(|a, b| a.path.cmp(&b.path));
        files.dedup_by(|b, a| a.path == b.path);
    }
    Ok(files)
}

/// Everything made from one document: reused while the document and the site-wide inputs are
/// unchanged ([`crate::cache`]).
pub struct DocUnit {
    /// Its rendered Markdown (without the HTML when a sink took the pages).
    md: Arc<DocMarkdown>,
    /// Its pages (chapters, print editions, histories, aliases), PDFs and assets, sorted by
    /// path; empty when a sink took them.
    files: Vec<OutputFile>,
    /// Missing images, and the PDF engine's warnings.
    warnings: Vec<Diagnostic>,
    pdfs: usize,
    pdf_cache_hits: usize,
    pdf_cache_rejected: usize,
    pdf_keys: std::collections::BTreeMap<String, String>,
    /// What the site-wide pages take from it.
    parts: SiteParts,
    /// Its pages, indexed for search.
    search: crate::search::DocIndex,
}

/// What the site-wide pages (catalogs, home, sitemap, feeds) take from one document.
struct SiteParts {
    /// Its entry in each language's catalog (in the site's order), then in the home page's.
    catalog: Vec<views::CatalogEntry>,
    /// Per site language, whether its latest version has a real edition in it.
    translated: Vec<bool>,
    sitemap: String,
    /// Per site language, its entries in the feed.
    feeds: Vec<Vec<feed::Entry>>,
    /// A hash of the four fields above, for the next run to compare (with `keep` only).
    key: Key,
}

impl SiteParts {
    fn of(pages: &Pages, doc: &Document, keep: bool) -> Result<Self> {
        let config = pages.config;
        let langs = &config.languages;
        let mut catalog: Vec<views::CatalogEntry> = langs
            .iter()
            .map(|l| pages.catalog_entry(doc, &l.code, &out::catalog(&l.code)))
            .collect();
        catalog.push(pages.catalog_entry(doc, &config.source_language, out::INDEX));
        let translated: Vec<bool> = langs
            .iter()
            .map(|l| {
                doc.latest()
                    .edition(&l.code)
                    .is_some_and(|e| e.state != crate::resolve::LangState::Missing)
            })
            .collect();
        let sitemap = sitemap::document(pages, doc);
        let feeds: Vec<Vec<feed::Entry>> = langs
            .iter()
            .map(|l| feed::entries(pages, doc, &l.code))
            .collect();
        // A run whose work nothing reuses skips the hash.
        let key = if keep {
            let summary = serde_json::to_vec(&(&catalog, &translated, &sitemap, &feeds))
                .map_err(|e| Error::Internal(format!("cannot hash a document's summary: {e}")))?;
            key(&[&summary])
        } else {
            Key::default()
        };
        Ok(Self {
            catalog,
            translated,
            sitemap,
            feeds,
            key,
        })
    }
}

/// The files about the whole site.
pub struct SiteFiles {
    /// Home, catalogs, 404.
    pages: Vec<OutputFile>,
    /// Sitemap, feeds, robots.txt.
    extras: Vec<OutputFile>,
}

/// What making a unit needs.
struct Make<'a> {
    inputs: &'a Inputs<'a>,
    sink: Option<&'a dyn Sink>,
    /// Whether a later run can reuse this run's work.
    keep: bool,
}

/// Each document's unit: its key (when kept), the unit, and whether it was reused.
type Made = (Option<Key>, Arc<DocUnit>, bool);

impl Make<'_> {
    /// Every document's unit, in parallel, reused from `memo` where its key is unchanged;
    /// with the number reused. The memo is left holding this run's units (none with a sink:
    /// a unit made for a sink keeps neither its files nor its HTML, so it cannot be reused).
    fn units(&self, memo: &mut Memo) -> Result<(Vec<Arc<DocUnit>>, usize)> {
        let settings = &self.inputs.settings;
        let made: Vec<Result<Made>> = self
            .inputs
            .site
            .documents
            .par_iter()
            .enumerate()
            .map(|(di, d)| {
                let k = self.keep.then(|| key(&[d.source.fingerprint(), settings]));
                if let Some(unit) = k.and_then(|k| memo.units.get(&k)) {
                    if let Some(sink) = self.sink {
                        unit.files.iter().try_for_each(|f| sink.put(f))?;
                    }
                    return Ok((k, unit.clone(), true));
                }
                Ok((k, Arc::new(self.unit(di)?), false))
            })
            .collect();
        let mut errors = Vec::new();
        let mut units = HashMap::with_capacity(made.len());
        let mut docs = Vec::with_capacity(made.len());
        let mut reused = 0;
        for r in made {
            match r {
                Ok((k, unit, was_reused)) => {
                    reused += usize::from(was_reused);
                    if let Some(k) = k {
                        units.insert(k, unit.clone());
                    }
                    docs.push(unit);
                }
                Err(Error::Site(d)) => errors.extend(d),
                Err(e) => return Err(e),
            }
        }
        if !errors.is_empty() {
            errors.sort();
            errors.dedup();
            return Err(Error::Site(errors));
        }
        memo.units = if self.sink.is_some() {
            HashMap::new()
        } else {
            units
        };
        Ok((docs, reused))
    }

    /// The pages' builder for pages about the whole site: no document's Markdown, no PDFs.
    fn site_pages<'b>(
        &'b self,
        none: &'b DocMarkdown,
        no_pdfs: &'b std::collections::BTreeMap<String, u64>,
    ) -> Pages<'b> {
        Pages {
            config: &self.inputs.source.config,
            site: self.inputs.site,
            md: none,
            i18n: self.inputs.i18n,
            pdf_sizes: no_pdfs,
            badge_cache: Default::default(),
        }
    }

    /// What the site's search index is made from.
    fn search_later(&self, docs: &[Arc<DocUnit>]) -> search::SearchLater {
        let none = DocMarkdown::default();
        let no_pdfs = std::collections::BTreeMap::new();
        let pages = self.site_pages(&none, &no_pdfs);
        let config = pages.config;
        search::SearchLater {
            languages: config
                .languages
                .iter()
                .map(|l| (l.code.clone(), search::strings(&pages, &l.code)))
                .collect(),
            source: config.source_language.clone(),
            docs: docs.to_vec(),
        }
    }

    /// The site-wide pages, remade only when what the documents give them changed.
    fn site_files_memo(
        &self,
        docs: &[Arc<DocUnit>],
        memo: &mut Option<(Key, Arc<SiteFiles>)>,
    ) -> Result<Arc<SiteFiles>> {
        let site_parts: Vec<&[u8]> = docs.iter().map(|u| u.parts.key.as_slice()).collect();
        let site_key = key(&[&self.inputs.settings, &key(&site_parts)]);
        match memo {
            Some((k, files)) if self.keep && *k == site_key => Ok(files.clone()),
            _ => {
                let files = Arc::new(self.site_files(docs).map_err(Error::Site)?);
                *memo = Some((site_key, files.clone()));
                Ok(files)
            }
        }
    }

    fn unit(&self, di: usize) -> Result<DocUnit> {
        let config = &self.inputs.source.config;
        let doc = &self.inputs.site.documents[di];
        let mut md = render_document(
            self.inputs.source,
            doc,
            self.inputs.i18n,
            self.inputs.keywords,
            self.keep,
        );
        let mut warnings = std::mem::take(&mut md.warnings);
        if crate::load::has_errors(&warnings) {
            return Err(Error::Site(warnings));
        }
        let pdfs = self.typeset(doc, &md)?;
        warnings.extend(pdfs.diagnostics);
        let pages = Pages {
            config,
            site: self.inputs.site,
            md: &md,
            i18n: self.inputs.i18n,
            pdf_sizes: &pdfs.sizes,
            badge_cache: Default::default(),
        };
        let mut jobs = document_jobs(self.inputs.source, self.inputs.site, di);
        jobs.extend(requirement_jobs(&pages, di));
        jobs.extend(change_jobs(&pages, di));
        let (files, search) = rayon::join(
            || run_jobs(&pages, self.inputs.templates, &jobs),
            || {
                if self.inputs.search == Search::Off {
                    crate::search::DocIndex::default()
                } else {
                    search::document(&pages, doc)
                }
            },
        );
        let mut files = files.map_err(Error::Site)?;
        files.extend(checklists(&pages, di));
        files.extend(pdfs.files);
        files.extend(document_assets(doc));
        // Stable: pages before PDFs before assets, a translation's assets before the source's.
        files.sort_by(|a, b| a.path.cmp(&b.path));
        files.dedup_by(|b, a| a.path == b.path);
        let parts = SiteParts::of(&pages, doc, self.keep)?;
        if let Some(sink) = self.sink {
            files.iter().try_for_each(|f| sink.put(f))?;
            files = Vec::new();
            // Link checks need the headings and links, not the text.
            for r in md
                .source
                .iter_mut()
                .flatten()
                .chain(md.translated.iter_mut().flatten().flatten().flatten())
            {
                r.html = Arc::default();
            }
        }
        Ok(DocUnit {
            md: Arc::new(md),
            files,
            warnings,
            pdfs: pdfs.sizes.len(),
            pdf_cache_hits: pdfs.cache_hits,
            pdf_cache_rejected: pdfs.cache_rejected,
            pdf_keys: pdfs.keys,
            parts,
            search,
        })
    }

    /// The document's PDFs, when PDFs are made (an error in one stops the document).
    fn typeset(&self, doc: &Document, md: &DocMarkdown) -> Result<pdfs::Typeset> {
        let Some(p) = self.inputs.pdf.as_ref() else {
            return Ok(pdfs::Typeset::default());
        };
        let config = &self.inputs.source.config;
        let t = pdfs::typeset(
            config,
            doc,
            md,
            self.inputs.i18n,
            self.inputs.keywords,
            p.engine,
            p.cache,
            p.typeset,
        );
        if crate::load::has_errors(&t.diagnostics) {
            return Err(Error::Site(t.diagnostics));
        }
        Ok(t)
    }

    /// The pages about the whole site (home, catalogs, 404), and the sitemap, feeds and
    /// robots.txt.
    fn site_files(&self, docs: &[Arc<DocUnit>]) -> std::result::Result<SiteFiles, Vec<Diagnostic>> {
        let none = DocMarkdown::default();
        let no_pdfs = std::collections::BTreeMap::new();
        let pages = &self.site_pages(&none, &no_pdfs);
        let templates = self.inputs.templates;
        let langs = &pages.config.languages;
        let entries = |i: usize| {
            docs.iter()
                .map(|u| u.parts.catalog[i].clone())
                .collect::<Vec<_>>()
        };
        let translated: Vec<usize> = (0..langs.len())
            .map(|li| docs.iter().filter(|u| u.parts.translated[li]).count())
            .collect();
        type Job<'j> = Box<dyn Fn() -> Result<OutputFile, Diagnostic> + Sync + Send + 'j>;
        let mut jobs: Vec<Job> = vec![
            Box::new(|| fill(templates, "404.html", pages.not_found())),
            Box::new(|| {
                fill(
                    templates,
                    "home.html",
                    pages.home(entries(langs.len()), &translated),
                )
            }),
        ];
        for (li, l) in langs.iter().enumerate() {
            let entries = &entries;
            jobs.push(Box::new(move || {
                fill(
                    templates,
                    "catalog.html",
                    pages.catalog(&l.code, entries(li)),
                )
            }));
        }
        let site_pages = jobs.len();
        jobs.push(Box::new(|| {
            Ok(OutputFile::generated(
                "sitemap.xml".into(),
                sitemap::sitemap(pages, docs.iter().map(|u| u.parts.sitemap.as_str())),
            ))
        }));
        jobs.push(Box::new(|| {
            Ok(OutputFile::generated(
                "robots.txt".into(),
                sitemap::robots(pages.config),
            ))
        }));
        for (li, l) in langs.iter().enumerate() {
            jobs.push(Box::new(move || {
                let feed = feed::feed(
                    pages,
                    &l.code,
                    docs.iter().flat_map(|u| &u.parts.feeds[li]).collect(),
                );
                Ok(OutputFile::generated(format!("{}/feed.xml", l.code), feed))
            }));
        }
        let mut files = all_or_errors(jobs.par_iter().map(|j| j()).collect())?;
        let extras = files.split_off(site_pages);
        Ok(SiteFiles {
            pages: files,
            extras,
        })
    }
}

/// Renders `jobs` in parallel; every failure is returned.
fn run_jobs(
    pages: &Pages,
    templates: &Templates,
    jobs: &[Job],
) -> std::result::Result<Vec<OutputFile>, Vec<Diagnostic>> {
    all_or_errors(
        jobs.par_iter()
            .map(|job| render_job(pages, templates, job))
            .collect(),
    )
}

/// Every file, or every error.
fn all_or_errors(
    results: Vec<Result<OutputFile, Diagnostic>>,
) -> std::result::Result<Vec<OutputFile>, Vec<Diagnostic>> {
    let mut files = Vec::with_capacity(results.len());
    let mut errors = Vec::new();
    for r in results {
        match r {
            Ok(f) => files.push(f),
            Err(d) => errors.push(d),
        }
    }
    if errors.is_empty() {
        Ok(files)
    } else {
        Err(errors)
    }
}

/// How captions name tables and figures in `lang`.
pub(crate) fn captions(i18n: &I18n, lang: &str) -> markdown::Captions {
    let label = |key: &str| {
        let mut args = fluent_bundle::FluentArgs::new();
        args.set("number", "{number}");
        i18n.text(lang, key, Some(&args))
    };
    markdown::Captions {
        table: label("caption-table"),
        figure: label("caption-figure"),
    }
}

fn alert_titles(i18n: &I18n, lang: &str) -> AlertTitles {
    AlertTitles(
        ["note", "tip", "important", "warning", "caution"]
            .map(|k| i18n.text(lang, &format!("alert-{k}"), None)),
    )
}

/// Renders one document's Markdown, every chapter in every language, in parallel.
/// With `keep`, it also fingerprints the document's link targets, for the next run's link
/// checks to compare.
fn render_document(
    source: &Source,
    d: &Document,
    i18n: &I18n,
    keywords: &Keywords,
    keep: bool,
) -> DocMarkdown {
    let source_lang = &source.config.source_language;
    let languages = &source.config.languages;
    let alerts: Vec<AlertTitles> = languages
        .iter()
        .map(|l| alert_titles(i18n, &l.code))
        .collect();
    let captions: Vec<markdown::Captions> =
        languages.iter().map(|l| captions(i18n, &l.code)).collect();
    let explained: Vec<[String; 5]> = languages
        .iter()
        .map(|l| {
            Level::ALL.map(|level| i18n.text(&l.code, &format!("bcp14-{}", level.name()), None))
        })
        .collect();
    let bcp14: Vec<Bcp14> = languages
        .iter()
        .zip(&explained)
        .map(|(l, explained)| Bcp14 {
            table: keywords.table(&l.code),
            explained,
        })
        .collect();
    // A document version has requirements when one of its source chapters marks one; only
    // then are keywords looked for (and those outside requirements reported).
    let uses_bcp14: Vec<bool> = d
        .versions
        .iter()
        .map(|v| v.chapters.iter().any(|c| has_requirements(&c.source.body)))
        .collect();
    // Blocks are read for comparing versions, which a document with one version does not.
    let compared = d.versions.len() > 1;
    let source_md: Vec<Vec<Rendered>> = d
        .versions
        .par_iter()
        .zip(&uses_bcp14)
        .map(|(v, uses)| {
            v.chapters
                .par_iter()
                .enumerate()
                .map(|(ci, c)| {
                    markdown::render(&Input {
                        markdown: &c.source.body,
                        source_ids: None,
                        alerts: Some(&alerts[0]),
                        marks: None,
                        bcp14: uses.then(|| &bcp14[0]),
                        blocks: compared,
                        numbers: Some(section_numbers(v, ci)),
                        captions: Some(&captions[0]),
                    })
                })
                .collect()
        })
        .collect();
    let (translated, marks) = render_translations(
        d,
        &source_md,
        i18n,
        &alerts,
        &captions,
        &bcp14,
        &uses_bcp14,
        source_lang,
    );
    let mut warnings = Vec::new();
    for (vi, v) in d.versions.iter().enumerate() {
        warnings.extend(text_problems(v, &source_md[vi], &translated[vi]));
        warnings.extend(crate::requirements::check::version(
            v,
            &source_md[vi],
            &translated[vi],
        ));
    }
    let targets = if keep {
        links::targets_fingerprint(&source.config, d, &source_md, &translated)
    } else {
        Key::default()
    };
    let changes = crate::changes::edition::of_document(d, &source_md, &translated, keywords);
    DocMarkdown {
        source: source_md,
        translated,
        marks,
        changes,
        warnings,
        targets,
    }
}

/// Every translated chapter's marks, decided first, and its HTML with them; each as
/// `[version][edition][chapter]`.
#[allow(clippy::type_complexity)]
#[allow(clippy::too_many_arguments)]
fn render_translations(
    d: &Document,
    source_md: &[Vec<Rendered>],
    i18n: &I18n,
    alerts: &[AlertTitles],
    captions: &[markdown::Captions],
    bcp14: &[Bcp14],
    uses_bcp14: &[bool],
    source_lang: &str,
) -> (
    Vec<Vec<Vec<Option<Rendered>>>>,
    Vec<Vec<Vec<Option<crate::marks::Marks>>>>,
) {
    type Translated = (Option<Rendered>, Option<crate::marks::Marks>);
    let translated: Vec<Vec<Vec<Translated>>> = d
        .versions
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
                            let Some(t) = t else {
                                return (None, None);
                            };
                            let source = &source_md[vi][ci];
                            let marks = crate::marks::decide(
                                e,
                                ci,
                                &v.chapters[ci].source.body,
                                &t.body,
                                &source.heading_ids,
                                source_lang,
                            );
                            let chapter = translation::Chapter {
                                doc: d,
                                version: v,
                                edition: e,
                                index: ci,
                                text: t,
                                source,
                                source_lang,
                                marks: marks.as_ref(),
                                blocks: d.versions.len() > 1 && marks.is_none(),
                            };
                            let bcp14 = uses_bcp14[vi].then(|| &bcp14[ei]);
                            let html = translation::render(
                                &chapter,
                                i18n,
                                (&alerts[ei], &captions[ei]),
                                bcp14,
                            );
                            (Some(html), marks)
                        })
                        .collect()
                })
                .collect()
        })
        .collect();
    unzip3(translated)
}

/// How chapter `ci` of `v` numbers its sections: by chapter in a document of several, from 1
/// in a document of one.
pub(crate) fn section_numbers(v: &crate::resolve::DocVersion, ci: usize) -> markdown::Numbers {
    if v.chapters.len() == 1 {
        markdown::Numbers::Single
    } else {
        markdown::Numbers::Chapter(ci + 1)
    }
}

/// Splits `[version][edition][chapter]` pairs into two arrays of the same shape.
#[allow(clippy::type_complexity)]
fn unzip3<A, B>(nested: Vec<Vec<Vec<(A, B)>>>) -> (Vec<Vec<Vec<A>>>, Vec<Vec<Vec<B>>>) {
    nested
        .into_iter()
        .map(|editions| {
            editions
                .into_iter()
                .map(|chapters| chapters.into_iter().unzip())
                .unzip()
        })
        .unzip()
}

/// Images that point to files that do not exist, as warnings at the image's line; and text
/// nested too deep, as errors.
fn text_problems(
    v: &DocVersion,
    source: &[Rendered],
    translated: &[Vec<Option<Rendered>>],
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut captions = Vec::new();
    let source_assets: BTreeSet<&str> = v.assets.iter().map(|a| a.rel.as_str()).collect();
    let mut check = |file: &crate::load::MarkdownFile, r: &Rendered, own: &BTreeSet<&str>| {
        if let Some(offset) = r.too_deep {
            out.push(
                Diagnostic::error(
                    Code::NestingTooDeep,
                    Some(file.location(offset)),
                    format!(
                        "lists and block quotes nest more than {} levels deep here",
                        markdown::MAX_NESTING
                    ),
                )
                .with_help(
                    "flatten the structure: split the list, or use headings for the outer levels",
                ),
            );
        }
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
                        Code::MissingImage,
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
                let changed = e.freshness[ci]
                    .as_ref()
                    .map(|f| f.stale_sections())
                    .unwrap_or_default();
                let source = (&v.chapters[ci].source, &source[ci]);
                captions.extend(caption_problems(source, (t, r), &changed));
            }
        }
    }
    out.extend(captions);
    out
}

/// A translated chapter whose captions differ from its source's: tables and figures are
/// numbered in order, so one caption left out (or added) gives the ones after it other
/// numbers than the source's. Sections whose source changed since the translation was stamped
/// (`changed`) are left out: they are marked as outdated already.
fn caption_problems(
    (source_file, source): (&crate::load::MarkdownFile, &Rendered),
    (file, r): (&crate::load::MarkdownFile, &Rendered),
    changed: &BTreeSet<&String>,
) -> Vec<Diagnostic> {
    if source.captions.is_empty() && r.captions.is_empty() {
        return Vec::new();
    }
    let ours_headings = markdown::headings(&source_file.body, Some(&source.heading_ids));
    let theirs_headings = markdown::headings(&file.body, Some(&r.heading_ids));
    // The id of the section at `offset` ("" before the first heading).
    let section = |headings: &[markdown::Heading], offset: usize| {
        headings
            .iter()
            .take_while(|h| h.offset <= offset)
            .last()
            .map_or(String::new(), |h| h.id.clone())
    };
    // The captions of one kind: each one's section and offset, outside the changed sections.
    let captions = |r: &Rendered, headings: &[markdown::Heading], table: bool| {
        r.captions
            .iter()
            .filter(|c| c.table == table)
            .map(|c| (section(headings, c.offset), c.offset))
            .filter(|(s, _)| !changed.contains(s))
            .collect::<Vec<_>>()
    };
    let place = |s: &str| match s {
        "" => "before the first heading".to_string(),
        s => format!("in section `{s}`"),
    };
    let mut out = Vec::new();
    for table in [true, false] {
        let ours = captions(source, &ours_headings, table);
        let theirs = captions(r, &theirs_headings, table);
        let Some(i) = (0..ours.len().max(theirs.len()))
            .find(|&i| ours.get(i).map(|o| &o.0) != theirs.get(i).map(|t| &t.0))
        else {
            continue;
        };
        let kind = if table { "table" } else { "figure" };
        let count = |n: usize| match n {
            1 => format!("1 {kind}"),
            n => format!("{n} {kind}s"),
        };
        let help = if table {
            "begin the paragraph right before the table with `Table:` (kept untranslated) and the translated caption, as the source does".to_string()
        } else {
            "give the image the source's title (the text in quotes after its path), translated, and keep it alone in its paragraph, as the source does".to_string()
        };
        let (offset, message, help) = match (ours.get(i), theirs.get(i)) {
            (Some(o), Some(t)) if ours.len() == theirs.len() => (
                t.1,
                format!(
                    "this translation's {kind} {} is captioned {}, the source's {}, so they are numbered differently",
                    i + 1,
                    place(&t.0),
                    place(&o.0)
                ),
                help,
            ),
            (Some(o), t) if ours.len() > theirs.len() => {
                // Where the uncaptioned one is: the first table without a caption (or image)
                // in that section, else the section's heading.
                let image = if table {
                    r.uncaptioned_tables
                        .iter()
                        .copied()
                        .find(|&x| section(&theirs_headings, x) == o.0)
                } else {
                    r.references
                        .iter()
                        .filter(|x| x.is_image)
                        .find(|x| section(&theirs_headings, x.offset) == o.0)
                        .map(|x| x.offset)
                };
                let heading = theirs_headings
                    .iter()
                    .find(|h| h.id == o.0)
                    .map(|h| h.offset);
                (
                    image.or(heading).or(t.map(|t| t.1)).unwrap_or(0),
                    format!(
                        "the source captions {} and this translation {}: the {kind} captioned {} in the source has no caption here, so the {kind}s after it are numbered differently",
                        count(ours.len()),
                        theirs.len(),
                        place(&o.0)
                    ),
                    help,
                )
            }
            (_, Some(t)) => (
                t.1,
                format!(
                    "this translation captions {} and its source {}: this caption has no counterpart in the source, so the {kind}s after it are numbered differently",
                    count(theirs.len()),
                    ours.len()
                ),
                format!("remove this caption, or caption the {kind} in the source as well"),
            ),
            _ => continue,
        };
        out.push(
            Diagnostic::warning(Code::CaptionMismatch, Some(file.location(offset)), message)
                .with_help(help),
        );
    }
    out
}

enum Job {
    Chapter(usize, usize, usize, usize),
    Requirements(usize, usize, usize),
    Changes(usize, usize, usize),
    Print(usize, usize, usize),
    Redirect(usize, String),
    Versions(usize, String),
}

/// The pages of one document: its aliases and histories in every language, and every chapter
/// and print edition it is built in.
fn document_jobs(source: &Source, site: &Site, di: usize) -> Vec<Job> {
    let mut jobs = Vec::new();
    for l in &source.config.languages {
        jobs.push(Job::Redirect(di, l.code.clone()));
        jobs.push(Job::Versions(di, l.code.clone()));
    }
    let d = &site.documents[di];
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
    jobs
}

/// The requirements page of every version that has requirements, in every language it is
/// built in.
fn requirement_jobs(pages: &Pages, di: usize) -> Vec<Job> {
    let d = &pages.site.documents[di];
    let mut jobs = Vec::new();
    for (vi, v) in d.versions.iter().enumerate() {
        if pages.requirement_count(vi) == 0 {
            continue;
        }
        for (ei, _) in v.editions.iter().enumerate().filter(|(_, e)| e.built) {
            jobs.push(Job::Requirements(di, vi, ei));
        }
    }
    jobs
}

/// The changes page of every version that has a predecessor, in every language it is built in.
fn change_jobs(pages: &Pages, di: usize) -> Vec<Job> {
    let mut jobs = Vec::new();
    for (vi, editions) in pages.md.changes.iter().enumerate() {
        for (ei, c) in editions.iter().enumerate() {
            if c.is_some() {
                jobs.push(Job::Changes(di, vi, ei));
            }
        }
    }
    jobs
}

/// The CSV and JSON checklists of every requirements page.
fn checklists(pages: &Pages, di: usize) -> Vec<OutputFile> {
    let d = &pages.site.documents[di];
    let mut files = Vec::new();
    for job in requirement_jobs(pages, di) {
        let Job::Requirements(_, vi, ei) = job else {
            continue;
        };
        let v = &d.versions[vi];
        let lang = v.editions[ei].lang.as_str();
        let md = pages.md;
        let rows = crate::requirements::index::rows(
            v,
            ei,
            &md.source[vi],
            &md.translated[vi][ei],
            &md.marks[vi][ei],
        );
        let url = pages.abs(&out::chapter(lang, &d.slug, &v.version.name, out::INDEX));
        let title = v.editions[ei]
            .meta
            .as_ref()
            .and_then(|m| m.title.clone())
            .unwrap_or_else(|| v.meta.title.clone());
        let about = crate::requirements::index::About {
            document: &d.slug,
            id: v.meta.id.as_deref().unwrap_or(""),
            title: &title,
            version: &v.version.name,
            status: pages::status_name(v.meta.status),
            date: v.meta.date.as_deref().unwrap_or(""),
            language: lang,
            url: &url,
        };
        let path = |ext| out::checklist(lang, &d.slug, &v.version.name, ext);
        files.push(OutputFile::generated(
            path("csv"),
            crate::requirements::index::csv(&rows),
        ));
        files.push(OutputFile::generated(
            path("json"),
            crate::requirements::index::json(&about, &rows),
        ));
    }
    files
}

fn render_job(pages: &Pages, templates: &Templates, job: &Job) -> Result<OutputFile, Diagnostic> {
    match job {
        Job::Chapter(d, v, e, c) => {
            let (path, view) = pages.document(*d, *v, *e, *c);
            let page = render_view(templates, "document.html", &path, &view)?;
            let html = pages.chapter_html(*v, *e, *c).clone();
            Ok(OutputFile::filled(path, Page::fill(page, &[html])))
        }
        Job::Print(d, v, e) => {
            let (path, view, htmls) = pages.print(*d, *v, *e);
            let page = render_view(templates, "print.html", &path, &view)?;
            Ok(OutputFile::filled(path, Page::fill(page, &htmls)))
        }
        Job::Requirements(d, v, e) => fill(
            templates,
            "requirements.html",
            pages.requirements(*d, *v, *e),
        ),
        Job::Changes(d, v, e) => fill(templates, "changes.html", pages.changes(*d, *v, *e)),
        Job::Redirect(d, lang) => fill(templates, "redirect.html", pages.redirect(*d, lang)),
        Job::Versions(d, lang) => fill(templates, "versions.html", pages.versions(*d, lang)),
    }
}

fn fill<T: views::View>(
    templates: &Templates,
    template: &str,
    (path, view): (String, T),
) -> Result<OutputFile, Diagnostic> {
    let page = render_view(templates, template, &path, &view)?;
    Ok(OutputFile::page(path, page))
}

fn render_view<T: views::View>(
    templates: &Templates,
    template: &str,
    path: &str,
    view: &T,
) -> Result<Vec<u8>, Diagnostic> {
    let context = view
        .context()
        .map_err(|e| Diagnostic::error(Code::TemplateError, None, format!("{path}: {e}")))?;
    templates.render_bytes(template, context)
}

/// The theme's static files.
fn theme_files(source: &Source) -> Vec<OutputFile> {
    source
        .theme
        .static_files
        .values()
        .map(|f| OutputFile {
            path: f.rel.clone(),
            contents: match &f.bytes {
                Bytes::Disk(p) => Contents::Copy(p.clone()),
                Bytes::Builtin(b) => Contents::Static(b),
            },
            asset: true,
        })
        .collect()
}

/// Each version's assets, next to its pages in every language it is built in.
fn document_assets(d: &Document) -> Vec<OutputFile> {
    let mut out = Vec::new();
    for v in &d.versions {
        for e in v.editions.iter().filter(|e| e.built) {
            let dir = out::version_dir(&e.lang, &d.slug, &v.version.name);
            // Translated assets first, so that they win over the source's in the dedup.
            for a in e.assets.iter().chain(&v.assets) {
                out.push(OutputFile {
                    path: format!("{dir}{}", a.rel),
                    contents: Contents::Copy(a.path.clone()),
                    asset: true,
                });
            }
        }
    }
    // Stable sort keeps the first (strongest) of equal paths for the dedup in `render`.
    out.sort_by(|a, b| a.path.cmp(&b.path));
    out
}

#[cfg(test)]
mod tests {
    use super::Page;
    use super::pages::html_marker;
    use std::sync::Arc;

    #[test]
    fn markers_are_replaced_by_their_parts_and_nothing_else_is() {
        let page = format!(
            "<a>{}</a><b>{}</b>{}{}",
            html_marker(1),
            html_marker(0),
            html_marker(7),
            "\u{1}bcop:html:x\u{1}"
        );
        let parts = ["zero", "one & <i>"].map(|p| Arc::new(p.to_string()));
        let out = Page::fill(page.into_bytes(), &parts);
        assert_eq!(
            out.pieces().len(),
            5,
            "two insertions, three pieces around them"
        );
        assert_eq!(out.len(), out.to_vec().len());
        assert_eq!(
            String::from_utf8(out.to_vec()).expect("utf-8"),
            format!(
                "<a>one & <i></a><b>zero</b>{}\u{1}bcop:html:x\u{1}",
                html_marker(7)
            )
        );
    }
}
