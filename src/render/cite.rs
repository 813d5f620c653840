//! "Cite this": a version's citation in BibTeX, RIS and CSL-JSON, made at build time and put
//! into the cover page as `data:` URLs, so that citing costs no extra file per edition and the
//! downloads work from any host and from `file://`.
//!
//! Names in front matter are display strings ("Ana Ferreira (Example Networks)"). The formats
//! want family and given names, so a trailing parenthesised affiliation is dropped, and the
//! last word is the family name (with the lower-case particles before it: "van Beethoven"),
//! except in names written in Chinese, Japanese or Korean script, which start with it.

use crate::i18n::I18n;
use crate::load::config::SiteConfig;
use crate::paths::out;
use crate::resolve::{DocVersion, LangState};
use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use serde::Serialize;

/// What a citation says about one edition of one version.
#[derive(Debug, Clone)]
pub struct Citation<'a> {
    /// `<doc>-<version>-<lang>`: the BibTeX key, the CSL id and the downloads' file name.
    pub key: String,
    pub authors: &'a [String],
    pub translators: &'a [String],
    pub title: &'a str,
    pub version: &'a str,
    /// The version's `publisher`, else the site.
    pub publisher: &'a str,
    /// `YYYY-MM-DD` (load checks it).
    pub date: Option<&'a str>,
    /// The BCP 47 code of the cited text.
    pub lang: &'a str,
    pub url: String,
    pub id: Option<&'a str>,
}

impl<'a> Citation<'a> {
    /// The citation of version `v` of document `slug` as read in `lang`, where its title is
    /// `title`. An untranslated edition cites the source text: its language, its URL, no
    /// translators. The cover page and the PDF's title page both cite through this.
    pub fn of(
        config: &'a SiteConfig,
        slug: &str,
        v: &'a DocVersion,
        lang: &str,
        title: &'a str,
    ) -> Self {
        let edition = v.edition(lang).filter(|e| e.state != LangState::Missing);
        let text_lang = edition.map_or(config.source_language.as_str(), |e| &e.lang);
        let translators = edition
            .and_then(|e| e.meta.as_ref())
            .map_or(&[][..], |m| m.translators.as_slice());
        let url = [
            config.base_url.as_str(),
            &out::chapter(text_lang, slug, &v.version.name, out::INDEX),
        ]
        .concat();
        Self {
            key: [slug, "-", &v.version.name, "-", text_lang].concat(),
            authors: &v.meta.authors,
            translators,
            title,
            version: &v.version.name,
            publisher: v.meta.publisher.as_deref().unwrap_or(&config.title),
            date: v.meta.date.as_deref(),
            lang: text_lang,
            url,
            id: v.meta.id.as_deref(),
        }
    }

    /// The reference as a sentence in `lang` (Fluent's `cite-text`), with `title` where the
    /// title goes (the page puts a mark there, to set the title in `<cite>`). `language` is
    /// the cited text's language as a sentence in `lang` names it.
    pub fn sentence(&self, i18n: &I18n, lang: &str, language: &str, title: &str) -> String {
        let names = |list: &[String]| {
            let sep = i18n.text(lang, "name-separator", None);
            list.iter()
                .map(|n| display_name(n))
                .collect::<Vec<_>>()
                .join(&sep)
        };
        let authors = if self.authors.is_empty() {
            self.publisher.to_string()
        } else {
            names(self.authors)
        };
        let mut args = fluent_bundle::FluentArgs::new();
        args.set("authors", authors);
        args.set("title", title);
        args.set("version", self.version);
        args.set("has_id", u8::from(self.id.is_some()));
        args.set("id", self.id.unwrap_or(""));
        args.set("translators_count", self.translators.len());
        args.set("translators", names(self.translators));
        args.set("publisher", self.publisher);
        args.set(
            "date",
            self.date
                .map_or_else(|| i18n.text(lang, "cite-undated", None), str::to_string),
        );
        args.set("language", language);
        args.set("url", self.url.as_str());
        i18n.text(lang, "cite-text", Some(&args))
    }
}

/// A person's name split for bibliographies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Name {
    pub family: String,
    /// `None` for a one-word name, which the formats keep whole.
    pub given: Option<String>,
}

impl Name {
    pub fn parse(written: &str) -> Self {
        let name = display_name(written);
        let words: Vec<&str> = name.split_whitespace().collect();
        let Some((&last, before)) = words.split_last().filter(|(_, b)| !b.is_empty()) else {
            return Self {
                family: name.to_string(),
                given: None,
            };
        };
        if name.chars().next().is_some_and(is_cjk) {
            return Self {
                family: words[0].to_string(),
                given: Some(words[1..].join(" ")),
            };
        }
        let particles = before
            .iter()
            .rev()
            .take_while(|w| w.chars().next().is_some_and(char::is_lowercase))
            .count();
        let (given, particles) = before.split_at(before.len() - particles);
        if given.is_empty() {
            return Self {
                family: name.to_string(),
                given: None,
            };
        }
        let mut family = particles.to_vec();
        family.push(last);
        Self {
            family: family.join(" "),
            given: Some(given.join(" ")),
        }
    }

