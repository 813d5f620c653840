//! The parts of a build that depend only on `site.yaml` and the theme: the UI catalogs, the
//! templates, and the PDF engine with its fonts.

use crate::bcp14::{Keywords, Spec};
use crate::error::{Code, Diagnostic, Error, Location};
use crate::i18n::I18n;
use crate::load::config::SiteConfig;
use crate::load::{Source, ThemeSource};
use crate::render::templates::Templates;
use std::path::Path;
use std::sync::Arc;

/// The UI strings and the compiled templates, with the problems found in them.
pub struct Ui {
    pub i18n: Arc<I18n>,
    pub templates: Option<Templates>,
    /// The BCP 14 keywords of every language: the theme's tables, under the site's.
    pub keywords: Keywords,
    pub diagnostics: Vec<Diagnostic>,
}

impl Ui {
    pub fn new(config: &SiteConfig, theme: &ThemeSource, root: &Path) -> Self {
        let mut diagnostics = Vec::new();
        let i18n = I18n::for_site(config, theme, &mut diagnostics);
        diagnostics.extend(i18n.missing_key_warnings());
        diagnostics.extend(crate::translate::catalogs::check(
            &i18n,
            &config.source_language,
            &theme.templates,
            &root.join(crate::paths::site::LOCALES),
        ));
        let i18n = Arc::new(i18n);
        let templates = match Templates::new(&theme.templates, i18n.clone()) {
            Ok(t) => Some(t),
            Err(Error::Site(d)) => {
                diagnostics.extend(d);
                None
            }
            Err(e) => {
                diagnostics.push(Diagnostic::error(Code::BadTemplate, None, e.to_string()));
                None
            }
        };
        let keywords = keywords(config, theme, &mut diagnostics);
        Self {
            i18n,
            templates,
            keywords,
            diagnostics,
        }
    }
}

/// The keyword tables: the theme's `keywords.yaml`, each language replaced by the site's.
pub(crate) fn keywords(
    config: &SiteConfig,
    theme: &ThemeSource,
    diags: &mut Vec<Diagnostic>,
) -> Keywords {
    let base: Spec = match &theme.keywords {
        Some(file) => crate::load::yaml::parse(&file.path, &file.text, &file.text, 0)
            .unwrap_or_else(|d| {
                diags.push(d);
                Spec::default()
            }),
        None => Spec::default(),
    };
    Keywords::new(&base, &config.keywords)
}

/// The PDF engine for the theme's (or site's) template; its fonts are scanned once here.
pub(super) fn pdf_engine(
    source: &Source,
    root: &Path,
    diags: &mut Vec<Diagnostic>,
) -> Option<crate::pdf::PdfEngine> {
    let Some(template) = &source.theme.pdf_template else {
        diags.push(
            Diagnostic::error(
                Code::MissingPdfTemplate,
                Some(Location::file(&crate::paths::site::theme(
                    root,
                    &source.config.theme,
                ))),
                "the theme has no pdf/document.typ, so no PDF can be made",
            )
            .with_help("add pdf/document.typ to the theme, or build with --no-pdf"),
        );
        return None;
    };
    match crate::pdf::PdfEngine::new(&template.text, &template.path, &source.theme.font_dirs) {
        Ok(e) => Some(e),
        Err(d) => {
            diags.push(d);
            None
        }
    }
}
