//! Builds the view of every page from the resolved site and the rendered Markdown.

use super::views::*;
use crate::i18n::I18n;
use crate::load::config::SiteConfig;
use crate::load::title_page::{feedback_link, paragraphs};
use crate::markdown::Rendered;
use crate::paths::out;
use crate::resolve::{DocVersion, Document, Site};

/// Rendered Markdown, one entry per document of the site, in the same order.
pub struct Markdown {
    pub docs: Vec<std::sync::Arc<DocMarkdown>>,
}

/// One document's rendered Markdown, indexed like the document: `[version][chapter]` for the
/// source, and `[version][edition][chapter]` for translations (`None` where a chapter is not
/// translated).
#[derive(Default)]
pub struct DocMarkdown {
    pub source: Vec<Vec<Rendered>>,
    pub translated: Vec<Vec<Vec<Option<Rendered>>>>,
    /// The marks of each translated chapter (`[version][edition][chapter]`, as `translated`),
    /// decided once for the pages, the print edition and the PDF.
    pub marks: Vec<Vec<Vec<Option<crate::marks::Marks>>>>,
    /// What changed since each version's predecessor, in each edition (`[version][edition]`).
    pub changes: Vec<Vec<Option<crate::changes::edition::EditionChanges>>>,
    /// Images its chapters point to that do not exist.
    pub warnings: Vec<crate::error::Diagnostic>,
    /// [`super::links::targets_fingerprint`] of the document.
    pub targets: crate::memo::Key,
}

/// Stands for a piece of rendered Markdown in a view: the template prints it as it is (`| safe`),
/// and the HTML is put in its place after the template has run ([`super::Page::fill`]), so
/// that the largest strings of a page are not copied through the template engine.
pub fn html_marker(n: usize) -> String {
    format!("{HTML_MARKER}{n}\u{1}")
}

/// Stands for the title in the formatted reference, which the template marks up as `<cite>`.
const TITLE_MARK: &str = "\u{2}title\u{2}";

/// How every [`html_marker`] starts.
pub const HTML_MARKER: &str = "\u{1}bcop:html:";

pub struct Pages<'a> {
    pub config: &'a SiteConfig,
    pub site: &'a Site,
    /// The rendered Markdown of the document whose pages are made (empty for the site's own
    /// pages).
    pub md: &'a DocMarkdown,
    pub i18n: &'a I18n,
    /// Sizes of the PDFs built, by output path (empty when PDFs are off).
    pub pdf_sizes: &'a std::collections::BTreeMap<String, u64>,
    /// Each version's badges, by document, version and the root they are relative to: the
    /// pages of a document list them all, and most share their depth.
    pub badge_cache: std::sync::Mutex<std::collections::HashMap<(String, usize, String), Badges>>,
}

pub(super) fn status_name(s: crate::load::Status) -> &'static str {
    match s {
        crate::load::Status::Draft => "draft",
        crate::load::Status::Published => "published",
        crate::load::Status::Superseded => "superseded",
        crate::load::Status::Withdrawn => "withdrawn",
    }
}

impl<'a> Pages<'a> {
    pub(super) fn abs(&self, path: &str) -> String {
        [self.config.base_url.as_str(), path].concat()
    }

    pub(super) fn common(
        &self,
        lang: &str,
        path: &str,
        kind: &'static str,
        title: String,
    ) -> Common {
        Common {
            lang: lang.to_string(),
            lang_name: self.lang_name(lang),
            root: out::root(path),
            site_title: self.config.title.clone(),
            site_description: self.config.description.clone(),
            page_title: title,
            canonical: self.abs(path),
            alternates: Vec::new(),
            languages: Vec::new(),
            drafts: self.site.drafts,
            kind,
        }
    }

    fn lang_name(&self, code: &str) -> String {
        self.config
            .language(code)
            .map_or_else(|| code.to_string(), |l| l.name.clone())
    }

    /// The name of language `code` as a sentence in `lang` says it (`anglais` on a French
    /// page), or its own name from site.yaml when `lang`'s catalog has none.
    pub(super) fn lang_name_in(&self, lang: &str, code: &str) -> String {
        self.i18n
            .language_name(lang, code)
            .unwrap_or_else(|| self.lang_name(code))
    }

