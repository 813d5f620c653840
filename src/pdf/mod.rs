//! PDFs typeset in process with Typst.
//!
//! Regulators and operators cite the PDF of a BCOP, so every document, version and language
//! gets one in the same build. The stages inside: `markup` turns each chapter's Markdown
//! into Typst markup (escaping everything), `data` appends the document's data and
//! chapters to the theme's template (`themes/<theme>/pdf/document.typ`), `world` compiles
//! it in a sealed Typst world whose fonts are scanned once per [`PdfEngine`], and
//! `typst-pdf` writes the bytes with a creation date taken from the document, so that the
//! same input always gives the same PDF. [`PdfEngine::render_cached`] skips typesetting
//! when nothing that goes into the PDF has changed.

mod assets;
#[cfg(test)]
mod benches;
pub mod cache;
mod data;
#[cfg(test)]
mod engine_tests;
mod escape;
mod events;
mod fonts;
mod limits;
mod markup;
#[cfg(test)]
mod markup_tests;
mod report;
mod table;
mod targets;
#[cfg(test)]
mod tests;
mod world;

use std::collections::BTreeMap;
use std::panic::AssertUnwindSafe;
use std::path::{Path, PathBuf};

use typst::diag::Warned;
use typst::foundations::Smart;
use typst::syntax::Source;
use typst::utils::LazyHash;
use typst::{Library, LibraryExt};
use typst_pdf::{PdfOptions, Timestamp};

use crate::error::{Code, Diagnostic, Location};
use data::Generated;
use fonts::is_cjk;
pub(crate) use report::location;
use report::{Reporter, cjk_font_missing, span_range};
use world::{DocWorld, Fonts};

/// UI strings, already in the document's UI language.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct PdfStrings {
    /// "Contents".
    pub contents: String,
    /// "Page {current} of {total}": the tokens become live page counters.
    pub page_of: String,
    pub draft: String,
    pub label_id: String,
    pub label_version: String,
    pub label_date: String,
    pub label_status: String,
    pub label_language: String,
    pub label_authors: String,
    pub label_translators: String,
    pub label_publisher: String,
    pub label_supersedes: String,
    pub label_license: String,
    pub label_feedback: String,
    pub label_abstract: String,
    /// The title of the citation ("Cite this").
    pub label_cite: String,
    /// The localized status, such as "Published".
    pub status: String,
    /// Between names in a list: ", ", or "、" in Japanese.
    pub name_separator: String,
    /// The notice on a chapter shown in the source language.
    pub fallback_note: String,
    /// The notice on the title page of a document that is not translated at all.
    pub fallback_document: String,
    /// The label of an outdated section's mark ("Translation outdated"), and the words
    /// before the source section it names ("Source section:").
    pub outdated_label: String,
    pub outdated_source: String,
    /// Note, tip, important, warning, caution.
    pub alert_titles: [String; 5],
    /// How captions name tables and figures.
    pub captions: crate::markdown::Captions,
    /// The BCP 14 sentence, for a document with requirements (else empty).
    pub bcp14: String,
    /// The requirements appendix: its title, and its columns (ID, level, text, page).
    pub requirements: String,
    pub requirements_columns: [String; 4],
    /// Each level's name, in [`crate::bcp14::Level::ALL`]'s order.
    pub levels: [String; 5],
}

/// A row of the requirements appendix.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct PdfRequirement {
    pub id: String,
    pub level: Option<crate::bcp14::Level>,
    pub text: String,
    /// The chapter it is in (an index into [`PdfDocument::chapters`]).
    pub chapter: usize,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct PdfChapter {
    pub title: String,
    /// The chapter's body, without front matter.
    pub markdown: String,
    /// Ids of its headings in order (from `render::markdown`), for labels and links.
    pub heading_ids: Vec<String>,
    /// The language of this chapter's text (the source language for a fallback chapter).
    pub lang: String,
    /// An untranslated chapter, shown in the source language with `fallback_note`.
    pub fallback: bool,
    /// The outdated sections of a translated chapter: heading id → the mark after its
    /// heading (what changed, and where the source section is).
    pub outdated: BTreeMap<String, PdfOutdated>,
    /// Image URL as written in the Markdown → file on disk.
    pub assets: BTreeMap<String, PathBuf>,
    /// The `.md` file, for warnings.
    pub source_path: PathBuf,
    /// 0-based line where `markdown` starts in that file.
    pub body_line: usize,
    /// The keywords of its language, when the document has requirements: its requirements
    /// are then labelled, and their keywords set as keywords.
    pub keywords: Option<crate::bcp14::Table>,
}

