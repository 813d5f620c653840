//! bcop's integration tests: one binary, a module per feature. See `support.rs` for the helper
//! that builds fixture sites with the real `bcop` binary.

mod errors;
mod example_site;
mod masvs;
mod output;
mod support;
