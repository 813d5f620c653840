//! A chapter as a list of text blocks (headings, paragraphs, list items, table rows and code
//! blocks), each with the section it is in and its plain text: what the comparison of two
//! versions aligns ([`crate::changes`]). [`super::requirements::extract`] reads them, in the
//! same pass as the requirements.

use crate::bcp14::Level;
use serde::Serialize;

/// What kind of block it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    Heading,
    Paragraph,
    Item,
    Row,
    Code,
}

/// One block of text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub kind: Kind,
    /// The id of the heading whose section it is in (a heading is in its own section;
    /// [`crate::translate::TOP`] before any heading).
    pub section: String,
    /// Its text without formatting; a requirement's marker is left out.
    pub text: String,
    /// The requirement's ID, when the block is one.
    pub id: Option<String>,
    /// The level of its strongest BCP 14 keyword (the first of equals), when keywords are
    /// looked for; as [`super::requirements::extract`] finds it (not in code).
    pub level: Option<Level>,
}

/// White space runs as one space, none at the ends (as `split_whitespace` joined by spaces).
/// Text is copied a run at a time; a single ASCII space between two other characters stays in
/// its run, so most text is copied a phrase at a time.
pub(super) fn squeeze(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let b = s.as_bytes();
    let (mut run, mut i) = (0, 0);
    while i < b.len() {
        if !MAY_BE_SPACE[b[i] as usize] {
            i += 1;
            continue;
        }
        if b[i] == b' ' && i > run && b.get(i + 1).is_some_and(|&n| !MAY_BE_SPACE[n as usize]) {
            i += 2;
            continue;
        }
        let width = white_space_at(b, i);
        if width == 0 {
            i += 1;
            continue;
        }
        if run < i {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(&s[run..i]);
        }
        i += width;
        run = i;
    }
    if run < b.len() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&s[run..]);
    }
    out
}

/// The bytes that can start a white space character ([`white_space_at`]).
static MAY_BE_SPACE: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = matches!(b as u8, b'\t'..=b'\r' | b' ' | 0xC2 | 0xE1 | 0xE2 | 0xE3);
        b += 1;
    }
    t
};

/// The length in bytes of the white space character at `i`, or 0: the Unicode White_Space
/// characters, as [`char::is_whitespace`] knows them, read from their UTF-8 bytes.
fn white_space_at(b: &[u8], i: usize) -> usize {
    let at = |k: usize| b.get(i + k).copied().unwrap_or(0);
    match b[i] {
        b'\t'..=b'\r' | b' ' => 1,
        // U+0085, U+00A0
        0xC2 if matches!(at(1), 0x85 | 0xA0) => 2,
        // U+1680
        0xE1 if at(1) == 0x9A && at(2) == 0x80 => 3,
        // U+2000 to U+200A, U+2028, U+2029, U+202F; U+205F
        0xE2 if at(1) == 0x80 && matches!(at(2), 0x80..=0x8A | 0xA8 | 0xA9 | 0xAF) => 3,
        0xE2 if at(1) == 0x81 && at(2) == 0x9F => 3,
        // U+3000
        0xE3 if at(1) == 0x80 && at(2) == 0x80 => 3,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blocks(md: &str, source_ids: Option<&[String]>) -> Vec<Block> {
        super::super::requirements::extract(md, None, source_ids).blocks
    }

    #[test]
    fn white_space_runs_are_one_space() {
        assert_eq!(squeeze("  a\t\u{b} b\u{3000}c \n\u{a0}d  "), "a b c d");
        assert_eq!(squeeze("日本語 の\u{2029}本文"), "日本語 の 本文");
        assert_eq!(squeeze(""), "");
        assert_eq!(squeeze(" \u{3000} "), "");
    }

    #[test]
    fn squeeze_is_split_on_white_space_joined_by_one_space() {
        let spaces: Vec<char> = (0..=char::MAX as u32)
            .filter_map(char::from_u32)
            .filter(|c| c.is_whitespace())
            .collect();
        assert_eq!(spaces.len(), 25, "every Unicode white space character");
        let parts = [
            "", "a", "日本", "é", "\u{1c}x", "\u{2030}", "\u{3001}", "\u{2060}", "\u{86}",
            "\u{1681}",
        ];
        for (i, w) in spaces.iter().enumerate() {
            for (j, p) in parts.iter().enumerate() {
                let q = parts[(i + j) % parts.len()];
                let s = format!("{w}{p}{w}{w}{q}{p}{w}");
                let want = s.split_whitespace().collect::<Vec<_>>().join(" ");
                assert_eq!(squeeze(&s), want, "{s:?}");
            }
        }
    }

    #[test]
    fn blocks_have_their_section_text_and_requirement_id() {
        let md = "# Title\n\nIntro *text*\nwraps.\n\n## Scope {#scope}\n\n- One.\n- Two MUST. {#R-1}\n  - Nested.\n\n| A | B |\n|---|---|\n| 1 | 2 |\n\n```\ncode\n```\n";
        let got: Vec<(Kind, String, String, Option<String>)> = blocks(md, None)
            .into_iter()
            .map(|b| (b.kind, b.section, b.text, b.id))
            .collect();
        let want = |k, s: &str, t: &str, i: Option<&str>| {
            (k, s.to_string(), t.to_string(), i.map(str::to_string))
        };
        assert_eq!(
            got,
            vec![
                want(Kind::Heading, "title", "Title", None),
                want(Kind::Paragraph, "title", "Intro text wraps.", None),
                want(Kind::Heading, "scope", "Scope", None),
                want(Kind::Item, "scope", "One.", None),
                want(Kind::Item, "scope", "Two MUST.", Some("R-1")),
                want(Kind::Item, "scope", "Nested.", None),
                want(Kind::Row, "scope", "A | B", None),
                want(Kind::Row, "scope", "1 | 2", None),
                want(Kind::Code, "scope", "code", None),
            ]
        );
    }

    #[test]
    fn a_translation_takes_the_source_heading_ids() {
        let ids = vec!["scope".to_string()];
        let b = blocks("## 範囲\n\n本文。\n", Some(&ids));
        assert_eq!(b[0].section, "scope");
        assert_eq!(b[1].section, "scope");
        assert_eq!(b[1].text, "本文。");
    }
}