/// The mark of an outdated section in a translation.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct PdfOutdated {
    /// What happened, in the PDF's language.
    pub note: String,
    /// The source section's heading, in the source language.
    pub source_title: String,
    /// The source section on the web.
    pub source_url: String,
    /// The source language.
    pub source_lang: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct PdfDocument {
    /// The language of the UI strings and of the title page.
    pub ui_lang: String,
    /// The language of the text: the source language when no chapter is translated (the PDF
    /// says so on its title page, and declares that language), else `ui_lang`.
    pub text_lang: String,
    pub title: String,
    pub doc_id: String,
    pub version: String,
    /// `YYYY-MM-DD`; also the PDF's creation date.
    pub date: String,
    pub language_name: String,
    pub authors: Vec<String>,
    pub translators: Vec<String>,
    /// The version's publisher and licence, and the version it supersedes as the title
    /// page says it ("Version 1.0"); each empty when the version has none.
    pub publisher: String,
    pub license: String,
    pub supersedes: String,
    /// Where readers send comments: the address as shown, and its link.
    pub feedback: Option<(String, String)>,
    /// The abstract's paragraphs (none without an abstract), and their language.
    pub r#abstract: Vec<String>,
    pub abstract_lang: String,
    /// The reference, as the cover page's "Cite this" gives it.
    pub citation: String,
    pub draft: bool,
    pub strings: PdfStrings,
    pub chapters: Vec<PdfChapter>,
    /// The requirements appendix (empty without requirements).
    pub requirements: Vec<PdfRequirement>,
    /// The changes appendix, for a version that has a predecessor.
    pub changes: Option<PdfChanges>,
}

