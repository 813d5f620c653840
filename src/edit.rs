//! Text-level edits of YAML front matter, for the commands that write sources (`new`,
//! `translate stamp`). Editing lines rather than re-serialising keeps the author's comments,
//! key order and quoting.

/// The front matter lines of `text` (between the `---` lines) and the rest, or `None`.
fn split(text: &str) -> Option<(Vec<String>, &str)> {
    let rest = text
        .strip_prefix("---\n")
        .or_else(|| text.strip_prefix("---\r\n"))?;
    let mut lines = Vec::new();
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        offset += line.len();
        if line.trim_end() == "---" {
            return Some((lines, &rest[offset..]));
        }
        lines.push(line.trim_end_matches(['\n', '\r']).to_string());
    }
    None
}

fn join(lines: &[String], body: &str) -> String {
    let mut out = String::from("---\n");
    for l in lines {
        out.push_str(l);
        out.push('\n');
    }
    out.push_str("---\n");
    out.push_str(body);
    out
}

fn is_key_line(line: &str, key: &str) -> bool {
    line.strip_prefix(key).is_some_and(|r| r.starts_with(':'))
}

/// Where the block of top-level `key` starts and ends (its value may span indented lines).
fn key_span(lines: &[String], key: &str) -> Option<(usize, usize)> {
    let start = lines.iter().position(|l| is_key_line(l, key))?;
    let mut end = start + 1;
    while end < lines.len()
        && (lines[end].starts_with(' ')
            || lines[end].starts_with('\t')
            || lines[end].starts_with("- "))
    {
        end += 1;
    }
    Some((start, end))
}

/// Removes the top-level `key`. Text without front matter is returned as it is.
pub fn remove_key(text: &str, key: &str) -> String {
    let Some((mut lines, body)) = split(text) else {
        return text.to_string();
    };
    if let Some((s, e)) = key_span(&lines, key) {
        lines.drain(s..e);
    }
    join(&lines, body)
}

/// Sets top-level `key` to `block` (the text after `key:`, which may span lines, e.g.
/// `"\n  a: 1"`), replacing its old value or adding it at the end. Adds front matter if none.
pub fn set_key(text: &str, key: &str, block: &str) -> String {
    let (mut lines, body) = split(text).unwrap_or((Vec::new(), text));
    let new: Vec<String> = format!("{key}:{block}")
        .lines()
        .map(str::to_string)
        .collect();
    match key_span(&lines, key) {
        Some((s, e)) => {
            lines.splice(s..e, new);
        }
        None => lines.extend(new),
    }
    join(&lines, body)
}

/// A YAML double-quoted string.
pub fn quote(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = "---\n# keep me\ntitle: A\nstatus: published\ndate: 2025-01-01\nauthors:\n  - X\n  - Y\n---\nBody\n";

    #[test]
    fn setting_a_key_keeps_comments_and_order() {
        let t = set_key(DOC, "status", " draft");
        assert_eq!(t, DOC.replace("status: published", "status: draft"));
        let t = set_key(&t, "supersedes", " \"1.0\"");
        assert!(t.contains("  - Y\nsupersedes: \"1.0\"\n---\nBody\n"));
    }

    #[test]
    fn removing_a_key_removes_its_indented_value() {
        let t = remove_key(DOC, "authors");
        assert!(!t.contains("authors") && !t.contains("- X"));
        assert!(t.contains("# keep me\ntitle: A\n"));
    }

    #[test]
    fn a_file_without_front_matter_gets_one() {
        assert_eq!(
            set_key("# Hi\n", "title", " T"),
            "---\ntitle: T\n---\n# Hi\n"
        );
    }

    #[test]
    fn quoting_escapes() {
        assert_eq!(quote("a \"b\" \\"), "\"a \\\"b\\\" \\\\\"");
    }
}
