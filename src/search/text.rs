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

use std::ops::Range;
use unicode_normalization::char::decompose_canonical;
use unicode_normalization::char::is_combining_mark;

/// One section of a chapter: the text under a heading, up to the next heading.
#[cfg(test)]
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

/// Where one section's line is in the text [`split`] writes, and its heading and text in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fields {
    /// The whole line, its line break included.
    pub line: Range<usize>,
    pub title: Range<usize>,
    pub text: Range<usize>,
    /// Where the text's blocks (paragraphs, list items, cells…) start after its first, as
    /// indexes into the cuts [`split`] returns. Each cut follows a space, so the text's terms
    /// are its blocks' terms, one block after the other.
    pub cuts: Range<usize>,
}

/// What [`split`] finds in a chapter: its sections, and where their blocks start in the text
/// it wrote.
#[derive(Debug, Default)]
pub struct Split {
    pub fields: Vec<Fields>,
    pub cuts: Vec<u32>,
}

/// Splits a chapter's HTML into sections at its headings of levels 2 to 6 that have an id,
/// and appends each to `out` as a line: the heading's id, number and text, and the section's
/// text, separated by tabs, each with its white space squeezed to single spaces (so none holds
/// a tab or a line break). The text before the first heading is a section without id or
/// heading, left out when it is empty and a heading follows. The heading's number (`<span
/// class="secno">`) and its anchor link are not part of its title; the contents of
/// `<script>`, `<style>`, of elements hidden from readers (`aria-hidden="true"`) and of bcop's
/// notes on outdated sections are not text.
pub fn split(html: &str, out: &mut String) -> Split {
    let mut w = Writer::new(out);
    // Depth of an element whose text is skipped, with its tag name.
    let mut skip: Option<(&str, usize)> = None;
    let mut heading: Option<u8> = None;
    let mut rest = html;
    while !rest.is_empty() {
        let Some(lt) = rest.find('<') else {
            if skip.is_none() {
                w.text(rest);
            }
            break;
        };
        if skip.is_none() && lt > 0 {
            w.text(&rest[..lt]);
        }
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
            if level.is_some() && level == heading {
                heading = None;
                w.heading_end();
            } else if name == "span" {
                w.secno_end();
            }
            continue;
        }
        let plain = !tag.contains(' ');
        if matches!(name, "script" | "style")
            || !plain
                && (tag.contains("aria-hidden=\"true\"")
                    || tag.contains("class=\"anchor\"")
                    || tag.contains("class=\"outdated-mark\""))
        {
            if !tag.ends_with("/>") {
                skip = Some((name, 1));
            }
            continue;
        }
        if let Some(l) = level.filter(|&l| l >= 2)
            && let Some(id) = attribute(tag, "id")
        {
            w.heading(id);
            heading = Some(l);
            continue;
        }
        if heading.is_some() && name == "span" && tag.contains("class=\"secno\"") {
            w.secno();
        } else if !INLINE.contains(&name) {
            w.block_boundary();
        }
    }
    w.end_section(false);
    Split {
        fields: w.fields,
        cuts: w.cuts,
    }
}

/// A splitter's place in a section's line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    /// In a heading, before its text: its number may come.
    Number,
    /// In the heading's number.
    Secno,
    Title,
    Text,
}

/// Writes sections as [`split`] finds them.
struct Writer<'o> {
    out: &'o mut String,
    fields: Vec<Fields>,
    cuts: Vec<u32>,
    /// Where the section's cuts start in `cuts`.
    first_cut: usize,
    field: Field,
    /// Where the section's line, number, title and text start in `out`.
    line: usize,
    number: usize,
    title: usize,
    text: usize,
    /// Whether the section is the text before the first heading.
    leading: bool,
}

impl<'o> Writer<'o> {
    fn new(out: &'o mut String) -> Self {
        let line = out.len();
        out.push_str("\t\t\t");
        let text = out.len();
        Writer {
            out,
            fields: Vec::new(),
            cuts: Vec::new(),
            first_cut: 0,
            field: Field::Text,
            line,
            number: line + 1,
            title: line + 2,
            text,
            leading: true,
        }
    }

    /// Removes the spaces at the end of the field that starts at `from`.
    fn trim(&mut self, from: usize) {
        while self.out.len() > from && self.out.ends_with(' ') {
            self.out.pop();
        }
    }

