//! Escaping for the Typst source that bcop generates.
//!
//! Authors' text reaches Typst only through these functions: text in markup through
//! [`escape`], everything else (titles, code, URLs, paths) as string literals through
//! [`string`]. Markup has many active characters (`#` runs code, `$` starts math, `<x>` is
//! a label, `= ` at a line start is a heading), so one unescaped character could change the
//! document or run code from a Markdown file.

/// Escapes text for Typst markup, so that it is shown exactly as written.
///
/// Every character that can start markup is backslash-escaped. Line breaks become spaces,
/// because the caller decides where lines end (a newline would end a heading).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 16 + 4);
    let mut chars = text.chars().peekable();
    let mut prev: Option<char> = None;
    while let Some(c) = chars.next() {
        match c {
            '\\' | '#' | '$' | '*' | '_' | '`' | '<' | '>' | '@' | '=' | '-' | '+' | '/' | '['
            | ']' | '~' | '"' | '\'' | ':' => {
                out.push('\\');
                out.push(c);
            }
            // `...` is a shorthand for an ellipsis and `1.` at a line start is a numbered
            // list; a lone full stop is plain text, so most stay unescaped.
            '.' if chars.peek() == Some(&'.') || prev.is_some_and(|p| p.is_ascii_digit()) => {
                out.push_str("\\.");
            }
            '\n' | '\r' | '\t' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
        prev = Some(c);
    }
    out
}

/// A Typst string literal holding `s` exactly.
pub fn string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A Typst array literal of strings. The trailing comma keeps a one-element array from
/// being read as a parenthesized string.
pub fn string_array<S: AsRef<str>>(items: &[S]) -> String {
    if items.is_empty() {
        return "()".to_string();
    }
    let mut out = String::from("(");
    for item in items {
        out.push_str(&string(item.as_ref()));
        out.push_str(", ");
    }
    out.push(')');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use typst::syntax::{SyntaxKind, ast};

    /// Parses escaped text as markup and reads it back. Fails if Typst sees anything but
    /// plain text in it.
    fn read_back(markup: &str) -> String {
        let root = typst::syntax::parse(markup);
        let (errors, _) = root.errors_and_warnings();
        assert!(errors.is_empty(), "{markup}: {errors:?}");
        let mut text = String::new();
        for node in root.children() {
            match node.kind() {
                SyntaxKind::Text | SyntaxKind::Space => text.push_str(&node.full_text()),
                SyntaxKind::Escape => text.push_str(&node.full_text()[1..]),
                other => panic!("{markup:?} parsed as {other:?} in {:?}", node.full_text()),
            }
        }
        text
    }

    #[test]
    fn typst_special_characters_are_escaped() {
        let hostile = [
            "#import \"x.typ\": *",
            "$x^2$ costs $5",
            "<label> and @ref and user@example.org",
            "*bold* _emph_ `raw`",
            "= heading",
            "- item",
            "+ item",
            "/ term: description",
            "1. first",
            "12. twelfth",
            "back\\slash \\ and \\u{41}",
            "text with ] and [ brackets]]",
            "a ~ b -- c --- d -? e -1",
            "wait... really...",
            "\"quoted\" and 'single'",
            "see http://example.org/x and https://e.org // not a comment /* nor this */",
            "#set text(fill: red)",
            "#{ panic() }",
            "日本語の文章、#タグと<ラベル>も。",
        ];
        for text in hostile {
            assert_eq!(read_back(&escape(text)), text, "round trip of {text:?}");
        }
    }

    #[test]
    fn escaped_text_at_a_line_start_is_not_a_marker() {
        for text in ["= x", "- x", "+ x", "/ x: y", "3. x", "```", "#x"] {
            let markup = format!("a\n{}", escape(text));
            assert_eq!(read_back(&markup), format!("a\n{text}"));
        }
    }

    #[test]
    fn line_breaks_and_control_characters_do_not_reach_markup() {
        assert_eq!(escape("a\nb\tc\u{7}d"), "a b cd");
    }

    #[test]
    fn plain_words_and_sentences_stay_readable() {
        assert_eq!(escape("Plain words. End."), "Plain words. End.");
        assert_eq!(escape("v1.0"), "v1\\.0");
    }

    #[test]
    fn string_literals_hold_any_text() {
        for s in [
            "plain",
            "quote \" and \\ backslash",
            "line\nbreak\ttab\r",
            "\u{1}ctl",
            "日本",
        ] {
            let lit = string(s);
            let root = typst::syntax::parse_code(&lit);
            assert!(root.errors_and_warnings().0.is_empty(), "{lit}");
            let value = root
                .children()
                .find_map(|n| n.cast::<ast::Str>())
                .expect("a string literal")
                .get();
            assert_eq!(value.as_str(), s);
        }
    }

    #[test]
    fn one_element_arrays_keep_a_trailing_comma() {
        assert_eq!(string_array::<&str>(&[]), "()");
        assert_eq!(string_array(&["a"]), "(\"a\", )");
    }
}
