//! Entry points for the fuzz targets in `fuzz/` and for their regression tests: each takes
//! arbitrary bytes and runs one reader of untrusted input as a build runs it, then checks what
//! must hold whatever the input. None of them may panic except on a broken invariant, which
//! is a bug to fix.

use std::path::Path;

fn text(data: &[u8]) -> &str {
    std::str::from_utf8(data).unwrap_or("")
}

/// A document's `index.md` and a translation's front matter, as `load` reads them.
pub fn front_matter(data: &[u8]) {
    let text = text(data);
    let path = Path::new("content/doc/1.0/index.md");
    let mut diags = Vec::new();
    if let Some((_, body)) = crate::load::content::parse_doc_meta(path, text, &mut diags) {
        assert!(
            text.ends_with(&*body.body),
            "the body is the end of the file"
        );
    }
    for d in &diags {
        // Every problem points into the file, at a line that exists.
        let loc = d
            .location
            .as_ref()
            .expect("front matter problems have a location");
        let lines = crate::error::lines(text).count().max(1);
        assert!(loc.line >= 1 && loc.line <= lines, "{d}");
        let _ = d.to_string();
    }
    if let Ok(split) = crate::load::yaml::split_front_matter(text)
        && let Some(yaml) = split.yaml
    {
        let _: Result<crate::load::content::TranslationMeta, _> =
            crate::load::yaml::parse(path, text, yaml, split.yaml_line);
    }
}

/// `site.yaml`.
pub fn site_config(data: &[u8]) {
    let text = text(data);
    match crate::load::config::SiteConfig::from_text(Path::new("site.yaml"), text, None) {
        Ok(config) => {
            assert!(!config.languages.is_empty(), "a site has a language");
            assert!(config.is_source(&config.source_language));
        }
        Err(e) => {
            let _ = e.to_string();
        }
    }
}

/// Markdown to HTML, with the heading ids that links, translations and the PDF rely on.
pub fn markdown_html(data: &[u8]) {
    let markdown = text(data);
    let rendered = crate::markdown::render(&crate::markdown::Input {
        markdown,
        ..Default::default()
    });
    // `headings` gives every heading the id that rendering gives it, without rendering.
    let ids: Vec<String> = crate::markdown::headings(markdown, None)
        .into_iter()
        .map(|h| h.id)
        .collect();
    assert_eq!(ids, rendered.heading_ids, "heading ids agree");
    let unique: std::collections::HashSet<&String> = ids.iter().collect();
    assert_eq!(unique.len(), ids.len(), "heading ids are unique");
    // Sections cover the text, so that fingerprints cover every change.
    let sections = crate::translate::sections(markdown);
    let covered: usize = sections.iter().map(|s| s.text.len()).sum();
    assert!(covered <= markdown.len());
    // A translation's raw HTML is sanitised before it is published.
    let clean = crate::render::translation::sanitize(&rendered.html);
    assert!(!clean.to_ascii_lowercase().contains("<script"), "{clean}");
}

/// Markdown to Typst markup: whatever the Markdown, the generated file parses without an error
/// (the converter escapes every piece of text).
pub fn markdown_typst(data: &[u8]) {
    let markdown = text(data);
    if crate::markdown::headings(markdown, None).len() > 10_000 {
        return;
    }
    let main = crate::pdf::main_file_for(markdown);
    let source = typst::syntax::Source::detached(main.as_str());
    let errors = source.root().errors_and_warnings().0;
    assert!(
        errors.is_empty(),
        "the generated Typst does not parse: {:?}",
        errors.first().map(|e| &e.message)
    );
}

/// A Fluent catalog, as a language's UI strings.
pub fn fluent(data: &[u8]) {
    use crate::load::theme::TextFile;
    let text = text(data);
    let file = TextFile {
        name: "main.ftl".into(),
        path: "locales/en/main.ftl".into(),
        text: text.to_string(),
    };
    let catalogs = std::collections::BTreeMap::from([("en".to_string(), vec![file])]);
    let mut diags = Vec::new();
    let i18n = crate::i18n::I18n::new("en", &["en".to_string()], &catalogs, &mut diags);
    for (_, key, _) in i18n.plain_texts() {
        let _ = i18n.text("en", key, None);
        let _ = i18n.count("en", key, 3);
    }
    for d in &diags {
        let _ = d.to_string();
    }
}

/// The path of a request to `serve`: never a way out of the site.
pub fn serve_path(data: &[u8]) {
    let path = text(data);
    if let Some(key) = crate::serve::request_key(path) {
        assert!(
            !key.split('/').any(|seg| seg == ".." || seg == "."),
            "{key:?} from {path:?}"
        );
        assert!(!key.starts_with('/') && !key.contains('\\') && !key.contains('\0'));
    }
}

/// A fuzz target: arbitrary bytes in, a panic on a broken invariant.
pub type Target = fn(&[u8]);

/// Every target, by the name of its folder in `fuzz/fuzz_targets/` and `fuzz/regressions/`.
pub const TARGETS: &[(&str, Target)] = &[
    ("front_matter", front_matter),
    ("site_config", site_config),
    ("markdown_html", markdown_html),
    ("markdown_typst", markdown_typst),
    ("fluent", fluent),
    ("serve_path", serve_path),
];

#[cfg(test)]
mod tests {
    use super::TARGETS;
    use std::path::Path;

    /// Every input a fuzzer found a problem with is kept in `fuzz/regressions/<target>/` and
    /// must now run clean.
    #[test]
    fn every_input_the_fuzzers_found_runs_clean() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/regressions");
        let mut ran = 0;
        for (name, target) in TARGETS {
            let Ok(entries) = std::fs::read_dir(root.join(name)) else {
                continue;
            };
            let mut files: Vec<_> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
            files.sort();
            for file in files {
                let bytes = std::fs::read(&file).expect("a regression input");
                target(&bytes);
                ran += 1;
            }
        }
        assert!(ran > 0, "no regression inputs under {}", root.display());
    }

    /// The example site's own files run clean through the targets that read their kind.
    #[test]
    fn the_example_site_runs_clean_through_every_target() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let target = |name: &str| TARGETS.iter().find(|(n, _)| *n == name).expect(name).1;
        target("site_config")(&std::fs::read(root.join("site.yaml")).expect("site.yaml"));
        for entry in walkdir::WalkDir::new(root.join("content")).sort_by_file_name() {
            let entry = entry.expect("walk");
            if entry.path().extension().is_some_and(|e| e == "md") {
                let bytes = std::fs::read(entry.path()).expect("read");
                target("front_matter")(&bytes);
                target("markdown_html")(&bytes);
                target("markdown_typst")(&bytes);
            }
        }
        let ftl = root.join("themes/default/locales/ja/main.ftl");
        target("fluent")(&std::fs::read(ftl).expect("ftl"));
        for path in [
            "/",
            "/ja/cpe-security/1.0/",
            "/%2e%2e/etc/passwd",
            "/a/../../b",
        ] {
            target("serve_path")(path.as_bytes());
        }
    }
}
