//! What changed between two versions of a document: its requirements (added, removed,
//! reworded, strengthened or weakened, moved) and a redline of its prose. Sections are matched
//! by heading id, the blocks of a section (paragraphs, list items, table rows, code) are
//! aligned, and a changed block shows its words inserted and deleted ([`words`]).
//!
//! The changes pages, the PDF appendix and `bcop diff` all show what [`compare`] returns.

pub mod edition;
pub mod words;

use crate::bcp14::{Level, Table};
use crate::markdown::blocks::{Block, Kind};
use crate::markdown::requirements::{extract, has_requirements};
use serde::Serialize;
use similar::{Algorithm, DiffTag, capture_diff_slices};
use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use words::{Op, Segment};

/// One chapter of a version, in the language compared: its blocks.
pub struct Chapter<'a> {
    pub blocks: Cow<'a, [Block]>,
}

impl Chapter<'_> {
    /// Reads a chapter's blocks from its Markdown. `source_ids` are the source chapter's
    /// heading ids, for a translation (as the renderer uses them); keywords are looked for in
    /// `table` when the chapter has requirements.
    pub fn read(markdown: &str, source_ids: Option<&[String]>, table: &Table) -> Self {
        let keywords = has_requirements(markdown).then_some(table);
        Chapter {
            blocks: Cow::Owned(extract(markdown, keywords, source_ids).blocks),
        }
    }
}

/// Everything that changed.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Changes {
    /// The requirements that changed, in the new version's order, the removed ones after them.
    pub requirements: Vec<RequirementChange>,
    /// Requirements that are the same in both versions.
    pub unchanged_requirements: usize,
    /// The sections that changed, in the new version's order, a removed one where it was.
    pub sections: Vec<SectionChange>,
    /// Sections whose text did not change.
    pub unchanged_sections: usize,
}

impl Changes {
    /// Whether nothing changed at all.
    pub fn is_empty(&self) -> bool {
        self.requirements.is_empty() && self.sections.is_empty()
    }

    /// How many requirements changed in each way: added, removed, reworded, strengthened,
    /// weakened, moved.
    pub fn counts(&self) -> Counts {
        let mut c = Counts::default();
        for r in &self.requirements {
            match r.change {
                Change::Added => c.added += 1,
                Change::Removed => c.removed += 1,
                Change::Changed => {}
            }
            c.reworded += usize::from(r.reworded);
            c.moved += usize::from(r.moved);
            match r.level_change {
                Some(LevelChange::Strengthened) => c.strengthened += 1,
                Some(LevelChange::Weakened) => c.weakened += 1,
                Some(LevelChange::Reversed) => c.reversed += 1,
                None => {}
            }
        }
        c
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub added: usize,
    pub removed: usize,
    pub reworded: usize,
    pub strengthened: usize,
    pub weakened: usize,
    pub reversed: usize,
    pub moved: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Change {
    Added,
    Removed,
    Changed,
}

/// How a requirement's level changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum LevelChange {
    /// To a stronger level (SHOULD → MUST, MAY → SHOULD).
    Strengthened,
    /// To a weaker level (MUST → SHOULD).
    Weakened,
    /// As strong, the other way (MUST → MUST NOT, SHOULD → SHOULD NOT).
    Reversed,
}

/// A section of a version, as a change refers to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SectionRef {
    pub id: String,
    pub title: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct RequirementChange {
    pub id: String,
    pub change: Change,
    pub old_level: Option<Level>,
    pub new_level: Option<Level>,
    pub level_change: Option<LevelChange>,
    pub reworded: bool,
    /// In another section than before.
    pub moved: bool,
    pub old_section: Option<SectionRef>,
    pub new_section: Option<SectionRef>,
    /// The text, word by word: all inserted when added, all deleted when removed.
    pub text: Vec<Segment>,
}

#[derive(Debug, Clone, Serialize)]
pub struct SectionChange {
    pub id: String,
    pub title: String,
    pub change: Change,
    pub blocks: Vec<BlockChange>,
}

/// What happened to a block.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum BlockOp {
    Equal,
    Insert,
    Delete,
    /// The same block, reworded: its text shows the words inserted and deleted.
    Changed,
    /// A requirement that came here from another section (its text is compared with where it
    /// was).
    MovedHere,
    /// A requirement that went to another section.
    MovedAway,
}