    /// Switcher and alternates for pages that exist in every language (catalogs, histories).
    fn every_language(&self, common: &mut Common, from: &str, path_of: impl Fn(&str) -> String) {
        let root = out::root(from);
        for l in &self.config.languages {
            let target = path_of(&l.code);
            common.alternates.push(Alternate {
                hreflang: l.code.clone(),
                href: self.abs(&target),
            });
            common.languages.push(LangLink {
                code: l.code.clone(),
                name: l.name.clone(),
                url: [root.as_str(), &target].concat(),
                current: l.code == common.lang,
                available: true,
            });
        }
        let src = path_of(&self.config.source_language);
        common.alternates.push(Alternate {
            hreflang: "x-default".into(),
            href: self.abs(&src),
        });
    }

    pub fn doc_view(&self, doc: &Document, v: &DocVersion, lang: &str, from: &str) -> DocView {
        let vi = doc.versions.iter().position(|x| x.version == v.version);
        let requirements = vi.map_or(0, |vi| self.requirement_count(vi));
        let changes_from = vi
            .and_then(|vi| doc.predecessor(vi))
            .filter(|_| vi.is_some_and(|vi| self.md.changes.get(vi).is_some()))
            .map(|p| doc.versions[p].version.name.clone());
        let ed = v.edition(lang);
        let t_meta = ed.and_then(|e| e.meta.as_ref());
        let t_title = t_meta.and_then(|m| m.title.clone());
        let t_abstract = t_meta.and_then(|m| m.r#abstract.as_deref());
        let title_lang = (t_title.is_none() && !self.config.is_source(lang))
            .then(|| self.config.source_language.clone());
        let latest = doc.latest();
        let root = out::root(from);
        let latest_lang = if latest.has_lang(lang) {
            lang
        } else {
            &self.config.source_language
        };
        DocView {
            slug: doc.slug.clone(),
            id: v.meta.id.clone().unwrap_or_default(),
            title: t_title.unwrap_or_else(|| v.meta.title.clone()),
            title_lang,
            summary: t_meta
                .and_then(|m| m.summary.clone())
                .or_else(|| v.meta.summary.clone())
                .unwrap_or_default(),
            summary_lang: (t_meta.and_then(|m| m.summary.as_ref()).is_none()
                && !self.config.is_source(lang))
            .then(|| self.config.source_language.clone()),
            status: status_name(v.meta.status),
            date: v.meta.date.clone().unwrap_or_default(),
            authors: v.meta.authors.clone(),
            translators: t_meta.map(|m| m.translators.clone()).unwrap_or_default(),
            tags: v.meta.tags.clone(),
            version: v.version.name.clone(),
            is_latest: v.version == latest.version,
            latest_version: latest.version.name.clone(),
            latest_url: out::chapter_url(
                &root,
                latest_lang,
                &doc.slug,
                &latest.version.name,
                "index.html",
            ),
            versions_url: out::versions_url(&root, lang, &doc.slug),
            pdf_url: self
                .pdf(lang, &doc.slug, &v.version.name)
                .map(|p| [root.as_str(), &p].concat()),
            pdf_size: self
                .pdf(lang, &doc.slug, &v.version.name)
                .and_then(|p| self.pdf_sizes.get(&p))
                .map(|b| human_size(*b)),
            print_url: out::chapter_url(&root, lang, &doc.slug, &v.version.name, out::PRINT),
            requirements_url: (requirements > 0).then(|| {
                out::chapter_url(&root, lang, &doc.slug, &v.version.name, out::REQUIREMENTS)
            }),
            requirements_count: requirements,
            changes_url: changes_from
                .as_ref()
                .map(|_| out::chapter_url(&root, lang, &doc.slug, &v.version.name, out::CHANGES)),
            changes_from,
            publisher: v.meta.publisher.clone().unwrap_or_default(),
            license: v.meta.license.clone().unwrap_or_default(),
            supersedes: v.meta.supersedes.clone().unwrap_or_default(),
            supersedes_url: v
                .meta
                .supersedes
                .as_deref()
                .filter(|s| doc.versions.iter().any(|x| x.version.name == *s))
                .map(|s| out::chapter_url(&root, lang, &doc.slug, s, "index.html")),
            license_url: v.meta.license.as_deref().and_then(license_url),
            feedback: v
                .meta
                .feedback
                .as_deref()
                .and_then(feedback_link)
                .map(|(text, href)| FeedbackView { text, href }),
            r#abstract: paragraphs(t_abstract.or(v.meta.r#abstract.as_deref()).unwrap_or("")),
            source_url: out::chapter_url(
                &root,
                &self.config.source_language,
                &doc.slug,
                &v.version.name,
                "index.html",
            ),
            source_lang: self.config.source_language.clone(),
            abstract_outdated: ed.is_some_and(|e| e.abstract_outdated),
            abstract_lang: (t_abstract.is_none()
                && v.meta.r#abstract.is_some()
                && !self.config.is_source(lang))
            .then(|| self.config.source_language.clone()),
            extra: serde_yaml::to_value(&v.meta.extra).unwrap_or(serde_yaml::Value::Null),
        }
    }

    /// The requirements page of version `vi` in language `lang_i`: every requirement of the
    /// source, in order, translated where the translation has it.
    pub fn requirements(&self, d: usize, vi: usize, lang_i: usize) -> (String, RequirementsPage) {
        let doc = &self.site.documents[d];
        let v = &doc.versions[vi];
        let lang = v.editions[lang_i].lang.as_str();
        let path = out::chapter(lang, &doc.slug, &v.version.name, out::REQUIREMENTS);
        let root = out::root(&path);
        let doc_view = self.doc_view(doc, v, lang, &path);
        let title = [
            self.i18n.text(lang, "requirements-title", None).as_str(),
            " — ",
            &doc_view.title,
            " ",
            &v.version.name,
        ]
        .concat();
        let mut common = self.common(lang, &path, "requirements", title);
        self.version_languages(
            &mut common,
            doc,
            v,
            out::REQUIREMENTS,
            |l| v.has_lang(l),
            &path,
        );
        let rows = crate::requirements::index::rows(
            v,
            lang_i,
            &self.md.source[vi],
            &self.md.translated[vi][lang_i],
            &self.md.marks[vi][lang_i],
        );
        let requirements = rows
            .into_iter()
            .map(|r| RequirementRow {
                level: r.level.map_or("none", crate::bcp14::Level::name),
                text_lang: (r.language != lang).then_some(r.language),
                section_url: [r.url.split('#').next().unwrap_or(""), "#", &r.section.id].concat(),
                url: r.url,
                section: r.section.title,
                state: r.state,
                id: r.id,
                text: r.text,
            })
            .collect();
        let page = RequirementsPage {
            common,
            banner: self.banner(doc, v, &doc_view),
            doc: doc_view,
            requirements,
            csv_url: [
                root.as_str(),
                &out::checklist(lang, &doc.slug, &v.version.name, "csv"),
            ]
            .concat(),
            json_url: [
                root.as_str(),
                &out::checklist(lang, &doc.slug, &v.version.name, "json"),
            ]
            .concat(),
        };
        (path, page)
    }

    /// The changes page of version `vi` in edition `ei`: what changed since its predecessor.
    pub fn changes(&self, d: usize, vi: usize, ei: usize) -> (String, ChangesPage) {
        use crate::changes::Change;
        let doc = &self.site.documents[d];
        let v = &doc.versions[vi];
        let lang = v.editions[ei].lang.as_str();
        let path = out::chapter(lang, &doc.slug, &v.version.name, out::CHANGES);
        let doc_view = self.doc_view(doc, v, lang, &path);
        let ec = self.md.changes[vi][ei]
            .as_ref()
            .unwrap_or_else(|| unreachable!("a changes page without changes"));
        let from = &doc.versions[ec.from];
        let mut args = fluent_bundle::FluentArgs::new();
        args.set("from", from.version.name.as_str());
        args.set("to", v.version.name.as_str());
        let title = self.i18n.text(lang, "changes-title", Some(&args));
        let mut common = self.common(
            lang,
            &path,
            "changes",
            [title.as_str(), " — ", &doc_view.title].concat(),
        );
        self.version_languages(&mut common, doc, v, out::CHANGES, |l| v.has_lang(l), &path);
        // Anchors are looked up in the source chapters: every language has the same ids.
        let here = |vi: usize, id: &str, prefix: &str| {
            let chapters = &doc.versions[vi].chapters;
            self.md.source[vi]
                .iter()
                .zip(chapters)
                .find(|(r, _)| r.anchors().any(|a| a == id))
                .map(|(_, c)| [prefix, c.page.as_str(), "#", id].concat())
        };
        let old_prefix = ["../", from.version.name.as_str(), "/"].concat();
        let level = |l: Option<crate::bcp14::Level>| l.map_or("none", crate::bcp14::Level::name);
        let c = &ec.changes;
        let requirements = c
            .requirements
            .iter()
            .map(|r| {
                let url = if r.change == Change::Removed {
                    here(ec.from, &r.id, &old_prefix)
                } else {
                    here(vi, &r.id, "")
                };
                ChangeRow {
                    old_level: level(r.old_level),
                    new_level: level(r.new_level),
                    url: url.unwrap_or_default(),
                    section_url: r.new_section.as_ref().and_then(|s| here(vi, &s.id, "")),
                    old_section_url: r
                        .old_section
                        .as_ref()
                        .and_then(|s| here(ec.from, &s.id, &old_prefix)),
                    change: r.clone(),
                }
            })
            .collect();
        let sections = c
            .sections
            .iter()
            .map(|s| RedlineSection {
                id: s.id.clone(),
                title: s.title.clone(),
                change: s.change,
                url: if s.change == Change::Removed {
                    here(ec.from, &s.id, &old_prefix)
                } else {
                    here(vi, &s.id, "")
                },
                blocks: with_context(&s.blocks),
            })
            .collect();
        let page = ChangesPage {
            common,
            banner: self.banner(doc, v, &doc_view),
            doc: doc_view,
            from_version: from.version.name.clone(),
            from_url: [old_prefix.as_str(), out::INDEX].concat(),
            text_lang: (!ec.own_text).then(|| v.editions[0].lang.clone()),
            counts: c.counts(),
            requirements,
            unchanged_requirements: c.unchanged_requirements,
            sections,
            unchanged_sections: c.unchanged_sections,
        };
        (path, page)
    }

    /// How many requirements version `vi` of the document has (none without its Markdown).
    pub fn requirement_count(&self, vi: usize) -> usize {
        self.md.source.get(vi).map_or(0, |chapters| {
            chapters.iter().map(|r| r.requirements.len()).sum()
        })
    }

    /// The BCP 14 sentence in `lang`, for a version that has requirements.
    pub fn bcp14(&self, vi: usize, lang: &str) -> Option<String> {
        (self.requirement_count(vi) > 0).then(|| self.i18n.text(lang, "bcp14-boilerplate", None))
    }

    /// The path of a version's PDF in a language, if it was built.
    fn pdf(&self, lang: &str, doc: &str, version: &str) -> Option<String> {
        if self.pdf_sizes.is_empty() {
            return None;
        }
        let p = out::pdf(lang, doc, version);
        self.pdf_sizes.contains_key(&p).then_some(p)
    }

    /// A version's language badges, for a page whose root is `root`.
    fn badges(&self, doc: &Document, v: &DocVersion, root: &str) -> Vec<LangBadge> {
        v.editions
            .iter()
            .filter(|e| e.built)
            .map(|e| LangBadge {
                code: e.lang.clone(),
                name: self.lang_name(&e.lang),
                state: e.badge(),
                url: out::chapter_url(root, &e.lang, &doc.slug, &v.version.name, "index.html"),
                pdf_url: self
                    .pdf(&e.lang, &doc.slug, &v.version.name)
                    .map(|p| [root, &p].concat()),
            })
            .collect()
    }

    /// [`Self::badges`] of `doc`'s version `vi` for pages at `root`, made once.
    fn shared_badges(&self, doc: &Document, vi: usize, root: &str) -> Badges {
        let key = (doc.slug.clone(), vi, root.to_string());
        if let Some(b) = self
            .badge_cache
            .lock()
            .ok()
            .and_then(|c| c.get(&key).cloned())
        {
            return b;
        }
        let made = Badges::new(self.badges(doc, &doc.versions[vi], root));
        match self.badge_cache.lock() {
            Ok(mut cache) => cache.entry(key).or_insert(made).clone(),
            Err(_) => made,
        }
    }

    pub fn version_links(
        &self,
        doc: &Document,
        current: Option<usize>,
        lang: &str,
        chapter_file: &str,
        from: &str,
    ) -> Vec<VersionLink> {
        let root = out::root(from);
        doc.versions
            .iter()
            .enumerate()
            .rev()
            .map(|(i, v)| {
                let l = if v.has_lang(lang) {
                    lang
                } else {
                    &self.config.source_language
                };
                let page = v
                    .chapters
                    .iter()
                    .find(|c| c.file == chapter_file)
                    .map_or("index.html", |c| c.page.as_str());
                VersionLink {
                    name: v.version.name.clone(),
                    status: status_name(v.meta.status),
                    date: v.meta.date.clone().unwrap_or_default(),
                    url: out::chapter_url(&root, l, &doc.slug, &v.version.name, page),
                    current: current == Some(i),
                    latest: i == doc.latest,
                    languages: self.shared_badges(doc, i, &root),
                }
            })
            .collect()
    }

    pub(super) fn chapter_title(
        &self,
        vi: usize,
        lang_i: usize,
        c: usize,
        v: &DocVersion,
        lang: &str,
    ) -> String {
        let translated = self.md.translated[vi][lang_i][c].as_ref();
        translated
            .and_then(|r| r.title.clone())
            .or_else(|| self.md.source[vi][c].title.clone())
            .unwrap_or_else(|| self.doc_view_title(v, lang))
    }

    pub(super) fn doc_view_title(&self, v: &DocVersion, lang: &str) -> String {
        v.edition(lang)
            .and_then(|e| e.meta.as_ref())
            .and_then(|m| m.title.clone())
            .unwrap_or_else(|| v.meta.title.clone())
    }

    pub fn document(&self, d: usize, vi: usize, lang_i: usize, c: usize) -> (String, DocumentPage) {
        let doc = &self.site.documents[d];
        let v = &doc.versions[vi];
        let lang = v.editions[lang_i].lang.as_str();
        let chapter = &v.chapters[c];
        let path = out::chapter(lang, &doc.slug, &v.version.name, &chapter.page);
        let root = out::root(&path);
        let translated = self.md.translated[vi][lang_i][c].as_ref();
        let fallback = !self.config.is_source(lang) && translated.is_none();
        let rendered = translated.unwrap_or(&self.md.source[vi][c]);
        let doc_view = self.doc_view(doc, v, lang, &path);
        let (page_doc_title, title_lang) = (doc_view.title.clone(), doc_view.title_lang.clone());
        let chapter_title = self.chapter_title(vi, lang_i, c, v, lang);
        let page_title = if c == 0 || rendered.title.is_none() {
            [
                doc_view.title.as_str(),
                " ",
                &v.version.name,
                " — ",
                &self.config.title,
            ]
            .concat()
        } else {
            [
                chapter_title.as_str(),
                " — ",
                &doc_view.title,
                " ",
                &v.version.name,
            ]
            .concat()
        };
        let mut common = self.common(lang, &path, "document", page_title);
        self.document_languages(&mut common, doc, v, c, &path);
        let chapters: Vec<ChapterLink> = (0..v.chapters.len())
            .map(|i| ChapterLink {
                title: self.chapter_title(vi, lang_i, i, v, lang),
                url: out::chapter_url(&root, lang, &doc.slug, &v.version.name, &v.chapters[i].page),
                current: i == c,
            })
            .collect();
        let prev = c.checked_sub(1).and_then(|i| chapters.get(i).cloned());
        let next = chapters.get(c + 1).cloned();
        let page = DocumentPage {
            common,
            banner: self.banner(doc, v, &doc_view),
            doc: doc_view,
            versions: self.version_links(doc, Some(vi), lang, &chapter.file, &path),
            chapter: ChapterView {
                title: chapter_title,
                has_heading: rendered.title.is_some(),
                html: html_marker(0),
                empty: rendered.html.trim().is_empty(),
                toc: rendered.toc.clone(),
                fallback,
                content_lang: if fallback {
                    self.config.source_language.clone()
                } else {
                    lang.to_string()
                },
                source_lang_name: self.lang_name_in(lang, &self.config.source_language),
                lang_name_in_text: self.lang_name_in(lang, lang),
                number: c + 1,
                count: v.chapters.len(),
                // The sentence names the keywords of the text: a fallback's are the source's.
                bcp14: if c == 0 {
                    self.bcp14(
                        vi,
                        if fallback {
                            &self.config.source_language
                        } else {
                            lang
                        },
                    )
                } else {
                    None
                },
            },
            chapters: if v.chapters.len() > 1 {
                chapters
            } else {
                Vec::new()
            },
            prev,
            next,
            outdated: v.editions[lang_i].outdated_sections(),
            cite: (c == 0).then(|| self.cite(doc, v, lang, &page_doc_title, title_lang)),
        };
        (path, page)
    }

    /// "Cite this" for version `v` in `lang`, whose title is `title`. An untranslated edition
    /// cites the source text: its language, its URL, no translators.
    fn cite(
        &self,
        doc: &Document,
        v: &DocVersion,
        lang: &str,
        title: &str,
        title_lang: Option<String>,
    ) -> CiteView {
        use super::cite::{Citation, data_url};
        let citation = Citation::of(self.config, &doc.slug, v, lang, title);
        let language = self.lang_name_in(lang, citation.lang);
        let text = citation.sentence(self.i18n, lang, &language, TITLE_MARK);
        let (before, after) = text.split_once(TITLE_MARK).unwrap_or((&text, ""));
        // A date such as 2025-03-14 must not break at its hyphens.
        let (after, date, after_date) = match citation
            .date
            .and_then(|d| after.split_once(d).map(|s| (d, s)))
        {
            Some((d, (a, b))) => (a, d, b),
            None => (after, "", ""),
        };
        CiteView {
            before: before.to_string(),
            title: title.to_string(),
            title_lang,
            after: after.to_string(),
            date: date.to_string(),
            after_date: after_date.to_string(),
            lang: citation.lang.to_string(),
            bibtex_url: data_url("application/x-bibtex", &citation.bibtex()),
            ris_url: data_url("application/x-research-info-systems", &citation.ris()),
            csl_url: data_url(
                "application/vnd.citationstyles.csl+json",
                &citation.csl_json(),
            ),
            file: citation.key,
        }
    }

    /// The HTML of a chapter as shown in a language (translated, or the source as a fallback).
    pub fn chapter_html(&self, vi: usize, lang_i: usize, c: usize) -> &std::sync::Arc<String> {
        &self.md.translated[vi][lang_i][c]
            .as_ref()
            .unwrap_or(&self.md.source[vi][c])
            .html
    }

    fn document_languages(
        &self,
        common: &mut Common,
        doc: &Document,
        v: &DocVersion,
        c: usize,
        path: &str,
    ) {
        let page = &v.chapters[c].page;
        self.version_languages(common, doc, v, page, |l| v.is_real(l, c), path);
    }

    /// The language switcher and alternates of a page of version `v` named `page` (the same
    /// name in every language); `real` says in which languages it is not a fallback.
    fn version_languages(
        &self,
        common: &mut Common,
        doc: &Document,
        v: &DocVersion,
        page: &str,
        real: impl Fn(&str) -> bool,
        path: &str,
    ) {
        let root = out::root(path);
        let lang = common.lang.clone();
        for l in &self.config.languages {
            let exists = v.has_lang(&l.code);
            let target = if exists {
                out::chapter(&l.code, &doc.slug, &v.version.name, page)
            } else {
                out::catalog(&l.code)
            };
            common.languages.push(LangLink {
                code: l.code.clone(),
                name: l.name.clone(),
                url: [root.as_str(), &target].concat(),
                current: l.code == lang,
                available: exists,
            });
            if real(&l.code) {
                common.alternates.push(Alternate {
                    hreflang: l.code.clone(),
                    href: self.abs(&target),
                });
            }
        }
        let source_path = out::chapter(
            &self.config.source_language,
            &doc.slug,
            &v.version.name,
            page,
        );
        common.alternates.push(Alternate {
            hreflang: "x-default".into(),
            href: self.abs(&source_path),
        });
        if !real(&lang) {
            // A fallback page is the source text: search engines should index the source page.
            common.canonical = self.abs(&source_path);
            common.alternates.clear();
        }
    }

    fn banner(&self, doc: &Document, v: &DocVersion, view: &DocView) -> Option<Banner> {
        use crate::load::Status;
        let kind = match v.meta.status {
            Status::Draft => "draft",
            Status::Withdrawn => "withdrawn",
            Status::Superseded => "superseded",
            Status::Published if v.version != doc.latest().version => "older",
            Status::Published => return None,
        };
        Some(Banner {
            kind,
            latest_version: view.latest_version.clone(),
            latest_url: view.latest_url.clone(),
        })
    }

    /// A document's entry in a catalog of `lang` (or the home page) at `from`.
    pub fn catalog_entry(&self, doc: &Document, lang: &str, from: &str) -> CatalogEntry {
        let v = doc.latest();
        let l = if v.has_lang(lang) {
            lang
        } else {
            &self.config.source_language
        };
        CatalogEntry {
            doc: self.doc_view(doc, v, lang, from),
            url: out::chapter_url(
                &out::root(from),
                l,
                &doc.slug,
                &v.version.name,
                "index.html",
            ),
            version_count: doc.versions.len(),
            has_pdf: v
                .editions
                .iter()
                .any(|e| self.pdf(&e.lang, &doc.slug, &v.version.name).is_some()),
            languages: self.badges(doc, v, &out::root(from)),
        }
    }

    /// The catalog of `lang`, with its documents' entries ([`Self::catalog_entry`]).
    pub fn catalog(&self, lang: &str, documents: Vec<CatalogEntry>) -> (String, CatalogPage) {
        let path = out::catalog(lang);
        let title = format!(
            "{} — {}",
            self.i18n.text(lang, "catalog-title", None),
            self.config.title
        );
        let mut common = self.common(lang, &path, "catalog", title);
        self.every_language(&mut common, &path, out::catalog);
        (path, CatalogPage { common, documents })
    }

    /// The home page, with the source language's catalog entries and, per site language, how
    /// many documents have a real edition in it.
    pub fn home(&self, documents: Vec<CatalogEntry>, translated: &[usize]) -> (String, HomePage) {
        let path = "index.html".to_string();
        let lang = self.config.source_language.clone();
        let mut common = self.common(&lang, &path, "home", self.config.title.clone());
        self.every_language(&mut common, &path, out::catalog);
        common.alternates.clear();
        let site_languages = self
            .config
            .languages
            .iter()
            .zip(translated)
            .map(|(l, &translated)| HomeLanguage {
                code: l.code.clone(),
                name: l.name.clone(),
                url: out::catalog(&l.code),
                translated,
            })
            .collect();
        (
            path,
            HomePage {
                common,
                site_languages,
                documents,
            },
        )
    }

    pub fn versions(&self, d: usize, lang: &str) -> (String, VersionsPage) {
        let doc = &self.site.documents[d];
        let path = out::versions(lang, &doc.slug);
        let view = self.doc_view(doc, doc.latest(), lang, &path);
        let title = format!(
            "{} — {}",
            self.i18n.text(lang, "versions-title", None),
            view.title
        );
        let mut common = self.common(lang, &path, "versions", title);
        let slug = doc.slug.clone();
        self.every_language(&mut common, &path, |l| out::versions(l, &slug));
        let versions = self.version_links(doc, None, lang, "index.md", &path);
        (
            path,
            VersionsPage {
                common,
                doc: view,
                versions,
            },
        )
    }

    pub fn redirect(&self, d: usize, lang: &str) -> (String, RedirectPage) {
        let doc = &self.site.documents[d];
        let path = out::alias(lang, &doc.slug);
        let v = doc.latest();
        let view = self.doc_view(doc, v, lang, &path);
        let l = if v.has_lang(lang) {
            lang
        } else {
            &self.config.source_language
        };
        let target_path = out::chapter(l, &doc.slug, &v.version.name, "index.html");
        let mut common = self.common(lang, &path, "redirect", view.title.clone());
        common.canonical = self.abs(&target_path);
        let target = [out::root(&path).as_str(), &target_path].concat();
        (
            path,
            RedirectPage {
                common,
                doc: view,
                target,
            },
        )
    }

    pub fn not_found(&self) -> (String, NotFoundPage) {
        let path = "404.html".to_string();
        let lang = self.config.source_language.clone();
        let title = format!(
            "{} — {}",
            self.i18n.text(&lang, "not-found-title", None),
            self.config.title
        );
        let mut common = self.common(&lang, &path, "not_found", title);
        // Served at any URL, and by any host (a preview, a mirror): links start at the site's
        // path, without a host.
        common.root = out::root_path(&self.config.base_url);
        let home_url = common.root.clone() + "index.html";
        (path, NotFoundPage { common, home_url })
    }
}

/// `245 KB`, `1.2 MB`: file sizes for link texts.
pub(super) fn human_size(bytes: u64) -> String {
    if bytes >= 1024 * 1024 {
        format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
    } else {
        format!("{} KB", bytes.div_ceil(1024))
    }
}

/// The blocks of a changed section as the changes page shows them: every change, with the
/// unchanged block before and after it; longer runs of unchanged blocks are counted, not shown.
/// (A section's unchanged heading is never shown: its title heads the section.)
fn with_context(blocks: &[crate::changes::BlockChange]) -> Vec<RedlineBlock> {
    use crate::changes::BlockOp;
    use crate::markdown::blocks::Kind;
    let changed = |i: usize| blocks.get(i).is_some_and(|b| b.op != BlockOp::Equal);
    let mut out: Vec<RedlineBlock> = Vec::new();
    for (i, b) in blocks.iter().enumerate() {
        if b.op == BlockOp::Equal && b.kind == Kind::Heading {
            continue;
        }
        let shown = b.op != BlockOp::Equal || changed(i + 1) || (i > 0 && changed(i - 1));
        if shown {
            out.push(RedlineBlock {
                block: Some(b.clone()),
                skipped: 0,
            });
        } else if let Some(last) = out.last_mut().filter(|l| l.block.is_none()) {
            last.skipped += 1;
        } else {
            out.push(RedlineBlock {
                block: None,
                skipped: 1,
            });
        }
    }
    out
}

/// Where the text of `license` is: the SPDX page of an SPDX licence identifier (`CC-BY-4.0`),
/// or `license` itself when it is a web address; `None` for anything else ("All rights
/// reserved", an expression such as `MIT OR Apache-2.0`).
fn license_url(license: &str) -> Option<String> {
    let l = license.trim();
    if l.starts_with("https://") || l.starts_with("http://") {
        return (!l.contains(char::is_whitespace)).then(|| l.to_string());
    }
    let spdx = !l.is_empty()
        && l.len() <= 64
        && l.chars().any(|c| c.is_ascii_alphabetic())
        && l.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '+'));
    spdx.then(|| format!("https://spdx.org/licenses/{l}.html"))
}

#[cfg(test)]
mod tests {
    use super::{human_size, license_url};

    #[test]
    fn sizes_are_human() {
        assert_eq!(human_size(1000), "1 KB");
        assert_eq!(human_size(250 * 1024), "250 KB");
        assert_eq!(human_size(3 * 1024 * 1024 / 2), "1.5 MB");
    }

    #[test]
    fn spdx_identifiers_and_addresses_link_and_other_text_does_not() {
        assert_eq!(
            license_url("CC-BY-4.0").as_deref(),
            Some("https://spdx.org/licenses/CC-BY-4.0.html")
        );
        assert_eq!(
            license_url("GPL-2.0+").as_deref(),
            Some("https://spdx.org/licenses/GPL-2.0+.html")
        );
        assert_eq!(
            license_url("https://example.org/licence").as_deref(),
            Some("https://example.org/licence")
        );
        assert_eq!(license_url("All rights reserved"), None);
        assert_eq!(license_url("MIT OR Apache-2.0"), None);
        assert_eq!(license_url("2024"), None);
        assert_eq!(license_url("<script>"), None);
    }
}