    fn text(&mut self, raw: &str) {
        if self.field == Field::Number {
            self.number_end();
        }
        push_text(self.out, raw);
    }

    fn number_end(&mut self) {
        self.trim(self.number);
        self.out.push('\t');
        self.title = self.out.len();
        self.field = Field::Title;
    }

    fn heading(&mut self, id: &str) {
        self.end_section(true);
        self.line = self.out.len();
        push_text(self.out, id);
        self.out.push('\t');
        self.number = self.out.len();
        self.field = Field::Number;
        self.leading = false;
    }

    fn secno(&mut self) {
        if self.field == Field::Number {
            self.field = Field::Secno;
        }
    }

    fn secno_end(&mut self) {
        if self.field == Field::Secno {
            self.number_end();
        }
    }

    fn heading_end(&mut self) {
        if matches!(self.field, Field::Number | Field::Secno) {
            self.number_end();
        }
        if self.field == Field::Title {
            self.trim(self.title);
            self.out.push('\t');
            self.text = self.out.len();
            self.field = Field::Text;
        }
    }

    fn block_boundary(&mut self) {
        // Blocks separate words.
        if self.field == Field::Text && self.out.len() > self.text {
            if !self.out.ends_with(' ') {
                self.out.push(' ');
            }
            let at = self.out.len() as u32;
            if self.cuts.len() == self.first_cut || self.cuts.last() != Some(&at) {
                self.cuts.push(at);
            }
        }
    }

    /// Ends the section; `more` when a heading follows.
    fn end_section(&mut self, more: bool) {
        self.heading_end();
        self.trim(self.text);
        if self.leading && more && self.out.len() == self.text {
            self.out.truncate(self.line);
            self.cuts.truncate(self.first_cut);
            return;
        }
        // Cuts past the trimmed text's end start no block.
        let end = self.out.len() as u32;
        while self.cuts.len() > self.first_cut && self.cuts.last() >= Some(&end) {
            self.cuts.pop();
        }
        self.out.push('\n');
        self.fields.push(Fields {
            line: self.line..self.out.len(),
            title: self.title..self.text - 1,
            text: self.text..self.out.len() - 1,
            cuts: self.first_cut..self.cuts.len(),
        });
        self.first_cut = self.cuts.len();
    }
}

