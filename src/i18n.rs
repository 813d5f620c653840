//! UI strings through Fluent: one shared, thread-safe bundle per language.
//!
//! Bundles are built once per build from the theme's and the site's `.ftl` files (the site's keys
//! override the theme's) and shared by every rendering thread. A key missing in a language falls
//! back to the source language; the build warns about it once, when the bundles are made.

use crate::error::{Code, Diagnostic, Location};
use crate::load::theme::TextFile;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use fluent_syntax::ast;
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

pub struct I18n {
    source: String,
    bundles: BTreeMap<String, FluentBundle<FluentResource>>,
    /// Message ids per language, with where each is defined.
    pub keys: BTreeMap<String, BTreeMap<String, KeySite>>,
}

#[derive(Debug, Clone)]
pub struct KeySite {
    pub path: PathBuf,
    pub offset: usize,
    pub text: std::sync::Arc<str>,
    /// The `$variables` the message uses.
    pub variables: BTreeSet<String>,
}

impl std::fmt::Debug for I18n {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("I18n")
            .field("source", &self.source)
            .finish()
    }
}

impl I18n {
    /// The source language's code.
    pub fn source(&self) -> &str {
        &self.source
    }

    /// Parses every catalog. Syntax errors are returned as errors, with `path:line:col`.
    pub fn new(
        source: &str,
        languages: &[String],
        catalogs: &BTreeMap<String, Vec<TextFile>>,
        diags: &mut Vec<Diagnostic>,
    ) -> Self {
        let mut bundles = BTreeMap::new();
        let mut keys = BTreeMap::new();
        for lang in languages {
            let langid = lang.parse().unwrap_or_default();
            let mut bundle = FluentBundle::new_concurrent(vec![langid]);
            bundle.set_use_isolating(false);
            let mut lang_keys = BTreeMap::new();
            for file in catalogs.get(lang).into_iter().flatten() {
                if let Some(res) = parse_catalog(file, diags) {
                    collect_keys(&res, file, &mut lang_keys);
                    bundle.add_resource_overriding(res);
                }
            }
            bundles.insert(lang.clone(), bundle);
            keys.insert(lang.clone(), lang_keys);
        }
        Self {
            source: source.to_string(),
            bundles,
            keys,
        }
    }

    /// The bundles of a loaded site: its languages, the theme's catalogs and its own.
    pub fn for_site(
        config: &crate::load::config::SiteConfig,
        theme: &crate::load::ThemeSource,
        diags: &mut Vec<Diagnostic>,
    ) -> Self {
        let codes: Vec<String> = config.languages.iter().map(|l| l.code.clone()).collect();
        Self::new(&config.source_language, &codes, &theme.catalogs, diags)
    }

    /// Warnings for keys of the source language that another language lacks.
    pub fn missing_key_warnings(&self) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        let Some(source_keys) = self.keys.get(&self.source) else {
            return out;
        };
        for (lang, keys) in &self.keys {
            if *lang == self.source {
                continue;
            }
            for (key, site) in source_keys {
                if !keys.contains_key(key) {
                    out.push(
                        Diagnostic::warning(
                            Code::MissingUiString,
                            Some(Location::at_offset(&site.path, &site.text, site.offset)),
                            format!(
                                "UI string `{key}` has no {lang} translation; {lang} pages show the {} text",
                                self.source
                            ),
                        )
                        .with_help(format!("add `{key} = …` to locales/{lang}/*.ftl")),
                    );
                }
            }
        }
        out
    }

    /// The name of language `code` as a sentence in `lang` says it (`anglais` in French), from
    /// the message `language-name-<code>` of `lang` itself, or of `code`'s primary language;
    /// `None` when `lang` has neither.
    pub fn language_name(&self, lang: &str, code: &str) -> Option<String> {
        let bundle = self.bundles.get(lang)?;
        let primary = code.split('-').next().unwrap_or(code);
        [code, primary].iter().find_map(|c| {
            let pattern = bundle
                .get_message(&["language-name-", c].concat())
                .and_then(|m| m.value())?;
            let mut errors = Vec::new();
            Some(
                bundle
                    .format_pattern(pattern, None, &mut errors)
                    .into_owned(),
            )
        })
    }

    /// The message `key` in `lang`, or in the source language, or the key itself.
    pub fn text(&self, lang: &str, key: &str, args: Option<&FluentArgs>) -> String {
        for l in [lang, self.source.as_str()] {
            if let Some(bundle) = self.bundles.get(l)
                && let Some(pattern) = bundle.get_message(key).and_then(|m| m.value())
            {
                let mut errors = Vec::new();
                return bundle
                    .format_pattern(pattern, args, &mut errors)
                    .into_owned();
            }
        }
        key.to_string()
    }

    /// Every message that formats without arguments, in every language, as [`Self::text`]
    /// gives it (with the same fallback to the source language). Templates ask for these
    /// strings on every page, so they are formatted once.
    pub fn plain_texts(&self) -> Vec<(&str, &str, String)> {
        let every_key: BTreeSet<&str> = self
            .keys
            .values()
            .flat_map(|k| k.keys().map(String::as_str))
            .collect();
        let mut out = Vec::new();
        for lang in self.bundles.keys() {
            for key in &every_key {
                let found = [lang.as_str(), self.source.as_str()]
                    .into_iter()
                    .find_map(|l| {
                        let bundle = self.bundles.get(l)?;
                        Some((bundle, bundle.get_message(key)?.value()?))
                    });
                if let Some((bundle, pattern)) = found {
                    let mut errors = Vec::new();
                    let text = bundle.format_pattern(pattern, None, &mut errors);
                    // A message that needs a variable (directly or through another message)
                    // reports it here: it is formatted per call, with its arguments.
                    if errors.is_empty() {
                        out.push((lang.as_str(), *key, text.into_owned()));
                    }
                }
            }
        }
        out
    }

    /// `text` with a single numeric argument named `count`.
    pub fn count(&self, lang: &str, key: &str, count: usize) -> String {
        let mut args = FluentArgs::new();
        args.set("count", FluentValue::from(count));
        self.text(lang, key, Some(&args))
    }
}

