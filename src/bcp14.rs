//! BCP 14: the RFC 2119 and RFC 8174 keywords in each language, and the levels they set.
//!
//! Each language has a table: level → the words that set it. The theme ships tables for en,
//! pt-BR, es, fr and ja (`keywords.yaml`); a site can replace any language's table in
//! `site.yaml`. A keyword counts only as written in the table: upper case in the languages that
//! have capitals (RFC 8174), and in Japanese the English keyword in parentheses that follows the
//! Japanese phrase, as in the IPA/JPNIC translation of RFC 2119 (`しなければならない（MUST）`).

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// How binding a requirement is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Level {
    /// MUST, REQUIRED, SHALL.
    Absolute,
    /// MUST NOT, SHALL NOT.
    Prohibited,
    /// SHOULD, RECOMMENDED.
    Recommended,
    /// SHOULD NOT, NOT RECOMMENDED.
    NotRecommended,
    /// MAY, OPTIONAL.
    Optional,
}

impl Level {
    pub const ALL: [Level; 5] = [
        Level::Absolute,
        Level::Prohibited,
        Level::Recommended,
        Level::NotRecommended,
        Level::Optional,
    ];

    /// The name used in data files, CSS classes and UI string keys: `not-recommended`.
    pub fn name(self) -> &'static str {
        match self {
            Level::Absolute => "absolute",
            Level::Prohibited => "prohibited",
            Level::Recommended => "recommended",
            Level::NotRecommended => "not-recommended",
            Level::Optional => "optional",
        }
    }

    /// How strong it is: a requirement takes the level of its strongest keyword.
    pub fn strength(self) -> u8 {
        match self {
            Level::Absolute | Level::Prohibited => 3,
            Level::Recommended | Level::NotRecommended => 2,
            Level::Optional => 1,
        }
    }
}

/// One language's keywords, longest first, so that `MUST NOT` is found before `MUST`, and an
/// automaton that finds where any of them may start in one pass over a text.
#[derive(Debug, Clone, Default)]
pub struct Table {
    words: Vec<(String, Level)>,
    matcher: Option<aho_corasick::AhoCorasick>,
}

impl PartialEq for Table {
    fn eq(&self, other: &Self) -> bool {
        self.words == other.words
    }
}

impl Eq for Table {}

impl std::hash::Hash for Table {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.words.hash(state);
    }
}

/// A keyword found in a text: where it is (bytes), what it says, and its level.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub start: usize,
    pub end: usize,
    pub level: Level,
}

impl Table {
    pub fn new(levels: &BTreeMap<Level, Vec<String>>) -> Self {
        let mut words: Vec<(String, Level)> = levels
            .iter()
            .flat_map(|(level, list)| list.iter().map(move |w| (w.clone(), *level)))
            .filter(|(w, _)| !w.trim().is_empty())
            .collect();
        words.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.0.cmp(&b.0)));
        words.dedup_by(|a, b| a.0 == b.0);
        let matcher = aho_corasick::AhoCorasick::builder()
            .match_kind(aho_corasick::MatchKind::LeftmostLongest)
            .build(words.iter().map(|(w, _)| w.as_str()))
            .ok()
            .filter(|_| !words.is_empty());
        Self { words, matcher }
    }

    /// Every keyword in `text`, in order, without overlaps. A keyword that starts or ends with
    /// a letter must stand as a word of its own: no letter, digit or hyphen may touch it, so
    /// that `MAYBE` and `PEUT-ÊTRE` are not keywords.
    pub fn find(&self, text: &str) -> Vec<Found> {
        let mut out = Vec::new();
        let Some(matcher) = &self.matcher else {
            return out;
        };
        let mut i = 0;
        while i < text.len() {
            // The next place where a keyword starts; there, the longest that stands alone.
            let Some(m) = matcher.find(aho_corasick::Input::new(text).span(i..text.len())) else {
                break;
            };
            let at = m.start();
            let hit = self.words.iter().find(|(w, _)| {
                text[at..].starts_with(w.as_str()) && stands_alone(text, at, at + w.len(), w)
            });
            match hit {
                Some((w, level)) => {
                    out.push(Found {
                        start: at,
                        end: at + w.len(),
                        level: *level,
                    });
                    i = at + w.len();
                }
                None => i = at + text[at..].chars().next().map_or(1, char::len_utf8),
            }
        }
        out
    }
}

