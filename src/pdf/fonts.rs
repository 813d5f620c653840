//! Which fonts each chapter is set in, and the checks that keep text from turning into tofu.
//!
//! Typst falls back to any installed font that has a glyph, but the choice matters: Han
//! characters look different in Japanese, Chinese and Korean fonts, and a machine without
//! any CJK font would print empty boxes. So bcop picks the CJK fonts itself, in the order
//! that suits the text's language, and refuses to typeset CJK text it has no font for.

use std::collections::BTreeSet;

use super::escape::string;
use super::world::Fonts;

/// The Latin fonts come with Typst, so they are the same on every machine.
pub(crate) const LATIN_SERIF: &str = "Libertinus Serif";
pub(crate) const LATIN_MONO: &str = "DejaVu Sans Mono";

const JA: &[&str] = &[
    "Noto Serif CJK JP",
    "Source Han Serif JP",
    "Source Han Serif",
    "IPAexMincho",
    "IPAMincho",
    "Noto Sans CJK JP",
    "Source Han Sans JP",
    "Source Han Sans",
    "IPAexGothic",
    "IPAGothic",
    // bcop's own (see `world::BUNDLED`): always there, so it comes last.
    "BIZ UDGothic",
];
const SC: &[&str] = &[
    "Noto Serif CJK SC",
    "Source Han Serif SC",
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "WenQuanYi Zen Hei",
];
const TC: &[&str] = &[
    "Noto Serif CJK TC",
    "Source Han Serif TC",
    "Noto Sans CJK TC",
    "Source Han Sans TC",
];
const KR: &[&str] = &[
    "Noto Serif CJK KR",
    "Source Han Serif K",
    "Noto Sans CJK KR",
    "Source Han Sans K",
    "Nanum Myeongjo",
    "NanumGothic",
];
const MONO: &[&str] = &[
    "Noto Sans Mono CJK JP",
    "Noto Sans Mono CJK SC",
    "Noto Sans Mono CJK TC",
    "Noto Sans Mono CJK KR",
];

/// The font lists that one piece of text (the title page, or a chapter) is set in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct FontStack {
    /// Installed CJK families, best first for the language.
    pub cjk: Vec<String>,
    /// Installed CJK monospace families, for code.
    pub cjk_mono: Vec<String>,
    /// Japanese, Chinese or Korean: Latin letters keep the Latin font, but punctuation
    /// shared with CJK (quotes, ellipsis) comes from the CJK font, as Japanese readers expect.
    pub cjk_lang: bool,
}

impl FontStack {
    pub fn for_lang(fonts: &Fonts, lang: &str) -> Self {
        let (primary, region) = split_lang(lang);
        let order: [&[&str]; 4] = match primary.as_str() {
            "zh" if matches!(region.as_deref(), Some("TW" | "HK" | "MO"))
                || lang.to_ascii_lowercase().contains("hant") =>
            {
                [TC, SC, JA, KR]
            }
            "zh" => [SC, TC, JA, KR],
            "ko" => [KR, JA, SC, TC],
            _ => [JA, SC, TC, KR],
        };
        let mut cjk: Vec<String> = Vec::new();
        for name in order.iter().flat_map(|list| list.iter()) {
            if let Some(family) = fonts.family(name)
                && !cjk.contains(&family)
            {
                cjk.push(family);
            }
        }
        if cjk.is_empty() {
            // No font we know of: any font with kanji will do better than none.
            cjk = fonts.families_covering('漢');
        }
        let mut cjk_mono: Vec<String> = MONO.iter().filter_map(|n| fonts.family(n)).collect();
        if primary == "ja" {
            cjk_mono.sort_by_key(|f| !f.ends_with("JP"));
        }
        Self {
            cjk,
            cjk_mono,
            cjk_lang: is_cjk_lang(&primary),
        }
    }

    /// The Typst value for `text(font: ..)`.
    pub fn body(&self) -> String {
        let latin = if self.cjk_lang && !self.cjk.is_empty() {
            format!("(name: {}, covers: \"latin-in-cjk\")", string(LATIN_SERIF))
        } else {
            string(LATIN_SERIF)
        };
        font_list(latin, &self.cjk)
    }

    /// The Typst value for the font of code.
    pub fn mono(&self) -> String {
        let cjk: Vec<String> = self.cjk_mono.iter().chain(&self.cjk).cloned().collect();
        font_list(string(LATIN_MONO), &cjk)
    }
}

fn font_list(first: String, rest: &[String]) -> String {
    let mut out = format!("({first}, ");
    for family in rest {
        out.push_str(&string(family));
        out.push_str(", ");
    }
    out.push(')');
    out
}

/// `pt-BR` → (`pt`, `BR`): Typst takes the language and the region apart.
pub(crate) fn split_lang(tag: &str) -> (String, Option<String>) {
    let mut parts = tag.split(['-', '_']);
    let lang = parts.next().unwrap_or("").to_ascii_lowercase();
    let lang = if (2..=3).contains(&lang.len()) && lang.chars().all(|c| c.is_ascii_alphabetic()) {
        lang
    } else {
        // Typst rejects anything else; the configuration is validated long before this.
        "en".to_string()
    };
    let region = parts
        .find(|p| p.len() == 2 && p.chars().all(|c| c.is_ascii_alphabetic()))
        .map(|p| p.to_ascii_uppercase());
    (lang, region)
}

pub(crate) fn is_cjk_lang(primary: &str) -> bool {
    matches!(primary, "ja" | "zh" | "ko")
}

/// Characters that only a CJK font can show: kana, Han, Hangul, CJK punctuation and
/// full-width forms.
pub(crate) fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x1100..=0x11FF | 0x2E80..=0x9FFF | 0xA960..=0xA97F | 0xAC00..=0xD7FF
        | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFFEF | 0x20000..=0x3FFFF)
}

/// Characters that need a glyph (space and control characters need none).
pub(crate) fn distinct_visible_chars<'a>(
    texts: impl IntoIterator<Item = &'a str>,
) -> BTreeSet<char> {
    let mut chars = BTreeSet::new();
    for text in texts {
        chars.extend(
            text.chars()
                .filter(|c| !c.is_whitespace() && !c.is_control()),
        );
    }
    chars
}

/// The families bcop looks for, for the message when none is installed.
pub(crate) fn wanted_families(lang: &str) -> String {
    let (primary, _) = split_lang(lang);
    let list = match primary.as_str() {
        "zh" => SC,
        "ko" => KR,
        _ => JA,
    };
    list.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_tags_split_into_language_and_region() {
        assert_eq!(split_lang("pt-BR"), ("pt".into(), Some("BR".into())));
        assert_eq!(split_lang("ja"), ("ja".into(), None));
        assert_eq!(split_lang("zh-Hant-TW"), ("zh".into(), Some("TW".into())));
        assert_eq!(split_lang("#bad"), ("en".into(), None));
    }

    #[test]
    fn kana_kanji_hangul_and_full_width_forms_are_cjk() {
        for c in ['あ', 'ア', '漢', '한', '。', '！'] {
            assert!(is_cjk(c), "{c}");
        }
        for c in ['a', 'é', '—', '→'] {
            assert!(!is_cjk(c), "{c}");
        }
    }
}