#[derive(Debug, Clone, Serialize)]
pub struct BlockChange {
    pub op: BlockOp,
    pub kind: Kind,
    /// The requirement's ID, for a requirement.
    pub id: Option<String>,
    pub text: Vec<Segment>,
    /// For a moved requirement: the section it went to or came from.
    pub other_section: Option<SectionRef>,
}

/// A requirement as compared: its ID, section, text and level.
struct Requirement<'a> {
    id: &'a str,
    section: usize,
    text: &'a str,
    level: Option<Level>,
}

/// One version's text, read for comparing.
struct Side<'a> {
    blocks: Vec<&'a Block>,
    requirements: Vec<Requirement<'a>>,
    /// Section keys in order, with their titles. A key is the heading id, told apart by its
    /// chapter when an earlier chapter has the same one.
    sections: Vec<(String, String)>,
    /// Each section's blocks, by index into `blocks`, in order.
    members: Vec<Vec<usize>>,
}

impl<'a> Side<'a> {
    fn read(chapters: &'a [Chapter]) -> Self {
        let mut side = Side {
            blocks: Vec::new(),
            requirements: Vec::new(),
            sections: Vec::new(),
            members: Vec::new(),
        };
        let mut index: HashMap<String, usize> = HashMap::new();
        for (ci, c) in chapters.iter().enumerate() {
            // A section id used by an earlier chapter is told apart by its chapter.
            let mut keys: HashMap<&str, usize> = HashMap::new();
            let mut last: Option<(&str, usize)> = None;
            for b in c.blocks.iter() {
                let section = match last {
                    Some((id, k)) if id == b.section => k,
                    _ => {
                        let k = match keys.get(b.section.as_str()) {
                            Some(&k) => k,
                            None => {
                                let key = if index.contains_key(&b.section) {
                                    format!("{}@{}", b.section, ci + 1)
                                } else {
                                    b.section.clone()
                                };
                                let k = *index.entry(key.clone()).or_insert_with(|| {
                                    side.sections.push((key, String::new()));
                                    side.members.push(Vec::new());
                                    side.sections.len() - 1
                                });
                                keys.insert(&b.section, k);
                                k
                            }
                        };
                        last = Some((&b.section, k));
                        k
                    }
                };
                if side.members[section].is_empty() && b.kind == Kind::Heading {
                    side.sections[section].1 = b.text.clone();
                }
                if let Some(id) = &b.id {
                    side.requirements.push(Requirement {
                        id,
                        section,
                        text: &b.text,
                        level: b.level,
                    });
                }
                side.members[section].push(side.blocks.len());
                side.blocks.push(b);
            }
        }
        side
    }

    fn section(&self, section: usize) -> SectionRef {
        let (key, title) = &self.sections[section];
        SectionRef {
            id: key.split('@').next().unwrap_or(key).to_string(),
            title: title.clone(),
        }
    }

    /// The section with `key`, if this side has it.
    fn find(&self, key: &str) -> Option<usize> {
        self.sections.iter().position(|(k, _)| k == key)
    }

    fn blocks_of(&self, section: Option<usize>) -> Vec<&'a Block> {
        section.map_or_else(Vec::new, |s| {
            self.members[s].iter().map(|&i| self.blocks[i]).collect()
        })
    }
}

/// What changed from `old` to `new`, both in the same language.
pub fn compare(old: &[Chapter], new: &[Chapter]) -> Changes {
    let (a, b) = (Side::read(old), Side::read(new));
    let mut out = Changes::default();
    requirements(&a, &b, &mut out);
    redline(&a, &b, &mut out);
    out
}

