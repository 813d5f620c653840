//! The stable codes of bcop's diagnostics, as `check --format json` and CI read them.
//!
//! Each code has one meaning, listed here once: the README's table of codes is checked against
//! this list by a test, so neither can drift from the other.

macro_rules! codes {
    ($($variant:ident $name:literal $what:literal,)*) => {
        /// What kind of problem a diagnostic reports.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Code {
            $($variant,)*
        }

        impl Code {
            /// Every code, in the order of the README's table.
            pub const ALL: &[Code] = &[$(Code::$variant,)*];

            /// The code as users see and match it, e.g. `broken-link`.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Code::$variant => $name,)*
                }
            }

            /// One line on what the code means, for the README's table.
            pub fn meaning(self) -> &'static str {
                match self {
                    $(Code::$variant => $what,)*
                }
            }
        }
    };
}

codes! {
    // site.yaml
    MissingConfig "missing-config" "there is no `site.yaml` in the site's folder",
    BadYaml "bad-yaml" "YAML that cannot be read: syntax, an unknown field, a wrong type, an alias bomb",
    BadBaseUrl "bad-base-url" "`base_url` is not an absolute URL or path",
    BadLanguage "bad-language" "a language code that is not a BCP 47 tag",
    DuplicateLanguage "duplicate-language" "a language listed twice in `site.yaml`",
    BadSourceLanguage "bad-source-language" "`source_language` is not one of `languages`",
    BadTheme "bad-theme" "a theme name that is not a folder name",
    MissingTheme "missing-theme" "`theme` names a folder that `themes/` lacks",
    // the files of content/ and locales/
    NotUtf8 "not-utf8" "a text file that is not UTF-8",
    FileTooLarge "file-too-large" "a text file over 16 MiB",
    BadDocFolder "bad-doc-folder" "a folder in `content/` whose name is not a document name",
    BadVersionFolder "bad-version-folder" "a version folder whose name is not a version number",
    MissingIndex "missing-index" "a version folder without `index.md`",
    MissingFrontMatter "missing-front-matter" "an `index.md` without front matter",
    UnclosedFrontMatter "unclosed-front-matter" "front matter without its closing `---`",
    BadStatus "bad-status" "a status other than draft, published, superseded or withdrawn",
    MissingDate "missing-date" "a published version without `date`",
    BadDate "bad-date" "a date that is not `YYYY-MM-DD`",
    BadId "bad-id" "a document id that is not plain text",
    BadVersionRef "bad-version-ref" "`supersedes` or `superseded_by` that is not a version number",
    BadFeedback "bad-feedback" "a `feedback` that is neither an email address nor a web address",
    UnknownKey "unknown-key" "a front matter key that looks like a misspelt known one",
    BadFrontMatterValue "bad-front-matter-value" "an extra front matter value that templates cannot read",
    MissingChapter "missing-chapter" "`chapters:` names a file that does not exist",
    UnlistedChapter "unlisted-chapter" "a chapter file that `chapters:` leaves out",
    OrphanTranslation "orphan-translation" "a translated file or version without a source",
    NestingTooDeep "nesting-too-deep" "lists and block quotes nested more than 16 levels deep",
    CaptionMismatch "caption-mismatch" "a translation that captions other tables or figures than its source, so their numbers differ",
    // requirements
    DuplicateRequirement "duplicate-requirement" "a requirement ID used twice in a version, or also a heading's id",
    RequirementWithoutKeyword "requirement-without-keyword" "a requirement without a BCP 14 keyword, so without a level",
    KeywordOutsideRequirement "keyword-outside-requirement" "a BCP 14 keyword outside any requirement, in a document that has requirements",
    RequirementMissing "requirement-missing" "a translation lacks a requirement ID of its source",
    RequirementUnknown "requirement-unknown" "a translation has a requirement ID that its source lacks",
    RequirementLevel "requirement-level" "a translated requirement's level differs from its source's (MUST translated as DEVERIA)",
    // the documents together
    DuplicateId "duplicate-id" "two documents with the same `id`",
    UnknownVersion "unknown-version" "`supersedes` or `superseded_by` names a version that does not exist",
    SupersededWithoutSuccessor "superseded-without-successor" "a superseded version with no later version",
    BrokenLink "broken-link" "a link to a page, chapter, document or version that does not exist",
    BrokenAnchor "broken-anchor" "a link to a `#section` that the page does not have",
    MissingImage "missing-image" "an image file that does not exist",
    OutdatedTranslation "outdated-translation" "an outdated translation under the `fail` policy",
    // UI strings and templates
    BadFtl "bad-ftl" "a Fluent catalog with a syntax error",
    MissingUiString "missing-ui-string" "a UI string that a language lacks (it shows the source language's)",
    ExtraUiString "extra-ui-string" "a UI string that the source language lacks",
    UnusedUiString "unused-ui-string" "a UI string that no template uses",
    UiStringVariables "ui-string-variables" "a translated UI string whose `$variables` differ from the source's",
    BadTemplate "bad-template" "a template that does not compile",
    TemplateError "template-error" "a template that fails while a page is made",
    // PDFs
    MissingPdfTemplate "missing-pdf-template" "the theme has no `pdf/document.typ`",
    PdfTemplate "pdf-template" "a syntax error in the PDF template",
    PdfTypst "pdf-typst" "Typst could not typeset a PDF",
    PdfCjkFont "pdf-cjk-font" "CJK text that no font can show: its PDF is left out",
    PdfTooLarge "pdf-too-large" "a document or table too large for a PDF: its PDF is left out",
    MissingGlyph "missing-glyph" "characters that no font can show in a PDF",
    PdfCache "pdf-cache" "the PDF cache cannot be written (the PDF itself is fine)",
    // the output folder and the commands
    UnsafeOutput "unsafe-output" "an output folder inside the sources, above the site, `/` or the home folder",
    ForeignOutput "foreign-output" "an output folder (or its spare) that holds files bcop did not write",
    BadArgument "bad-argument" "a command-line argument that names nothing bcop can use",
    AlreadyExists "already-exists" "`bcop new` would overwrite a file or folder",
    NotATranslation "not-a-translation" "`bcop translate stamp` was given a file outside `locales/`",
    Serve "serve" "`bcop serve` cannot listen or watch",
    NotAGitRepository "not-a-git-repository" "`bcop changed` was run on a site outside a git repository",
    UnknownRef "unknown-ref" "`bcop changed --since` names a commit that the repository does not have",
    GitFailed "git-failed" "git is missing, or failed while `bcop changed` read a commit",
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl serde::Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::Code;

    #[test]
    fn codes_are_unique_kebab_case_and_described() {
        let mut seen = std::collections::HashSet::new();
        for c in Code::ALL {
            assert!(seen.insert(c.as_str()), "{c} twice");
            assert!(
                c.as_str()
                    .chars()
                    .all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit() || ch == '-'),
                "{c}"
            );
            assert!(!c.meaning().is_empty());
        }
    }

    /// The README's table of codes is this list, in this order, with these meanings.
    #[test]
    fn the_readme_lists_every_code_and_no_other() {
        let readme = include_str!("../../README.md");
        let start = readme
            .find("| code | meaning |")
            .expect("the README has a table of codes");
        let table: Vec<(String, String)> = readme[start..]
            .lines()
            .skip(2)
            .take_while(|l| l.starts_with('|'))
            .filter_map(|l| {
                let rest = l.strip_prefix("| `")?;
                let (code, rest) = rest.split_once("` | ")?;
                let meaning = rest.strip_suffix(" |")?;
                Some((code.to_string(), meaning.to_string()))
            })
            .collect();
        let expected: Vec<(String, String)> = Code::ALL
            .iter()
            .map(|c| (c.as_str().to_string(), c.meaning().to_string()))
            .collect();
        let rows: Vec<String> = expected
            .iter()
            .map(|(c, m)| format!("| `{c}` | {m} |"))
            .collect();
        assert_eq!(
            table,
            expected,
            "the README's table of codes should read:\n{}",
            rows.join("\n")
        );
    }
}
