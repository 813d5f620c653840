//! Internal links and `#anchors`, checked against the pages and headings the build produces.
//!
//! A link is resolved from the page its chapter becomes (`ja/doc/1.0/02-x.html`), so links
//! across chapters, documents, versions and languages are all checked the same way. Broken
//! links are warnings: `check --strict` and `build --strict` turn them into failures.

use super::pages::{DocMarkdown, Markdown};
use crate::error::{Code, Diagnostic};
use crate::load::MarkdownFile;
use crate::load::config::SiteConfig;
use crate::load::content::nearest_owned;
use crate::markdown::{Rendered, is_external};
use crate::memo::{Key, key, reuse};
use crate::paths::out;
use crate::resolve::{Document, Site};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::{Arc, OnceLock};

/// Every page's path with where its rendered text is (`[doc][version][edition][chapter]` of
/// [`Markdown`]; its headings are its anchors), and every other file's path.
pub struct TargetIndex {
    pages: BTreeMap<String, [usize; 4]>,
    files: BTreeSet<String>,
}

/// A [`TargetIndex`] with the Markdown it points into.
struct Targets<'a> {
    index: &'a TargetIndex,
    md: &'a Markdown,
}

impl Targets<'_> {
    fn page(&self, path: &str) -> Option<&Rendered> {
        let [d, v, e, c] = *self.index.pages.get(path)?;
        let m = &self.md.docs[d];
        Some(m.translated[v][e][c].as_ref().unwrap_or(&m.source[v][c]))
    }
}

/// What link checking leaves for the next run: each document's findings, by its sources and
/// every page's anchors; and the index of pages, by all of their anchors.
#[derive(Default)]
pub struct Memo {
    documents: HashMap<Key, Arc<Vec<Diagnostic>>>,
    index: Option<(Key, Arc<TargetIndex>)>,
}

/// Checks every chapter's links. A document's results are reused from `memo` while its own
/// sources and every page's anchors stay the same, and kept for the next run if `keep` is set.
pub fn check(
    config: &SiteConfig,
    site: &Site,
    md: &Markdown,
    memo: &mut Memo,
    settings: &Key,
    keep: bool,
) -> Vec<Diagnostic> {
    use rayon::prelude::*;
    let every_target: Vec<u8> = md.docs.iter().flat_map(|m| m.targets).collect();
    let every_target = key(&[settings, &every_target]);
    // The index of pages is built when a document needs checking, and kept while no page or
    // anchor anywhere changes.
    let index = OnceLock::new();
    if let Some((k, i)) = &memo.index
        && *k == every_target
    {
        let _ = index.set(i.clone());
    }
    let targets = OnceLock::new();
    let checked: Vec<(Option<Key>, Arc<Vec<Diagnostic>>)> = site
        .documents
        .par_iter()
        .zip(&md.docs)
        .map(|(d, m)| {
            let k = keep.then(|| key(&[d.source.fingerprint(), settings, &every_target]));
            reuse(&memo.documents, k, || {
                let t = targets.get_or_init(|| Targets {
                    index: index.get_or_init(|| Arc::new(target_index(config, site, md))),
                    md,
                });
                Arc::new(check_document(config, t, d, m))
            })
        })
        .collect();
    if let Some(i) = index.get() {
        memo.index = Some((every_target, i.clone()));
    }
    let out = checked
        .iter()
        .flat_map(|(_, d)| d.iter().cloned())
        .collect();
    memo.documents = crate::memo::kept(checked);
    out
}

fn check_document(
    config: &SiteConfig,
    targets: &Targets,
    d: &Document,
    m: &DocMarkdown,
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (vi, v) in d.versions.iter().enumerate() {
        for (ei, e) in v.editions.iter().enumerate().filter(|(_, e)| e.built) {
            for (ci, c) in v.chapters.iter().enumerate() {
                let page = out::chapter(&e.lang, &d.slug, &v.version.name, &c.page);
                // Source text is checked once, from the source language's pages.
                let (file, rendered) = match (&e.chapters[ci], &m.translated[vi][ei][ci]) {
                    (Some(f), Some(r)) => (f, r),
                    _ if config.is_source(&e.lang) => (&c.source, &m.source[vi][ci]),
                    _ => continue,
                };
                check_page(targets, &page, file, rendered, &mut out);
            }
        }
    }
    out
}

