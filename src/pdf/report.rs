//! Typst's diagnostics, told in the author's terms.
//!
//! Typst reports positions in the generated main file, which nobody has seen. An error
//! there is either in the template (reported at the template's line) or in a chapter's
//! generated markup (reported at the Markdown line it came from, through the converter's
//! marks). A template error triggered by a chapter, such as an image Typst cannot decode,
//! also names the Markdown line that called it.

use std::ops::Range;
use std::path::Path;

use typst::diag::SourceDiagnostic;
use typst::syntax::{DiagSpan, DiagSpanKind, Source};

use super::data::Generated;
use super::fonts::wanted_families;
use super::{PdfChapter, PdfDocument};
use crate::error::{Code, Diagnostic, Location};

pub(crate) struct Reporter<'a> {
    pub template: &'a str,
    pub template_path: &'a Path,
    pub main: &'a Source,
    pub generated: &'a Generated,
    pub doc: &'a PdfDocument,
}

/// Where a position of the main file came from.
enum Origin {
    Template(Location),
    Chapter(Location),
    /// The generated glue between chapters: a function the template should define.
    Glue,
}

impl Reporter<'_> {
    pub fn first_error(&self, errors: &[SourceDiagnostic]) -> Diagnostic {
        match errors.first() {
            Some(e) => self.convert(e, true),
            None => Diagnostic::error(Code::PdfTypst, None, "Typst failed without saying why"),
        }
    }

    pub fn convert(&self, diag: &SourceDiagnostic, error: bool) -> Diagnostic {
        // The trace runs from the innermost call outwards; a detached error (in a built-in
        // function) is placed at its nearest call site in our file.
        let origins: Vec<Origin> = std::iter::once(diag.span)
            .chain(diag.trace.iter().map(|t| DiagSpan::from(t.span)))
            .filter(|s| s.id() == Some(self.main.id()))
            .filter_map(|s| span_range(self.main, s))
            .map(|r| self.origin(r.start))
            .collect();
        let caller = origins.iter().find_map(|o| match o {
            Origin::Chapter(at) => Some(at),
            _ => None,
        });
        let (location, message) = match origins.first() {
            Some(Origin::Template(at)) => {
                let from = caller.map_or(String::new(), |c| {
                    format!(" (while typesetting {}:{})", c.path.display(), c.line)
                });
                (
                    Some(at.clone()),
                    format!("PDF template: {}{from}", diag.message),
                )
            }
            Some(Origin::Chapter(at)) => (Some(at.clone()), format!("PDF: {}", diag.message)),
            Some(Origin::Glue) => (
                Some(Location::file(self.template_path)),
                format!("PDF template: {}", diag.message),
            ),
            None => (
                None,
                format!(
                    "PDF of `{}` ({}): {}",
                    self.doc.doc_id, self.doc.ui_lang, diag.message
                ),
            ),
        };
        let d = if error {
            Diagnostic::error(Code::PdfTypst, location, message)
        } else {
            Diagnostic::warning(Code::PdfTypst, location, message)
        };
        match diag.hints.first() {
            Some(hint) => d.with_help(hint.v.to_string()),
            None => d,
        }
    }

    fn origin(&self, offset: usize) -> Origin {
        if offset < self.generated.template_len {
            return Origin::Template(Location::at_offset(
                self.template_path,
                self.template,
                offset,
            ));
        }
        match self.generated.chapter_offset(offset) {
            Some((i, md)) => Origin::Chapter(location(&self.doc.chapters[i], md)),
            None => Origin::Glue,
        }
    }
}

pub(crate) fn span_range(source: &Source, span: DiagSpan) -> Option<Range<usize>> {
    match span.get() {
        DiagSpanKind::Number { num, sub_range, .. } => source.range(num, sub_range),
        DiagSpanKind::Range { range, .. } => Some(range),
        DiagSpanKind::Detached => None,
    }
}

/// A PDF that cannot be made for want of a CJK font: a warning, since the rest of the site is
/// fine (`--strict` makes it an error).
pub(crate) fn cjk_font_missing(location: Option<Location>, lang: &str, c: char) -> Diagnostic {
    Diagnostic::warning(
        Code::PdfCjkFont,
        location,
        format!(
            "no installed font can show `{c}` (U+{:04X}), `{lang}` text that needs a CJK font \
             (looked for {}, and for any installed font that has it)",
            c as u32,
            wanted_families(lang)
        ),
    )
    .with_help(
        "install fonts-noto-cjk (Debian/Ubuntu; `noto-fonts-cjk` elsewhere), or put an OTF/TTF \
         in themes/<theme>/fonts/ or the site's fonts/; or build without PDFs (--no-pdf)",
    )
}

/// Where a Markdown offset of a chapter is in its file.
pub(crate) fn location(chapter: &PdfChapter, offset: usize) -> Location {
    let (line, col) = crate::error::line_col(&chapter.markdown, offset);
    let source_line = chapter
        .markdown
        .lines()
        .nth(line - 1)
        .unwrap_or("")
        .to_string();
    Location {
        path: chapter.source_path.clone(),
        line: line + chapter.body_line,
        col,
        source_line,
    }
}
