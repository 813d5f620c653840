//! The "parse limit": the least work any Markdown site generator must do. Reads every `*.md`
//! file below IN, drops a leading `---` YAML front-matter block, renders the Markdown to HTML with
//! pulldown-cmark (the extensions bcop enables) in parallel with rayon, and writes each page to
//! OUT at the same relative path with an `.html` extension. No templates, no links, no ids.
//!
//!     cargo run --release --example parse_limit -- IN OUT
//!
//! bench/run times it next to bcop and Hugo as the floor for a build of the same corpus.

use pulldown_cmark::{Options, Parser, html};
use rayon::prelude::*;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;
use walkdir::WalkDir;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [input, output] = args.as_slice() else {
        eprintln!("usage: parse_limit IN OUT");
        return ExitCode::from(2);
    };
    let (input, output) = (Path::new(input), Path::new(output));
    let start = Instant::now();

    let files: Vec<PathBuf> = WalkDir::new(input)
        .sort_by_file_name()
        .into_iter()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "md"))
        .map(|e| e.into_path())
        .collect();

    let results: Vec<Result<usize, String>> = files
        .par_iter()
        .map(|path| render_file(input, output, path))
        .collect();

    let mut bytes = 0;
    let mut failed = 0;
    for r in results {
        match r {
            Ok(n) => bytes += n,
            Err(e) => {
                eprintln!("parse_limit: {e}");
                failed += 1;
            }
        }
    }
    eprintln!(
        "parse_limit: {} pages, {} bytes of HTML into {} in {} ms",
        files.len() - failed,
        bytes,
        output.display(),
        start.elapsed().as_millis()
    );
    if failed > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

fn render_file(input: &Path, output: &Path, path: &Path) -> Result<usize, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let markdown = strip_front_matter(&text);
    let mut out = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut out, Parser::new_ext(markdown, options()));

    let rel = path.strip_prefix(input).unwrap_or(path);
    let dest = output.join(rel).with_extension("html");
    if let Some(dir) = dest.parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    std::fs::write(&dest, &out).map_err(|e| format!("{}: {e}", dest.display()))?;
    Ok(out.len())
}

fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
}

/// The text after a leading `---` ... `---` block, or all of it when there is none.
fn strip_front_matter(text: &str) -> &str {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let Some(rest) = text
        .strip_prefix("---\n")
        .or_else(|| text.strip_prefix("---\r\n"))
    else {
        return text;
    };
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        offset += line.len();
        if line.trim_end_matches(['\r', '\n']) == "---" {
            return &rest[offset..];
        }
    }
    text
}
