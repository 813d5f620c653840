//! Requirements across a document: the checks that keep their IDs unique and their levels the
//! same in every language ([`check`]), the index and checklists of each version and language
//! ([`index`]), and what changed between versions ([`changes`]). Finding them in a chapter is
//! the Markdown reader's job ([`crate::markdown::requirements`]).

pub mod check;
pub mod index;
