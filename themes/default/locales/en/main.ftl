# bcop default theme: English UI strings.
# Translators: keep the keys; change only the text after "=".

skip-to-content = Skip to content
nav-label = Site
nav-home = Home
nav-documents = Documents
language-switcher-label = Language
language-unavailable = Not available in this language: opens the document list
drafts-build = Preview build: drafts are included
footer-built-with = Built with bcop

home-choose-language = Choose your language
home-translated-count = { $count ->
    [0] No documents translated yet
    [one] One document available
   *[other] { $count } documents available
}

catalog-title = Documents
catalog-intro = { $count ->
    [one] One best current operational practice document, with every version and translation.
   *[other] { $count } best current operational practice documents, with every version and translation.
}
feed-link = Follow new versions (Atom feed)

label-status = Status
label-latest-version = Latest version
label-version = Version
label-date = Date
label-languages = Languages
label-authors = { $count ->
    [one] Author
   *[other] Authors
}
label-translators = { $count ->
    [one] Translator
   *[other] Translators
}
versions-count = { $count ->
    [one] one version
   *[other] { $count } versions
}

status-draft = Draft
status-published = Published
status-superseded = Superseded
status-withdrawn = Withdrawn

lang-state-source = Original
lang-state-complete = Translated
lang-state-partial = Partly translated
lang-state-missing = Not translated

versions-title = Version history
versions-all = All versions
version-label = Version { $version }
version-latest = latest

banner-draft = This is a draft. It is not an approved document and may change at any time.
banner-withdrawn = This document has been withdrawn and should no longer be followed.
banner-superseded = This version has been superseded by version { $latest }.
banner-older = You are reading an older version. The current version is { $latest }.
banner-go-latest = Read version { $latest }

redirect-notice = The latest version is { $version }. You are being taken there.

fallback-notice = This part has not been translated into { $language } yet. The text below is the original { $source } version.

chapters-title = Chapters
toc-title = On this page
chapter-previous = Previous
chapter-next = Next

not-found-title = Page not found
not-found-text = The page you asked for does not exist. It may have moved to another version.

alert-note = Note
alert-tip = Tip
alert-important = Important
alert-warning = Warning
alert-caution = Caution

caption-table = Table { $number }
caption-figure = Figure { $number }

lang-state-outdated = Translation outdated
lang-state-unstamped = Translated, not yet stamped

outdated-section = The source of this section changed after this translation was made.
outdated-section-source = This section is shown in the original language: its translation is out of date.
outdated-section-link = Read the current source
outdated-abstract = The original abstract changed after this translation was made.
outdated-added = { $count ->
    [one] A section was added to the source after this translation was made:
   *[other] { $count } sections were added to the source after this translation was made:
}
outdated-header = { $count ->
    [one] One section of the source changed after this translation was made. It is marked below.
   *[other] { $count } sections of the source changed after this translation was made. They are marked below.
}

label-id = Identifier
label-language = Language
label-pdf = PDF
# The cover page's and the PDF title page's rows: who issues the version, the version it
# replaces ("Supersedes: Version 1.0"), its licence, where to send comments, and the abstract.
label-publisher = Publisher
label-supersedes = Supersedes
label-license = License
label-feedback = Feedback
label-abstract = Abstract
pdf-contents = Contents
pdf-page-of = Page { $current } of { $total }
pdf-draft = DRAFT
pdf-fallback-document = This document has not been translated into { $language } yet. Its text is the original { $source } version.
pdf-outdated-source = Source section:
download-pdf = PDF ({ $size })
print-edition = Print edition
print-contents = Contents