    /// `Family, Given`, as RIS and BibTeX want it.
    fn inverted(&self) -> String {
        match &self.given {
            Some(g) => [self.family.as_str(), ", ", g].concat(),
            None => self.family.clone(),
        }
    }
}

/// The name without a trailing parenthesised affiliation: what the page's reference shows.
pub fn display_name(written: &str) -> &str {
    let t = written.trim();
    match t.strip_suffix(')').and_then(|s| s.rfind(" (")) {
        Some(open) if open > 0 => t[..open].trim_end(),
        _ => t,
    }
}

fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{3040}'..='\u{30FF}'   // Hiragana, Katakana
        | '\u{3400}'..='\u{4DBF}' // CJK extension A
        | '\u{4E00}'..='\u{9FFF}' // CJK unified ideographs
        | '\u{AC00}'..='\u{D7AF}' // Hangul syllables
        | '\u{F900}'..='\u{FAFF}' // CJK compatibility ideographs
        | '\u{20000}'..='\u{2FA1F}')
}

/// `2025-03-14` → (2025, 3, 14).
fn date_parts(date: &str) -> Option<(u32, u32, u32)> {
    let mut it = date.splitn(3, '-').map(str::parse::<u32>);
    Some((it.next()?.ok()?, it.next()?.ok()?, it.next()?.ok()?))
}

/// biblatex's `langid` wants a babel language name, not a BCP 47 code.
fn babel_name(lang: &str) -> Option<&'static str> {
    Some(match lang {
        "en" => "english",
        "en-US" => "american",
        "en-GB" => "british",
        "pt-BR" => "brazilian",
        "pt" | "pt-PT" => "portuguese",
        "es" => "spanish",
        "fr" => "french",
        "ja" => "japanese",
        "de" => "ngerman",
        "it" => "italian",
        "nl" => "dutch",
        _ => return None,
    })
}

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// A BibTeX field value: LaTeX's special characters escaped, braces as commands (an escaped
/// brace still counts for BibTeX's balance), non-ASCII kept as UTF-8.
fn bibtex_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '{' => out.push_str("\\textbraceleft{}"),
            '}' => out.push_str("\\textbraceright{}"),
            '\\' => out.push_str("\\textbackslash{}"),
            '~' => out.push_str("\\textasciitilde{}"),
            '^' => out.push_str("\\textasciicircum{}"),
            '%' | '&' | '$' | '#' | '_' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

fn bibtex_names(names: &[String]) -> String {
    names
        .iter()
        .map(|n| {
            let name = Name::parse(n);
            let family = bibtex_escape(&name.family);
            // Braced, a family name of several words, or one with "and", stays one part.
            let family = if family.contains(' ') {
                ["{", family.as_str(), "}"].concat()
            } else {
                family
            };
            match &name.given {
                Some(g) => [family.as_str(), ", ", &bibtex_escape(g)].concat(),
                None => family,
            }
        })
        .collect::<Vec<_>>()
        .join(" and ")
}

