use super::*;
use crate::bcp14::Keywords;

/// The default theme's table of a language.
fn table(lang: &str) -> Table {
    let spec: crate::bcp14::Spec =
        serde_yaml::from_str(include_str!("../../themes/default/keywords.yaml"))
            .expect("the theme's keywords.yaml");
    Keywords::new(&spec, &Default::default())
        .table(lang)
        .clone()
}

fn chapters(md: &str) -> Vec<Chapter<'static>> {
    vec![Chapter::read(md, None, &table("en"))]
}

const OLD: &str = "# Abuse desks

## Scope {#scope}

This document covers abuse desks.

- Desks SHOULD answer within two days. {#R-1}
- Desks MUST keep a log. {#R-2}
- Reports MAY be sent by email. {#R-3}

## Reporting {#reporting}

Reporters MUST NOT be charged. {#R-4}

## History {#history}

Written in 2019.
";

const NEW: &str = "# Abuse desks

## Scope {#scope}

This document covers abuse desks and their staff.

- Desks MUST answer within one business day. {#R-1}
- Reports MAY be sent by email. {#R-3}

A new paragraph.

## Reporting {#reporting}

Reporters MUST NOT be charged. {#R-4}

- Desks MUST keep a log for a year. {#R-2}
- Desks SHOULD publish a contact. {#R-5}
";

#[test]
fn a_constructed_pair_of_versions_gives_this_exact_redline() {
    let c = compare(&chapters(OLD), &chapters(NEW));
    assert_eq!(
        human(&c),
        "Requirements: 1 added, 0 removed, 2 reworded, 1 strengthened, 0 weakened, 0 reversed, 1 moved; 2 unchanged
  ~ R-1 recommended → absolute (strengthened), reworded
      Desks [-SHOULD-]{+MUST+} answer within [-two days-]{+one business day+}.
  ~ R-2 reworded, moved from §Scope (scope) to §Reporting (reporting)
      Desks MUST keep a log{+ for a year+}.
  + R-5 [recommended] in §Reporting (reporting)
      {+Desks SHOULD publish a contact.+}

Sections: 3 changed; 1 unchanged

## Scope (scope)
  Scope
~ This document covers abuse desks{+ and their staff+}.
~ R-1: Desks [-SHOULD-]{+MUST+} answer within [-two days-]{+one business day+}.
< R-2: Desks MUST keep a log. (moved to §Reporting (reporting))
  R-3: Reports MAY be sent by email.
+ A new paragraph.

## Reporting (reporting)
  Reporting
  R-4: Reporters MUST NOT be charged.
> R-2: Desks MUST keep a log{+ for a year+}. (moved from §Scope (scope))
+ R-5: Desks SHOULD publish a contact.

## History (history) (removed)
- History
- Written in 2019.
"
    );
    let n = c.counts();
    assert_eq!((n.added, n.removed, n.strengthened, n.moved), (1, 0, 1, 1));
}

#[test]
fn removed_and_weakened_requirements_are_reported() {
    let old = "- A MUST be. {#A}\n- B MUST be. {#B}\n- C MUST be. {#C}\n";
    let new = "- A SHOULD be. {#A}\n- C MUST NOT be. {#C}\n";
    let c = compare(&chapters(old), &chapters(new));
    let got: Vec<(&str, Change, Option<LevelChange>)> = c
        .requirements
        .iter()
        .map(|r| (r.id.as_str(), r.change, r.level_change))
        .collect();
    assert_eq!(
        got,
        [
            ("A", Change::Changed, Some(LevelChange::Weakened)),
            ("C", Change::Changed, Some(LevelChange::Reversed)),
            ("B", Change::Removed, None),
        ]
    );
}

#[test]
fn a_japanese_redline_compares_characters_and_uses_the_japanese_keywords() {
    let ids = vec!["scope".to_string()];
    let old =
        "## 範囲\n\n- 窓口は二日以内に返信すべきである（SHOULD）。 {#R-1}\n\n本文は変わらない。\n";
    let new = "## 範囲\n\n- 窓口は一営業日以内に返信しなければならない（MUST）。 {#R-1}\n\n本文は変わらない。\n";
    let ch = |md| vec![Chapter::read(md, Some(&ids), &table("ja"))];
    let c = compare(&ch(old), &ch(new));
    assert_eq!(
        human(&c),
        "Requirements: 0 added, 0 removed, 1 reworded, 1 strengthened, 0 weakened, 0 reversed, 0 moved; 0 unchanged
  ~ R-1 recommended → absolute (strengthened), reworded
      窓口は[-二-]{+一営業+}日以内に返信[-すべきである-]{+しなければならない+}（[-SHOULD-]{+MUST+}）。

Sections: 1 changed; 0 unchanged

## 範囲 (scope)
  範囲
~ R-1: 窓口は[-二-]{+一営業+}日以内に返信[-すべきである-]{+しなければならない+}（[-SHOULD-]{+MUST+}）。
  本文は変わらない。
"
    );
}

#[test]
fn equal_versions_have_no_changes() {
    let c = compare(&chapters(OLD), &chapters(OLD));
    assert!(c.is_empty());
    assert_eq!((c.unchanged_requirements, c.unchanged_sections), (4, 4));
}