/// The sections of a chapter's HTML, as [`split`] finds them.
#[cfg(test)]
pub fn sections(html: &str) -> Vec<Section> {
    let mut out = String::new();
    split(html, &mut out)
        .fields
        .into_iter()
        .map(|f| {
            let line = &out[f.line.start..f.line.end - 1];
            let mut parts = line.split('\t').map(str::to_string);
            let mut next = || parts.next().unwrap_or_default();
            let s = Section {
                id: next(),
                number: next(),
                title: next(),
                text: next(),
            };
            assert_eq!(
                (s.title.as_str(), s.text.as_str()),
                (&out[f.title], &out[f.text])
            );
            s
        })
        .collect()
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

/// Appends text from HTML to `target`: entities decoded, white space squeezed.
fn push_text(target: &mut String, raw: &str) {
    let mut from = 0;
    while from < raw.len() {
        match raw[from..].find('&') {
            Some(0) => {
                let end = raw[from..]
                    .find(';')
                    .filter(|&e| e <= 10)
                    .map_or(from + 1, |e| from + e + 1);
                match entity(&raw[from..end]) {
                    Some(c) => squeeze_into(target, c.encode_utf8(&mut [0; 4])),
                    None => squeeze_into(target, &raw[from..end]),
                }
                from = end;
            }
            Some(n) => {
                squeeze_into(target, &raw[from..from + n]);
                from += n;
            }
            None => {
                squeeze_into(target, &raw[from..]);
                from = raw.len();
            }
        }
    }
}

/// Appends `text` to `target` on one line: tabs and line breaks become spaces, and white space
/// that would start a field (after a tab, a line break or nothing) or follow a space is left
/// out. Other spaces are kept as they are, a browser shows them as one; the terms are cut at
/// any of them alike.
fn squeeze_into(target: &mut String, text: &str) {
    let mut space = target.is_empty() || target.ends_with([' ', '\t', '\n']);
    let mut from = 0;
    let b = text.as_bytes();
    for i in memchr::memchr3_iter(b'\t', b'\n', b'\r', b) {
        push_run(target, &text[from..i], &mut space);
        if !space {
            target.push(' ');
            space = true;
        }
        from = i + 1;
    }
    push_run(target, &text[from..], &mut space);
}

/// Appends a run of text without tabs or line breaks, without its leading spaces when `space`
/// (the text so far ends with one, or nothing).
fn push_run(target: &mut String, run: &str, space: &mut bool) {
    let run = if *space {
        run.trim_start_matches(' ')
    } else {
        run
    };
    if !run.is_empty() {
        target.push_str(run);
        *space = run.ends_with(' ');
    }
}

/// The ASCII bytes that no term goes across: neither letters, digits nor the joiners of
/// compounds (`-`, `.`, `_`).
const SEPARATOR: u8 = 1;
/// The other classes of a byte, for [`terms_with`]: a lower-case ASCII letter or a digit, an
/// upper-case ASCII letter, a joiner, or a byte of a character beyond ASCII.
const LOWER: u8 = 2;
const UPPER: u8 = 4;
const JOINER: u8 = 8;
const BEYOND: u8 = 16;

/// Each byte's class.
static CLASS: [u8; 256] = {
    let mut t = [BEYOND; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if c.is_ascii_lowercase() || c.is_ascii_digit() {
            LOWER
        } else if c.is_ascii_uppercase() {
            UPPER
        } else if matches!(c, b'-' | b'.' | b'_') {
            JOINER
        } else {
            SEPARATOR
        };
        b += 1;
    }
    t
};

/// The character an HTML entity stands for (the ones pulldown-cmark and bcop write).
fn entity(e: &str) -> Option<char> {
    Some(match e {
        "&amp;" => '&',
        "&lt;" => '<',
        "&gt;" => '>',
        "&quot;" => '"',
        "&#39;" | "&#x27;" | "&apos;" => '\'',
        "&nbsp;" => ' ',
        _ => {
            let num = e.strip_prefix("&#")?.strip_suffix(';')?;
            let n = match num.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => num.parse().ok()?,
            };
            char::from_u32(n)?
        }
    })
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
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        c.is_alphanumeric() && !is_cjk(c)
    }
}

/// `text` folded character by character ([`fold`]), appended to `out`; runs of ASCII are
/// copied whole.
pub fn fold_str(text: &str, out: &mut String) {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let start = i;
        while i < bytes.len() && bytes[i].is_ascii() {
            i += 1;
        }
        if i > start {
            let at = out.len();
            out.push_str(&text[start..i]);
            out[at..].make_ascii_lowercase();
        }
        if let Some(c) = text[i..].chars().next() {
            fold(c, out);
            i += c.len_utf8();
        }
    }
}

/// The character of `s` that starts at byte `i`, and its length.
fn char_at(s: &str, i: usize) -> (char, usize) {
    match s.as_bytes().get(i) {
        Some(&b) if b.is_ascii() => (b as char, 1),
        _ => s[i..]
            .chars()
            .next()
            .map_or(('\0', 1), |c| (c, c.len_utf8())),
    }
}

/// Whether a word is long enough to be a term: two characters or more.
fn long_enough(word: &str) -> bool {
    word.len() > 4 || word.chars().nth(1).is_some()
}

/// Calls `each` with every term of `text`, in order (a term may come more than once).
#[cfg(test)]
pub fn terms(text: &str, each: impl FnMut(&str)) {
    terms_with(&mut String::new(), text, each);
}

