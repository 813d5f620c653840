//! Word-level differences between two texts. Words are runs of letters and digits; each
//! Chinese, Japanese or Korean character is a word of its own, since those scripts do not
//! separate words with spaces (a character-level diff reads naturally in them); white space
//! and punctuation are words of their own too.

use serde::Serialize;
use similar::{Algorithm, DiffTag, capture_diff_slices};

/// What a piece of a diff is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Op {
    Equal,
    Insert,
    Delete,
}

impl Op {
    pub fn name(self) -> &'static str {
        match self {
            Op::Equal => "equal",
            Op::Insert => "insert",
            Op::Delete => "delete",
        }
    }
}

/// A run of text that is kept, inserted or deleted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Segment {
    pub op: Op,
    pub text: String,
}

/// Whether a character is written without spaces between words (CJK ideographs, kana,
/// Hangul, and their full-width punctuation).
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x2E80..=0x2FDF       // radicals
        | 0x3000..=0x30FF     // CJK punctuation, hiragana, katakana
        | 0x3100..=0x31FF     // bopomofo, katakana extensions
        | 0x3400..=0x4DBF     // ideographs, extension A
        | 0x4E00..=0x9FFF     // ideographs
        | 0xAC00..=0xD7AF     // Hangul syllables
        | 0xF900..=0xFAFF     // compatibility ideographs
        | 0xFF00..=0xFFEF     // full-width and half-width forms
        | 0x20000..=0x3FFFF) // ideographs, extensions B and later
}

/// The words of a text: their concatenation is the text.
pub fn tokens(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let kind = class(c);
        if kind != Class::Single {
            while chars.peek().is_some_and(|&(_, next)| class(next) == kind) {
                chars.next();
            }
        }
        let end = chars.peek().map_or(text.len(), |&(j, _)| j);
        out.push(&text[i..end]);
    }
    out
}

#[derive(PartialEq, Eq, Clone, Copy)]
enum Class {
    Word,
    Space,
    Single,
}

fn class(c: char) -> Class {
    if is_cjk(c) {
        Class::Single
    } else if c.is_alphanumeric() || c == '_' {
        Class::Word
    } else if c.is_whitespace() {
        Class::Space
    } else {
        Class::Single
    }
}

/// The differences between two texts, word by word, with runs of the same kind merged. A
/// space alone between two changes joins them, so that a reworded phrase reads as one deletion
/// and one insertion rather than word by word.
pub fn diff(old: &str, new: &str) -> Vec<Segment> {
    let (a, b) = (tokens(old), tokens(new));
    let mut out: Vec<Segment> = Vec::new();
    for op in capture_diff_slices(Algorithm::Myers, &a, &b) {
        let (tag, ra, rb) = op.as_tag_tuple();
        match tag {
            DiffTag::Equal => push(&mut out, Op::Equal, &a[ra]),
            DiffTag::Delete => push(&mut out, Op::Delete, &a[ra]),
            DiffTag::Insert => push(&mut out, Op::Insert, &b[rb]),
            DiffTag::Replace => {
                push(&mut out, Op::Delete, &a[ra]);
                push(&mut out, Op::Insert, &b[rb]);
            }
        }
    }
    join_changes(out)
}

fn push(out: &mut Vec<Segment>, op: Op, words: &[&str]) {
    let text = words.concat();
    if text.is_empty() {
        return;
    }
    match out.last_mut() {
        Some(last) if last.op == op => last.text.push_str(&text),
        _ => out.push(Segment { op, text }),
    }
}