/// Where a `\u` or `\U` escape is followed by a character that is not ASCII before its four
/// or six digits end. fluent-syntax 0.12 cuts the text there in the middle of a character and
/// panics, so such a file is reported before it is parsed.
fn broken_unicode_escape(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    memchr::memchr_iter(b'\\', bytes).find(|&i| {
        let digits = match bytes.get(i + 1) {
            Some(b'u') => 4,
            Some(b'U') => 6,
            _ => return false,
        };
        let end = (i + 2 + digits).min(bytes.len());
        !bytes[i + 2..end].is_ascii()
    })
}

fn parse_catalog(file: &TextFile, diags: &mut Vec<Diagnostic>) -> Option<FluentResource> {
    if let Some(at) = broken_unicode_escape(&file.text) {
        diags.push(
            Diagnostic::error(
                Code::BadFtl,
                Some(Location::at_offset(&file.path, &file.text, at)),
                "Fluent syntax error: a Unicode escape needs its hex digits (\\u and four, or \\U and six)",
            )
            .with_help("write the character itself, or its code as \\u00E9 or \\U01F600"),
        );
        return None;
    }
    match FluentResource::try_new(file.text.clone()) {
        Ok(res) => Some(res),
        Err((_, errors)) => {
            for e in errors {
                diags.push(
                    Diagnostic::error(
                        Code::BadFtl,
                        Some(Location::at_offset(&file.path, &file.text, e.pos.start)),
                        format!("Fluent syntax error: {}", e.kind),
                    )
                    .with_help("see https://projectfluent.org/fluent/guide/ for the syntax"),
                );
            }
            None
        }
    }
}

fn collect_keys(res: &FluentResource, file: &TextFile, keys: &mut BTreeMap<String, KeySite>) {
    let text: std::sync::Arc<str> = file.text.as_str().into();
    // Where each message starts: a line that begins with its id and `=`. One pass over the
    // file, instead of a search of the whole file per message.
    let mut starts: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    let mut line_start = 0;
    for line in file.text.split_inclusive('\n') {
        if let Some((id, _)) = line.split_once('=') {
            let id = id.trim_end();
            if !id.is_empty() && !id.starts_with([' ', '\t', '#', '.', '[', '*', '}']) {
                starts.entry(id).or_insert(line_start);
            }
        }
        line_start += line.len();
    }
    for entry in res.entries() {
        if let ast::Entry::Message(m) = entry {
            let offset = starts.get(m.id.name).copied().unwrap_or(0);
            let mut variables = BTreeSet::new();
            if let Some(p) = &m.value {
                pattern_variables(p, &mut variables);
            }
            keys.insert(
                m.id.name.to_string(),
                KeySite {
                    path: file.path.clone(),
                    offset,
                    text: text.clone(),
                    variables,
                },
            );
        }
    }
}

fn pattern_variables(p: &ast::Pattern<&str>, out: &mut BTreeSet<String>) {
    for el in &p.elements {
        if let ast::PatternElement::Placeable { expression } = el {
            expression_variables(expression, out);
        }
    }
}

