use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = bcop::cli::Cli::parse();
    match bcop::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(bcop::error::Error::Reported) => ExitCode::FAILURE,
        Err(e @ bcop::error::Error::Site(_)) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
