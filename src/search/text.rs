//! What the search index is made of: the sections of a chapter's HTML as plain text, and the
//! terms of a text. `assets/search.js` splits a query into terms the same way, so both sides
//! must change together (`tests/bcop/search.rs` runs the same cases through both).
//!
//! A term is folded: lower case, without accents (`operação` → `operacao`), full-width Latin
//! letters and digits as ASCII. Latin-script text is cut into words at anything that is not a
//! letter or a digit, so an apostrophe separates (`l'opérateur` → `l`, `operateur`); words of
//! one letter are dropped. Words joined by `-`, `.` or `_` are also kept whole, so a
//! requirement ID such as `ABUSE-RESP-01` is one term. Japanese and Chinese text has no spaces
//! between words: each run of kana and kanji gives its overlapping pairs of characters
//! (`応答時間` → `応答`, `答時`, `時間`), so any compound in the text is found by the pairs of
//! the query without a dictionary.

use unicode_normalization::char::decompose_canonical;
use unicode_normalization::char::is_combining_mark;

/// One section of a chapter: the text under a heading, up to the next heading.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Section {
    /// The heading's id (empty for the text before the first heading).
    pub id: String,
    /// The heading's number (`3.2`), when sections are numbered.
    pub number: String,
    /// The heading's text.
    pub title: String,
    /// The section's text, white space squeezed.
    pub text: String,
}

/// Splits a chapter's HTML into sections at its headings of levels 2 to 6 that have an id.
/// The heading's number (`<span class="secno">`) and its anchor link are not part of its
/// title; the contents of `<script>`, `<style>`, of elements hidden from readers
/// (`aria-hidden="true"`) and of bcop's notes on outdated sections are not text.
pub fn sections(html: &str) -> Vec<Section> {
    let mut out = vec![Section::default()];
    let mut in_heading: Option<u8> = None;
    // Depth of an element whose text is skipped, with its tag name.
    let mut skip: Option<(&str, usize)> = None;
    let mut in_secno = false;
    let mut rest = html;
    while !rest.is_empty() {
        let Some(lt) = rest.find('<') else {
            push_text(
                &mut out,
                rest,
                in_heading.is_some(),
                in_secno,
                skip.is_some(),
            );
            break;
        };
        push_text(
            &mut out,
            &rest[..lt],
            in_heading.is_some(),
            in_secno,
            skip.is_some(),
        );
        rest = &rest[lt..];
        let end = tag_end(rest);
        let tag = &rest[..end];
        rest = &rest[end..];
        if tag.starts_with("<!--") {
            continue;
        }
        let closing = tag.starts_with("</");
        let name_start = if closing { 2 } else { 1 };
        let name_len = tag[name_start..]
            .find(|c: char| !c.is_ascii_alphanumeric())
            .unwrap_or(tag.len() - name_start);
        let name = &tag[name_start..name_start + name_len];
        if let Some((skipped, depth)) = skip.as_mut() {
            if name.eq_ignore_ascii_case(skipped) {
                if closing {
                    *depth -= 1;
                    if *depth == 0 {
                        skip = None;
                    }
                } else if !tag.ends_with("/>") {
                    *depth += 1;
                }
            }
            continue;
        }
        let level = heading_level(name);
        if closing {
            if level.is_some() && level == in_heading {
                in_heading = None;
                if let Some(s) = out.last_mut() {
                    trim_end(&mut s.title);
                    trim_end(&mut s.number);
                }
            } else if in_secno && name == "span" {
                in_secno = false;
            }
            continue;
        }
        if matches!(name, "script" | "style")
            || tag.contains("aria-hidden=\"true\"")
            || tag.contains("class=\"anchor\"")
            || tag.contains("class=\"outdated-mark\"")
        {
            if !tag.ends_with("/>") {
                skip = Some((name, 1));
            }
            continue;
        }
        if let Some(l) = level.filter(|&l| l >= 2)
            && let Some(id) = attribute(tag, "id")
        {
            let mut s = Section {
                id: unescape(id),
                ..Section::default()
            };
            s.text.reserve(256);
            if let Some(last) = out.last_mut() {
                trim_end(&mut last.text);
            }
            out.push(s);
            in_heading = Some(l);
            continue;
        }
        if in_heading.is_some() && name == "span" && tag.contains("class=\"secno\"") {
            in_secno = true;
        } else if !INLINE.contains(&name) {
            // Block boundaries separate words.
            if let Some(s) = out.last_mut()
                && !s.text.is_empty()
                && !s.text.ends_with(' ')
            {
                s.text.push(' ');
            }
        }
    }
    if let Some(last) = out.last_mut() {
        trim_end(&mut last.text);
    }
    if out[0].text.is_empty() && out.len() > 1 {
        out.remove(0);
    }
    out
}

/// Elements inside which text runs on without a break.
const INLINE: &[&str] = &[
    "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "i", "kbd", "mark", "q",
    "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var", "del", "ins",
];

