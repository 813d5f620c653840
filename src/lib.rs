//! # bcop: architecture
//!
//! bcop compiles a site (`site.yaml`, `content/`, `locales/`, `themes/`) into a static,
//! versioned, multilingual website. The [`pipeline`] runs four stages that pass plain data:
//!
//! 1. [`load`] reads the source tree: `site.yaml` into a validated [`load::config::SiteConfig`],
//!    each `content/<doc>/<version>/` with its front matter and chapters, the translations in
//!    `locales/<lang>/<doc>/<version>/`, and the theme's templates, catalogs and static files
//!    (site files over the theme's, over the built-in default theme). It is the only stage
//!    that reads the site; [`paths`] is the only place that spells out where things are.
//! 2. [`resolve`] decides what is built: drafts or not, the latest version of each document,
//!    and for every version and language whether it is the source, a complete or partial
//!    translation, or missing (and so shown as a marked fallback, or omitted), and how each
//!    translated chapter relates to its source ([`translate`]).
//! 3. [`render`] renders the documents in parallel (rayon), each as one unit. First the
//!    [`marks`] of every translated chapter are decided (outdated sections, sections shown in
//!    the source language); then every chapter's Markdown is rendered once per language
//!    ([`markdown`], heading ids shared across languages); one PDF per version and language is
//!    typeset with Typst ([`pdf`], cached on disk by content); then the pages are filled into
//!    the Tera templates with view structs ([`render::views`]), with the print editions. UI
//!    strings come only from Fluent ([`i18n`]). Links are checked across all documents, and the
//!    catalogs, sitemap and feeds are put together from the units' parts.
//! 4. [`write`] takes each document's files into a staging folder as soon as they are
//!    rendered, and swaps it in once the build has succeeded, so a failed build never damages
//!    the published site, the output is never held in memory whole, and no file that bcop did
//!    not write is ever touched.
//!
//! Each stage keeps its per-document work in a memo keyed by content hash ([`memo`]), held in
//! the pipeline's [`pipeline::State`], so that `serve` rebuilds only the documents an edit
//! touched; `build` and `check` run the same code with a single-use state.
//!
//! Around the pipeline: the command layer ([`cmd`]) turns command lines ([`cli`]) into plain
//! options; [`serve`] runs the pipeline on every change and reloads the browser; `bcop check`
//! reports every diagnostic without writing; `bcop translate` stamps translations
//! ([`translate::stamp`]) and reports their state; `bcop changed` ([`compare`]) runs the
//! pipeline on the working tree and on a git commit's copy of the site, in memory, and reports
//! which documents, versions, languages and translations differ.
//!
//! Every problem an author can make is a [`error::Diagnostic`] with a stable
//! [`error::Code`] and, where it comes from a file, `path:line:col`.

mod bcp14;
mod changes;
pub mod cli;
pub mod cmd;
mod compare;
mod edit;
pub mod error;
#[doc(hidden)]
pub mod fuzz;
mod i18n;
mod load;
mod markdown;
mod marks;
mod memo;
mod paths;
mod pdf;
pub mod pipeline;
mod render;
mod requirements;
mod resolve;
mod search;
mod serve;
mod timing;
mod translate;
mod write;