/// [`terms`], with `buf` for folded text (so that one buffer serves many texts). No term goes
/// across an ASCII separator, so the text is taken a segment between them at a time: a segment
/// of ASCII only (most words of most languages) is cut into terms as it is, lower-cased; any
/// other is folded first.
pub fn terms_with(buf: &mut String, text: &str, mut each: impl FnMut(&str)) {
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        while i < b.len() && CLASS[b[i] as usize] == SEPARATOR {
            i += 1;
        }
        let start = i;
        // The classes of the segment's bytes, together.
        let mut classes = 0;
        while i < b.len() {
            let c = CLASS[b[i] as usize];
            if c == SEPARATOR {
                break;
            }
            classes |= c;
            i += 1;
        }
        let segment = &text[start..i];
        match classes {
            0 => {}
            // A word of lower-case letters and digits, the most common: the term itself.
            LOWER => {
                if segment.len() >= 2 {
                    each(segment);
                }
            }
            c if c & BEYOND == 0 => {
                let s = if c & UPPER == 0 {
                    segment
                } else {
                    buf.clear();
                    buf.push_str(segment);
                    buf.make_ascii_lowercase();
                    buf.as_str()
                };
                if c & JOINER == 0 {
                    if s.len() >= 2 {
                        each(s);
                    }
                } else {
                    folded_terms(s, &mut each);
                }
            }
            _ => {
                buf.clear();
                fold_str(segment, buf);
                folded_terms(buf, &mut each);
            }
        }
    }
}

/// The terms of folded text ([`fold_str`]).
fn folded_terms(s: &str, each: &mut impl FnMut(&str)) {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let (c, len) = char_at(s, i);
        if is_cjk(c) {
            let start = i;
            let mut prev = i;
            i += len;
            while i < b.len() {
                let (d, dl) = char_at(s, i);
                if !is_cjk(d) {
                    break;
                }
                each(&s[prev..i + dl]);
                prev = i;
                i += dl;
            }
            if prev == start {
                each(&s[start..i]);
            }
        } else if is_word(c) {
            // A compound: words joined by single `-`, `.` or `_`.
            let start = i;
            let mut parts = 1;
            let mut word_start = i;
            loop {
                while i < b.len() {
                    let (d, dl) = char_at(s, i);
                    if !is_word(d) {
                        break;
                    }
                    i += dl;
                }
                if long_enough(&s[word_start..i]) {
                    each(&s[word_start..i]);
                }
                if i + 1 < b.len()
                    && matches!(b[i], b'-' | b'.' | b'_')
                    && is_word(char_at(s, i + 1).0)
                {
                    i += 1;
                    word_start = i;
                    parts += 1;
                } else {
                    break;
                }
            }
            if parts > 1 {
                each(&s[start..i]);
            }
        } else {
            i += len;
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
    fn white_space_is_squeezed_across_runs_and_entities() {
        let mut t = String::new();
        squeeze_into(&mut t, "  a b\t\n c\u{3000}d\r\n");
        squeeze_into(&mut t, " e\u{a0}f g \n");
        assert_eq!(t, "a b c\u{3000}d e\u{a0}f g ");
        assert!(!t.contains(['\t', '\n', '\r']));
        let s = sections("<p> x &amp;  y&nbsp;z </p><p>w</p>");
        assert_eq!(s[0].text, "x &  y z w");
    }

    #[test]
    fn text_before_the_first_heading_is_dropped_only_when_empty() {
        let s = sections("<h2 id=\"x\">X</h2><p>y</p>");
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].id, "x");
        assert_eq!(sections("").len(), 1);
    }

    #[test]
    fn blocks_are_cut_after_a_space_and_their_terms_are_the_texts() {
        let html = "<p>Intro</p><h2 id=\"s\">S</h2>\n<p>The <em>desk</em> answers. </p><ul><li>one</li><li>two-x </li></ul><table><tr><td>応答</td><td>時間</td></tr></table>";
        let mut out = String::new();
        let split = split(html, &mut out);
        let blocks: Vec<Vec<&str>> = split
            .fields
            .iter()
            .map(|f| {
                let mut starts = vec![f.text.start];
                starts.extend(split.cuts[f.cuts.clone()].iter().map(|&c| c as usize));
                starts.push(f.text.end);
                starts.windows(2).map(|w| &out[w[0]..w[1]]).collect()
            })
            .collect();
        assert_eq!(blocks[0], ["Intro"]);
        assert_eq!(
            blocks[1],
            ["The desk answers. ", "one ", "two-x ", "応答 ", "時間"]
        );
        // Cut into blocks or not, a text has the same terms.
        let f = &split.fields[1];
        let mut whole = Vec::new();
        terms(&out[f.text.clone()], |t| whole.push(t.to_string()));
        let mut parts = Vec::new();
        for b in &blocks[1] {
            terms(b, |t| parts.push(t.to_string()));
        }
        assert_eq!(whole, parts);
        assert!(whole.contains(&"two-x".to_string()));
    }
}