/// Folds a lone space between changes into them: `-a- -b-` becomes `-a b-`.
fn join_changes(segments: Vec<Segment>) -> Vec<Segment> {
    let mut out: Vec<Segment> = Vec::new();
    let mut i = 0;
    while i < segments.len() {
        let s = &segments[i];
        let between = s.op == Op::Equal
            && s.text.chars().all(char::is_whitespace)
            && i > 0
            && i + 1 < segments.len()
            && segments[i - 1].op != Op::Equal
            && segments[i + 1].op != Op::Equal;
        if !between {
            out.push(s.clone());
            i += 1;
            continue;
        }
        // Gather the changes on both sides of the space into one deletion and one insertion.
        let mut deleted = String::new();
        let mut inserted = String::new();
        while out.last().is_some_and(|l| l.op != Op::Equal) {
            let l = out.pop().unwrap_or_else(|| unreachable!());
            match l.op {
                Op::Delete => deleted.insert_str(0, &l.text),
                _ => inserted.insert_str(0, &l.text),
            }
        }
        deleted.push_str(&s.text);
        inserted.push_str(&s.text);
        i += 1;
        while i < segments.len() && segments[i].op != Op::Equal {
            match segments[i].op {
                Op::Delete => deleted.push_str(&segments[i].text),
                _ => inserted.push_str(&segments[i].text),
            }
            i += 1;
        }
        for (op, text) in [(Op::Delete, deleted), (Op::Insert, inserted)] {
            let only_space = text.chars().all(char::is_whitespace);
            if !only_space {
                out.push(Segment { op, text });
            }
        }
    }
    out
}

/// Whether two texts, split into [`words`], are versions of one another: they share at least
/// half of their words (letters and digits, as a multiset, by the Dice coefficient), or one
/// holds at least four in five words of the other, which is at least three words long (a
/// sentence added to a short paragraph). A cheap measure, linear in their length, so that a
/// section rewritten from end to end does not cost a diff for every pair of its blocks.
pub fn alike_words(a: &[&str], b: &[&str]) -> bool {
    if a.is_empty() || b.is_empty() {
        return a == b;
    }
    let mut counts: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for w in a {
        *counts.entry(w).or_default() += 1;
    }
    let mut shared = 0;
    for w in b {
        if let Some(n) = counts.get_mut(w).filter(|n| **n > 0) {
            *n -= 1;
            shared += 1;
        }
    }
    let (short, total) = (a.len().min(b.len()), a.len() + b.len());
    2 * shared >= total || (short >= 3 && 5 * shared >= 4 * short)
}

/// The words of a text that are letters and digits.
pub fn words(text: &str) -> Vec<&str> {
    tokens(text)
        .into_iter()
        .filter(|t| t.chars().next().is_some_and(char::is_alphanumeric))
        .collect()
}

/// The diff written inline, `[-deleted-]{+inserted+}` as `wdiff` writes it.
pub fn inline(segments: &[Segment]) -> String {
    let mut out = String::new();
    for s in segments {
        match s.op {
            Op::Equal => out.push_str(&s.text),
            Op::Delete => out.extend(["[-", &s.text, "-]"]),
            Op::Insert => out.extend(["{+", &s.text, "+}"]),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn alike(old: &str, new: &str) -> bool {
        alike_words(&words(old), &words(new))
    }

    #[test]
    fn words_spaces_and_punctuation_are_tokens_and_cjk_characters_each_one() {
        assert_eq!(
            tokens("Abuse desks MUST reply, within 24h."),
            [
                "Abuse", " ", "desks", " ", "MUST", " ", "reply", ",", " ", "within", " ", "24h",
                "."
            ]
        );
        assert_eq!(tokens("窓口は24時間"), ["窓", "口", "は", "24", "時", "間"]);
        assert_eq!(tokens("opération"), ["opération"]);
        assert_eq!(tokens(""), Vec::<&str>::new());
    }

    #[test]
    fn a_reworded_phrase_is_one_deletion_and_one_insertion() {
        let d = diff(
            "Desks SHOULD answer within two days.",
            "Desks MUST answer within one business day.",
        );
        assert_eq!(
            inline(&d),
            "Desks [-SHOULD-]{+MUST+} answer within [-two days-]{+one business day+}."
        );
    }

    #[test]
    fn japanese_is_compared_character_by_character() {
        let d = diff(
            "窓口は二日以内に返信すべきである。",
            "窓口は一日以内に返信しなければならない。",
        );
        assert_eq!(
            inline(&d),
            "窓口は[-二-]{+一+}日以内に返信[-すべきである-]{+しなければならない+}。"
        );
    }

    #[test]
    fn texts_are_alike_when_they_share_most_of_their_words() {
        assert!(alike(
            "Desks SHOULD answer within two days.",
            "Desks MUST answer within two business days."
        ));
        assert!(!alike("the quick brown fox", "lorem ipsum dolor"));
        assert!(!alike("one two three four", "one five six seven"));
        assert!(alike(
            "窓口は二日以内に返信する。",
            "窓口は一日以内に返信する。"
        ));
    }
}