fn heading_level(name: &str) -> Option<u8> {
    match name.as_bytes() {
        [b'h', d @ b'1'..=b'6'] => Some(d - b'0'),
        _ => None,
    }
}

/// Where the tag that `s` starts with ends (after its `>`), quotes respected.
fn tag_end(s: &str) -> usize {
    if s.starts_with("<!--") {
        return s.find("-->").map_or(s.len(), |i| i + 3);
    }
    let mut quote = None;
    for (i, b) in s.bytes().enumerate().skip(1) {
        match (quote, b) {
            (None, b'"' | b'\'') => quote = Some(b),
            (Some(q), _) if q == b => quote = None,
            (None, b'>') => return i + 1,
            _ => {}
        }
    }
    s.len()
}

/// The value of attribute `name` in a tag written by bcop's renderer (double quotes).
fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let key = [" ", name, "=\""].concat();
    let at = tag.find(&key)? + key.len();
    let len = tag[at..].find('"')?;
    Some(&tag[at..at + len])
}

fn push_text(out: &mut [Section], raw: &str, heading: bool, secno: bool, skipped: bool) {
    if skipped || raw.is_empty() {
        return;
    }
    let Some(s) = out.last_mut() else { return };
    let target = if secno {
        &mut s.number
    } else if heading {
        &mut s.title
    } else {
        &mut s.text
    };
    let mut space = target.is_empty() || target.ends_with(' ');
    let mut from = 0;
    while from < raw.len() {
        let (piece, next) = match raw[from..].find('&') {
            Some(0) => {
                let end = raw[from..]
                    .find(';')
                    .filter(|&e| e <= 10)
                    .map_or(from + 1, |e| from + e + 1);
                (Some(entity(&raw[from..end])), end)
            }
            Some(n) => (None, from + n),
            None => (None, raw.len()),
        };
        let text: &str = match &piece {
            Some(Some(c)) => c,
            Some(None) => &raw[from..next],
            None => &raw[from..next],
        };
        for c in text.chars() {
            if c.is_whitespace() {
                if !space {
                    target.push(' ');
                    space = true;
                }
            } else {
                target.push(c);
                space = false;
            }
        }
        from = next;
    }
}

/// The character an HTML entity stands for (the ones pulldown-cmark and bcop write).
fn entity(e: &str) -> Option<String> {
    Some(match e {
        "&amp;" => "&".into(),
        "&lt;" => "<".into(),
        "&gt;" => ">".into(),
        "&quot;" => "\"".into(),
        "&#39;" | "&#x27;" | "&apos;" => "'".into(),
        "&nbsp;" => " ".into(),
        _ => {
            let num = e.strip_prefix("&#")?.strip_suffix(';')?;
            let n = match num.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => num.parse().ok()?,
            };
            char::from_u32(n)?.to_string()
        }
    })
}

fn unescape(s: &str) -> String {
    let mut sec = [Section::default()];
    push_text(&mut sec, s, false, false, false);
    std::mem::take(&mut sec[0].text)
}

fn trim_end(s: &mut String) {
    let len = s.trim_end().len();
    s.truncate(len);
}

/// Kana, kanji and the other characters of scripts written without spaces between words.
pub fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{3040}'..='\u{30FF}' // hiragana, katakana (with ー)
        | '\u{3400}'..='\u{4DBF}' // CJK extension A
        | '\u{4E00}'..='\u{9FFF}' // CJK unified ideographs
        | '\u{F900}'..='\u{FAFF}' // compatibility ideographs
        | '\u{FF66}'..='\u{FF9F}' // half-width katakana
        | '\u{20000}'..='\u{2FFFF}')
}

/// `c` folded for searching: lower case, accents removed, full-width Latin as ASCII. Kana keep
/// their voicing marks (`が` is not `か`). Pushes nothing for a combining mark.
pub fn fold(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    if ('\u{FF01}'..='\u{FF5E}').contains(&c) {
        // Full-width ASCII: `Ｗｉ－Ｆｉ` is `wi-fi`.
        if let Some(a) = char::from_u32(c as u32 - 0xFEE0) {
            out.push(a.to_ascii_lowercase());
        }
        return;
    }
    if is_cjk(c) {
        out.push(c);
        return;
    }
    match c {
        'ß' => out.push_str("ss"),
        'æ' | 'Æ' => out.push_str("ae"),
        'œ' | 'Œ' => out.push_str("oe"),
        'ø' | 'Ø' => out.push('o'),
        'đ' | 'Đ' => out.push('d'),
        'ł' | 'Ł' => out.push('l'),
        'ı' => out.push('i'),
        _ => decompose_canonical(c, |d| {
            if !is_combining_mark(d) {
                for l in d.to_lowercase() {
                    out.push(l);
                }
            }
        }),
    }
}

