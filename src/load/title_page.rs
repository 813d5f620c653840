//! The front matter fields that tell a reader about a version beyond its title and authors:
//! `publisher`, `abstract`, `license` and `feedback`. The PDF's title page and the HTML cover
//! page show the ones a version has; a blank one counts as absent, so that neither shows an
//! empty row. Only `feedback` has a form to check: it becomes a link.

use super::content::DocMeta;
use super::yaml;
use crate::error::{Code, Diagnostic};
use std::path::Path;

/// Drops blank values and checks `feedback`. A wrong type (a list where text belongs) is
/// already a `bad-yaml` error at its line.
pub(super) fn check(meta: &mut DocMeta, path: &Path, text: &str, diags: &mut Vec<Diagnostic>) {
    for field in [
        &mut meta.publisher,
        &mut meta.r#abstract,
        &mut meta.license,
        &mut meta.feedback,
    ] {
        *field = non_blank(field.take());
    }
    if let Some(f) = &meta.feedback
        && feedback_link(f).is_none()
    {
        diags.push(
            Diagnostic::error(
                Code::BadFeedback,
                Some(yaml::key_location(path, text, "feedback")),
                format!("`{f}` is neither an email address nor a web address"),
            )
            .with_help(
                "write where readers send comments, e.g. bcop@example.org or https://example.org/feedback",
            ),
        );
    }
}

/// The value, trimmed, unless it is blank.
pub(crate) fn non_blank(value: Option<String>) -> Option<String> {
    value
        .map(|v| v.trim().to_string())
        .filter(|v| !v.is_empty())
}

/// A feedback address as shown and as linked: an email address (written bare or as a
/// `mailto:` URL) links to `mailto:`, an http(s) URL to itself. Anything else is `None`.
pub fn feedback_link(value: &str) -> Option<(String, String)> {
    let v = value.trim();
    if v.chars().any(char::is_whitespace) {
        return None;
    }
    let address = v.strip_prefix("mailto:").unwrap_or(v);
    if is_email(address) {
        return Some((address.to_string(), ["mailto:", address].concat()));
    }
    let rest = v
        .strip_prefix("https://")
        .or_else(|| v.strip_prefix("http://"))?;
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    (!host.is_empty() && !host.contains('@')).then(|| (v.to_string(), v.to_string()))
}

/// `local@domain.tld`, without the characters that would make it something else.
fn is_email(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    let plain = |part: &str| {
        !part.is_empty() && !part.contains(['@', '/', ':', '<', '>', '(', ')', ',', ';', '"'])
    };
    plain(local)
        && plain(domain)
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
}