/// A RIS value: one line, without the tag separator's line breaks.
fn ris_value(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

impl Citation<'_> {
    /// A `@techreport`: a numbered document issued by an organisation (the site), which
    /// classic BibTeX styles print with its number and biblatex reads as `@report`.
    pub fn bibtex(&self) -> String {
        // (name, value, whether the value is braced: a month is a macro, written bare)
        let mut fields: Vec<(&str, String, bool)> = Vec::new();
        if !self.authors.is_empty() {
            fields.push(("author", bibtex_names(self.authors), true));
        }
        if !self.translators.is_empty() {
            fields.push(("translator", bibtex_names(self.translators), true));
        }
        // The extra braces keep the title's capitals: styles lower-case titles.
        fields.push((
            "title",
            ["{", &bibtex_escape(self.title), "}"].concat(),
            true,
        ));
        fields.push(("institution", bibtex_escape(self.publisher), true));
        if let Some(id) = self.id {
            fields.push(("number", bibtex_escape(id), true));
        }
        fields.push(("version", bibtex_escape(self.version), true));
        if let Some(date) = self.date {
            fields.push(("date", bibtex_escape(date), true));
            if let Some((y, m, _)) = date_parts(date) {
                fields.push(("year", y.to_string(), true));
                if let Some(month) = MONTHS.get(m.wrapping_sub(1) as usize) {
                    fields.push(("month", month.to_string(), false));
                }
            }
        }
        fields.push(("language", bibtex_escape(self.lang), true));
        if let Some(babel) = babel_name(self.lang) {
            fields.push(("langid", babel.to_string(), true));
        }
        fields.push(("url", self.url.clone(), true));
        let mut out = format!("@techreport{{{},\n", self.key);
        for (name, value, braced) in fields {
            if braced {
                out.push_str(&format!("  {name} = {{{value}}},\n"));
            } else {
                out.push_str(&format!("  {name} = {value},\n"));
            }
        }
        out.push_str("}\n");
        out
    }

    /// RIS as its specification has it: `TY  - RPRT` first, `ER  - ` last, CR LF line ends;
    /// translators are `A4` (subsidiary authors), the version is the edition `ET`, the id the
    /// report number `SN`.
    pub fn ris(&self) -> String {
        let mut lines: Vec<(&str, String)> = vec![("TY", "RPRT".into())];
        for a in self.authors {
            lines.push(("AU", ris_value(&Name::parse(a).inverted())));
        }
        for t in self.translators {
            lines.push(("A4", ris_value(&Name::parse(t).inverted())));
        }
        lines.push(("TI", ris_value(self.title)));
        lines.push(("ET", ris_value(self.version)));
        lines.push(("PB", ris_value(self.publisher)));
        if let Some(id) = self.id {
            lines.push(("SN", ris_value(id)));
        }
        if let Some((y, m, d)) = self.date.and_then(date_parts) {
            lines.push(("PY", y.to_string()));
            lines.push(("DA", format!("{y:04}/{m:02}/{d:02}/")));
        }
        lines.push(("LA", ris_value(self.lang)));
        lines.push(("UR", ris_value(&self.url)));
        lines.push(("ER", String::new()));
        lines
            .into_iter()
            .map(|(tag, value)| format!("{tag}  - {value}\r\n"))
            .collect()
    }

    /// CSL-JSON: an array with one `report` item, as citeproc-js, Zotero and pandoc read it.
    pub fn csl_json(&self) -> String {
        let item = CslItem {
            id: &self.key,
            kind: "report",
            title: self.title,
            author: self.authors.iter().map(|n| CslName::of(n)).collect(),
            translator: self.translators.iter().map(|n| CslName::of(n)).collect(),
            version: self.version,
            number: self.id,
            publisher: self.publisher,
            issued: self.date.and_then(date_parts).map(|(y, m, d)| CslDate {
                date_parts: [[y, m, d]],
            }),
            language: self.lang,
            url: &self.url,
        };
        serde_json::to_string(&[item]).unwrap_or_else(|_| unreachable!("plain strings"))
    }
}

#[derive(Serialize)]
struct CslItem<'a> {
    id: &'a str,
    #[serde(rename = "type")]
    kind: &'a str,
    title: &'a str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    author: Vec<CslName>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    translator: Vec<CslName>,
    version: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    number: Option<&'a str>,
    publisher: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    issued: Option<CslDate>,
    language: &'a str,
    #[serde(rename = "URL")]
    url: &'a str,
}

#[derive(Serialize)]
#[serde(untagged)]
enum CslName {
    Split { family: String, given: String },
    Literal { literal: String },
}

impl CslName {
    fn of(written: &str) -> Self {
        let n = Name::parse(written);
        match n.given {
            Some(given) => Self::Split {
                family: n.family,
                given,
            },
            None => Self::Literal { literal: n.family },
        }
    }
}

#[derive(Serialize)]
struct CslDate {
    #[serde(rename = "date-parts")]
    date_parts: [[u32; 3]; 1],
}

/// Left as they are in a `data:` URL: safe in a double-quoted HTML attribute without escaping.
const DATA_URL: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~')
    .remove(b'!')
    .remove(b'*')
    .remove(b'(')
    .remove(b')')
    .remove(b',')
    .remove(b';')
    .remove(b':')
    .remove(b'=')
    .remove(b'@')
    .remove(b'/');

