//! bcop's integration tests: one binary, a module per feature. See `support.rs` for the helper
//! that builds fixture sites with the real `bcop` binary.

mod a11y;
mod changes;
mod check;
mod ci;
mod cite;
mod errors;
mod example_site;
mod feed;
mod incremental;
mod limits;
mod masvs;
mod new;
mod output;
mod pdf;
mod requirements;
mod safety;
mod search;
mod serve;
mod support;
mod title_page;
mod translation;