/// The changes appendix: what changed since the version before, as the changes page shows
/// it, with only the changed blocks of each section.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct PdfChanges {
    pub title: String,
    /// The notice of a translated edition that shows the source's changes (else empty).
    pub notice: String,
    /// The language of the compared text.
    pub lang: String,
    pub summary: String,
    /// ID, change, text.
    pub columns: [String; 3],
    pub requirements: Vec<PdfChangeRow>,
    pub redline: String,
    pub sections: Vec<PdfRedlineSection>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct PdfChangeRow {
    pub id: String,
    /// What changed, in words: "Strengthened: Should → Must".
    pub change: String,
    pub text: Vec<(crate::changes::words::Op, String)>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct PdfRedlineSection {
    /// The heading, with "New section" or "Removed section" after it where it applies.
    pub title: String,
    pub blocks: Vec<Vec<(crate::changes::words::Op, String)>>,
}

/// Typesets documents with one template and one set of fonts. Shared across threads.
pub struct PdfEngine {
    template: String,
    template_path: PathBuf,
    fonts: Fonts,
    library: LazyHash<Library>,
}

const _: () = {
    const fn shared_across_threads<T: Send + Sync>() {}
    shared_across_threads::<PdfEngine>();
};

impl PdfEngine {
    /// `template`: text of the `.typ` template; `template_path` for errors. `font_dirs`:
    /// extra font folders (the theme's `fonts/`), searched before the system's fonts and
    /// Typst's embedded ones.
    pub fn new(
        template: &str,
        template_path: &Path,
        font_dirs: &[PathBuf],
    ) -> Result<Self, Diagnostic> {
        Self::with_fonts(template, template_path, Fonts::load(font_dirs, true))
    }

    fn with_fonts(template: &str, template_path: &Path, fonts: Fonts) -> Result<Self, Diagnostic> {
        // A syntax error in the template would fail every PDF: report it once, up front.
        let source = Source::detached(template);
        if let Some(error) = source.root().errors_and_warnings().0.into_iter().next() {
            let at = span_range(&source, error.span)
                .map(|r| Location::at_offset(template_path, template, r.start));
            return Err(Diagnostic::error(
                Code::PdfTemplate,
                at,
                format!("PDF template: {}", error.message),
            ));
        }
        Ok(Self {
            template: template.to_string(),
            template_path: template_path.to_path_buf(),
            fonts,
            library: LazyHash::new(Library::builder().build()),
        })
    }

    /// Typesets one document: the PDF bytes and warnings (missing images, missing glyphs).
    #[cfg(test)]
    pub fn render(&self, doc: &PdfDocument) -> Result<(Vec<u8>, Vec<Diagnostic>), Diagnostic> {
        let generated = self.prepare(doc)?;
        self.typeset(doc, generated)
    }

    /// Like [`render`](Self::render), but takes the PDF from the entry `cache_dir/<hash>.pdf`
    /// when there is a sound one ([`cache`]). The hash covers the generated Typst file
    /// (template, document data and every chapter), the images, the font set and bcop's
    /// version. The last value says where the PDF came from.
    pub fn render_cached(
        &self,
        doc: &PdfDocument,
        cache_dir: &Path,
    ) -> Result<(Vec<u8>, Vec<Diagnostic>, CacheUse), Diagnostic> {
        let generated = self.prepare(doc)?;
        let path = cache_dir.join(cache::file_name(&self.cache_key(&generated)));
        let used = match cache::read(&path) {
            cache::Lookup::Hit(bytes) => return Ok((bytes, generated.warnings, CacheUse::Hit)),
            cache::Lookup::Miss => CacheUse::Typeset,
            cache::Lookup::Rejected => CacheUse::Rebuilt,
        };
        let (bytes, mut warnings) = self.typeset(doc, generated)?;
        if let Err(e) = cache::write(cache_dir, &path, &bytes) {
            // A cache that cannot be written only costs time; the PDF itself is fine.
            warnings.push(Diagnostic::warning(
                Code::PdfCache,
                Some(Location::file(&path)),
                format!("cannot write the PDF cache: {e}"),
            ));
        }
        Ok((bytes, warnings, used))
    }

    /// The name of the PDF's cache entry, without typesetting: what `bcop changed` compares.
    pub fn cache_key_of(&self, doc: &PdfDocument) -> Result<String, Diagnostic> {
        Ok(self.cache_key(&self.prepare(doc)?))
    }

    fn cache_key(&self, generated: &Generated) -> String {
        let mut h = blake3::Hasher::new();
        for part in [
            b"bcop-pdf-cache-v2".as_slice(),
            env!("CARGO_PKG_VERSION").as_bytes(),
        ] {
            h.update(&(part.len() as u64).to_le_bytes());
            h.update(part);
        }
        h.update(&self.fonts.fingerprint);
        h.update(&(generated.text.len() as u64).to_le_bytes());
        h.update(generated.text.as_bytes());
        for (vpath, bytes) in &generated.files {
            h.update(&(vpath.len() as u64).to_le_bytes());
            h.update(vpath.as_bytes());
            h.update(blake3::hash(bytes.as_slice()).as_bytes());
        }
        h.finalize().to_hex().to_string()
    }

    /// Checks the fonts and generates the main Typst file, without typesetting.
    fn prepare(&self, doc: &PdfDocument) -> Result<Generated, Diagnostic> {
        limits::check(doc)?;
        let glyph_warnings = self.check_fonts(doc)?;
        let mut generated = data::generate(&self.template, doc, &self.fonts);
        generated.warnings.extend(glyph_warnings);
        Ok(generated)
    }

    /// CJK text without a font would print as empty boxes: such a PDF is not made, and the
    /// diagnostic (a warning: the rest of the site is fine) says how to install a font. Other
    /// characters that no font has only get a warning.
    fn check_fonts(&self, doc: &PdfDocument) -> Result<Vec<Diagnostic>, Diagnostic> {
        let texts = data::texts(doc);
        let missing: Vec<char> = fonts::distinct_visible_chars(texts)
            .into_iter()
            .filter(|c| !self.fonts.covers(*c))
            .collect();
        if let Some(&first) = missing.iter().find(|c| is_cjk(**c)) {
            // The first such character in reading order, and where it is, when it is in a
            // chapter (else in the title or the UI strings).
            let in_chapter = doc.chapters.iter().find_map(|ch| {
                let (offset, c) = ch
                    .markdown
                    .char_indices()
                    .find(|&(_, c)| is_cjk(c) && !self.fonts.covers(c))?;
                Some((report::location(ch, offset), ch.lang.as_str(), c))
            });
            return Err(match in_chapter {
                Some((at, lang, c)) => cjk_font_missing(Some(at), lang, c),
                None => cjk_font_missing(None, &doc.ui_lang, first),
            });
        }
        if missing.is_empty() {
            return Ok(Vec::new());
        }
        let shown: Vec<String> = missing
            .iter()
            .take(12)
            .map(|c| format!("{c} (U+{:04X})", *c as u32))
            .collect();
        Ok(vec![
            Diagnostic::warning(
                Code::MissingGlyph,
                None,
                format!(
                    "no installed font can show {} in the PDF of `{}` ({}): they print as empty boxes",
                    shown.join(", "),
                    doc.doc_id,
                    doc.ui_lang
                ),
            )
            .with_help("install a font that covers them, or put an OTF/TTF in themes/<theme>/fonts/"),
        ])
    }

    fn typeset(
        &self,
        doc: &PdfDocument,
        mut generated: Generated,
    ) -> Result<(Vec<u8>, Vec<Diagnostic>), Diagnostic> {
        let date = data::parse_date(&doc.date);
        let text = std::mem::take(&mut generated.text);
        let files = std::mem::take(&mut generated.files);
        let world = DocWorld::new(&self.library, &self.fonts, text, files, date);
        let crashed = |_| typst_crashed(doc);
        let Warned { output, warnings } =
            std::panic::catch_unwind(AssertUnwindSafe(|| typst::compile(&world)))
                .map_err(crashed)?;
        let mut diags = std::mem::take(&mut generated.warnings);
        let reporter = Reporter {
            template: &self.template,
            template_path: &self.template_path,
            main: world.main_source(),
            generated: &generated,
            doc,
        };
        diags.extend(warnings.iter().map(|w| reporter.convert(w, false)));
        let document = output.map_err(|errors| reporter.first_error(&errors))?;
        let options = PdfOptions {
            ident: Smart::Custom(format!(
                "bcop/{}/{}/{}",
                doc.doc_id, doc.version, doc.ui_lang
            )),
            creator: Smart::Custom(Some(format!("bcop {}", env!("CARGO_PKG_VERSION")))),
            timestamp: date.map(Timestamp::new_utc),
            ..PdfOptions::default()
        };
        let bytes =
            std::panic::catch_unwind(AssertUnwindSafe(|| typst_pdf::pdf(&document, &options)))
                .map_err(crashed)?
                .map_err(|errors| reporter.first_error(&errors))?;
        // Typst memoizes across compilations; without eviction a long build keeps every
        // document's layout in memory.
        typst::comemo::evict(10);
        Ok((bytes, diags))
    }
}

/// Where a PDF came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CacheUse {
    /// A sound cache entry.
    Hit,
    /// Typeset: the cache had no entry.
    Typeset,
    /// Typeset again: the cache's entry was damaged (and is now replaced).
    Rebuilt,
}

