//! Tera, set up once per build with the layered templates and the `t()` function.
//!
//! Templates call `t(key="…", count=n, …)` for every UI string; the language comes from the
//! page's `lang` variable, so a template never names a language. Tera 2 refuses undefined
//! variables, and its errors are turned into `path:line:col` diagnostics pointing into the
//! template file.

use crate::error::{Code, Diagnostic, Error, Location, Result};
use crate::i18n::I18n;
use crate::load::theme::TextFile;
use fluent_bundle::{FluentArgs, FluentValue};
use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;
use std::sync::Arc;
use tera::{Context, Kwargs, State, Tera, TeraResult, Value};

pub struct Templates {
    tera: Tera,
    paths: BTreeMap<String, (PathBuf, String)>,
    /// Per language, the `ui` map every page gets: its UI strings that take no arguments.
    ui: HashMap<String, Value>,
    /// The source language's `ui`, for a page in a language without a catalog.
    ui_fallback: Value,
}

impl Templates {
    pub fn new(files: &BTreeMap<String, TextFile>, i18n: Arc<I18n>) -> Result<Self> {
        let mut tera = Tera::new();
        tera.autoescape_on(vec![".html", ".xml"]);
        // The messages without arguments, per language: `t()` looks them up, and each page
        // gets its language's as the `ui` map (the values are shared, not copied).
        let mut plain: HashMap<String, HashMap<String, Value>> = HashMap::new();
        for (lang, key, text) in i18n.plain_texts() {
            plain
                .entry(lang.to_string())
                .or_default()
                .insert(key.to_string(), Value::from(text));
        }
        let ui: HashMap<String, Value> = plain
            .iter()
            .map(|(lang, texts)| (lang.clone(), Value::from_serializable(texts)))
            .collect();
        let ui_fallback = ui
            .get(i18n.source())
            .cloned()
            .unwrap_or_else(|| Value::from_serializable(&HashMap::<String, Value>::new()));
        tera.register_function("t", move |kwargs: Kwargs, state: &State| {
            translate(&i18n, &plain, kwargs, state)
        });
        let paths: BTreeMap<String, (PathBuf, String)> = files
            .iter()
            .map(|(name, f)| (name.clone(), (f.path.clone(), f.text.clone())))
            .collect();
        let sources: Vec<(&str, &str)> = files
            .iter()
            .map(|(name, f)| (name.as_str(), f.text.as_str()))
            .collect();
        let mut this = Self {
            tera,
            paths,
            ui,
            ui_fallback,
        };
        if let Err(e) = this.tera.add_raw_templates(sources) {
            return Err(Error::one(this.diagnostic(&e, Code::BadTemplate)));
        }
        Ok(this)
    }

    /// Renders template `name` into bytes (UTF-8, not checked again). The context gets `ui`, the UI strings of its `lang` that take no arguments.
    pub fn render_bytes(&self, name: &str, mut context: Context) -> Result<Vec<u8>, Diagnostic> {
        let ui = context
            .get("lang")
            .and_then(Value::as_str)
            .and_then(|lang| self.ui.get(lang))
            .unwrap_or(&self.ui_fallback)
            .clone();
        context.insert_value("ui", ui);
        let mut out = Vec::with_capacity(32 * 1024);
        self.tera
            .render_to(name, &context, &mut out)
            .map_err(|e| self.diagnostic(&e, Code::TemplateError))?;
        Ok(out)
    }

    fn diagnostic(&self, e: &tera::Error, code: Code) -> Diagnostic {
        let report = match e.kind() {
            tera::ErrorKind::SyntaxError(r) | tera::ErrorKind::RenderingError(r) => Some(r),
            _ => None,
        };
        let Some(r) = report else {
            let mut msg = e.to_string();
            let mut src = std::error::Error::source(e);
            while let Some(s) = src {
                msg.push_str(": ");
                msg.push_str(&s.to_string());
                src = s.source();
            }
            return Diagnostic::error(code, None, format!("template: {msg}"));
        };
        let location = self.paths.get(r.filename()).map(|(path, text)| {
            let span = r.span();
            Location::in_text(path, text, span.start_line, span.start_col + 1)
        });
        let mut d = Diagnostic::error(code, location, r.message().to_string());
        let m = r.message();
        if m.contains("not defined") || m.contains("not found") || m.contains("undefined") {
            d = d.with_help(
                "templates get only the variables listed in the README's template reference; check the name (a `ui[\"…\"]` key is a message id of the .ftl catalogs, and `ui` has only messages without arguments: use t(key=\"…\", …) for the others)",
            );
        }
        d
    }
}

/// `t()` runs for every UI string of every page, so it borrows from the template's values
/// instead of copying them, and a message without arguments comes from `plain`, formatted once.
fn translate(
    i18n: &I18n,
    plain: &HashMap<String, HashMap<String, Value>>,
    kwargs: Kwargs,
    state: &State,
) -> TeraResult<Value> {
    let key: &str = kwargs.must_get("key")?;
    let lang = state.get::<Value>("lang")?;
    let lang: Cow<str> = match &lang {
        Some(v) => v
            .as_str()
            .map_or_else(|| v.to_string().into(), Cow::Borrowed),
        None => Cow::Borrowed(""),
    };
    if kwargs.iter().all(|(k, _)| k.as_str() == Some("key"))
        && let Some(text) = plain.get(lang.as_ref()).and_then(|m| m.get(key))
    {
        return Ok(text.clone());
    }
    let mut args = FluentArgs::new();
    for (k, v) in kwargs.iter() {
        let Some(name) = k.as_str() else { continue };
        if name == "key" {
            continue;
        }
        let value = if let Some(n) = v.as_i64() {
            FluentValue::from(n)
        } else if let Some(f) = v.as_f64() {
            FluentValue::from(f)
        } else if let Some(s) = v.as_str() {
            FluentValue::from(s)
        } else {
            FluentValue::from(v.to_string())
        };
        args.set(name, value);
    }
    let args = args.iter().next().is_some().then_some(&args);
    Ok(Value::from(i18n.text(&lang, key, args)))
}