fn requirements(a: &Side, b: &Side, out: &mut Changes) {
    let before: BTreeMap<&str, &Requirement> = a.requirements.iter().map(|r| (r.id, r)).collect();
    let after: BTreeSet<&str> = b.requirements.iter().map(|r| r.id).collect();
    for r in &b.requirements {
        let Some(old) = before.get(r.id) else {
            out.requirements.push(RequirementChange {
                id: r.id.to_string(),
                change: Change::Added,
                old_level: None,
                new_level: r.level,
                level_change: None,
                reworded: false,
                moved: false,
                old_section: None,
                new_section: Some(b.section(r.section)),
                text: vec![segment(Op::Insert, r.text)],
            });
            continue;
        };
        let reworded = old.text != r.text;
        let moved = a.sections[old.section].0 != b.sections[r.section].0;
        let level_change = level_change(old.level, r.level);
        if !reworded && !moved && level_change.is_none() {
            out.unchanged_requirements += 1;
            continue;
        }
        out.requirements.push(RequirementChange {
            id: r.id.to_string(),
            change: Change::Changed,
            old_level: old.level,
            new_level: r.level,
            level_change,
            reworded,
            moved,
            old_section: Some(a.section(old.section)),
            new_section: Some(b.section(r.section)),
            text: words::diff(old.text, r.text),
        });
    }
    for r in a.requirements.iter().filter(|r| !after.contains(r.id)) {
        out.requirements.push(RequirementChange {
            id: r.id.to_string(),
            change: Change::Removed,
            old_level: r.level,
            new_level: None,
            level_change: None,
            reworded: false,
            moved: false,
            old_section: Some(a.section(r.section)),
            new_section: None,
            text: vec![segment(Op::Delete, r.text)],
        });
    }
}

fn level_change(old: Option<Level>, new: Option<Level>) -> Option<LevelChange> {
    let strength = |l: Option<Level>| l.map_or(0, Level::strength);
    let (o, n) = (strength(old), strength(new));
    if n > o {
        Some(LevelChange::Strengthened)
    } else if n < o {
        Some(LevelChange::Weakened)
    } else if old != new {
        Some(LevelChange::Reversed)
    } else {
        None
    }
}

fn segment(op: Op, text: &str) -> Segment {
    Segment {
        op,
        text: text.to_string(),
    }
}

/// The sections in the order the redline shows them: the new version's, with each removed
/// section after the one it followed.
fn section_order(a: &Side, b: &Side) -> Vec<(String, Change)> {
    let old: Vec<&str> = a.sections.iter().map(|(k, _)| k.as_str()).collect();
    let new: Vec<&str> = b.sections.iter().map(|(k, _)| k.as_str()).collect();
    let (in_old, in_new): (BTreeSet<&str>, BTreeSet<&str>) =
        (old.iter().copied().collect(), new.iter().copied().collect());
    let mut order = Vec::new();
    for op in capture_diff_slices(Algorithm::Myers, &old, &new) {
        let (_, ra, rb) = op.as_tag_tuple();
        // Deletions first, as a redline reads: the old text, then what replaced it.
        for k in &old[ra] {
            if !in_new.contains(k) && !order.iter().any(|(o, _)| o == k) {
                order.push((k.to_string(), Change::Removed));
            }
        }
        for k in &new[rb] {
            if !order.iter().any(|(o, _)| o == k) {
                let change = if in_old.contains(k) {
                    Change::Changed
                } else {
                    Change::Added
                };
                order.push((k.to_string(), change));
            }
        }
    }
    order
}

fn redline(a: &Side, b: &Side, out: &mut Changes) {
    for (key, change) in section_order(a, b) {
        let (ka, kb) = (a.find(&key), b.find(&key));
        let old = a.blocks_of(ka);
        let new = b.blocks_of(kb);
        if change == Change::Changed
            && old.len() == new.len()
            && old.iter().zip(&new).all(|(o, n)| key_of(o) == key_of(n))
        {
            out.unchanged_sections += 1;
            continue;
        }
        let blocks = align(&old, &new);
        let section = match (change, ka, kb) {
            (Change::Removed, Some(s), _) => a.section(s),
            (_, _, Some(s)) => b.section(s),
            _ => continue,
        };
        out.sections.push(SectionChange {
            id: section.id,
            title: section.title,
            change,
            blocks,
        });
    }
    mark_moves(a, b, out);
}

