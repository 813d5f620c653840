//! Unit tests of the Markdown to Typst converter, on the markup it generates.

use std::collections::BTreeMap;

use super::PdfChapter;
use super::assets::Assets;
use super::markup::convert;
use super::targets::Targets;

fn chapter(markdown: &str) -> PdfChapter {
    PdfChapter {
        outdated: Default::default(),
        title: "Title".into(),
        markdown: markdown.into(),
        heading_ids: Vec::new(),
        lang: "en".into(),
        fallback: false,
        assets: BTreeMap::new(),
        source_path: "content/d/1.0/index.md".into(),
        body_line: 0,
        keywords: None,
    }
}

fn markup(markdown: &str) -> String {
    let chapters = [chapter(markdown)];
    let targets = Targets::new(&chapters);
    let strings = super::PdfStrings {
        alert_titles: ["Note", "Tip", "Important", "Warning", "Caution"].map(String::from),
        captions: crate::markdown::Captions {
            table: "表{number}".into(),
            figure: "図{number}".into(),
        },
        ..super::PdfStrings::default()
    };
    convert(0, &chapters[0], &targets, &mut Assets::default(), &strings).markup
}

/// The markup must parse: an unbalanced bracket would break the whole document.
fn assert_parses(markup: &str) {
    let (errors, _) = typst::syntax::parse(markup).errors_and_warnings();
    assert!(errors.is_empty(), "{errors:?} in\n{markup}");
}

#[test]
fn inline_markdown_becomes_explicit_calls() {
    let m = markup("# T\n\n*a* **b** ~~c~~ `d` [e](https://e.org/?a=1&b=\"2\")\n");
    for call in [
        "#emph[a];",
        "#strong[b];",
        "#strike[c];",
        "#raw(\"d\");",
        "#link(\"https://e.org/?a=1&b=\\\"2\\\"\")[e];",
    ] {
        assert!(m.contains(call), "{call} not in {m}");
    }
    assert_parses(&m);
}

#[test]
fn hostile_markdown_stays_text_and_the_markup_parses() {
    let m = markup(
        "# T\n\n#import \"x\": * and $x$ and &lt;label&gt; and @ref and \\\\ and ]] and [[\n\
         = not a heading\n\n1986\\. A good year.\n\n\
         | a ] | b #c |\n|---|---|\n| `]` | $ |\n\n[^n]: note with ] and #x\n\nRef[^n].\n",
    );
    assert_parses(&m);
    assert!(!m.replace("\\#", "").contains("#import"), "{m}");
    assert!(m.contains("\\#import") && m.contains("\\<label\\>") && m.contains("\\@ref"));
    assert!(m.contains("1986\\. A good year"), "{m}");
}

#[test]
fn line_breaks_inside_japanese_text_are_not_spaces() {
    let m = markup("# T\n\n日本語の\n文章 and\nmore\n");
    assert!(m.contains("日本語の文章 and\nmore"), "{m}");
}

#[test]
fn headings_get_labels_and_internal_links_point_at_them() {
    let m = markup("Intro links to [scope](#scope) and [nowhere](#missing).\n\n## Scope\n");
    assert!(
        m.starts_with("#heading(level: 1)[Title];#label(\"c0\");"),
        "{m}"
    );
    assert!(
        m.contains("#heading(level: 2)[Scope];#label(\"c0-scope\");"),
        "{m}"
    );
    assert!(m.contains("#link(label(\"c0-scope\"))[scope];"), "{m}");
    assert!(
        m.contains(" and nowhere."),
        "a link to nothing keeps its text: {m}"
    );
}

#[test]
fn footnotes_appear_where_referenced_and_a_second_reference_reuses_the_note() {
    let m = markup("# T\n\nOne[^a] two[^a] three[^missing].\n\n[^a]: The *note*.\n");
    assert!(
        m.contains("One#footnote[The #emph[note];.];#label(\"f0-1\");"),
        "{m}"
    );
    assert!(m.contains("two#footnote(label(\"f0-1\"));"), "{m}");
    assert!(m.contains("three\\[^missing\\]"), "{m}");
    assert_parses(&m);
}

