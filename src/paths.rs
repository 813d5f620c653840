//! Every path bcop knows, in one place: where a site keeps its sources ([`site`]), and where
//! each page goes in the output ([`out`]). Nothing else spells these layouts out.

/// The source tree of a site (see the README's "Source layout").
pub mod site {
    use std::path::{Path, PathBuf};

    pub const CONFIG: &str = "site.yaml";
    pub const CONTENT: &str = "content";
    pub const LOCALES: &str = "locales";
    pub const THEMES: &str = "themes";
    pub const TEMPLATES: &str = "templates";
    pub const STATIC: &str = "static";
    pub const FONTS: &str = "fonts";
    pub const PDF: &str = "pdf";
    /// The default cache folder, inside the site.
    pub const CACHE: &str = ".bcop-cache";

    /// The folders that hold sources (or bcop's own data): `serve` watches them, and no output
    /// may go inside them.
    pub const SOURCE_FOLDERS: &[&str] = &[
        CONTENT, LOCALES, THEMES, TEMPLATES, STATIC, FONTS, PDF, ".git", CACHE,
    ];

    /// What `serve` watches: everything a build reads.
    pub const WATCHED: &[&str] = &[
        CONTENT, LOCALES, THEMES, TEMPLATES, STATIC, FONTS, PDF, CONFIG,
    ];

    /// `content/<doc>`: every version of a document.
    pub fn document(root: &Path, doc: &str) -> PathBuf {
        root.join(CONTENT).join(doc)
    }

    /// `content/<doc>/<version>`: one version's source chapters and assets.
    pub fn version(root: &Path, doc: &str, version: &str) -> PathBuf {
        document(root, doc).join(version)
    }

    /// `locales/<lang>`: a language's UI catalogs and its translated documents.
    pub fn language(root: &Path, lang: &str) -> PathBuf {
        root.join(LOCALES).join(lang)
    }

    /// `locales/<lang>/<doc>/<version>`: one version's translated chapters and assets.
    pub fn translation(root: &Path, lang: &str, doc: &str, version: &str) -> PathBuf {
        language(root, lang).join(doc).join(version)
    }

    /// `themes/<name>`.
    pub fn theme(root: &Path, name: &str) -> PathBuf {
        root.join(THEMES).join(name)
    }

    /// The document a path (relative to the site's folder) belongs to: `content/<doc>/...` or
    /// `locales/<lang>/<doc>/<version>/...`. Anything else (`site.yaml`, a theme, a catalog
    /// `locales/<lang>/main.ftl`) belongs to the whole site: `None`.
    pub fn document_of(rel: &Path) -> Option<String> {
        let parts: Vec<String> = rel
            .components()
            .filter_map(|c| match c {
                std::path::Component::Normal(s) => Some(s.to_string_lossy().into_owned()),
                _ => None,
            })
            .collect();
        match parts.as_slice() {
            [top, doc, ..] if top == CONTENT => Some(doc.clone()),
            [top, _, doc, _, ..] if top == LOCALES => Some(doc.clone()),
            _ => None,
        }
    }
}

/// The output tree, as paths relative to its root with `/` separators. Paths and URLs are
/// made many times per page: each is joined in one allocation of the right size (`concat`),
/// which costs a fraction of `format!`.
pub mod out {
    /// The home page, and the page name of a version's first chapter.
    pub const INDEX: &str = "index.html";
    pub const PRINT: &str = "print.html";
    /// A version's requirements page.
    pub const REQUIREMENTS: &str = "requirements.html";
    /// A version's changes since its predecessor, in each language.
    pub const CHANGES: &str = "changes.html";

    /// `<lang>/index.html`: the catalog of documents in one language.
    pub fn catalog(lang: &str) -> String {
        [lang, "/index.html"].concat()
    }

    /// `<lang>/<doc>/<version>/<page>`: a chapter page (or the print edition).
    pub fn chapter(lang: &str, doc: &str, version: &str, page: &str) -> String {
        chapter_url("", lang, doc, version, page)
    }