# BCP 14 keywords and requirements
bcp14-absolute = absolute requirement (BCP 14: MUST, REQUIRED, SHALL)
bcp14-prohibited = absolute prohibition (BCP 14: MUST NOT, SHALL NOT)
bcp14-recommended = recommended (BCP 14: SHOULD, RECOMMENDED)
bcp14-not-recommended = not recommended (BCP 14: SHOULD NOT, NOT RECOMMENDED)
bcp14-optional = optional (BCP 14: MAY, OPTIONAL)
bcp14-boilerplate = The key words "MUST", "MUST NOT", "REQUIRED", "SHALL", "SHALL NOT", "SHOULD", "SHOULD NOT", "RECOMMENDED", "NOT RECOMMENDED", "MAY", and "OPTIONAL" in this document are to be interpreted as described in BCP 14 (RFC 2119 and RFC 8174) when, and only when, they appear in all capitals, as shown here.
level-absolute = Must
level-prohibited = Must not
level-recommended = Should
level-not-recommended = Should not
level-optional = May
level-none = No keyword
requirements-title = Requirements
requirements-link = { $count ->
    [one] 1 requirement
   *[other] { $count } requirements
}
requirements-intro = { $count ->
    [one] This version has one requirement.
   *[other] This version has { $count } requirements.
} Each links to the section it is in. The same list is available as a checklist to download.
requirements-col-id = ID
requirements-col-level = Level
requirements-col-text = Requirement
requirements-col-section = Section
requirements-csv = Checklist (CSV)
requirements-json = Checklist (JSON)
requirements-fallback = Not translated yet: the original text is shown.
requirements-outdated = Its source changed after this translation was made.
pdf-requirements = Requirements
pdf-page = Page
changes-title = Changes from version { $from } to { $to }
changes-link = Changes since { $from }
changes-intro = What changed since version { $from }: first the requirements, then the text of each changed section. Inserted words are underlined, deleted words are struck through.
changes-source-notice = This translation does not cover both versions in full, so the changes are shown in the original text.
changes-requirements = Requirements
changes-summary = Added: { $added } · Removed: { $removed } · Reworded: { $reworded } · Strengthened: { $strengthened } · Weakened: { $weakened } · Moved: { $moved }
changes-unchanged-requirements = { $count ->
    [one] One requirement is unchanged.
   *[other] { $count } requirements are unchanged.
}
changes-col-id = ID
changes-col-change = Change
changes-col-text = Text
changes-added = Added
changes-removed = Removed
changes-reworded = Reworded
changes-strengthened = Strengthened
changes-weakened = Weakened
changes-reversed = Reversed
changes-moved = Moved
changes-redline = Changed text
changes-unchanged-sections = { $count ->
    [one] One section is unchanged.
   *[other] { $count } sections are unchanged.
}
changes-section-added = New section
changes-section-removed = Removed section
changes-moved-here = Moved here from “{ $section }”
changes-moved-away = Moved to “{ $section }”
changes-none = Nothing changed.
changes-inserted = inserted
changes-deleted = deleted
pdf-changes = Changes from version { $from }
changes-skipped = { $count ->
    [one] One unchanged paragraph
   *[other] { $count } unchanged paragraphs
}
# Language names as a sentence in this language says them ("translated into French").
language-name-en = English
language-name-pt-BR = Portuguese
language-name-es = Spanish
language-name-fr = French
language-name-ja = Japanese
# What joins a label to what it labels ("Version history: Abuse Desk Operations").
label-separator = { ": " }
pager-label = Previous and next chapter
cite-title = Cite this
cite-downloads = Download the reference:
# The reference: $authors (or the publisher, when a version names none), $title, $version,
# $id when $has_id is 1, $translators when $translators_count is not 0, the $publisher (the
# version's, else the site), $date, the $language of the text as a sentence says it, and its
# $url.
cite-text = { $authors }. { $title }. Version { $version }{ $has_id ->
    [0] {""}
   *[other] {" "}({ $id })
}{ $translators_count ->
    [0] {""}
   *[other] , translated by { $translators }
}. { $publisher }, { $date }. In { $language }. Available at { $url }
name-separator = { ", " }
cite-undated = n.d.

# Search (the box in the header, and its results).
search-label = Search
search-placeholder = Search the documents
search-close = Close
search-document = Document
search-all-documents = All documents
search-version = Version
search-latest-versions = Latest version
search-all-versions = All versions
search-none = No results.
search-too-short = Type two letters or more.
search-more = Show more results
search-status-translation = Translation
search-status-outdated = Translation, out of date
search-status-fallback = Not translated yet: the { $source } original
search-loading = Searching…
search-failed = The search index could not be loaded.
search-count = { $count ->
    [one] { $count } result
   *[other] { $count } results
}
search-offline = Search works only when the site is served by a web server (for example “bcop serve”), not opened as a file.