/// What makes two blocks the same block.
fn key_of(b: &Block) -> (Kind, &str, Option<&str>) {
    (b.kind, b.text.as_str(), b.id.as_deref())
}

/// The blocks of a section, aligned: kept, inserted, deleted, or changed in place.
fn align(old: &[&Block], new: &[&Block]) -> Vec<BlockChange> {
    let ka: Vec<_> = old.iter().map(|b| key_of(b)).collect();
    let kb: Vec<_> = new.iter().map(|b| key_of(b)).collect();
    let mut out = Vec::new();
    let (mut pending_old, mut pending_new) = (Vec::new(), Vec::new());
    for op in capture_diff_slices(Algorithm::Myers, &ka, &kb) {
        let (tag, ra, rb) = op.as_tag_tuple();
        if tag == DiffTag::Equal {
            pair(&pending_old, &pending_new, &mut out);
            pending_old.clear();
            pending_new.clear();
            out.extend(new[rb].iter().map(|b| block(BlockOp::Equal, b, Op::Equal)));
        } else {
            pending_old.extend_from_slice(&old[ra]);
            pending_new.extend_from_slice(&new[rb]);
        }
    }
    pair(&pending_old, &pending_new, &mut out);
    out
}

fn block(op: BlockOp, b: &Block, text: Op) -> BlockChange {
    BlockChange {
        op,
        kind: b.kind,
        id: b.id.clone(),
        text: vec![segment(text, &b.text)],
        other_section: None,
    }
}

/// How far ahead among the inserted blocks a deleted block looks for its new version.
const WINDOW: usize = 4;

/// Pairs the deleted blocks of a run with the inserted ones, in order: the same requirement,
/// or blocks of the same kind that share most of their words (within the next [`WINDOW`]
/// inserted blocks), are one block changed; the rest are deleted or inserted.
fn pair(old: &[&Block], new: &[&Block], out: &mut Vec<BlockChange>) {
    // Each inserted block's words, split once however many deleted blocks look at it.
    let mut words_of: Vec<Option<Vec<&str>>> = vec![None; new.len()];
    let mut next = 0;
    for o in old {
        let found = match &o.id {
            // A requirement is found by its ID, wherever it is in the run.
            Some(id) => new[next..].iter().position(|n| n.id.as_ref() == Some(id)),
            None => {
                let mine = words::words(&o.text);
                (next..(next + WINDOW).min(new.len()))
                    .find(|&k| {
                        let n = new[k];
                        n.id.is_none()
                            && o.kind == n.kind
                            && words::alike_words(
                                &mine,
                                words_of[k].get_or_insert_with(|| words::words(&n.text)),
                            )
                    })
                    .map(|k| k - next)
            }
        };
        let Some(offset) = found else {
            out.push(block(BlockOp::Delete, o, Op::Delete));
            continue;
        };
        for n in &new[next..next + offset] {
            out.push(block(BlockOp::Insert, n, Op::Insert));
        }
        let n = new[next + offset];
        out.push(BlockChange {
            op: BlockOp::Changed,
            kind: n.kind,
            id: n.id.clone(),
            text: words::diff(&o.text, &n.text),
            other_section: None,
        });
        next += offset + 1;
    }
    for n in &new[next..] {
        out.push(block(BlockOp::Insert, n, Op::Insert));
    }
}

/// A requirement deleted in one place and inserted in another has moved: the deletion says
/// where it went, and the insertion shows how its text changed on the way.
fn mark_moves(a: &Side, b: &Side, out: &mut Changes) {
    let ids = |op: BlockOp| -> BTreeSet<String> {
        out.sections
            .iter()
            .flat_map(|s| &s.blocks)
            .filter(|c| c.op == op)
            .filter_map(|c| c.id.clone())
            .collect()
    };
    let (deleted, inserted) = (ids(BlockOp::Delete), ids(BlockOp::Insert));
    let section_of = |side: &Side, id: &str| {
        side.requirements
            .iter()
            .find(|r| r.id == id)
            .map(|r| side.section(r.section))
    };
    for c in out.sections.iter_mut().flat_map(|s| &mut s.blocks) {
        let Some(id) = c.id.clone() else { continue };
        if !(deleted.contains(&id) && inserted.contains(&id)) {
            continue;
        }
        if c.op == BlockOp::Delete {
            c.op = BlockOp::MovedAway;
            c.other_section = section_of(b, &id);
        } else if c.op == BlockOp::Insert {
            c.op = BlockOp::MovedHere;
            c.other_section = section_of(a, &id);
            c.text = words::diff(&block_text(a, &id), &block_text(b, &id));
        }
    }
}