    /// [`chapter`] as a link from a page whose [`root`] is `root`.
    pub fn chapter_url(root: &str, lang: &str, doc: &str, version: &str, page: &str) -> String {
        [root, lang, "/", doc, "/", version, "/", page].concat()
    }

    /// `<lang>/<doc>/<version>/`: where a version's pages, PDF and assets go.
    pub fn version_dir(lang: &str, doc: &str, version: &str) -> String {
        [lang, "/", doc, "/", version, "/"].concat()
    }

    /// `<lang>/<doc>/index.html`: the redirect to the latest version.
    pub fn alias(lang: &str, doc: &str) -> String {
        [lang, "/", doc, "/index.html"].concat()
    }

    /// `<lang>/<doc>/versions.html`: the version history.
    pub fn versions(lang: &str, doc: &str) -> String {
        versions_url("", lang, doc)
    }

    /// [`versions`] as a link from a page whose [`root`] is `root`.
    pub fn versions_url(root: &str, lang: &str, doc: &str) -> String {
        [root, lang, "/", doc, "/versions.html"].concat()
    }

    /// `<lang>/<doc>/<version>/<doc>-<version>-<lang>.pdf`.
    pub fn pdf(lang: &str, doc: &str, version: &str) -> String {
        [
            lang, "/", doc, "/", version, "/", doc, "-", version, "-", lang, ".pdf",
        ]
        .concat()
    }

    /// `<lang>/<doc>/<version>/<doc>-<version>-<lang>-requirements.<ext>`: the checklist of a
    /// version's requirements (`csv` or `json`).
    pub fn checklist(lang: &str, doc: &str, version: &str, ext: &str) -> String {
        [
            lang,
            "/",
            doc,
            "/",
            version,
            "/",
            doc,
            "-",
            version,
            "-",
            lang,
            "-requirements.",
            ext,
        ]
        .concat()
    }

    /// The relative path from the page at `from` to the output's root: `../` per folder.
    pub fn root(from: &str) -> String {
        "../".repeat(from.matches('/').count())
    }

    /// The site's root as a path on its own host, from `base_url`: `/` for
    /// `https://example.org/`, `/docs/` for `https://example.org/docs/` or `/docs/`. For a page
    /// that is served at any URL (404.html), so that its links work on any host.
    pub fn root_path(base_url: &str) -> String {
        match base_url.split_once("://") {
            Some((_, rest)) => rest.find('/').map_or("/", |i| &rest[i..]).to_string(),
            None => base_url.to_string(),
        }
    }

    #[cfg(test)]
    mod tests {
        #[test]
        fn pages_go_under_language_document_and_version() {
            assert_eq!(
                super::chapter("ja", "cpe", "1.0", "02-a.html"),
                "ja/cpe/1.0/02-a.html"
            );
            assert_eq!(
                super::pdf("pt-BR", "cpe", "1.0"),
                "pt-BR/cpe/1.0/cpe-1.0-pt-BR.pdf"
            );
            assert_eq!(
                super::versions_url("../../", "en", "cpe"),
                "../../en/cpe/versions.html"
            );
            assert_eq!(super::root("en/cpe/1.0/index.html"), "../../../");
        }

        #[test]
        fn a_page_served_at_any_url_starts_its_links_at_the_sites_path() {
            assert_eq!(super::root_path("https://example.org/"), "/");
            assert_eq!(super::root_path("http://127.0.0.1:1111/"), "/");
            assert_eq!(
                super::root_path("https://example.org/docs/bcop/"),
                "/docs/bcop/"
            );
            assert_eq!(super::root_path("/docs/"), "/docs/");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::site;
    use std::path::Path;

    #[test]
    fn a_changed_file_belongs_to_its_document_or_to_the_whole_site() {
        let doc = |p: &str| site::document_of(Path::new(p));
        assert_eq!(doc("content/cpe/1.0/index.md").as_deref(), Some("cpe"));
        assert_eq!(doc("locales/ja/cpe/1.0/02-a.md").as_deref(), Some("cpe"));
        assert_eq!(doc("locales/ja/main.ftl"), None);
        assert_eq!(doc("site.yaml"), None);
        assert_eq!(doc("themes/default/templates/base.html"), None);
    }
}
