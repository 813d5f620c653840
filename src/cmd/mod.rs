//! One file per subcommand, each with one entry function. (`serve` is a module of its own.)

pub mod build;
pub mod check;
pub mod new;
pub mod translate;