/// Calls `page` for every page of `d` with its rendered text, and `file` for every other file
/// of `d` a link may point to.
fn document_targets<'a>(
    config: &SiteConfig,
    d: &Document,
    source: &'a [Vec<Rendered>],
    translated: &'a [Vec<Vec<Option<Rendered>>>],
    mut page: impl FnMut(String, &'a Rendered, [usize; 3]),
    mut file: impl FnMut(String),
) {
    for (vi, v) in d.versions.iter().enumerate() {
        for (ei, e) in v.editions.iter().enumerate().filter(|(_, e)| e.built) {
            let dir = out::version_dir(&e.lang, &d.slug, &v.version.name);
            for a in v.assets.iter().chain(&e.assets) {
                file(format!("{dir}{}", a.rel));
            }
            for (ci, c) in v.chapters.iter().enumerate() {
                let r = translated[vi][ei][ci].as_ref().unwrap_or(&source[vi][ci]);
                page(
                    out::chapter(&e.lang, &d.slug, &v.version.name, &c.page),
                    r,
                    [vi, ei, ci],
                );
            }
        }
    }
    for l in &config.languages {
        file(out::versions(&l.code, &d.slug));
        file(out::alias(&l.code, &d.slug));
    }
}

/// A hash of the pages, anchors and files `d` contributes: when no document's changes, no
/// document's link results can change because of another one.
pub fn targets_fingerprint(
    config: &SiteConfig,
    d: &Document,
    source: &[Vec<Rendered>],
    translated: &[Vec<Vec<Option<Rendered>>>],
) -> Key {
    let mut h = blake3::Hasher::new();
    let mut add = |s: &str| {
        h.update(s.as_bytes());
        h.update(&[0]);
    };
    let mut pages = Vec::new();
    let mut files = Vec::new();
    document_targets(
        config,
        d,
        source,
        translated,
        |p, r, _| pages.push((p, r)),
        |f| files.push(f),
    );
    for (p, r) in pages {
        add(&p);
        for id in r.anchors() {
            add(id);
        }
        add("\u{1}");
    }
    for f in files {
        add(&f);
    }
    *h.finalize().as_bytes()
}

fn target_index(config: &SiteConfig, site: &Site, md: &Markdown) -> TargetIndex {
    let mut pages = BTreeMap::new();
    let mut files = BTreeSet::new();
    for (di, (d, m)) in site.documents.iter().zip(&md.docs).enumerate() {
        document_targets(
            config,
            d,
            &m.source,
            &m.translated,
            |p, _, [vi, ei, ci]| {
                pages.insert(p, [di, vi, ei, ci]);
            },
            |f| {
                files.insert(f);
            },
        );
    }
    for l in &config.languages {
        files.insert(out::catalog(&l.code));
    }
    files.insert("index.html".into());
    TargetIndex { pages, files }
}

fn has_anchor(r: &Rendered, id: &str) -> bool {
    r.anchors().any(|a| a == id)
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
                Code::BrokenLink,
                format!("link `{}` goes outside the site", reference.url),
                None,
            )),
            Some(tp) => match (t.page(tp), fragment) {
                (Some(r), Some(f)) if !has_anchor(r, f) => Some((
                    Code::BrokenAnchor,
                    format!("`#{f}` is not a heading or requirement of `{tp}`"),
                    nearest_owned(f, r.anchors()).map(|n| format!("did you mean `#{n}`?")),
                )),
                (Some(_), _) => None,
                (None, _) if t.index.files.contains(tp) => None,
                (None, _) => Some((
                    Code::BrokenLink,
                    format!(
                        "link `{}` points to `{tp}`, which the build does not produce",
                        reference.url
                    ),
                    nearest_owned(tp, t.index.pages.keys().map(String::as_str))
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
