//! Checks of the Fluent UI catalogs beyond syntax: keys a language has that the source does not,
//! keys no template uses, messages whose `$variables` differ between languages, and how much of
//! the source catalog each language covers.

use crate::error::{Code, Diagnostic, Location};
use crate::i18n::{I18n, KeySite};
use crate::load::theme::TextFile;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Keys that bcop's own code formats (outside templates).
pub const CODE_KEYS: &[&str] = &[
    "bcp14-boilerplate",
    "label-id",
    "label-language",
    "pdf-changes",
    "pdf-contents",
    "pdf-draft",
    "pdf-page",
    "pdf-page-of",
    "pdf-fallback-document",
    "pdf-outdated-source",
    "pdf-requirements",
    "requirements-col-id",
    "requirements-col-level",
    "requirements-col-text",
    "requirements-outdated",
    "requirements-title",
    "fallback-notice",
    "catalog-title",
    "name-separator",
    "cite-text",
    "cite-undated",
    "not-found-title",
    "outdated-added",
    "outdated-section",
    "outdated-section-source",
    "outdated-section-link",
    "version-label",
    "versions-title",
];
/// Key prefixes that code completes at run time.
pub const CODE_PREFIXES: &[&str] = &[
    "alert-",
    "bcp14-",
    "caption-",
    "language-name-",
    "level-",
    "search-",
    "status-",
];

#[derive(Debug, Clone, serde::Serialize)]
pub struct Coverage {
    pub lang: String,
    pub keys: usize,
    pub translated: usize,
    pub percent: f64,
}

/// The keys templates use: literal `key="…"` arguments of `t()` and literal `ui["…"]` lookups,
/// and prefixes of built keys (`key="status-" ~ value` or `ui["status-" ~ value]` uses every
/// `status-…` key).
pub fn used_keys(templates: &BTreeMap<String, TextFile>) -> (BTreeSet<String>, BTreeSet<String>) {
    let mut exact: BTreeSet<String> = CODE_KEYS.iter().map(|k| k.to_string()).collect();
    let mut prefixes: BTreeSet<String> = CODE_PREFIXES.iter().map(|k| k.to_string()).collect();
    for t in templates.values() {
        for opener in ["key=", "ui["] {
            for piece in t.text.split(opener).skip(1) {
                let Some(quote) = piece.chars().next().filter(|c| *c == '"' || *c == '\'') else {
                    continue;
                };
                let rest = &piece[1..];
                let Some(end) = rest.find(quote) else {
                    continue;
                };
                let key = &rest[..end];
                if rest[end + 1..].trim_start().starts_with('~') {
                    prefixes.insert(key.to_string());
                } else {
                    exact.insert(key.to_string());
                }
            }
        }
    }
    (exact, prefixes)
}

/// Diagnostics for the catalogs. `site_locales` is the site's own `locales/` folder: only keys
/// defined there are reported as unused, since a theme's keys may serve templates a site replaced.
pub fn check(
    i18n: &I18n,
    source: &str,
    templates: &BTreeMap<String, TextFile>,
    site_locales: &Path,
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let Some(src) = i18n.keys.get(source) else {
        return out;
    };
    let (exact, prefixes) = used_keys(templates);
    for (lang, keys) in &i18n.keys {
        for (key, site) in keys {
            let at = || Some(Location::at_offset(&site.path, &site.text, site.offset));
            let unused =
                !exact.contains(key) && !prefixes.iter().any(|p| key.starts_with(p.as_str()));
            if unused && site.path.starts_with(site_locales) && *lang == source {
                out.push(
                    Diagnostic::warning(
                        Code::UnusedUiString,
                        at(),
                        format!("UI string `{key}` is not used by any template"),
                    )
                    .with_help("remove it, or use it in a template as ui[\"…\"] or t(key=\"…\")"),
                );
            }
            if *lang == source {
                continue;
            }
            match src.get(key) {
                None => out.push(
                    Diagnostic::warning(Code::ExtraUiString, at(), format!("UI string `{key}` exists in {lang} but not in the source language {source}"))
                        .with_help(match crate::load::content::nearest_owned(key, src.keys().map(String::as_str)) {
                            Some(n) => format!("did you mean `{n}`?"),
                            None => format!("add it to the {source} catalog, or remove it"),
                        }),
                ),
                Some(s) if s.variables != site.variables => out.push(variables_differ(key, lang, source, s, site)),
                Some(_) => {}
            }
        }
    }
    out
}

fn variables_differ(
    key: &str,
    lang: &str,
    source: &str,
    src: &KeySite,
    tr: &KeySite,
) -> Diagnostic {
    let list = |v: &BTreeSet<String>| {
        if v.is_empty() {
            "none".to_string()
        } else {
            v.iter()
                .map(|x| format!("${x}"))
                .collect::<Vec<_>>()
                .join(", ")
        }
    };
    Diagnostic::warning(
        Code::UiStringVariables,
        Some(Location::at_offset(&tr.path, &tr.text, tr.offset)),
        format!(
            "`{key}` uses {} in {lang} but {} in {source}",
            list(&tr.variables),
            list(&src.variables)
        ),
    )
    .with_help("use the same variables as the source message, or the value will be missing")
}

/// Per language, the share of the source's keys it translates.
pub fn coverage(i18n: &I18n, source: &str) -> Vec<Coverage> {
    let Some(src) = i18n.keys.get(source) else {
        return Vec::new();
    };
    i18n.keys
        .iter()
        .map(|(lang, keys)| {
            let translated = src.keys().filter(|k| keys.contains_key(*k)).count();
            let percent = if src.is_empty() {
                100.0
            } else {
                (translated as f64 * 1000.0 / src.len() as f64).round() / 10.0
            };
            Coverage {
                lang: lang.clone(),
                keys: src.len(),
                translated,
                percent,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_count_as_used_through_t_and_through_ui() {
        let text = r#"{{ t(key="a-title") }} {{ ui["b-label"] }} {{ ui['c-quoted'] }}
{{ ui["state-" ~ s] }} {{ t(key="kind-" ~ k, n=1) }} {{ t(key=name) }} {{ ui[name] }}"#;
        let templates = BTreeMap::from([(
            "page.html".to_string(),
            TextFile {
                name: "page.html".into(),
                path: "page.html".into(),
                text: text.into(),
            },
        )]);
        let (exact, prefixes) = used_keys(&templates);
        for k in ["a-title", "b-label", "c-quoted"] {
            assert!(exact.contains(k), "{k} is used");
        }
        assert!(!exact.contains("state-") && !exact.contains("kind-"));
        assert!(prefixes.contains("state-") && prefixes.contains("kind-"));
        let from_templates = exact.iter().filter(|k| !CODE_KEYS.contains(&k.as_str()));
        assert!(
            !from_templates.clone().any(|k| k.contains("name")),
            "{:?}",
            from_templates.collect::<Vec<_>>()
        );
    }
}
