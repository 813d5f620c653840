use clap::Parser;
use std::process::ExitCode;

// A build allocates and frees many page-sized buffers from two threads: mimalloc does that with
// less work and fewer page faults than the system allocator (see bench/results.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = bcop::cli::Cli::parse();
    match bcop::cmd::run(cli) {
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
