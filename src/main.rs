use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = bcop::cli::Cli::parse();
    match bcop::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}
