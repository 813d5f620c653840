//! What templates see. These structs are the template API: they are kept stable and separate
//! from bcop's internal types, so that a site's own templates keep working across versions.
//! Every URL in them is already relative to the page that shows it.

use crate::render::markdown::TocEntry;
use serde::Serialize;
use serde::ser::{SerializeStruct, Serializer};

/// Defines `Common` and `serialize_fields`, which writes its fields into another struct's.
macro_rules! common_fields {
    ($(#[$meta:meta])* pub struct Common { $($(#[$fmeta:meta])* pub $field:ident: $ty:ty,)* }) => {
        $(#[$meta])*
        pub struct Common { $($(#[$fmeta])* pub $field: $ty,)* }

        impl Common {
            const FIELDS: usize = [$(stringify!($field)),*].len();

            fn serialize_fields<S: SerializeStruct>(&self, s: &mut S) -> Result<(), S::Error> {
                $(s.serialize_field(stringify!($field), &self.$field)?;)*
                Ok(())
            }

            fn insert_into(&self, c: &mut tera::Context) -> tera::TeraResult<()> {
                $(c.insert_value(stringify!($field), tera::Value::try_from_serializable(&self.$field)?);)*
                Ok(())
            }
        }
    };
}

/// A page view as a template's context: its fields are the context's variables. Made field by
/// field, with the names as they are, rather than through [`tera::Context::from_serialize`],
/// which builds a map of the whole view first and then copies every name.
pub trait View: Serialize {
    fn context(&self) -> tera::TeraResult<tera::Context>;
}

/// Defines a page view, whose `common` fields templates see beside the page's own, at the top
/// level. `#[serde(flatten)]` would do the same, but through serde's map path, which costs more
/// than the struct path for every page.
macro_rules! page {
    (
        $(#[$meta:meta])*
        pub struct $name:ident {
            pub common: Common,
            $($(#[$fmeta:meta])* pub $field:ident: $ty:ty,)*
        }
    ) => {
        $(#[$meta])*
        pub struct $name {
            pub common: Common,
            $($(#[$fmeta])* pub $field: $ty,)*
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                let len = Common::FIELDS + [$(stringify!($field)),*].len();
                let mut s = serializer.serialize_struct(stringify!($name), len)?;
                self.common.serialize_fields(&mut s)?;
                $(s.serialize_field(stringify!($field), &self.$field)?;)*
                s.end()
            }
        }

        impl View for $name {
            fn context(&self) -> tera::TeraResult<tera::Context> {
                let mut c = tera::Context::new();
                self.common.insert_into(&mut c)?;
                $(c.insert_value(stringify!($field), tera::Value::try_from_serializable(&self.$field)?);)*
                Ok(c)
            }
        }
    };
}

common_fields! {
    /// Fields every page has.
    #[derive(Debug, Clone)]
    pub struct Common {
        /// The page's language (UI and, unless marked otherwise, content).
        pub lang: String,
        pub lang_name: String,
        /// Relative path from this page to the site root, e.g. `../../`.
        pub root: String,
        pub site_title: String,
        pub site_description: String,
        pub page_title: String,
        /// Absolute URL of the page that search engines should index for this content.
        pub canonical: String,
        /// `hreflang` alternates: only pages that exist in that language for real.
        pub alternates: Vec<Alternate>,
        /// The language switcher.
        pub languages: Vec<LangLink>,
        /// Whether the site is built with drafts.
        pub drafts: bool,
        /// Which template made the page: home, catalog, document, versions, redirect, not_found.
        pub kind: &'static str,
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Alternate {
    pub hreflang: String,
    pub href: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct LangLink {
    pub code: String,
    pub name: String,
    pub url: String,
    pub current: bool,
    /// False when the target page does not exist in that language and the link goes elsewhere.
    pub available: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct LangBadge {
    pub code: String,
    pub name: String,
    /// source, complete, partial or missing.
    pub state: &'static str,
    pub url: String,
    /// The PDF in that language, when PDFs are built.
    pub pdf_url: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct DocView {
    pub slug: String,
    pub id: String,
    pub title: String,
    /// Set when the title is shown in another language than the page's.
    pub title_lang: Option<String>,
    pub summary: String,
    /// Set when the summary is shown in another language than the page's.
    pub summary_lang: Option<String>,
    pub status: &'static str,
    pub date: String,
    pub authors: Vec<String>,
    pub translators: Vec<String>,
    pub tags: Vec<String>,
    pub version: String,
    pub is_latest: bool,
    pub latest_version: String,
    pub latest_url: String,
    pub versions_url: String,
    /// The PDF of this version in this language, when PDFs are built.
    pub pdf_url: Option<String>,
    /// Its size, for the link text, e.g. `245 KB`.
    pub pdf_size: Option<String>,
    /// The one-page print edition.
    pub print_url: String,
    pub extra: serde_yaml::Value,
}

#[derive(Debug, Clone, Serialize)]
pub struct VersionLink {
    pub name: String,
    pub status: &'static str,
    pub date: String,
    pub url: String,
    pub current: bool,
    pub latest: bool,
    pub languages: Vec<LangBadge>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ChapterLink {
    pub title: String,
    pub url: String,
    pub current: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct ChapterView {
    pub title: String,
    /// Whether the chapter's first heading is its title (otherwise the page shows the doc title).
    pub has_heading: bool,
    pub html: String,
    /// True when the chapter has no text (an `index.md` with front matter only): the template
    /// shows the list of chapters instead.
    pub empty: bool,
    pub toc: Vec<TocEntry>,
    /// True when the text is the source, shown because this chapter is not translated.
    pub fallback: bool,
    /// The language of `html`.
    pub content_lang: String,
    pub source_lang_name: String,
    pub number: usize,
    pub count: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct Banner {
    /// draft, withdrawn, superseded or older.
    pub kind: &'static str,
    pub latest_version: String,
    pub latest_url: String,
}

page! {
    #[derive(Debug, Clone)]
    pub struct DocumentPage {
        pub common: Common,
        pub doc: DocView,
        pub versions: Vec<VersionLink>,
        pub chapters: Vec<ChapterLink>,
        pub chapter: ChapterView,
        pub prev: Option<ChapterLink>,
        pub next: Option<ChapterLink>,
        pub banner: Option<Banner>,
        /// Source sections changed since this translation was stamped (0 when up to date).
        pub outdated: usize,
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct CatalogEntry {
    pub doc: DocView,
    pub url: String,
    pub version_count: usize,
    pub languages: Vec<LangBadge>,
    /// Whether any language of the latest version has a PDF.
    pub has_pdf: bool,
}

page! {
    #[derive(Debug, Clone)]
    pub struct CatalogPage {
        pub common: Common,
        pub documents: Vec<CatalogEntry>,
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct HomeLanguage {
    pub code: String,
    pub name: String,
    pub url: String,
    /// Documents with a real (not fallback) edition in this language.
    pub translated: usize,
}

page! {
    #[derive(Debug, Clone)]
    pub struct HomePage {
        pub common: Common,
        pub site_languages: Vec<HomeLanguage>,
        pub documents: Vec<CatalogEntry>,
    }
}

page! {
    #[derive(Debug, Clone)]
    pub struct VersionsPage {
        pub common: Common,
        pub doc: DocView,
        pub versions: Vec<VersionLink>,
    }
}

page! {
    #[derive(Debug, Clone)]
    pub struct RedirectPage {
        pub common: Common,
        pub doc: DocView,
        pub target: String,
    }
}

page! {
    #[derive(Debug, Clone)]
    pub struct NotFoundPage {
        pub common: Common,
        pub home_url: String,
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct PrintChapter {
    pub title: String,
    /// Anchor of the chapter in the print page.
    pub anchor: String,
    pub html: String,
    pub content_lang: String,
    pub fallback: bool,
    pub toc: Vec<TocEntry>,
}

page! {
    #[derive(Debug, Clone)]
    pub struct PrintPage {
        pub common: Common,
        pub doc: DocView,
        pub chapters: Vec<PrintChapter>,
        pub draft: bool,
        /// The CSS `content` value of the page footer: "Page " counter(page) " of " counter(pages),
        /// in the document's language.
        pub page_of_css: String,
        /// The CSS `content` value of the running header: title, id and version.
        pub header_css: String,
        pub outdated: usize,
    }
}
