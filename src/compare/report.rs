//! The report of `bcop changed` for people: a plain list, or Markdown to post on a pull
//! request (a heading and a table).

use super::{Change, Changes, Edition, FileChange, Transition};

/// How many pages a table cell lists before it says how many more there are.
const PAGES_SHOWN: usize = 8;

/// The plain list: one line per document, version and language, then its files.
pub fn human(c: &Changes) -> String {
    let commit = short(&c.commit);
    if c.changed.is_empty() && c.site.is_empty() {
        return format!(
            "nothing differs from {} ({commit}): no page, PDF or translation changed\n",
            c.since
        );
    }
    let mut out = format!("changes since {} ({commit}):\n", c.since);
    for e in &c.changed {
        let mut what = Vec::new();
        if !e.pages.is_empty() {
            what.push(count(e.pages.len(), "page", "pages"));
        }
        if let Some(pdf) = e.pdf {
            what.push(format!("PDF {}", word(pdf)));
        }
        if let Some(t) = &e.translation {
            what.push(format!("translation {}", transition(t)));
        }
        out.push_str(&format!("  {}: {}\n", title(e), what.join(", ")));
        for f in &e.pages {
            out.push_str(&format!("    {:<8} {}\n", word(f.change), f.path));
        }
    }
    if !c.site.is_empty() {
        out.push_str(&format!(
            "  the whole site: {}\n",
            count(c.site.len(), "file", "files")
        ));
        for f in &c.site {
            out.push_str(&format!("    {:<8} {}\n", word(f.change), f.path));
        }
    }
    out
}

/// A heading and a table; each page a link into `base_url` when there is one.
pub fn markdown(c: &Changes, base_url: Option<&str>) -> String {
    let mut out = format!(
        "### Changes since `{}` ({})\n\n",
        cell(&c.since),
        short(&c.commit)
    );
    if c.changed.is_empty() && c.site.is_empty() {
        out.push_str("No page, PDF or translation changes.\n");
        return out;
    }
    if !c.changed.is_empty() {
        out.push_str("| Document | Version | Language | Pages | PDF | Translation |\n");
        out.push_str("|---|---|---|---|---|---|\n");
        for e in &c.changed {
            out.push_str(&format!(
                "| {} | {} | {} | {} | {} | {} |\n",
                cell(&e.doc),
                cell(e.version.as_deref().unwrap_or("all versions")),
                cell(&e.lang),
                pages(&e.pages, base_url),
                e.pdf.map_or("", word),
                e.translation.as_ref().map_or(String::new(), transition),
            ));
        }
    }
    if !c.site.is_empty() {
        out.push_str(&format!("\nThe whole site: {}\n", pages(&c.site, base_url)));
    }
    out
}

fn title(e: &Edition) -> String {
    match &e.version {
        Some(v) => format!("{} {v} {}", e.doc, e.lang),
        None => format!("{} (all versions) {}", e.doc, e.lang),
    }
}

/// The pages of a cell: links to those that exist, struck-out names of the removed ones.
fn pages(files: &[FileChange], base_url: Option<&str>) -> String {
    let mut shown: Vec<String> = files
        .iter()
        .take(PAGES_SHOWN)
        .map(|f| {
            let name = cell(&f.path);
            match (f.change, base_url) {
                (Change::Removed, _) => format!("~~`{name}`~~ (removed)"),
                (change, Some(base)) => format!(
                    "[{name}]({}{}){}",
                    base.trim_end_matches('/').to_string() + "/",
                    f.path.replace(' ', "%20").replace(')', "%29"),
                    added(change)
                ),
                (change, None) => format!("`{name}`{}", added(change)),
            }
        })
        .collect();
    if files.len() > PAGES_SHOWN {
        shown.push(format!("and {} more", files.len() - PAGES_SHOWN));
    }
    shown.join(", ")
}

fn added(change: Change) -> &'static str {
    if change == Change::Added {
        " (new)"
    } else {
        ""
    }
}

fn transition(t: &Transition) -> String {
    format!("{} → {}", t.from.unwrap_or("none"), t.to.unwrap_or("none"))
}

fn word(change: Change) -> &'static str {
    match change {
        Change::Added => "added",
        Change::Changed => "changed",
        Change::Removed => "removed",
    }
}

fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn short(commit: &str) -> &str {
    commit.get(..12).unwrap_or(commit)
}

/// Text in a table cell: a `|` would end the cell, a line break the row.
fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace(['\n', '\r'], " ")
}
