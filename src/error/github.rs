//! Diagnostics as GitHub Actions workflow commands (`--format github`): a workflow shows each
//! as an annotation on its file and line in the pull request's diff.

use super::{Diagnostic, Severity};
use std::path::{Component, Path};

/// One diagnostic as one line: `::error file=PATH,line=L,col=C,title=CODE::message`, with the
/// help after a line break. A diagnostic without a location names no file.
pub fn annotation(d: &Diagnostic) -> String {
    let command = match d.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    let mut properties = Vec::with_capacity(4);
    if let Some(loc) = &d.location {
        properties.push(format!("file={}", property(&repo_path(&loc.path))));
        properties.push(format!("line={}", loc.line));
        properties.push(format!("col={}", loc.col));
    }
    properties.push(format!("title={}", property(d.code.as_str())));
    let message = match &d.help {
        Some(help) => format!("{}\nhelp: {help}", d.message),
        None => d.message.clone(),
    };
    format!("::{command} {}::{}", properties.join(","), data(&message))
}

/// A path as GitHub matches it against the repository: relative to the current folder (the
/// checkout, in a workflow), with `/` separators and no `./`.
fn repo_path(path: &Path) -> String {
    let relative = std::env::current_dir()
        .ok()
        .and_then(|cwd| path.strip_prefix(cwd).ok())
        .unwrap_or(path);
    let parts: Vec<String> = relative
        .components()
        .filter(|c| !matches!(c, Component::CurDir))
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    parts.join("/").replace('\\', "/")
}

/// A command's message, escaped as GitHub's runner unescapes it.
fn data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// A property's value, which also ends at `,` and `:`.
fn property(text: &str) -> String {
    data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::{Code, Location};

    #[test]
    fn message_and_properties_are_escaped_as_github_reads_them() {
        let d = Diagnostic::error(
            Code::BrokenLink,
            Some(Location::file(Path::new("./content/a,b:c/100%.md"))),
            "50% done\r\nnext",
        )
        .with_help("fix: it");
        assert_eq!(
            annotation(&d),
            "::error file=content/a%2Cb%3Ac/100%25.md,line=1,col=1,title=broken-link::50%25 done%0D%0Anext%0Ahelp: fix: it"
        );
    }

    #[test]
    fn a_diagnostic_without_a_location_names_no_file() {
        let d = Diagnostic::warning(Code::MissingGlyph, None, "no font");
        assert_eq!(annotation(&d), "::warning title=missing-glyph::no font");
    }
}