fn expression_variables(e: &ast::Expression<&str>, out: &mut BTreeSet<String>) {
    match e {
        ast::Expression::Select { selector, variants } => {
            inline_variables(selector, out);
            for v in variants {
                pattern_variables(&v.value, out);
            }
        }
        ast::Expression::Inline(i) => inline_variables(i, out),
    }
}

fn inline_variables(i: &ast::InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match i {
        ast::InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_string());
        }
        ast::InlineExpression::Placeable { expression } => expression_variables(expression, out),
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                inline_variables(a, out);
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn catalogs(files: &[(&str, &str)]) -> BTreeMap<String, Vec<TextFile>> {
        let mut m: BTreeMap<String, Vec<TextFile>> = BTreeMap::new();
        for (lang, text) in files {
            m.entry(lang.to_string()).or_default().push(TextFile {
                name: "main.ftl".into(),
                path: format!("locales/{lang}/main.ftl").into(),
                text: text.to_string(),
            });
        }
        m
    }

    #[test]
    fn a_unicode_escape_cut_by_a_non_ascii_character_is_an_error_not_a_panic() {
        let c = catalogs(&[("en", "ok = fine\na = {\"\\Uå\"}\n")]);
        let mut d = Vec::new();
        I18n::new("en", &["en".into()], &c, &mut d);
        assert_eq!(d.len(), 1);
        assert!(
            d[0].to_string()
                .starts_with("locales/en/main.ftl:2:7: error[bad-ftl]"),
            "{}",
            d[0]
        );
        // A complete escape is fine.
        let c = catalogs(&[("en", "a = {\"\\u00E9\"}\n")]);
        let mut d = Vec::new();
        I18n::new("en", &["en".into()], &c, &mut d);
        assert!(d.is_empty(), "{d:?}");
    }

    #[test]
    fn plurals_follow_the_language() {
        let c = catalogs(&[
            (
                "en",
                "docs = { $count ->\n    [one] One document\n   *[other] { $count } documents\n}\n",
            ),
            ("ja", "docs = { $count } 件の文書\n"),
        ]);
        let mut d = Vec::new();
        let i = I18n::new("en", &["en".into(), "ja".into()], &c, &mut d);
        assert!(d.is_empty());
        assert_eq!(i.count("en", "docs", 1), "One document");
        assert_eq!(i.count("en", "docs", 3), "3 documents");
        assert_eq!(i.count("ja", "docs", 3), "3 件の文書");
    }

    #[test]
    fn plain_texts_are_what_text_gives_and_leave_out_messages_that_need_arguments() {
        let c = catalogs(&[
            (
                "en",
                "title = Documents\nhello = Hello { $name }\nindirect = { hello }!\nonly-en = Source\n",
            ),
            ("ja", "title = 文書\nhello = { $name } さん\n"),
        ]);
        let mut d = Vec::new();
        let i = I18n::new("en", &["en".into(), "ja".into()], &c, &mut d);
        let plain = i.plain_texts();
        for (lang, key, text) in &plain {
            assert_eq!(*text, i.text(lang, key, None), "{lang} {key}");
        }
        let mut found: Vec<(&str, &str)> = plain.iter().map(|(l, k, _)| (*l, *k)).collect();
        found.sort();
        assert_eq!(
            found,
            [
                ("en", "only-en"),
                ("en", "title"),
                ("ja", "only-en"),
                ("ja", "title")
            ],
            "`hello` needs $name, and `indirect` needs it through `hello`"
        );
    }

    #[test]
    fn later_layers_override_and_missing_keys_fall_back_with_a_warning() {
        let c = catalogs(&[
            ("en", "a = A\nb = B\n"),
            ("fr", "a = A-fr\n"),
            ("fr", "a = A-site\n"),
        ]);
        let mut d = Vec::new();
        let i = I18n::new("en", &["en".into(), "fr".into()], &c, &mut d);
        assert_eq!(i.text("fr", "a", None), "A-site");
        assert_eq!(i.text("fr", "b", None), "B");
        let w = i.missing_key_warnings();
        assert_eq!(w.len(), 1);
        assert!(w[0].message.contains("`b`") && w[0].message.contains("fr"));
    }

    #[test]
    fn syntax_errors_have_a_location() {
        let c = catalogs(&[("en", "ok = fine\n= broken\nnext = x\n")]);
        let mut d = Vec::new();
        I18n::new("en", &["en".into()], &c, &mut d);
        let loc = d[0].location.as_ref().expect("location");
        assert_eq!(loc.line, 2);
        assert!(d[0].to_string().starts_with("locales/en/main.ftl:2:"));
    }
}