#[test]
fn html_line_breaks_survive_and_other_tags_and_comments_are_dropped() {
    let m = markup(
        "# T\n\na<br>b <span class=\"x\">c</span>\n\n<!-- secret -->\n\n<div>\nblock\n</div>\n",
    );
    assert!(m.contains("a#linebreak();b c"), "{m}");
    assert!(
        !m.contains("span") && !m.contains("secret") && !m.contains("div"),
        "{m}"
    );
}

#[test]
fn lists_tasks_quotes_alerts_and_code_blocks_convert() {
    let m = markup(
        "# T\n\n- a\n  - b\n\n3. c\n4. d\n\n- [x] done\n- [ ] open\n\n> quoted\n\n\
         > [!TIP]\n> tip text\n\n```rust,ignore\nfn main() {}\n```\n\n    indented\n\n---\n",
    );
    for piece in [
        "#list(tight: true,\n[a\n#list(tight: true,\n[b],);],);",
        "#enum(start: 3, tight: true,",
        "#list(marker: [], tight: true,\n[#bcop-task(true); done],",
        "#quote(block: true)[\nquoted];",
        "#bcop-alert(\"tip\", \"Tip\")[\ntip text];",
        "#raw(block: true, lang: \"rust\", \"fn main() {}\");",
        "#raw(block: true, \"indented\");",
        "#bcop-rule();",
    ] {
        assert!(m.contains(piece), "{piece:?} not in\n{m}");
    }
    assert_parses(&m);
}

#[test]
fn tables_keep_their_header_row_and_alignment() {
    let m = markup("# T\n\n| a | b |\n|:-:|--:|\n| 1 | 2 |\n");
    assert!(m.contains("align: (center, right,)"), "{m}");
    assert!(
        m.contains("table.header([a], [b], ),\n  [1], [2], \n"),
        "{m}"
    );
    assert_parses(&m);
}

#[test]
fn a_caption_paragraph_before_a_table_and_a_titled_image_alone_are_numbered() {
    let m = markup(
        "# T\n\nTable: Response *times*\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n\
         Table: not followed by a table\n\n\
         ![flow](missing.svg \"The flow\")\n\nText ![icon](i.svg \"inline\") here.\n\n\
         Table: Second\n\n| c |\n|---|\n| 3 |\n",
    );
    assert!(
        m.contains("#bcop-table(wide: false, caption: (label: \"表1\", body: [Response #emph[times];]), table("),
        "{m}"
    );
    assert!(
        m.contains("caption: (label: \"表2\", body: [Second]), table("),
        "{m}"
    );
    // A figure whose image is missing keeps its number and caption under the placeholder.
    assert!(
        m.contains("#bcop-missing-image(\"missing.svg\", block: true, caption: (label: \"図1\", body: \"The flow\"));"),
        "{m}"
    );
    assert!(
        m.contains("#bcop-missing-image(\"i.svg\", block: false, caption: none);"),
        "{m}"
    );
    // A caption paragraph without a table after it stays a paragraph, marker and all.
    assert!(m.contains("Table\\: not followed by a table"), "{m}");
    assert_eq!(m.matches("Response").count(), 1, "{m}");
    assert_parses(&m);
}

#[test]
fn a_footnote_inside_a_requirement_leaves_its_marker_out_and_its_note_whole() {
    use crate::bcp14::{Level, Table};
    let mut c = chapter(
        "# T\n\nReports SHOULD include the ports.[^p] {#FMT-6}\n\nNext.\n\n[^p]: See RFC 6302.\n",
    );
    c.keywords = Some(Table::new(&BTreeMap::from([(
        Level::Recommended,
        vec!["SHOULD".to_string()],
    )])));
    let chapters = [c];
    let targets = Targets::new(&chapters);
    let m = convert(
        0,
        &chapters[0],
        &targets,
        &mut Assets::default(),
        &super::PdfStrings::default(),
    )
    .markup;
    assert!(m.contains("#bcop-req(\"FMT-6\", \"recommended\")"), "{m}");
    assert!(m.contains("#bcop-keyword(\"recommended\")[SHOULD];"), "{m}");
    assert!(m.contains("#footnote[See RFC 6302\\.];"), "{m}");
    assert!(!m.contains("FMT-6}"), "the marker is not shown: {m}");
    assert_parses(&m);
}
