//! `site.yaml`, read once and turned into a validated [`SiteConfig`].
//!
//! After [`SiteConfig::load`] returns, the rest of bcop trusts the configuration: languages are
//! valid tags, the source language is among them, and the base URL ends with a slash.

use crate::error::{Code, Diagnostic, Error, Location, Result};
use crate::load::yaml;
use serde::Deserialize;
use std::path::Path;

/// What to do with a page whose translation does not exist.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum MissingPolicy {
    /// Build it in the target language's UI, with the source text marked and a notice.
    #[default]
    Fallback,
    /// Leave the page out.
    Omit,
}

/// What to do with a translation whose source changed since it was stamped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum OutdatedPolicy {
    /// Publish it, with a mark on every changed section.
    #[default]
    Publish,
    /// Show the current source text for the changed sections, marked.
    Source,
    /// Fail the build.
    Fail,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Language {
    pub code: String,
    pub name: String,
    /// Overrides the site's `outdated_translation` for this language.
    #[serde(skip)]
    pub outdated_translation: Option<OutdatedPolicy>,
}

#[derive(Debug, Clone)]
pub struct SiteConfig {
    pub title: String,
    pub description: String,
    /// Absolute, ends with `/`.
    pub base_url: String,
    pub source_language: String,
    /// All languages, the source language first, then in the order of `site.yaml`.
    pub languages: Vec<Language>,
    pub theme: String,
    pub missing_translation: MissingPolicy,
    pub outdated_translation: OutdatedPolicy,
    /// The site's own BCP 14 keyword tables, each replacing the theme's for its language.
    pub keywords: crate::bcp14::Spec,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    title: String,
    #[serde(default)]
    description: String,
    base_url: String,
    #[serde(default = "default_source")]
    source_language: String,
    languages: Vec<RawLanguage>,
    #[serde(default = "default_theme")]
    theme: String,
    #[serde(default)]
    missing_translation: MissingPolicy,
    #[serde(default)]
    outdated_translation: OutdatedPolicy,
    #[serde(default)]
    keywords: crate::bcp14::Spec,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLanguage {
    code: String,
    name: String,
    #[serde(default)]
    outdated_translation: Option<OutdatedPolicy>,
}

fn default_source() -> String {
    "en".into()
}

fn default_theme() -> String {
    "default".into()
}

impl SiteConfig {
    /// Reads `<root>/site.yaml`. `base_url` overrides the file's value (for `--base-url`).
    pub fn load(root: &Path, base_url: Option<&str>) -> Result<Self> {
        let path = root.join(crate::paths::site::CONFIG);
        if !path.is_file() {
            return Err(Error::one(
                Diagnostic::error(
                    Code::MissingConfig,
                    Some(Location::file(&path)),
                    "there is no site.yaml here",
                )
                .with_help("run bcop in the site's folder, or pass --root DIR"),
            ));
        }
        let text = crate::error::fs::read_text(&path)?;
        Self::from_text(&path, &text, base_url)
    }

    /// The configuration in `text`, read from `path`.
    pub fn from_text(path: &Path, text: &str, base_url: Option<&str>) -> Result<Self> {
        let raw: RawConfig = yaml::parse(path, text, text, 0).map_err(Error::one)?;
        Self::validate(raw, path, text, base_url)
    }

    fn validate(raw: RawConfig, path: &Path, text: &str, base_url: Option<&str>) -> Result<Self> {
        let at = |key: &str| yaml::key_location(path, text, key);
        let mut base = base_url.map_or(raw.base_url.clone(), str::to_string);
        if !(base.starts_with("http://") || base.starts_with("https://") || base.starts_with('/')) {
            return Err(Error::one(
                Diagnostic::error(
                    Code::BadBaseUrl,
                    Some(at("base_url")),
                    format!("base_url `{base}` is neither an absolute URL nor a path"),
                )
                .with_help("write it as https://example.org/ or /docs/"),
            ));
        }
        if !base.ends_with('/') {
            base.push('/');
        }
        let mut languages = Vec::new();
        for lang in raw.languages {
            if lang
                .code
                .parse::<unic_langid::LanguageIdentifier>()
                .is_err()
                || lang.code.contains(['/', '\\', '.'])
            {
                return Err(Error::one(
                    Diagnostic::error(
                        Code::BadLanguage,
                        Some(yaml::value_location(path, text, &lang.code)),
                        format!("`{}` is not a language tag", lang.code),
                    )
                    .with_help("use a BCP 47 tag such as en, pt-BR, es, ja or fr"),
                ));
            }
            if languages.iter().any(|l: &Language| l.code == lang.code) {
                return Err(Error::one(Diagnostic::error(
                    Code::DuplicateLanguage,
                    Some(yaml::value_location(path, text, &lang.code)),
                    format!("language `{}` is listed twice", lang.code),
                )));
            }
            languages.push(Language {
                code: lang.code,
                name: lang.name,
                outdated_translation: lang.outdated_translation,
            });
        }
        let Some(pos) = languages.iter().position(|l| l.code == raw.source_language) else {
            return Err(Error::one(
                Diagnostic::error(
                    Code::BadSourceLanguage,
                    Some(at("source_language")),
                    format!(
                        "the source language `{}` is not in `languages`",
                        raw.source_language
                    ),
                )
                .with_help("add it to the languages list"),
            ));
        };
        let source = languages.remove(pos);
        languages.insert(0, source);
        if raw.theme.is_empty() || raw.theme.contains(['/', '\\', '.']) {
            return Err(Error::one(Diagnostic::error(
                Code::BadTheme,
                Some(at("theme")),
                format!("`{}` is not a theme name", raw.theme),
            )));
        }
        Ok(Self {
            title: raw.title,
            description: raw.description,
            base_url: base,
            source_language: raw.source_language,
            languages,
            theme: raw.theme,
            missing_translation: raw.missing_translation,
            outdated_translation: raw.outdated_translation,
            keywords: raw.keywords,
        })
    }

    pub fn language(&self, code: &str) -> Option<&Language> {
        self.languages.iter().find(|l| l.code == code)
    }

    /// The outdated-translation policy for a language.
    pub fn outdated_policy(&self, code: &str) -> OutdatedPolicy {
        self.language(code)
            .and_then(|l| l.outdated_translation)
            .unwrap_or(self.outdated_translation)
    }

    pub fn is_source(&self, code: &str) -> bool {
        self.source_language == code
    }
}
