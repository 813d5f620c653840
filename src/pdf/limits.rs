//! How much one PDF may hold. Typst lays out a whole document in memory: about 350 MB per MiB
//! of Markdown, and 65 MB per thousand table rows. Past these limits a PDF is not made (with a
//! warning, which `--strict` makes an error), so that one outsized file costs a warning, not
//! the machine's memory; the HTML pages are made as usual.

use super::{PdfDocument, report};
use crate::error::{Code, Diagnostic};
use pulldown_cmark::{Event, Parser, Tag};

/// The most Markdown one PDF takes: 2 MiB, several hundred pages, typeset in about 5 s.
pub(crate) const MAX_TEXT: usize = 2 * 1024 * 1024;

/// The most rows one table in a PDF takes: 5,000, typeset in about 1.6 s.
pub(crate) const MAX_TABLE_ROWS: usize = 5_000;

/// Checks `doc` against the limits; the warning says which one and where.
pub(crate) fn check(doc: &PdfDocument) -> Result<(), Diagnostic> {
    let total: usize = doc.chapters.iter().map(|c| c.markdown.len()).sum();
    if total > MAX_TEXT {
        let largest = doc.chapters.iter().max_by_key(|c| c.markdown.len());
        return Err(too_large(
            largest.map(|c| crate::error::Location::file(&c.source_path)),
            format!(
                "the document has {:.1} MiB of text, more than the {} MiB a PDF takes",
                total as f64 / (1024.0 * 1024.0),
                MAX_TEXT / (1024 * 1024)
            ),
            "split the document into chapters of its own, or into several documents",
        ));
    }
    for chapter in &doc.chapters {
        // Only a text with a table line can hold a table; most chapters skip the parse.
        if !chapter.markdown.contains('|') {
            continue;
        }
        let mut rows = 0;
        let mut start = 0;
        for (event, range) in
            Parser::new_ext(&chapter.markdown, crate::markdown::options()).into_offset_iter()
        {
            match event {
                Event::Start(Tag::Table(_)) => {
                    rows = 0;
                    start = range.start;
                }
                Event::Start(Tag::TableRow) => {
                    rows += 1;
                    if rows > MAX_TABLE_ROWS {
                        return Err(too_large(
                            Some(report::location(chapter, start)),
                            format!(
                                "this table has more than {MAX_TABLE_ROWS} rows, more than a PDF takes"
                            ),
                            "split the table, or publish the data as a file linked from the text",
                        ));
                    }
                }
                _ => {}
            }
        }
    }
    Ok(())
}

fn too_large(location: Option<crate::error::Location>, message: String, help: &str) -> Diagnostic {
    Diagnostic::warning(Code::PdfTooLarge, location, message).with_help(help)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pdf::tests::english;

    #[test]
    fn a_table_over_the_row_limit_is_reported_at_its_first_line() {
        let mut doc = english();
        let mut table = String::from("Intro.\n\n| id | text |\n|---|---|\n");
        for i in 0..=MAX_TABLE_ROWS {
            table.push_str(&format!("| R{i} | row |\n"));
        }
        doc.chapters[0].markdown = table;
        let d = check(&doc).expect_err("too many rows");
        assert_eq!(d.code, Code::PdfTooLarge);
        assert_eq!(
            d.location
                .as_ref()
                .map(|l| l.line - doc.chapters[0].body_line),
            Some(3)
        );
        assert!(d.message.contains("5000 rows"), "{}", d.message);
    }

    #[test]
    fn text_over_the_size_limit_is_reported_and_the_limit_itself_passes() {
        let mut doc = english();
        let rest: usize = doc.chapters[1..].iter().map(|c| c.markdown.len()).sum();
        doc.chapters[0].markdown = "w".repeat(MAX_TEXT - rest);
        assert!(check(&doc).is_ok());
        doc.chapters[0].markdown.push_str("more");
        let d = check(&doc).expect_err("too much text");
        assert!(d.message.contains("more than the 2 MiB"), "{}", d.message);
    }
}
