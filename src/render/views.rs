//! What templates see. These structs are the template API: they are kept stable and separate
//! from bcop's internal types, so that a site's own templates keep working across versions.
//! Every URL in them is already relative to the page that shows it.

use crate::markdown::TocEntry;
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
/// than the struct path for every page. Fields in the optional `shared { … }` part become
/// template values through [`SharedValue`] instead of serde: their parts that many pages show
/// are converted once.
macro_rules! page {
    (
        $(#[$meta:meta])*
        pub struct $name:ident {
            pub common: Common,
            $($(#[$fmeta:meta])* pub $field:ident: $ty:ty,)*
        }
        $(shared { $($(#[$smeta:meta])* pub $sfield:ident: $sty:ty,)* })?
    ) => {
        $(#[$meta])*
        pub struct $name {
            pub common: Common,
            $($(#[$fmeta])* pub $field: $ty,)*
            $($($(#[$smeta])* pub $sfield: $sty,)*)?
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                let own: &[&str] = &[$(stringify!($field),)* $($(stringify!($sfield),)*)?];
                let len = Common::FIELDS + own.len();
                let mut s = serializer.serialize_struct(stringify!($name), len)?;
                self.common.serialize_fields(&mut s)?;
                $(s.serialize_field(stringify!($field), &self.$field)?;)*
                $($(s.serialize_field(stringify!($sfield), &self.$sfield)?;)*)?
                s.end()
            }
        }

        impl View for $name {
            fn context(&self) -> tera::TeraResult<tera::Context> {
                let mut c = tera::Context::new();
                self.common.insert_into(&mut c)?;
                $(c.insert_value(stringify!($field), tera::Value::try_from_serializable(&self.$field)?);)*
                $($(c.insert_value(stringify!($sfield), SharedValue::value(&self.$sfield)?);)*)?
                Ok(c)
            }
        }
    };
}

/// A view field that makes its template value itself, reusing the parts it shares with other
/// pages. The value must be what serde would make of the field.
pub trait SharedValue {
    fn value(&self) -> tera::TeraResult<tera::Value>;
}

impl SharedValue for Vec<VersionLink> {
    fn value(&self) -> tera::TeraResult<tera::Value> {
        let links = self
            .iter()
            .map(VersionLink::value)
            .collect::<tera::TeraResult<Vec<_>>>()?;
        Ok(tera::Value::from(links))
    }
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
    /// The version's requirements page in this language, when the version has requirements.
    pub requirements_url: Option<String>,
    pub requirements_count: usize,
    /// The version's changes page in this language, when it has a predecessor, and the
    /// predecessor's name.
    pub changes_url: Option<String>,
    pub changes_from: Option<String>,
    /// The version's `publisher` and `license` (empty when it has none).
    pub publisher: String,
    pub license: String,
    /// The version this one supersedes (empty when none), and its page in this language when
    /// the document has that version.
    pub supersedes: String,
    pub supersedes_url: Option<String>,
    /// Where the licence's text is: its SPDX page for an SPDX licence identifier, or the
    /// licence itself when it is a web address.
    pub license_url: Option<String>,
    /// Where readers send comments, when the version says.
    pub feedback: Option<FeedbackView>,
    /// The abstract's paragraphs, translated where the translation has one.
    pub r#abstract: Vec<String>,
    /// Set when the abstract is shown in another language than the page's.
    pub abstract_lang: Option<String>,
    /// The translated abstract was made from another source abstract than the current one.
    pub abstract_outdated: bool,
    /// The source's cover page, where its current abstract is, and its language.
    pub source_url: String,
    pub source_lang: String,
    pub extra: serde_yaml::Value,
}

/// A feedback address: as shown, and its link (`mailto:` or the URL itself).
#[derive(Debug, Clone, Serialize)]
pub struct FeedbackView {
    pub text: String,
    pub href: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct VersionLink {
    pub name: String,
    pub status: &'static str,
    pub date: String,
    pub url: String,
    pub current: bool,
    pub latest: bool,
    pub languages: Badges,
}

impl VersionLink {
    /// The template value serde would make, with the badges' value shared.
    fn value(&self) -> tera::TeraResult<tera::Value> {
        let fields: std::collections::BTreeMap<&'static str, tera::Value> = [
            ("name", self.name.as_str().into()),
            ("status", self.status.into()),
            ("date", self.date.as_str().into()),
            ("url", self.url.as_str().into()),
            ("current", self.current.into()),
            ("latest", self.latest.into()),
            ("languages", self.languages.value()?),
        ]
        .into();
        Ok(fields.into())
    }
}

/// One version's language badges as seen from pages at one depth (their URLs are relative):
/// every page of a document lists every version's badges, so a document's pages share them,
/// and they become a template value once.
#[derive(Debug, Clone)]
pub struct Badges(std::sync::Arc<BadgeList>);

#[derive(Debug)]
struct BadgeList {
    badges: Vec<LangBadge>,
    value: std::sync::OnceLock<tera::Value>,
}

impl Badges {
    pub fn new(badges: Vec<LangBadge>) -> Self {
        Self(std::sync::Arc::new(BadgeList {
            badges,
            value: std::sync::OnceLock::new(),
        }))
    }

    fn value(&self) -> tera::TeraResult<tera::Value> {
        if let Some(v) = self.0.value.get() {
            return Ok(v.clone());
        }
        let v = tera::Value::try_from_serializable(&self.0.badges)?;
        Ok(self.0.value.get_or_init(|| v).clone())
    }
}

impl Serialize for Badges {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.badges.serialize(serializer)
    }
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
    /// The source's language and the page's, named as a sentence of the page says them.
    pub source_lang_name: String,
    pub lang_name_in_text: String,
    pub number: usize,
    pub count: usize,
    /// The BCP 14 sentence, in the page's language, on the first page of a version that has
    /// requirements.
    pub bcp14: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Banner {
    /// draft, withdrawn, superseded or older.
    pub kind: &'static str,
    pub latest_version: String,
    pub latest_url: String,
}

/// "Cite this", on a version's cover page.
#[derive(Debug, Clone, Serialize)]
pub struct CiteView {
    /// The reference in the page's language, around the title, which the template marks up.
    pub before: String,
    pub title: String,
    /// Set when the title is in another language than the page's.
    pub title_lang: Option<String>,
    /// After the title: up to the date, the date (empty when the reference has none), which
    /// the template keeps on one line, and the rest.
    pub after: String,
    pub date: String,
    pub after_date: String,
    /// The language of the cited text (a fallback edition cites the source).
    pub lang: String,
    /// The downloads' file name without its extension: `<doc>-<version>-<lang>`.
    pub file: String,
    /// The citation as `data:` URLs, safe to print in an attribute as they are.
    pub bibtex_url: String,
    pub ris_url: String,
    pub csl_url: String,
}

page! {
    #[derive(Debug, Clone)]
    pub struct DocumentPage {
        pub common: Common,
        pub doc: DocView,
        pub chapters: Vec<ChapterLink>,
        pub chapter: ChapterView,
        pub prev: Option<ChapterLink>,
        pub next: Option<ChapterLink>,
        pub banner: Option<Banner>,
        /// Source sections changed since this translation was stamped (0 when up to date).
        pub outdated: usize,
        /// "Cite this", on the cover page (the first chapter) only.
        pub cite: Option<CiteView>,
    }
    shared {
        pub versions: Vec<VersionLink>,
    }
}

/// One requirement in the requirements page.
#[derive(Debug, Clone, Serialize)]
pub struct RequirementRow {
    pub id: String,
    /// `absolute` … `optional`, or `none`.
    pub level: &'static str,
    pub text: String,
    /// Set when the text is in another language than the page's (not translated yet).
    pub text_lang: Option<String>,
    pub url: String,
    pub section: String,
    pub section_url: String,
    /// `source`, `current`, `outdated` or `fallback`.
    pub state: &'static str,
}

page! {
    #[derive(Debug, Clone)]
    pub struct RequirementsPage {
        pub common: Common,
        pub doc: DocView,
        pub requirements: Vec<RequirementRow>,
        pub csv_url: String,
        pub json_url: String,
        pub banner: Option<Banner>,
    }
}

/// A requirement that changed, as the changes page lists it.
#[derive(Debug, Clone, Serialize)]
pub struct ChangeRow {
    #[serde(flatten)]
    pub change: crate::changes::RequirementChange,
    /// `absolute` … `optional`, or `none`.
    pub old_level: &'static str,
    pub new_level: &'static str,
    /// Where it is now, or where it was when it was removed.
    pub url: String,
    pub section_url: Option<String>,
    pub old_section_url: Option<String>,
}

/// A changed section of the redline.
#[derive(Debug, Clone, Serialize)]
pub struct RedlineSection {
    pub id: String,
    pub title: String,
    pub change: crate::changes::Change,
    /// The section in this version, or in the one compared with when it was removed.
    pub url: Option<String>,
    pub blocks: Vec<RedlineBlock>,
}

/// A block of the redline, or a run of unchanged blocks left out (`skipped` of them): the page
/// shows each change with the unchanged block before and after it.
#[derive(Debug, Clone, Serialize)]
pub struct RedlineBlock {
    pub block: Option<crate::changes::BlockChange>,
    pub skipped: usize,
}

page! {
    #[derive(Debug, Clone)]
    pub struct ChangesPage {
        pub common: Common,
        pub doc: DocView,
        pub banner: Option<Banner>,
        pub from_version: String,
        pub from_url: String,
        /// Set when a translated edition shows the source's changes: the source's language.
        pub text_lang: Option<String>,
        pub counts: crate::changes::Counts,
        pub requirements: Vec<ChangeRow>,
        pub unchanged_requirements: usize,
        pub sections: Vec<RedlineSection>,
        pub unchanged_sections: usize,
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
    }
    shared {
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
        /// The BCP 14 sentence, when the version has requirements.
        pub bcp14: Option<String>,
        /// Its language, when not the page's (an edition with no chapter translated).
        pub bcp14_lang: Option<String>,
        /// The source's language and the page's, named as a sentence of the page says them.
        pub source_lang_name: String,
        pub lang_name_in_text: String,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_version_links_shared_value_is_what_serde_makes_of_it() {
        let badge = |code: &str, pdf: Option<&str>| LangBadge {
            code: code.into(),
            name: format!("{code} name"),
            state: "complete",
            url: format!("../../../{code}/doc/1.0/index.html"),
            pdf_url: pdf.map(str::to_string),
        };
        let badges = Badges::new(vec![
            badge("en", Some("../../../en/doc.pdf")),
            badge("ja", None),
        ]);
        let links: Vec<VersionLink> = ["2.0", "1.0"]
            .iter()
            .map(|name| VersionLink {
                name: name.to_string(),
                status: "published",
                date: "2025-01-01".into(),
                url: format!("../{name}/index.html"),
                current: *name == "1.0",
                latest: *name == "2.0",
                languages: badges.clone(),
            })
            .collect();
        let shared = links.value().expect("shared value");
        let serde = tera::Value::try_from_serializable(&links).expect("serde value");
        assert_eq!(shared, serde);
        // The second page that lists the badges gets the same value, made once.
        assert_eq!(links.value().expect("again"), serde);
        assert!(badges.0.value.get().is_some());
    }
}
