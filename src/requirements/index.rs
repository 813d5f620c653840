//! The requirements of one version in one language, as a reader or an auditor uses them: the
//! rows of the requirements page, and the same rows as CSV and JSON checklists.

use crate::bcp14::Level;
use crate::markdown::Rendered;
use crate::markdown::requirements::Requirement;
use crate::marks::Marks;
use crate::resolve::DocVersion;
use serde::Serialize;

/// One requirement as the edition shows it.
#[derive(Debug, Clone, Serialize)]
pub struct Row {
    pub id: String,
    /// `absolute`, `prohibited`, `recommended`, `not-recommended`, `optional`, or null.
    pub level: Option<Level>,
    /// The keywords as written in the text shown.
    pub keywords: Vec<String>,
    pub text: String,
    /// The language of `text`: the edition's, or the source's where it is not translated.
    pub language: String,
    /// The chapter page and the requirement's anchor, relative to the version's folder.
    pub url: String,
    pub section: Section,
    /// `source` (the original), `current` (translated and up to date), `outdated` (its
    /// source changed since the translation was stamped), or `fallback` (not translated: the
    /// source text is shown).
    pub state: &'static str,
    /// The index of its chapter in the version.
    #[serde(skip)]
    pub chapter: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct Section {
    pub id: String,
    pub title: String,
}

/// The rows of version `v` in its edition `ei`: the source's requirements in order, each in
/// the edition's language where it is translated.
pub fn rows(
    v: &DocVersion,
    ei: usize,
    source: &[Rendered],
    translated: &[Option<Rendered>],
    marks: &[Option<Marks>],
) -> Vec<Row> {
    let e = &v.editions[ei];
    let is_source = e.state == crate::resolve::LangState::Source;
    let source_lang = &v.editions[0].lang;
    let mut out = Vec::new();
    for (ci, chapter) in v.chapters.iter().enumerate() {
        let shown = translated[ci].as_ref();
        for r in &source[ci].requirements {
            let theirs = shown.and_then(|t| t.requirements.iter().find(|q| q.id == r.id));
            let (req, rendered, state, lang) = match (theirs, shown) {
                (Some(q), Some(t)) => {
                    let stale = marks[ci].as_ref().is_some_and(|m| {
                        m.requirements.contains_key(&r.id) || m.sections.contains_key(&r.section)
                    });
                    (q, t, if stale { "outdated" } else { "current" }, &e.lang)
                }
                _ if is_source => (r, &source[ci], "source", &e.lang),
                _ => (r, &source[ci], "fallback", source_lang),
            };
            out.push(Row {
                id: r.id.clone(),
                level: req.level,
                keywords: req.keywords.clone(),
                text: req.text.clone(),
                language: lang.clone(),
                url: [chapter.page.as_str(), "#", &r.id].concat(),
                section: Section {
                    id: r.section.clone(),
                    title: section_title(rendered, req),
                },
                state,
                chapter: ci,
            });
        }
    }
    out
}

/// The title of the section a requirement is in, as the page shows it.
fn section_title(r: &Rendered, req: &Requirement) -> String {
    r.toc
        .iter()
        .find(|h| h.id == req.section)
        .map(|h| h.text.clone())
        .or_else(|| r.title.clone())
        .unwrap_or_default()
}

/// The rows as CSV (RFC 4180), with a byte-order mark so that spreadsheets read it as UTF-8.
pub fn csv(rows: &[Row]) -> String {
    let mut out = String::from("\u{feff}id,level,text,section,url,state\r\n");
    for r in rows {
        let fields = [
            r.id.as_str(),
            r.level.map_or("", Level::name),
            &r.text,
            &r.section.title,
            &r.url,
            r.state,
        ];
        let line: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
        out.push_str(&line.join(","));
        out.push_str("\r\n");
    }
    out
}

fn csv_field(f: &str) -> String {
    if f.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", f.replace('"', "\"\""))
    } else {
        f.to_string()
    }
}

/// What the JSON checklist says about the document it lists.
#[derive(Debug, Clone, Serialize)]
pub struct About<'a> {
    pub document: &'a str,
    pub id: &'a str,
    pub title: &'a str,
    pub version: &'a str,
    pub status: &'a str,
    pub date: &'a str,
    pub language: &'a str,
    /// The absolute URL of the version's first page in this language.
    pub url: &'a str,
}

/// The JSON checklist (format documented in the README, "Requirements").
pub fn json(about: &About, rows: &[Row]) -> String {
    #[derive(Serialize)]
    struct Checklist<'a> {
        format: &'static str,
        format_version: u32,
        #[serde(flatten)]
        about: &'a About<'a>,
        requirements: &'a [Row],
    }
    let c = Checklist {
        format: "bcop-requirements",
        format_version: 1,
        about,
        requirements: rows,
    };
    // Serialising plain data cannot fail.
    serde_json::to_string_pretty(&c).unwrap_or_default() + "\n"
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(id: &str, text: &str) -> Row {
        Row {
            id: id.into(),
            level: Some(Level::Absolute),
            keywords: vec!["MUST".into()],
            text: text.into(),
            language: "en".into(),
            url: format!("02-x.html#{id}"),
            section: Section {
                id: "auth".into(),
                title: "Authentication".into(),
            },
            state: "source",
            chapter: 1,
        }
    }

    #[test]
    fn csv_quotes_what_needs_quoting_and_starts_with_a_bom() {
        let csv = csv(&[row("A-1", "It MUST, \"always\", work.")]);
        assert_eq!(
            csv,
            "\u{feff}id,level,text,section,url,state\r\nA-1,absolute,\"It MUST, \"\"always\"\", work.\",Authentication,02-x.html#A-1,source\r\n"
        );
    }
}
