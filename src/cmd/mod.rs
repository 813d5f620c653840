//! One file per subcommand, each with one entry function.

pub mod build;