/// The paragraphs of an abstract: blocks separated by blank lines, each on one line. The lines
/// of a paragraph join with a space, except between Chinese or Japanese characters, which
/// are written without one.
pub fn paragraphs(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut current = String::new();
    for line in text.lines().map(str::trim) {
        if line.is_empty() {
            if !current.is_empty() {
                out.push(std::mem::take(&mut current));
            }
            continue;
        }
        let wide = |c: Option<char>| c.is_some_and(|c| ('\u{2E80}'..='\u{FFEF}').contains(&c));
        let cjk_join = wide(current.chars().last()) && wide(line.chars().next());
        if !current.is_empty() && !cjk_join {
            current.push(' ');
        }
        current.push_str(line);
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::content::parse_doc_meta;

    fn parse(front: &str) -> (Option<DocMeta>, Vec<Diagnostic>) {
        let text = format!("---\ntitle: T\nstatus: published\ndate: 2025-01-02\n{front}---\n");
        let mut diags = Vec::new();
        let meta = parse_doc_meta(Path::new("index.md"), &text, &mut diags).map(|(m, _)| m);
        (meta, diags)
    }

    #[test]
    fn title_page_fields_are_read_and_blank_ones_are_absent() {
        let (meta, diags) = parse(
            "publisher: Ops WG\nlicense: CC-BY-4.0\nfeedback: wg@example.org\nabstract: |\n  One.\n\n  Two\n  lines.\nsummary: S\n",
        );
        assert!(diags.is_empty(), "{diags:?}");
        let meta = meta.expect("meta");
        assert_eq!(meta.publisher.as_deref(), Some("Ops WG"));
        assert_eq!(meta.license.as_deref(), Some("CC-BY-4.0"));
        assert_eq!(meta.feedback.as_deref(), Some("wg@example.org"));
        assert_eq!(
            paragraphs(meta.r#abstract.as_deref().unwrap_or("")),
            ["One.", "Two lines."]
        );
        assert!(meta.extra.is_empty(), "{:?}", meta.extra);
        let (meta, diags) = parse("publisher: \"  \"\nabstract: \"\"\n");
        assert!(diags.is_empty(), "{diags:?}");
        let meta = meta.expect("meta");
        assert_eq!((meta.publisher, meta.r#abstract), (None, None));
    }

    #[test]
    fn a_title_page_field_of_the_wrong_type_is_an_error_at_its_line() {
        for (front, line, col) in [
            ("publisher:\n  - A\n  - B\n", 6, 3),
            ("license: {id: CC-BY-4.0}\n", 5, 10),
            ("feedback: [wg@example.org]\n", 5, 11),
            ("abstract: {a: b}\n", 5, 11),
        ] {
            let (meta, diags) = parse(front);
            assert!(meta.is_none(), "{front}: {diags:?}");
            let d = &diags[0];
            assert_eq!(d.code, Code::BadYaml, "{front}");
            assert!(d.message.contains("invalid type"), "{}", d.message);
            let loc = d.location.as_ref().expect("location");
            assert_eq!(
                (loc.path.as_path(), loc.line, loc.col),
                (Path::new("index.md"), line, col),
                "{front}: {}",
                d.message
            );
        }
    }

    #[test]
    fn licence_spelt_the_british_way_gets_a_suggestion() {
        let (meta, diags) = parse("licence: CC-BY-4.0\n");
        assert!(meta.is_some_and(|m| m.license.is_none()));
        assert_eq!(diags.len(), 1, "{diags:?}");
        assert_eq!(diags[0].code, Code::UnknownKey);
        assert_eq!(diags[0].help.as_deref(), Some("did you mean `license`?"));
    }

    #[test]
    fn feedback_that_is_no_address_is_an_error_at_its_key() {
        let (_, diags) = parse("summary: S\nfeedback: the working group\n");
        assert_eq!(diags.len(), 1, "{diags:?}");
        assert_eq!(diags[0].code, Code::BadFeedback);
        let loc = diags[0].location.as_ref().expect("location");
        assert_eq!((loc.line, loc.col), (6, 1));
        assert_eq!(loc.source_line, "feedback: the working group");
    }

    #[test]
    fn feedback_links_to_mail_or_the_web() {
        let link = |s: &str| feedback_link(s).map(|(_, href)| href);
        assert_eq!(
            link("wg@example.org").as_deref(),
            Some("mailto:wg@example.org")
        );
        assert_eq!(
            link("mailto:wg@example.org").as_deref(),
            Some("mailto:wg@example.org")
        );
        assert_eq!(
            link("https://example.org/feedback").as_deref(),
            Some("https://example.org/feedback")
        );
        for bad in [
            "example.org",
            "wg@example",
            "a b@example.org",
            "javascript:alert(1)",
            "https://",
            "ftp://example.org",
            "@example.org",
        ] {
            assert_eq!(link(bad), None, "{bad}");
        }
    }

    #[test]
    fn japanese_lines_of_a_paragraph_join_without_a_space() {
        assert_eq!(
            paragraphs("運用者の\nための手引き。\nSee RFC\n9116.\n\n\n二つ目。"),
            ["運用者のための手引き。 See RFC 9116.", "二つ目。"]
        );
    }
}
