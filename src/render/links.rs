//! Internal links and `#anchors`, checked against the pages and headings the build produces.
//!
//! A link is resolved from the page its chapter becomes (`ja/doc/1.0/02-x.html`), so links
//! across chapters, documents, versions and languages are all checked the same way. Broken
//! links are warnings: `check --strict` and `build --strict` turn them into failures.

use super::markdown::{Rendered, is_external};
use super::pages::{Markdown, paths};
use crate::config::SiteConfig;
use crate::error::Diagnostic;
use crate::load::MarkdownFile;
use crate::load::content::nearest_owned;
use crate::resolve::Site;
use std::collections::{BTreeMap, BTreeSet};

/// Every page's path with the anchors it has, and every asset path.
struct Targets {
    pages: BTreeMap<String, BTreeSet<String>>,
    files: BTreeSet<String>,
}

pub fn check(config: &SiteConfig, site: &Site, md: &Markdown) -> Vec<Diagnostic> {
    let targets = targets(config, site, md);
    let mut out = Vec::new();
    for (di, d) in site.documents.iter().enumerate() {
        for (vi, v) in d.versions.iter().enumerate() {
            for (ei, e) in v.editions.iter().enumerate().filter(|(_, e)| e.built) {
                for (ci, c) in v.chapters.iter().enumerate() {
                    let page = paths::chapter(&e.lang, &d.slug, &v.version.name, &c.page);
                    // Source text is checked once, from the source language's pages.
                    let (file, rendered) = match (&e.chapters[ci], &md.translated[di][vi][ei][ci]) {
                        (Some(f), Some(r)) => (f, r),
                        _ if config.is_source(&e.lang) => (&c.source, &md.source[di][vi][ci]),
                        _ => continue,
                    };
                    check_page(&targets, &page, file, rendered, &mut out);
                }
            }
        }
    }
    out
}

fn targets(config: &SiteConfig, site: &Site, md: &Markdown) -> Targets {
    let mut pages = BTreeMap::new();
    let mut files = BTreeSet::new();
    for (di, d) in site.documents.iter().enumerate() {
        for (vi, v) in d.versions.iter().enumerate() {
            for (ei, e) in v.editions.iter().enumerate().filter(|(_, e)| e.built) {
                let dir = paths::version_dir(&e.lang, &d.slug, &v.version.name);
                for a in v.assets.iter().chain(&e.assets) {
                    files.insert(format!("{dir}{}", a.rel));
                }
                for (ci, c) in v.chapters.iter().enumerate() {
                    let r = md.translated[di][vi][ei][ci]
                        .as_ref()
                        .unwrap_or(&md.source[di][vi][ci]);
                    let page = paths::chapter(&e.lang, &d.slug, &v.version.name, &c.page);
                    pages.insert(page, anchors(r));
                }
            }
            for l in &config.languages {
                files.insert(paths::versions(&l.code, &d.slug));
                files.insert(paths::alias(&l.code, &d.slug));
            }
        }
    }
    for l in &config.languages {
        files.insert(paths::catalog(&l.code));
    }
    files.insert("index.html".into());
    Targets { pages, files }
}

fn anchors(r: &Rendered) -> BTreeSet<String> {
    let mut a: BTreeSet<String> = r.heading_ids.iter().cloned().collect();
    a.extend(r.footnote_ids.iter().cloned());
    a
}

fn check_page(
    t: &Targets,
    page: &str,
    file: &MarkdownFile,
    r: &Rendered,
    out: &mut Vec<Diagnostic>,
) {
    for reference in r.references.iter().filter(|x| !x.is_image) {
        let url = reference.url.as_str();
        if url.is_empty() || is_external(url) || url.starts_with('/') {
            continue;
        }
        let url = url.split('?').next().unwrap_or(url);
        let (path, fragment) = url
            .split_once('#')
            .map_or((url, None), |(p, f)| (p, Some(f)));
        let path = path
            .strip_suffix(".md")
            .map_or_else(|| path.to_string(), |s| format!("{s}.html"));
        let target = if path.is_empty() {
            Some(page.to_string())
        } else {
            join(page, &path)
        };
        let problem = match &target {
            None => Some((
                "broken-link",
                format!("link `{}` goes outside the site", reference.url),
                None,
            )),
            Some(tp) => match (t.pages.get(tp), fragment) {
                (Some(ids), Some(f)) if !ids.contains(f) => Some((
                    "broken-anchor",
                    format!("`#{f}` is not a heading of `{tp}`"),
                    nearest_owned(f, ids.iter().map(String::as_str))
                        .map(|n| format!("did you mean `#{n}`?")),
                )),
                (Some(_), _) => None,
                (None, _) if t.files.contains(tp) => None,
                (None, _) => Some((
                    "broken-link",
                    format!(
                        "link `{}` points to `{tp}`, which the build does not produce",
                        reference.url
                    ),
                    nearest_owned(tp, t.pages.keys().map(String::as_str))
                        .map(|n| format!("did you mean the page `{n}`?")),
                )),
            },
        };
        if let Some((code, message, help)) = problem {
            let mut d = Diagnostic::warning(code, Some(file.location(reference.offset)), message);
            if let Some(h) = help {
                d = d.with_help(h);
            }
            out.push(d);
        }
    }
}

/// `page`'s folder joined with a relative path, normalised; `None` if it leaves the site.
fn join(page: &str, rel: &str) -> Option<String> {
    let mut parts: Vec<&str> = page.split('/').collect();
    parts.pop();
    for seg in rel.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            s => parts.push(s),
        }
    }
    Some(parts.join("/"))
}

#[cfg(test)]
mod tests {
    use super::join;

    #[test]
    fn relative_links_are_resolved_from_the_page() {
        assert_eq!(
            join("en/a/1.0/index.html", "02-x.html").as_deref(),
            Some("en/a/1.0/02-x.html")
        );
        assert_eq!(
            join("en/a/1.0/index.html", "../../b/2.0/index.html").as_deref(),
            Some("en/b/2.0/index.html")
        );
        assert_eq!(join("en/a/1.0/index.html", "../../../../etc/passwd"), None);
    }
}