fn stands_alone(text: &str, start: usize, end: usize, word: &str) -> bool {
    let joins = |c: char| c.is_alphanumeric() || c == '-' || c == '_';
    let first = word.chars().next().is_some_and(char::is_alphanumeric);
    let last = word.chars().last().is_some_and(char::is_alphanumeric);
    let before_ok = !first || !text[..start].chars().next_back().is_some_and(joins);
    let after_ok = !last || !text[end..].chars().next().is_some_and(joins);
    before_ok && after_ok
}

/// Every language's table, by language code.
#[derive(Debug, Clone, Default)]
pub struct Keywords {
    tables: BTreeMap<String, Table>,
}

/// The keyword tables as written in `keywords.yaml` and `site.yaml`: language → level → words.
pub type Spec = BTreeMap<String, BTreeMap<Level, Vec<String>>>;

impl Keywords {
    /// The tables of `base` (the theme's), each language replaced by `over` (the site's) where
    /// it has one.
    pub fn new(base: &Spec, over: &Spec) -> Self {
        let mut merged = base.clone();
        for (lang, levels) in over {
            merged.insert(lang.clone(), levels.clone());
        }
        Self {
            tables: merged
                .iter()
                .map(|(lang, levels)| (lang.clone(), Table::new(levels)))
                .collect(),
        }
    }

    /// The table of `lang`, or of its primary language (`pt` for `pt-PT`), or an empty one.
    pub fn table(&self, lang: &str) -> &Table {
        static EMPTY: std::sync::OnceLock<Table> = std::sync::OnceLock::new();
        self.tables
            .get(lang)
            .or_else(|| {
                let primary = lang.split('-').next().unwrap_or(lang);
                self.tables
                    .iter()
                    .find(|(l, _)| l.split('-').next() == Some(primary))
                    .map(|(_, t)| t)
            })
            .unwrap_or_else(|| EMPTY.get_or_init(Table::default))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(spec: &[(Level, &[&str])]) -> Table {
        Table::new(
            &spec
                .iter()
                .map(|(l, w)| (*l, w.iter().map(|s| s.to_string()).collect()))
                .collect(),
        )
    }

    #[test]
    fn the_longest_keyword_wins_and_only_whole_words_count() {
        let t = table(&[
            (Level::Absolute, &["MUST"]),
            (Level::Prohibited, &["MUST NOT"]),
            (Level::Optional, &["MAY"]),
        ]);
        let found = t.find("It MUST NOT fail; MAYBE it MAY. must MUSTARD");
        let levels: Vec<Level> = found.iter().map(|f| f.level).collect();
        assert_eq!(levels, [Level::Prohibited, Level::Optional]);
        assert_eq!(found[0].start, 3);
    }

    #[test]
    fn french_hyphenated_words_and_japanese_tags() {
        let fr = table(&[
            (Level::Optional, &["PEUT"]),
            (Level::Prohibited, &["NE DOIT PAS"]),
        ]);
        assert!(fr.find("PEUT-ÊTRE").is_empty());
        assert_eq!(fr.find("Il NE DOIT PAS, il PEUT.").len(), 2);
        let ja = table(&[
            (Level::Absolute, &["（MUST）"]),
            (Level::Prohibited, &["（MUST NOT）"]),
        ]);
        let found = ja.find("変更できなければならない（MUST）。共有してはならない（MUST NOT）。");
        assert_eq!(
            found.iter().map(|f| f.level).collect::<Vec<_>>(),
            [Level::Absolute, Level::Prohibited]
        );
    }

    #[test]
    fn a_site_replaces_a_language_and_regions_fall_back_to_their_language() {
        let mut base = Spec::new();
        base.insert(
            "pt-BR".into(),
            BTreeMap::from([(Level::Absolute, vec!["DEVE".into()])]),
        );
        let mut over = Spec::new();
        over.insert(
            "fr".into(),
            BTreeMap::from([(Level::Absolute, vec!["DOIT".into()])]),
        );
        let k = Keywords::new(&base, &over);
        assert_eq!(k.table("pt-PT").find("DEVE").len(), 1);
        assert_eq!(k.table("fr-CA").find("DOIT").len(), 1);
        assert!(k.table("de").find("MUST DEVE DOIT").is_empty());
    }
}