/// Whether `c` can be part of a Latin-script word.
fn is_word(c: char) -> bool {
    c.is_alphanumeric() && !is_cjk(c)
}

/// Calls `each` with every term of `text`, in order (a term may come more than once).
pub fn terms(text: &str, mut each: impl FnMut(&str)) {
    let mut folded = String::with_capacity(text.len());
    for c in text.chars() {
        fold(c, &mut folded);
    }
    let chars: Vec<char> = folded.chars().collect();
    let mut i = 0;
    let mut buf = String::new();
    while i < chars.len() {
        let c = chars[i];
        if is_cjk(c) {
            let start = i;
            while i < chars.len() && is_cjk(chars[i]) {
                i += 1;
            }
            if i - start == 1 {
                buf.clear();
                buf.push(c);
                each(&buf);
            }
            for pair in chars[start..i].windows(2) {
                buf.clear();
                buf.extend(pair);
                each(&buf);
            }
        } else if is_word(c) {
            // A compound: words joined by single `-`, `.` or `_`.
            let start = i;
            let mut parts = 1;
            let mut word_start = i;
            loop {
                while i < chars.len() && is_word(chars[i]) {
                    i += 1;
                }
                if i - word_start >= 2 {
                    buf.clear();
                    buf.extend(&chars[word_start..i]);
                    each(&buf);
                }
                if i + 1 < chars.len()
                    && matches!(chars[i], '-' | '.' | '_')
                    && is_word(chars[i + 1])
                {
                    i += 1;
                    word_start = i;
                    parts += 1;
                } else {
                    break;
                }
            }
            if parts > 1 {
                buf.clear();
                buf.extend(&chars[start..i]);
                each(&buf);
            }
        } else {
            i += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(text: &str) -> Vec<String> {
        let mut v = Vec::new();
        terms(text, |t| v.push(t.to_string()));
        v
    }

    #[test]
    fn latin_words_are_folded_and_split() {
        assert_eq!(all("Operação"), ["operacao"]);
        assert_eq!(all("l'opérateur d’accès"), ["operateur", "acces"]);
        assert_eq!(all("Straße ŒUVRE"), ["strasse", "oeuvre"]);
        assert_eq!(all("Ｗｉ－Ｆｉ"), ["wi", "fi", "wi-fi"]);
        assert_eq!(all("a I x"), Vec::<String>::new());
    }

    #[test]
    fn compounds_are_kept_whole_as_well() {
        assert_eq!(
            all("see ABUSE-RESP-01."),
            ["see", "abuse", "resp", "01", "abuse-resp-01"]
        );
        assert_eq!(all("RFC 2119, v1.2"), ["rfc", "2119", "v1", "v1.2"]);
        assert_eq!(all("end-"), ["end"]);
    }

    #[test]
    fn joiners_and_lone_letters_in_a_row() {
        assert_eq!(
            all("See ABUSE-RESP-01., v1.2 a-b x_y_z -q RFC2119 end- é"),
            [
                "see",
                "abuse",
                "resp",
                "01",
                "abuse-resp-01",
                "v1",
                "v1.2",
                "a-b",
                "x_y_z",
                "rfc2119",
                "end"
            ]
        );
    }

    #[test]
    fn kana_and_kanji_give_pairs() {
        assert_eq!(all("応答時間を"), ["応答", "答時", "時間", "間を"]);
        assert_eq!(all("鍵 が"), ["鍵", "が"]);
        assert_eq!(all("メールの"), ["メー", "ール", "ルの"]);
        assert_eq!(all("SPF（送信）"), ["spf", "送信"]);
    }

    #[test]
    fn sections_split_at_headings_with_ids() {
        let html = "<p>Intro &amp; more</p>\n<h2 id=\"scope\"><span class=\"secno\">1</span> Scope<a class=\"anchor\" href=\"#scope\" aria-hidden=\"true\" tabindex=\"-1\">#</a></h2>\n<p>The <em>desk</em> MUST answer.</p><ul><li>one</li><li>two</li></ul><h3 id=\"a&amp;b\">A <code>x</code></h3><p class=\"outdated-mark\" role=\"note\">Changed.</p><p>t</p><script>no()</script>";
        let s = sections(html);
        assert_eq!(s.len(), 3);
        assert_eq!(s[0].text, "Intro & more");
        assert_eq!(
            (s[1].id.as_str(), s[1].number.as_str(), s[1].title.as_str()),
            ("scope", "1", "Scope")
        );
        assert_eq!(s[1].text, "The desk MUST answer. one two");
        assert_eq!((s[2].id.as_str(), s[2].title.as_str()), ("a&b", "A x"));
        assert_eq!(s[2].text, "t");
    }

    #[test]
    fn text_before_the_first_heading_is_dropped_only_when_empty() {
        let s = sections("<h2 id=\"x\">X</h2><p>y</p>");
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].id, "x");
        assert_eq!(sections("").len(), 1);
    }
}
