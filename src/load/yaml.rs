//! YAML parsing that keeps line numbers, for `site.yaml` and front matter.
//!
//! Front matter sits a few lines into a file, so every YAML error is shifted by the line where
//! the YAML block starts: the error then points at the real line of the real file.

use crate::error::{Code, Diagnostic, Location};
use serde::de::DeserializeOwned;
use std::path::Path;

/// A Markdown file split into its front matter and body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Split<'a> {
    /// The YAML between the `---` lines, if the file has front matter.
    pub yaml: Option<&'a str>,
    /// 0-based line of the file where the YAML starts.
    pub yaml_line: usize,
    pub body: &'a str,
    /// 0-based line of the file where the body starts.
    pub body_line: usize,
}

/// Splits `---\n yaml \n---\n body`. A file without an opening `---` is all body.
pub fn split_front_matter(text: &str) -> Result<Split<'_>, usize> {
    let text_no_bom = text.strip_prefix('\u{feff}').unwrap_or(text);
    let first_end = text_no_bom.find('\n').map_or(text_no_bom.len(), |i| i + 1);
    let rest = (text_no_bom[..first_end].trim_end() == "---").then(|| &text_no_bom[first_end..]);
    let Some(rest) = rest else {
        return Ok(Split {
            yaml: None,
            yaml_line: 0,
            body: text,
            body_line: 0,
        });
    };
    let mut offset = 0;
    for (i, line) in rest.split_inclusive('\n').enumerate() {
        let trimmed = line.trim_end();
        if trimmed == "---" || trimmed == "..." {
            let yaml = &rest[..offset];
            let body = &rest[offset + line.len()..];
            return Ok(Split {
                yaml: Some(yaml),
                yaml_line: 1,
                body,
                body_line: i + 2,
            });
        }
        offset += line.len();
    }
    // The closing line is missing: report it at the opening line.
    Err(1)
}

/// Deserializes `yaml`, which starts at 0-based line `line_offset` of `file_text` (read from
/// `path`), and turns any error into a diagnostic at the right line.
pub fn parse<T: DeserializeOwned>(
    path: &Path,
    file_text: &str,
    yaml: &str,
    line_offset: usize,
) -> Result<T, Diagnostic> {
    // An empty block is an empty mapping, so that missing fields are reported as such.
    let yaml_src = if yaml.trim().is_empty() { "{}" } else { yaml };
    serde_yaml::from_str(yaml_src).map_err(|e| {
        let (line, col) = e.location().map_or((1, 1), |l| {
            // YAML counts lines its own way (a next-line character ends one, for instance):
            // find the byte it means, then count as everything else does.
            let at = yaml_offset(yaml_src, l.line().max(1), l.column().max(1));
            if std::ptr::eq(yaml_src, yaml) {
                crate::error::line_col(yaml, at)
            } else {
                (1, 1)
            }
        });
        let message = tidy_message(&e.to_string());
        let mut loc = Location::in_text(path, file_text, line + line_offset, col);
        // Values checked after parsing (try_from) lose their position: point at the value.
        if message.contains("unknown status") {
            loc = key_location(path, file_text, "status");
            loc.col += "status: ".len();
        }
        let mut d = Diagnostic::error(Code::BadYaml, Some(loc), message.clone());
        if let Some(help) = help_for(&message) {
            d = d.with_help(help);
        }
        d
    })
}

/// The byte of `yaml` at 1-based `line` and `col` (in characters) as YAML 1.1 counts lines:
/// they end at `\n`, `\r\n`, `\r`, and at the next-line, line and paragraph separators.
fn yaml_offset(yaml: &str, line: usize, col: usize) -> usize {
    let mut chars = yaml.char_indices().peekable();
    let mut current = 1;
    while current < line {
        match chars.next() {
            Some((_, '\r')) => {
                chars.next_if(|&(_, c)| c == '\n');
                current += 1;
            }
            Some((_, '\n' | '\u{85}' | '\u{2028}' | '\u{2029}')) => current += 1,
            Some(_) => {}
            None => return yaml.len(),
        }
    }
    chars
        .take_while(|&(_, c)| !matches!(c, '\n' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}'))
        .nth(col - 1)
        .map_or(yaml.len(), |(i, _)| i)
}

/// serde's messages end with " at line X column Y", which we already show in front.
fn tidy_message(message: &str) -> String {
    let cut = message.find(" at line ").unwrap_or(message.len());
    message[..cut].to_string()
}

fn help_for(message: &str) -> Option<String> {
    if message.starts_with("missing field") {
        Some("add the field to the front matter".into())
    } else if message.starts_with("unknown variant") || message.contains("unknown status") {
        Some("use one of the values listed above".into())
    } else if message.contains("repetition limit exceeded") {
        Some("the YAML repeats its aliases (*name) too many times, which would expand to an enormous value; write the values out instead".into())
    } else if message.contains("recursion limit exceeded") {
        Some("the YAML nests too deep; flatten it".into())
    } else if message.starts_with("unknown field") {
        Some("check the spelling of the key, or remove it".into())
    } else if message.contains("invalid type") && message.contains("expected a string") {
        Some("quote the value if it is a version or a date, e.g. \"1.0\"".into())
    } else {
        None
    }
}

/// Where `key:` is written in a YAML text (the first line that starts with it), or line 1.
pub fn key_location(path: &Path, text: &str, key: &str) -> Location {
    let needle = format!("{key}:");
    for (i, line) in text.lines().enumerate() {
        let trimmed = line.trim_start();
        if trimmed.starts_with(&needle) {
            let col = line.len() - trimmed.len() + 1;
            return Location::in_text(path, text, i + 1, col);
        }
    }
    Location::in_text(path, text, 1, 1)
}

/// Where a scalar value first appears in a YAML text, or line 1.
pub fn value_location(path: &Path, text: &str, value: &str) -> Location {
    for (i, line) in text.lines().enumerate() {
        if let Some(col) = line.find(value) {
            let col = line[..col].chars().count() + 1;
            return Location::in_text(path, text, i + 1, col);
        }
    }
    Location::in_text(path, text, 1, 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_is_split_with_body_line() {
        let s = split_front_matter("---\ntitle: A\n---\n# Hi\n").expect("split");
        assert_eq!(s.yaml, Some("title: A\n"));
        assert_eq!(s.body, "# Hi\n");
        assert_eq!(s.body_line, 3);
    }

    #[test]
    fn file_without_front_matter_is_all_body() {
        let s = split_front_matter("# Hi\n").expect("split");
        assert_eq!(s.yaml, None);
        assert_eq!(s.body, "# Hi\n");
    }

    #[test]
    fn unclosed_front_matter_is_an_error() {
        assert_eq!(split_front_matter("---\ntitle: A\n# Hi\n"), Err(1));
    }

    #[derive(serde::Deserialize, Debug)]
    #[allow(dead_code)]
    struct Meta {
        title: String,
        n: u32,
    }

    #[test]
    fn yaml_errors_point_at_the_file_line() {
        let text = "---\ntitle: A\nn: nope\n---\n";
        let s = split_front_matter(text).expect("split");
        let err = parse::<Meta>(Path::new("x.md"), text, s.yaml.unwrap_or(""), s.yaml_line)
            .expect_err("must fail");
        let loc = err.location.expect("location");
        assert_eq!((loc.line, loc.col), (3, 4));
        assert_eq!(loc.source_line, "n: nope");
    }
}