/// Typst is not supposed to panic, but a crash in one PDF must not take the build down.
fn typst_crashed(doc: &PdfDocument) -> Diagnostic {
    Diagnostic::error(
        Code::PdfTypst,
        None,
        format!(
            "Typst crashed while typesetting the PDF of `{}` {} ({})",
            doc.doc_id, doc.version, doc.ui_lang
        ),
    )
    .with_help("this is a bug in Typst or bcop; please report it with the document")
}

/// The Typst main file that one chapter of `markdown` becomes with the default template, for
/// the fuzz targets ([`crate::fuzz`]): the converter must turn any Markdown into markup that
/// Typst parses without an error.
pub(crate) fn main_file_for(markdown: &str) -> String {
    use std::sync::OnceLock;
    static FONTS: OnceLock<Fonts> = OnceLock::new();
    let fonts = FONTS.get_or_init(|| Fonts::load(&[], false));
    let template = include_str!("../../themes/default/pdf/document.typ");
    let chapter = PdfChapter {
        title: "Chapter".into(),
        markdown: markdown.to_string(),
        heading_ids: crate::markdown::headings(markdown, None)
            .into_iter()
            .map(|h| h.id)
            .collect(),
        lang: "en".into(),
        fallback: false,
        outdated: BTreeMap::new(),
        assets: BTreeMap::new(),
        source_path: PathBuf::from("fuzz.md"),
        body_line: 0,
        keywords: None,
    };
    let doc = PdfDocument {
        ui_lang: "en".into(),
        title: "Fuzz".into(),
        version: "1.0".into(),
        date: "2025-01-01".into(),
        chapters: vec![chapter],
        ..PdfDocument::default()
    };
    data::generate(template, &doc, fonts).text
}