/// A `data:` URL of UTF-8 text of type `mime`, percent-encoded.
pub fn data_url(mime: &str, text: &str) -> String {
    [
        "data:",
        mime,
        ";charset=utf-8,",
        &utf8_percent_encode(text, DATA_URL).to_string(),
    ]
    .concat()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn citation<'a>(authors: &'a [String], translators: &'a [String]) -> Citation<'a> {
        Citation {
            key: "guide-1.2-es".into(),
            authors,
            translators,
            title: "50% & more_{x}",
            version: "1.2",
            publisher: "Ops Library",
            date: Some("2025-03-14"),
            lang: "es",
            url: "https://example.org/es/guide/1.2/index.html".into(),
            id: Some("BCOP-1#2"),
        }
    }

    fn people() -> (Vec<String>, Vec<String>) {
        (
            vec![
                "Lucía Ortega (Meridiano Hosting)".into(),
                "森田 健二".into(),
            ],
            vec!["Jan van der Berg".into()],
        )
    }

    #[test]
    fn names_lose_their_affiliation_and_split_by_script() {
        let n = |f: &str, g: Option<&str>| Name {
            family: f.into(),
            given: g.map(str::to_string),
        };
        assert_eq!(
            Name::parse("Lucía Ortega (Meridiano Hosting)"),
            n("Ortega", Some("Lucía"))
        );
        assert_eq!(Name::parse("森田 健二"), n("森田", Some("健二")));
        assert_eq!(Name::parse("佐藤美咲"), n("佐藤美咲", None));
        assert_eq!(
            Name::parse("Jan van der Berg"),
            n("van der Berg", Some("Jan"))
        );
        assert_eq!(Name::parse("(Anonymous)"), n("(Anonymous)", None));
    }

    #[test]
    fn bibtex_escapes_specials_and_keeps_utf8() {
        let (a, t) = people();
        assert_eq!(
            citation(&a, &t).bibtex(),
            "@techreport{guide-1.2-es,\n\
             \x20 author = {Ortega, Lucía and 森田, 健二},\n\
             \x20 translator = {{van der Berg}, Jan},\n\
             \x20 title = {{50\\% \\& more\\_\\textbraceleft{}x\\textbraceright{}}},\n\
             \x20 institution = {Ops Library},\n\
             \x20 number = {BCOP-1\\#2},\n\
             \x20 version = {1.2},\n\
             \x20 date = {2025-03-14},\n\
             \x20 year = {2025},\n\
             \x20 month = mar,\n\
             \x20 language = {es},\n\
             \x20 langid = {spanish},\n\
             \x20 url = {https://example.org/es/guide/1.2/index.html},\n\
             }\n"
        );
    }

    #[test]
    fn ris_has_one_tag_a_line_from_ty_to_er() {
        let (a, t) = people();
        assert_eq!(
            citation(&a, &t).ris(),
            "TY  - RPRT\r\n\
             AU  - Ortega, Lucía\r\n\
             AU  - 森田, 健二\r\n\
             A4  - van der Berg, Jan\r\n\
             TI  - 50% & more_{x}\r\n\
             ET  - 1.2\r\n\
             PB  - Ops Library\r\n\
             SN  - BCOP-1#2\r\n\
             PY  - 2025\r\n\
             DA  - 2025/03/14/\r\n\
             LA  - es\r\n\
             UR  - https://example.org/es/guide/1.2/index.html\r\n\
             ER  - \r\n"
        );
    }

    #[test]
    fn csl_json_is_one_report_item() {
        let (a, t) = people();
        assert_eq!(
            citation(&a, &t).csl_json(),
            r#"[{"id":"guide-1.2-es","type":"report","title":"50% & more_{x}","author":[{"family":"Ortega","given":"Lucía"},{"family":"森田","given":"健二"}],"translator":[{"family":"van der Berg","given":"Jan"}],"version":"1.2","number":"BCOP-1#2","publisher":"Ops Library","issued":{"date-parts":[[2025,3,14]]},"language":"es","URL":"https://example.org/es/guide/1.2/index.html"}]"#
        );
    }

    #[test]
    fn an_untranslated_undated_citation_leaves_its_fields_out() {
        let c = Citation {
            date: None,
            id: None,
            lang: "en",
            ..citation(&[], &[])
        };
        assert!(!c.bibtex().contains("translator") && !c.bibtex().contains("year"));
        assert!(c.bibtex().contains("langid = {english}"));
        assert!(!c.ris().contains("A4  - ") && !c.ris().contains("DA  - "));
        let json: serde_json::Value = serde_json::from_str(&c.csl_json()).expect("json");
        assert!(json[0].get("translator").is_none() && json[0].get("issued").is_none());
    }

    #[test]
    fn a_data_url_is_percent_encoded_and_safe_in_an_attribute() {
        let url = data_url("application/x-bibtex", "a \"b\" <c> & 'd' %{é}\n");
        assert_eq!(
            url,
            "data:application/x-bibtex;charset=utf-8,a%20%22b%22%20%3Cc%3E%20%26%20%27d%27%20%25%7B%C3%A9%7D%0A"
        );
        let body = url.split_once(',').map(|(_, b)| b).unwrap_or_default();
        let back = percent_encoding::percent_decode_str(body)
            .decode_utf8()
            .expect("utf-8");
        assert_eq!(back, "a \"b\" <c> & 'd' %{é}\n");
    }
}