/// The text of requirement `id`'s block.
fn block_text(side: &Side, id: &str) -> String {
    side.blocks
        .iter()
        .find(|b| b.id.as_deref() == Some(id))
        .map(|b| b.text.clone())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests;

/// The changes as plain text, for the terminal (`bcop diff`): requirements first, then the
/// redline of each changed section, with `[-deleted-]{+inserted+}` inside changed blocks.
pub fn human(c: &Changes) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    if c.is_empty() {
        out.push_str("No changes.\n");
        return out;
    }
    let n = c.counts();
    let _ = writeln!(
        out,
        "Requirements: {} added, {} removed, {} reworded, {} strengthened, {} weakened, {} reversed, {} moved; {} unchanged",
        n.added,
        n.removed,
        n.reworded,
        n.strengthened,
        n.weakened,
        n.reversed,
        n.moved,
        c.unchanged_requirements
    );
    let level = |l: Option<Level>| l.map_or("none", Level::name);
    let section = |s: &Option<SectionRef>| {
        s.as_ref()
            .map_or(String::new(), |s| format!("§{} ({})", s.title, s.id))
    };
    for r in &c.requirements {
        let what = match r.change {
            Change::Added => format!(
                "+ {} [{}] in {}",
                r.id,
                level(r.new_level),
                section(&r.new_section)
            ),
            Change::Removed => format!(
                "- {} [{}] was in {}",
                r.id,
                level(r.old_level),
                section(&r.old_section)
            ),
            Change::Changed => {
                let mut notes = Vec::new();
                if let Some(lc) = r.level_change {
                    let name = match lc {
                        LevelChange::Strengthened => "strengthened",
                        LevelChange::Weakened => "weakened",
                        LevelChange::Reversed => "reversed",
                    };
                    notes.push(format!(
                        "{} → {} ({name})",
                        level(r.old_level),
                        level(r.new_level)
                    ));
                }
                if r.reworded {
                    notes.push("reworded".to_string());
                }
                if r.moved {
                    notes.push(format!(
                        "moved from {} to {}",
                        section(&r.old_section),
                        section(&r.new_section)
                    ));
                }
                format!("~ {} {}", r.id, notes.join(", "))
            }
        };
        let _ = writeln!(out, "  {what}\n      {}", words::inline(&r.text));
    }
    let _ = writeln!(
        out,
        "\nSections: {} changed; {} unchanged",
        c.sections.len(),
        c.unchanged_sections
    );
    for s in &c.sections {
        let mark = match s.change {
            Change::Added => " (added)",
            Change::Removed => " (removed)",
            Change::Changed => "",
        };
        let _ = writeln!(out, "\n## {} ({}){mark}", s.title, s.id);
        for b in &s.blocks {
            let sign = match b.op {
                BlockOp::Equal => " ",
                BlockOp::Insert => "+",
                BlockOp::Delete => "-",
                BlockOp::Changed => "~",
                BlockOp::MovedHere => ">",
                BlockOp::MovedAway => "<",
            };
            let id = b.id.as_ref().map_or(String::new(), |id| format!("{id}: "));
            let text = match b.op {
                BlockOp::Changed | BlockOp::MovedHere => words::inline(&b.text),
                _ => b.text.iter().map(|s| s.text.as_str()).collect(),
            };
            let moved = match (b.op, &b.other_section) {
                (BlockOp::MovedHere, s @ Some(_)) => format!(" (moved from {})", section(s)),
                (BlockOp::MovedAway, s @ Some(_)) => format!(" (moved to {})", section(s)),
                _ => String::new(),
            };
            let _ = writeln!(out, "{sign} {id}{text}{moved}");
        }
    }
    out
}
